/**
 * The Einladung mit Tagesordnung as a letter after DIN 5008 Form B (letterLayout.ts): letterhead,
 * Rücksendeangabe and Informationsblock from the sender in the settings (with the letter date), the
 * body's members in the Anschriftzone ("An die Mitglieder der Vollversammlung …", shortened rather than
 * overflowing), the subject "Einladung zur 3. Sitzung der …" in bold, salutation, the invitation text,
 * date, time and place, the agenda as a table (split into public and non-public part), the items'
 * Erläuterungen, and then the close: "Mit freundlichen Grüßen", room to sign, the chair's name in natural
 * order with "Vorsitz" (without a chair the clerk signs "Im Auftrag"). Page 2 and later carry only the
 * running header.
 *
 * Pure: the register document in, .docx bytes out.
 */
import type { Paragraph, Table } from 'docx';
import { personNatural } from '@shared/participation/personName';
import { bodyGenitive } from '@shared/participation/participationDocsTexts';
import { EXAMPLE_LETTER_SENDER } from '@shared/settings/letterSender';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import {
  createBaseDocument,
  heading,
  labelLine,
  Lists,
  packDocument,
  plainTextContent,
  sanitize,
  sanitizeLine,
  type DocumentProperties,
} from '@main/export/documentBase';
import { lastSentence, letterClose, letterHead, salutation, shortenAddress, subjectLine } from '@main/export/letterLayout';
import { agenda, dateWithWeekday, localIsoDate, orEmpty, prepare, timeText, type MeetingData, type MeetingDocxInput } from './meetingDocx';

const participationDocsTexts = de.participationDocs;
const m = participationDocsTexts.meeting;
type Block = Paragraph | Table;

function hasOwnSalutation(text: string): boolean {
  return /^\s*(sehr geehrte|liebe|guten tag)/i.test(text);
}

/** Whether the clerk's own invitation text already asks to be told of an absence. */
function asksForAbsence(text: string): boolean {
  return /verhindert|nicht teilnehmen/i.test(text);
}

/**
 * The letter's text between salutation and close. It ends with the request to report an absence, kept
 * with the close, and the line before that (the agenda's last row, or the last line of the last
 * Erläuterung) is kept with it: "Mit freundlichen Grüßen" and the signature never stand alone on a page.
 */
function invitationBody(data: MeetingData, lists: Lists): Block[] {
  const { meeting } = data;
  const f = m.field;
  const own = sanitize(meeting.invitationText).trim() !== '';
  const described = data.items.filter((i) => sanitize(i.description).trim() !== '');
  const out: Block[] = [
    ...(hasOwnSalutation(meeting.invitationText) ? [] : [salutation(m.salutation)]),
    ...(own
      ? plainTextContent(meeting.invitationText, lists)
      : plainTextContent(m.defaultInvitation(data.session, bodyGenitive(data.bodyName)), lists)),
    labelLine(f.date, dateWithWeekday(meeting.date)),
    labelLine(f.time, timeText(meeting)),
    labelLine(f.place, orEmpty(meeting.place)),
    ...agenda(data, described.length === 0),
  ];
  if (described.length > 0) {
    out.push(heading(1, m.notes));
    described.forEach((item, i) => {
      out.push(
        heading(2, item.isPublic ? m.topHeading(item.number, item.title) : `${m.topHeading(item.number, item.title)} ${m.nonPublicItem}`),
      );
      out.push(...plainTextContent(item.description, lists, i === described.length - 1));
    });
  }
  if (!asksForAbsence(meeting.invitationText)) out.push(lastSentence(m.absenceNotice));
  return out;
}

/** The Einladung as .docx bytes (the caller has checked that the meeting exists). */
export async function buildInvitationDocx(input: MeetingDocxInput): Promise<Uint8Array> {
  const sender = input.sender ?? EXAMPLE_LETTER_SENDER;
  const data = prepare(input.doc, input.meetingId, null, 'einladung');
  const lists = new Lists();
  const documentTitle = m.titles.einladung(data.session, data.bodyName);
  const generated = formatDate(localIsoDate(input.generatedAt));
  const chair = sanitizeLine(personNatural(data.meeting.chair));
  const children: Block[] = [
    letterHead({ sender, logo: input.logo, recipient: shortenAddress(m.addressees(bodyGenitive(data.bodyName))), date: generated }),
    subjectLine(documentTitle),
    ...invitationBody(data, lists),
    // The chair invites and signs as chair; without one the clerk signs for the office.
    ...(chair
      ? letterClose({ name: chair, role: m.chairRole, onBehalf: false })
      : letterClose({ name: sender.contactName, onBehalf: true })),
  ];
  const properties: DocumentProperties = {
    title: documentTitle,
    subject: m.subjects.einladung,
    creator: de.appName,
    keywords: [...m.keywords, m.subjects.einladung, data.bodyShort, data.session],
    description: m.description(generated, input.appVersion),
    lastModifiedBy: de.appName,
    created: data.meeting.createdAt,
    modified: input.generatedAt,
  };
  const document = createBaseDocument(
    {
      properties,
      header: {
        left: m.runningHeader(m.subjects.einladung, data.bodyShort, data.session, formatDate(data.meeting.date)),
        right: data.hasNonPublic ? m.nonPublicMark : undefined,
      },
      // Page 1 has no running header (the letterhead stands there): the footer says it on every page.
      footerLeft: data.hasNonPublic ? m.nonPublicMark : undefined,
      firstPageWithoutHeader: true,
      children,
    },
    { page: m.page, of: m.pageOf },
  );
  return packDocument(document, properties);
}
