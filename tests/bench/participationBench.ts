/**
 * Benchmark module (not a test) for Gremien & Beteiligung (issue 5: with 5,000 Anregungen and 500
 * sessions the list filters stay ≤ 10 ms median, the Anregungen export ≤ 2 s beside its floor);
 * tests/bench/run.ts puts the results into its table. Prints nothing.
 *
 * Data: generateRegister(1,000) plus 20 Quartierslabore, 5,000 Anregungen (texts from a vocabulary,
 * every state, source and district) and 500 sessions of eight bodies with 6–12 TOPs each.
 *
 *  - Filter: the lists' own functions (filterProposals / filterMeetings over the rows prepared once when the
 *    list loads) for QUERIES filter sets as a clerk types them (words, state, district, lab, body, year),
 *    median and p95. Floor: the same number of plain `haystack.includes(word)` scans over the prepared rows.
 *  - Export: writeProposalsXlsx (three sheets incl. the overview per district). Floor: XLSX.write of one
 *    sheet holding the same Anregungen cells as plain text (aoa_to_sheet built untimed beforehand).
 */
import XLSX from 'xlsx';
import { writeProposalsXlsx } from '@main/participation/proposalsWorkbook';
import { DISTRICTS } from '@shared/register/districts';
import { PROPOSAL_SOURCES, PROPOSAL_STATES, type Lab, type Proposal } from '@shared/participation/labs';
import { MEETING_STATES, type AgendaItem, type Meeting } from '@shared/participation/participation';
import {
  EMPTY_MEETING_FILTER,
  EMPTY_PROPOSAL_FILTER,
  filterMeetings,
  filterProposals,
  prepareMeetings,
  prepareProposals,
  type MeetingFilter,
  type ProposalFilter,
} from '@shared/participation/participationLists';
import type { RegisterDocument } from '@shared/register/register';
import { de } from '@shared/i18n/de';
import { createRandom, generateRegister } from './generate';

export const PROPOSAL_COUNT = 5_000;
export const MEETING_COUNT = 500;
const QUERIES = 300;
const EXPORT_RUNS = 5;
export const FILTER_TARGET_MS = 10;
export const EXPORT_TARGET_MS = 2_000;
const AT = '2026-01-01T00:00:00.000Z';

const WORDS = [
  'Beleuchtung',
  'Unterführung',
  'Spielplatz',
  'Mülleimer',
  'Nordmarkt',
  'Haltestelle',
  'Jugendliche',
  'Sauberkeit',
  'Radweg',
  'Parkplatz',
  'Nachbarschaft',
  'Angstraum',
  'Treppe',
  'Grünanlage',
  'Ordnungsdienst',
  'Lärm',
  'Graffiti',
  'Kiosk',
  'Bahnhof',
  'Schulweg',
];
const AREAS = [
  'Umfeld Nordmarkt',
  'Seepromenade',
  'Westpark',
  'Hauptbahnhof Nordausgang',
  'Borsigplatz',
  'Marktplatz',
  'Stadtbahnhaltestelle',
  'Schulzentrum',
];
const BODIES = [
  'gremium-vollversammlung',
  'gremium-lenkungskreis',
  'gremium-rat',
  'gremium-aboeab',
  'gremium-bv-iw',
  'gremium-bv-in',
  'gremium-bv-io',
  'gremium-hauptausschuss',
];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function time(job: () => unknown): number {
  const start = performance.now();
  job();
  return performance.now() - start;
}

