/**
 * What the Excel evaluation tables and the Word evaluation report show, prepared once: the round, the
 * evaluation rows (shared/evaluation/evaluationOverview) restricted by the filters and put in the order of
 * the Handlungsfelder and measure numbers, the Kennzahlen of those measures with their values up to the
 * round's cut-off, and the lookups that turn ids and keys into German labels.
 *
 * Pure: the register document in, plain data out. No file access, no docx or xlsx objects.
 */
import { districtName, DISTRICTS, type DistrictCode } from '@shared/register/districts';
import type { ActionField } from '@shared/editions/edition';
import type { EvaluationRound, Indicator, IndicatorValue } from '@shared/evaluation/evaluation';
import { buildEvaluationRows, type EvaluationRow } from '@shared/evaluation/evaluationOverview';
import type { Measure } from '@shared/register/measure';
import { orgUnitLabel } from '@shared/register/orgUnit';
import { MAX_DEGREE, type GoalLevel } from '@shared/evaluation/progress';
import { statusText } from '@shared/register/statusText';
import type { RegisterDocument } from '@shared/register/register';
import { formatPercent } from '@shared/core/format';
import { de } from '@shared/i18n/de';

const evaluationTexts = de.evaluation;

/** Restrictions of an export; each one narrows the measures (and what depends on them). */
export interface EvaluationFilters {
  /** Id of a Handlungsfeld. */
  actionFieldId?: string;
  /** Code of a Stadtbezirk ("IN"); measures that touch it. */
  district?: string;
  /** Key of a status ("in_umsetzung"). */
  status?: string;
}

export interface EvaluationExportInput {
  doc: RegisterDocument;
  /** The evaluation round; null: no round (no assessments, no cut-off). */
  roundId: string | null;
  filters?: EvaluationFilters;
  /** Assessor names are personal data: left out unless true. Also decides full path vs. file name. */
  includePersonalData?: boolean;
  /** Where the register file lives (printed in the Legende). */
  registerPath: string;
  appVersion: string;
  generatedAt: Date;
}

/** The round id names no round of the register. */
export class UnknownRoundError extends Error {
  constructor(readonly roundId: string) {
    super(evaluationTexts.unknownRound(roundId));
    this.name = 'UnknownRoundError';
  }
}

export interface BudgetAmounts {
  plannedCents: number | null;
  approvedCents: number | null;
  spentCents: number | null;
}

/** One Kennzahl of a measure in scope, with the values that count for the round. */
export interface IndicatorEntry {
  indicator: Indicator;
  measure: Measure;
  /** Values up to the cut-off year, by year and period. */
  values: IndicatorValue[];
}

export interface EvaluationData {
  round: EvaluationRound | null;
  /** Year of the round's cut-off date: later values do not count. */
  cutOffYear: number | undefined;
  /** Measures in scope after the filters, by Handlungsfeld order and then by number (natural order). */
  rows: EvaluationRow[];
  measureOf: (row: EvaluationRow) => Measure;
  /** The row's budget sums, null where no budget line of the measure has that amount. */
  amountsOf: (row: EvaluationRow) => BudgetAmounts;
  /** Kennzahlen of `rows` (not deleted), in row order, each measure's in stored order. */
  indicators: IndicatorEntry[];
  indicatorsOf: (measureId: string) => IndicatorEntry[];
  /** Handlungsfelder the export covers (the round's, or the current edition's; narrowed by the filter). */
  actionFields: ActionField[];
  /** Status keys the export lists: all active ones and any in use; only the filtered one with a status filter. */
  statusKeys: string[];
  /** "HF2 Sichere öffentliche Räume". */
  fieldLabel: (id: string) => string;
  statusLabel: (key: string) => string;
  statusOfMeasure: (measureId: string, key: string) => string;
  orgUnitLabel: (id: string | null) => string;
  /** District names joined by ", ". */
  districtsLabel: (codes: readonly DistrictCode[]) => string;
  /** The filters in words (empty when none). */
  filterParts: string[];
  /** The round's scope in words. */
  scopeLabel: string;
  /** Distinct data sources of the Kennzahlen in scope, sorted. */
  dataSources: string[];
}

const naturalOrder = new Intl.Collator('de-DE', { numeric: true, sensitivity: 'base' });

/** The round with this id; null for null. Throws UnknownRoundError for an id the register does not have. */
export function findRound(doc: Pick<RegisterDocument, 'evaluationRounds'>, roundId: string | null): EvaluationRound | null {
  if (roundId === null) return null;
  const round = doc.evaluationRounds.find((r) => r.id === roundId);
  if (!round) throw new UnknownRoundError(roundId);
  return round;
}

