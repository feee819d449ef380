/**
 * How many live measures use each entry of a reference list, in one pass over the rows (the "Maßnahmen"
 * column; sorting by it asks for every row's count, so counting per row would be quadratic).
 */
export function usedBy<R extends { deletedAt: string | null }>(
  rows: readonly R[],
  ids: (row: R) => readonly (string | null)[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.deletedAt) continue;
    for (const id of new Set(ids(row))) if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
