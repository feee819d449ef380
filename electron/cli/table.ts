/** Plain-text tables with aligned columns, for terminals and for pasting into mails. */

export type Align = 'left' | 'right';

export interface TableOptions {
  align?: readonly Align[];
  indent?: string;
  /** Underline the first row with dashes as wide as each column. */
  header?: boolean;
}

/** Pads each cell to its column's width; trailing blanks are trimmed. */
export function renderTable(
  rows: readonly (readonly string[])[],
  { align = [], indent = '', header = false }: TableOptions = {},
): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const line = (row: readonly string[]) =>
    (indent + row.map((cell, i) => (align[i] === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ')).trimEnd();
  const lines = rows.map(line);
  if (header && lines.length > 0) lines.splice(1, 0, line(widths.map((w) => '-'.repeat(w))));
  return lines;
}
