/**
 * What the Excel table and the Word annex of an edition comparison show, prepared once: German labels of
 * Handlungsfelder, statuses and changed fields, and per category the columns and rows. Both builders read
 * this, so the two files never disagree. Pure: comparison and register lists in, plain strings out.
 */
import type { ActionField, Edition } from '@shared/editions/edition';
import {
  COMPARE_CATEGORIES,
  type CompareCategory,
  type ComparisonRow,
  type EditionComparison,
  type FieldChangeRow,
} from '@shared/editions/editionCompare';
import type { StatusDefinition } from '@shared/register/status';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { fileNamePart } from '@shared/core/fileName';

const editionsDocumentTexts = de.editions.document;
const c = editionsDocumentTexts.columns;

export interface EditionCompareExportInput {
  comparison: EditionComparison;
  /** All Handlungsfelder of the register (of both Fassungen). */
  actionFields: readonly ActionField[];
  statuses: readonly StatusDefinition[];
  generatedAt: Date;
  /** For the Excel title block: the register's name, and whether it is the sample register. */
  registerName?: string;
  isSample?: boolean;
}

export interface ExportColumn {
  header: string;
  /** Relative width (Word) and width in characters (Excel). */
  width: number;
  /** Kept out of the narrow Word table (shown in Excel only). */
  excelOnly?: boolean;
}

export interface CategoryTable {
  category: CompareCategory;
  label: string;
  sheetName: string;
  columns: ExportColumn[];
  rows: string[][];
}

export interface CompareExportData {
  from: Edition;
  to: Edition;
  fromLine: string;
  toLine: string;
  counts: { label: string; count: number }[];
  total: number;
  byFieldColumns: string[];
  /** Per Handlungsfeld: full label (Excel rows) and short code (Word columns); old ones marked "(bisher)". */
  byField: { label: string; code: string; counts: number[]; total: number }[];
  fieldChanges: { kind: string; from: string; to: string }[];
  categories: CategoryTable[];
}

/** `2025-03-04` of a moment in local time, for "Erstellt am". */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * "Masterplan 2.0, Drucksache Nr. 12345-25, beschlossen am 15.12.2025" – or "…, Entwurf". Says each thing
 * once: a state already in the name ("… (Entwurf)") is not repeated, a draft has no decision date, and a
 * decided Fassung says "beschlossen am …" instead of the state word after it.
 */
export function editionLine(e: Pick<Edition, 'name' | 'printNumber' | 'decidedOn' | 'state'>): string {
  const state = de.editions.states[e.state];
  const suffix = `(${state})`;
  const name = e.name.trim().toLowerCase().endsWith(suffix.toLowerCase()) ? e.name.trim().slice(0, -suffix.length).trim() : e.name.trim();
  const decided = e.state !== 'entwurf' && e.decidedOn ? formatDate(e.decidedOn) : '';
  const stateWord = e.state === 'beschlossen' && decided ? '' : state;
  return editionsDocumentTexts.editionLine(name, e.printNumber, decided, stateWord);
}

const measureFieldLabels = de.ui.measure.field as Record<string, string>;

