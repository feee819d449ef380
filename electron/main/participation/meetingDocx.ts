/**
 * The two Word documents of a session (Sitzung), on the shared document base (documentBase.ts: A4,
 * DIN 5008 margins, de-DE, headings only through the heading styles, repeating table header rows,
 * "Seite X von Y", title and subject in the properties, the city logo like the submissions):
 *
 *  Einladung mit Tagesordnung – title "Einladung zur 3. Sitzung der Vollversammlung …", head lines (body,
 *    session, weekday and date, time, place), the invitation text, the agenda as a table (TOP,
 *    Gegenstand, Vorlage, Maßnahmen; split into "Öffentlicher Teil" / "Nichtöffentlicher Teil" when there
 *    are non-public items), then the items' descriptions.
 *  Niederschrift – head lines (body, session, date, Beginn/Ende, place), Anwesenheit as counts and
 *    attending organisations (never persons), per TOP a heading "TOP 5 …" with minutes, result and the
 *    recommendations decided under it, a table of the session's recommendations, signature lines for
 *    Vorsitz and Schriftführung (public-role data).
 *
 * Pure: the register document in, .docx bytes out. A meeting id that names no meeting (or one in the
 * Papierkorb) is an UnknownMeetingError.
 */
import type { Paragraph, Table } from 'docx';
import type { AgendaItem, Meeting, RecommendationRecord } from '@shared/participation/participation';
import type { RegisterDocument } from '@shared/register/register';
import { formatPrintNumber } from '@shared/submissions/submission';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import {
  createBaseDocument,
  dataTable,
  heading,
  imageParagraph,
  labelLine,
  Lists,
  packDocument,
  para,
  plainTextContent,
  richPara,
  sanitize,
  title,
  type DocumentImage,
  type DocumentProperties,
} from '@main/export/documentBase';

export type MeetingDocumentKind = 'einladung' | 'niederschrift';

export interface MeetingDocxInput {
  doc: RegisterDocument;
  meetingId: string;
  kind: MeetingDocumentKind;
  logo?: DocumentImage | null;
  generatedAt: Date;
  appVersion: string;
}

export class UnknownMeetingError extends Error {
  constructor(readonly meetingId: string) {
    super(de.participationDocs.meeting.unknownMeeting(meetingId));
    this.name = 'UnknownMeetingError';
  }
}

const t = de.participationDocs;
const m = t.meeting;
type Block = Paragraph | Table;

const naturalOrder = new Intl.Collator('de-DE', { numeric: true, sensitivity: 'base' });

