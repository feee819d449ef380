import { z } from 'zod';
import { parseGermanDate, parseGermanMoney } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { columnLetter } from '@shared/i18n/importTexts';
import { DISTRICTS, type DistrictCode } from '@shared/register/districts';
import { indicatorValueSchema, type Indicator, type IndicatorValue } from '@shared/evaluation/evaluation';
import { PROPOSAL_STATES, proposalFieldsSchema, type Lab, type ProposalFields, type ProposalSource, type ProposalState } from '@shared/participation/labs';
import { emptyMeasureFields, measureFieldsSchema, MEASURE_TYPES, type BudgetLine, type Measure, type MeasureFields } from '@shared/register/measure';
import { orgUnitLabel, type OrgUnit } from '@shared/register/orgUnit';
import { checkProposal, suggestProposalNumber } from '@shared/participation/participationRules';
import type { RegisterDocument } from '@shared/register/register';
import { checkMeasureRules } from '@shared/register/rules';

/**
 * Spreadsheet import, the pure part: which column holds which field (German headers recognised by
 * synonyms, case and umlauts ignored), and per data row either the parsed entity or the problems per
 * field, phrased for the clerk with the row number as the spreadsheet shows it. The plan it returns is
 * what a confirmed import writes; main applies it in one commit (electron/main/import/applyImport.ts).
 */
export const IMPORT_KINDS = ['measures', 'values', 'proposals'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const MEASURE_IMPORT_FIELDS = [
  'number',
  'title',
  'actionField',
  'type',
  'status',
  'statusReason',
  'leadOrgUnit',
  'involvedOrgUnits',
  'districts',
  'quarter',
  'plannedStart',
  'plannedEnd',
  'budget',
  'budgetYear',
  'shortText',
  'description',
  'preventionGoal',
  'projectGoal',
  'tags',
] as const;
export const VALUE_IMPORT_FIELDS = ['measureNumber', 'indicatorName', 'year', 'value', 'period', 'note'] as const;
/** Anregungen ("number" is shared with the measures). */
export const PROPOSAL_IMPORT_FIELDS = [
  'number',
  'receivedOn',
  'source',
  'lab',
  'text',
  'category',
  'district',
  'area',
  'assignedOrgUnit',
  'state',
  'stateReason',
  'measure',
  'feedbackText',
  'feedbackOn',
] as const;
export const IMPORT_FIELDS = [...MEASURE_IMPORT_FIELDS, ...VALUE_IMPORT_FIELDS, ...PROPOSAL_IMPORT_FIELDS.filter((f) => f !== 'number')];
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELDS_BY_KIND: Record<ImportKind, readonly ImportField[]> = { measures: MEASURE_IMPORT_FIELDS, values: VALUE_IMPORT_FIELDS, proposals: PROPOSAL_IMPORT_FIELDS };
export const REQUIRED_IMPORT_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  measures: ['number', 'title', 'actionField'],
  values: ['measureNumber', 'indicatorName', 'year', 'value'],
  proposals: ['text', 'receivedOn'],
};

/** Field → index of the column (0 = A). Fields not listed are not imported. */
export type ColumnMapping = Partial<Record<ImportField, number>>;
const columnIndex = z.number().int().min(0).max(16_383);
/** Only the known field names (a strict object: "__proto__" or any other key is refused). */
export const columnMappingSchema = z.strictObject(Object.fromEntries(IMPORT_FIELDS.map((f) => [f, columnIndex.optional()])) as Record<ImportField, z.ZodOptional<typeof columnIndex>>);

export type ImportCell = string | number | null;

// Imports repeat the same few texts (status, office, district) thousands of times.
const normalized = new Map<string, string>();

/** Lower case, umlauts spelled out, everything but letters and digits dropped: "Maßnahmen-Nr." → "massnahmennr". */
export function normalizeHeader(text: string): string {
  let result = normalized.get(text);
  if (result === undefined) {
    result = normalizeUncached(text);
    if (normalized.size > 20_000) normalized.clear();
    normalized.set(text, result);
  }
  return result;
}

