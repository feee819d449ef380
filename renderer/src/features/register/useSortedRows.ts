import { useMemo } from 'react';
import { resortRows, type SortedRows } from '@shared/register/resortRows';
import type { MeasureRow, SortKey } from '@shared/register/search';

/**
 * The last sorted register list, kept across mounts: after a save the list comes back (beside the detail,
 * or when going back to it) with one row changed, and only that row is put in its place again (resortRows).
 * A cache outside React: what it returns depends only on the arguments.
 */
let last: SortedRows | null = null;

function sortedRegisterRows(rows: readonly MeasureRow[], key: SortKey, direction: 'asc' | 'desc'): MeasureRow[] {
  last = resortRows(last, rows, key, direction);
  return last.sorted;
}

/** `sortRows(rows, key, direction)`, updated from the previous result when only a few rows changed. */
export function useSortedRows(rows: readonly MeasureRow[], key: SortKey, direction: 'asc' | 'desc'): MeasureRow[] {
  return useMemo(() => sortedRegisterRows(rows, key, direction), [rows, key, direction]);
}
