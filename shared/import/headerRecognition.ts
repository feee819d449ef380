import {
  type ColumnMapping,
  IMPORT_FIELDS_BY_KIND,
  IMPORT_KINDS,
  type ImportCell,
  type ImportField,
  type ImportKind,
  REQUIRED_IMPORT_FIELDS,
} from './importFields';

/**
 * Header recognition: which column holds which field (German headers recognised by synonyms and word
 * stems, case and umlauts ignored), where the header row is, which kind a table is, and which columns
 * name a person's contact data (never imported).
 */

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
    leadOrgUnit: [
      'federfuehrung',
      'federfuehrend',
      'federfuehrendesamt',
      'federfuehrendestelle',
      'amt',
      'zustaendig',
      'zustaendigkeit',
      'verantwortlich',
      'fachbereich',
    ],
    involvedOrgUnits: ['beteiligte', 'beteiligt', 'beteiligtestellen', 'beteiligteaemter', 'mitwirkende', 'kooperationspartner', 'partner'],
    districts: ['stadtbezirke', 'stadtbezirk', 'bezirke', 'bezirk'],
    quarter: ['quartier', 'ort', 'standort', 'sozialraum'],
    plannedStart: ['beginn', 'geplanterbeginn', 'beginngeplant', 'start', 'startdatum', 'anfang', 'von'],
    plannedEnd: ['ende', 'geplantesende', 'endegeplant', 'enddatum', 'abschluss', 'bis'],
    budget: [
      'budget',
      'budgetgeplant',
      'geplantesbudget',
      'geplant',
      'plan',
      'planeur',
      'planansatz',
      'ansatz',
      'plankosten',
      'kosten',
      'mittel',
    ],
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
    assignedOrgUnit: [
      'zustaendig',
      'zustaendigkeit',
      'zustaendigestelle',
      'zustaendigesamt',
      'amt',
      'federfuehrung',
      'fachbereich',
      'organisationseinheit',
    ],
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
const THING_WORDS = [
  'quartierslabor',
  'labor',
  'massnahme',
  'kategorie',
  'amt',
  'stelle',
  'organisation',
  'bezirk',
  'stadtbezirk',
  'bereich',
  'ort',
  'gremium',
  'veranstaltung',
];

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
  return values.required > measures.required || (values.required === measures.required && values.total > measures.total)
    ? 'values'
    : 'measures';
}
