/**
 * The Rückmeldung to a citizen as a letter after DIN 5008 Form B (letterLayout.ts on the shared document
 * base): letterhead and Rücksendeangabe from the sender in the settings · the recipient in the
 * Anschriftzone of the window envelope (the contact's name; for "post" also the postal address, the name
 * printed once when the address already holds it; more than six lines are refused) · the Informationsblock
 * (Ansprechpartner/in, Telefon, E-Mail, Ihre Nachricht vom, Zeichen, Datum) · subject "Ihre Anregung
 * A-2026-002 vom 07.03.2026 im Quartierslabor …" in bold · "Guten Tag <Name>," (no gender guessed) · the
 * Anregung quoted as written (a long one cut at a word) · what became of it · the feedback text · "Mit
 * freundlichen Grüßen", "Im Auftrag", room to sign, the clerk's name. Page 2 and later: running header only.
 *
 * The person's name appears only in the letter's text: never in the running header, the footer or the
 * document properties (title "Rückmeldung zur Anregung A-2026-002").
 *
 * Pure: the register document and the contact in, .docx bytes out. Refusals are FeedbackLetterErrors
 * with a German message: unknown Anregung, in the Papierkorb, anonymised, no contact, no feedback text,
 * an address too long for the window.
 */
import { Paragraph, type Table } from 'docx';
import type { FeedbackContact, Proposal } from '@shared/participation/labs';
import type { RegisterDocument } from '@shared/register/register';
import { localDay } from '@shared/core/calendar';
import { orgUnitLabel } from '@shared/register/orgUnit';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { EXAMPLE_LETTER_SENDER, type LetterSender } from '@shared/settings/letterSender';
import {
  createBaseDocument,
  Lists,
  packDocument,
  para,
  plainTextContent,
  sanitize,
  sanitizeLine,
  textRuns,
  type DocumentImage,
  type DocumentProperties,
} from '@main/export/documentBase';
import {
  fitAddress,
  LetterAddressError,
  letterClose,
  letterHead,
  salutation,
  subjectLine,
  withoutRepeatedName,
} from '@main/export/letterLayout';

export interface FeedbackLetterInput {
  doc: RegisterDocument;
  proposalId: string;
  /** The Anregung's feedback contact (stored apart); null when there is none. */
  contact: FeedbackContact | null;
  logo?: DocumentImage | null;
  /** Letterhead, Rücksendeangabe and Informationsblock (the settings); the example sender when absent. */
  sender?: LetterSender;
  generatedAt: Date;
  appVersion: string;
}

export class FeedbackLetterError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'VALIDATION',
    message: string,
  ) {
    super(message);
    this.name = 'FeedbackLetterError';
  }
}

const participationDocsFeedbackLetterTexts = de.participationDocs.feedbackLetter;
type Block = Paragraph | Table;

/** Quotes longer than this are cut at a word. */
const QUOTE_MAX = 600;
/** Spacing in twentieths of a point. */
const GAP = { line: 0, block: 240 } as const;
/** The quote is indented 10 mm on both sides. */
const QUOTE_INDENT = 567;

/** The Anregung the letter answers; refuses what has no (sendable) letter. */
export function letterProposal(
  doc: RegisterDocument,
  proposalId: string,
  contact: FeedbackContact | null,
): { proposal: Proposal; contact: FeedbackContact } {
  const proposal = doc.proposals.find((p) => p.id === proposalId);
  if (!proposal) throw new FeedbackLetterError('NOT_FOUND', participationDocsFeedbackLetterTexts.unknownProposal);
  if (proposal.deletedAt) throw new FeedbackLetterError('NOT_FOUND', participationDocsFeedbackLetterTexts.inTrash);
  if (proposal.anonymisedAt) throw new FeedbackLetterError('VALIDATION', participationDocsFeedbackLetterTexts.anonymised);
  if (!contact || contact.proposalId !== proposal.id)
    throw new FeedbackLetterError('VALIDATION', participationDocsFeedbackLetterTexts.noContact);
  if (sanitize(proposal.feedbackText).trim() === '')
    throw new FeedbackLetterError('VALIDATION', participationDocsFeedbackLetterTexts.noFeedback);
  // The Anschriftzone of a window envelope has six lines: a longer address is refused, never overflows.
  try {
    fitAddress(recipientLines(contact));
  } catch (error) {
    if (error instanceof LetterAddressError) throw new FeedbackLetterError('VALIDATION', error.message);
    throw error;
  }
  return { proposal, contact };
}

/** The postal address as lines: the contact's value split at commas, semicolons and line feeds. */
export function addressLines(value: string): string[] {
  return sanitize(value)
    .split(/\s*[,;\n]\s*/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line) => line !== '');
}

/** The Anregung as written, cut at a word after QUOTE_MAX characters. */
export function quoteText(text: string): { text: string; cut: boolean } {
  const clean = sanitize(text)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
  if (clean.length <= QUOTE_MAX) return { text: clean, cut: false };
  const head = clean.slice(0, QUOTE_MAX);
  const atWord = head.replace(/\s+\S*$/, '');
  return { text: (atWord.length > QUOTE_MAX / 2 ? atWord : head).trimEnd(), cut: true };
}