function normalizeUncached(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

/** Header synonyms per field, most specific first. */
const SYNONYMS: Record<ImportKind, Partial<Record<ImportField, readonly string[]>>> = {
  measures: {
    number: ['massnahmennummer', 'massnahmennr', 'massnahmenr', 'nr', 'nummer', 'lfdnr', 'kennung'],
    title: ['titel', 'massnahmentitel', 'bezeichnung', 'massnahmenbezeichnung', 'massnahme', 'name'],
    actionField: ['handlungsfeld', 'hf', 'handlungsfeldnr', 'handlungsfeldnummer'],
    type: ['art', 'typ', 'massnahmenart'],
    status: ['status', 'umsetzungsstand', 'umsetzungsstatus', 'stand'],
    statusReason: ['statusbegruendung', 'begruendungstatus', 'begruendung'],
    leadOrgUnit: ['federfuehrung', 'federfuehrend', 'federfuehrendesamt', 'federfuehrendestelle', 'amt', 'zustaendig', 'zustaendigkeit', 'verantwortlich', 'fachbereich'],
    involvedOrgUnits: ['beteiligte', 'beteiligt', 'beteiligtestellen', 'beteiligteaemter', 'mitwirkende', 'kooperationspartner', 'partner'],
    districts: ['stadtbezirke', 'stadtbezirk', 'bezirke', 'bezirk'],
    quarter: ['quartier', 'ort', 'standort', 'sozialraum'],
    plannedStart: ['beginn', 'geplanterbeginn', 'beginngeplant', 'start', 'startdatum', 'anfang', 'von'],
    plannedEnd: ['ende', 'geplantesende', 'endegeplant', 'enddatum', 'abschluss', 'bis'],
    budget: ['budget', 'budgetgeplant', 'geplantesbudget', 'geplant', 'plan', 'planeur', 'planansatz', 'ansatz', 'plankosten', 'kosten', 'mittel'],
    budgetYear: ['haushaltsjahr', 'budgetjahr', 'jahr'],
    shortText: ['kurzbeschreibung', 'kurztext', 'kurzfassung', 'zusammenfassung'],
    description: ['beschreibung', 'langbeschreibung', 'erlaeuterung', 'erlaeuterungen'],
    preventionGoal: ['praeventionsziel', 'praeventionsziele'],
    projectGoal: ['projektziel', 'projektziele', 'ziel', 'ziele'],
    tags: ['schlagworte', 'schlagwort', 'stichworte', 'stichwort', 'tags'],
  },
  values: {
    measureNumber: ['massnahmennummer', 'massnahmennr', 'massnahmenr', 'nr', 'nummer', 'massnahme'],
    indicatorName: ['kennzahl', 'kennzahlname', 'indikator', 'kennziffer'],
    year: ['jahr', 'berichtsjahr', 'erhebungsjahr', 'bezugsjahr'],
    value: ['wert', 'istwert', 'ist', 'istwerte', 'messwert', 'ergebnis'],
    period: ['zeitraum', 'periode', 'berichtszeitraum'],
    note: ['bemerkung', 'bemerkungen', 'anmerkung', 'anmerkungen', 'kommentar', 'hinweis'],
  },
  proposals: {
    number: ['nr', 'nummer', 'anregungsnr', 'anregungsnummer', 'anregungnr', 'lfdnr', 'laufendenummer', 'kennung'],
    receivedOn: ['eingang', 'eingangsdatum', 'eingangam', 'eingegangenam', 'datum', 'datumdeseingangs', 'eingegangen'],
    source: ['quelle', 'herkunft', 'eingangsweg', 'ursprung', 'art'],
    lab: ['quartierslabor', 'labor', 'quartierslabore', 'lab'],
    text: ['anregung', 'text', 'anregungstext', 'inhalt', 'vorschlag', 'anliegen', 'wortlaut'],
    category: ['kategorie', 'thema', 'themenfeld', 'rubrik'],
    district: ['stadtbezirk', 'bezirk', 'stadtbezirke'],
    area: ['bereich', 'ort', 'bereichort', 'ortbereich', 'oertlichkeit', 'gebiet', 'quartier', 'lage'],
    assignedOrgUnit: ['zustaendig', 'zustaendigkeit', 'zustaendigestelle', 'zustaendigesamt', 'amt', 'federfuehrung', 'fachbereich', 'organisationseinheit'],
    state: ['status', 'stand', 'bearbeitungsstand', 'bearbeitungsstatus'],
    stateReason: ['begruendung', 'statusbegruendung', 'ablehnungsgrund', 'grund'],
    measure: ['massnahme', 'massnahmennr', 'massnahmennummer', 'massnahmenr', 'uebernommeninmassnahme'],
    feedbackText: ['rueckmeldung', 'rueckmeldungstext', 'antwort'],
    feedbackOn: ['rueckmeldungam', 'rueckmeldedatum', 'datumrueckmeldung', 'datumderrueckmeldung', 'rueckmeldungvom', 'beantwortetam'],
  },
};

/** Word stems that also match longer headers ("Beginn (geplant)", "Budget 2025 in €", "Kennzahl Bezeichnung"). */
const STEMS: Record<ImportKind, Partial<Record<ImportField, readonly string[]>>> = {
  measures: {
    number: ['massnahmennummer', 'massnahmennr'],
    title: ['titel'],
    actionField: ['handlungsfeld'],
    status: ['status'],
    leadOrgUnit: ['federfuehr'],
    involvedOrgUnits: ['beteiligt'],
    districts: ['stadtbezirk'],
    plannedStart: ['beginn'],
    plannedEnd: ['ende'],
    budget: ['budget', 'planansatz'],
    shortText: ['kurzbeschreibung'],
    description: ['beschreibung'],
    tags: ['schlagw', 'stichw'],
  },
  values: {
    measureNumber: ['massnahmennummer', 'massnahmennr'],
    indicatorName: ['kennzahl', 'indikator'],
    year: ['jahr'],
    value: ['istwert', 'wert'],
    period: ['zeitraum'],
    note: ['bemerkung', 'anmerkung'],
  },
  proposals: {
    receivedOn: ['eingang'],
    source: ['quelle', 'herkunft'],
    lab: ['quartierslabor'],
    text: ['anregung', 'text'],
    category: ['kategorie'],
    district: ['stadtbezirk'],
    area: ['bereich'],
    assignedOrgUnit: ['zustaendig'],
    state: ['status'],
    stateReason: ['begruendung'],
    measure: ['uebernommeninmassnahme', 'massnahme'],
    feedbackText: ['rueckmeldung'],
    feedbackOn: ['rueckmeldedatum', 'rueckmeldungam'],
  },
};

// ---------------------------------------------------------------------------------------------------
// Personal data: contact columns of an Anregungen list are never imported (DOMAIN.md §7)
// ---------------------------------------------------------------------------------------------------

/** Words of a header that name a person or their contact ("Name", "E-Mail", "Telefon", "Anschrift", "Kontakt"). */
const CONTACT_WORDS = new Set([
  'name',
  'vorname',
  'nachname',
  'familienname',
  'email',
  'mail',
  'emailadresse',
  'mailadresse',
  'telefon',
  'telefonnummer',
  'tel',
  'telnr',
  'handy',
  'mobil',
  'mobilnummer',
  'fax',
  'anschrift',
  'adresse',
  'postanschrift',
  'wohnanschrift',
  'kontakt',
  'kontaktdaten',
  'kontaktperson',
  'ansprechpartner',
  'ansprechpartnerin',
  'einreicher',
  'einreicherin',
  'einsender',
  'einsenderin',
  'absender',
  'absenderin',
  'wohnort',
  'strasse',
  'hausnummer',
  'plz',
  'postleitzahl',
  'geburtsdatum',
]);
/** Beginnings of a whole header that name contact data ("Kontaktdaten", "E-Mail-Adresse", "Telefonnr."). */
const CONTACT_STEMS = ['kontakt', 'email', 'telefon', 'anschrift', 'ansprechp', 'einreicher', 'absender', 'vorname', 'nachname'];
/** "Name des Quartierslabors" names a thing, not a person. */
const THING_WORDS = ['quartierslabor', 'labor', 'massnahme', 'kategorie', 'amt', 'stelle', 'organisation', 'bezirk', 'stadtbezirk', 'bereich', 'ort', 'gremium', 'veranstaltung'];

/** True when the header looks like a person's name or contact data. */
export function isContactHeader(header: string): boolean {
  const whole = normalizeHeader(header);
  if (whole === '') return false;
  const words = header
    .split(/[\s\-_./:;,()|+&]+/)
    .map(normalizeHeader)
    .filter((w) => w !== '');
  const names = words.some((w) => w === 'name') && !words.some((w) => THING_WORDS.some((thing) => w.startsWith(thing)));
  return names || words.some((w) => w !== 'name' && CONTACT_WORDS.has(w)) || CONTACT_STEMS.some((stem) => whole.startsWith(stem));
}

/** Columns (0 = A) never offered for `kind`: for Anregungen those with contact data of a person. */
export function leftOutColumns(headers: readonly string[], kind: ImportKind): number[] {
  if (kind !== 'proposals') return [];
  return headers.flatMap((h, i) => (isContactHeader(h) ? [i] : []));
}

function headerRank(kind: ImportKind, field: ImportField, header: string): number | null {
  if (header === '') return null;
  const exact = SYNONYMS[kind][field]?.indexOf(header) ?? -1;
  if (exact >= 0) return exact;
  const stems = STEMS[kind][field] ?? [];
  return stems.some((stem) => header.startsWith(stem)) ? 100 : null;
}

export function cellText(cell: ImportCell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : String(cell).replace('.', ',');
  return cell.trim();
}

/** Which column carries which field of `kind`, from the header texts; each column and field used once. */
export function suggestMapping(headers: readonly string[], kind: ImportKind): ColumnMapping {
  const normalized = headers.map(normalizeHeader);
  const excluded = new Set(leftOutColumns(headers, kind));
  const candidates: { field: ImportField; column: number; rank: number }[] = [];
  for (const field of IMPORT_FIELDS_BY_KIND[kind])
    normalized.forEach((header, column) => {
      if (excluded.has(column)) return;
      const rank = headerRank(kind, field, header);
      if (rank !== null) candidates.push({ field, column, rank });
    });
  candidates.sort((a, b) => a.rank - b.rank || a.column - b.column);
  const mapping: ColumnMapping = {};
  const usedColumns = new Set<number>();
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || usedColumns.has(c.column)) continue;
    mapping[c.field] = c.column;
    usedColumns.add(c.column);
  }
  return mapping;
}

