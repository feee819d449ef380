import { describe, expect, it } from 'vitest';
import { measureFieldsSchema, type MeasureFields } from '@shared/register/measure';
import { printNumber } from '@shared/core/primitives';
import { registerDocumentSchema } from '@shared/register/register';
import { checkMeasureRules, type MeasureContext } from '@shared/register/rules';
import { DEFAULT_STATUSES } from '@shared/register/status';
import { de } from '@shared/i18n/de';
import { makeFields, makeRegister } from '@tests/fixtures/documents';

/** Messages of all issues for one field path, so a test sees *why* a value was refused. */
function problemsAt(input: unknown, field: string): string[] {
  const result = measureFieldsSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.filter((i) => i.path.join('.') === field).map((i) => i.message);
}

describe('measureFieldsSchema', () => {
  it('accepts a complete, valid measure', () => {
    const fields = makeFields({
      description: 'Zeile 1\nZeile 2\r\nmit Tab\tund Umlauten äöüß',
      districts: ['IN', 'HÖ'],
      plannedStart: '2024-02-29',
      plannedEnd: '2025-12-31',
      budget: [{ year: 2025, plannedCents: 1_234_56, approvedCents: 0, spentCents: null, fundingSource: 'haushalt', budgetPosition: '' }],
      decisions: [{ printNumber: '12534-18-E1', body: 'Rat der Stadt', date: '2019-02-14', kind: 'beschluss', note: '' }],
      tags: ['Licht'],
    });
    expect(measureFieldsSchema.safeParse(fields).success).toBe(true);
  });

  it.each([
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['ESC', '\u001b'],
    ['DEL', '\u007f'],
  ])('refuses the control character %s in a multi-line field', (_name, char) => {
    expect(problemsAt(makeFields({ description: `vor${char}nach` }), 'description')).toContain(de.validation.controlChars);
  });

  it.each([
    ['LF', '\n'],
    ['CR', '\r'],
    ['LINE SEPARATOR', '\u2028'],
  ])('refuses a line break (%s) in the single-line title but not in the description', (_name, br) => {
    expect(problemsAt(makeFields({ title: `Teil 1${br}Teil 2` }), 'title')).toContain(de.validation.lineBreak);
    expect(problemsAt(makeFields({ description: `Teil 1${br}Teil 2` }), 'description')).toEqual([]);
  });

  it('refuses a blank title', () => {
    expect(problemsAt(makeFields({ title: '   ' }), 'title')).toContain(de.validation.titleRequired);
  });

  it('refuses unknown keys, at top level and nested', () => {
    const top = measureFieldsSchema.safeParse({ ...makeFields(), colour: 'red' });
    expect(top.success).toBe(false);
    expect(top.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['colour'] });

    const nested = measureFieldsSchema.safeParse(
      makeFields({ origin: { kind: 'masterplan', reference: '', printNumber: null, extra: 1 } as never }),
    );
    expect(nested.success).toBe(false);
    expect(nested.error?.issues[0]?.path).toEqual(['origin']);
  });

  it.each(['2025-02-30', '2025-13-01', '2023-02-29', '2025-00-10', '2025-1-5', '31.12.2025', ''])('refuses the date %j', (date) => {
    expect(problemsAt(makeFields({ plannedStart: date }), 'plannedStart')).toContain(de.validation.date);
  });

  it('accepts a leap day and null dates', () => {
    expect(problemsAt(makeFields({ plannedStart: '2024-02-29', plannedEnd: null }), 'plannedStart')).toEqual([]);
  });

  it('refuses negative and fractional cents', () => {
    const line = (plannedCents: number) =>
      makeFields({
        budget: [{ year: 2025, plannedCents, approvedCents: null, spentCents: null, fundingSource: 'haushalt', budgetPosition: '' }],
      });
    expect(problemsAt(line(-1), 'budget.0.plannedCents')).toContain(de.validation.notNegative);
    expect(problemsAt(line(10.5), 'budget.0.plannedCents')).toContain(de.validation.cents);
    expect(problemsAt(line(0), 'budget.0.plannedCents')).toEqual([]);
  });

  it('refuses a malformed measure number', () => {
    expect(problemsAt(makeFields({ number: 'HF1 01' }), 'number')).toContain(de.validation.measureNumber);
    expect(problemsAt(makeFields({ number: 'HF1/01' }), 'number')).toContain(de.validation.measureNumber);
    expect(problemsAt(makeFields({ number: 'HÖ-1.2' }), 'number')).toEqual([]);
  });
});

describe('printNumber', () => {
  it.each(['12534-18', '12534-18-E1', '00001-99-E12'])('accepts %s', (value) => {
    expect(printNumber.safeParse(value).success).toBe(true);
  });

  it.each(['1253-18', '12534-2018', '12534-18-E0', '12534-18E1', '12534-18-e1', ' 12534-18', '12534-18-E100'])('refuses %j', (value) => {
    const result = printNumber.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(de.validation.printNumber);
  });
});

