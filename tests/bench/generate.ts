/**
 * Deterministic generator of realistic, valid registers for the benchmark (tests/bench/run.ts).
 * Same seed and size → same document, byte for byte. Not used by the app or the unit tests.
 *
 * Each measure carries roughly 1–2 KB of German text (title, short text, description, goals),
 * 0–3 decisions, 0–5 milestones, 1–4 budget lines over 2019–2027, 1–4 tags, districts, a lead office
 * and involved offices out of ~20 org units, and one or two small audit entries.
 */
import { DISTRICTS, type DistrictCode } from '@shared/register/districts';
import type { ActionField } from '@shared/editions/edition';
import {
  DECISION_KINDS,
  FUNDING_SOURCES,
  ORIGIN_KINDS,
  type BudgetLine,
  type Decision,
  type Measure,
  type Milestone,
} from '@shared/register/measure';
import type { AuditEntry } from '@shared/audit/audit';
import type { OrgUnit } from '@shared/register/orgUnit';
import { CURRENT_SCHEMA_VERSION, emptyCollections, type RegisterDocument } from '@shared/register/register';
import { DEFAULT_RETENTION } from '@shared/privacy/retention';
import { DEFAULT_BODIES } from '@shared/participation/body';
import { DEFAULT_STATUSES } from '@shared/register/status';

/** mulberry32: small, fast, good enough for test data. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number): boolean => next() < p;
  /** `count` distinct items in random order. */
  const sample = <T>(items: readonly T[], count: number): T[] => {
    const copy = items.slice();
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, Math.min(count, copy.length));
  };
  const uuid = (): string => {
    const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  return { next, int, pick, chance, sample, uuid };
}
export type Random = ReturnType<typeof createRandom>;

// ---------------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------------

const PLACES = [
  'Nordmarkt',
  'Keuninghaus',
  'Hauptbahnhof',
  'Westenhellweg',
  'Stadtgarten',
  'Borsigplatz',
  'Dortmunder U',
  'Hafen',
  'Phoenix-See',
  'Friedensplatz',
  'Brückstraße',
  'Münsterstraße',
  'Mallinckrodtstraße',
  'Kampstraße',
  'Clarenberg',
  'Westfalenpark',
  'Fredenbaumpark',
  'Hoeschpark',
  'Rombergpark',
  'Reinoldikirche',
  'Hörder Bahnhof',
  'Aplerbecker Marktplatz',
  'Mengeder Markt',
  'Steinplatz',
  'Schützenstraße',
  'Wallring',
  'Hansaplatz',
  'Alter Markt',
  'Königswall',
  'Evinger Platz',
  'Lütgendortmunder Marktplatz',
  'Huckarder Straße',
  'Brackeler Hellweg',
  'Scharnhorster Zentrum',
  'Hombrucher Markt',
  'Kaiserstraßenviertel',
  'Unionviertel',
  'Rheinische Straße',
  'Stadthaus',
  'U-Bahnhof Kampstraße',
] as const;

const TITLE_ACTIONS = [
  'Ausbau der Beleuchtung',
  'Neugestaltung des Platzes',
  'Aufsuchende Jugendarbeit',
  'Präsenzstreifen des Kommunalen Ordnungsdienstes',
  'Einrichtung einer Anlaufstelle',
  'Rückschnitt von Hecken und Sichtachsen',
  'Installation von Notrufsäulen',
  'Sauberkeitsoffensive',
  'Schulwegsicherung',
  'Videobeobachtung',
  'Beratungsangebot für Gewerbetreibende',
  'Quartiersbegehungen mit Anwohnenden',
  'Ordnungspartnerschaft mit der Polizei',
  'Kriminalpräventive Gestaltung',
  'Sicherheitsaudit',
  'Nachtcafé für wohnungslose Menschen',
  'Spielplatzpatenschaften',
  'Mobile Drogenberatung',
  'Verkehrsberuhigung',
  'Aufwertung der Unterführung',
  'Graffiti-Entfernung und legale Flächen',
  'Runder Tisch Gewerbe und Sicherheit',
  'Frauen-Nachttaxi',
  'Angstraumanalyse',
] as const;

