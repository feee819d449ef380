import {
  meetingFieldsSchema,
  recommendationFieldsSchema,
  type AgendaItem,
  type BodyMember,
  type Meeting,
  type MeetingFields,
  type PersonName,
  type RecommendationFields,
} from '@shared/participation/participation';
import type { FieldProblem } from '@shared/register/rules';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { readDateEntry } from '../../ui/dateEntry';

/**
 * The session and recommendation forms work on text as typed (German dates, times, counts); this module
 * converts to and from the stored fields, reports every unreadable or contradictory entry at its own field
 * (the same paths the service uses, e.g. `agenda.2.number`), and holds the small agenda operations.
 */
const meetingsTexts = de.meetingsUi;
const participationValidationTexts = de.participation.validation;

export interface MeetingForm {
  bodyId: string;
  number: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  state: MeetingFields['state'];
  chair: PersonName;
  recorder: PersonName;
  coSigners: PersonName[];
  invitationText: string;
  members: string;
  guests: string;
  organisations: string[];
  agenda: AgendaItem[];
}

const countText = (value: number | null) => (value === null ? '' : String(value));

export function toMeetingForm(fields: MeetingFields): MeetingForm {
  return {
    bodyId: fields.bodyId,
    number: fields.number,
    date: formatDate(fields.date),
    startTime: fields.startTime ?? '',
    endTime: fields.endTime ?? '',
    place: fields.place,
    state: fields.state,
    chair: { ...fields.chair },
    recorder: { ...fields.recorder },
    coSigners: fields.coSigners.map((p) => ({ ...p })),
    invitationText: fields.invitationText,
    members: countText(fields.attendance.members),
    guests: countText(fields.attendance.guests),
    organisations: [...fields.attendance.organisations],
    agenda: fields.agenda.map((a) => ({
      ...a,
      measureIds: [...a.measureIds],
      submissionIds: [...a.submissionIds],
      recommendationIds: [...a.recommendationIds],
    })),
  };
}

const trimName = (p: PersonName): PersonName => ({ title: p.title.trim(), given: p.given.trim(), family: p.family.trim() });

/** Collects problems, the first one per field wins. */
function collector() {
  const problems: FieldProblem[] = [];
  const add = (field: string, message: string) => {
    if (!problems.some((p) => p.field === field)) problems.push({ field, message });
  };
  return { problems, add };
}

/** "9:30" → "09:30"; empty → null; anything else stays as typed (the schema names the problem). */
function timeValue(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(trimmed);
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : trimmed;
}

function dateValue(text: string, field: string, add: (field: string, message: string) => void, required: boolean): string | null {
  if (!text.trim()) {
    if (required) add(field, meetingsTexts.dateRequired);
    return null;
  }
  const iso = readDateEntry(text);
  if (!iso) add(field, meetingsTexts.invalidDate);
  return iso;
}

function countValue(text: string, field: string, add: (field: string, message: string) => void): number | null {
  const trimmed = text.trim().replace(/\./g, '');
  if (!trimmed) return null;
  if (!/^\d{1,9}$/.test(trimmed)) {
    add(field, meetingsTexts.invalidCount);
    return null;
  }
  return Number(trimmed);
}

export function fromMeetingForm(form: MeetingForm): { fields: MeetingFields; problems: FieldProblem[] } {
  const { problems, add } = collector();
  const date = dateValue(form.date, 'date', add, true);
  const fields: MeetingFields = {
    bodyId: form.bodyId,
    number: form.number.trim(),
    date: date ?? '',
    startTime: timeValue(form.startTime),
    endTime: timeValue(form.endTime),
    place: form.place,
    state: form.state,
    chair: trimName(form.chair),
    recorder: trimName(form.recorder),
    coSigners: form.coSigners.map(trimName),
    invitationText: form.invitationText,
    attendance: {
      members: countValue(form.members, 'attendance.members', add),
      guests: countValue(form.guests, 'attendance.guests', add),
      organisations: form.organisations.map((o) => o.trim()),
    },
    agenda: form.agenda.map((a) => ({ ...a, number: a.number.trim(), title: a.title.trim() })),
  };
  // The rules the service checks too, so the clerk sees them at once (the service stays the authority).
  if (
    fields.startTime &&
    fields.endTime &&
    /^\d\d:\d\d$/.test(fields.startTime) &&
    /^\d\d:\d\d$/.test(fields.endTime) &&
    fields.endTime < fields.startTime
  )
    add('endTime', participationValidationTexts.endBeforeStart);
  fields.coSigners.forEach((person, i) => {
    if (!person.title && !person.given && !person.family) add(`coSigners.${i}.family`, participationValidationTexts.coSignerNameRequired);
  });
  const orgs = new Set<string>();
  fields.attendance.organisations.forEach((o, i) => {
    const key = o.toLowerCase();
    if (key && orgs.has(key)) add(`attendance.organisations.${i}`, participationValidationTexts.duplicateOrganisation);
    orgs.add(key);
  });
  const numbers = new Set<string>();
  fields.agenda.forEach((item, i) => {
    if (item.number && numbers.has(item.number)) add(`agenda.${i}.number`, participationValidationTexts.duplicateAgendaNumber(item.number));
    numbers.add(item.number);
  });
  const result = meetingFieldsSchema.safeParse(fields);
  if (!result.success) for (const issue of result.error.issues) add(issue.path.join('.') || 'number', issue.message);
  return { fields, problems };
}

