import { de } from '@shared/i18n/de';
import type { MeasureFields } from '@shared/register/measure';
import { MEASURE_FIELD_NAMES, measureFieldsSchema } from '@shared/register/measure';
import type { FieldProblem } from '@shared/register/rules';
import { formatDate, parseGermanMoney } from '@shared/core/format';
import { readDateEntry } from '../../ui/dateEntry';

/**
 * The edit form works on text as typed (German dates and amounts); this module converts between that
 * and the stored fields, and reports each unreadable entry against its own field.
 */
export interface BudgetText {
  year: string;
  planned: string;
  approved: string;
  spent: string;
  fundingSource: MeasureFields['budget'][number]['fundingSource'];
  budgetPosition: string;
}
export interface DecisionText {
  printNumber: string;
  body: string;
  date: string;
  kind: MeasureFields['decisions'][number]['kind'];
  note: string;
}
export interface MilestoneText {
  title: string;
  dueDate: string;
  doneDate: string;
}

export type FormState = Omit<
  MeasureFields,
  'plannedStart' | 'plannedEnd' | 'actualStart' | 'actualEnd' | 'budget' | 'decisions' | 'milestones' | 'tags' | 'origin' | 'weight'
> & {
  weight: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart: string;
  actualEnd: string;
  budget: BudgetText[];
  decisions: DecisionText[];
  milestones: MilestoneText[];
  tags: string;
  originKind: MeasureFields['origin']['kind'];
  originReference: string;
  originPrintNumber: string;
};

const DATE_FIELDS = ['plannedStart', 'plannedEnd', 'actualStart', 'actualEnd'] as const;

function euros(cents: number | null): string {
  if (cents === null) return '';
  return (cents / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function toForm(input: MeasureFields): FormState {
  // A stored measure also carries id, version and timestamps; the form (and the save payload) holds only the fields.
  const fields = Object.fromEntries(MEASURE_FIELD_NAMES.map((k) => [k, input[k]])) as MeasureFields;
  const { origin, budget, decisions, milestones, tags, weight, ...rest } = fields;
  return {
    ...rest,
    weight: String(weight).replace('.', ','),
    plannedStart: formatDate(fields.plannedStart),
    plannedEnd: formatDate(fields.plannedEnd),
    actualStart: formatDate(fields.actualStart),
    actualEnd: formatDate(fields.actualEnd),
    budget: budget.map((b) => ({
      year: String(b.year),
      planned: euros(b.plannedCents),
      approved: euros(b.approvedCents),
      spent: euros(b.spentCents),
      fundingSource: b.fundingSource,
      budgetPosition: b.budgetPosition,
    })),
    decisions: decisions.map((d) => ({
      printNumber: d.printNumber ?? '',
      body: d.body,
      date: formatDate(d.date),
      kind: d.kind,
      note: d.note,
    })),
    milestones: milestones.map((m) => ({ title: m.title, dueDate: formatDate(m.dueDate), doneDate: formatDate(m.doneDate) })),
    tags: tags.join(', '),
    originKind: origin.kind,
    originReference: origin.reference,
    originPrintNumber: origin.printNumber ?? '',
  };
}

/** Form text → fields, plus a problem for every entry that cannot be read (checked before the schema). */
export function fromForm(form: FormState): { fields: MeasureFields; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const date = (text: string, field: string): string | null => {
    if (text.trim() === '') return null;
    const iso = readDateEntry(text);
    if (!iso) problems.push({ field, message: de.ui.measure.invalidDate });
    return iso;
  };
  const money = (text: string, field: string): number | null => {
    if (text.trim() === '') return null;
    const cents = parseGermanMoney(text);
    // A minus before an otherwise good amount is its own mistake, said as such (not "kein Betrag").
    const negative = cents === null && /^\s*[-−]/.test(text) && parseGermanMoney(text.replace(/^\s*[-−]/, '')) !== null;
    if (cents === null) problems.push({ field, message: negative ? de.ui.measure.negativeMoney : de.ui.measure.invalidMoney });
    return cents;
  };
  const { originKind, originReference, originPrintNumber, budget, decisions, milestones, tags, weight: _weight, ...rest } = form;
  const dates = Object.fromEntries(DATE_FIELDS.map((f) => [f, date(form[f], f)])) as Record<(typeof DATE_FIELDS)[number], string | null>;
  const weight = Number(form.weight.trim().replace(',', '.'));
  if (!(weight > 0 && weight <= 1000)) problems.push({ field: 'weight', message: de.validation.weight });
  const fields: MeasureFields = {
    ...rest,
    weight: Number.isFinite(weight) ? weight : 1,
    ...dates,
    budget: budget.map((b, i) => {
      const year = Number(b.year);
      if (!/^\d{4}$/.test(b.year.trim())) problems.push({ field: `budget.${i}.year`, message: de.ui.measure.invalidYear });
      return {
        year,
        plannedCents: money(b.planned, `budget.${i}.plannedCents`),
        approvedCents: money(b.approved, `budget.${i}.approvedCents`),
        spentCents: money(b.spent, `budget.${i}.spentCents`),
        fundingSource: b.fundingSource,
        budgetPosition: b.budgetPosition,
      };
    }),
    decisions: decisions.map((d, i) => ({
      printNumber: d.printNumber.trim() === '' ? null : d.printNumber.trim(),
      body: d.body,
      date: date(d.date, `decisions.${i}.date`),
      kind: d.kind,
      note: d.note,
    })),
    milestones: milestones.map((m, i) => ({
      title: m.title,
      dueDate: date(m.dueDate, `milestones.${i}.dueDate`),
      doneDate: date(m.doneDate, `milestones.${i}.doneDate`),
    })),
    tags: tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    origin: {
      kind: originKind,
      reference: originReference,
      printNumber: originPrintNumber.trim() === '' ? null : originPrintNumber.trim(),
    },
  };
  return { fields, problems };
}

/** Schema problems as field problems; `origin.printNumber` is shown at the form's own field name. */
export function schemaProblems(fields: MeasureFields): FieldProblem[] {
  const result = measureFieldsSchema.safeParse(fields);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const path = issue.path.join('.');
    const field = path.startsWith('origin.') ? `origin${path.charAt(7).toUpperCase()}${path.slice(8)}` : path;
    return { field: field || 'title', message: issue.message };
  });
}

/** DOM id of a form field; problems link to it. */
export function fieldId(field: string): string {
  return `f-${field.replace(/\./g, '-')}`;
}
