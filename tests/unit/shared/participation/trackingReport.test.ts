/**
 * The half-yearly table of the Beschlussverfolgung at its boundaries: which decisions a period lists
 * (taken up to its last day; finished ones only if they changed on or after its first day), the day overdue
 * is judged on (the period's end for a past period, today otherwise), the half of every month, the counts
 * over every state, and each column of a row as the table prints it.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '@shared/core/calendar';
import { CLOSED_DECISION_STATES, DECISION_STATES } from '@shared/participation/tracking';
import { countByState, halfYearOf, halfYearRange, trackingRows, type TrackingRow } from '@shared/participation/trackingReport';
import { makeMeasure, makeRegister } from '@tests/fixtures/documents';
import { makeDecision } from '@tests/fixtures/participation';

const FIRST_2026 = { year: 2026, half: 1 } as const;
const FROM = '2026-01-01';
const TO = '2026-06-30';
const TODAY = '2026-11-26';

const listed = (decisions: Parameters<typeof makeDecision>[1][], today = TODAY, period: typeof FIRST_2026 | null = FIRST_2026) =>
  trackingRows(makeRegister(0, { trackedDecisions: decisions.map((d, i) => makeDecision(i + 1, d)) }), today, period).map((r) => r.id);

describe('which decisions a half-year lists', () => {
  it.each([
    ['the day before its end', addDays(TO, -1), true],
    ['its last day', TO, true],
    ['the day after its end', addDays(TO, 1), false],
  ])('a decision taken %s (%s) is listed: %s', (_label, decidedOn, shown) => {
    expect(listed([{ decidedOn, state: 'offen' }])).toEqual(shown ? ['decision-1'] : []);
  });

  const rows = DECISION_STATES.flatMap((state) =>
    (
      [
        ['the day before it began', addDays(FROM, -1), false],
        ['its first day', FROM, true],
        ['the day after its first', addDays(FROM, 1), true],
      ] as const
    ).map(([label, lastUpdateOn, inPeriod]) => [state, label, lastUpdateOn, inPeriod || !CLOSED_DECISION_STATES.includes(state)] as const),
  );
  it.each(rows)('%s, last changed %s (%s): listed %s', (state, _label, lastUpdateOn, shown) => {
    expect(listed([{ decidedOn: '2025-03-01', state, lastUpdateOn }])).toEqual(shown ? ['decision-1'] : []);
  });

  it('without a period: every decision not in the Papierkorb, whenever taken or finished', () => {
    const ids = listed(
      [{ decidedOn: '2030-01-01' }, { state: 'erledigt', lastUpdateOn: '2001-01-01' }, { deletedAt: '2026-02-01T00:00:00.000Z' }],
      TODAY,
      null,
    );
    expect(ids).toEqual(['decision-2', 'decision-1']);
  });

  it('a decision in the Papierkorb is not listed in a period either', () => {
    expect(listed([{ deletedAt: '2026-02-01T00:00:00.000Z' }])).toEqual([]);
  });

  it('sorts by day of decision, then by Drucksache', () => {
    const ids = listed([
      { decidedOn: '2026-03-01', printNumber: '20000-26' },
      { decidedOn: '2026-02-01', printNumber: '30000-26' },
      { decidedOn: '2026-03-01', printNumber: '10000-26' },
    ]);
    expect(ids).toEqual(['decision-2', 'decision-3', 'decision-1']);
  });
});

describe('the day overdue is judged on', () => {
  const overdue = (dueDate: string, today: string, period: typeof FIRST_2026 | null) =>
    trackingRows(makeRegister(0, { trackedDecisions: [makeDecision(1, { decidedOn: '2026-01-10', dueDate })] }), today, period)[0]!.overdue;

  it.each([
    ['the day before the period ends', addDays(TO, -1), true],
    ['the period’s last day', TO, false],
    ['the day after the period ends', addDays(TO, 1), false],
  ])('a past period: due %s (%s) counts as overdue %s — judged at the period’s end, not today', (_label, dueDate, late) => {
    expect(overdue(dueDate, TODAY, FIRST_2026)).toBe(late);
    // The same decision today, without a period, is late in all three cases.
    expect(overdue(dueDate, TODAY, null)).toBe(true);
  });

  it.each([
    ['the day before', addDays('2026-04-15', -1), true],
    ['the day itself', '2026-04-15', false],
    ['the day after', addDays('2026-04-15', 1), false],
  ])('the running period: due %s today (%s) counts as overdue %s — judged today', (_label, dueDate, late) => {
    expect(overdue(dueDate, '2026-04-15', FIRST_2026)).toBe(late);
  });

  it('a period ending today: judged today', () => {
    expect(overdue(addDays(TO, -1), TO, FIRST_2026)).toBe(true);
    expect(overdue(TO, TO, FIRST_2026)).toBe(false);
  });
});

describe('the half of a day', () => {
  it.each([
    [1, { from: '2027-01-01', to: '2027-06-30', label: '1. Halbjahr 2027' }],
    [2, { from: '2027-07-01', to: '2027-12-31', label: '2. Halbjahr 2027' }],
  ] as const)('half %i of 2027 runs from its first to its last day', (half, range) => {
    expect(halfYearRange({ year: 2027, half })).toEqual(range);
  });

  it.each(Array.from({ length: 12 }, (_, i) => [i + 1, i < 6 ? 1 : 2] as const))('month %i is in half %i', (month, half) => {
    const mm = String(month).padStart(2, '0');
    expect(halfYearOf(`2027-${mm}-01`)).toEqual({ year: 2027, half });
    expect(halfYearOf(`2027-${mm}-28`)).toEqual({ year: 2027, half });
  });
});

describe('counts per state', () => {
  it.each(DECISION_STATES)('counts %s on its own line, overdue apart', (state) => {
    const row = (overdue: boolean) => ({ state, overdue }) as TrackingRow;
    const counts = countByState([row(true), row(false), row(false)]);
    const expected = Object.fromEntries(DECISION_STATES.map((s) => [s, s === state ? 3 : 0]));
    expect(counts).toEqual({ ...expected, overdue: 1 });
  });

  it('an empty table counts zero everywhere', () => {
    expect(countByState([])).toEqual({ offen: 0, in_bearbeitung: 0, erledigt: 0, zurueckgestellt: 0, aufgehoben: 0, overdue: 0 });
  });
});

describe('the columns of a row', () => {
  const doc = makeRegister(3, {
    bodies: [
      { id: 'b-short', name: 'Ausschuss mit Kurzname', shortName: 'AKN', kind: 'ausschuss', active: true },
      { id: 'b-long', name: 'Ausschuss ohne Kurzname', shortName: '', kind: 'ausschuss', active: true },
    ],
    measures: [makeMeasure(1), makeMeasure(2), makeMeasure(3, { number: 'HF9-99' })],
    trackedDecisions: [
      makeDecision(1, {
        bodyId: 'b-short',
        responsibleOrgUnitId: 'ou-32',
        measureIds: ['m-03', 'm-unknown', 'm-01'],
        kind: 'pruefauftrag',
        requestingGroup: 'Verwaltung',
        subject: 'Betreff',
        decisionText: 'Beschlusstext',
        stateText: 'Sachstand',
        lastUpdateOn: '2026-03-03',
        dueDate: null,
      }),
      makeDecision(2, { bodyId: 'b-long', responsibleOrgUnitId: null, measureIds: [] }),
      makeDecision(3, { bodyId: 'b-gone', responsibleOrgUnitId: 'ou-gone', measureIds: ['m-unknown'] }),
    ],
  });
  const rows = trackingRows(doc, '2026-02-01');

  it('carry the decision’s own fields and its Gremium, Amt and Maßnahmen by name', () => {
    expect(rows[0]).toEqual({
      id: 'decision-1',
      printNumber: '10001-26',
      body: 'AKN',
      decidedOn: '2026-01-29',
      kind: 'pruefauftrag',
      requestingGroup: 'Verwaltung',
      subject: 'Betreff',
      decisionText: 'Beschlusstext',
      dueDate: null,
      responsible: 'Ordnungsamt (FB 32)',
      measures: `HF9-99, ${doc.measures[0]!.number}`,
      state: 'offen',
      stateText: 'Sachstand',
      lastUpdateOn: '2026-03-03',
      overdue: false,
    });
  });

  it('name a Gremium without short name by its name; leave unknown Gremium, Amt and Maßnahmen empty', () => {
    expect(rows.slice(1).map((r) => [r.body, r.responsible, r.measures])).toEqual([
      ['Ausschuss ohne Kurzname', '', ''],
      ['', '', ''],
    ]);
  });
});
