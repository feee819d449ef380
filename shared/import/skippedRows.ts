/**
 * Rows below the header that are not data: blank rows, totals ("Summe", "Gesamt", "Insgesamt") and
 * footnote or source lines. Real spreadsheets end like that; such rows are skipped and listed in the
 * preview with their reason, never imported and never a reason to refuse the file.
 */
import { cellText } from './headerRecognition';
import { REQUIRED_IMPORT_FIELDS, type ColumnMapping, type ImportCell, type ImportKind } from './importFields';
import type { ImportPlan } from './importPreview';
import { importTexts } from './importTexts';
import { isBlankRow } from './valueReaders';

/** "Summe", "Gesamt", "Insgesamt", "Gesamtsumme", "Zwischensumme", "Summe 2024:" … */
const TOTAL_WORD = /^(zwischen)?summen?\b|^gesamt(summe)?\b|^insgesamt\b/i;
/** "Quelle: …", "Quellen:", "Anmerkung:", "Hinweis:", "Fußnote", "Stand: …", "* …", "¹ …". */
const NOTE_START = /^(quellen?|anmerkung(en)?|hinweis(e)?|fu(ß|ss)note(n)?|stand|erläuterung(en)?)\s*:|^(\*|¹|²|³)/i;

/**
 * Why a row below the header is not data, or null when it is: a footnote/source line (its one filled cell
 * starts with "Quelle:", "Anmerkung:", "*" …), blank in the mapped columns, or a totals row (a cell starting
 * with "Summe", "Gesamt" or "Insgesamt" and nothing else in the first required column).
 */
export function skipReason(row: readonly ImportCell[], mapping: ColumnMapping, kind: ImportKind): string | null {
  const texts = row.map(cellText);
  const filled = texts.filter((t) => t !== '');
  if (filled.length === 1 && NOTE_START.test(filled[0]!)) return importTexts.skipped.note;
  if (isBlankRow(row, mapping)) return importTexts.skipped.blank;
  const key = mapping[REQUIRED_IMPORT_FIELDS[kind][0]!];
  const keyText = key === undefined ? '' : (texts[key] ?? '');
  const total = filled.find((t) => TOTAL_WORD.test(t));
  if (total !== undefined && (keyText === '' || keyText === total)) return importTexts.skipped.total(total);
  return null;
}

/** Records a row that is not data in the preview; true when the row is to be skipped. */
export function skipRow(row: readonly ImportCell[], index: number, mapping: ColumnMapping, kind: ImportKind, plan: ImportPlan): boolean {
  const reason = skipReason(row, mapping, kind);
  if (reason === null) return false;
  plan.preview.skipped.push({ rowNumber: index + 1, reason });
  return true;
}
