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
 *    recommendations decided under it, a table of the session's recommendations (and of its council
 *    decisions), signature lines for Vorsitz, Schriftführung and each member named to co-sign. Once
 *    finalised ("Niederschrift abschließen") it prints the record taken then; before, it is an ENTWURF.
 *
 * Pure: the register document in, .docx bytes out. A meeting id that names no meeting (or one in the
 * Papierkorb) is an UnknownMeetingError.
 */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { AgendaItem, Meeting, RecommendationState } from '@shared/participation/participation';
import { addresseeLabel, sessionDecisions, sessionRecommendations } from '@shared/participation/minutesRecord';
import type { RegisterDocument } from '@shared/register/register';
import { personNatural } from '@shared/participation/personName';
import { sessionHeld } from '@shared/participation/participationRules';
import { formatPrintNumber } from '@shared/submissions/submission';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import type { LetterSender } from '@shared/settings/letterSender';
import {
  CONTENT_WIDTH,
  createBaseDocument,
  dataTable,
  heading,
  imageParagraph,
  labelLine,
  Lists,
  packDocument,
  para,
  unbroken,
  plainTextContent,
  sanitize,
  sanitizeLine,
  spacing,
  textRuns,
  title,
  type DocumentImage,
  type DocumentProperties,
} from '@main/export/documentBase';
import { buildInvitationDocx } from './invitationDocx';

export type MeetingDocumentKind = 'einladung' | 'niederschrift';
/** Which part of a Niederschrift: the public part is published, the non-public part is kept apart. */
export type MinutesPart = 'oeffentlich' | 'nichtoeffentlich';

export interface MeetingDocxInput {
  doc: RegisterDocument;
  meetingId: string;
  kind: MeetingDocumentKind;
  /** Niederschrift only: the public part (default) or the non-public part, each its own document. */
  part?: MinutesPart;
  logo?: DocumentImage | null;
  /** Letterhead and Informationsblock of the Einladung (the settings); the example sender when absent. */
  sender?: LetterSender;
  generatedAt: Date;
  appVersion: string;
}

export class UnknownMeetingError extends Error {
  constructor(readonly meetingId: string) {
    super(de.participationDocs.meeting.unknownMeeting(meetingId));
    this.name = 'UnknownMeetingError';
  }
}

/** A document the session's state does not allow (a Niederschrift before the session was held). */
export class MeetingDocumentRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MeetingDocumentRefused';
  }
}

export { sessionHeld };

/** The parts a Niederschrift of this session has: one when all items are public. */
export function minutesParts(meeting: Pick<Meeting, 'agenda'>): MinutesPart[] {
  return meeting.agenda.some((i) => !i.isPublic) ? ['oeffentlich', 'nichtoeffentlich'] : ['oeffentlich'];
}

const participationDocsTexts = de.participationDocs;
const m = participationDocsTexts.meeting;
type Block = Paragraph | Table;

const naturalOrder = new Intl.Collator('de-DE', { numeric: true, sensitivity: 'base' });

