import { de } from '@shared/i18n/de';
import type { Body } from '@shared/participation/body';
import { isEmptyRichText } from '@shared/core/richText';
import type { FieldProblem } from '@shared/register/rules';
import { formatPrintNumber, type SubmissionFields } from './submission';

const c = de.submission.complete;

export interface CompletenessContext {
  bodies: readonly Body[];
  measureIds: ReadonlySet<string>;
}

/**
 * What a submission needs before it is handed on. Each problem names the field to jump to. Pure: the
 * editor shows it live, the export refuses on it (the CLI too), the tests table it.
 */
export function checkCompleteness(s: SubmissionFields, ctx: CompletenessContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (s.subject.trim() === '') problems.push({ field: 'subject', message: c.subject });
  if (!s.date) problems.push({ field: 'date', message: c.date });
  if (!s.leadOrgUnitId) problems.push({ field: 'leadOrgUnitId', message: c.lead });
  if (s.printNumberSuffix && !s.printNumberBase) problems.push({ field: 'printNumberBase', message: c.suffixWithoutBase });
  const deciding = s.kind === 'beschlussvorlage' || s.kind === 'dringlichkeitsentscheidung';
  if (deciding && !s.resolutions.some((r) => r.text.trim() !== '')) problems.push({ field: 'resolutions', message: c.resolution });
  if (isEmptyRichText(s.statement)) problems.push({ field: 'statement', message: c.statement });
  if (s.climateImpact === null) problems.push({ field: 'climateImpact', message: c.climateImpact });
  if (s.climateReason.trim() === '') problems.push({ field: 'climateReason', message: c.climateReason });
  if (s.consultations.length === 0) problems.push({ field: 'consultations', message: c.noConsultation });
  else if (deciding && !s.consultations.some((r) => r.role === 'beschluss' || r.role === 'entscheidung'))
    problems.push({ field: 'consultations', message: c.decidingBody });
  const bodyIds = new Set(ctx.bodies.map((b) => b.id));
  s.consultations.forEach((row, i) => {
    if (!bodyIds.has(row.bodyId)) problems.push({ field: `consultations.${i}.bodyId`, message: c.unknownBody(i + 1) });
  });
  if (s.finances.hasImpact) {
    const hasAmount = s.finances.rows.some((r) => (r.investiveCents ?? 0) > 0 || (r.consumptiveCents ?? 0) > 0);
    if (!hasAmount) problems.push({ field: 'finances', message: c.financeRows });
    if (s.finances.coverage.trim() === '') problems.push({ field: 'finances.coverage', message: c.financeCoverage });
  }
  if (s.linkedMeasureIds.some((id) => !ctx.measureIds.has(id))) problems.push({ field: 'linkedMeasureIds', message: c.unknownMeasure });
  return problems;
}

/** A Drucksache-Nr. (base + suffix) used by another submission not in the Papierkorb. */
export function printNumberTaken(
  s: Pick<SubmissionFields, 'printNumberBase' | 'printNumberSuffix'>,
  ownId: string | null,
  others: readonly (Pick<SubmissionFields, 'printNumberBase' | 'printNumberSuffix'> & { id: string; deletedAt: string | null })[],
): boolean {
  const number = formatPrintNumber(s);
  if (!number) return false;
  return others.some((o) => o.id !== ownId && !o.deletedAt && formatPrintNumber(o) === number);
}
