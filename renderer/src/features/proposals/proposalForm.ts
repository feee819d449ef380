import type { z } from 'zod';
import { type DistrictCode } from '@shared/register/districts';
import {
  contactFieldsSchema,
  labFieldsSchema,
  proposalFieldsSchema,
  type ContactFields,
  type LabFields,
  type Proposal,
  type ProposalFields,
} from '@shared/participation/labs';
import { emptyMeasureFields, type MeasureFields } from '@shared/register/measure';
import type { FieldProblem } from '@shared/register/rules';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { readDateEntry } from '../../ui/dateEntry';

/**
 * The forms of Quartierslabor, Anregung and feedback contact work on text as typed (German dates, counts);
 * this module converts between that and the stored fields and reports each problem at its own field.
 */
const proposalsTexts = de.proposalsUi;

/** Today as `YYYY-MM-DD` in local time (the clerk's calendar day). */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The first `max` characters on one line, cut at a word and marked with "…". */
export function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()} …`;
}

/** The first sentence of a text (at most `max` characters), the title suggested for a measure. */
export function firstSentence(text: string, max = 200): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/[.!?](\s|$)/);
  const sentence = end >= 0 ? flat.slice(0, end + 1) : flat;
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** Zod issues as field problems ("sessions.0.attendingCount"), without the ones already reported. */
export function schemaProblems(result: z.ZodSafeParseResult<unknown>, known: readonly FieldProblem[]): FieldProblem[] {
  if (result.success) return [...known];
  const all = [...known, ...result.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }))];
  return all.filter((p, i) => all.findIndex((q) => q.field === p.field) === i);
}

/** Problems the service reported, at the form's field names. */
export function serverProblems(fields: readonly FieldProblem[]): FieldProblem[] {
  return fields.map((p) => ({ field: p.field.replace(/^fields\./, ''), message: p.message }));
}

function readDate(text: string, field: string, problems: FieldProblem[], required: boolean): string | null {
  if (text.trim() === '') {
    if (required) problems.push({ field, message: proposalsTexts.invalidDate });
    return null;
  }
  const iso = readDateEntry(text);
  if (!iso) problems.push({ field, message: proposalsTexts.invalidDate });
  return iso;
}

function readCount(text: string, field: string, problems: FieldProblem[]): number | null {
  const trimmed = text.trim().replace(/\./g, '');
  if (trimmed === '') return null;
  if (!/^\d{1,9}$/.test(trimmed)) {
    problems.push({ field, message: proposalsTexts.invalidCount });
    return null;
  }
  return Number(trimmed);
}

// ---------------------------------------------------------------- Quartierslabor

export interface SessionText {
  id: string;
  date: string;
  place: string;
  invited: string;
  attending: string;
  note: string;
}

export interface LabForm {
  name: string;
  district: string;
  quarter: string;
  format: string;
  topics: string[];
  description: string;
  sessions: SessionText[];
}

export function emptyLabForm(): LabForm {
  return { name: '', district: '', quarter: '', format: '', topics: [], description: '', sessions: [] };
}

export function toLabForm(lab: LabFields): LabForm {
  return {
    name: lab.name,
    district: lab.district,
    quarter: lab.quarter,
    format: lab.format,
    topics: [...lab.topics],
    description: lab.description,
    sessions: lab.sessions.map((s) => ({
      id: s.id,
      date: formatDate(s.date),
      place: s.place,
      invited: s.invitedCount === null ? '' : String(s.invitedCount),
      attending: s.attendingCount === null ? '' : String(s.attendingCount),
      note: s.note,
    })),
  };
}

export function newSession(): SessionText {
  return { id: crypto.randomUUID(), date: '', place: '', invited: '', attending: '', note: '' };
}

export function fromLabForm(form: LabForm): { fields: LabFields; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  if (!form.district) problems.push({ field: 'district', message: proposalsTexts.lab.districtRequired });
  const fields: LabFields = {
    name: form.name,
    district: form.district as DistrictCode,
    quarter: form.quarter,
    format: form.format,
    topics: form.topics,
    description: form.description,
    sessions: form.sessions.map((s, i) => {
      const invitedCount = readCount(s.invited, `sessions.${i}.invitedCount`, problems);
      const attendingCount = readCount(s.attending, `sessions.${i}.attendingCount`, problems);
      if (invitedCount !== null && attendingCount !== null && attendingCount > invitedCount)
        problems.push({ field: `sessions.${i}.attendingCount`, message: de.participation.validation.attendingAboveInvited });
      return {
        id: s.id,
        date: readDate(s.date, `sessions.${i}.date`, problems, true) ?? '',
        place: s.place,
        invitedCount,
        attendingCount,
        note: s.note,
      };
    }),
  };
  return { fields, problems: schemaProblems(labFieldsSchema.safeParse(fields), problems) };
}

// ---------------------------------------------------------------- Anregung

export type ProposalForm = Omit<
  ProposalFields,
  'labId' | 'meetingId' | 'district' | 'assignedOrgUnitId' | 'measureId' | 'receivedOn' | 'feedbackOn'
> & {
  labId: string;
  meetingId: string;
  district: string;
  assignedOrgUnitId: string;
  measureId: string;
  receivedOn: string;
  feedbackOn: string;
};

export function toProposalForm(p: ProposalFields): ProposalForm {
  return {
    number: p.number,
    source: p.source,
    labId: p.labId ?? '',
    meetingId: p.meetingId ?? '',
    receivedOn: formatDate(p.receivedOn),
    text: p.text,
    category: p.category,
    district: p.district ?? '',
    area: p.area,
    assignedOrgUnitId: p.assignedOrgUnitId ?? '',
    state: p.state,
    stateReason: p.stateReason,
    measureId: p.measureId ?? '',
    feedbackText: p.feedbackText,
    feedbackOn: formatDate(p.feedbackOn),
  };
}

export function newProposalFields(number: string, preset: Partial<ProposalFields>): ProposalFields {
  return {
    number,
    source: 'quartierslabor',
    labId: null,
    meetingId: null,
    receivedOn: todayIso(),
    text: '',
    category: '',
    district: null,
    area: '',
    assignedOrgUnitId: null,
    state: 'eingegangen',
    stateReason: '',
    measureId: null,
    feedbackText: '',
    feedbackOn: null,
    ...preset,
  };
}

export function fromProposalForm(form: ProposalForm): { fields: ProposalFields; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const fields: ProposalFields = {
    ...form,
    labId: form.labId || null,
    meetingId: form.meetingId || null,
    district: (form.district || null) as DistrictCode | null,
    assignedOrgUnitId: form.assignedOrgUnitId || null,
    // A measure link belongs to "übernommen in Maßnahme" only.
    measureId: form.state === 'uebernommen' ? form.measureId || null : null,
    receivedOn: readDate(form.receivedOn, 'receivedOn', problems, true) ?? '',
    feedbackOn: readDate(form.feedbackOn, 'feedbackOn', problems, false),
  };
  return { fields, problems: schemaProblems(proposalFieldsSchema.safeParse(fields), problems) };
}

// ---------------------------------------------------------------- Kontakt für Rückmeldung

export interface ContactForm {
  name: string;
  channel: ContactFields['channel'];
  value: string;
  consentGiven: boolean;
  consentOn: string;
  consentNote: string;
}

export function toContactForm(c: ContactFields | null): ContactForm {
  if (!c) return { name: '', channel: 'email', value: '', consentGiven: false, consentOn: formatDate(todayIso()), consentNote: '' };
  return {
    name: c.name,
    channel: c.channel,
    value: c.value,
    consentGiven: c.consentGiven,
    consentOn: formatDate(c.consentOn),
    consentNote: c.consentNote,
  };
}

export function fromContactForm(form: ContactForm): { fields: ContactFields; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const fields = { ...form, consentOn: readDate(form.consentOn, 'consentOn', problems, true) ?? '' } as unknown as ContactFields;
  return { fields, problems: schemaProblems(contactFieldsSchema.safeParse(fields), problems) };
}

// ---------------------------------------------------------------- Maßnahme aus Anregung

/** The origin kind of a measure that came from an Anregung of this source. */
export function originKindOf(source: ProposalFields['source']): MeasureFields['origin']['kind'] {
  return source === 'quartierslabor' ? 'quartierslabor' : source === 'vollversammlung' ? 'vollversammlung' : 'sonstige';
}

/** A complete measure pre-filled from the Anregung; the clerk still picks Handlungsfeld, number, title … */
export function measureFromProposal(p: Proposal, actionFieldId: string, number: string, status: string): MeasureFields {
  return {
    ...emptyMeasureFields(actionFieldId, number),
    title: firstSentence(p.text),
    description: p.text,
    status,
    districts: p.district ? [p.district] : [],
    quarter: p.area.slice(0, 120),
    leadOrgUnitId: p.assignedOrgUnitId,
    origin: { kind: originKindOf(p.source), reference: proposalsTexts.createMeasure.originReference(p.number), printNumber: null },
  };
}
