/**
 * The 2019 plan of the sample register (resources/sample-register.json) and how Masterplan 2.0 came from
 * it. Fictional but Dortmund-like (DOMAIN.md §1): three Arbeitsgruppen (AG1 Sichere Nachbarschaft, AG2
 * Sichere öffentliche Räume, AG3 Sichere Infrastruktur) with 31 measures; Masterplan 2.0 carries most of
 * them over (and has changed them since), merges four, replaces three by new measures and ends five.
 *
 * `addEditions2019(sample)` builds the register with both Fassungen through the real Fortschreibung
 * (createFortschreibungDraft + applyFortschreibung): the record it writes links the 2019 measures to the
 * existing 2.0 measures (their ids, and so every Ratsvorlage and Kennzahl that refers to them, stay).
 * Run `npx tsx tests/unit/editions/writeSampleEditions.ts` once to write it into the sample.
 */
import { applyFortschreibung, createFortschreibungDraft } from '@shared/editions/fortschreibung';
import type { ActionField, Edition } from '@shared/editions/edition';
import type { Measure } from '@shared/register/measure';
import type { RegisterDocument } from '@shared/register/register';

export const EDITION_2019: Edition = {
  id: 'fassung-2019',
  name: 'Masterplan Kommunale Sicherheit 2019',
  printNumber: '12534-18',
  decidedOn: '2019-02-14',
  state: 'beschlossen',
};

const FIELDS_2019: ActionField[] = [
  {
    id: 'ag1-2019',
    editionId: EDITION_2019.id,
    code: 'AG1',
    name: 'Sichere Nachbarschaft',
    description: 'Ergebnisse der Arbeitsgruppe Sichere Nachbarschaft: Miteinander im Quartier, Prävention für Jung und Alt, Beteiligung aus den Quartierslaboren 2018.',
    guidingGoal: 'Nachbarschaften in Dortmund achten aufeinander und helfen sich.',
  },
  {
    id: 'ag2-2019',
    editionId: EDITION_2019.id,
    code: 'AG2',
    name: 'Sichere öffentliche Räume',
    description: 'Ergebnisse der Arbeitsgruppe Sichere öffentliche Räume: Präsenz, Sauberkeit, Videobeobachtung an Kriminalitätsschwerpunkten und die Vermeidung von Angsträumen.',
    guidingGoal: 'Plätze, Straßen und Parks sind sauber und angstfrei nutzbar.',
  },
  {
    id: 'ag3-2019',
    editionId: EDITION_2019.id,
    code: 'AG3',
    name: 'Sichere Infrastruktur',
    description: 'Ergebnisse der Arbeitsgruppe Sichere Infrastruktur: Gebäude, Wege, Haltestellen und die Strukturen, die den Masterplan tragen.',
    guidingGoal: 'Gebaute Umwelt und Mobilität beugen Gefahren vor.',
  },
];

const DECIDED_2019 = { printNumber: '12534-18', body: 'Rat der Stadt', date: '2019-02-14', kind: 'beschluss' as const, note: 'Beschluss des Masterplans Kommunale Sicherheit' };
const CREATED = '2019-02-14T09:00:00.000Z';
const UPDATED = '2022-06-30T14:00:00.000Z';

/** A 2019 measure carried into 2.0: the 2.0 measure as it stood in 2019 (status then, nothing after 2022). */
interface Carried {
  kind: 'carry';
  to: string;
  status: Measure['status'];
  /** Identical to the 2.0 measure (only number and Handlungsfeld differ): "unverändert übernommen". */
  unchanged?: boolean;
}

/** A measure that exists only in the 2019 plan. */
interface Own {
  kind: 'merge' | 'supersede' | 'end';
  /** merge: the 2019 measure (number) it goes into; supersede: the 2.0 measure id that replaces it (a new one). */
  target: string;
  reason?: string;
  measure: Partial<Measure> & Pick<Measure, 'title' | 'shortText' | 'description' | 'leadOrgUnitId' | 'status'>;
  newTitle?: string;
}

type Plan = [number: string, plan: Carried | Own];

