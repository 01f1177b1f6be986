import type { ReactNode } from 'react';

/** A select's options: each item's value (the item itself for codes) and its label. */
export function Options<T>(props: { items: readonly T[]; label: (item: T) => ReactNode; value?: (item: T) => string }) {
  const value = props.value ?? String;
  return props.items.map((item) => (
    <option key={value(item)} value={value(item)}>
      {props.label(item)}
    </option>
  ));
}