/** DOM id of a session form field; the problem list links to it. */
export function meetingFieldId(field: string): string {
  return `mt-${field.replace(/\./g, '-')}`;
}

/** "agenda.2.number" → "TOP 3: Nummer"; plain fields by their label. */
export function meetingFieldLabel(field: string, form: MeetingForm | null): string {
  const parts = field.split('.');
  const [head, index, tail] = parts;
  if (head === 'agenda' && index !== undefined) {
    const item = form?.agenda[Number(index)];
    const top = meetingsTexts.agenda.label(item?.number || String(Number(index) + 1));
    const labels = meetingsTexts.agenda.field as Record<string, string>;
    return tail ? `${top}: ${labels[tail] ?? tail}` : top;
  }
  if (head === 'chair' || head === 'recorder' || head === 'coSigners') {
    const signers = meetingsTexts.editor.signers;
    const person = head === 'coSigners' ? signers.coSigner(Number(index) + 1) : meetingsTexts.editor.field[head];
    const part = head === 'coSigners' ? tail : index;
    const partLabel = part === 'title' || part === 'given' || part === 'family' ? signers[part] : undefined;
    return partLabel ? `${person}: ${partLabel}` : person;
  }
  if (head === 'attendance') {
    if (index === 'members') return meetingsTexts.attendance.members;
    if (index === 'guests') return meetingsTexts.attendance.guests;
    if (index === 'organisations')
      return tail !== undefined ? meetingsTexts.attendance.organisationLabel(Number(tail) + 1) : meetingsTexts.attendance.organisations;
  }
  const labels = meetingsTexts.editor.field as Record<string, string>;
  return labels[head!] ?? field;
}

/** "5" after "1"…"4" (sub-items like "4.1" count as 4). */
export function nextAgendaNumber(items: readonly AgendaItem[]): string {
  let highest = 0;
  for (const item of items) {
    const main = Number(item.number.split('.')[0]);
    if (Number.isInteger(main) && main > highest) highest = main;
  }
  return String(highest + 1);
}

/** Numbers in list order: main items 1, 2, 3 …; an item numbered like "x.y" stays a sub-item of the one before it. */
export function renumberAgenda(items: readonly AgendaItem[]): AgendaItem[] {
  let main = 0;
  let sub = 0;
  return items.map((item) => {
    if (item.number.includes('.') && main > 0) {
      sub++;
      return { ...item, number: `${main}.${sub}` };
    }
    main++;
    sub = 0;
    return { ...item, number: String(main) };
  });
}

export function moveItem<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

export function emptyAgendaItem(id: string, number: string): AgendaItem {
  return {
    id,
    number,
    title: '',
    kind: 'sache',
    isPublic: true,
    description: '',
    measureIds: [],
    submissionIds: [],
    recommendationIds: [],
    minutes: '',
    result: '',
  };
}

