import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { JsonValue } from '@shared/audit/audit';
import type { RegisterReference } from '@shared/contract';
import { de } from '@shared/i18n/de';
import { labFieldsSchema, proposalFieldsSchema } from '@shared/participation/labs';
import { meetingFieldsSchema, recommendationFieldsSchema } from '@shared/participation/participation';
import { trackedDecisionFieldsSchema } from '@shared/participation/tracking';
import { measureFieldsSchema } from '@shared/register/measure';
import { REVIEW_VOTES } from '@shared/review/reviewPackage';
import type { MeasureRow } from '@shared/register/search';
import { measureHistory } from '@renderer/features/register/history';
import { proposalHistory, labHistory } from '@renderer/features/proposals/history';
import { meetingHistory, recommendationHistory } from '@renderer/features/meetings/history';
import { decisionHistory } from '@renderer/features/tracking/history';
import type { HistoryFormat } from '@renderer/ui/historyValues';

/**
 * The Verlauf is read by staff and auditors: every audited field of every kind of record, with every value
 * the sample register holds (and every state a field can take), must read as German — a label for the
 * field, no enum key, no ISO date, no id, no JSON.
 */
type Item = Record<string, JsonValue>;
const sample = JSON.parse(readFileSync('resources/sample-register.json', 'utf8')) as Record<string, unknown>;
const list = (key: string) => sample[key] as Item[];

const reference = {
  editions: sample.editions,
  currentEditionId: sample.currentEditionId,
  actionFields: sample.actionFields,
  orgUnits: sample.orgUnits,
  statuses: sample.statuses,
  bodies: sample.bodies,
} as unknown as RegisterReference;
const rows = list('measures').map((m) => ({ id: m.id, number: m.number, title: m.title })) as unknown as MeasureRow[];

/** Every enum key whose German word differs: none of them may be shown. */
const dictionaries: Record<string, string>[] = [
  Object.fromEntries((reference.statuses ?? []).map((s) => [s.key, s.label])),
  de.ui.types,
  de.ui.fundingSources,
  de.ui.originKinds,
  de.ui.decisionKinds,
  de.review.votes,
  de.participation.proposalSources,
  de.participation.proposalStates,
  de.participation.meetingStates,
  de.participation.recommendationStates,
  de.participation.addressees,
  de.participation.decisionKinds,
  de.participation.decisionStates,
];
const fold = (text: string) => text.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss');
/** Keys that are no German words themselves ("in_umsetzung", "aenderungen"); "abgelehnt" may well be shown. */
const keys = [
  ...new Set(
    dictionaries.flatMap((d) =>
      Object.entries(d)
        .filter(([k, v]) => k.includes('_') || (fold(v).includes(k) && !v.toLowerCase().includes(k)))
        .map(([k]) => k),
    ),
  ),
];