const PREPOSITIONS = ['am', 'im Bereich', 'rund um', 'an der Haltestelle', 'im Umfeld'] as const;

const PROBLEMS = [
  'Vermüllung und illegale Abfallablagerungen',
  'offenen Drogenkonsum',
  'aggressives Betteln',
  'Lärmbelästigung in den Abendstunden',
  'Vandalismus an Spielgeräten',
  'unzureichende Beleuchtung von Fußwegen',
  'Falschparken in Feuerwehrzufahrten',
  'Gruppenbildung alkoholisierter Personen',
  'Taschendiebstähle',
  'Verunreinigungen in Hauseingängen',
  'Sachbeschädigungen durch Graffiti',
  'Raserei und illegale Autorennen',
  'Belästigungen von Frauen in den Nachtstunden',
] as const;

const OBJECTS = [
  'LED-Leuchten',
  'Sitzbänke',
  'Notrufsäulen',
  'Fahrradbügel',
  'Hinweisschilder',
  'Abfallbehälter mit Pressfunktion',
  'Trinkwasserbrunnen',
  'Spielgeräte',
  'Pflanzkübel',
  'Poller',
  'Infotafeln in mehreren Sprachen',
] as const;

const WISHES = [
  'mehr Präsenz des Kommunalen Ordnungsdienstes',
  'besserer Beleuchtung',
  'einer Anlaufstelle für Jugendliche',
  'sauberen Grünflächen',
  'sicheren Schulwegen',
  'mehr Sitzgelegenheiten',
  'einer festen Ansprechperson im Quartier',
  'kürzeren Reaktionszeiten bei Beschwerden',
] as const;

const FINDINGS = [
  'die Zahl der Einsätze deutlich zurückgegangen ist',
  'die Akzeptanz bei den Anwohnenden hoch ist',
  'ein dauerhafter Betrieb nur mit zusätzlichem Personal möglich ist',
  'die Abstimmung zwischen den Ämtern verbessert werden muss',
  'sich das Beschwerdeaufkommen in den Sommermonaten verlagert',
  'vor allem ältere Menschen den Platz wieder häufiger nutzen',
] as const;

const PROGRAMS = [
  'Soziale Stadt',
  'Starke Quartiere – starke Menschen',
  'Sozialer Zusammenhalt',
  'Kommunale Prävention NRW',
  'ESF Plus',
  'Städtebauförderung',
  'Nordstadt-Fonds',
] as const;

const OFFERS = [
  'die Streetwork des Jugendamts',
  'das Nordstadt-Streetwork',
  'die Drogenhilfeeinrichtung kick',
  'das Quartiersmanagement',
  'den Präventionsrat',
  'die Ordnungspartnerschaft City',
  'die Schulsozialarbeit',
  'die Seniorenbüros',
] as const;

const GROUPS = [
  'Jugendliche',
  'ältere Menschen',
  'Familien mit Kindern',
  'Gewerbetreibende',
  'Pendlerinnen und Pendler',
  'Schülerinnen und Schüler',
  'wohnungslose Menschen',
] as const;

const TAGS = [
  'Beleuchtung',
  'Jugend',
  'Sauberkeit',
  'Drogen',
  'Verkehr',
  'Nordstadt',
  'KOD',
  'Prävention',
  'Städtebau',
  'Ehrenamt',
  'Senioren',
  'Gewerbe',
  'Schule',
  'Grünflächen',
  'Videobeobachtung',
  'Alkohol',
  'Frauen',
  'ÖPNV',
  'Wohnungslosigkeit',
] as const;

const BODIES = [
  'Rat der Stadt',
  'Ausschuss für Bürgerdienste, öffentliche Ordnung, Anregungen und Beschwerden',
  'Verwaltungsvorstand',
  'Ausschuss für Kinder, Jugend und Familie',
  'Ausschuss für Soziales, Arbeit und Gesundheit',
  'Ausschuss für Mobilität, Infrastruktur und Grün',
] as const;

