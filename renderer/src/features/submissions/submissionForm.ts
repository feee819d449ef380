import { de } from '@shared/i18n/de';
import type { RichText } from '@shared/core/richText';
import type { FieldProblem } from '@shared/register/rules';
import {
  formatPrintNumber,
  parsePrintNumber,
  submissionFieldsSchema,
  type Attachment,
  type Consultation,
  type SubmissionFields,
} from '@shared/submissions/submission';
import { formatDate, parseGermanMoney } from '@shared/core/format';
import { readDateEntry } from '../../ui/dateEntry';

/**
 * The submission editor works on text as typed (Drucksache-Nr. in one piece, German dates and amounts);
 * this module converts between that and the stored fields, and reports each unreadable entry against its
 * own field. Rich text stays blocks throughout: the structured editor edits the block model directly.
 */
const submissionsEditorTexts = de.ui.submissions.editor;

export interface ConsultationText {
  id: string;
  bodyId: string;
  sessionDate: string;
  role: Consultation['role'];
  result: Consultation['result'];
  resultNote: string;
}
export interface FinanceRowText {
  year: string;
  investive: string;
  consumptive: string;
}
export interface ExtraSectionText {
  id: string;
  title: string;
  body: RichText;
}
export interface CosignatureText {
  id: string;
  orgUnitId: string | null;
  person: string;
  date: string;
  vote: SubmissionFields['cosignatures'][number]['vote'];
  note: string;
}

export interface SubmissionForm {
  printNumber: string;
  date: string;
  kind: SubmissionFields['kind'];
  isPublic: boolean;
  subject: string;
  departmentOrgUnitId: string | null;
  leadOrgUnitId: string | null;
  involvedOrgUnitIds: string[];
  author: string;
  fileReference: string;
  consultations: ConsultationText[];
  resolutions: SubmissionFields['resolutions'];
  statement: RichText;
  hasFinanceImpact: boolean;
  financeRows: FinanceRowText[];
  coverage: string;
  personnel: string;
  climateImpact: SubmissionFields['climateImpact'];
  climateReason: string;
  extraSections: ExtraSectionText[];
  cosignatures: CosignatureText[];
  attachments: Attachment[];
  linkedMeasureIds: string[];
  status: SubmissionFields['status'];
}

function euros(cents: number | null): string {
  if (cents === null) return '';
  return (cents / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

export function newRowId(): string {
  return crypto.randomUUID();
}

export function toForm(s: SubmissionFields): SubmissionForm {
  return {
    printNumber: formatPrintNumber(s),
    date: formatDate(s.date),
    kind: s.kind,
    isPublic: s.isPublic,
    subject: s.subject,
    departmentOrgUnitId: s.departmentOrgUnitId,
    leadOrgUnitId: s.leadOrgUnitId,
    involvedOrgUnitIds: [...s.involvedOrgUnitIds],
    author: s.author,
    fileReference: s.fileReference,
    consultations: s.consultations.map((c) => ({ ...c, sessionDate: formatDate(c.sessionDate) })),
    resolutions: s.resolutions.map((r) => ({ ...r })),
    statement: s.statement,
    hasFinanceImpact: s.finances.hasImpact,
    financeRows: s.finances.rows.map((r) => ({
      year: String(r.year),
      investive: euros(r.investiveCents),
      consumptive: euros(r.consumptiveCents),
    })),
    coverage: s.finances.coverage,
    personnel: s.personnel,
    climateImpact: s.climateImpact,
    climateReason: s.climateReason,
    extraSections: s.extraSections.map((x) => ({ id: x.id, title: x.title, body: x.body })),
    cosignatures: s.cosignatures.map((c) => ({ ...c, date: formatDate(c.date) })),
    attachments: s.attachments,
    linkedMeasureIds: [...s.linkedMeasureIds],
    status: s.status,
  };
}

/** Form text → fields, plus a problem for every entry that cannot be read. */
export function fromForm(form: SubmissionForm): { fields: SubmissionFields; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const date = (text: string, field: string): string | null => {
    if (text.trim() === '') return null;
    const iso = readDateEntry(text);
    if (!iso) problems.push({ field, message: submissionsEditorTexts.invalidDate });
    return iso;
  };
  const money = (text: string, field: string): number | null => {
    if (text.trim() === '') return null;
    const cents = parseGermanMoney(text);
    if (cents === null) problems.push({ field, message: submissionsEditorTexts.invalidMoney });
    return cents;
  };
  let printNumberBase: string | null = null;
  let printNumberSuffix: string | null = null;
  if (form.printNumber.trim() !== '') {
    const parsed = parsePrintNumber(form.printNumber);
    if (parsed) {
      printNumberBase = parsed.base;
      printNumberSuffix = parsed.suffix;
    } else problems.push({ field: 'printNumberBase', message: de.validation.printNumber });
  }
  const fields: SubmissionFields = {
    printNumberBase,
    printNumberSuffix,
    date: date(form.date, 'date'),
    kind: form.kind,
    isPublic: form.isPublic,
    subject: form.subject,
    departmentOrgUnitId: form.departmentOrgUnitId,
    leadOrgUnitId: form.leadOrgUnitId,
    involvedOrgUnitIds: form.involvedOrgUnitIds.filter((u) => u !== form.leadOrgUnitId),
    author: form.author,
    fileReference: form.fileReference,
    consultations: form.consultations.map((c, i) => {
      if (!c.bodyId) problems.push({ field: `consultations.${i}.bodyId`, message: de.validation.bodyRequired });
      return { ...c, sessionDate: date(c.sessionDate, `consultations.${i}.sessionDate`) };
    }),
    resolutions: form.resolutions,
    statement: form.statement,
    finances: {
      hasImpact: form.hasFinanceImpact,
      rows: form.hasFinanceImpact
        ? form.financeRows.map((r, i) => {
            if (!/^\d{4}$/.test(r.year.trim()))
              problems.push({ field: `finances.rows.${i}.year`, message: submissionsEditorTexts.invalidYear });
            return {
              year: Number(r.year.trim()),
              investiveCents: money(r.investive, `finances.rows.${i}.investiveCents`),
              consumptiveCents: money(r.consumptive, `finances.rows.${i}.consumptiveCents`),
            };
          })
        : [],
      coverage: form.hasFinanceImpact ? form.coverage : '',
    },
    personnel: form.personnel,
    climateImpact: form.climateImpact,
    climateReason: form.climateReason,
    extraSections: form.extraSections.map((x) => ({ id: x.id, title: x.title, body: x.body })),
    cosignatures: form.cosignatures.map((c, i) => ({ ...c, date: date(c.date, `cosignatures.${i}.date`) })),
    attachments: form.attachments,
    linkedMeasureIds: form.linkedMeasureIds,
    status: form.status,
  };
  return { fields, problems };
}

/** Schema problems as field problems at the form's own field names (rich text reports on its text box). */
export function schemaProblems(fields: SubmissionFields): FieldProblem[] {
  const result = submissionFieldsSchema.safeParse(fields);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ field: formField(issue.path.map(String)), message: issue.message }));
}

