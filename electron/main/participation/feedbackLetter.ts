/**
 * The Rückmeldung to a citizen as a DIN 5008 business letter (Word), on the shared document base
 * (documentBase.ts: A4, DIN 5008 margins, de-DE, "Seite X von Y", properties, the city logo):
 *
 *   sender line (the assigned office, else "Stadt Dortmund") · recipient (the contact's name; for
 *   "post" also the postal address from the contact) · "Dortmund, TT.MM.JJJJ" · subject "Ihre Anregung
 *   A-2026-002 vom 07.03.2026 im Quartierslabor …" · "Guten Tag <Name>," (no gender guessed) · the
 *   Anregung quoted as written (a long one cut at a word) · what became of it (the measure, the reason
 *   for a refusal, done) · the feedback text · closing and the office.
 *
 * The person's name appears only in the letter's text: never in the running header, the footer or the
 * document properties (title "Rückmeldung zur Anregung A-2026-002").
 *
 * Pure: the register document and the contact in, .docx bytes out. Refusals are FeedbackLetterErrors
 * with a German message: unknown Anregung, in the Papierkorb, anonymised, no contact, no feedback text.
 */
import { AlignmentType, Paragraph, type Table } from 'docx';
import type { FeedbackContact, Proposal } from '@shared/participation/labs';
import type { RegisterDocument } from '@shared/register/register';
import { localDay } from '@shared/core/calendar';
import { orgUnitLabel } from '@shared/register/orgUnit';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import {
  createBaseDocument,
  imageParagraph,
  Lists,
  packDocument,
  para,
  plainTextContent,
  sanitize,
  sanitizeLine,
  textRuns,
  title,
  type DocumentImage,
  type DocumentProperties,
} from '@main/export/documentBase';

export interface FeedbackLetterInput {
  doc: RegisterDocument;
  proposalId: string;
  /** The Anregung's feedback contact (stored apart); null when there is none. */
  contact: FeedbackContact | null;
  logo?: DocumentImage | null;
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
const GAP = { line: 0, block: 240, wide: 480, signature: 720 } as const;
/** The quote is indented 10 mm on both sides. */
const QUOTE_INDENT = 567;
/** The sender line (Rücksendeangabe) in 10 pt, the smallest size allowed. */
const SMALL = 20;

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

function spaced(
  runsText: string,
  after: number,
  extra: { alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]; italic?: boolean; size?: number; indent?: number } = {},
): Paragraph {
  return new Paragraph({
    alignment: extra.alignment,
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

/** The Rückmeldung as a letter, .docx bytes. Throws FeedbackLetterError. */
export async function buildFeedbackLetterDocx(input: FeedbackLetterInput): Promise<Uint8Array> {
  const { doc } = input;
  const { proposal, contact } = letterProposal(doc, input.proposalId, input.contact);
  const office = proposal.assignedOrgUnitId ? doc.orgUnits.find((u) => u.id === proposal.assignedOrgUnitId) : undefined;
  const sender = office ? sanitizeLine(orgUnitLabel(office)) : participationDocsFeedbackLetterTexts.city;
  const lab = proposal.source === 'quartierslabor' && proposal.labId ? doc.labs.find((l) => l.id === proposal.labId) : undefined;
  const name = sanitizeLine(contact.name);
  const recipient = [name, ...(contact.channel === 'post' ? addressLines(contact.value) : [])];
  const today = formatDate(localDay(input.generatedAt));
  const quote = quoteText(proposal.text);
  const lists = new Lists();
  const logo = input.logo ? imageParagraph(input.logo, 'right') : null;
  const documentTitle = participationDocsFeedbackLetterTexts.title(sanitizeLine(proposal.number));

  const children: Block[] = [
    ...(logo ? [logo] : []),
    spaced(sender, GAP.block, { size: SMALL }),
    ...lines(recipient, GAP.wide),
    spaced(participationDocsFeedbackLetterTexts.dateLine(today), GAP.wide, { alignment: AlignmentType.RIGHT }),
    title(
      participationDocsFeedbackLetterTexts.letterSubject(
        sanitizeLine(proposal.number),
        formatDate(proposal.receivedOn),
        lab ? sanitizeLine(lab.name) : null,
      ),
    ),
    para(participationDocsFeedbackLetterTexts.salutation(name)),
    para(participationDocsFeedbackLetterTexts.quoteIntro),
    ...lines(participationDocsFeedbackLetterTexts.quote(quote.text, quote.cut).split('\n'), GAP.block, {
      italic: true,
      indent: QUOTE_INDENT,
    }),
    ...stateBlocks(doc, proposal),
    ...plainTextContent(proposal.feedbackText, lists),
    para(participationDocsFeedbackLetterTexts.privacyNote),
    spaced(participationDocsFeedbackLetterTexts.closing, GAP.signature),
    para(sender),
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
    { properties, header: { left: participationDocsFeedbackLetterTexts.runningHeader(sender, sanitizeLine(proposal.number)) }, children },
    { page: participationDocsFeedbackLetterTexts.page, of: participationDocsFeedbackLetterTexts.pageOf },
  );
  return packDocument(document, properties);
}