const MILESTONES = [
  'Bestandsaufnahme abgeschlossen',
  'Beteiligung der Bezirksvertretung',
  'Ausschreibung veröffentlicht',
  'Auftrag vergeben',
  'Baubeginn',
  'Inbetriebnahme',
  'Zwischenbericht an den Ausschuss',
  'Evaluation abgeschlossen',
  'Übergang in den Regelbetrieb',
  'Förderantrag gestellt',
  'Förderbescheid eingegangen',
] as const;

const USERS = ['Petra Schulte', 'Mehmet Yilmaz', 'Anja Kowalski', 'Thomas Brinkmann', 'Sabine Nowak', 'Jens Hoffmann'] as const;

const REASONS = [
  'Die Haushaltsmittel für das laufende Jahr wurden nicht bereitgestellt; eine Wiederaufnahme ist für den nächsten Doppelhaushalt vorgesehen.',
  'Die Ausschreibung musste mangels wirtschaftlicher Angebote aufgehoben werden.',
  'Personalengpässe im Fachbereich verzögern den Beginn um voraussichtlich zwei Quartale.',
  'Die Bezirksvertretung hat um eine erneute Beteiligung der Anwohnenden gebeten.',
  'Die Maßnahme wurde mit einer inhaltsgleichen Maßnahme eines anderen Handlungsfeldes zusammengelegt.',
] as const;

/** Words a user might type into the search box; all occur in generated text (some only in a few measures). */
export const SEARCH_VOCABULARY: readonly string[] = [
  ...new Set(
    [
      ...PLACES,
      ...TITLE_ACTIONS,
      ...PROBLEMS,
      ...OBJECTS,
      ...TAGS,
      ...DISTRICTS.map((d) => d.name),
      'Ordnungsamt',
      'Jugendamt',
      'Polizei',
      'Streetwork',
    ]
      .flatMap((phrase) => phrase.split(/[\s,;–()]+/))
      .filter((w) => w.length >= 4 && !/^(der|die|das|und|mit|von|für|des|den|dem|einer|eines|rund)$/i.test(w)),
  ),
];

/** Queries that occur nowhere in the generated text. */
export const NO_HIT_QUERIES: readonly string[] = [
  'Zeppelinstraße',
  'Wasserstoffbus',
  'Seilbahn Westfalenhütte',
  'Quxbar',
  'Karnevalsumzug Tremonia',
  'Biberdamm',
];

// ---------------------------------------------------------------------------------------------------
// Reference data
// ---------------------------------------------------------------------------------------------------

const EDITION_ID = 'fassung-2019';

export const ACTION_FIELDS: ActionField[] = [
  {
    id: 'hf1',
    editionId: EDITION_ID,
    code: 'HF1',
    name: 'Sichere Nachbarschaft',
    description: 'Stärkung des nachbarschaftlichen Zusammenhalts und der sozialen Kontrolle in den Quartieren.',
    guidingGoal: 'Menschen fühlen sich in ihrem Wohnumfeld sicher und kennen ihre Ansprechpersonen.',
  },
  {
    id: 'hf2',
    editionId: EDITION_ID,
    code: 'HF2',
    name: 'Sichere öffentliche Räume',
    description: 'Gestaltung, Sauberkeit und Präsenz auf Plätzen, in Parks und an Haltestellen.',
    guidingGoal: 'Öffentliche Räume sind zu jeder Tageszeit für alle nutzbar.',
  },
  {
    id: 'hf3',
    editionId: EDITION_ID,
    code: 'HF3',
    name: 'Sichere Infrastruktur',
    description: 'Beleuchtung, Wegeführung, ÖPNV-Anlagen und technische Sicherheit.',
    guidingGoal: 'Die Infrastruktur vermeidet Angsträume und unterstützt schnelle Hilfe.',
  },
];