const PLAN: Plan[] = [
  ['AG1-01', { kind: 'carry', to: 'm-hf1-01', status: 'in_umsetzung' }],
  ['AG1-02', { kind: 'carry', to: 'm-hf1-02', status: 'in_umsetzung' }],
  ['AG1-03', { kind: 'carry', to: 'm-hf1-03', status: 'in_planung' }],
  ['AG1-04', { kind: 'carry', to: 'm-hf1-04', status: 'vorgeschlagen' }],
  ['AG1-05', { kind: 'carry', to: 'm-hf1-05', status: 'in_umsetzung' }],
  [
    'AG1-06',
    {
      kind: 'merge',
      target: 'AG1-05',
      measure: {
        title: 'Vorträge gegen Trickbetrug in Begegnungsstätten',
        shortText: 'Polizei und Seniorenbüros informieren über Enkeltrick, falsche Polizeibeamte und Haustürgeschäfte.',
        description: 'In den Begegnungsstätten der Stadtbezirke finden regelmäßig Informationsnachmittage statt. Die Polizei schildert aktuelle Maschen, die Seniorenbüros nennen Ansprechpersonen vor Ort.',
        preventionGoal: 'Ältere Menschen erkennen Betrugsversuche am Telefon und an der Haustür.',
        projectGoal: 'Jährlich mindestens ein Termin in jedem Stadtbezirk.',
        type: 'massnahme',
        status: 'in_umsetzung',
        leadOrgUnitId: 'ou-polizei',
        involvedOrgUnitIds: ['ou-sozialamt'],
        districts: ['IW', 'IN', 'IO', 'EV', 'SH', 'BR', 'AP', 'HÖ', 'HO', 'LÜ', 'HU', 'ME'],
        plannedStart: '2019-04-01',
        tags: ['Senioren', 'Trickbetrug'],
      },
    },
  ],
  ['AG1-07', { kind: 'carry', to: 'm-hf1-08', status: 'in_umsetzung' }],
  [
    'AG1-08',
    {
      kind: 'end',
      target: '',
      reason: 'Nach zwei Durchgängen (2019 und 2021) wegen geringer Beteiligung nicht fortgeführt; Informationsstände gibt es im Rahmen der Nachbarschaftskampagne.',
      measure: {
        title: 'Sicherheitstage in den Stadtbezirken',
        shortText: 'Ein Aktionstag je Stadtbezirk mit Polizei, Feuerwehr, Ordnungsamt und Vereinen.',
        description: 'An einem Samstag im Herbst stellen sich die Sicherheitspartner auf einem zentralen Platz des Stadtbezirks vor; Beratung zu Einbruchschutz, Zivilcourage und Brandschutz.',
        preventionGoal: 'Sicherheitspartner sind im Stadtbezirk bekannt und ansprechbar.',
        projectGoal: 'Zwölf Sicherheitstage bis Ende 2021.',
        type: 'projekt',
        status: 'umgesetzt',
        leadOrgUnitId: 'ou-sicherheitskoordination',
        involvedOrgUnitIds: ['ou-polizei', 'ou-fb37', 'ou-fb32'],
        plannedStart: '2019-09-01',
        plannedEnd: '2021-10-31',
        actualStart: '2019-09-14',
        actualEnd: '2021-10-16',
        budget: [{ year: 2019, plannedCents: 1200000, approvedCents: 1200000, spentCents: 1045000, fundingSource: 'haushalt', budgetPosition: '1.02.01.01' }],
        tags: ['Aktionstag'],
      },
    },
  ],
  [
    'AG1-09',
    {
      kind: 'end',
      target: '',
      reason: 'Die Aufgabe gehört seit 2022 zum Regelangebot der Medienberatung des Jugendamts.',
      measure: {
        title: 'Elternbriefe zu Mediennutzung und Cybermobbing',
        shortText: 'Elternbriefe für die Klassen 5 bis 7 über Cybermobbing, Kostenfallen und Hilfeangebote.',
        description: 'Die Elternbriefe werden über die Schulen verteilt und liegen in fünf Sprachen vor.',
        preventionGoal: 'Eltern kennen Risiken und Hilfen im Netz.',
        projectGoal: 'Verteilung an alle weiterführenden Schulen bis Schuljahr 2020/21.',
        type: 'massnahme',
        status: 'umgesetzt',
        leadOrgUnitId: 'ou-jugendamt',
        involvedOrgUnitIds: ['ou-schule'],
        plannedStart: '2019-08-01',
        plannedEnd: '2021-07-31',
        actualEnd: '2021-07-15',
        tags: ['Jugend', 'Medien'],
      },
    },
  ],
  [
    'AG1-10',
    {
      kind: 'supersede',
      target: 'm-hf1-06',
      newTitle: 'Aufsuchende Jugendarbeit Scharnhorst-Ost',
      measure: {
        title: 'Wochenendöffnung des Jugendtreffs Scharnhorst',
        shortText: 'Der Jugendtreff öffnet freitags und samstags bis 22 Uhr.',
        description: 'Längere Öffnungszeiten sollen Jugendlichen am Wochenende einen betreuten Treffpunkt bieten. Die Erfahrungen zeigten, dass die Jugendlichen eher im öffentlichen Raum erreicht werden.',
        preventionGoal: 'Weniger Konflikte im öffentlichen Raum am Wochenende.',
        projectGoal: 'Öffnung an 80 Wochenenden im Jahr.',
        type: 'projekt',
        status: 'in_umsetzung',
        leadOrgUnitId: 'ou-jugendamt',
        districts: ['SH'],
        quarter: 'Scharnhorst-Ost',
        plannedStart: '2019-06-01',
        tags: ['Jugend'],
      },
    },
  ],
  ['AG2-01', { kind: 'carry', to: 'm-hf2-01', status: 'in_umsetzung' }],
  ['AG2-02', { kind: 'carry', to: 'm-hf2-02', status: 'in_planung' }],
  [
    'AG2-03',
    {
      kind: 'merge',
      target: 'AG2-04',
      measure: {
        title: 'Gemeinsame Streifen von Ordnungsamt und Polizei',
        shortText: 'Ordnungsdienst und Polizei gehen in der City und der Nordstadt gemeinsam Streife.',
        description: 'An Brennpunkten sind Ordnungsdienst und Polizei zu festen Zeiten gemeinsam unterwegs. Seit 2021 gehören die gemeinsamen Streifen zu den Präsenzstreifen des Kommunalen Ordnungsdienstes.',
        preventionGoal: 'Sichtbare Präsenz an Kriminalitätsschwerpunkten.',
        projectGoal: 'Mindestens drei gemeinsame Streifen je Woche.',
        type: 'daueraufgabe',
        status: 'in_umsetzung',
        leadOrgUnitId: 'ou-fb32',
        involvedOrgUnitIds: ['ou-polizei'],
        districts: ['IW', 'IN'],
        plannedStart: '2019-03-01',
        tags: ['Präsenz'],
      },
    },
  ],
  ['AG2-04', { kind: 'carry', to: 'm-hf2-03', status: 'in_umsetzung' }],
  [
    'AG2-05',
    {
      kind: 'merge',
      target: 'AG2-06',
      measure: {
        title: 'Aktionstage „Sauberes Dortmund“',
        shortText: 'Frühjahrsputz mit Vereinen, Schulen und Nachbarschaften.',
        description: 'Die EDG stellt Material und holt den gesammelten Abfall ab; die Stadtbezirke werben für die Teilnahme.',
        preventionGoal: 'Verwahrlosung im öffentlichen Raum vorbeugen.',
        projectGoal: '5.000 Teilnehmende je Jahr.',
        type: 'massnahme',
        status: 'in_umsetzung',
        leadOrgUnitId: 'ou-edg',
        involvedOrgUnitIds: ['ou-fb32'],
        plannedStart: '2019-03-01',
        tags: ['Sauberkeit'],
      },
    },
  ],
  ['AG2-06', { kind: 'carry', to: 'm-hf2-05', status: 'in_umsetzung' }],
  [
    'AG2-07',
    {
      kind: 'supersede',
      target: 'm-hf2-04',
      newTitle: 'Kiosk- und Trinkerszene Nordmarkt',
      measure: {
        title: 'Platzmanagement Nordmarkt',
        shortText: 'Ein Platzmanager koordiniert Nutzungen, Markt und Veranstaltungen am Nordmarkt.',
        description: 'Das Platzmanagement sollte Konflikte zwischen Marktbetrieb, Anwohnenden und Trinkerszene lösen. Die Fortschreibung setzt stattdessen auf ein abgestimmtes Vorgehen gegen die Kiosk- und Trinkerszene.',
        preventionGoal: 'Der Nordmarkt ist für alle nutzbar.',
        projectGoal: 'Platzmanagement ab 2020 besetzt.',
        type: 'projekt',
        status: 'verzoegert',
        statusReason: 'Die Stelle konnte nicht besetzt werden.',
        leadOrgUnitId: 'ou-fb32',
        involvedOrgUnitIds: ['ou-wohnen', 'ou-bv-nord'],
        districts: ['IN'],
        quarter: 'Nordmarkt',
        plannedStart: '2020-01-01',
        tags: ['Nordstadt'],
      },
    },
  ],
  ['AG2-08', { kind: 'carry', to: 'm-hf2-06', status: 'in_planung' }],
  ['AG2-09', { kind: 'carry', to: 'm-hf2-07', status: 'verstetigt', unchanged: true }],
  ['AG2-10', { kind: 'carry', to: 'm-hf2-08', status: 'in_planung' }],
  [
    'AG2-11',
    {
      kind: 'end',
      target: '',
      reason: 'Pilotbetrieb 2019/2020 ausgewertet; die Polizei führt die Mobile Wache nicht fort.',
      measure: {
        title: 'Mobile Wache in der Innenstadt',
        shortText: 'Ein Fahrzeug der Polizei steht an wechselnden Plätzen der City als Anlaufstelle.',
        description: 'Die Mobile Wache war an Markttagen und Wochenenden besetzt. Die Auswertung zeigte wenige Anliegen je Einsatztag.',
        preventionGoal: 'Niedrigschwelliger Kontakt zur Polizei.',
        projectGoal: '150 Einsatztage im Pilotjahr.',
        type: 'projekt',
        status: 'umgesetzt',
        leadOrgUnitId: 'ou-polizei',
        involvedOrgUnitIds: ['ou-cityring'],
        districts: ['IW'],
        plannedStart: '2019-05-01',
        plannedEnd: '2020-04-30',
        actualStart: '2019-05-11',
        actualEnd: '2020-03-14',
        tags: ['City'],
      },
    },
  ],
  ['AG3-01', { kind: 'carry', to: 'm-hf3-01', status: 'in_umsetzung' }],
  [
    'AG3-02',
    {
      kind: 'merge',
      target: 'AG3-01',
      measure: {
        title: 'Geschäftsstelle des Kommunalen Präventionsrats',
        shortText: 'Die Geschäftsstelle bereitet die Sitzungen des Präventionsrats vor und hält die Fäden zusammen.',
        description: 'Seit 2021 übernimmt die Sicherheitskoordination die Aufgaben der Geschäftsstelle.',
        preventionGoal: 'Abgestimmte Prävention aller Beteiligten.',
        projectGoal: 'Zwei Sitzungen des Präventionsrats je Jahr.',
        type: 'daueraufgabe',
        status: 'in_umsetzung',
        leadOrgUnitId: 'ou-3-dez',
        plannedStart: '2019-04-01',
        tags: ['Steuerung'],
      },
    },
  ],
  ['AG3-03', { kind: 'carry', to: 'm-hf3-03', status: 'in_planung' }],
  ['AG3-04', { kind: 'carry', to: 'm-hf3-02', status: 'in_umsetzung' }],
  ['AG3-05', { kind: 'carry', to: 'm-hf3-09', status: 'verstetigt', unchanged: true }],
  ['AG3-06', { kind: 'carry', to: 'm-hf3-04', status: 'in_planung' }],
  ['AG3-07', { kind: 'carry', to: 'm-hf3-05', status: 'in_umsetzung' }],
  [
    'AG3-08',
    {
      kind: 'end',
      target: '',
      reason: 'Umgesetzt 2021; mit der Modernisierung der Haltestellen (Sprechstellen an jedem Bahnsteig) sind weitere Notrufsäulen nicht nötig.',
      measure: {
        title: 'Notrufsäulen an Stadtbahnhaltestellen',
        shortText: 'Zusätzliche Notrufsäulen an zwölf unterirdischen Haltestellen.',
        description: 'Die Säulen verbinden direkt mit der Leitstelle von DSW21.',
        preventionGoal: 'Schnelle Hilfe im Notfall.',
        projectGoal: 'Zwölf Haltestellen ausgestattet.',
        type: 'massnahme',
        status: 'umgesetzt',
        leadOrgUnitId: 'ou-dsw21',
        plannedStart: '2019-06-01',
        plannedEnd: '2021-06-30',
        actualEnd: '2021-05-20',
        budget: [{ year: 2020, plannedCents: 18000000, approvedCents: 18000000, spentCents: 17320000, fundingSource: 'dritte', budgetPosition: '' }],
        tags: ['ÖPNV'],
      },
    },
  ],
  ['AG3-09', { kind: 'carry', to: 'm-hf3-08', status: 'vorgeschlagen' }],
  [
    'AG3-10',
    {
      kind: 'supersede',
      target: 'm-hf3-12',
      newTitle: 'Mobile Videobeobachtung an wechselnden Brennpunkten',
      measure: {
        title: 'Videobeobachtung an Stadtbahnhaltestellen (Pilot)',
        shortText: 'Pilot mit Kameras an zwei Haltestellen der Nordstadt.',
        description: 'Der Pilot wurde nach Prüfung durch die Datenschutzaufsicht nicht begonnen; die Fortschreibung prüft eine mobile Lösung.',
        preventionGoal: 'Weniger Straftaten an Haltestellen.',
        projectGoal: 'Auswertung nach zwölf Monaten.',
        type: 'projekt',
        status: 'zurueckgestellt',
        statusReason: 'Datenschutzrechtliche Prüfung nicht abgeschlossen.',
        leadOrgUnitId: 'ou-polizei',
        involvedOrgUnitIds: ['ou-dsw21'],
        districts: ['IN'],
        tags: ['Videobeobachtung', 'ÖPNV'],
      },
    },
  ],
];

