import type { ReactNode } from 'react';

/**
 * The Papierkorb below a list: heading, a sentence what it is, and the deleted entries as a table (cells given
 * by the caller) with a "Wiederherstellen" button each; a muted line when nothing is in it.
 */
export function TrashSection<T extends { id: string }>(props: {
  id: string;
  className: string;
  title: string;
  intro: string;
  emptyText: string;
  columns: readonly string[];
  actionsLabel: string;
  items: readonly T[];
  cells: (item: T) => ReactNode;
  restoreText: string;
  restoreLabel: (item: T) => string;
  disabled: boolean;
  onRestore: (item: T) => void;
}) {
  const { id, className, title, intro, emptyText, columns, actionsLabel, items, cells, restoreText, restoreLabel, disabled, onRestore } =
    props;
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id}>{title}</h2>
      <p>{intro}</p>
      {items.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <table className="data compact">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {column}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">{actionsLabel}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                {cells(item)}
                <td>
                  <button type="button" disabled={disabled} aria-label={restoreLabel(item)} onClick={() => onRestore(item)}>
                    {restoreText}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
