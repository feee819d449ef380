import { de } from '@shared/i18n/de';
import type { Body } from '@shared/participation/body';
import { isEmptyRichText } from '@shared/core/richText';
import type { FieldProblem } from '@shared/register/rules';
import { emptySections, richTextPlain } from '@shared/core/richTextSections';
import { formatPrintNumber, type SubmissionFields, type SubmissionKind, type SubmissionStatus } from './submission';

const submissionCompleteTexts = de.submission.complete;

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
  if (s.subject.trim() === '') problems.push({ field: 'subject', message: submissionCompleteTexts.subject });
  if (!s.date) problems.push({ field: 'date', message: submissionCompleteTexts.date });
  if (!s.leadOrgUnitId) problems.push({ field: 'leadOrgUnitId', message: submissionCompleteTexts.lead });
  if (s.printNumberSuffix && !s.printNumberBase)
    problems.push({ field: 'printNumberBase', message: submissionCompleteTexts.suffixWithoutBase });
  const deciding = DECIDING_KINDS.includes(s.kind);
  if (deciding && !s.resolutions.some((r) => r.text.trim() !== ''))
    problems.push({ field: 'resolutions', message: submissionCompleteTexts.resolution });
  if (isEmptyRichText(s.statement)) problems.push({ field: 'statement', message: submissionCompleteTexts.statement });
  // Sections a template brought and nobody filled: the Word file would leave them out silently.
  else
    for (const title of emptySections(s.statement))
      problems.push({ field: 'statement', message: submissionCompleteTexts.emptySection(title) });
  s.extraSections.forEach((section, i) => {
    if (section.title.trim() !== '' && isEmptyRichText(section.body))
      problems.push({ field: `extraSections.${i}`, message: submissionCompleteTexts.emptyExtraSection(section.title.trim()) });
    else
      for (const title of emptySections(section.body))
        problems.push({ field: `extraSections.${i}`, message: submissionCompleteTexts.emptySection(title) });
  });
  if (s.attachments.length === 0 && mentionsAttachment(s))
    problems.push({ field: 'attachments', message: submissionCompleteTexts.attachmentMentioned });
  if (s.climateImpact === null) problems.push({ field: 'climateImpact', message: submissionCompleteTexts.climateImpact });
  if (s.climateReason.trim() === '') problems.push({ field: 'climateReason', message: submissionCompleteTexts.climateReason });
  if (s.consultations.length === 0) problems.push({ field: 'consultations', message: submissionCompleteTexts.noConsultation });
  else if (deciding && !s.consultations.some((r) => r.role === 'beschluss' || r.role === 'entscheidung'))
    problems.push({ field: 'consultations', message: submissionCompleteTexts.decidingBody });
  const bodyIds = new Set(ctx.bodies.map((b) => b.id));
  s.consultations.forEach((row, i) => {
    if (!bodyIds.has(row.bodyId))
      problems.push({ field: `consultations.${i}.bodyId`, message: submissionCompleteTexts.unknownBody(i + 1) });
    if (deciding && (row.role === 'beschluss' || row.role === 'entscheidung') && !row.sessionDate)
      problems.push({ field: `consultations.${i}.sessionDate`, message: submissionCompleteTexts.decidingWithoutDate(i + 1) });
  });
  if (s.finances.hasImpact) {
    const hasAmount = s.finances.rows.some((r) => (r.investiveCents ?? 0) > 0 || (r.consumptiveCents ?? 0) > 0);
    if (!hasAmount) problems.push({ field: 'finances', message: submissionCompleteTexts.financeRows });
    if (s.finances.coverage.trim() === '') problems.push({ field: 'finances.coverage', message: submissionCompleteTexts.financeCoverage });
  }
  if (s.linkedMeasureIds.some((id) => !ctx.measureIds.has(id)))
    problems.push({ field: 'linkedMeasureIds', message: submissionCompleteTexts.unknownMeasure });
  return problems;
}

/** "als Anlage beigefügt", "siehe Anlage", "in der Anlage": the text promises an Anlage. */
const ATTACHMENT_MENTION = /(?<![\p{L}])(als\s+Anlagen?\s+beigefügt|siehe\s+Anlage|in\s+der\s+Anlage|beigefügten?\s+Anlage|anliegende)/iu;

function mentionsAttachment(s: SubmissionFields): boolean {
  const texts = [
    ...s.resolutions.map((r) => r.text),
    richTextPlain(s.statement),
    ...s.extraSections.map((x) => richTextPlain(x.body)),
    s.finances.coverage,
    s.personnel,
  ];
  return texts.some((text) => ATTACHMENT_MENTION.test(text));
}

/** Kinds whose document carries a Beschlussvorschlag; the others (Mitteilung, Stellungnahme …) only when one is written. */
export const DECIDING_KINDS: readonly SubmissionKind[] = ['beschlussvorlage', 'dringlichkeitsentscheidung'];

/**
 * Statuses in which a Vorlage has been released and may be printed as it is. Before that (Entwurf,
 * Mitzeichnung) a document is a draft: it is printed only when the user chooses a draft, and then
 * carries ENTWURF on every page.
 */
export const RELEASED_STATUSES: readonly SubmissionStatus[] = [
  'freigegeben',
  'eingebracht',
  'beschlossen',
  'abgelehnt',
  'vertagt',
  'zurueckgezogen',
];

export function isReleased(status: SubmissionStatus): boolean {
  return RELEASED_STATUSES.includes(status);
}

/**
 * What stands against printing a submission as final: not yet released, then everything incomplete.
 * The app's export and the CLI refuse on these unless a draft is chosen.
 */
export function exportProblems(s: SubmissionFields, ctx: CompletenessContext): FieldProblem[] {
  const status: FieldProblem[] = isReleased(s.status)
    ? []
    : [{ field: 'status', message: submissionCompleteTexts.notReleased(de.submission.statuses[s.status]) }];
  return [...status, ...checkCompleteness(s, ctx)];
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
