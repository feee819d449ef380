import type { RegisterReference } from '@shared/contract';
import type { JsonValue } from '@shared/audit/audit';
import type { MeasureRow } from '@shared/register/search';
import { formatDate, formatMoney } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import {
  dateTimeValue,
  dateValue,
  districtValue,
  historyFormat,
  idListValue,
  idValue,
  isRecord,
  orgUnitNames,
  plainValue,
  textOf,
  wordValue,
  type HistoryFormat,
  type ValueFormatter,
} from '../../ui/historyValues';

/**
 * How the "Verlauf" of a measure shows the recorded values: one formatter per kind of field (state,
 * date, amount, linked record …), chosen by the field's name. The stored audit entries keep the raw
 * values; only the view speaks German.
 */
const w = de.ui.measureHistory;
const f = de.ui.measure.field;

const listOf =
  (item: (record: { [key: string]: JsonValue }) => string): ValueFormatter =>
  (value) =>
    Array.isArray(value) ? value.map((v) => (isRecord(v) ? item(v) : plainValue(v))).join('; ') : plainValue(value);

const money = (value: JsonValue | undefined) => (typeof value === 'number' ? formatMoney(value) : '');

/** "2027: geplant 12.500,00 €, bewilligt 10.000,00 € (Haushalt, 1.23.456)". */
const budgetValue = listOf((line) => {
  const parts = [
    money(line.plannedCents) && w.planned(money(line.plannedCents)),
    money(line.approvedCents) && w.approved(money(line.approvedCents)),
    money(line.spentCents) && w.spent(money(line.spentCents)),
  ].filter(Boolean);
  const source = de.ui.fundingSources[textOf(line.fundingSource) as keyof typeof de.ui.fundingSources] ?? '';
  const extra = [source, textOf(line.budgetPosition)].filter(Boolean).join(', ');
  return `${w.budgetLine(typeof line.year === 'number' ? line.year : textOf(line.year), parts)}${extra ? ` (${extra})` : ''}`;
});

/** "DS-Nr. 12534-18, Rat der Stadt, 31.12.2025, Beschluss". */
const decisionsValue = listOf((d) =>
  [
    textOf(d.printNumber) && w.printNumber(textOf(d.printNumber)),
    textOf(d.body),
    formatDate(textOf(d.date)),
    de.ui.decisionKinds[textOf(d.kind) as keyof typeof de.ui.decisionKinds] ?? '',
    textOf(d.note),
  ]
    .filter(Boolean)
    .join(', '),
);

const milestonesValue = listOf((m) => w.milestone(textOf(m.title), formatDate(textOf(m.dueDate)), formatDate(textOf(m.doneDate))));

/** "Masterplan-Text – Kapitel 4 (DS-Nr. 12534-18)". */
const originValue: ValueFormatter = (value) => {
  if (!isRecord(value)) return plainValue(value);
  const kind = de.ui.originKinds[textOf(value.kind) as keyof typeof de.ui.originKinds] ?? textOf(value.kind);
  const reference = textOf(value.reference);
  const printNumber = textOf(value.printNumber);
  return `${kind}${reference ? ` – ${reference}` : ''}${printNumber ? ` (${w.printNumber(printNumber)})` : ''}`;
};

const numberValue: ValueFormatter = (value) => (typeof value === 'number' ? value.toLocaleString('de-DE') : plainValue(value));

/** Field labels as on the detail page: the form's label without its hints. */
export const measureHistoryLabels: Record<string, string> = { ...f, ...de.review.auditFields, ...w.field };

export function measureHistory({ reference, rows }: { reference: RegisterReference | null; rows: readonly MeasureRow[] }): HistoryFormat {
  const statuses = new Map((reference?.statuses ?? []).map((s) => [s.key, s.label]));
  const fields = new Map((reference?.actionFields ?? []).map((a) => [a.id, `${a.code} ${a.name}`]));
  const measures = new Map(rows.map((r) => [r.id, `${r.number} ${r.title}`]));
  const units = orgUnitNames(reference);
  return historyFormat(de.ui.history.caption, measureHistoryLabels, {
    actionFieldId: idValue(fields, w.unknown),
    type: wordValue(de.ui.types),
    status: (value) => (typeof value === 'string' ? (statuses.get(value) ?? value) : plainValue(value)),
    linkedMeasureId: idValue(measures, w.unknown),
    parentMeasureId: idValue(measures, w.unknown),
    weight: numberValue,
    leadOrgUnitId: idValue(units, w.unknown),
    involvedOrgUnitIds: idListValue(units, w.unknown),
    districts: (value) =>
      Array.isArray(value)
        ? value.map((d) => districtValue(d, { side: 'new', change: { field: '', old: null, new: null } })).join(', ')
        : plainValue(value),
    plannedStart: dateValue,
    plannedEnd: dateValue,
    actualStart: dateValue,
    actualEnd: dateValue,
    budget: budgetValue,
    origin: originValue,
    decisions: decisionsValue,
    milestones: milestonesValue,
    tags: (value) => plainValue(value),
    deletedAt: dateTimeValue,
    // What the review round trip records on a measure.
    vote: wordValue(de.review.votes),
    dueDate: dateValue,
    import: dateTimeValue,
  });
}
