import type { RegisterDocument } from '@shared/register/register';
import { cellText, findHeaderRow, leftOutColumns, suggestMapping } from './headerRecognition';
import { type ColumnMapping, IMPORT_FIELDS, IMPORT_FIELDS_BY_KIND, type ImportKind, REQUIRED_IMPORT_FIELDS } from './importFields';
import { type ImportPlan, type ImportPreview, type ImportTable, emptyCounts } from './importPreview';
import { importTexts } from './importTexts';
import { planMeasures } from './planMeasures';
import { planProposals } from './planProposals';
import { planValues } from './planValues';
import { columnName } from './valueReaders';

/**
 * Spreadsheet import, the pure part: which column holds which field (German headers recognised by
 * synonyms, case and umlauts ignored), and per data row either the parsed entity or the problems per
 * field, phrased for the clerk with the row number as the spreadsheet shows it. The plan it returns is
 * what a confirmed import writes; main applies it in one commit (electron/main/import/applyImport.ts).
 *
 * The parts: importFields (kinds, fields, mapping), headerRecognition (headers → mapping, header row,
 * kind, contact columns), valueReaders (numbers, dates, amounts of one row), registerLookups (texts →
 * the register's lists), one planner per kind (planMeasures, planValues, planProposals), importPreview
 * (what the clerk sees). This file runs them: planImport.
 */

// The public face of the import, so callers keep one import path; each part lives in its own file.
export * from './importFields';
export {
  formatRowProblem,
  type ImportCounts,
  type ImportPlan,
  type ImportPreview,
  type ImportTable,
  type PreviewRow,
  type RowProblem,
  type SkippedRow,
  type ValueChange,
} from './importPreview';
export {
  cellText,
  findHeaderRow,
  isContactHeader,
  leftOutColumns,
  normalizeHeader,
  suggestKind,
  suggestMapping,
} from './headerRecognition';
export { parseGermanNumber } from './valueReaders';
export { skipReason } from './skippedRows';
/** The letter of a column for the mapping dialog: 0 → A. */
export { columnLetter } from './importTexts';

/**
 * Checks every data row of `table` (below the header row) against the register and returns the preview
 * and, for the rows without errors, what a confirmed import would write. `mapping` null: from the headers.
 */
export function planImport(table: ImportTable, kind: ImportKind, mappingOrNull: ColumnMapping | null, doc: RegisterDocument): ImportPlan {
  const headerIndex = findHeaderRow(table.rows);
  const headers = (table.rows[headerIndex] ?? []).map(cellText);
  const mapping: ColumnMapping = {};
  const problems: string[] = [];
  const source = mappingOrNull ?? suggestMapping(headers, kind);
  const leftOut = leftOutColumns(headers, kind);
  for (const field of IMPORT_FIELDS_BY_KIND[kind]) {
    const column = source[field];
    if (column === undefined) continue;
    // Contact data of persons is never imported, whatever the mapping says.
    if (leftOut.includes(column)) problems.push(importTexts.mapping.personalColumn(columnName(headers, column)));
    else mapping[field] = column;
  }
  for (const field of IMPORT_FIELDS)
    if (source[field] !== undefined && !IMPORT_FIELDS_BY_KIND[kind].includes(field))
      problems.push(importTexts.mapping.wrongKind(importTexts.fields[field]));
  const missing = REQUIRED_IMPORT_FIELDS[kind].filter((f) => mapping[f] === undefined);
  if (missing.length > 0) problems.push(importTexts.mapping.missingColumns(missing.map((f) => importTexts.fields[f])));
  if (headers.every((h) => h === '')) problems.unshift(importTexts.mapping.noHeader);

  const preview: ImportPreview = {
    kind,
    sheet: table.sheet,
    headerRow: headerIndex + 1,
    headers,
    mapping,
    problems,
    leftOut: leftOut.map((column) => columnName(headers, column)),
    rows: [],
    skipped: [],
    counts: emptyCounts(),
    canCommit: false,
  };
  const plan: ImportPlan = { preview, measures: [], valueChanges: [], proposals: [] };
  if (problems.length > 0) return plan;

  if (kind === 'measures') planMeasures(table, headerIndex, headers, mapping, doc, plan);
  else if (kind === 'values') planValues(table, headerIndex, headers, mapping, doc, plan);
  else planProposals(table, headerIndex, headers, mapping, doc, plan);

  const counts = preview.counts;
  counts.rows = preview.rows.length;
  counts.ok = preview.rows.filter((row) => row.ok).length;
  counts.errors = counts.rows - counts.ok;
  preview.canCommit = counts.errors === 0 && counts.rows > 0;
  return plan;
}