function recognised(headers: readonly string[], kind: ImportKind): { total: number; required: number; score: number } {
  const mapping = suggestMapping(headers, kind);
  const fields = Object.keys(mapping) as ImportField[];
  // A header that is a synonym counts fully, one that only starts with a stem half: data such as
  // "Titel aus B" must not outweigh a real header row.
  const score = fields.reduce((sum, f) => sum + (SYNONYMS[kind][f]?.includes(normalizeHeader(headers[mapping[f]!] ?? '')) ? 1 : 0.5), 0);
  return { total: fields.length, required: fields.filter((f) => REQUIRED_IMPORT_FIELDS[kind].includes(f)).length, score };
}

/**
 * The header row: among the first 20 rows the one with the most recognised headers (a title line such
 * as "Maßnahmen – Stand 01.03.2025" may stand above it); without a convincing one, the first non-empty row.
 */
export function findHeaderRow(rows: readonly (readonly ImportCell[])[]): number {
  let best = -1;
  let bestScore = 0.5;
  for (let r = 0; r < Math.min(rows.length, 20); r++) {
    const headers = rows[r]!.map(cellText);
    const score = Math.max(...IMPORT_KINDS.map((kind) => recognised(headers, kind).score));
    if (score > bestScore) {
      best = r;
      bestScore = score;
    }
  }
  if (best >= 0) return best;
  const first = rows.findIndex((row) => row.some((cell) => cellText(cell) !== ''));
  return Math.max(0, first);
}

/** Anregungen if the header names the text and the date of receipt (and no other kind is complete), values if it names a Kennzahl and a value, else measures. */
export function suggestKind(headers: readonly string[]): ImportKind {
  const values = recognised(headers, 'values');
  const measures = recognised(headers, 'measures');
  const proposals = recognised(headers, 'proposals');
  const complete = (kind: ImportKind, r: { required: number }) => r.required === REQUIRED_IMPORT_FIELDS[kind].length;
  if (complete('proposals', proposals) && !complete('measures', measures) && !complete('values', values)) return 'proposals';
  return values.required > measures.required || (values.required === measures.required && values.total > measures.total) ? 'values' : 'measures';
}

// ---------------------------------------------------------------------------------------------------
// Preview and plan
// ---------------------------------------------------------------------------------------------------

export interface RowProblem {
  /** Header of the column (or "Spalte C" without one); null when the problem is not one cell's. */
  column: string | null;
  message: string;
}

export interface PreviewRow {
  /** Row number as the spreadsheet shows it (1-based). */
  rowNumber: number;
  ok: boolean;
  /** What the row would do, e.g. "neu: HF1-10 Beleuchtung" or "HF1-01 · Fälle · 2024: ersetzt 123 → 130". */
  summary: string;
  errors: RowProblem[];
}

export interface ImportCounts {
  rows: number;
  ok: number;
  errors: number;
  newMeasures: number;
  newValues: number;
  replacedValues: number;
  unchangedValues: number;
  newProposals: number;
}

export interface ImportPreview {
  kind: ImportKind;
  sheet: string;
  /** 1-based row number of the header row. */
  headerRow: number;
  headers: string[];
  mapping: ColumnMapping;
  /** Problems of the mapping itself (missing required columns); rows are not checked while there are any. */
  problems: string[];
  /** Headers of the columns left out on purpose (contact data of persons in an Anregungen list). */
  leftOut: string[];
  rows: PreviewRow[];
  counts: ImportCounts;
  /** True when a commit would import: no problems, no row errors, at least one row. */
  canCommit: boolean;
}

export interface ValueChange {
  indicatorId: string;
  before: IndicatorValue[];
  after: IndicatorValue[];
}