const ARBEITSGRUPPE: Record<string, string> = { AG1: 'Sichere Nachbarschaft', AG2: 'Sichere öffentliche Räume', AG3: 'Sichere Infrastruktur' };

function fieldOf(number: string): string {
  return `${number.slice(0, 3).toLowerCase()}-2019`;
}

const idOf = (number: string) => `m2019-${number.toLowerCase()}`;

/** The 2019 record of a measure: for carried ones the 2.0 measure as it stood then. */
function measure2019(number: string, plan: Carried | Own, current: Map<string, Measure>): Measure {
  const base = { id: idOf(number), number, actionFieldId: fieldOf(number), version: 1, createdAt: CREATED, updatedAt: UPDATED, deletedAt: null };
  if (plan.kind === 'carry') {
    const later = current.get(plan.to);
    if (!later) throw new Error(`no 2.0 measure ${plan.to}`);
    if (plan.unchanged) return { ...later, ...base };
    return {
      ...later,
      ...base,
      status: plan.status,
      statusReason: '',
      linkedMeasureId: null,
      parentMeasureId: null,
      actualEnd: later.actualEnd && later.actualEnd <= '2022-06-30' ? later.actualEnd : null,
      budget: later.budget.filter((b) => b.year <= 2022),
      milestones: later.milestones.filter((m) => !m.dueDate || m.dueDate <= '2022-06-30').map((m) => ({ ...m, doneDate: m.doneDate && m.doneDate <= '2022-06-30' ? m.doneDate : null })),
      decisions: later.decisions.filter((d) => !d.date || d.date <= '2022-06-30'),
    };
  }
  const n = Number(number.slice(4));
  return {
    preventionGoal: '',
    projectGoal: '',
    type: 'massnahme',
    statusReason: '',
    linkedMeasureId: null,
    parentMeasureId: null,
    weight: 1,
    involvedOrgUnitIds: [],
    districts: [],
    quarter: '',
    plannedStart: null,
    plannedEnd: null,
    actualStart: null,
    actualEnd: null,
    budget: [],
    origin: { kind: 'masterplan', reference: `Masterplan Kommunale Sicherheit 2019, Arbeitsgruppe ${ARBEITSGRUPPE[number.slice(0, 3)]}, Maßnahme ${n}`, printNumber: '12534-18' },
    decisions: [DECIDED_2019],
    milestones: [],
    tags: [],
    ...plan.measure,
    ...base,
  };
}