export function localIsoDate(date: Date): string {
  const pad = (v: number) => String(v).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "Donnerstag, 12.03.2026". */
export function dateWithWeekday(iso: string): string {
  const weekday = participationDocsTexts.weekdays[new Date(`${iso}T00:00:00Z`).getUTCDay()] ?? '';
  return participationDocsTexts.dateWithWeekday(weekday, formatDate(iso));
}

/** A recommendation as the documents print it: from the register, or as recorded when the Niederschrift was finalised. */
interface PrintedRecommendation {
  id: string;
  number: string;
  agendaItemId: string | null;
  addressee: string;
  title: string;
  text: string;
  state: RecommendationState;
}

/**
 * The meeting and the register data the documents print, looked up once. A Niederschrift of a finalised
 * session reads the record taken then (body name, numbers, recommendations, decisions), never today's
 * register: the minutes stay what they were when they were closed.
 */
export function prepare(doc: RegisterDocument, meetingId: string, onlyPart: MinutesPart | null, kind: MeetingDocumentKind) {
  const meeting = doc.meetings.find((x) => x.id === meetingId && x.deletedAt === null);
  if (!meeting) throw new UnknownMeetingError(meetingId);
  const record = kind === 'niederschrift' ? meeting.minutesRecord : null;
  const bodies = new Map(doc.bodies.map((b) => [b.id, b]));
  const body = bodies.get(meeting.bodyId);
  const submissions = new Map(doc.submissions.filter((s) => !s.deletedAt).map((s) => [s.id, formatPrintNumber(s)]));
  const measures = new Map(doc.measures.filter((x) => !x.deletedAt).map((x) => [x.id, x.number]));
  const submissionNumber = (id: string) => (record ? record.submissionNumbers[id] : submissions.get(id));
  const measureNumber = (id: string) => (record ? record.measureNumbers[id] : measures.get(id));
  const items = [...meeting.agenda]
    .filter((i) => onlyPart === null || i.isPublic === (onlyPart === 'oeffentlich'))
    .sort((a, b) => naturalOrder.compare(a.number, b.number));
  const referenced = new Set(items.flatMap((i) => i.recommendationIds));
  const inPart = (r: PrintedRecommendation) =>
    onlyPart === null ||
    referenced.has(r.id) ||
    (r.agendaItemId !== null && items.some((i) => i.id === r.agendaItemId)) ||
    (r.agendaItemId === null && onlyPart === 'oeffentlich');
  const all: PrintedRecommendation[] =
    record?.recommendations ??
    sessionRecommendations(doc, meeting).map((r) => ({
      id: r.id,
      number: r.number,
      agendaItemId: r.agendaItemId,
      addressee: addresseeLabel(doc, r),
      title: r.title,
      text: r.text,
      state: r.state,
    }));
  const recommendations = all.filter(inPart).sort((a, b) => naturalOrder.compare(a.number, b.number));
  // Council decisions of the session belong to its public record (the non-public part names none).
  const decisions =
    onlyPart === 'nichtoeffentlich'
      ? []
      : (record?.decisions ??
        sessionDecisions(doc, meeting).map((d) => ({
          id: d.id,
          printNumber: d.printNumber,
          subject: d.subject,
          state: d.state,
          stateText: d.stateText,
        })));
  const bodyName = (record ? record.bodyName : body?.name) || m.empty;
  return {
    meeting,
    record,
    bodyName,
    bodyShort: body?.shortName || bodyName,
    city: m.city,
    session: m.sessionLabel(meeting.number),
    items,
    hasNonPublic: items.some((i) => !i.isPublic),
    recommendations,
    decisions,
    submissionNumbers: (ids: readonly string[]) =>
      ids
        .map(submissionNumber)
        .filter((n) => n !== undefined)
        .map((n) => n || m.noNumber)
        .join(', '),
    measureNumbers: (ids: readonly string[]) =>
      ids
        .map(measureNumber)
        .filter((x): x is string => x !== undefined)
        .sort(naturalOrder.compare)
        .join(', '),
    itemOf: (r: PrintedRecommendation) =>
      items.find((i) => i.id === r.agendaItemId) ?? items.find((i) => i.recommendationIds.includes(r.id)) ?? null,
  };
}

export type MeetingData = ReturnType<typeof prepare>;
type Data = MeetingData;

export const orEmpty = (text: string) => (sanitize(text).trim() === '' ? m.empty : text);

function agendaTable(data: Data, items: readonly AgendaItem[], keepWithNext = false): Table {
  const c = m.columns;
  return dataTable(
    [
      { header: c.top, weight: 9 },
      { header: c.subject, weight: 55 },
      { header: c.submissions, weight: 18 },
      { header: c.measures, weight: 18 },
    ],
    items.map((i) => [unbroken(m.top(i.number)), i.title, data.submissionNumbers(i.submissionIds), data.measureNumbers(i.measureIds)]),
    { keepWithNext },
  );
}

/**
 * The agenda as one table, or as two under "Öffentlicher Teil" / "Nichtöffentlicher Teil". With
 * `keepWithNext` its last row stays on the page of what follows (the close of the Einladung).
 */
export function agenda(data: Data, keepWithNext = false): Block[] {
  const out: Block[] = [heading(1, m.agenda)];
  if (data.items.length === 0) return [...out, para(m.noAgenda, undefined, keepWithNext)];
  if (!data.hasNonPublic) return [...out, agendaTable(data, data.items, keepWithNext)];
  const publicItems = data.items.filter((i) => i.isPublic);
  out.push(heading(2, m.publicPart), publicItems.length > 0 ? agendaTable(data, publicItems) : para(m.noAgenda));
  out.push(
    heading(2, m.nonPublicPart),
    agendaTable(
      data,
      data.items.filter((i) => !i.isPublic),
      keepWithNext,
    ),
  );
  return out;
}

export function timeText(meeting: Meeting): string {
  if (meeting.startTime && meeting.endTime) return participationDocsTexts.timeRange(meeting.startTime, meeting.endTime);
  return meeting.startTime ? participationDocsTexts.time(meeting.startTime) : m.empty;
}

/** A paragraph with its own space before (a note after a table, a closing line). */
function spacedPara(text: string, before: number, options: { keepNext?: boolean; alignment?: 'right' } = {}): Paragraph {
  return new Paragraph({
    spacing: spacing(before, 0, 264),
    keepNext: options.keepNext,
    alignment: options.alignment === 'right' ? AlignmentType.RIGHT : undefined,
    children: textRuns([{ text }]),
  });
}

/** Space for a handwritten signature above a signature line (DIN 5008: about three lines). */
const SIGNATURE_ROOM = 3 * 264 + 120;

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
    ...(organisations.length > 0
      ? lists.list(
          'bullet',
          organisations.map((o) => [{ text: o }]),
        )
      : []),
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
    // A lead-in for the recommendation's text: set apart from the result line above, kept with its text.
    out.push(
      new Paragraph({
        keepNext: true,
        spacing: spacing(160, 60),
        children: textRuns([{ text: m.recommendation(r.number, r.addressee, r.title), bold: true }]),
      }),
    );
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
    return [r.number, r.addressee, r.title, item ? unbroken(m.top(item.number)) : m.empty, de.participation.recommendationStates[r.state]];
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

/** One signature: room to sign, a line, the name in natural order and the role below it. */
function signatureCell(name: string, role: string, width: number, signed = true): TableCell {
  const line = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 4 };
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  // The second cell of an odd last row stays empty: no line nobody signs on.
  if (!signed)
    return new TableCell({
      width: { size: width, type: WidthType.DXA },
      borders: { top: none, bottom: none, left: none, right: none },
      children: [new Paragraph({ children: [] })],
    });
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: { top: none, bottom: none, left: none, right: none },
    margins: { top: 0, bottom: 0, left: 0, right: 567 },
    children: [
      new Paragraph({
        spacing: spacing(SIGNATURE_ROOM + 240, 0),
        border: { top: line },
        keepNext: true,
        children: textRuns([{ text: name || m.empty }]),
      }),
      new Paragraph({ spacing: spacing(0, 240), children: textRuns([{ text: role, bold: true }]) }),
    ],
  });
}

