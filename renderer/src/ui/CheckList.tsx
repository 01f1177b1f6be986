import type { ReactNode } from 'react';

/** A checkbox for each item; `selected` says which are ticked, in the order they were ticked. */
export function CheckList<T extends string>(props: {
  items: readonly T[];
  selected: ReadonlySet<T>;
  onChange: (selected: Set<T>) => void;
  label?: (item: T) => ReactNode;
}) {
  const toggle = (item: T, on: boolean) => {
    const next = new Set(props.selected);
    if (on) next.add(item);
    else next.delete(item);
    props.onChange(next);
  };
  return props.items.map((item) => (
    <label key={item} className="radio">
      <input type="checkbox" checked={props.selected.has(item)} onChange={(e) => toggle(item, e.target.checked)} />
      {props.label ? props.label(item) : item}
    </label>
  ));
}
