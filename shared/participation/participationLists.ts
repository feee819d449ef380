import { DISTRICTS, type DistrictCode } from '@shared/register/districts';
import type { Lab, Proposal, ProposalSource, ProposalState } from './labs';
import { PROPOSAL_STATES } from './labs';
import type { Meeting, MeetingState } from './participation';
import { foldForSearch } from '@shared/register/search';

/**
 * Filters of the Anregungen and Sitzungen lists, and the overview per Stadtbezirk. Pure, so the renderer
 * filters as the clerk types and the benchmark measures the same code.
 */
export interface ProposalFilter {
  query: string;
  state: ProposalState | '';
  source: ProposalSource | '';
  district: DistrictCode | '';
  labId: string;
  category: string;
  assignedOrgUnitId: string;
}

export const EMPTY_PROPOSAL_FILTER: ProposalFilter = {
  query: '',
  state: '',
  source: '',
  district: '',
  labId: '',
  category: '',
  assignedOrgUnitId: '',
};

export interface Searchable<T> {
  item: T;
  /** Folded text the query is matched against. */
  haystack: string;
}

/** Folds each Anregung's searchable text once (the list keeps these while it is shown). */
export function prepareProposals(proposals: readonly Proposal[]): Searchable<Proposal>[] {
  return proposals
    .filter((p) => p.deletedAt === null)
    .map((p) => ({ item: p, haystack: foldForSearch(`${p.number} ${p.category} ${p.area} ${p.text} ${p.feedbackText}`) }));
}

/** Every word of the query must occur (in any order). */
function matches(haystack: string, words: readonly string[]): boolean {
  for (const word of words) if (!haystack.includes(word)) return false;
  return true;
}

function queryWords(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter(Boolean);
}

export function filterProposals(prepared: readonly Searchable<Proposal>[], filter: ProposalFilter): Proposal[] {
  const words = queryWords(filter.query);
  const out: Proposal[] = [];
  for (const { item: p, haystack } of prepared) {
    if (filter.state && p.state !== filter.state) continue;
    if (filter.source && p.source !== filter.source) continue;
    if (filter.district && p.district !== filter.district) continue;
    if (filter.labId && p.labId !== filter.labId) continue;
    if (filter.category && p.category !== filter.category) continue;
    if (filter.assignedOrgUnitId && p.assignedOrgUnitId !== filter.assignedOrgUnitId) continue;
    if (words.length > 0 && !matches(haystack, words)) continue;
    out.push(p);
  }
  return out;
}

export interface MeetingFilter {
  query: string;
  bodyId: string;
  state: MeetingState | '';
  /** "2026" or empty. */
  year: string;
}

export const EMPTY_MEETING_FILTER: MeetingFilter = { query: '', bodyId: '', state: '', year: '' };

export function prepareMeetings(meetings: readonly Meeting[], bodyName: (id: string) => string): Searchable<Meeting>[] {
  return meetings
    .filter((m) => m.deletedAt === null)
    .map((m) => ({
      item: m,
      haystack: foldForSearch(`${m.number} ${bodyName(m.bodyId)} ${m.place} ${m.agenda.map((a) => a.title).join(' ')}`),
    }));
}

/** Newest first, as a clerk looks for the next or the last session. */
export function filterMeetings(prepared: readonly Searchable<Meeting>[], filter: MeetingFilter): Meeting[] {
  const words = queryWords(filter.query);
  const out: Meeting[] = [];
  for (const { item: m, haystack } of prepared) {
    if (filter.bodyId && m.bodyId !== filter.bodyId) continue;
    if (filter.state && m.state !== filter.state) continue;
    if (filter.year && !m.date.startsWith(filter.year)) continue;
    if (words.length > 0 && !matches(haystack, words)) continue;
    out.push(m);
  }
  return out.sort((a, b) => b.date.localeCompare(a.date) || (b.startTime ?? '').localeCompare(a.startTime ?? ''));
}

export interface DistrictOverviewRow {
  district: DistrictCode;
  name: string;
  labs: number;
  labSessions: number;
  invited: number;
  attending: number;
  proposals: number;
  byState: Record<ProposalState, number>;
  /** Anregungen that became (part of) a measure. */
  measures: number;
}

/** One row per Stadtbezirk (all twelve, in the city's order), Anregungen without a district left out. */
export function districtOverview(proposals: readonly Proposal[], labs: readonly Lab[]): DistrictOverviewRow[] {
  const rows = new Map<string, DistrictOverviewRow>(
    DISTRICTS.map((d) => [
      d.code,
      {
        district: d.code,
        name: d.name,
        labs: 0,
        labSessions: 0,
        invited: 0,
        attending: 0,
        proposals: 0,
        byState: Object.fromEntries(PROPOSAL_STATES.map((s) => [s, 0])) as Record<ProposalState, number>,
        measures: 0,
      },
    ]),
  );
  for (const lab of labs) {
    if (lab.deletedAt) continue;
    const row = rows.get(lab.district);
    if (!row) continue;
    row.labs++;
    row.labSessions += lab.sessions.length;
    for (const s of lab.sessions) {
      row.invited += s.invitedCount ?? 0;
      row.attending += s.attendingCount ?? 0;
    }
  }
  const measuresPerDistrict = new Map<string, Set<string>>();
  for (const p of proposals) {
    if (p.deletedAt || !p.district) continue;
    const row = rows.get(p.district);
    if (!row) continue;
    row.proposals++;
    row.byState[p.state]++;
    if (p.measureId) {
      const set = measuresPerDistrict.get(p.district) ?? new Set<string>();
      set.add(p.measureId);
      measuresPerDistrict.set(p.district, set);
    }
  }
  for (const [district, set] of measuresPerDistrict) rows.get(district)!.measures = set.size;
  return [...rows.values()];
}
