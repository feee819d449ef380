import { districtName, type DistrictCode } from './districts';
import type { ActionField } from '@shared/editions/edition';
import type { Measure } from './measure';
import { orgUnitLabel, type OrgUnit } from './orgUnit';
import type { StatusDefinition } from './status';
import { germanCollator } from '@shared/core/collate';

/**
 * One line of the register table: only what the table shows and filters on. The search text stays in main,
 * where the index lives (electron/main/register/measureSearch.ts); the renderer asks `searchMeasures`.
 */
export interface MeasureRow {
  id: string;
  number: string;
  title: string;
  actionFieldId: string;
  actionFieldLabel: string;
  status: string;
  statusLabel: string;
  leadOrgUnitId: string | null;
  leadLabel: string;
  involvedOrgUnitIds: string[];
  districts: DistrictCode[];
  plannedStart: string | null;
  plannedEnd: string | null;
  budgetPlannedCents: number;
  updatedAt: string;
  deletedAt: string | null;
  /** The stored version, so a change made from the list (bulk status) carries its version check. */
  version: number;
}

export interface MeasureFilter {
  query: string;
  actionFieldId: string;
  status: string;
  orgUnitId: string;
  district: string;
}

export const EMPTY_FILTER: MeasureFilter = { query: '', actionFieldId: '', status: '', orgUnitId: '', district: '' };

/** Lower case, umlauts and ß folded, so "hoerde", "Hörde" and "horde" all find Hörde. */
export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'a')
    .replace(/ö/g, 'o')
    .replace(/ü/g, 'u')
    .replace(/ß/g, 'ss')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ue/g, 'u')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

export interface RowLookup {
  actionFields: readonly ActionField[];
  orgUnits: readonly OrgUnit[];
  statuses: readonly StatusDefinition[];
}

/** The words of a query, folded; empty for a query without words. */
export function searchTerms(query: string): string[] {
  return foldForSearch(query).split(/\s+/).filter(Boolean);
}

/** All text of a measure the search covers, as written (one entry per field; the index folds word by word). */
export function measureSearchFields(m: Measure, lookup: RowLookup): string[] {
  const field = lookup.actionFields.find((f) => f.id === m.actionFieldId);
  const lead = lookup.orgUnits.find((u) => u.id === m.leadOrgUnitId);
  const status = lookup.statuses.find((s) => s.key === m.status);
  const involved = m.involvedOrgUnitIds.map((id) => lookup.orgUnits.find((u) => u.id === id)).filter((u) => u !== undefined);
  return [
    m.number,
    m.title,
    m.shortText,
    m.description,
    m.preventionGoal,
    m.projectGoal,
    m.quarter,
    field ? `${field.code} ${field.name}` : '',
    status?.label ?? m.status,
    lead ? orgUnitLabel(lead) : '',
    ...involved.map(orgUnitLabel),
    ...m.districts.map(districtName),
    ...m.tags,
    ...m.decisions.map((d) => `${d.printNumber ?? ''} ${d.body}`),
    m.origin.reference,
    m.origin.printNumber ?? '',
  ];
}

/** All text of a measure the search covers, folded by `foldForSearch` (one field per line): what a scan searches. */
export function measureSearchText(m: Measure, lookup: RowLookup): string {
  return foldForSearch(measureSearchFields(m, lookup).join('\n'));
}

export function toMeasureRow(m: Measure, lookup: RowLookup): MeasureRow {
  const field = lookup.actionFields.find((f) => f.id === m.actionFieldId);
  const lead = lookup.orgUnits.find((u) => u.id === m.leadOrgUnitId);
  const status = lookup.statuses.find((s) => s.key === m.status);
  return {
    id: m.id,
    number: m.number,
    title: m.title,
    actionFieldId: m.actionFieldId,
    actionFieldLabel: field ? `${field.code} ${field.name}` : '',
    status: m.status,
    statusLabel: status?.label ?? m.status,
    leadOrgUnitId: m.leadOrgUnitId,
    leadLabel: lead ? orgUnitLabel(lead) : '',
    involvedOrgUnitIds: m.involvedOrgUnitIds,
    districts: m.districts,
    plannedStart: m.plannedStart,
    plannedEnd: m.plannedEnd,
    budgetPlannedCents: m.budget.reduce((sum, b) => sum + (b.plannedCents ?? 0), 0),
    updatedAt: m.updatedAt,
    deletedAt: m.deletedAt,
    version: m.version,
  };
}

/**
 * The dropdown filters, and — when the query has words — only the rows whose ids the text search found
 * (`textMatches`, from the index in main). Without `textMatches` the query is not applied (the caller is
 * still waiting for the search's answer).
 */
export function filterRows(rows: readonly MeasureRow[], filter: MeasureFilter, textMatches?: ReadonlySet<string> | null): MeasureRow[] {
  const byText = textMatches && searchTerms(filter.query).length > 0 ? textMatches : null;
  const result: MeasureRow[] = [];
  for (const row of rows) {
    if (filter.actionFieldId && row.actionFieldId !== filter.actionFieldId) continue;
    if (filter.status && row.status !== filter.status) continue;
    if (filter.district && !row.districts.includes(filter.district as DistrictCode)) continue;
    if (filter.orgUnitId && row.leadOrgUnitId !== filter.orgUnitId && !row.involvedOrgUnitIds.includes(filter.orgUnitId)) continue;
    if (byText && !byText.has(row.id)) continue;
    result.push(row);
  }
  return result;
}

export type SortKey = 'number' | 'title' | 'actionField' | 'status' | 'lead' | 'districts' | 'period' | 'budget';

function sortValue(row: MeasureRow, key: SortKey): string | number {
  switch (key) {
    case 'number':
      return row.number;
    case 'title':
      return row.title;
    case 'actionField':
      return row.actionFieldLabel;
    case 'status':
      return row.statusLabel;
    case 'lead':
      return row.leadLabel;
    case 'districts':
      return row.districts.map(districtName).join(', ');
    case 'period':
      return row.plannedStart ?? '9999';
    case 'budget':
      return row.budgetPlannedCents;
  }
}

/** The order `sortRows` sorts by (before the input's own order breaks the last ties: the sort is stable). */
export function compareRows(key: SortKey, direction: 'asc' | 'desc'): (a: MeasureRow, b: MeasureRow) => number {
  const sign = direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : germanCollator.compare(String(x), String(y));
    return order !== 0 ? sign * order : germanCollator.compare(a.number, b.number);
  };
}

export function sortRows(rows: readonly MeasureRow[], key: SortKey, direction: 'asc' | 'desc'): MeasureRow[] {
  return [...rows].sort(compareRows(key, direction));
}
