import { useMemo } from 'react';
import { de } from '@shared/i18n/de';
import { DataTable, useTableSort, type Column } from '../../ui/DataTable';

const trashTexts = de.ui.trash;

/**
 * One group of the Papierkorb in the shared table (issue 15): its columns, sortable from the header and
 * remembered per group, and a last column with the group's "Wiederherstellen". Newest deletion first
 * until a column is chosen (the rows come in that order).
 */
export function TrashTable<R>(props: {
  listKey: string;
  caption: string;
  columns: readonly Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
  restoreLabel: (row: R) => string;
  onRestore: (row: R) => void;
  disabled: boolean;
}) {
  const { listKey, caption, columns: own, rows, rowKey, restoreLabel, onRestore, disabled } = props;
  const columns = useMemo<Column<R>[]>(
    () => [
      ...own,
      {
        key: 'restore',
        label: trashTexts.restore,
        hideLabel: true,
        width: 170,
        fixed: true,
        sortable: false,
        text: () => '',
        cell: (row) => (
          <button type="button" disabled={disabled} aria-label={restoreLabel(row)} onClick={() => onRestore(row)}>
            {trashTexts.restore}
          </button>
        ),
      },
    ],
    [own, disabled, restoreLabel, onRestore],
  );
  const { sort, onSort, sorted } = useTableSort(listKey, columns, rows);
  return (
    <DataTable
      listKey={listKey}
      caption={caption}
      columns={columns}
      rows={sorted}
      rowKey={rowKey}
      sort={sort}
      onSort={onSort}
      className="table-flow"
      tableClassName="with-buttons"
      emptyText={trashTexts.empty}
    />
  );
}
