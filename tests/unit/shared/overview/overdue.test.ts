/**
 * Every overdue and deadline rule at its boundary, for every state it depends on: a date counts as
 * missed only from the day after it (due today is not late), finished states are never late, deleted
 * entries never show. Tables run over the enums themselves, so a state added later is covered too.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '@shared/core/calendar';
import { buildOverview, isFinishedStatus } from '@shared/overview/overview';
import type { RegisterDocument } from '@shared/register/register';
import type { ReviewPackageRecord } from '@shared/review/review';
import { packageStatus } from '@shared/review/reviewOverview';
import { DEFAULT_STATUSES } from '@shared/register/status';
import { CLOSED_DECISION_STATES, DECISION_KINDS, DECISION_STATES } from '@shared/participation/tracking';
import { halfYearOf, isDecisionOpen, isOverdue } from '@shared/participation/trackingReport';
import { makeMeasure, makeRegister } from '@tests/fixtures/documents';
import { makeDecision, makeMeeting } from '@tests/fixtures/participation';

const DUE = '2026-06-30';
/** [label, today, late] around a deadline DUE: late only after it. */
const AROUND_DUE = [
  ['the day before', addDays(DUE, -1), false],
  ['the day itself', DUE, false],
  ['the day after', addDays(DUE, 1), true],
] as const;

describe('Beschlussverfolgung: isOverdue for every state and kind', () => {
  const rows = DECISION_STATES.flatMap((state) =>
    AROUND_DUE.map(([label, today, late]) => [state, label, today, late && !CLOSED_DECISION_STATES.includes(state)] as const),
  );
  it.each(rows)('%s, %s (%s): overdue %s', (state, _label, today, expected) => {
    expect(isOverdue({ state, dueDate: DUE }, today)).toBe(expected);
  });

  it.each(DECISION_STATES)('%s without a deadline is never overdue', (state) => {
    expect(isOverdue({ state, dueDate: null }, '2099-12-31')).toBe(false);
  });

  it.each(DECISION_STATES.map((s) => [s, !['erledigt', 'aufgehoben'].includes(s)] as const))('%s is open: %s', (state, open) => {
    expect(isDecisionOpen(state)).toBe(open);
  });

  it.each(DECISION_KINDS)('a late decision of kind %s shows on the Übersicht, unless deleted', (kind) => {
    const doc = makeRegister(0, {
      trackedDecisions: [
        makeDecision(1, { kind, dueDate: DUE }),
        makeDecision(2, { kind, dueDate: DUE, deletedAt: '2026-01-01T00:00:00.000Z' }),
      ],
    });
    for (const [, today, late] of AROUND_DUE)
      expect(
        buildOverview(doc, today).overdueDecisions.items.map((d) => d.id),
        today,
      ).toEqual(late ? ['decision-1'] : []);
  });
});

describe('Prüfpakete: sent, overdue, imported', () => {
  const record = (dueDate: string | null) => ({ dueDate }) as ReviewPackageRecord;
  it.each(AROUND_DUE)('%s (%s): overdue %s', (_label, today, late) => {
    expect(packageStatus(record(DUE), false, today)).toBe(late ? 'overdue' : 'sent');
    expect(packageStatus(record(DUE), true, today)).toBe('imported');
  });
  it('without a due date a package is never overdue', () => {
    expect(packageStatus(record(null), false, '2099-12-31')).toBe('sent');
  });
});

describe('Maßnahmen on the Übersicht: planned end and milestones, for every status', () => {
  const FINISHED = new Set(['umgesetzt', 'verstetigt', 'eingestellt', 'zusammengefuehrt', 'ersetzt']);
  it.each(DEFAULT_STATUSES.map((s) => [s.key, FINISHED.has(s.key)] as const))('%s counts as finished: %s', (key, finished) => {
    expect(isFinishedStatus(key, DEFAULT_STATUSES)).toBe(finished);
  });

  const overdueIds = (doc: RegisterDocument, today: string) => buildOverview(doc, today).overdueMeasures.items.map((m) => m.id);
  const rows = DEFAULT_STATUSES.flatMap((s) =>
    AROUND_DUE.map(([label, today, late]) => [s.key, label, today, late && !FINISHED.has(s.key)] as const),
  );

  it.each(rows)('%s, planned end %s (%s): overdue %s', (status, _label, today, expected) => {
    const doc = makeRegister(0, { measures: [makeMeasure(1, { status, plannedEnd: DUE, milestones: [] })] });
    expect(overdueIds(doc, today)).toEqual(expected ? ['m-01'] : []);
    if (expected)
      expect(buildOverview(doc, today).overdueMeasures.items[0]).toMatchObject({ plannedEnd: DUE, since: DUE, milestoneCount: 0 });
  });

  it.each(rows)('%s, open milestone %s (%s): overdue %s', (status, _label, today, expected) => {
    const doc = makeRegister(0, {
      measures: [makeMeasure(1, { status, plannedEnd: null, milestones: [{ title: 'Ausschreibung', dueDate: DUE, doneDate: null }] })],
    });
    expect(overdueIds(doc, today)).toEqual(expected ? ['m-01'] : []);
    if (expected)
      expect(buildOverview(doc, today).overdueMeasures.items[0]).toMatchObject({ plannedEnd: null, since: DUE, milestoneCount: 1 });
  });

  it('a milestone done, or one without a date, is never overdue', () => {
    const doc = makeRegister(0, {
      measures: [
        makeMeasure(1, {
          status: 'in_umsetzung',
          plannedEnd: null,
          milestones: [
            { title: 'erledigt', dueDate: DUE, doneDate: DUE },
            { title: 'ohne Datum', dueDate: null, doneDate: null },
          ],
        }),
      ],
    });
    expect(overdueIds(doc, '2099-12-31')).toEqual([]);
  });

  it('since: the earliest missed date of end and milestones', () => {
    const doc = makeRegister(0, {
      measures: [
        makeMeasure(1, {
          status: 'in_umsetzung',
          plannedEnd: DUE,
          milestones: [{ title: 'früher', dueDate: '2026-03-31', doneDate: null }],
        }),
      ],
    });
    expect(buildOverview(doc, '2026-07-01').overdueMeasures.items[0]).toMatchObject({
      since: '2026-03-31',
      plannedEnd: DUE,
      milestoneCount: 1,
    });
  });
});

describe('next sessions: from today on', () => {
  it.each([
    ['the day before', addDays(DUE, -1), true],
    ['the day itself', DUE, true],
    ['the day after', addDays(DUE, 1), false],
  ] as const)('%s (%s): still upcoming %s', (_label, today, upcoming) => {
    const doc = makeRegister(0, { meetings: [makeMeeting(1, { date: DUE })] });
    expect(buildOverview(doc, today).nextMeetings.items.length).toBe(upcoming ? 1 : 0);
  });
});

describe('half-year of a day (Beschlussverfolgung report)', () => {
  it.each([
    ['2026-01-01', { year: 2026, half: 1 }],
    ['2026-06-30', { year: 2026, half: 1 }],
    ['2026-07-01', { year: 2026, half: 2 }],
    ['2026-12-31', { year: 2026, half: 2 }],
  ] as const)('%s → %j', (day, half) => {
    expect(halfYearOf(day)).toEqual(half);
  });
});