function spaced(runsText: string, after: number, extra: { italic?: boolean; size?: number; indent?: number } = {}): Paragraph {
  return new Paragraph({
    spacing: { before: 0, after },
    indent: extra.indent ? { left: extra.indent, right: extra.indent } : undefined,
    children: textRuns([{ text: runsText, italic: extra.italic }], extra.size ? { size: extra.size } : {}),
  });
}

/** One paragraph per line, close together; the space after the last one separates the block. */
function lines(texts: readonly string[], after: number, extra: Parameters<typeof spaced>[2] = {}): Paragraph[] {
  return texts.map((line, i) => spaced(line, i === texts.length - 1 ? after : GAP.line, extra));
}

/** The sentence(s) saying what became of the Anregung. */
function stateBlocks(doc: RegisterDocument, proposal: Proposal): Block[] {
  switch (proposal.state) {
    case 'uebernommen': {
      const measure = proposal.measureId ? doc.measures.find((m) => m.id === proposal.measureId && !m.deletedAt) : undefined;
      return [
        para(
          participationDocsFeedbackLetterTexts.state.uebernommen(
            measure ? participationDocsFeedbackLetterTexts.state.measure(sanitizeLine(measure.number), sanitizeLine(measure.title)) : null,
          ),
        ),
      ];
    }
    case 'abgelehnt': {
      const reason = sanitize(proposal.stateReason).trim();
      return [
        para(participationDocsFeedbackLetterTexts.state.abgelehnt),
        ...(reason ? [para(participationDocsFeedbackLetterTexts.state.reason(reason))] : []),
      ];
    }
    default:
      return [para(participationDocsFeedbackLetterTexts.state[proposal.state])];
  }
}

/** The Anschriftzone's lines: the name, and for a letter by post the postal address (the name once). */
export function recipientLines(contact: FeedbackContact): string[] {
  const name = sanitizeLine(contact.name);
  if (contact.channel !== 'post') return [name];
  return withoutRepeatedName(name, addressLines(contact.value));
}

/** The Rückmeldung as a letter, .docx bytes. Throws FeedbackLetterError. */
export async function buildFeedbackLetterDocx(input: FeedbackLetterInput): Promise<Uint8Array> {
  const { doc } = input;
  const { proposal, contact } = letterProposal(doc, input.proposalId, input.contact);
  const sender = input.sender ?? EXAMPLE_LETTER_SENDER;
  const office = proposal.assignedOrgUnitId ? doc.orgUnits.find((u) => u.id === proposal.assignedOrgUnitId) : undefined;
  const headerSender = office
    ? sanitizeLine(orgUnitLabel(office))
    : sanitizeLine(sender.organisation) || participationDocsFeedbackLetterTexts.city;
  const lab = proposal.source === 'quartierslabor' && proposal.labId ? doc.labs.find((l) => l.id === proposal.labId) : undefined;
  const name = sanitizeLine(contact.name);
  const recipient = fitAddress(recipientLines(contact));
  const today = formatDate(localDay(input.generatedAt));
  const quote = quoteText(proposal.text);
  const lists = new Lists();
  const documentTitle = participationDocsFeedbackLetterTexts.title(sanitizeLine(proposal.number));

  const children: Block[] = [
    letterHead({
      sender,
      logo: input.logo,
      recipient,
      date: today,
      info: [{ label: de.letter.info.yourMessage, value: formatDate(proposal.receivedOn) }],
    }),
    subjectLine(
      participationDocsFeedbackLetterTexts.letterSubject(
        sanitizeLine(proposal.number),
        formatDate(proposal.receivedOn),
        lab ? sanitizeLine(lab.name) : null,
      ),
    ),
    salutation(participationDocsFeedbackLetterTexts.salutation(name)),
    para(participationDocsFeedbackLetterTexts.quoteIntro),
    ...lines(participationDocsFeedbackLetterTexts.quote(quote.text, quote.cut).split('\n'), GAP.block, {
      italic: true,
      indent: QUOTE_INDENT,
    }),
    ...stateBlocks(doc, proposal),
    ...plainTextContent(proposal.feedbackText, lists),
    para(participationDocsFeedbackLetterTexts.privacyNote),
    // A clerk signs for the office: "Im Auftrag", the clerk's name (or, without one, the office).
    ...letterClose({ name: sender.contactName, role: sanitizeLine(sender.contactName) ? '' : sender.office, onBehalf: true }),
  ];
  // Only the Anregung's number and the office: the person's name stays out of every property.
  const properties: DocumentProperties = {
    title: documentTitle,
    subject: participationDocsFeedbackLetterTexts.subject,
    creator: de.appName,
    keywords: [...participationDocsFeedbackLetterTexts.keywords, sanitizeLine(proposal.number)],
    description: participationDocsFeedbackLetterTexts.description(today, input.appVersion),
    lastModifiedBy: de.appName,
    created: input.generatedAt,
    modified: input.generatedAt,
  };
  const document = createBaseDocument(
    {
      properties,
      header: { left: participationDocsFeedbackLetterTexts.runningHeader(headerSender, sanitizeLine(proposal.number)) },
      firstPageWithoutHeader: true,
      children,
    },
    { page: participationDocsFeedbackLetterTexts.page, of: participationDocsFeedbackLetterTexts.pageOf },
  );
  return packDocument(document, properties);
}
