import { formatDate, formatMoney } from '@shared/core/format';
import { richTextReadable } from '@shared/core/richTextReadable';
import type { SubmissionFields } from './submission';

/** One changed field between two revisions, both sides as readable text (rich text as the reader sees it). */
export interface FieldDiff {
  field: keyof SubmissionFields;
  before: string;
  after: string;
}

function asText(field: keyof SubmissionFields, value: SubmissionFields[keyof SubmissionFields]): string {
  if (value === null || value === undefined) return '';
  switch (field) {
    case 'statement':
      return richTextReadable(value as SubmissionFields['statement']);
    case 'date':
      return formatDate(value as string);
    case 'finances': {
      const f = value as SubmissionFields['finances'];
      if (!f.hasImpact) return 'keine';
      const rows = f.rows.map(
        (r) => `${r.year}: investiv ${formatMoney(r.investiveCents ?? 0)}, konsumtiv ${formatMoney(r.consumptiveCents ?? 0)}`,
      );
      return [...rows, f.coverage].join('\n');
    }
    case 'extraSections':
      return (value as SubmissionFields['extraSections']).map((s) => `${s.title}\n${richTextReadable(s.body)}`).join('\n\n');
    case 'resolutions':
      return (value as SubmissionFields['resolutions']).map((r) => r.text).join('\n\n');
    default:
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value, null, 1);
  }
}

/** Fields that differ between two saved states, in the order of the form. Pure. */
export function diffSubmissionFields(before: SubmissionFields, after: SubmissionFields): FieldDiff[] {
  const diffs: FieldDiff[] = [];
  for (const field of Object.keys(after) as (keyof SubmissionFields)[]) {
    if (JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
    diffs.push({ field, before: asText(field, before[field]), after: asText(field, after[field]) });
  }
  return diffs;
}

export type LineChange = { kind: 'same' | 'added' | 'removed'; text: string };

/** Line-by-line difference (longest common subsequence), for showing what changed in long texts. */
export function diffLines(before: string, after: string): LineChange[] {
  const a = before.split('\n');
  const b = after.split('\n');
  // Long texts: keep the table small by trimming the common start and end first.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > 4_000_000) {
    // Too long to align line by line in reasonable memory: show the middle as replaced.
    return [
      ...a.slice(0, start).map((text) => ({ kind: 'same' as const, text })),
      ...midA.map((text) => ({ kind: 'removed' as const, text })),
      ...midB.map((text) => ({ kind: 'added' as const, text })),
      ...a.slice(endA).map((text) => ({ kind: 'same' as const, text })),
    ];
  }
  const lcs: number[][] = Array.from({ length: midA.length + 1 }, () => new Array<number>(midB.length + 1).fill(0));
  for (let i = midA.length - 1; i >= 0; i--)
    for (let j = midB.length - 1; j >= 0; j--)
      lcs[i]![j] = midA[i] === midB[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: LineChange[] = a.slice(0, start).map((text) => ({ kind: 'same', text }));
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      out.push({ kind: 'same', text: midA[i]! });
      i++;
      j++;
    } else if (j < midB.length && (i >= midA.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      out.push({ kind: 'added', text: midB[j++]! });
    } else {
      out.push({ kind: 'removed', text: midA[i++]! });
    }
  }
  return [...out, ...a.slice(endA).map((text) => ({ kind: 'same' as const, text }))];
}
