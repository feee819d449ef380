/**
 * The Prüfvermerk: a Word summary of a returned review, on the shared document base (DIN 5008, de-DE,
 * built-in headings, repeating table headers, real lists). Head lines (register, reviewer, dates,
 * message), a table of the votes, then per item the vote, the comments and the proposals.
 * Pure: the note data (shared/review/reviewNote.ts) in, .docx bytes out.
 */
import type { Paragraph, Table } from 'docx';
import type { NoteItem, ReviewNoteData } from '@shared/review/reviewNote';
import { formatDate, formatDateTime } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import {
  createBaseDocument,
  dataTable,
  heading,
  labelLine,
  Lists,
  packDocument,
  para,
  plainTextContent,
  title,
  type DocumentProperties,
} from '@main/export/documentBase';

const reviewNoteTexts = de.review.note;
type Block = Paragraph | Table;

function localIsoDate(date: Date): string {
  const pad = (v: number) => String(v).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function voteText(item: NoteItem): string {
  if (!item.vote) return reviewNoteTexts.noVote;
  const word = de.review.votes[item.vote.vote];
  return item.vote.taken ? word : reviewNoteTexts.voteNotTaken(word);
}

function head(data: ReviewNoteData, lists: Lists): Block[] {
  const f = reviewNoteTexts.field;
  const out: Block[] = [
    labelLine(f.register, data.registerName),
    labelLine(f.reviewer, data.reviewer),
    labelLine(f.createdBy, data.createdBy),
    labelLine(f.createdAt, formatDateTime(data.createdAt)),
    labelLine(f.dueDate, formatDate(data.dueDate) || reviewNoteTexts.empty),
    labelLine(f.returnedAt, data.returnedAt ? formatDateTime(data.returnedAt) : reviewNoteTexts.notReturned),
  ];
  if (data.imported) out.push(labelLine(f.importedAt, reviewNoteTexts.importedBy(formatDateTime(data.imported.at), data.imported.user)));
  if (data.message.trim() !== '') out.push(labelLine(f.message, ''), ...plainTextContent(data.message, lists));
  return out;
}

function summary(data: ReviewNoteData): Block[] {
  const c = reviewNoteTexts.summaryColumns;
  return [
    heading(1, reviewNoteTexts.summary),
    dataTable(
      [
        { header: c.item, weight: 38 },
        { header: c.kind, weight: 14 },
        { header: c.vote, weight: 18 },
        { header: c.reason, weight: 30 },
      ],
      data.items.map((item) => [item.label, de.review.kinds[item.kind], voteText(item), item.vote?.reason ?? '']),
    ),
  ];
}

function itemDetails(item: NoteItem, lists: Lists): Block[] {
  const out: Block[] = [heading(2, item.label)];
  out.push(labelLine(reviewNoteTexts.vote, item.vote ? `${voteText(item)} (${formatDateTime(item.vote.at)})` : reviewNoteTexts.noVote));
  if (item.vote && item.vote.reason.trim() !== '') out.push(...plainTextContent(item.vote.reason, lists));
  if (item.comments.length === 0 && item.suggestions.length === 0) {
    out.push(para(reviewNoteTexts.noEntries));
    return out;
  }
  if (item.comments.length > 0) {
    out.push(heading(3, reviewNoteTexts.comments));
    out.push(
      ...lists.list(
        'bullet',
        item.comments.map((c) => [
          ...(c.field ? [{ text: reviewNoteTexts.onField(c.field), bold: true }] : []),
          { text: c.text },
          { text: ` (${formatDateTime(c.at)})`, italic: true },
          ...(c.basedOnAt ? [{ text: reviewNoteTexts.basedOn(formatDateTime(c.basedOnAt)), italic: true }] : []),
        ]),
      ),
    );
  }
  if (item.suggestions.length > 0) {
    const c = reviewNoteTexts.suggestionColumns;
    const withResult = item.suggestions.some((s) => s.outcome !== null);
    out.push(heading(3, reviewNoteTexts.suggestions));
    out.push(
      dataTable(
        [
          { header: c.field, weight: 20 },
          { header: c.base, weight: withResult ? 28 : 36 },
          { header: c.proposed, weight: withResult ? 34 : 44 },
          ...(withResult ? [{ header: c.result, weight: 18 }] : []),
        ],
        item.suggestions.map((s) => [
          s.field,
          s.base,
          s.note.trim() ? `${s.proposed}\n${s.note}` : s.proposed,
          ...(withResult ? [s.outcome ? de.review.results[s.outcome] : ''] : []),
        ]),
      ),
    );
  }
  return out;
}

export interface ReviewNoteInput {
  data: ReviewNoteData;
  generatedAt: Date;
}

function properties(input: ReviewNoteInput): DocumentProperties {
  const d = input.data;
  return {
    title: `${reviewNoteTexts.title} – ${d.reviewer}`,
    subject: reviewNoteTexts.propertiesSubject(d.reviewer),
    creator: d.createdBy || de.appName,
    keywords: [...reviewNoteTexts.keywords, d.reviewer],
    description: reviewNoteTexts.propertiesDescription(formatDate(localIsoDate(input.generatedAt))),
    lastModifiedBy: d.createdBy || de.appName,
    created: d.returnedAt ?? d.createdAt,
    modified: input.generatedAt,
  };
}

/** The Prüfvermerk as .docx bytes. */
export async function buildReviewNoteDocx(input: ReviewNoteInput): Promise<Buffer> {
  const lists = new Lists();
  const data = input.data;
  const children: Block[] = [
    title(`${reviewNoteTexts.title}: ${data.registerName}`),
    ...head(data, lists),
    ...summary(data),
    heading(1, reviewNoteTexts.details),
    ...data.items.flatMap((item) => itemDetails(item, lists)),
  ];
  const props = properties(input);
  const document = createBaseDocument(
    {
      properties: props,
      header: { left: reviewNoteTexts.runningHeader(data.reviewer) },
      footerLeft: reviewNoteTexts.generatedOn(formatDate(localIsoDate(input.generatedAt))),
      children,
    },
    { page: reviewNoteTexts.page, of: reviewNoteTexts.pageOf },
  );
  return packDocument(document, props);
}