/** A register of 1,000 measures with PROPOSAL_COUNT Anregungen in 20 labs and MEETING_COUNT sessions. */
export function participationRegister(seed = 5005): RegisterDocument {
  const r = createRandom(seed);
  const base = generateRegister(1_000, seed);
  const measures = base.measures.filter((m) => !m.deletedAt);
  const units = base.orgUnits.map((u) => u.id);
  const labs: Lab[] = Array.from({ length: 20 }, (_, i) => {
    const district = DISTRICTS[i % DISTRICTS.length]!.code;
    return {
      id: `lab-${i}`,
      name: `Quartierslabor ${i + 1}`,
      district,
      quarter: r.pick(AREAS),
      format: 'Zufallsauswahl',
      topics: r.sample(WORDS, 3),
      description: '',
      sessions: Array.from({ length: r.int(1, 3) }, (_, k) => ({
        id: `lab-${i}-${k}`,
        date: `2026-0${k + 3}-1${k}`,
        place: 'Stadtteilzentrum',
        invitedCount: 1000,
        attendingCount: r.int(20, 80),
        note: '',
      })),
      version: 1,
      createdAt: AT,
      updatedAt: AT,
      deletedAt: null,
    };
  });
  const proposals: Proposal[] = Array.from({ length: PROPOSAL_COUNT }, (_, i) => {
    const state = r.pick(PROPOSAL_STATES);
    const source = r.chance(0.8) ? 'quartierslabor' : r.pick(PROPOSAL_SOURCES);
    const lab = r.pick(labs);
    return {
      id: `p-${i}`,
      number: `A-2026-${String(i + 1).padStart(4, '0')}`,
      source,
      labId: source === 'quartierslabor' ? lab.id : null,
      meetingId: null,
      receivedOn: `2026-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
      text: `${r.sample(WORDS, r.int(4, 9)).join(' ')} – bitte prüfen, ob hier etwas verbessert werden kann. ${r.sample(WORDS, 3).join(', ')}.`,
      category: r.pick(de.participation.proposalCategories),
      district: source === 'quartierslabor' ? lab.district : r.pick(DISTRICTS).code,
      area: r.pick(AREAS),
      assignedOrgUnitId: r.pick(units),
      state,
      stateReason: state === 'abgelehnt' ? 'Nicht umsetzbar.' : '',
      measureId: state === 'uebernommen' ? r.pick(measures).id : null,
      feedbackText: state === 'erledigt' ? 'Erledigt, danke.' : '',
      feedbackOn: state === 'erledigt' ? '2026-10-01' : null,
      version: 1,
      createdAt: AT,
      updatedAt: AT,
      stateChangedAt: AT,
      deletedAt: null,
      anonymisedAt: null,
    };
  });
  const meetings: Meeting[] = Array.from({ length: MEETING_COUNT }, (_, i) => {
    const agenda: AgendaItem[] = Array.from({ length: r.int(6, 12) }, (_, k) => ({
      id: `m-${i}-${k}`,
      number: String(k + 1),
      title: k < 4 ? de.participation.standardAgenda[k]! : `${r.sample(WORDS, 3).join(', ')} – Sachstand`,
      kind: k < 4 ? 'standard' : 'sache',
      isPublic: r.chance(0.9),
      description: '',
      measureIds: r.chance(0.3) ? [r.pick(measures).id] : [],
      submissionIds: [],
      recommendationIds: [],
      minutes: r.chance(0.5) ? `${r.sample(WORDS, 12).join(' ')}.` : '',
      result: '',
    }));
    return {
      id: `sitzung-${i}`,
      bodyId: BODIES[i % BODIES.length]!,
      number: `${Math.floor(i / BODIES.length) + 1}. Sitzung`,
      date: `${2019 + (i % 8)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`,
      startTime: '16:00',
      endTime: null,
      place: 'Rathaus',
      state: r.pick(MEETING_STATES),
      chair: { title: '', given: '', family: '' },
      recorder: { title: '', given: '', family: '' },
      coSigners: [],
      invitationText: '',
      attendance: { members: r.int(5, 30), guests: r.int(0, 10), organisations: [] },
      agenda,
      version: 1,
      createdAt: AT,
      updatedAt: AT,
      deletedAt: null,
      minutesRecord: null,
    };
  });
  return { ...base, labs, proposals, meetings };
}

/** What a clerk types: one or two words (sometimes none), often with a state or district chosen. */
function proposalFilters(seed: number): ProposalFilter[] {
  const r = createRandom(seed);
  return Array.from({ length: QUERIES }, () => ({
    ...EMPTY_PROPOSAL_FILTER,
    query: r.chance(0.8) ? r.sample(WORDS, r.int(1, 2)).join(' ').slice(0, r.int(3, 20)) : '',
    state: r.chance(0.4) ? r.pick(PROPOSAL_STATES) : '',
    district: r.chance(0.3) ? r.pick(DISTRICTS).code : '',
    labId: r.chance(0.1) ? `lab-${r.int(0, 19)}` : '',
  }));
}

function meetingFilters(seed: number): MeetingFilter[] {
  const r = createRandom(seed);
  return Array.from({ length: QUERIES }, () => ({
    ...EMPTY_MEETING_FILTER,
    query: r.chance(0.7) ? r.pick(WORDS).slice(0, r.int(3, 10)) : '',
    bodyId: r.chance(0.4) ? r.pick(BODIES) : '',
    year: r.chance(0.3) ? String(r.int(2019, 2026)) : '',
  }));
}

export interface ParticipationBenchRow {
  label: string;
  size: number;
  ms: number;
  detail: string;
  floorMs: number;
  floorLabel: string;
  target: string;
  met: boolean;
}

export async function benchParticipation(): Promise<ParticipationBenchRow[]> {
  const doc = participationRegister();
  const bodyName = (id: string) => doc.bodies.find((b) => b.id === id)?.name ?? '';
  const rows: ParticipationBenchRow[] = [];

  const preparedProposals = prepareProposals(doc.proposals);
  const pf = proposalFilters(1);
  // Warm-up, then filter and floor interleaved so drift hits both alike.
  for (const f of pf.slice(0, 20)) filterProposals(preparedProposals, f);
  const pTimes: number[] = [];
  const pFloor: number[] = [];
  let hits = 0;
  for (const f of pf) {
    pTimes.push(time(() => (hits += filterProposals(preparedProposals, f).length)));
    const word = f.query.toLowerCase().split(' ')[0] ?? '';
    pFloor.push(time(() => preparedProposals.filter((p) => p.haystack.includes(word))));
  }
  const pMedian = median(pTimes);
  rows.push({
    label: 'Anregungen filtern (Median)',
    size: PROPOSAL_COUNT,
    ms: pMedian,
    detail: `p95 ${percentile(pTimes, 95).toFixed(2)} ms, ⌀ ${Math.round(hits / pf.length)} Treffer`,
    floorMs: median(pFloor),
    floorLabel: 'includes-Scan',
    target: `≤ ${FILTER_TARGET_MS} ms`,
    met: pMedian <= FILTER_TARGET_MS,
  });

  const preparedMeetings = prepareMeetings(doc.meetings, bodyName);
  const mf = meetingFilters(2);
  for (const f of mf.slice(0, 20)) filterMeetings(preparedMeetings, f);
  const mTimes: number[] = [];
  const mFloor: number[] = [];
  for (const f of mf) {
    mTimes.push(time(() => filterMeetings(preparedMeetings, f)));
    const word = f.query.toLowerCase();
    mFloor.push(time(() => preparedMeetings.filter((m) => m.haystack.includes(word))));
  }
  const mMedian = median(mTimes);
  rows.push({
    label: 'Sitzungen filtern (Median)',
    size: MEETING_COUNT,
    ms: mMedian,
    detail: `p95 ${percentile(mTimes, 95).toFixed(2)} ms`,
    floorMs: median(mFloor),
    floorLabel: 'includes-Scan',
    target: `≤ ${FILTER_TARGET_MS} ms`,
    met: mMedian <= FILTER_TARGET_MS,
  });

  const input = { doc, includePersonalData: false, generatedAt: new Date(), appVersion: 'bench' };
  const cells = doc.proposals.map((p) => [
    p.number,
    p.receivedOn,
    p.source,
    p.labId ?? '',
    p.district ?? '',
    p.area,
    p.category,
    p.text,
    p.assignedOrgUnitId ?? '',
    p.state,
    p.stateReason,
    p.measureId ?? '',
    p.feedbackText,
    p.feedbackOn ?? '',
  ]);
  await writeProposalsXlsx(input);
  const eTimes: number[] = [];
  const eFloor: number[] = [];
  let bytes = 0;
  for (let run = 0; run < EXPORT_RUNS; run++) {
    const start = performance.now();
    bytes = (await writeProposalsXlsx(input)).length;
    eTimes.push(performance.now() - start);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(cells), 'Anregungen');
    eFloor.push(time(() => XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true })));
  }
  const eMedian = median(eTimes);
  rows.push({
    label: 'Anregungen nach Excel',
    size: PROPOSAL_COUNT,
    ms: eMedian,
    detail: `${(bytes / 1024).toFixed(0)} KB`,
    floorMs: median(eFloor),
    floorLabel: 'XLSX.write einer Tabelle',
    target: `≤ ${EXPORT_TARGET_MS / 1000} s`,
    met: eMedian <= EXPORT_TARGET_MS,
  });
  return rows;
}
