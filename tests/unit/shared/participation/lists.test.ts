/** The list filters of Anregungen and Sitzungen, the district overview and the migration to version 5. */
import { describe, expect, it } from 'vitest';
import { migrate } from '@shared/register/migrations';
import {
  districtOverview,
  EMPTY_MEETING_FILTER,
  EMPTY_PROPOSAL_FILTER,
  filterMeetings,
  filterProposals,
  prepareMeetings,
  prepareProposals,
} from '@shared/participation/participationLists';
import { registerDocumentSchema } from '@shared/register/register';
import { DEFAULT_RETENTION } from '@shared/privacy/retention';
import { makeRegister } from '@tests/fixtures/documents';
import { sampleDoc } from '@tests/unit/main/participation/setup';

const doc = sampleDoc();

describe('Anregungen list filter', () => {
  const prepared = prepareProposals(doc.proposals);
  const numbers = (filter: Partial<typeof EMPTY_PROPOSAL_FILTER>) =>
    filterProposals(prepared, { ...EMPTY_PROPOSAL_FILTER, ...filter }).map((p) => p.number);

  it('without a filter shows every Anregung not in the Papierkorb', () => {
    expect(numbers({})).toHaveLength(doc.proposals.length);
    const trashed = prepareProposals(doc.proposals.map((p, i) => (i === 0 ? { ...p, deletedAt: '2026-01-01T00:00:00.000Z' } : p)));
    expect(filterProposals(trashed, EMPTY_PROPOSAL_FILTER)).toHaveLength(doc.proposals.length - 1);
  });

  it('combines state, district, lab and source; search ignores case and umlaut spelling and needs every word', () => {
    expect(numbers({ district: 'HÖ' })).toEqual(['A-2026-007', 'A-2026-008']);
    expect(numbers({ state: 'uebernommen', labId: 'labor-nordmarkt' })).toEqual(['A-2026-001', 'A-2026-003']);
    expect(numbers({ source: 'eingabe' })).toEqual(['A-2026-009']);
    expect(numbers({ query: 'MUELLEIMER nordmarkt' })).toEqual(['A-2026-001']);
    expect(numbers({ query: 'mülleimer eving' })).toEqual([]);
    expect(numbers({ query: 'a-2026-00' })).toHaveLength(9);
  });
});

describe('Sitzungen list filter', () => {
  const prepared = prepareMeetings(doc.meetings, (id) => doc.bodies.find((b) => b.id === id)?.name ?? '');

  it('shows the newest session first and filters by body, state, year and words of the agenda', () => {
    expect(filterMeetings(prepared, EMPTY_MEETING_FILTER).map((m) => m.number)).toEqual(['2. Sitzung', '1. Sitzung']);
    expect(filterMeetings(prepared, { ...EMPTY_MEETING_FILTER, year: '2025' }).map((m) => m.number)).toEqual(['1. Sitzung']);
    expect(filterMeetings(prepared, { ...EMPTY_MEETING_FILTER, state: 'eingeladen' }).map((m) => m.number)).toEqual(['2. Sitzung']);
    expect(filterMeetings(prepared, { ...EMPTY_MEETING_FILTER, query: 'geschaftsordnung vollversammlung' }).map((m) => m.number)).toEqual([
      '1. Sitzung',
    ]);
    expect(filterMeetings(prepared, { ...EMPTY_MEETING_FILTER, bodyId: 'gremium-rat' })).toEqual([]);
  });
});

describe('overview per Stadtbezirk', () => {
  it('has all twelve districts and sums labs, attendance, Anregungen per state and distinct measures', () => {
    const rows = districtOverview(doc.proposals, doc.labs);
    expect(rows).toHaveLength(12);
    const nord = rows.find((r) => r.district === 'IN')!;
    expect(nord).toMatchObject({ labs: 1, labSessions: 2, invited: 2000, attending: 84, proposals: 6, measures: 2 });
    expect(nord.byState).toEqual({ eingegangen: 1, in_pruefung: 1, uebernommen: 2, erledigt: 1, abgelehnt: 1 });
    expect(rows.find((r) => r.district === 'ME')).toMatchObject({ labs: 0, proposals: 0 });
  });
});

describe('migration to version 5', () => {
  it('adds the empty participation lists and the default retention periods; the result is a valid document', () => {
    const current = makeRegister(2);
    const {
      bodyMembers: _1,
      meetings: _2,
      recommendations: _3,
      labs: _4,
      proposals: _5,
      contacts: _6,
      trackedDecisions: _7,
      retention: _8,
      ...v4
    } = current;
    const { doc: migrated, from } = migrate({ ...v4, schemaVersion: 4 });
    expect(from).toBe(4);
    const parsed = registerDocumentSchema.parse(migrated);
    // Lifted on to the current version; what version 5 added is there.
    expect(parsed).toMatchObject({
      bodyMembers: [],
      meetings: [],
      labs: [],
      proposals: [],
      contacts: [],
      trackedDecisions: [],
      retention: DEFAULT_RETENTION,
    });
    expect(parsed.measures).toEqual(current.measures);
  });
});