export function prepareCompareExport(input: EditionCompareExportInput): CompareExportData {
  const { comparison } = input;
  const fields = new Map(input.actionFields.map((f) => [f.id, f]));
  const statuses = new Map(input.statuses.map((s) => [s.key, s.label]));
  const field = (id: string | undefined) => {
    const f = id ? fields.get(id) : undefined;
    return f ? `${f.code} ${f.name}` : editionsDocumentTexts.unknownField;
  };
  const status = (key: string | undefined) => (key ? (statuses.get(key) ?? key) : '');
  const changed = (r: ComparisonRow) => r.changedFields.map((f) => measureFieldLabels[f] ?? f).join(', ');

  // Numbers get 16: wide enough in Word that "HF1-01" never breaks.
  const oldCols: ExportColumn[] = [
    { header: c.oldField, width: 26 },
    { header: c.oldNumber, width: 16 },
    { header: c.oldTitle, width: 42 },
  ];
  const newCols: ExportColumn[] = [
    { header: c.newField, width: 26 },
    { header: c.newNumber, width: 16 },
    { header: c.newTitle, width: 42 },
  ];
  const oldCells = (r: ComparisonRow) => [field(r.old?.fieldId), r.old?.number ?? '', r.old?.title ?? ''];
  const newCells = (r: ComparisonRow) => [field(r.new?.fieldId), r.new?.number ?? '', r.new?.title ?? ''];
  const spec: Record<CompareCategory, { columns: ExportColumn[]; cells: (r: ComparisonRow) => string[] }> = {
    added: {
      columns: [...newCols, { header: c.status, width: 22 }],
      cells: (r) => [...newCells(r), status(r.new?.status)],
    },
    changed: {
      columns: [
        ...newCols,
        oldCols[1]!,
        { header: c.oldTitle, width: 42, excelOnly: true },
        { header: c.oldField, width: 26, excelOnly: true },
        { header: c.changedFields, width: 40 },
      ],
      cells: (r) => [...newCells(r), r.old?.number ?? '', r.old?.title ?? '', field(r.old?.fieldId), changed(r)],
    },
    carried: {
      columns: [
        ...newCols,
        oldCols[1]!,
        { header: c.oldTitle, width: 42, excelOnly: true },
        { header: c.oldField, width: 26, excelOnly: true },
        { header: c.status, width: 22 },
      ],
      cells: (r) => [...newCells(r), r.old?.number ?? '', r.old?.title ?? '', field(r.old?.fieldId), status(r.new?.status)],
    },
    merged: {
      columns: [
        ...oldCols,
        { header: c.newNumber, width: 16 },
        { header: c.newTitle, width: 42 },
        { header: c.newField, width: 26, excelOnly: true },
      ],
      cells: (r) => [...oldCells(r), r.new?.number ?? '', r.new?.title ?? '', field(r.new?.fieldId)],
    },
    superseded: {
      columns: [
        ...oldCols,
        { header: c.newNumber, width: 16 },
        { header: c.newTitle, width: 42 },
        { header: c.newField, width: 26, excelOnly: true },
      ],
      cells: (r) => [...oldCells(r), r.new?.number ?? '', r.new?.title ?? '', field(r.new?.fieldId)],
    },
    ended: {
      columns: [...oldCols, { header: c.status, width: 22 }, { header: c.reason, width: 50 }],
      cells: (r) => [...oldCells(r), status(r.old?.status), r.reason],
    },
  };
  const grouped = new Map<CompareCategory, ComparisonRow[]>(COMPARE_CATEGORIES.map((k) => [k, []]));
  for (const r of comparison.rows) grouped.get(r.category)!.push(r);

  const fieldLabel = (f: { code: string; name: string }) => `${f.code} ${f.name}`;
  const refs = (list: FieldChangeRow['from']) => list.map(fieldLabel).join('; ');
  return {
    from: comparison.from,
    to: comparison.to,
    fromLine: editionLine(comparison.from),
    toLine: editionLine(comparison.to),
    counts: COMPARE_CATEGORIES.map((k) => ({ label: de.editions.categories[k], count: comparison.counts[k] })),
    total: COMPARE_CATEGORIES.reduce((sum, k) => sum + comparison.counts[k], 0),
    byFieldColumns: COMPARE_CATEGORIES.map((k) => de.editions.categories[k]),
    byField: comparison.byField.map((f) => ({
      label: f.editionId === comparison.to.id ? fieldLabel(f) : `${fieldLabel(f)} (${comparison.from.name})`,
      code: f.editionId === comparison.to.id ? f.code : editionsDocumentTexts.oldFieldCode(f.code),
      counts: COMPARE_CATEGORIES.map((k) => f.counts[k]),
      total: f.total,
    })),
    fieldChanges: comparison.fieldChanges.map((r) => ({ kind: de.editions.fieldChangeKinds[r.kind], from: refs(r.from), to: refs(r.to) })),
    categories: COMPARE_CATEGORIES.map((k) => ({
      category: k,
      label: de.editions.categories[k],
      sheetName: de.editions.sheetNames[k],
      columns: spec[k].columns,
      rows: grouped.get(k)!.map(spec[k].cells),
    })),
  };
}

/** "Vergleich_Masterplan_2019_Masterplan_2.0.xlsx": safe on Windows, not too long. */
export function compareFileName(from: Edition, to: Edition, extension: string): string {
  // Parentheses and quotes of names like "Masterplan 2.0 (Entwurf)" read badly in a file name; the rest is
  // the common rule. The fixed prefix "Vergleich_" rules out device names and a leading dot.
  const safe = (name: string) => fileNamePart(name.replace(/[()„“]+/g, ' '), 50) || 'Fassung';
  return editionsDocumentTexts.fileName(safe(from.name), safe(to.name), extension);
}
