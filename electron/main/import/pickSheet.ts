/**
 * Which sheet of a workbook to import when none was named: the one whose header row names every column the
 * kind requires and most of the others (exported workbooks start with an "Übersicht"; the Kennzahlen of an
 * evaluation export are on their own sheet). Each sheet is read in the worker. When none fits, the error
 * names the sheets.
 */
import { planImport, type ImportKind } from '@shared/import/importMapping';
import type { RegisterDocument } from '@shared/register/register';
import { de } from '@shared/i18n/de';
import type { ParsedSheet } from '@main/import/parseSpreadsheet';

/** At most this many sheets are tried (each is a parse in the worker). */
const MAX_SHEETS_TRIED = 20;

/** How well `table` fits `kind`: the number of recognised columns, or -1 when a required one is missing. */
function fit(table: ParsedSheet, kind: ImportKind, doc: RegisterDocument): number {
  // The mapping check needs the header only: the first rows are enough.
  const preview = planImport({ sheet: table.sheet, rows: table.rows.slice(0, 21) }, kind, null, doc).preview;
  return preview.problems.length === 0 ? Object.keys(preview.mapping).length : -1;
}

export class NoFittingSheetError extends Error {
  constructor(
    readonly kind: ImportKind,
    readonly sheets: readonly string[],
  ) {
    super(de.import.file.noFittingSheet(de.import.kinds[kind], sheets));
    this.name = 'NoFittingSheetError';
  }
}

/**
 * Of a workbook with several sheets, the one whose headers fit `kind` best (most recognised columns, all
 * required ones present; the earlier one on a tie): an overview's small tables may name a few columns too.
 * A single sheet is taken as it is. Throws NoFittingSheetError naming the sheets when none fits.
 */
export async function pickSheet(
  first: ParsedSheet,
  kind: ImportKind,
  doc: RegisterDocument,
  read: (sheet: string) => Promise<ParsedSheet>,
): Promise<ParsedSheet> {
  if (first.sheets.length <= 1) return first;
  let best: ParsedSheet | null = null;
  let bestFit = -1;
  for (const name of first.sheets.slice(0, MAX_SHEETS_TRIED)) {
    const table = name === first.sheet ? first : await read(name);
    const score = fit(table, kind, doc);
    if (score > bestFit) {
      best = table;
      bestFit = score;
    }
  }
  if (best === null) throw new NoFittingSheetError(kind, first.sheets);
  return best;
}