/**
 * Signature lines for the chair, the recorder and each member named to co-sign (stored with the session),
 * two per row, each with room to sign above the line. A row never splits, and the heading stays with the
 * first row. Names in natural order from their stored parts ("Dr. Marion Beispiel").
 */
function signatures(meeting: Meeting): Block[] {
  const name = (person: Meeting['chair']) => sanitizeLine(personNatural(person));
  const signers: [string, string][] = [
    [name(meeting.chair), m.chair],
    [name(meeting.recorder), m.recorder],
    ...meeting.coSigners.map((person): [string, string] => [name(person), m.coSigner]),
  ];
  const half = Math.floor(CONTENT_WIDTH / 2);
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const rows: TableRow[] = [];
  for (let i = 0; i < signers.length; i += 2) {
    const pair = signers.slice(i, i + 2);
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          signatureCell(pair[0]![0], pair[0]![1], half),
          pair[1] ? signatureCell(pair[1][0], pair[1][1], CONTENT_WIDTH - half) : signatureCell('', '', CONTENT_WIDTH - half, false),
        ],
      }),
    );
  }
  return [
    heading(1, m.signatures),
    new Table({
      width: { size: CONTENT_WIDTH, type: WidthType.DXA },
      columnWidths: [half, CONTENT_WIDTH - half],
      layout: TableLayoutType.FIXED,
      borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
      rows,
    }),
  ];
}

