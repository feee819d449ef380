import { indicatorFieldsSchema, type IndicatorFields } from '@shared/evaluation/evaluation';
import type { FieldProblem } from '@shared/register/rules';
import { de } from '@shared/i18n/de';
import { formatNumber, parseGermanNumber } from './numbers';

/**
 * The indicator form works on text as typed ("1.234,5", "2024"); this module converts to and from the
 * stored fields and reports every unreadable entry against its own field, in German.
 */
const evaluationIndicatorTexts = de.ui.evaluation.indicator;

export interface ValueText {
  year: string;
  period: string;
  value: string;
  note: string;
}

export interface IndicatorForm {
  name: string;
  type: IndicatorFields['type'];
  unit: string;
  direction: IndicatorFields['direction'];
  dataSource: string;
  method: string;
  baselineValue: string;
  baselineYear: string;
  targetValue: string;
  targetYear: string;
  thresholdGood: string;
  thresholdCritical: string;
  comparisonArea: string;
  comparisonPeriod: string;
  values: ValueText[];
}

export function emptyIndicatorForm(): IndicatorForm {
  return {
    name: '',
    type: 'outcome',
    unit: '',
    direction: 'higher',
    dataSource: '',
    method: '',
    baselineValue: '',
    baselineYear: '',
    targetValue: '',
    targetYear: '',
    thresholdGood: '',
    thresholdCritical: '',
    comparisonArea: '',
    comparisonPeriod: '',
    values: [],
  };
}

const yearText = (y: number | null) => (y === null ? '' : String(y));

export function toIndicatorForm(fields: IndicatorFields): IndicatorForm {
  return {
    name: fields.name,
    type: fields.type,
    unit: fields.unit,
    direction: fields.direction,
    dataSource: fields.dataSource,
    method: fields.method,
    baselineValue: formatNumber(fields.baselineValue),
    baselineYear: yearText(fields.baselineYear),
    targetValue: formatNumber(fields.targetValue),
    targetYear: yearText(fields.targetYear),
    thresholdGood: formatNumber(fields.thresholdGood),
    thresholdCritical: formatNumber(fields.thresholdCritical),
    comparisonArea: fields.comparisonArea,
    comparisonPeriod: fields.comparisonPeriod,
    values: fields.values.map((v) => ({ year: String(v.year), period: v.period, value: formatNumber(v.value), note: v.note })),
  };
}

/** The next year for a new value row: one after the latest, or this year. */
export function nextValueYear(form: IndicatorForm): string {
  const years = form.values.map((v) => Number(v.year)).filter((y) => Number.isInteger(y) && y >= 1990 && y < 2100);
  return String(years.length > 0 ? Math.max(...years) + 1 : new Date().getFullYear());
}

/**
 * Form text → fields, plus a problem per unreadable or contradictory entry. Rows whose year or value
 * cannot be read are left out of `fields` (so the live chart shows what is readable).
 */
export function fromIndicatorForm(form: IndicatorForm, measureId: string): { fields: IndicatorFields; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => {
    if (!problems.some((p) => p.field === field)) problems.push({ field, message });
  };
  const number = (text: string, field: string, required = false): number | null => {
    const parsed = parseGermanNumber(text);
    if (!parsed.ok) {
      add(field, parsed.reason === 'tooLarge' ? evaluationIndicatorTexts.numberTooLarge : evaluationIndicatorTexts.invalidNumber);
      return null;
    }
    if (parsed.value === null && required) add(field, evaluationIndicatorTexts.valueRequired);
    return parsed.value;
  };
  const year = (text: string, field: string, required = false): number | null => {
    const trimmed = text.trim();
    if (trimmed === '') {
      if (required) add(field, evaluationIndicatorTexts.yearRequired);
      return null;
    }
    const y = Number(trimmed);
    if (!/^\d{4}$/.test(trimmed) || y < 1990 || y > 2100) {
      add(field, evaluationIndicatorTexts.invalidYear);
      return null;
    }
    return y;
  };

  const baselineValue = number(form.baselineValue, 'baselineValue');
  const baselineYear = year(form.baselineYear, 'baselineYear');
  const targetValue = number(form.targetValue, 'targetValue');
  const targetYear = year(form.targetYear, 'targetYear');
  const thresholdGood = number(form.thresholdGood, 'thresholdGood');
  const thresholdCritical = number(form.thresholdCritical, 'thresholdCritical');
  if (baselineYear !== null && targetYear !== null && baselineYear > targetYear) add('targetYear', de.evaluation.baselineAfterTarget);
  if (baselineValue !== null && targetValue !== null && baselineValue === targetValue)
    add('targetValue', evaluationIndicatorTexts.sameAsBaseline);
  if (form.values.length > 200) add('values', evaluationIndicatorTexts.tooManyValues);

  const seen = new Map<string, number>();
  const values: IndicatorFields['values'] = [];
  form.values.forEach((row, i) => {
    const y = year(row.year, `values.${i}.year`, true);
    const v = number(row.value, `values.${i}.value`, true);
    if (y !== null) {
      const key = `${y}|${row.period.trim()}`;
      if (seen.has(key)) add(`values.${i}.year`, de.evaluation.valueTwice(y, row.period.trim()));
      seen.set(key, i);
    }
    if (y !== null && v !== null) values.push({ year: y, period: row.period.trim(), value: v, note: row.note });
  });

  const fields: IndicatorFields = {
    measureId,
    name: form.name,
    type: form.type,
    unit: form.unit.trim(),
    direction: form.direction,
    dataSource: form.dataSource,
    method: form.method,
    baselineValue,
    baselineYear,
    targetValue,
    targetYear,
    thresholdGood,
    thresholdCritical,
    comparisonArea: form.comparisonArea,
    comparisonPeriod: form.comparisonPeriod,
    values,
  };
  // Lengths, line breaks, control characters, the required name: the schema's own German messages.
  const result = indicatorFieldsSchema.safeParse(fields);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.join('.');
      // A value row of the payload may sit at another index than in the form (unreadable rows are left out).
      const field = path.startsWith('values.') ? formValueField(path, fields.values, form) : path || 'name';
      add(field, issue.message);
    }
  }
  return { fields, problems };
}

/** "values.2.note" of the payload → the same row's field in the form. */
function formValueField(path: string, values: IndicatorFields['values'], form: IndicatorForm): string {
  const [, index, key] = path.split('.');
  const value = values[Number(index)];
  if (!value || !key) return 'values';
  const formIndex = form.values.findIndex((r) => Number(r.year.trim()) === value.year && r.period.trim() === value.period);
  return formIndex >= 0 ? `values.${formIndex}.${key}` : 'values';
}

/** DOM id of a form field; the problem list links to it. */
export function indicatorFieldId(field: string): string {
  return `ind-${field.replace(/\./g, '-')}`;
}

/** "values.0.year" → "Jahr (Zeile 1)"; plain fields by their label. */
export function indicatorFieldLabel(field: string): string {
  const labels = evaluationIndicatorTexts.field as Record<string, string>;
  const [head, index, tail] = field.split('.');
  if (head === 'values' && index !== undefined && tail !== undefined)
    return `${labels[tail] ?? tail} (${evaluationIndicatorTexts.row(Number(index) + 1)})`;
  return labels[head!] ?? field;
}
