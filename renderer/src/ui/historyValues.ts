import type { RegisterReference } from '@shared/contract';
import type { FieldChange, JsonValue } from '@shared/audit/audit';
import { districtName } from '@shared/register/districts';
import { orgUnitLabel } from '@shared/register/orgUnit';
import type { MeasureRow } from '@shared/register/search';
import { formatDate, formatDateTime } from '@shared/core/format';
import { de } from '@shared/i18n/de';

/**
 * How the "Verlauf" shows a recorded value: the field's German label and the value in words (states as
 * their German names, dates as TT.MM.JJJJ, ids as what they stand for, lists as a short summary). Empty
 * values are shown as "(leer)" by the table before a formatter is asked.
 */
export type HistoryContext = { side: 'old' | 'new'; change: FieldChange };
export type FieldLabel = (field: string) => string;
export type FormatValue = (field: string, value: JsonValue, context: HistoryContext) => string;
export type ValueFormatter = (value: JsonValue, context: HistoryContext) => string;
export interface HistoryFormat {
  caption: string;
  fieldLabel: FieldLabel;
  formatValue: FormatValue;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z?$/;
const words = de.ui.measureHistory;

/**
 * A value no field formatter claims, in German all the same: a recorded date or timestamp as TT.MM.JJJJ
 * (the trail is read by staff and auditors, never an ISO date), yes/no as words, numbers with German
 * separators, lists comma-separated, objects by their values. The stored entry keeps the raw value.
 */
export const plainValue = (value: JsonValue): string => {
  if (value === null) return '';
  if (typeof value === 'string')
    return ISO_DATE.test(value) ? formatDate(value) : ISO_DATE_TIME.test(value) ? formatDateTime(value) : value;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') return value.toLocaleString('de-DE');
  if (Array.isArray(value)) return value.map(plainValue).join(', ');
  return Object.values(value)
    .map(plainValue)
    .filter((v) => v !== '')
    .join(', ');
};

export const dateValue: ValueFormatter = (value) => (typeof value === 'string' ? formatDate(value) : plainValue(value));
export const dateTimeValue: ValueFormatter = (value) => (typeof value === 'string' ? formatDateTime(value) : plainValue(value));
export const districtValue: ValueFormatter = (value) => (typeof value === 'string' ? districtName(value) : plainValue(value));

/** An enum value by its German word. */
export function wordValue(words: Readonly<Record<string, string>>): ValueFormatter {
  return (value) => (typeof value === 'string' ? (words[value] ?? value) : plainValue(value));
}

/** An id by the name of what it refers to; an id not (any more) known says so. */
export function idValue(names: ReadonlyMap<string, string>, unknown: string): ValueFormatter {
  return (value) => (typeof value === 'string' ? (names.get(value) ?? unknown) : plainValue(value));
}

/** A list of ids by their names, comma-separated. */
export function idListValue(names: ReadonlyMap<string, string>, unknown: string): ValueFormatter {
  return (value) =>
    Array.isArray(value)
      ? value.map((v) => (typeof v === 'string' ? (names.get(v) ?? unknown) : plainValue(v))).join(', ')
      : plainValue(value);
}

export const orgUnitNames = (reference: RegisterReference | null) =>
  new Map((reference?.orgUnits ?? []).map((u) => [u.id, orgUnitLabel(u)]));
export const bodyNames = (reference: RegisterReference | null) => new Map((reference?.bodies ?? []).map((b) => [b.id, b.name]));
/** Measures (also those in the Papierkorb) by their number. */
export const measureNumbers = (rows: readonly MeasureRow[]) => new Map(rows.map((r) => [r.id, r.number]));

/** Fields every record of Gremien & Beteiligung may show: the Papierkorb and the retention period. */
const COMMON_LABELS: Record<string, string> = {
  deletedAt: de.trackingUi.trash.col.deletedAt,
  retentionDueSince: de.trackingUi.privacy.col.dueSince,
};
const COMMON_VALUES: Record<string, ValueFormatter> = {
  deletedAt: dateTimeValue,
  retentionDueSince: dateValue,
};

/** A kind's history format from its field labels and the formatters of the fields that need one. */
export function historyFormat(
  caption: string,
  labels: Readonly<Record<string, string>>,
  values: Readonly<Record<string, ValueFormatter>>,
): HistoryFormat {
  return {
    caption,
    fieldLabel: (field) => labels[field] ?? COMMON_LABELS[field] ?? field,
    formatValue: (field, value, context) => (values[field] ?? COMMON_VALUES[field] ?? plainValue)(value, context),
  };
}

/** A recorded object (an agenda item, a session of a lab). */
export const isRecord = (value: JsonValue | undefined): value is { [key: string]: JsonValue } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
/** A recorded text, or '' when it is something else. */
export const textOf = (value: JsonValue | undefined): string => (typeof value === 'string' ? value : '');