const ISO_DATE = /\d{4}-\d{2}-\d{2}/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/i;
const JSON_LIKE = /\{"|":|\[\{|\[\]/;

function assertGerman(kind: string, field: string, text: string) {
  const where = `${kind}.${field}: ${text}`;
  expect(text, where).not.toMatch(ISO_DATE);
  expect(text, where).not.toMatch(UUID);
  expect(text, where).not.toMatch(JSON_LIKE);
  for (const key of keys) expect(text, where).not.toMatch(new RegExp(`(^|[^\\p{L}_])${key}($|[^\\p{L}_])`, 'u'));
}

/** The options of an enum field, however it is wrapped (nullable, default …). */
function enumOptions(schema: z.ZodType): readonly string[] {
  let s: unknown = schema;
  for (let depth = 0; depth < 5 && s; depth++) {
    if (s instanceof z.ZodEnum) return s.options as string[];
    s = (s as { _zod?: { def?: { innerType?: unknown } } })._zod?.def?.innerType;
  }
  return [];
}

interface Kind {
  name: string;
  records: Item[];
  schema: z.ZodObject;
  format: HistoryFormat;
  extra?: { field: string; values: JsonValue[] }[];
}

const submissions = list('submissions').map((s) => ({ id: s.id, printNumber: s.printNumber, subject: s.subject })) as never[];
const kinds: Kind[] = [
  {
    name: 'measure',
    records: list('measures'),
    schema: measureFieldsSchema,
    format: measureHistory({ reference, rows }),
    extra: [
      { field: 'status', values: reference.statuses.map((s) => s.key) },
      { field: 'vote', values: [...REVIEW_VOTES] },
      { field: 'resolved', values: [true, false] },
      { field: 'import', values: ['2026-03-31T09:15:00.000Z'] },
      { field: 'dueDate', values: ['2026-03-31'] },
      { field: 'entries', values: [5] },
    ],
  },
  {
    name: 'proposal',
    records: list('proposals'),
    schema: proposalFieldsSchema,
    format: proposalHistory({ reference, rows, labs: list('labs') as never[], meetings: list('meetings') as never[] }),
  },
  { name: 'lab', records: list('labs'), schema: labFieldsSchema, format: labHistory() },
  { name: 'meeting', records: list('meetings'), schema: meetingFieldsSchema, format: meetingHistory({ reference }) },
  {
    name: 'recommendation',
    records: list('recommendations'),
    schema: recommendationFieldsSchema,
    format: recommendationHistory({ reference, rows, meetings: list('meetings') as never[], submissions }),
  },
  {
    name: 'trackedDecision',
    records: list('trackedDecisions'),
    schema: trackedDecisionFieldsSchema,
    format: decisionHistory({ reference, rows }),
  },
];

describe('the Verlauf speaks German for every audited field', () => {
  for (const kind of kinds) {
    it(`${kind.name}: labels and values of ${kind.records.length} sample records`, () => {
      expect(kind.records.length).toBeGreaterThan(0);
      const fields = [...Object.keys(kind.schema.shape), 'deletedAt'];
      let checked = 0;
      for (const field of fields) {
        const label = kind.format.fieldLabel(field);
        expect(label, `${kind.name}.${field} has a German label`).not.toBe(field);
        expect(label, `${kind.name}.${field} label without form hint`).not.toMatch(/\(optional\)|durch Komma/);
        const options = enumOptions(kind.schema.shape[field] as z.ZodType);
        const values: JsonValue[] = [
          ...kind.records.map((r) => r[field] ?? null),
          ...options,
          ...(field === 'deletedAt' ? ['2026-01-02T10:00:00.000Z'] : []),
        ];
        values.forEach((value, i) => {
          if (value === null || value === '') return;
          const other = values[(i + 1) % values.length] ?? null;
          for (const side of ['old', 'new'] as const) {
            const change = side === 'new' ? { field, old: other, new: value } : { field, old: value, new: other };
            assertGerman(kind.name, field, kind.format.formatValue(field, value, { side, change }));
            checked++;
          }
        });
      }
      for (const { field, values } of kind.extra ?? []) {
        expect(kind.format.fieldLabel(field)).not.toBe(field);
        for (const value of values) {
          assertGerman(kind.name, field, kind.format.formatValue(field, value, { side: 'new', change: { field, old: null, new: value } }));
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(kind.records.length);
    });
  }

  it('names linked records and writes amounts the German way', () => {
    const measure = list('measures').find((m) => Array.isArray(m.budget) && m.budget.length > 0)!;
    const format = measureHistory({ reference, rows });
    const ctx = (value: JsonValue) => ({ side: 'new' as const, change: { field: 'x', old: null, new: value } });
    expect(format.formatValue('linkedMeasureId', measure.id!, ctx(measure.id!))).toBe(`${String(measure.number)} ${String(measure.title)}`);
    expect(format.formatValue('status', 'in_umsetzung', ctx('in_umsetzung'))).toBe('in Umsetzung');
    expect(format.formatValue('plannedEnd', '2027-03-31', ctx('2027-03-31'))).toBe('31.03.2027');
    expect(format.formatValue('vote', 'aenderungen', ctx('aenderungen'))).toBe('Änderungen erbeten');
    const budget = [
      { year: 2027, plannedCents: 123456, approvedCents: null, spentCents: null, fundingSource: 'haushalt', budgetPosition: '' },
    ];
    expect(format.formatValue('budget', budget, ctx(budget))).toBe('2027: geplant 1.234,56\u00a0€ (Haushalt)');
    expect(format.fieldLabel('quarter')).toBe('Quartier');
  });
});