function localIsoDate(date: Date): string {
  const pad = (v: number) => String(v).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "Donnerstag, 12.03.2026". */
export function dateWithWeekday(iso: string): string {
  const weekday = t.weekdays[new Date(`${iso}T00:00:00Z`).getUTCDay()] ?? '';
  return t.dateWithWeekday(weekday, formatDate(iso));
}

/** The meeting and the register data the documents print, looked up once. */
function prepare(doc: RegisterDocument, meetingId: string) {
  const meeting = doc.meetings.find((x) => x.id === meetingId && x.deletedAt === null);
  if (!meeting) throw new UnknownMeetingError(meetingId);
  const bodies = new Map(doc.bodies.map((b) => [b.id, b]));
  const body = bodies.get(meeting.bodyId);
  const submissions = new Map(doc.submissions.filter((s) => !s.deletedAt).map((s) => [s.id, s]));
  const measures = new Map(doc.measures.filter((x) => !x.deletedAt).map((x) => [x.id, x.number]));
  const items = [...meeting.agenda].sort((a, b) => naturalOrder.compare(a.number, b.number));
  const referenced = new Set(items.flatMap((i) => i.recommendationIds));
  const recommendations = doc.recommendations
    .filter((r) => r.deletedAt === null && (r.meetingId === meeting.id || referenced.has(r.id)))
    .sort((a, b) => naturalOrder.compare(a.number, b.number));
  return {
    meeting,
    bodyName: body?.name ?? m.empty,
    bodyShort: body?.shortName || body?.name || m.empty,
    session: m.sessionLabel(meeting.number),
    items,
    hasNonPublic: items.some((i) => !i.isPublic),
    recommendations,
    submissionNumbers: (ids: readonly string[]) =>
      ids
        .map((id) => submissions.get(id))
        .filter((s) => s !== undefined)
        .map((s) => formatPrintNumber(s) || m.noNumber)
        .join(', '),
    measureNumbers: (ids: readonly string[]) =>
      ids
        .map((id) => measures.get(id))
        .filter((x): x is string => x !== undefined)
        .sort(naturalOrder.compare)
        .join(', '),
    addressee: (r: RecommendationRecord) => (r.addresseeBodyId && bodies.get(r.addresseeBodyId)?.name) || de.participation.addressees[r.addressee],
    itemOf: (r: RecommendationRecord) => items.find((i) => i.id === r.agendaItemId) ?? items.find((i) => i.recommendationIds.includes(r.id)) ?? null,
  };
}

type Data = ReturnType<typeof prepare>;

const orEmpty = (text: string) => (sanitize(text).trim() === '' ? m.empty : text);

function agendaTable(data: Data, items: readonly AgendaItem[]): Table {
  const c = m.columns;
  return dataTable(
    [
      { header: c.top, weight: 9 },
      { header: c.subject, weight: 55 },
      { header: c.submissions, weight: 18 },
      { header: c.measures, weight: 18 },
    ],
    items.map((i) => [m.top(i.number), i.title, data.submissionNumbers(i.submissionIds), data.measureNumbers(i.measureIds)]),
  );
}

/** The agenda as one table, or as two under "Öffentlicher Teil" / "Nichtöffentlicher Teil". */
function agenda(data: Data): Block[] {
  const out: Block[] = [heading(1, m.agenda)];
  if (data.items.length === 0) return [...out, para(m.noAgenda)];
  if (!data.hasNonPublic) return [...out, agendaTable(data, data.items)];
  const publicItems = data.items.filter((i) => i.isPublic);
  out.push(heading(2, m.publicPart), publicItems.length > 0 ? agendaTable(data, publicItems) : para(m.noAgenda));
  out.push(heading(2, m.nonPublicPart), agendaTable(data, data.items.filter((i) => !i.isPublic)));
  return out;
}

function timeText(meeting: Meeting): string {
  if (meeting.startTime && meeting.endTime) return t.timeRange(meeting.startTime, meeting.endTime);
  return meeting.startTime ? t.time(meeting.startTime) : m.empty;
}

function invitation(data: Data, lists: Lists): Block[] {
  const { meeting } = data;
  const f = m.field;
  const out: Block[] = [
    labelLine(f.body, data.bodyName),
    labelLine(f.number, data.session),
    labelLine(f.date, dateWithWeekday(meeting.date)),
    labelLine(f.time, timeText(meeting)),
    labelLine(f.place, orEmpty(meeting.place)),
    // A letter: salutation (unless the clerk's text brings its own), text, agenda, greeting and the chair.
    ...(hasOwnSalutation(meeting.invitationText) ? [] : [para(m.salutation)]),
    ...plainTextContent(meeting.invitationText, lists),
    ...agenda(data),
    para(m.closing),
    ...(sanitize(meeting.chair).trim() ? [para(sanitize(meeting.chair).trim()), para(m.chairRole)] : []),
  ];
  const described = data.items.filter((i) => sanitize(i.description).trim() !== '');
  if (described.length > 0) {
    out.push(heading(1, m.notes));
    for (const item of described) {
      out.push(heading(2, item.isPublic ? m.topHeading(item.number, item.title) : `${m.topHeading(item.number, item.title)} ${m.nonPublicItem}`));
      out.push(...plainTextContent(item.description, lists));
    }
  }
  return out;
}

function hasOwnSalutation(text: string): boolean {
  return /^\s*(sehr geehrte|liebe|guten tag)/i.test(text);
}

function attendance(data: Data, lists: Lists): Block[] {
  const a = data.meeting.attendance;
  const f = m.field;
  const countText = (value: number | null) => (value === null ? m.empty : value.toLocaleString('de-DE'));
  const organisations = a.organisations.filter((o) => o.trim() !== '');
  return [
    heading(1, m.attendance),
    labelLine(f.members, countText(a.members)),
    labelLine(f.guests, countText(a.guests)),
    labelLine(f.organisations, organisations.length > 0 ? '' : m.noOrganisations),
    ...(organisations.length > 0 ? lists.list('bullet', organisations.map((o) => [{ text: o }])) : []),
  ];
}

/** Result: one line beside its label, a longer text as paragraphs after it. */
function resultBlock(text: string, lists: Lists): Block[] {
  const lines = sanitize(text)
    .split('\n')
    .filter((l) => l.trim() !== '');
  if (lines.length <= 1) return [labelLine(m.field.result, lines[0] ?? m.empty)];
  return [labelLine(m.field.result, ''), ...plainTextContent(text, lists)];
}

function itemMinutes(data: Data, item: AgendaItem, level: 2 | 3, lists: Lists): Block[] {
  const out: Block[] = [heading(level, m.topHeading(item.number, item.title))];
  const submissions = data.submissionNumbers(item.submissionIds);
  const measures = data.measureNumbers(item.measureIds);
  if (submissions) out.push(labelLine(m.field.submissions, submissions));
  if (measures) out.push(labelLine(m.field.measures, measures));
  const minutes = plainTextContent(item.minutes, lists);
  // "Keine Aufzeichnung." only where neither minutes nor a result say anything.
  if (minutes.length > 0) out.push(...minutes);
  else if (sanitize(item.result).trim() === '') out.push(para(m.noMinutes));
  out.push(...resultBlock(item.result, lists));
  for (const r of data.recommendations.filter((x) => data.itemOf(x)?.id === item.id)) {
    out.push(richPara([{ text: m.recommendation(r.number, data.addressee(r), r.title), bold: true }]));
    out.push(...plainTextContent(r.text, lists));
  }
  return out;
}

function proceedings(data: Data, lists: Lists): Block[] {
  const out: Block[] = [heading(1, m.proceedings)];
  if (data.items.length === 0) return [...out, para(m.noAgenda)];
  if (!data.hasNonPublic) return [...out, ...data.items.flatMap((i) => itemMinutes(data, i, 2, lists))];
  for (const [title, items] of [
    [m.publicPart, data.items.filter((i) => i.isPublic)],
    [m.nonPublicPart, data.items.filter((i) => !i.isPublic)],
  ] as const) {
    out.push(heading(2, title));
    out.push(...(items.length > 0 ? items.flatMap((i) => itemMinutes(data, i, 3, lists)) : [para(m.noAgenda)]));
  }
  return out;
}

function recommendationTable(data: Data): Block[] {
  const c = m.recommendationColumns;
  const out: Block[] = [heading(1, m.recommendations)];
  if (data.recommendations.length === 0) return [...out, para(m.noRecommendations)];
  const rows = data.recommendations.map((r) => {
    const item = data.itemOf(r);
    return [r.number, data.addressee(r), r.title, item ? m.top(item.number) : m.empty, de.participation.recommendationStates[r.state]];
  });
  return [
    ...out,
    dataTable(
      [
        { header: c.number, weight: 14 },
        { header: c.addressee, weight: 22 },
        { header: c.title, weight: 38 },
        { header: c.top, weight: 10 },
        { header: c.state, weight: 16 },
      ],
      rows,
    ),
  ];
}

function signatures(meeting: Meeting): Block[] {
  return [
    heading(1, m.signatures),
    dataTable(
      [
        { header: m.chair, weight: 50 },
        { header: m.recorder, weight: 50 },
      ],
      [
        [[{ text: m.chair, bold: true }], [{ text: m.recorder, bold: true }]],
        [orEmpty(meeting.chair), orEmpty(meeting.recorder)],
        [m.signatureLine, m.signatureLine],
      ],
      { header: false },
    ),
  ];
}

function minutes(data: Data, lists: Lists): Block[] {
  const { meeting } = data;
  const f = m.field;
  return [
    labelLine(f.body, data.bodyName),
    labelLine(f.number, data.session),
    labelLine(f.date, dateWithWeekday(meeting.date)),
    labelLine(f.start, meeting.startTime ? t.time(meeting.startTime) : m.empty),
    labelLine(f.end, meeting.endTime ? t.time(meeting.endTime) : m.empty),
    labelLine(f.place, orEmpty(meeting.place)),
    ...attendance(data, lists),
    ...proceedings(data, lists),
    ...recommendationTable(data),
    ...signatures(meeting),
  ];
}

/** The Einladung or the Niederschrift as .docx bytes. Throws UnknownMeetingError. */
export async function buildMeetingDocx(input: MeetingDocxInput): Promise<Uint8Array> {
  const data = prepare(input.doc, input.meetingId);
  const lists = new Lists();
  const documentTitle = m.titles[input.kind](data.session, data.bodyName);
  const generated = formatDate(localIsoDate(input.generatedAt));
  const logo = input.logo ? imageParagraph(input.logo, 'right') : null;
  const children: Block[] = [
    ...(logo ? [logo] : []),
    title(documentTitle),
    ...(input.kind === 'einladung' ? invitation(data, lists) : minutes(data, lists)),
  ];
  const properties: DocumentProperties = {
    title: documentTitle,
    subject: m.subjects[input.kind],
    creator: de.appName,
    keywords: [...m.keywords, m.subjects[input.kind], data.bodyShort, data.session],
    description: m.description(generated, input.appVersion),
    lastModifiedBy: de.appName,
    created: data.meeting.createdAt,
    modified: input.generatedAt,
  };
  const document = createBaseDocument(
    {
      properties,
      header: { left: m.runningHeader(m.subjects[input.kind], data.bodyShort, data.session, formatDate(data.meeting.date)), right: data.hasNonPublic ? m.nonPublicMark : undefined },
      footerLeft: m.generatedOn(generated),
      children,
    },
    { page: m.page, of: m.pageOf },
  );
  return packDocument(document, properties);
}