export const ORG_UNITS: OrgUnit[] = (
  [
    ['ou-32', 'FB 32', 'Ordnungsamt', 'verwaltung'],
    ['ou-37', 'FB 37', 'Feuerwehr', 'verwaltung'],
    ['ou-40', 'FB 40', 'Schulverwaltungsamt', 'verwaltung'],
    ['ou-50', 'FB 50', 'Sozialamt', 'verwaltung'],
    ['ou-51', 'FB 51', 'Jugendamt', 'verwaltung'],
    ['ou-53', 'FB 53', 'Gesundheitsamt', 'verwaltung'],
    ['ou-61', 'FB 61', 'Stadtplanungs- und Bauordnungsamt', 'verwaltung'],
    ['ou-64', 'FB 64', 'Amt für Wohnen', 'verwaltung'],
    ['ou-66', 'FB 66', 'Tiefbauamt', 'verwaltung'],
    ['ou-67', 'FB 67', 'Grünflächenamt', 'verwaltung'],
    ['ou-stern', '', 'Dortmunder Stadterneuerung', 'verwaltung'],
    ['ou-kpr', '', 'Kriminalpräventiver Rat', 'politik'],
    ['ou-pp', 'PP DO', 'Polizeipräsidium Dortmund', 'polizei'],
    ['ou-bupo', '', 'Bundespolizeiinspektion Dortmund', 'polizei'],
    ['ou-dsw21', 'DSW21', 'Dortmunder Stadtwerke', 'partner'],
    ['ou-edg', 'EDG', 'Entsorgung Dortmund', 'partner'],
    ['ou-qm', '', 'Quartiersmanagement Nordstadt', 'partner'],
    ['ou-aids', '', 'aidshilfe dortmund', 'partner'],
    ['ou-bv-in', '', 'Bezirksvertretung Innenstadt-Nord', 'politik'],
    ['ou-citym', '', 'City-Ring Dortmund', 'sonstige'],
  ] as const
).map(([id, code, name, kind]) => ({ id, code, name, kind, validFrom: null, validTo: null }));

// ---------------------------------------------------------------------------------------------------
// Measures
// ---------------------------------------------------------------------------------------------------

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function date(r: Random, fromYear: number, toYear: number): string {
  return `${r.int(fromYear, toYear)}-${pad2(r.int(1, 12))}-${pad2(r.int(1, 28))}`;
}

