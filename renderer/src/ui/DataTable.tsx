import { Fragment, type ReactNode } from 'react';

export interface Column<R> {
  /** The column's heading. A table none of whose columns has one has no header row. */
  header?: string;
  cell: (row: R) => ReactNode;
  /** This column names the row: it is the row's header (`<th scope="row">`). */
  rowHeader?: boolean;
  className?: string;
}

/** A table described as data: its columns, its rows, and what to show when there are none. */
export function DataTable<R>(props: {
  label: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  rowClass?: (row: R) => string;
  onRowClick?: (row: R) => void;
  /** Said in a row of its own when there are no rows. */
  empty?: string;
  /** Shown under a row, across the whole table (its editor, say), when not null. */
  detail?: (row: R) => ReactNode;
  /** The table's look: the board's plain rows unless the face has its own. */
  className?: string;
}) {
  const { columns } = props;
  const headed = columns.some((c) => c.header !== undefined);
  return (
    <table className={props.className ?? 'service-table'} aria-label={props.label}>
      {headed && (
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
      )}
      <tbody>
        {props.rows.map((row) => {
          const detail = props.detail?.(row);
          return (
            <Fragment key={props.rowKey(row)}>
              <tr className={props.rowClass?.(row)} onClick={props.onRowClick && (() => props.onRowClick!(row))}>
                {columns.map((c, i) =>
                  c.rowHeader ? (
                    <th key={i} scope="row" className={c.className}>
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td key={i} className={c.className}>
                      {c.cell(row)}
                    </td>
                  ),
                )}
              </tr>
              {detail && (
                <tr className="detail-row">
                  <td colSpan={columns.length}>{detail}</td>
                </tr>
              )}
            </Fragment>
          );
        })}
        {props.rows.length === 0 && props.empty && (
          <tr>
            <td colSpan={columns.length} className="muted">
              {props.empty}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
