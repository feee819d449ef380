import type { z } from 'zod';
import { de } from '@shared/i18n/de';
import { formatDate, formatMoney } from '@shared/core/format';
import type { JsonValue } from '@shared/audit/audit';
import { districtName } from '@shared/register/districts';
import type { ActionField } from '@shared/editions/edition';
import { measureFieldsSchema, type Measure } from '@shared/register/measure';
import { orgUnitLabel, type OrgUnit } from '@shared/register/orgUnit';
import type { Block } from '@shared/core/richText';
import { richTextReadable } from '@shared/core/richTextReadable';
import type { StatusDefinition } from '@shared/register/status';
import { formatPrintNumber, submissionFieldsSchema, type Submission } from '@shared/submissions/submission';
import type { Body } from '@shared/participation/body';

/**
 * Which fields of a measure or a submission a reviewer may comment on (all of the edited fields) and
 * which he may propose a new value for (the plain ones: texts, dates, status), with labels and a
 * readable form of every value. Shared by review mode, merge preview, Prüfvermerk and CLI.
 */
export const REVIEW_ITEM_KINDS = ['measure', 'submission'] as const;
export type ReviewItemKind = (typeof REVIEW_ITEM_KINDS)[number];

/** How a proposed value is typed in: one line, several lines, a date, a choice from a list, or structured text (blocks). */
export type SuggestionInput = 'line' | 'text' | 'date' | 'status' | 'climate' | 'richText';

export const SUGGESTABLE_FIELDS: Record<ReviewItemKind, Readonly<Record<string, SuggestionInput>>> = {
  measure: {
    title: 'line',
    shortText: 'text',
    description: 'text',
    preventionGoal: 'text',
    projectGoal: 'text',
    status: 'status',
    statusReason: 'text',
    quarter: 'line',
    plannedStart: 'date',
    plannedEnd: 'date',
    actualStart: 'date',
    actualEnd: 'date',
  },
  submission: {
    subject: 'line',
    date: 'date',
    fileReference: 'line',
    // A reviewer proposes a whole new Sachverhalt in the same editor; the merge shows old/new per block.
    statement: 'richText',
    personnel: 'text',
    climateImpact: 'climate',
    climateReason: 'text',
  },
};

const FIELD_SCHEMAS: Record<ReviewItemKind, Readonly<Record<string, z.ZodType>>> = {
  measure: measureFieldsSchema.shape,
  submission: submissionFieldsSchema.shape,
};

/** The fields review mode shows, in reading order (all of them may be commented on). */
export const REVIEW_DISPLAY_FIELDS: Record<ReviewItemKind, readonly string[]> = {
  measure: [
    'number',
    'title',
    'actionFieldId',
    'type',
    'status',
    'statusReason',
    'linkedMeasureId',
    'parentMeasureId',
    'leadOrgUnitId',
    'involvedOrgUnitIds',
    'districts',
    'quarter',
    'plannedStart',
    'plannedEnd',
    'actualStart',
    'actualEnd',
    'shortText',
    'description',
    'preventionGoal',
    'projectGoal',
    'budget',
    'origin',
    'decisions',
    'milestones',
    'tags',
  ],
  submission: [
    'printNumberBase',
    'printNumberSuffix',
    'date',
    'kind',
    'status',
    'isPublic',
    'subject',
    'departmentOrgUnitId',
    'leadOrgUnitId',
    'involvedOrgUnitIds',
    'author',
    'fileReference',
    'consultations',
    'resolutions',
    'statement',
    'finances',
    'personnel',
    'climateImpact',
    'climateReason',
    'extraSections',
    'cosignatures',
    'attachments',
    'linkedMeasureIds',
  ],
};

/** Every field a comment may refer to. */
export function commentableFields(kind: ReviewItemKind): string[] {
  return Object.keys(FIELD_SCHEMAS[kind]);
}

export function isCommentableField(kind: ReviewItemKind, field: string): boolean {
  return Object.hasOwn(FIELD_SCHEMAS[kind], field);
}