function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${pad2((total % 12) + 1)}-${pad2(d)}`;
}

function germanDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

function dateTime(r: Random, fromYear: number, toYear: number): string {
  return `${date(r, fromYear, toYear)}T${pad2(r.int(7, 18))}:${pad2(r.int(0, 59))}:${pad2(r.int(0, 59))}.${String(r.int(0, 999)).padStart(3, '0')}Z`;
}

function printNo(r: Random, year: number): string {
  return `${r.int(10000, 39999)}-${String(year % 100).padStart(2, '0')}${r.chance(0.1) ? '-E1' : ''}`;
}

interface TextContext {
  place: string;
  district: string;
  lead: string;
  other: string;
}

/** Sentence source for one measure: each template is used at most once until all have been used. */
function sentences(r: Random, c: TextContext): () => string {
  const templates: (() => string)[] = [
    () => `Im Bereich ${c.place} wird seit ${r.int(2016, 2023)} eine erhöhte Zahl von Beschwerden über ${r.pick(PROBLEMS)} verzeichnet.`,
    () => `Die Maßnahme setzt auf eine enge Zusammenarbeit zwischen ${c.lead} und ${c.other}.`,
    () =>
      `Geplant sind ${r.int(3, 40)} zusätzliche ${r.pick(OBJECTS)}, die in Abstimmung mit der Bezirksvertretung ${c.district} verortet werden.`,
    () => 'Begleitend finden regelmäßige Begehungen mit Anwohnerinnen und Anwohnern, Gewerbetreibenden und dem Quartiersmanagement statt.',
    () => 'Ziel ist es, das subjektive Sicherheitsgefühl im öffentlichen Raum nachhaltig zu stärken und Angsträume abzubauen.',
    () => 'Die Ergebnisse werden halbjährlich im Ausschuss für Bürgerdienste, öffentliche Ordnung, Anregungen und Beschwerden berichtet.',
    () =>
      `Für die Umsetzung stehen Mittel aus dem Förderprogramm „${r.pick(PROGRAMS)}“ zur Verfügung; der Eigenanteil der Stadt beträgt ${r.int(10, 50)} Prozent.`,
    () => `Erste Erfahrungen aus dem Pilotprojekt ${r.pick(PREPOSITIONS)} ${r.pick(PLACES)} zeigen, dass ${r.pick(FINDINGS)}.`,
    () => `Die Koordination liegt bei ${c.lead}; beteiligt sind außerdem ${c.other} sowie freie Träger der Jugendhilfe.`,
    () => `Im Rahmen der Quartierslabore in ${c.district} wurde der Wunsch nach ${r.pick(WISHES)} mehrfach geäußert.`,
    () => 'Die Evaluation erfolgt anhand von Kennzahlen wie Einsatzzahlen, Beschwerdeaufkommen und Ergebnissen der Bürgerbefragung.',
    () => `Die Maßnahme ergänzt bestehende Angebote wie ${r.pick(OFFERS)} und vermeidet Doppelstrukturen.`,
    () =>
      `Besonders ${r.pick(GROUPS)} meiden den Ort nach Einbruch der Dunkelheit, wie die Sicherheitsbefragung ${r.int(2018, 2024)} ergeben hat.`,
    () =>
      `Nach Rücksprache mit ${c.other} wird die Umsetzung in ${r.int(2, 4)} Bauabschnitten vorgeschlagen, um den laufenden Betrieb nicht zu stören.`,
  ];
  let order: (() => string)[] = [];
  return () => {
    if (order.length === 0) order = r.sample(templates, templates.length);
    return order.pop()!();
  };
}

function paragraph(next: () => string, count: number): string {
  return Array.from({ length: count }, next).join(' ');
}

const GOALS_PREVENTION = [
  'Tatgelegenheiten werden durch Gestaltung und Präsenz verringert.',
  'Konflikte im öffentlichen Raum werden frühzeitig erkannt und entschärft.',
  'Junge Menschen finden Alternativen zum Aufenthalt an Brennpunkten.',
  'Suchtkranke Menschen werden an Hilfeangebote vermittelt, bevor sich Szenen verfestigen.',
  'Nachbarschaften übernehmen Verantwortung für ihr Wohnumfeld.',
];
const GOALS_PROJECT = [
  'Bis Ende des Jahres sind alle Maßnahmen der ersten Stufe umgesetzt.',
  'Das Beschwerdeaufkommen sinkt innerhalb von zwei Jahren um ein Drittel.',
  'Der Ort wird in der nächsten Sicherheitsbefragung deutlich besser bewertet.',
  'Die beteiligten Stellen treffen sich mindestens viermal jährlich.',
  'Die Maßnahme geht nach der Pilotphase in den Regelbetrieb über.',
];

const ACTUAL_STATES = new Set(['in_umsetzung', 'umgesetzt', 'verstetigt', 'verzoegert', 'eingestellt']);
const DONE_STATES = new Set(['umgesetzt', 'verstetigt', 'eingestellt', 'zusammengefuehrt', 'ersetzt']);
/** Weighted like a register a few years in: most measures planned or running, a few side states. */
const STATUS_WEIGHTS: [string, number][] = [
  ['vorgeschlagen', 8],
  ['beschlossen', 10],
  ['in_planung', 18],
  ['in_umsetzung', 28],
  ['umgesetzt', 14],
  ['verstetigt', 8],
  ['zurueckgestellt', 4],
  ['verzoegert', 6],
  ['eingestellt', 2],
  ['zusammengefuehrt', 1],
  ['ersetzt', 1],
];

function weightedStatus(r: Random): string {
  const total = STATUS_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  let x = r.next() * total;
  for (const [key, w] of STATUS_WEIGHTS) {
    x -= w;
    if (x < 0) return key;
  }
  return 'in_planung';
}

function budgetLines(r: Random, startYear: number): BudgetLine[] {
  const count = r.int(1, 4);
  const lines: BudgetLine[] = [];
  const used = new Set<string>();
  for (let k = 0; k < count; k++) {
    const y = Math.min(2027, startYear + k);
    const fundingSource = r.pick(FUNDING_SOURCES);
    if (used.has(`${y}/${fundingSource}`)) continue;
    used.add(`${y}/${fundingSource}`);
    const planned = r.int(5_000, 500_000) * 100;
    lines.push({
      year: y,
      plannedCents: planned,
      approvedCents: r.chance(0.7) ? Math.round(planned * (0.6 + r.next() * 0.4)) : null,
      spentCents: y <= 2024 && r.chance(0.6) ? Math.round(planned * r.next()) : null,
      fundingSource,
      budgetPosition:
        fundingSource === 'haushalt' ? `1.${pad2(r.int(1, 16))}.${pad2(r.int(1, 9))}.${pad2(r.int(1, 20))} / ${r.int(5200, 5499)}` : '',
    });
  }
  return lines;
}

function decisions(r: Random, startYear: number, district: string): Decision[] {
  return Array.from({ length: r.int(0, 3) }, () => {
    const y = r.int(2018, Math.max(2018, Math.min(2025, startYear)));
    return {
      printNumber: r.chance(0.9) ? printNo(r, y) : null,
      body: r.chance(0.3) ? `Bezirksvertretung ${district}` : r.pick(BODIES),
      date: r.chance(0.9) ? date(r, y, y) : null,
      kind: r.pick(DECISION_KINDS),
      note: r.chance(0.5) ? `Einstimmig bei ${r.int(0, 3)} Enthaltungen; Verwaltung berichtet im Folgejahr.` : '',
    };
  });
}

function milestones(r: Random, start: string): Milestone[] {
  return r.sample(MILESTONES, r.int(0, 5)).map((title, k) => {
    const due = addMonths(start, 3 * (k + 1));
    return { title, dueDate: due, doneDate: due < '2025-01-01' && r.chance(0.7) ? addMonths(due, r.int(-1, 2)) : null };
  });
}

function makeMeasure(r: Random, numbers: Map<string, number>, active: Measure[]): Measure {
  const field = r.pick(ACTION_FIELDS);
  const seq = (numbers.get(field.code) ?? 0) + 1;
  numbers.set(field.code, seq);
  const place = r.pick(PLACES);
  const districts = r.sample(DISTRICTS, r.chance(0.8) ? 1 : r.int(2, 4));
  const units = r.sample(ORG_UNITS, r.int(1, 5));
  const lead = units[0]!;
  const involved = units.slice(1);
  const districtLabel = districts[0]!.name;
  const c: TextContext = {
    place,
    district: districtLabel,
    lead: lead.name,
    other: (involved[0] ?? r.pick(ORG_UNITS)).name,
  };
  const text = sentences(r, c);

  let status = weightedStatus(r);
  const candidates = active.length > 0 ? active : null;
  if ((status === 'zusammengefuehrt' || status === 'ersetzt') && !candidates) status = 'in_planung';
  const definition = DEFAULT_STATUSES.find((s) => s.key === status)!;

  const startYear = r.int(2019, 2026);
  const plannedStart = date(r, startYear, startYear);
  const plannedEnd = addMonths(plannedStart, r.int(6, 48));
  const actualStart = ACTUAL_STATES.has(status) || DONE_STATES.has(status) ? addMonths(plannedStart, r.int(0, 6)) : null;
  const actualEnd = actualStart && DONE_STATES.has(status) ? addMonths(actualStart, r.int(3, 36)) : null;
  const createdAt = dateTime(r, 2019, 2024);
  const originKind = r.pick(ORIGIN_KINDS);

  return {
    id: r.uuid(),
    parentMeasureId: null,
    weight: 1,
    number: `${field.code}-${pad2(seq)}`,
    title: `${r.pick(TITLE_ACTIONS)} ${r.pick(PREPOSITIONS)} ${place}${r.chance(0.3) ? ` (${districtLabel})` : ''}`,
    shortText: paragraph(sentences(r, c), r.int(1, 2)),
    description: Array.from({ length: r.int(2, 3) }, () => paragraph(text, r.int(2, 4))).join('\n\n'),
    preventionGoal: r.sample(GOALS_PREVENTION, r.int(1, 2)).join(' '),
    projectGoal: r.sample(GOALS_PROJECT, r.int(1, 2)).join(' '),
    actionFieldId: field.id,
    type: r.pick(['projekt', 'massnahme', 'massnahme', 'daueraufgabe'] as const),
    status,
    statusReason: definition.requiresReason ? r.pick(REASONS) : '',
    linkedMeasureId: definition.requiresLink && candidates ? r.pick(candidates).id : null,
    leadOrgUnitId: lead.id,
    involvedOrgUnitIds: involved.map((u) => u.id),
    districts: districts.map((d) => d.code as DistrictCode),
    quarter: r.chance(0.6) ? `${districtLabel} / ${place}` : '',
    plannedStart,
    plannedEnd,
    actualStart,
    actualEnd,
    budget: budgetLines(r, startYear),
    origin: {
      kind: originKind,
      reference:
        originKind === 'masterplan'
          ? `Masterplan Kommunale Sicherheit 2019, Kap. ${r.int(2, 6)}.${r.int(1, 9)}`
          : `Antrag vom ${germanDate(date(r, 2019, 2024))}`,
      printNumber: r.chance(0.6) ? printNo(r, r.int(2018, 2024)) : null,
    },
    decisions: decisions(r, startYear, districtLabel),
    milestones: milestones(r, plannedStart),
    tags: r.sample(TAGS, r.int(1, 4)),
    version: r.int(1, 12),
    createdAt,
    updatedAt: createdAt,
    deletedAt: null,
  };
}

function auditFor(r: Random, m: Measure): AuditEntry[] {
  const label = `${m.number} ${m.title}`.slice(0, 300);
  const entries: AuditEntry[] = [
    {
      id: r.uuid(),
      at: m.createdAt,
      user: r.pick(USERS),
      entityType: 'measure',
      entityId: m.id,
      entityLabel: label,
      action: 'create',
      changes: [
        { field: 'number', old: null, new: m.number },
        { field: 'title', old: null, new: m.title },
        { field: 'actionFieldId', old: null, new: m.actionFieldId },
        { field: 'status', old: null, new: 'vorgeschlagen' },
      ],
    },
  ];
  if (m.status !== 'vorgeschlagen') {
    entries.push({
      id: r.uuid(),
      at: m.updatedAt,
      user: r.pick(USERS),
      entityType: 'measure',
      entityId: m.id,
      entityLabel: label,
      action: 'update',
      changes: [{ field: 'status', old: 'vorgeschlagen', new: m.status }],
    });
  }
  return entries;
}

/** A valid register document (schema and integrity rules) with `count` measures; deterministic per seed. */
export function generateRegister(count: number, seed = 4711): RegisterDocument {
  const r = createRandom(seed ^ count);
  const numbers = new Map<string, number>();
  const measures: Measure[] = [];
  const active: Measure[] = [];
  for (let i = 0; i < count; i++) {
    const m = makeMeasure(r, numbers, active);
    // Linked measures must stay active (the rules refuse links into the Papierkorb), so only
    // unlinked ones may be deleted.
    if (i > 0 && !m.linkedMeasureId && r.chance(0.03)) m.deletedAt = dateTime(r, 2024, 2025);
    if (m.deletedAt === null) active.push(m);
    const updated = dateTime(r, 2024, 2025);
    if (updated > m.createdAt) m.updatedAt = updated;
    measures.push(m);
  }
  const audit = measures.flatMap((m) => auditFor(r, m)).sort((a, b) => a.at.localeCompare(b.at));
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    registerId: `bench-${seed}-${count}`,
    name: `Masterplan Kommunale Sicherheit (Benchmark, ${count} Maßnahmen)`,
    isSample: false,
    createdAt: '2019-02-14T08:00:00.000Z',
    editions: [
      { id: EDITION_ID, name: 'Masterplan 2019 (DS 12534-18)', printNumber: '12534-18', decidedOn: '2019-02-14', state: 'beschlossen' },
    ],
    currentEditionId: EDITION_ID,
    actionFields: ACTION_FIELDS.map((f) => ({ ...f })),
    orgUnits: ORG_UNITS.map((u) => ({ ...u })),
    statuses: DEFAULT_STATUSES.map((s) => ({ ...s })),
    ...emptyCollections(),
    measures,
    bodies: DEFAULT_BODIES.map((b) => ({ ...b })),
    retention: { ...DEFAULT_RETENTION },
    audit,
  };
}