export interface ImportPlan {
  preview: ImportPreview;
  /** New measures in file order (kind 'measures'). */
  measures: MeasureFields[];
  /** Kennzahlen whose values change (kind 'values'); unchanged ones are left out. */
  valueChanges: ValueChange[];
  /** New Anregungen in file order, numbered (kind 'proposals'). */
  proposals: ProposalFields[];
}

export interface ImportTable {
  sheet: string;
  rows: readonly (readonly ImportCell[])[];
}

/** One line of a problem, as the CLI prints it and the UI may show it: "Zeile 7, Spalte „Beginn“: …". */
export function formatRowProblem(rowNumber: number, problem: RowProblem): string {
  return `${de.import.location(rowNumber, problem.column)}: ${problem.message}`;
}

const t = de.import;
const DASHES = new Set(['-', '–', '—']);
const number = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 6 });

/** "1.234,5" / "1234,5" / "-12" (German) → number; null when not a number. */
export function parseGermanNumber(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0]/g, '');
  if (!/^[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned.replace(/\./g, '').replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

function emptyCounts(): ImportCounts {
  return { rows: 0, ok: 0, errors: 0, newMeasures: 0, newValues: 0, replacedValues: 0, unchangedValues: 0, newProposals: 0 };
}

interface RowReader {
  rowNumber: number;
  /** Undefined: the field is not mapped; null: the cell is empty. */
  cell(field: ImportField): ImportCell | undefined;
  text(field: ImportField): string;
  mapped(field: ImportField): boolean;
  fail(field: ImportField | null, message: string): void;
  failed(field: ImportField): boolean;
  errors: RowProblem[];
  /** The errors in column order (problems without a column last). */
  sortedErrors(): RowProblem[];
}

function columnName(headers: readonly string[], column: number): string {
  return headers[column]?.trim() || de.import.mapping.column(column);
}

/** A problem of a field without a column of its own is shown at this related column. */
const FALLBACK_COLUMN: Partial<Record<ImportField, ImportField>> = {
  statusReason: 'status',
  budgetYear: 'budget',
  stateReason: 'state',
  measure: 'state',
  lab: 'source',
  feedbackText: 'feedbackOn',
};

function rowReader(row: readonly ImportCell[], rowNumber: number, mapping: ColumnMapping, headers: readonly string[]): RowReader {
  const errors: RowProblem[] = [];
  const order: number[] = [];
  const failedFields = new Set<ImportField>();
  const cell = (field: ImportField) => {
    const column = mapping[field];
    return column === undefined ? undefined : (row[column] ?? null);
  };
  return {
    rowNumber,
    cell,
    text: (field) => cellText(cell(field)),
    mapped: (field) => mapping[field] !== undefined,
    fail(field, message) {
      if (field) {
        if (failedFields.has(field)) return;
        failedFields.add(field);
      }
      const fallback = field === null ? undefined : FALLBACK_COLUMN[field];
      const column = field === null ? undefined : (mapping[field] ?? (fallback === undefined ? undefined : mapping[fallback]));
      errors.push({ column: column === undefined ? null : columnName(headers, column), message });
      order.push(column ?? Number.MAX_SAFE_INTEGER);
    },
    failed: (field) => failedFields.has(field),
    errors,
    sortedErrors: () =>
      errors
        .map((error, i) => ({ error, key: order[i]!, i }))
        .sort((a, b) => a.key - b.key || a.i - b.i)
        .map((x) => x.error),
  };
}

function isBlankRow(row: readonly ImportCell[], mapping: ColumnMapping): boolean {
  return Object.values(mapping).every((column) => column === undefined || cellText(row[column]) === '');
}

function readDate(r: RowReader, field: ImportField): string | null {
  const text = r.text(field);
  if (text === '' || DASHES.has(text)) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text) && parseGermanDate(`${text.slice(8, 10)}.${text.slice(5, 7)}.${text.slice(0, 4)}`)) return text;
  const date = parseGermanDate(text);
  if (!date) r.fail(field, t.row.date);
  return date;
}

function readYear(r: RowReader, field: ImportField): number | null {
  const cell = r.cell(field);
  const text = cellText(cell);
  if (text === '' || DASHES.has(text)) return null;
  const value = typeof cell === 'number' ? cell : /^\d{4}$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(value) || value < 1990 || value > 2100) {
    r.fail(field, t.row.year);
    return null;
  }
  return value;
}

function readCents(r: RowReader, field: ImportField): number | null {
  const cell = r.cell(field);
  const text = cellText(cell);
  if (text === '' || DASHES.has(text)) return null;
  let cents: number | null;
  if (typeof cell === 'number') {
    cents = Math.round(cell * 100);
    if (Math.abs(cell * 100 - cents) > 1e-6) cents = null;
  } else {
    const negative = /^-/.test(text.trim());
    cents = negative ? null : parseGermanMoney(text);
    if (negative && parseGermanMoney(text.trim().slice(1)) !== null) {
      r.fail(field, t.row.negativeAmount);
      return null;
    }
  }
  if (cents === null) r.fail(field, t.row.amount);
  else if (cents < 0) {
    r.fail(field, t.row.negativeAmount);
    return null;
  }
  return cents;
}

