import type { ReactNode } from 'react';

/** A figure: its label, its value, and the value's class (a warning colour) if any. */
export type Figure = readonly [label: string, value: ReactNode, className?: string];

/** Labelled figures in a `<dl>`, each pair in its own box so that a grid lays them out. */
export function FigureList({ figures, className, label }: { figures: readonly Figure[]; className: string; label?: string }) {
  return (
    <dl className={className} aria-label={label}>
      {figures.map(([name, value, valueClass]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd className={valueClass}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