describe('registerDocumentSchema', () => {
  it('accepts the test builder document', () => {
    expect(registerDocumentSchema.safeParse(makeRegister(3)).success).toBe(true);
  });

  it('refuses an unknown key on a stored measure', () => {
    const doc = makeRegister(2);
    (doc.measures[1] as Record<string, unknown>).budgetEuro = 5;
    const result = registerDocumentSchema.safeParse(doc);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['measures', 1]);
  });
});

describe('checkMeasureRules', () => {
  const doc = makeRegister(3);
  const ctx = (overrides: Partial<MeasureContext> = {}): MeasureContext => ({
    measureId: null,
    actionFields: doc.actionFields,
    orgUnits: doc.orgUnits,
    statuses: DEFAULT_STATUSES,
    others: doc.measures.map((m) => ({ id: m.id, number: m.number })),
    ...overrides,
  });
  const check = (fields: Partial<MeasureFields>, context = ctx()) =>
    checkMeasureRules(makeFields({ number: 'HF1-99', ...fields }), context);

  it('finds nothing wrong with a plain new measure', () => {
    expect(check({})).toEqual([]);
  });

  it('requires a reason for "eingestellt" and accepts one', () => {
    expect(check({ status: 'eingestellt', statusReason: '  ' })).toEqual([
      { field: 'statusReason', message: de.validation.statusReasonRequired('eingestellt') },
    ]);
    expect(check({ status: 'eingestellt', statusReason: 'Mittel gestrichen' })).toEqual([]);
  });

  it('requires a linked measure for "zusammengefuehrt", which must exist and not be itself', () => {
    const base = { status: 'zusammengefuehrt', statusReason: 'mit HF1-01 zusammengelegt' };
    expect(check(base)).toEqual([{ field: 'linkedMeasureId', message: de.validation.linkRequired('zusammengeführt mit') }]);
    expect(check({ ...base, linkedMeasureId: 'm-01' })).toEqual([]);
    expect(check({ ...base, linkedMeasureId: 'm-nope' })).toEqual([{ field: 'linkedMeasureId', message: de.validation.linkMissing }]);
    expect(check({ ...base, number: 'HF1-02', linkedMeasureId: 'm-02' }, ctx({ measureId: 'm-02' }))).toEqual([
      { field: 'linkedMeasureId', message: de.validation.linkSelf },
    ]);
  });

  it('refuses a status that is not in the list', () => {
    expect(check({ status: 'erledigt' })).toEqual([{ field: 'status', message: de.validation.unknownStatus }]);
  });

  it('refuses a number another measure has, ignoring case, but not the measure’s own number', () => {
    expect(check({ number: 'hf1-02' })).toEqual([{ field: 'number', message: de.validation.numberTaken('hf1-02') }]);
    expect(check({ number: 'HF1-02' }, ctx({ measureId: 'm-02' }))).toEqual([]);
  });

  it('refuses an end before the start, for planned and actual dates; the same day is fine', () => {
    expect(check({ plannedStart: '2025-06-01', plannedEnd: '2025-05-31' })).toEqual([
      { field: 'plannedEnd', message: de.validation.endBeforeStart },
    ]);
    expect(check({ actualStart: '2025-06-01', actualEnd: '2024-12-31' })).toEqual([
      { field: 'actualEnd', message: de.validation.endBeforeStart },
    ]);
    expect(check({ plannedStart: '2025-06-01', plannedEnd: '2025-06-01' })).toEqual([]);
  });

  it('refuses the lead office also listed as involved', () => {
    expect(check({ leadOrgUnitId: 'ou-32', involvedOrgUnitIds: ['ou-51', 'ou-32'] })).toEqual([
      { field: 'involvedOrgUnitIds', message: de.validation.leadAlsoInvolved },
    ]);
    expect(check({ leadOrgUnitId: 'ou-32', involvedOrgUnitIds: ['ou-51'] })).toEqual([]);
  });

  it('refuses unknown action field and office, duplicate districts and a budget year twice per source', () => {
    const line = {
      year: 2025,
      plannedCents: 1,
      approvedCents: null,
      spentCents: null,
      fundingSource: 'haushalt' as const,
      budgetPosition: '',
    };
    const fields = check({
      actionFieldId: 'hf9',
      leadOrgUnitId: 'ou-99',
      districts: ['IN', 'IN'],
      budget: [line, { ...line }, { ...line, fundingSource: 'foerdermittel' }],
    }).map((p) => p.field);
    expect(fields.sort()).toEqual(['actionFieldId', 'budget', 'districts', 'leadOrgUnitId']);
  });
});