function splitList(text: string, separators: RegExp): string[] {
  return text
    .split(separators)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

interface Lookups {
  actionFields: { id: string; code: string; keys: string[] }[];
  statuses: { key: string; label: string; keys: string[] }[];
  orgUnits: Map<string, OrgUnit>;
  districts: Map<string, DistrictCode>;
}

const ALL_DISTRICTS = new Set(['alle', 'allestadtbezirke', 'allebezirke', 'alle12bezirke', 'alle12stadtbezirke', 'gesamtstadt', 'gesamtstaedtisch', 'stadtweit']);

function lookups(doc: RegisterDocument): Lookups {
  const current = doc.actionFields.filter((f) => f.editionId === doc.currentEditionId);
  const orgUnits = new Map<string, OrgUnit>();
  for (const unit of doc.orgUnits) {
    for (const key of [unit.code, unit.name, orgUnitLabel(unit)].map(normalizeHeader)) if (key !== '' && !orgUnits.has(key)) orgUnits.set(key, unit);
  }
  const districts = new Map<string, DistrictCode>();
  for (const d of DISTRICTS) {
    districts.set(normalizeHeader(d.code), d.code);
    districts.set(normalizeHeader(d.name), d.code);
  }
  return {
    actionFields: current.map((f) => ({ id: f.id, code: f.code, keys: [normalizeHeader(f.code), normalizeHeader(f.name), normalizeHeader(`${f.code} ${f.name}`)] })),
    statuses: doc.statuses.map((s) => ({
      key: s.key,
      label: s.label,
      keys: [normalizeHeader(s.key), normalizeHeader(s.label), normalizeHeader(s.label.replace(/\s*\(.*\)\s*$/, '')), normalizeHeader(s.label.replace(/\s+(mit|durch)$/, ''))],
    })),
    orgUnits,
    districts,
  };
}

function findActionField(text: string, l: Lookups): string | null {
  const key = normalizeHeader(text);
  const byDigits = /^\d+$/.test(key) ? `hf${key}` : null;
  return l.actionFields.find((f) => f.keys.includes(key) || (byDigits !== null && f.keys[0] === byDigits))?.id ?? null;
}

function findOrgUnits(text: string, l: Lookups, r: RowReader, field: ImportField): string[] {
  const ids: string[] = [];
  // Names of offices may contain commas ("Dezernat für Recht, Ordnung und Bürgerdienste"): split on ";" and line breaks first.
  for (const part of splitList(text, /[;\n\r]+/)) {
    const whole = l.orgUnits.get(normalizeHeader(part));
    if (whole) {
      ids.push(whole.id);
      continue;
    }
    for (const piece of splitList(part, /,/)) {
      const unit = l.orgUnits.get(normalizeHeader(piece));
      if (unit) ids.push(unit.id);
      else r.fail(field, t.row.unknownOrgUnit(piece));
    }
  }
  return [...new Set(ids)];
}

const MEASURE_FIELD_OF: Record<string, ImportField> = {
  number: 'number',
  title: 'title',
  shortText: 'shortText',
  description: 'description',
  preventionGoal: 'preventionGoal',
  projectGoal: 'projectGoal',
  actionFieldId: 'actionField',
  type: 'type',
  status: 'status',
  statusReason: 'statusReason',
  leadOrgUnitId: 'leadOrgUnit',
  involvedOrgUnitIds: 'involvedOrgUnits',
  districts: 'districts',
  quarter: 'quarter',
  plannedStart: 'plannedStart',
  plannedEnd: 'plannedEnd',
  budget: 'budget',
  tags: 'tags',
  linkedMeasureId: 'status',
};

/** The row as measure fields; only usable when the row has no errors (failed fields keep their defaults). */
function readMeasure(r: RowReader, l: Lookups): MeasureFields {
  const number = r.text('number');
  const title = r.text('title');
  if (number === '') r.fail('number', t.row.number);
  if (title === '') r.fail('title', de.validation.titleRequired);

  const actionFieldText = r.text('actionField');
  let actionFieldId = '';
  if (actionFieldText === '') r.fail('actionField', de.validation.unknownActionField);
  else {
    actionFieldId = findActionField(actionFieldText, l) ?? '';
    if (!actionFieldId) r.fail('actionField', t.row.unknownActionField(actionFieldText, l.actionFields.map((f) => f.code)));
  }

  const fields: MeasureFields = emptyMeasureFields(actionFieldId, number);
  fields.title = title;

  const typeText = normalizeHeader(r.text('type'));
  if (typeText !== '') {
    const type = MEASURE_TYPES.find((m) => normalizeHeader(m) === typeText);
    if (type) fields.type = type;
    else r.fail('type', t.row.unknownType(r.text('type')));
  }

  const statusText = r.text('status');
  if (statusText !== '') {
    const key = normalizeHeader(statusText);
    const status = l.statuses.find((s) => s.keys.includes(key));
    if (status) fields.status = status.key;
    else r.fail('status', t.row.unknownStatus(statusText, l.statuses.map((s) => s.label)));
  }
  fields.statusReason = r.text('statusReason');

  const lead = r.text('leadOrgUnit');
  if (lead !== '') {
    const unit = l.orgUnits.get(normalizeHeader(lead));
    if (unit) fields.leadOrgUnitId = unit.id;
    else r.fail('leadOrgUnit', t.row.unknownOrgUnit(lead));
  }
  const involved = r.text('involvedOrgUnits');
  if (involved !== '') fields.involvedOrgUnitIds = findOrgUnits(involved, l, r, 'involvedOrgUnits');

  const districtsText = r.text('districts');
  if (districtsText !== '' && !DASHES.has(districtsText)) {
    if (ALL_DISTRICTS.has(normalizeHeader(districtsText))) fields.districts = DISTRICTS.map((d) => d.code);
    else {
      const codes: DistrictCode[] = [];
      for (const part of splitList(districtsText, /[,;/\n\r]+/)) {
        const code = l.districts.get(normalizeHeader(part));
        if (code) codes.push(code);
        else r.fail('districts', t.row.unknownDistrict(part));
      }
      fields.districts = [...new Set(codes)];
    }
  }

  fields.quarter = r.text('quarter');
  fields.plannedStart = readDate(r, 'plannedStart');
  fields.plannedEnd = readDate(r, 'plannedEnd');
  fields.shortText = r.text('shortText');
  fields.description = r.text('description');
  fields.preventionGoal = r.text('preventionGoal');
  fields.projectGoal = r.text('projectGoal');
  const tags = r.text('tags');
  if (tags !== '') fields.tags = [...new Set(splitList(tags, /[,;\n\r]+/))];

  const plannedCents = readCents(r, 'budget');
  if (plannedCents !== null) {
    const year = r.mapped('budgetYear') && r.text('budgetYear') !== '' ? readYear(r, 'budgetYear') : fields.plannedStart ? Number(fields.plannedStart.slice(0, 4)) : null;
    if (year === null) {
      if (!r.failed('budgetYear')) r.fail('budget', t.row.budgetYearMissing);
    } else {
      const line: BudgetLine = { year, plannedCents, approvedCents: null, spentCents: null, fundingSource: 'haushalt', budgetPosition: '' };
      fields.budget = [line];
    }
  }

  const parsed = measureFieldsSchema.safeParse(fields);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = MEASURE_FIELD_OF[String(issue.path[0])] ?? null;
      if (field && r.failed(field)) continue;
      r.fail(field, issue.message);
    }
  }
  return fields;
}