/** "4. Sitzung" after the body's "3. Sitzung" (other numbering schemes are left to the clerk). */
export function suggestMeetingNumber(meetings: readonly Meeting[], bodyId: string): string {
  let highest = 0;
  for (const m of meetings) {
    if (m.bodyId !== bodyId || m.deletedAt) continue;
    const match = /^(\d+)\.\s*Sitzung/i.exec(m.number.trim());
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `${highest + 1}. Sitzung`;
}

/** "E-2026-04" after "E-2026-03" (the year of the recommendation; gaps are not reused). */
export function suggestRecommendationNumber(year: number, existing: readonly string[]): string {
  const prefix = `E-${year}-`;
  let highest = 0;
  for (const number of existing) {
    if (!number.startsWith(prefix)) continue;
    const value = Number(number.slice(prefix.length));
    if (Number.isInteger(value) && value > highest) highest = value;
  }
  return `${prefix}${String(highest + 1).padStart(2, '0')}`;
}

export type MemberState = 'current' | 'former' | 'future';

/** A member whose term ended before `today` is former; one whose term has not begun yet is future. */
export function memberState(member: Pick<BodyMember, 'termStart' | 'termEnd'>, today: string): MemberState {
  if (member.termEnd && member.termEnd < today) return 'former';
  if (member.termStart && member.termStart > today) return 'future';
  return 'current';
}

/** The sending organisations of the members serving on `date` (no names), each once, in list order. */
export function memberOrganisations(members: readonly BodyMember[], date: string | null): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const m of members) {
    if (date && ((m.termEnd && m.termEnd < date) || (m.termStart && m.termStart > date))) continue;
    const name = m.organisation.trim();
    const key = name.toLowerCase();
    if (!name || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

export interface RecommendationForm {
  number: string;
  bodyId: string;
  meetingId: string;
  agendaItemId: string;
  date: string;
  addressee: RecommendationFields['addressee'];
  addresseeBodyId: string;
  title: string;
  text: string;
  state: RecommendationFields['state'];
  handling: string;
  submissionId: string;
  measureIds: string[];
}

export function toRecommendationForm(fields: RecommendationFields): RecommendationForm {
  return {
    number: fields.number,
    bodyId: fields.bodyId,
    meetingId: fields.meetingId ?? '',
    agendaItemId: fields.agendaItemId ?? '',
    date: formatDate(fields.date),
    addressee: fields.addressee,
    addresseeBodyId: fields.addresseeBodyId ?? '',
    title: fields.title,
    text: fields.text,
    state: fields.state,
    handling: fields.handling,
    submissionId: fields.submissionId ?? '',
    measureIds: [...fields.measureIds],
  };
}

/** A new recommendation: the next number of the date's year, the given body (and session, TOP), state "offen". */
export function newRecommendationForm(
  prefill: { bodyId: string; meetingId?: string; agendaItemId?: string; date: string },
  existingNumbers: readonly string[],
): RecommendationForm {
  return {
    number: suggestRecommendationNumber(Number(prefill.date.slice(0, 4)), existingNumbers),
    bodyId: prefill.bodyId,
    meetingId: prefill.meetingId ?? '',
    agendaItemId: prefill.agendaItemId ?? '',
    date: formatDate(prefill.date),
    addressee: 'rat',
    addresseeBodyId: '',
    title: '',
    text: '',
    state: 'offen',
    handling: '',
    submissionId: '',
    measureIds: [],
  };
}

export function fromRecommendationForm(form: RecommendationForm): { fields: RecommendationFields; problems: FieldProblem[] } {
  const { problems, add } = collector();
  const date = dateValue(form.date, 'date', add, true);
  const fields: RecommendationFields = {
    number: form.number.trim(),
    bodyId: form.bodyId,
    meetingId: form.meetingId || null,
    agendaItemId: form.meetingId && form.agendaItemId ? form.agendaItemId : null,
    date: date ?? '',
    addressee: form.addressee,
    addresseeBodyId: form.addressee === 'ausschuss' && form.addresseeBodyId ? form.addresseeBodyId : null,
    title: form.title.trim(),
    text: form.text,
    state: form.state,
    handling: form.handling,
    submissionId: form.submissionId || null,
    measureIds: form.measureIds,
  };
  const result = recommendationFieldsSchema.safeParse(fields);
  if (!result.success) for (const issue of result.error.issues) add(issue.path.join('.') || 'number', issue.message);
  return { fields, problems };
}

export function recommendationFieldId(prefix: string, field: string): string {
  return `${prefix}-${field.replace(/\./g, '-')}`;
}

export function recommendationFieldLabel(field: string): string {
  const labels = meetingsTexts.recommendationForm.field as Record<string, string>;
  return labels[field.split('.')[0]!] ?? field;
}
