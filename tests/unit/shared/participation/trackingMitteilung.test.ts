/**
 * The draft Mitteilung of the Beschlussverfolgung: a valid submission of kind Mitteilung in its initial
 * draft state, whose Sachverhalt lists every decision of the half-year with its state, and which links
 * the measures of those decisions.
 */
import { describe, expect, it } from 'vitest';
import { submissionFieldsSchema } from '@shared/submissions/submission';
import { emptySubmissionFields } from '@shared/submissions/submissionTemplates';
import { trackingMitteilungFields, trackingStatement } from '@shared/participation/trackingMitteilung';
import { trackingRows } from '@shared/participation/trackingReport';
import { makeDecision, participationRegister } from '@tests/fixtures/participation';

const FIRST_HALF = { year: 2026, half: 1 } as const;
let ids = 0;
const newId = () => `row-${++ids}`;
const base = () => ({ ...emptySubmissionFields(), author: 'Frau Beispiel', date: '2026-07-03' });

describe('draft Mitteilung of the Beschlussverfolgung', () => {
  it('is a valid Mitteilung draft for Kenntnisnahme with the period in its subject', () => {
    const fields = trackingMitteilungFields(participationRegister(), FIRST_HALF, '2026-07-03', base(), newId);
    expect(submissionFieldsSchema.safeParse(fields).success).toBe(true);
    expect(fields.kind).toBe('mitteilung');
    expect(fields.status).toBe('entwurf');
    expect(fields.subject).toBe('Beschlussverfolgung Masterplan Kommunale Sicherheit – Sachstand 1. Halbjahr 2026');
    // Author and date of the new submission are kept.
    expect(fields).toMatchObject({ author: 'Frau Beispiel', date: '2026-07-03', printNumberBase: null });
    expect(fields.consultations.map((c) => [c.bodyId, c.role])).toEqual([
      ['gremium-aboeab', 'kenntnisnahme'],
      ['gremium-rat', 'kenntnisnahme'],
    ]);
    expect(fields.resolutions[0]!.text).toContain('1. Halbjahr 2026 zur Kenntnis');
    expect(fields.climateImpact).toBe('keine');
    expect(fields.climateReason).not.toBe('');
  });

  it('lists each decision of the half-year in a table with its state; overdue ones say so', () => {
    const fields = trackingMitteilungFields(participationRegister(), FIRST_HALF, '2026-07-03', base(), newId);
    const table = fields.statement.find((b) => b.type === 'table');
    expect(table).toBeDefined();
    if (table?.type !== 'table') return;
    expect(table.rows).toEqual([
      ['Drucksache', 'Gegenstand', 'Frist', 'federführend', 'Status', 'Sachstand'],
      ['10001-26', 'Beschluss 1', '31.03.2026', 'Ordnungsamt (FB 32)', 'offen (überfällig)', 'Konzept in Arbeit.'],
      ['10002-26', 'Beschluss 2', '31.03.2026', 'Ordnungsamt (FB 32)', 'erledigt', ''],
    ]);
    const intro = fields.statement[0]!;
    expect(intro.type === 'paragraph' && intro.runs[0]!.text).toContain('01.01.2026 bis 30.06.2026');
    const counts = fields.statement.find((b) => b.type === 'bulletList');
    expect(counts?.type === 'bulletList' && counts.items.map((i) => i[0]!.text)).toEqual([
      'offen: 1',
      'erledigt: 1',
      'davon überfällig (Frist verstrichen): 1',
    ]);
  });

  it('links the union of the decisions’ measures, each once, none from the Papierkorb', () => {
    const doc = participationRegister();
    doc.measures[2]!.deletedAt = '2026-02-01T10:00:00.000Z';
    doc.trackedDecisions.push(makeDecision(5, { measureIds: ['m-03', 'm-02'] }));
    const fields = trackingMitteilungFields(doc, FIRST_HALF, '2026-07-03', base(), newId);
    expect(fields.linkedMeasureIds).toEqual(['m-01', 'm-02']);
    // Decision 3 (second half-year) is not part of the first half-year's Mitteilung.
    expect(JSON.stringify(fields.statement)).not.toContain('Im zweiten Halbjahr');
  });

  it('says there is nothing to report when the half-year has no decisions', () => {
    const doc = participationRegister({ trackedDecisions: [] });
    const blocks = trackingStatement(trackingRows(doc, '2026-07-03', FIRST_HALF), FIRST_HALF);
    expect(blocks.some((b) => b.type === 'table')).toBe(false);
    expect(JSON.stringify(blocks)).toContain('keine Beschlüsse');
    expect(trackingMitteilungFields(doc, FIRST_HALF, '2026-07-03', base(), newId).linkedMeasureIds).toEqual([]);
  });

  it('leaves out the Beratungsfolge rows of bodies the register does not have', () => {
    const doc = participationRegister();
    doc.bodies = doc.bodies.filter((b) => b.id !== 'gremium-aboeab');
    const fields = trackingMitteilungFields(doc, FIRST_HALF, '2026-07-03', base(), newId);
    expect(fields.consultations.map((c) => c.bodyId)).toEqual(['gremium-rat']);
  });
});