export function isSuggestableField(kind: ReviewItemKind, field: string): boolean {
  return Object.hasOwn(SUGGESTABLE_FIELDS[kind], field);
}

/** Null when `value` is a valid value of the field; otherwise the German reason. */
export function checkFieldValue(kind: ReviewItemKind, field: string, value: unknown): string | null {
  if (!isSuggestableField(kind, field)) return de.review.problems.fieldNotSuggestable;
  const result = FIELD_SCHEMAS[kind][field]!.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? de.validation.invalidField);
}

const measureLabels = de.ui.measure.field as Readonly<Record<string, string>>;
const submissionLabels = de.ui.submissions.editor.field as Readonly<Record<string, unknown>>;

/** "Titel", "Geplantes Ende", "Betreff" …; the field name itself when no label exists. */
export function fieldLabel(kind: ReviewItemKind, field: string): string {
  const label = kind === 'measure' ? measureLabels[field] : submissionLabels[field];
  return typeof label === 'string' ? label : field;
}

/** The reference lists needed to read a measure or a submission. */
export interface ReadingContext {
  actionFields: readonly ActionField[];
  orgUnits: readonly OrgUnit[];
  statuses: readonly StatusDefinition[];
  bodies: readonly Body[];
  /** Number and title of measures an item refers to (links, parents, a submission's measures). */
  measureLabels: readonly { id: string; number: string; title: string }[];
}

function listText(values: readonly string[]): string {
  return values.filter(Boolean).join('; ');
}