/** Prepares everything both evaluation exports print. Throws UnknownRoundError. */
export function prepareEvaluation(input: EvaluationExportInput): EvaluationData {
  const { doc } = input;
  const filters = input.filters ?? {};
  const round = findRound(doc, input.roundId);
  const cutOffYear = round?.cutOffDate ? Number(round.cutOffDate.slice(0, 4)) : undefined;

  const fieldsById = new Map(doc.actionFields.map((f) => [f.id, f]));
  const fieldOrder = new Map(doc.actionFields.map((f, i) => [f.id, i]));
  const statuses = new Map(doc.statuses.map((s) => [s.key, s]));
  const units = new Map(doc.orgUnits.map((u) => [u.id, u]));
  const measures = new Map(doc.measures.map((m) => [m.id, m]));

  const rows = buildEvaluationRows(doc, round)
    .filter(
      (r) =>
        (filters.actionFieldId === undefined || r.actionFieldId === filters.actionFieldId) &&
        (filters.status === undefined || r.status === filters.status) &&
        (filters.district === undefined || r.districts.includes(filters.district as DistrictCode)),
    )
    .sort(
      (a, b) =>
        (fieldOrder.get(a.actionFieldId) ?? Infinity) - (fieldOrder.get(b.actionFieldId) ?? Infinity) ||
        naturalOrder.compare(a.number, b.number),
    );
  // Budget amounts of each row that the register has at all (a measure without any planned amount leaves
  // the cell empty rather than showing 0).
  const amounts = new Map<string, BudgetAmounts>();
  for (const r of rows) {
    const budget = measures.get(r.measureId)!.budget;
    amounts.set(r.measureId, {
      plannedCents: budget.some((b) => b.plannedCents !== null) ? r.plannedCents : null,
      approvedCents: budget.some((b) => b.approvedCents !== null) ? r.approvedCents : null,
      spentCents: budget.some((b) => b.spentCents !== null) ? r.spentCents : null,
    });
  }

  const inScope = new Set(rows.map((r) => r.measureId));
  const byMeasure = new Map<string, IndicatorEntry[]>();
  for (const indicator of doc.indicators) {
    if (indicator.deletedAt || !inScope.has(indicator.measureId)) continue;
    const values = indicator.values
      .filter((v) => cutOffYear === undefined || v.year <= cutOffYear)
      .sort((a, b) => a.year - b.year || (a.period === b.period ? 0 : naturalOrder.compare(a.period, b.period)));
    const list = byMeasure.get(indicator.measureId) ?? [];
    list.push({ indicator, measure: measures.get(indicator.measureId)!, values });
    byMeasure.set(indicator.measureId, list);
  }
  const indicators = rows.flatMap((r) => byMeasure.get(r.measureId) ?? []);

  const currentFields = doc.actionFields.filter((f) => f.editionId === doc.currentEditionId);
  let actionFields =
    round && round.actionFieldIds.length > 0 ? doc.actionFields.filter((f) => round.actionFieldIds.includes(f.id)) : currentFields;
  if (filters.actionFieldId !== undefined) actionFields = doc.actionFields.filter((f) => f.id === filters.actionFieldId);
  // A measure whose Handlungsfeld is missing from the list still gets a line of its own.
  for (const r of rows)
    if (!actionFields.some((f) => f.id === r.actionFieldId) && fieldsById.has(r.actionFieldId))
      actionFields.push(fieldsById.get(r.actionFieldId)!);

  const used = new Set(rows.map((r) => r.status));
  const statusKeys =
    filters.status !== undefined
      ? [filters.status]
      : [...doc.statuses.filter((s) => s.active || used.has(s.key)).map((s) => s.key), ...[...used].filter((k) => !statuses.has(k))];

  const fieldLabel = (id: string) => {
    const field = fieldsById.get(id);
    return field ? `${field.code} ${field.name}` : evaluationTexts.unknownActionField;
  };
  const statusLabel = (key: string) => statuses.get(key)?.label ?? evaluationTexts.unknownStatus(key);
  const liveMeasures = new Map(doc.measures.filter((x) => !x.deletedAt).map((x) => [x.id, x]));
  /** The status of a measure with the measure it links to ("zusammengeführt mit HF2-04 …"), never a dangling "mit". */
  const statusOfMeasure = (measureId: string, key: string) => {
    const linked = liveMeasures.get(measureId)?.linkedMeasureId;
    return statusText(statuses.get(key), evaluationTexts.unknownStatus(key), (linked && liveMeasures.get(linked)) || null);
  };

  const filterParts: string[] = [];
  if (filters.actionFieldId !== undefined) filterParts.push(evaluationTexts.filterActionField(fieldLabel(filters.actionFieldId)));
  if (filters.district !== undefined) filterParts.push(evaluationTexts.filterDistrict(districtName(filters.district)));
  if (filters.status !== undefined) filterParts.push(evaluationTexts.filterStatus(statusLabel(filters.status)));

  const scopeLabel =
    round && round.actionFieldIds.length > 0
      ? round.actionFieldIds.map((id) => fieldLabel(id)).join(', ')
      : evaluationTexts.allActionFields;

  const dataSources = [...new Set(indicators.map((e) => e.indicator.dataSource.trim()).filter((s) => s !== ''))].sort((a, b) =>
    a.localeCompare(b, 'de'),
  );

  return {
    round,
    cutOffYear,
    rows,
    measureOf: (row) => measures.get(row.measureId)!,
    amountsOf: (row) => amounts.get(row.measureId)!,
    indicators,
    indicatorsOf: (id) => byMeasure.get(id) ?? [],
    actionFields,
    statusKeys,
    fieldLabel,
    statusLabel,
    statusOfMeasure,
    orgUnitLabel: (id) => {
      if (id === null) return '';
      const unit = units.get(id);
      return unit ? orgUnitLabel(unit) : evaluationTexts.unknownOrgUnit;
    },
    districtsLabel: (codes) => {
      const set = new Set<string>(codes);
      return DISTRICTS.filter((d) => set.has(d.code))
        .map((d) => d.name)
        .join(', ');
    },
    filterParts,
    scopeLabel,
    dataSources,
  };
}