/** A field path from the schema, the server or the completeness check → the form field it belongs to. */
export function formField(path: readonly string[]): string {
  const parts = path[0] === 'fields' ? path.slice(1) : [...path];
  const [head, index, tail] = parts;
  if (head === 'statement') return 'statement';
  if (head === 'printNumberSuffix') return 'printNumberBase';
  if (head === 'extraSections' && index !== undefined) return `extraSections.${index}.${tail === 'title' ? 'title' : 'body'}`;
  if (head === 'finances' && index === 'rows' && tail !== undefined) return parts.slice(0, 4).join('.');
  return parts.slice(0, 3).join('.') || 'subject';
}

/** DOM id of a form field; problems link to it. */
export function fieldId(field: string): string {
  return `f-${field.replace(/\./g, '-')}`;
}

/**
 * Moves the keyboard focus to a field: the control itself, or the first control inside a group (a radio
 * group, a list of rows); the group itself when it has none.
 */
export function focusField(field: string): void {
  let element = document.getElementById(fieldId(field));
  // "consultations.2.bodyId" may not exist any more (row removed): fall back to the list.
  for (let parts = field.split('.'); !element && parts.length > 1;) {
    parts = parts.slice(0, -1);
    element = document.getElementById(fieldId(parts.join('.')));
  }
  if (!element) return;
  const control = element.matches('input, select, textarea, button')
    ? element
    : element.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])');
  const target = control ?? element;
  target.scrollIntoView({ block: 'center' });
  target.focus();
}

const labels = submissionsEditorTexts.field as unknown as Record<string, string>;

/** "consultations.1.bodyId" → "Beratungsfolge, Zeile 2: Gremium"; plain fields by their label. */
export function fieldLabel(field: string): string {
  const parts = field.split('.');
  const [head] = parts;
  if (head === 'finances') {
    if (parts[1] === 'coverage') return `${submissionsEditorTexts.sections.finances}: ${submissionsEditorTexts.field.coverage}`;
    if (parts[1] === 'rows' && parts[2] !== undefined)
      return `${submissionsEditorTexts.sections.finances}, ${submissionsEditorTexts.financeRow} ${Number(parts[2]) + 1}: ${labels[parts[3] ?? ''] ?? parts[3]}`;
    return submissionsEditorTexts.sections.finances;
  }
  if (parts.length >= 3) {
    const rowWord =
      {
        consultations: submissionsEditorTexts.consultationRow,
        resolutions: submissionsEditorTexts.resolutionRow,
        extraSections: submissionsEditorTexts.extraRow,
        cosignatures: submissionsEditorTexts.cosignRow,
      }[head!] ??
      labels[head!] ??
      head;
    const tail =
      parts[2] === 'date'
        ? submissionsEditorTexts.field.cosignDate
        : parts[2] === 'body'
          ? submissionsEditorTexts.field.extraBody
          : parts[2] === 'title'
            ? submissionsEditorTexts.field.extraTitle
            : (labels[parts[2]!] ?? parts[2]);
    return `${rowWord} ${Number(parts[1]) + 1}: ${tail}`;
  }
  return labels[head!] ?? field;
}

/** One problem per field, the first one wins (an unreadable entry before "missing"). */
export function uniqueByField(problems: readonly FieldProblem[]): FieldProblem[] {
  return problems.filter((p, i) => problems.findIndex((q) => q.field === p.field) === i);
}
