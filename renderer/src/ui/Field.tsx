import type { ReactNode } from 'react';

/** One labelled value of a record, in a `<dl>`. */
export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