function valueText(value: number): string {
  return number.format(value);
}

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
    if (leftOut.includes(column)) problems.push(t.mapping.personalColumn(columnName(headers, column)));
    else mapping[field] = column;
  }
  for (const field of IMPORT_FIELDS) if (source[field] !== undefined && !IMPORT_FIELDS_BY_KIND[kind].includes(field)) problems.push(t.mapping.wrongKind(t.fields[field]));
  const missing = REQUIRED_IMPORT_FIELDS[kind].filter((f) => mapping[f] === undefined);
  if (missing.length > 0) problems.push(t.mapping.missingColumns(missing.map((f) => t.fields[f])));
  if (headers.every((h) => h === '')) problems.unshift(t.mapping.noHeader);

  const preview: ImportPreview = {
    kind,
    sheet: table.sheet,
    headerRow: headerIndex + 1,
    headers,
    mapping,
    problems,
    leftOut: leftOut.map((column) => columnName(headers, column)),
    rows: [],
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

function planMeasures(table: ImportTable, headerIndex: number, headers: readonly string[], mapping: ColumnMapping, doc: RegisterDocument, plan: ImportPlan): void {
  const l = lookups(doc);
  const others = doc.measures.filter((m) => !m.deletedAt);
  const ctx = { measureId: null, actionFields: doc.actionFields, orgUnits: doc.orgUnits, statuses: doc.statuses, others };
  const seen = new Map<string, number>();
  for (let index = headerIndex + 1; index < table.rows.length; index++) {
    const row = table.rows[index]!;
    if (isBlankRow(row, mapping)) continue;
    const r = rowReader(row, index + 1, mapping, headers);
    const fields = readMeasure(r, l);
    const key = r.text('number').toLowerCase();
    const firstRow = key === '' ? undefined : seen.get(key);
    if (firstRow !== undefined) r.fail('number', t.row.numberTwice(r.text('number'), firstRow));
    else if (key !== '') seen.set(key, r.rowNumber);
    // The rules also run for a row with errors (failed fields are not reported twice), so one look shows all.
    for (const problem of checkMeasureRules(fields, ctx)) {
      const field = MEASURE_FIELD_OF[problem.field] ?? null;
      if (field && r.failed(field)) continue;
      if (problem.field === 'number') r.fail('number', t.row.numberExists(fields.number));
      else r.fail(field, problem.message);
    }
    const ok = r.errors.length === 0;
    if (ok) {
      plan.measures.push(fields);
      plan.preview.counts.newMeasures++;
    }
    plan.preview.rows.push({ rowNumber: r.rowNumber, ok, summary: t.summary.measure(r.text('number'), r.text('title')), errors: r.sortedErrors() });
  }
}

function sortValues(values: IndicatorValue[]): IndicatorValue[] {
  return values.sort((a, b) => a.year - b.year || a.period.localeCompare(b.period, 'de'));
}

function planValues(table: ImportTable, headerIndex: number, headers: readonly string[], mapping: ColumnMapping, doc: RegisterDocument, plan: ImportPlan): void {
  const editionOf = new Map(doc.actionFields.map((f) => [f.id, f.editionId]));
  const measuresByNumber = new Map<string, Measure[]>();
  for (const m of doc.measures) {
    const key = m.number.toLowerCase();
    const list = measuresByNumber.get(key);
    if (list) list.push(m);
    else measuresByNumber.set(key, [m]);
  }
  const indicatorsByMeasure = new Map<string, Indicator[]>();
  for (const i of doc.indicators) {
    if (i.deletedAt) continue;
    const list = indicatorsByMeasure.get(i.measureId);
    if (list) list.push(i);
    else indicatorsByMeasure.set(i.measureId, [i]);
  }
  /** Working copy of the values per Kennzahl, as the import leaves them. */
  const working = new Map<string, { indicator: Indicator; values: Map<string, IndicatorValue>; rows: PreviewRow[]; added: number }>();
  const seen = new Map<string, number>();

  for (let index = headerIndex + 1; index < table.rows.length; index++) {
    const row = table.rows[index]!;
    if (isBlankRow(row, mapping)) continue;
    const r = rowReader(row, index + 1, mapping, headers);
    const numberText = r.text('measureNumber');
    const name = r.text('indicatorName');
    let indicator: Indicator | null = null;
    let measureNumber = numberText;
    if (numberText === '') r.fail('measureNumber', t.row.number);
    else {
      const candidates = measuresByNumber.get(numberText.toLowerCase()) ?? [];
      // The same number may exist in several Fassungen: the current one counts.
      const active = candidates.filter((m) => !m.deletedAt);
      const measure = active.find((m) => editionOf.get(m.actionFieldId) === doc.currentEditionId) ?? active[0] ?? null;
      if (!measure) r.fail('measureNumber', candidates.length > 0 ? t.row.measureDeleted(numberText) : t.row.measureNotFound(numberText));
      else {
        measureNumber = measure.number;
        const own = indicatorsByMeasure.get(measure.id) ?? [];
        if (name === '') r.fail('indicatorName', t.row.required(t.fields.indicatorName));
        else {
          const wanted = name.toLowerCase().replace(/\s+/g, ' ');
          indicator =
            own.find((i) => i.name.toLowerCase().replace(/\s+/g, ' ') === wanted) ?? own.find((i) => normalizeHeader(i.name) === normalizeHeader(name)) ?? null;
          if (!indicator)
            r.fail(
              'indicatorName',
              t.row.indicatorNotFound(
                name,
                measure.number,
                own.map((i) => i.name),
              ),
            );
        }
      }
    }
    if (name === '' && numberText === '') r.fail('indicatorName', t.row.required(t.fields.indicatorName));

    if (r.text('year') === '') r.fail('year', t.row.year);
    const year = readYear(r, 'year');
    const cell = r.cell('value');
    const text = cellText(cell);
    let value: number | null = null;
    if (text === '' || DASHES.has(text)) r.fail('value', t.row.valueRequired);
    else {
      value = typeof cell === 'number' ? cell : parseGermanNumber(text);
      if (value === null) r.fail('value', t.row.numberValue);
    }
    const period = r.text('period');
    const noteMapped = r.mapped('note');
    const note = r.text('note');

    let summary = `${numberText}${name ? ` · ${name}` : ''}`;
    if (indicator && year !== null && value !== null) {
      const entry = working.get(indicator.id) ?? {
        indicator,
        values: new Map(indicator.values.map((v) => [`${v.year}|${v.period.trim()}`, v])),
        rows: [],
        added: 0,
      };
      working.set(indicator.id, entry);
      const key = `${year}|${period}`;
      const seenKey = `${indicator.id}|${key}`;
      const before = indicator.values.find((v) => v.year === year && v.period.trim() === period);
      const candidate: IndicatorValue = { year, period, value, note: noteMapped ? note : (before?.note ?? '') };
      const checked = indicatorValueSchema.safeParse(candidate);
      if (!checked.success)
        for (const issue of checked.error.issues) {
          const field = ({ year: 'year', period: 'period', value: 'value', note: 'note' } as const)[String(issue.path[0]) as 'year'] ?? null;
          r.fail(field, issue.message);
        }
      const firstRow = seen.get(seenKey);
      if (firstRow !== undefined) r.fail('year', t.row.valueTwice(firstRow));
      else seen.set(seenKey, r.rowNumber);
      const what = t.summary.valueTarget(measureNumber, indicator.name, year, period);
      if (!before) summary = t.summary.valueNew(what, valueText(value));
      else if (before.value === value && before.note === candidate.note) summary = t.summary.valueUnchanged(what, valueText(value));
      else summary = t.summary.valueReplaced(what, valueText(before.value), valueText(value));
      if (r.errors.length === 0) {
        if (!entry.values.has(key)) entry.added++;
        entry.values.set(key, candidate);
        if (!before) plan.preview.counts.newValues++;
        else if (before.value === value && before.note === candidate.note) plan.preview.counts.unchangedValues++;
        else plan.preview.counts.replacedValues++;
      }
    }
    const previewRow: PreviewRow = { rowNumber: r.rowNumber, ok: r.errors.length === 0, summary, errors: r.sortedErrors() };
    if (indicator) working.get(indicator.id)?.rows.push(previewRow);
    plan.preview.rows.push(previewRow);
  }

  for (const { indicator, values, rows } of working.values()) {
    const after = sortValues([...values.values()]);
    if (after.length > 200) {
      for (const row of rows)
        if (row.ok) {
          row.ok = false;
          row.errors.push({ column: null, message: t.row.tooManyValues });
        }
      continue;
    }
    if (JSON.stringify(after) !== JSON.stringify(sortValues([...indicator.values])))
      plan.valueChanges.push({ indicatorId: indicator.id, before: indicator.values, after });
  }
}

// ---------------------------------------------------------------------------------------------------
// Anregungen
// ---------------------------------------------------------------------------------------------------

const PROPOSAL_FIELD_OF: Record<string, ImportField> = {
  number: 'number',
  source: 'source',
  labId: 'lab',
  receivedOn: 'receivedOn',
  text: 'text',
  category: 'category',
  district: 'district',
  area: 'area',
  assignedOrgUnitId: 'assignedOrgUnit',
  state: 'state',
  stateReason: 'stateReason',
  measureId: 'measure',
  feedbackText: 'feedbackText',
  feedbackOn: 'feedbackOn',
};

/** Status words of a list → state: the labels ("in Prüfung", "übernommen in Maßnahme") and the short forms. */
const PROPOSAL_STATE_WORDS: Record<string, ProposalState> = Object.fromEntries(
  PROPOSAL_STATES.flatMap((state) => [
    [normalizeHeader(state), state],
    [normalizeHeader(de.participation.proposalStates[state]), state],
  ]).concat([
    ['uebernommen', 'uebernommen'],
    ['pruefung', 'in_pruefung'],
    ['inbearbeitung', 'in_pruefung'],
    ['neu', 'eingegangen'],
  ]),
) as Record<string, ProposalState>;

function readProposalSource(text: string, hasLab: boolean): ProposalSource {
  const key = normalizeHeader(text);
  if (key === '') return hasLab ? 'quartierslabor' : 'sonstige';
  if (key.startsWith('quartierslabor') || key.startsWith('labor')) return 'quartierslabor';
  if (key.startsWith('vollversammlung')) return 'vollversammlung';
  if (key.startsWith('eingabe') || /^24(gonrw|go)?$/.test(key) || key.includes('24gonrw') || /§\s*24\b/.test(text)) return 'eingabe';
  return 'sonstige';
}

/** Keys a Quartierslabor is found by: its name, also without the word "Quartierslabor" in front. */
function labKeys(name: string): string[] {
  const key = normalizeHeader(name);
  const short = key.replace(/^quartierslabor/, '');
  return short && short !== key ? [key, short] : [key];
}

interface ProposalLookups {
  labs: Map<string, Lab>;
  labNames: string[];
  /** Live measures of the current Fassung by lower-case number. */
  measures: Map<string, string>;
  /** Numbers of measures in the Papierkorb or only in older Fassungen. */
  otherMeasures: Set<string>;
}

function proposalLookups(doc: RegisterDocument): ProposalLookups {
  const labs = new Map<string, Lab>();
  const live = doc.labs.filter((lab) => lab.deletedAt === null);
  for (const lab of live) for (const key of labKeys(lab.name)) if (key !== '' && !labs.has(key)) labs.set(key, lab);
  const editionOf = new Map(doc.actionFields.map((f) => [f.id, f.editionId]));
  const measures = new Map<string, string>();
  const otherMeasures = new Set<string>();
  for (const m of doc.measures) {
    const key = m.number.trim().toLowerCase();
    if (m.deletedAt === null && editionOf.get(m.actionFieldId) === doc.currentEditionId) measures.set(key, m.id);
    else otherMeasures.add(key);
  }
  return { labs, labNames: live.map((lab) => lab.name).sort((a, b) => a.localeCompare(b, 'de')), measures, otherMeasures };
}

/** The row as the fields of an Anregung; the number may still be empty (numbered after all rows are read). */
function readProposal(r: RowReader, l: Lookups, pl: ProposalLookups): ProposalFields {
  const text = r.text('text');
  if (text === '') r.fail('text', de.participation.validation.textRequired);
  let receivedOn = '';
  if (r.text('receivedOn') === '' || DASHES.has(r.text('receivedOn'))) r.fail('receivedOn', t.row.receivedOnRequired);
  else receivedOn = readDate(r, 'receivedOn') ?? '';

  let labId: string | null = null;
  const labText = r.text('lab');
  if (labText !== '' && !DASHES.has(labText)) {
    const lab = labKeys(labText).map((key) => pl.labs.get(key)).find((x) => x !== undefined);
    if (lab) labId = lab.id;
    else r.fail('lab', t.row.unknownLab(labText, pl.labNames));
  }

  let district: DistrictCode | null = null;
  const districtText = r.text('district');
  if (districtText !== '' && !DASHES.has(districtText) && !ALL_DISTRICTS.has(normalizeHeader(districtText))) {
    const code = l.districts.get(normalizeHeader(districtText));
    if (code) district = code;
    else r.fail('district', t.row.unknownDistrict(districtText));
  }

  let assignedOrgUnitId: string | null = null;
  const unitText = r.text('assignedOrgUnit');
  if (unitText !== '' && !DASHES.has(unitText)) {
    const unit = l.orgUnits.get(normalizeHeader(unitText));
    if (unit) assignedOrgUnitId = unit.id;
    else r.fail('assignedOrgUnit', t.row.unknownOrgUnit(unitText));
  }

  let state: ProposalState = 'eingegangen';
  const stateText = r.text('state');
  if (stateText !== '') {
    const found = PROPOSAL_STATE_WORDS[normalizeHeader(stateText)];
    if (found) state = found;
    else r.fail('state', t.row.unknownProposalState(stateText));
  }

  let measureId: string | null = null;
  const measureText = r.text('measure');
  if (measureText !== '' && !DASHES.has(measureText)) {
    const key = measureText.toLowerCase();
    measureId = pl.measures.get(key) ?? null;
    if (!measureId) r.fail('measure', pl.otherMeasures.has(key) ? t.row.proposalMeasureElsewhere(measureText) : t.row.proposalMeasureNotFound(measureText));
  }

  return {
    number: r.text('number'),
    source: readProposalSource(r.text('source'), labId !== null || r.failed('lab')),
    labId,
    meetingId: null,
    receivedOn,
    text,
    category: r.text('category'),
    district,
    area: r.text('area'),
    assignedOrgUnitId,
    state,
    stateReason: r.text('stateReason'),
    measureId,
    feedbackText: r.text('feedbackText'),
    feedbackOn: readDate(r, 'feedbackOn'),
  };
}

function excerptOf(text: string, max = 80): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

function planProposals(table: ImportTable, headerIndex: number, headers: readonly string[], mapping: ColumnMapping, doc: RegisterDocument, plan: ImportPlan): void {
  const l = lookups(doc);
  const pl = proposalLookups(doc);
  const read: { r: RowReader; fields: ProposalFields }[] = [];
  for (let index = headerIndex + 1; index < table.rows.length; index++) {
    const row = table.rows[index]!;
    if (isBlankRow(row, mapping)) continue;
    const r = rowReader(row, index + 1, mapping, headers);
    read.push({ r, fields: readProposal(r, l, pl) });
  }

  // Empty numbers continue after the highest of the register and of the file, per year of receipt.
  const taken = [...doc.proposals.map((p) => p.number), ...read.map((x) => x.fields.number).filter((n) => n !== '')];
  const lastOfYear = new Map<number, string>();
  const nextNumber = (year: number) => {
    const last = lastOfYear.get(year);
    const next = suggestProposalNumber(year, last ? [last] : taken);
    lastOfYear.set(year, next);
    return next;
  };

  const seen = new Map<string, number>();
  for (const { r, fields } of read) {
    const generated = fields.number === '';
    if (generated && fields.receivedOn !== '') fields.number = nextNumber(Number(fields.receivedOn.slice(0, 4)));
    const key = fields.number.trim().toLowerCase();
    const firstRow = key === '' ? undefined : seen.get(key);
    if (firstRow !== undefined) r.fail('number', t.row.numberTwice(fields.number, firstRow));
    else if (key !== '') seen.set(key, r.rowNumber);

    const parsed = proposalFieldsSchema.safeParse(fields);
    if (!parsed.success)
      for (const issue of parsed.error.issues) {
        const field = PROPOSAL_FIELD_OF[String(issue.path[0])] ?? null;
        // Without a date of receipt no number can be given; that row already says why.
        if (field === 'number' && fields.number === '') continue;
        if (field && r.failed(field)) continue;
        r.fail(field, issue.message);
      }
    // The rules also run for a row with errors (failed fields are not reported twice), so one look shows all.
    for (const problem of checkProposal(fields, null, doc)) {
      const field = PROPOSAL_FIELD_OF[problem.field] ?? null;
      if (field && r.failed(field)) continue;
      if (problem.field === 'number') r.fail('number', t.row.numberExists(fields.number));
      else r.fail(field, problem.message);
    }

    const ok = r.errors.length === 0;
    if (ok) {
      plan.proposals.push(fields);
      plan.preview.counts.newProposals++;
    }
    plan.preview.rows.push({ rowNumber: r.rowNumber, ok, summary: t.summary.proposal(fields.number, excerptOf(fields.text), generated && fields.number !== ''), errors: r.sortedErrors() });
  }
}

/** The letter of a column for the mapping dialog: 0 → A. */
export { columnLetter };