/** The council decisions of the session (Beschlussverfolgung), with their state as of the record. */
function decisionTable(data: Data): Block[] {
  if (data.decisions.length === 0) return [];
  const c = m.decisionColumns;
  return [
    heading(1, m.decisions),
    dataTable(
      [
        { header: c.printNumber, weight: 16 },
        { header: c.subject, weight: 50 },
        { header: c.state, weight: 34 },
      ],
      data.decisions.map((d) => [
        d.printNumber,
        d.subject,
        [de.participation.decisionStates[d.state], sanitize(d.stateText).trim()].filter((x) => x !== '').join(': '),
      ]),
    ),
  ];
}

/** "Abgeschlossen am 14.11.2025; Stand der Empfehlungen und Beschlüsse zu diesem Tag." – or the draft note. */
function recordNote(data: Data): Block[] {
  const record = data.record;
  // Space before: the note follows a table and must not read as its last row.
  if (!record) return [spacedPara(m.draftNote, 240)];
  return [spacedPara(m.recordNote(formatDate(localIsoDate(new Date(record.finalisedAt)))), 240)];
}

function minutes(data: Data, lists: Lists): Block[] {
  // The record names its part; the non-public part repeats head and attendance so it stands alone.
  const { meeting } = data;
  const f = m.field;
  return [
    labelLine(f.body, data.bodyName),
    labelLine(f.number, data.session),
    labelLine(f.date, dateWithWeekday(meeting.date)),
    labelLine(f.start, meeting.startTime ? participationDocsTexts.time(meeting.startTime) : m.empty),
    labelLine(f.end, meeting.endTime ? participationDocsTexts.time(meeting.endTime) : m.empty),
    labelLine(f.place, orEmpty(meeting.place)),
    ...attendance(data, lists),
    ...proceedings(data, lists),
    ...recommendationTable(data),
    ...decisionTable(data),
    ...recordNote(data),
    ...signatures(meeting),
  ];
}

/**
 * The Einladung or the Niederschrift as .docx bytes. Throws UnknownMeetingError, and MeetingDocumentRefused
 * for a Niederschrift of a session not yet held. A Niederschrift not yet approved ("durchgeführt") is
 * marked ENTWURF on every page; its public and non-public parts are separate documents.
 */
export async function buildMeetingDocx(input: MeetingDocxInput): Promise<Uint8Array> {
  const found = input.doc.meetings.find((x) => x.id === input.meetingId && x.deletedAt === null);
  if (!found) throw new UnknownMeetingError(input.meetingId);
  // The Einladung is a letter (DIN 5008 Form B): its own layout, see invitationDocx.ts.
  if (input.kind === 'einladung') return buildInvitationDocx(input);
  const today = localIsoDate(input.generatedAt);
  if (input.kind === 'niederschrift' && !sessionHeld(found, today))
    throw new MeetingDocumentRefused(m.notHeld(formatDate(found.date), de.participation.meetingStates[found.state]));
  const parts = minutesParts(found);
  const part = input.kind === 'niederschrift' && parts.length > 1 ? (input.part ?? 'oeffentlich') : null;
  if (input.kind === 'niederschrift' && input.part === 'nichtoeffentlich' && parts.length === 1)
    throw new MeetingDocumentRefused(m.noNonPublicPart);
  const data = prepare(input.doc, input.meetingId, part, input.kind);
  const lists = new Lists();
  const baseTitle = m.titles[input.kind](data.session, data.bodyName);
  const documentTitle = part ? m.partTitle(baseTitle, part === 'oeffentlich' ? m.publicPart : m.nonPublicPart) : baseTitle;
  const generated = formatDate(today);
  const logo = input.logo ? imageParagraph(input.logo, 'right') : null;
  const draft = input.kind === 'niederschrift' && found.minutesRecord === null;
  const children: Block[] = [...(logo ? [logo] : []), title(documentTitle), ...minutes(data, lists)];
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
      header: {
        left: m.runningHeader(m.subjects[input.kind], data.bodyShort, data.session, formatDate(data.meeting.date)),
        right:
          [
            ...(draft ? [m.draftMark] : []),
            ...(part === 'nichtoeffentlich' ? [m.nonPublicOnly] : data.hasNonPublic ? [m.nonPublicMark] : []),
          ].join(' · ') || undefined,
      },
      footerLeft: m.generatedOn(generated),
      children,
    },
    { page: m.page, of: m.pageOf },
  );
  return packDocument(document, properties);
}
