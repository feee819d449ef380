import { districtName, type DistrictCode } from './districts';
import type { ActionField } from '@shared/editions/edition';
import type { Measure } from './measure';
import { orgUnitLabel, type OrgUnit } from './orgUnit';
import type { StatusDefinition } from './status';

/** One line of the register table, with a pre-folded text to search in. */
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
  /** All searchable text, folded by `foldForSearch`. */
  haystack: string;
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

export function toMeasureRow(m: Measure, lookup: RowLookup): MeasureRow {
  const field = lookup.actionFields.find((f) => f.id === m.actionFieldId);
  const lead = lookup.orgUnits.find((u) => u.id === m.leadOrgUnitId);
  const status = lookup.statuses.find((s) => s.key === m.status);
  const involved = m.involvedOrgUnitIds.map((id) => lookup.orgUnits.find((u) => u.id === id)).filter((u) => u !== undefined);
  const actionFieldLabel = field ? `${field.code} ${field.name}` : '';
  const leadLabel = lead ? orgUnitLabel(lead) : '';
  const haystack = foldForSearch(
    [
      m.number,
      m.title,
      m.shortText,
      m.description,
      m.preventionGoal,
      m.projectGoal,
      m.quarter,
      actionFieldLabel,
      status?.label ?? m.status,
      leadLabel,
      ...involved.map(orgUnitLabel),
      ...m.districts.map(districtName),
      ...m.tags,
      ...m.decisions.map((d) => `${d.printNumber ?? ''} ${d.body}`),
      m.origin.reference,
      m.origin.printNumber ?? '',
    ].join('\n'),
  );
  return {
    id: m.id,
    number: m.number,
    title: m.title,
    actionFieldId: m.actionFieldId,
    actionFieldLabel,
    status: m.status,
    statusLabel: status?.label ?? m.status,
    leadOrgUnitId: m.leadOrgUnitId,
    leadLabel,
    involvedOrgUnitIds: m.involvedOrgUnitIds,
    districts: m.districts,
    plannedStart: m.plannedStart,
    plannedEnd: m.plannedEnd,
    budgetPlannedCents: m.budget.reduce((sum, b) => sum + (b.plannedCents ?? 0), 0),
    updatedAt: m.updatedAt,
    deletedAt: m.deletedAt,
    haystack,
  };
}

/**
 * Inverted index over the rows' haystacks, so a search does not scan 15 MB of text at 10,000 measures.
 * The haystack is split at whitespace into distinct tokens; all tokens sit in one string, one per line.
 * A query term (which never contains whitespace) occurs in a haystack exactly when it occurs inside one
 * of its tokens, so matching terms against the token string gives the same result as a full scan.
 */
export interface SearchIndex {
  readonly rows: readonly MeasureRow[];
  /** All distinct tokens, each followed by '\n'. */
  readonly tokenText: string;
  /** Start offset of each token in `tokenText` (ascending). */
  readonly tokenStarts: Uint32Array;
  /** For each token, the indices of the rows that contain it. */
  readonly postings: readonly Uint32Array[];
}

export function createSearchIndex(rows: readonly MeasureRow[]): SearchIndex {
  const tokenIds = new Map<string, number>();
  const lists: number[][] = [];
  rows.forEach((row, rowIndex) => {
    for (const token of row.haystack.split(/\s+/)) {
      if (token === '') continue;
      let id = tokenIds.get(token);
      if (id === undefined) {
        id = lists.length;
        tokenIds.set(token, id);
        lists.push([]);
      }
      const list = lists[id]!;
      if (list[list.length - 1] !== rowIndex) list.push(rowIndex);
    }
  });
  const tokens = [...tokenIds.keys()];
  const tokenStarts = new Uint32Array(tokens.length);
  let offset = 0;
  tokens.forEach((token, i) => {
    tokenStarts[i] = offset;
    offset += token.length + 1;
  });
  return { rows, tokenText: tokens.join('\n') + '\n', tokenStarts, postings: lists.map((l) => Uint32Array.from(l)) };
}

/** Rows (by index) whose haystack contains `term`: every token containing it, found in one pass. */
function rowsContaining(index: SearchIndex, term: string, into: Uint8Array): void {
  const { tokenText, tokenStarts, postings } = index;
  let from = 0;
  for (;;) {
    const at = tokenText.indexOf(term, from);
    if (at < 0) return;
    const token = tokenAt(tokenStarts, at);
    for (const row of postings[token]!) into[row] = 1;
    // Continue after this token: all its rows are marked already.
    from = token + 1 < tokenStarts.length ? tokenStarts[token + 1]! : tokenText.length;
  }
}

function tokenAt(starts: Uint32Array, offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Every word of the query must occur somewhere in the row (AND), in any order. With an index built from
 * the same rows, words are looked up there; without one, the haystacks are scanned.
 */
export function filterRows(rows: readonly MeasureRow[], filter: MeasureFilter, index?: SearchIndex): MeasureRow[] {
  const terms = foldForSearch(filter.query).split(/\s+/).filter(Boolean);
  let matches: Uint8Array | null = null;
  if (terms.length > 0 && index && index.rows === rows) {
    for (const term of terms) {
      const hit = new Uint8Array(rows.length);
      rowsContaining(index, term, hit);
      if (matches) for (let i = 0; i < hit.length; i++) matches[i]! &= hit[i]!;
      else matches = hit;
    }
  }
  const result: MeasureRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (filter.actionFieldId && row.actionFieldId !== filter.actionFieldId) continue;
    if (filter.status && row.status !== filter.status) continue;
    if (filter.district && !row.districts.includes(filter.district as DistrictCode)) continue;
    if (filter.orgUnitId && row.leadOrgUnitId !== filter.orgUnitId && !row.involvedOrgUnitIds.includes(filter.orgUnitId)) continue;
    if (matches) {
      if (matches[i] === 0) continue;
    } else if (!terms.every((term) => row.haystack.includes(term))) continue;
    result.push(row);
  }
  return result;
}

export type SortKey = 'number' | 'title' | 'actionField' | 'status' | 'lead' | 'districts' | 'period' | 'budget';

const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });

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

export function sortRows(rows: readonly MeasureRow[], key: SortKey, direction: 'asc' | 'desc'): MeasureRow[] {
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
    return order !== 0 ? sign * order : collator.compare(a.number, b.number);
  });
}