/**
 * The sample with the 2019 plan added before Masterplan 2.0, linked by the record of a real Fortschreibung.
 * `sample` is the register with Masterplan 2.0 only; the result validates (schema and integrity).
 */
export function addEditions2019(sample: RegisterDocument): RegisterDocument {
  if (sample.editions.some((e) => e.id === EDITION_2019.id)) throw new Error('Die Beispieldaten enthalten die Fassung 2019 bereits.');
  const current = new Map(sample.measures.map((m) => [m.id, m]));
  const edition20 = sample.editions.find((e) => e.id === sample.currentEditionId)!;
  const fields20 = sample.actionFields.filter((f) => f.editionId === edition20.id);
  const measures2019 = PLAN.map(([number, plan]) => measure2019(number, plan, current));
  const only2019: RegisterDocument = { ...sample, editions: [EDITION_2019], currentEditionId: EDITION_2019.id, actionFields: FIELDS_2019, measures: measures2019, fortschreibungen: [], fortschreibungDrafts: [] };

  const draft = createFortschreibungDraft(only2019, EDITION_2019.id, { id: 'beispiel-entwurf', now: UPDATED, user: '' })!;
  draft.edition = { name: edition20.name, printNumber: edition20.printNumber, decidedOn: edition20.decidedOn };
  draft.fields = fields20.map((f, i) => ({ key: `neu-${i + 1}`, code: f.code, name: f.name, description: f.description, guidingGoal: f.guidingGoal }));
  const planOf = new Map(PLAN.map(([number, plan]) => [idOf(number), plan]));
  for (const d of draft.decisions) {
    const plan = planOf.get(d.measureId)!;
    if (plan.kind === 'carry') {
      const target = fields20.findIndex((f) => f.id === current.get(plan.to)!.actionFieldId);
      Object.assign(d, { action: 'carry', targetFieldKey: `neu-${target + 1}`, targetMeasureId: null });
    } else if (plan.kind === 'merge') Object.assign(d, { action: 'merge', targetFieldKey: null, targetMeasureId: idOf(plan.target) });
    else if (plan.kind === 'end') Object.assign(d, { action: 'end', targetFieldKey: null, targetMeasureId: null, reason: plan.reason });
    else {
      const target = fields20.findIndex((f) => f.id === current.get(plan.target)!.actionFieldId);
      Object.assign(d, { action: 'supersede', targetFieldKey: `neu-${target + 1}`, targetMeasureId: null, newMeasureTitle: plan.newTitle });
    }
  }
  // The ids the Fortschreibung hands out are those the 2.0 records already have.
  const newId = (kind: 'edition' | 'field' | 'measure' | 'record' | 'indicator', hint: string): string => {
    if (kind === 'indicator') throw new Error(`Die Maßnahmen von 2019 haben keine Kennzahlen (${hint}).`);
    if (kind === 'edition') return edition20.id;
    if (kind === 'record') return 'fortschreibung-2019-2-0';
    if (kind === 'field') return fields20[Number(hint.slice(4)) - 1]!.id;
    const oldId = hint.startsWith('neu:') ? hint.slice(4) : hint;
    const plan = planOf.get(oldId)!;
    return plan.kind === 'carry' ? plan.to : plan.target;
  };
  const outcome = applyFortschreibung(only2019, draft, { newId }, '2022-09-01T08:00:00.000Z', 'Sicherheitskoordination (Beispiel)');
  if ('problems' in outcome) throw new Error(outcome.problems.map((p) => `${p.field}: ${p.message}`).join('\n'));
  // Everything the Fortschreibung created is already in the sample, in its later state; only the record is new.
  return {
    ...sample,
    editions: [EDITION_2019, ...sample.editions],
    actionFields: [...FIELDS_2019, ...sample.actionFields],
    measures: [...sample.measures, ...measures2019],
    fortschreibungen: outcome.doc.fortschreibungen,
    fortschreibungDrafts: [],
  };
}