// ---------------------------------------------------------------------------------------------------
// The verbal scale, in words
// ---------------------------------------------------------------------------------------------------

/**
 * The thresholds of goalLevel (shared/evaluation/progress.ts) as data, for the Legende: each level from
 * `from` (inclusive) up to `to` (exclusive). A unit test checks them against goalLevel at every boundary.
 */
export const GOAL_SCALE: readonly { level: Exclude<GoalLevel, 'nicht_bewertbar'>; from: number | null; to: number | null }[] = [
  { level: 'uebererfuellt', from: 1.05, to: null },
  { level: 'erreicht', from: 1, to: 1.05 },
  { level: 'ueberwiegend', from: 0.75, to: 1 },
  { level: 'teilweise', from: 0.25, to: 0.75 },
  { level: 'nicht_erreicht', from: null, to: 0.25 },
];

/** "75 %"; keeps one decimal where the threshold has one ("105 %"). */
export function percentText(fraction: number): string {
  return formatPercent(Math.round(fraction * 1000) / 10);
}

/** Scale rows in words: [level word, range], the last one "nicht bewertbar". */
export function goalScaleRows(): [string, string][] {
  const d = evaluationTexts.definitions;
  const rows: [string, string][] = GOAL_SCALE.map(({ level, from, to }) => [
    evaluationTexts.goalLevels[level],
    from !== null && to !== null
      ? d.scaleBetween(percentText(from), percentText(to))
      : from !== null
        ? d.scaleFrom(percentText(from))
        : d.scaleBelow(percentText(to!)),
  ]);
  rows.push([evaluationTexts.goalLevels.nicht_bewertbar, d.scaleNone]);
  return rows;
}

/** The statuses with their default percentages, for the Legende: "vorgeschlagen 0 %, beschlossen 10 %, …". */
export function statusDefaultsText(doc: Pick<RegisterDocument, 'statuses'>): string {
  return doc.statuses
    .filter((s) => s.active)
    .map((s) => `${s.label} ${formatPercent(s.defaultPercent)}`)
    .join(', ');
}

/** Upper bound of the degree, in words ("150 %"). */
export const MAX_DEGREE_TEXT = percentText(MAX_DEGREE);

/** Local calendar date of a moment as ISO `YYYY-MM-DD`. */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** `04.03.2025 10:00` in local time (TT.MM.JJJJ HH:MM). */
export function localDateTimeText(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getDate())}.${pad(date.getMonth() + 1)}.${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The register file as the exports print it: the whole path only with personal data, else the file name. */
export function registerFileLabel(registerPath: string, includePersonalData: boolean): string {
  if (includePersonalData) return registerPath;
  const parts = registerPath.split(/[\\/]/);
  return parts[parts.length - 1] ?? registerPath;
}