/** A field's value as a clerk reads it ("31.12.2025", "in Umsetzung", "Ordnungsamt (FB 32)"); "" when empty. */
export function formatFieldValue(kind: ReviewItemKind, field: string, value: unknown, ctx: ReadingContext): string {
  if (value === null || value === undefined || value === '') return '';
  const unit = (id: unknown) => {
    const u = ctx.orgUnits.find((x) => x.id === id);
    return u ? orgUnitLabel(u) : String(id);
  };
  const measure = (id: unknown) => {
    const m = ctx.measureLabels.find((x) => x.id === id);
    return m ? `${m.number} ${m.title}` : String(id);
  };
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDate(value);
  if (kind === 'measure') {
    switch (field) {
      case 'status':
        return ctx.statuses.find((s) => s.key === value)?.label ?? String(value);
      case 'actionFieldId': {
        const f = ctx.actionFields.find((x) => x.id === value);
        return f ? `${f.code} ${f.name}` : String(value);
      }
      case 'type':
        return de.ui.types[value as Measure['type']] ?? String(value);
      case 'leadOrgUnitId':
        return unit(value);
      case 'involvedOrgUnitIds':
        return listText((value as string[]).map(unit));
      case 'districts':
        return listText((value as string[]).map(districtName));
      case 'linkedMeasureId':
      case 'parentMeasureId':
        return measure(value);
      case 'tags':
        return (value as string[]).join(', ');
      case 'budget':
        return (value as Measure['budget'])
          .map((b) =>
            [
              `${b.year} (${de.ui.fundingSources[b.fundingSource]}${b.budgetPosition ? `, ${b.budgetPosition}` : ''})`,
              b.plannedCents !== null ? `${de.ui.measure.field.planned} ${formatMoney(b.plannedCents)}` : '',
              b.approvedCents !== null ? `${de.ui.measure.field.approved} ${formatMoney(b.approvedCents)}` : '',
              b.spentCents !== null ? `${de.ui.measure.field.spent} ${formatMoney(b.spentCents)}` : '',
            ]
              .filter(Boolean)
              .join(', '),
          )
          .join('\n');
      case 'decisions':
        return (value as Measure['decisions'])
          .map((d) =>
            [d.printNumber ? `DS-Nr. ${d.printNumber}` : '', d.body, formatDate(d.date), de.ui.decisionKinds[d.kind], d.note]
              .filter(Boolean)
              .join(', '),
          )
          .join('\n');
      case 'milestones':
        return (value as Measure['milestones'])
          .map((x) =>
            [
              x.title,
              x.dueDate ? `${de.ui.measure.field.dueDate} ${formatDate(x.dueDate)}` : '',
              x.doneDate ? `${de.ui.measure.field.doneDate} ${formatDate(x.doneDate)}` : de.ui.measure.milestoneOpen,
            ]
              .filter(Boolean)
              .join(', '),
          )
          .join('\n');
      case 'origin': {
        const o = value as Measure['origin'];
        return [de.ui.originKinds[o.kind], o.reference, o.printNumber ? `DS-Nr. ${o.printNumber}` : ''].filter(Boolean).join(' – ');
      }
    }
  } else {
    switch (field) {
      case 'kind':
        return de.submission.kinds[value as Submission['kind']] ?? String(value);
      case 'status':
        return de.submission.statuses[value as Submission['status']] ?? String(value);
      case 'climateImpact':
        return de.submission.climate[value as 'positiv' | 'negativ' | 'keine'] ?? String(value);
      case 'isPublic':
        return value ? de.submission.publicLabel : de.submission.nonPublicLabel;
      case 'departmentOrgUnitId':
      case 'leadOrgUnitId':
        return unit(value);
      case 'involvedOrgUnitIds':
        return listText((value as string[]).map(unit));
      case 'linkedMeasureIds':
        return listText((value as string[]).map(measure));
      case 'statement':
        return richTextReadable(value as Block[]);
      case 'resolutions':
        return (value as Submission['resolutions'])
          .map((r) => {
            const body = r.bodyId ? ctx.bodies.find((b) => b.id === r.bodyId)?.name : null;
            return body ? `${body}: ${r.text}` : r.text;
          })
          .join('\n\n');
      case 'finances': {
        const f = value as Submission['finances'];
        if (!f.hasImpact) return de.submission.financesNone;
        const submissionDocumentFinanceColumnsTexts = de.submission.document.financeColumns;
        const amount = (cents: number | null) => formatMoney(cents) || de.submission.document.empty;
        const rows = f.rows.map(
          (r) =>
            `${r.year}: ${submissionDocumentFinanceColumnsTexts.investive} ${amount(r.investiveCents)}, ${submissionDocumentFinanceColumnsTexts.consumptive} ${amount(r.consumptiveCents)}`,
        );
        return [...rows, f.coverage].filter(Boolean).join('\n');
      }
      case 'extraSections':
        return (value as Submission['extraSections'])
          .map((x) => [x.title, richTextReadable(x.body)].filter(Boolean).join('\n'))
          .join('\n\n');
      case 'cosignatures':
        return (value as Submission['cosignatures'])
          .map((c) =>
            [c.orgUnitId ? unit(c.orgUnitId) : '', c.person, formatDate(c.date), de.submission.votes[c.vote], c.note]
              .filter(Boolean)
              .join(', '),
          )
          .join('\n');
      case 'attachments':
        return (value as Submission['attachments']).map((a) => a.title || a.fileName).join('\n');
      case 'consultations':
        return (value as Submission['consultations'])
          .map((c) =>
            [ctx.bodies.find((b) => b.id === c.bodyId)?.name ?? c.bodyId, formatDate(c.sessionDate), de.submission.roles[c.role]]
              .filter(Boolean)
              .join(', '),
          )
          .join('\n');
    }
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.length === 0) return '';
  return JSON.stringify(value);
}

/** "HF2-07 Videobeobachtung …" or "DS-Nr. 12534-18 „Betreff“". */
export function itemLabel(kind: ReviewItemKind, item: Measure | Submission): string {
  if (kind === 'measure') {
    const m = item as Measure;
    return `${m.number} ${m.title}`;
  }
  const s = item as Submission;
  return de.ui.submissions.label(formatPrintNumber(s), s.subject);
}

/** The value of one field of an item, as JSON. */
export function fieldValue(item: Measure | Submission, field: string): JsonValue {
  return ((item as unknown as Record<string, JsonValue>)[field] ?? null) as JsonValue;
}
