/** Beschlussverfolgung: overdue, half-year periods, the table's rows, and "letzte Aktualisierung". */
import { describe, expect, it } from 'vitest';
import { localDay } from '@shared/core/calendar';
import type { TrackedDecision } from '@shared/participation/tracking';
import { countByState, halfYearOf, halfYearRange, isOverdue, trackingRows } from '@shared/participation/trackingReport';
import { useTempDir } from '@tests/unit/helpers/tempDir';
import { failed, fieldsOf, ok, openRegister, sampleDoc } from './setup';

describe('overdue and half-years', () => {
  it.each([
    ['offen', '2026-06-30', '2026-07-01', true],
    ['in_bearbeitung', '2026-06-30', '2026-06-30', false],
    ['zurueckgestellt', '2026-01-01', '2026-07-01', true],
    ['erledigt', '2020-01-01', '2026-07-01', false],
    ['aufgehoben', '2020-01-01', '2026-07-01', false],
    ['offen', null, '2099-01-01', false],
  ] as const)('%s with deadline %s is overdue on %s: %s', (state, dueDate, today, expected) => {
    expect(isOverdue({ state, dueDate }, today)).toBe(expected);
  });

  it('names the two halves of a year and finds the half of a day', () => {
    expect(halfYearRange({ year: 2026, half: 1 })).toEqual({ from: '2026-01-01', to: '2026-06-30', label: '1. Halbjahr 2026' });
    expect(halfYearRange({ year: 2026, half: 2 })).toEqual({ from: '2026-07-01', to: '2026-12-31', label: '2. Halbjahr 2026' });
    expect(halfYearOf('2026-06-30')).toEqual({ year: 2026, half: 1 });
    expect(halfYearOf('2026-07-01')).toEqual({ year: 2026, half: 2 });
  });
});

describe('rows of the half-yearly table', () => {
  const doc = sampleDoc();

  it('list every decision in the order of decision with body, office, measures and state', () => {
    const rows = trackingRows(doc, '2026-11-26');
    expect(rows.map((r) => r.printNumber)).toEqual(['12534-18', '26093-22', '31877-24', '33410-25', '34102-25']);
    expect(rows.find((r) => r.printNumber === '33410-25')).toMatchObject({
      body: 'ABÖAB',
      responsible: 'Ordnungsamt (FB 32)',
      measures: 'HF2-03',
      overdue: true,
    });
    expect(countByState(rows)).toMatchObject({ offen: 1, in_bearbeitung: 3, erledigt: 1, overdue: 2 });
  });

  it('for a period: leave out decisions taken after it and those finished before it began; overdue is judged at its end', () => {
    const first2025 = trackingRows(doc, '2026-11-26', { year: 2025, half: 1 });
    expect(first2025.map((r) => r.printNumber)).toEqual(['12534-18', '26093-22', '31877-24', '33410-25']);
    // The Prüfauftrag was due 30.09.2025: not yet overdue at the end of June 2025.
    expect(first2025.find((r) => r.printNumber === '33410-25')!.overdue).toBe(false);
    const later = {
      ...doc,
      trackedDecisions: doc.trackedDecisions.map((d) => (d.printNumber === '31877-24' ? { ...d, lastUpdateOn: '2025-12-01' } : d)),
    };
    expect(trackingRows(later, '2026-11-26', { year: 2026, half: 2 }).map((r) => r.printNumber)).not.toContain('31877-24');
  });
});

describe('tracked decisions through the API', () => {
  const dir = useTempDir('mpr-beschluss-');

  it('set "letzte Aktualisierung" when the state or its text change, not for other edits', async () => {
    const r = await openRegister(dir.path);
    const d = (await r.onDisk()).trackedDecisions.find((x) => x.printNumber === '33410-25')!;
    const edited = ok<{ value: TrackedDecision }>(
      await r.call('saveTrackedDecision', {
        id: d.id,
        version: d.version,
        fields: { ...fieldsOf(d, 'lastUpdateOn'), requestingGroup: 'SPD-Fraktion' },
      }),
    ).value;
    expect(edited.lastUpdateOn).toBe('2025-06-02');
    const moved = ok<{ value: TrackedDecision }>(
      await r.call('saveTrackedDecision', {
        id: d.id,
        version: edited.version,
        fields: { ...fieldsOf(edited, 'lastUpdateOn'), state: 'erledigt' },
      }),
    ).value;
    expect(moved.lastUpdateOn).toBe(localDay());
    expect((await r.onDisk()).trackedDecisions.find((x) => x.id === d.id)).toMatchObject({
      state: 'erledigt',
      lastUpdateOn: localDay(),
      version: 3,
    });
  });

  it('refuse a wrong Drucksache, a deadline before the decision and an unknown body', async () => {
    const r = await openRegister(dir.path);
    const fields = {
      printNumber: '12345-26',
      bodyId: 'gremium-rat',
      decidedOn: '2026-03-01',
      kind: 'antrag',
      requestingGroup: 'CDU',
      subject: 'Neuer Antrag',
      decisionText: '',
      dueDate: '2026-12-31',
      responsibleOrgUnitId: null,
      measureIds: [],
      state: 'offen',
      stateText: '',
    };
    ok(await r.call('saveTrackedDecision', { id: null, version: null, fields }));
    expect(
      failed(await r.call('saveTrackedDecision', { id: null, version: null, fields: { ...fields, printNumber: '123-26' } })).fields?.[0]
        ?.field,
    ).toBe('printNumber');
    expect(
      failed(await r.call('saveTrackedDecision', { id: null, version: null, fields: { ...fields, dueDate: '2026-01-01' } })).fields?.[0]
        ?.field,
    ).toBe('dueDate');
    expect(
      failed(await r.call('saveTrackedDecision', { id: null, version: null, fields: { ...fields, bodyId: 'weg' } })).fields?.[0]?.field,
    ).toBe('bodyId');
  });
});
