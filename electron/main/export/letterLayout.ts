/**
 * The head and the close of every letter the app writes (Einladung, Rückmeldung), after DIN 5008 Form B:
 *
 *   page top ─ 20 mm ─ letterhead (organisation, office, unit; the logo scaled into its box on the right)
 *            ─ 45 mm ─ address field, 85 × 45 mm from 20 mm left (text from 25 mm): 5 lines Zusatz- und
 *                      Vermerkzone (17.7 mm, the Rücksendeangabe at its foot), 6 lines Anschriftzone
 *                      (27.3 mm); the Informationsblock at 125 mm from the left, from 50 mm down
 *            ─ subject (bold, no "Betreff:"), salutation, text, "Mit freundlichen Grüßen", "Im Auftrag",
 *              room to sign, the name in natural order.
 *
 * The head is one borderless table of fixed layout whose first two rows have exact heights, so the
 * address field sits at the window-envelope position whatever the logo or the letterhead hold (a floating
 * frame would move with the text above it). The Anschriftzone never overflows: an address that needs more
 * than six printed lines is refused (LetterAddressError) or, for a group of addressees, shortened.
 * Page 2 and later carry only the running header (createBaseDocument's firstPageWithoutHeader).
 *
 * Pure: data in, docx objects out.
 */
import {
  AlignmentType,
  BorderStyle,
  ImageRun,
  LineRuleType,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  HeightRule,
  HeadingLevel,
} from 'docx';
import { returnAddress, type LetterSender } from '@shared/settings/letterSender';
import { de } from '@shared/i18n/de';
import { CONTENT_WIDTH, imageType, PAGE, sanitizeLine, spacing, textRuns, type DocumentImage } from './documentBase';
import { textWidthDxa } from './textWidth';

const mm = (value: number) => Math.round((value * 1440) / 25.4);
const letterTexts = de.letter;

/** DIN 5008 Form B measures, from the page's top and left edges. */
export const FORM_B = {
  addressTop: 45,
  addressLeft: 20,
  addressTextLeft: 25,
  addressWidth: 85,
  noticeHeight: 17.7,
  recipientHeight: 27.3,
  recipientLines: 6,
  noticeLines: 5,
  infoLeft: 125,
  infoTop: 50,
} as const;

/** The text column of the address field: from the left margin (25 mm) to the field's right edge (105 mm). */
const ADDRESS_COLUMN = mm(FORM_B.addressLeft + FORM_B.addressWidth - FORM_B.addressTextLeft);
const GAP_COLUMN = mm(FORM_B.infoLeft) - mm(FORM_B.addressLeft + FORM_B.addressWidth);
const INFO_COLUMN = CONTENT_WIDTH - ADDRESS_COLUMN - GAP_COLUMN;
/** The letterhead fills the space from the top margin to the address field. */
const HEAD_HEIGHT = mm(FORM_B.addressTop) - PAGE.marginTop;
/** Address lines in 11 pt (DIN 5008: 10 to 12 pt). */
const ADDRESS_SIZE = 22;
const SMALL = 20;
/** Labels of the Informationsblock that are narrower than this stand beside their value, at this tab. */
const INFO_TAB = mm(33);
/** One blank line of body text (11 pt at 1.1). */
const BLANK_LINE = 264;
/** DIN 5008: three blank lines to sign in. */
const SIGNATURE_ROOM = 3 * BLANK_LINE;

/** An address that does not fit the Anschriftzone; the message says so in German. */
export class LetterAddressError extends Error {
  constructor(readonly lines: number) {
    super(letterTexts.addressTooLong(lines, FORM_B.recipientLines));
    this.name = 'LetterAddressError';
  }
}

/** Greedy word wrap by printed width (Arial metrics): the lines a text takes in a column of `width` DXA. */
export function wrapLine(text: string, width: number, size = ADDRESS_SIZE): string[] {
  const words = sanitizeLine(text).split(' ').filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && textWidthDxa(candidate, size, false) > width) {
      lines.push(current);
      current = word;
    } else current = candidate;
  }
  if (current) lines.push(current);
  // A single word wider than the column is broken by the office suite: count the lines it takes.
  return lines.flatMap((line) => {
    const widthOf = textWidthDxa(line, size, false);
    return widthOf > width ? Array.from({ length: Math.ceil(widthOf / width) }, (_, i) => (i === 0 ? line : '')) : [line];
  });
}

/** The printed lines of an address in the Anschriftzone; throws LetterAddressError beyond six. */
export function fitAddress(lines: readonly string[]): string[] {
  const clean = lines.map(sanitizeLine).filter((l) => l !== '');
  const printed = clean.reduce((sum, line) => sum + wrapLine(line, ADDRESS_COLUMN).length, 0);
  if (printed > FORM_B.recipientLines) throw new LetterAddressError(printed);
  return clean;
}

/** The same, for a group of addressees: what does not fit is cut at a word with "…" instead of refused. */
export function shortenAddress(lines: readonly string[]): string[] {
  const printed = lines
    .map(sanitizeLine)
    .filter((l) => l !== '')
    .flatMap((line) => wrapLine(line, ADDRESS_COLUMN));
  if (printed.length <= FORM_B.recipientLines) return printed;
  const kept = printed.slice(0, FORM_B.recipientLines);
  kept[kept.length - 1] = `${kept.at(-1)!.replace(/\s*\S*$/, '')} …`.trim();
  return kept;
}

/** Removes a name from the start of an address that already names the person (it is printed once). */
export function withoutRepeatedName(name: string, address: readonly string[]): string[] {
  const norm = (s: string) => sanitizeLine(s).toLocaleLowerCase('de-DE');
  const first = address[0];
  if (first !== undefined && norm(name) !== '' && norm(first).includes(norm(name))) return [first, ...address.slice(1)];
  return [name, ...address];
}

export interface InfoLine {
  label: string;
  value: string;
}

export interface LetterHeadInput {
  sender: LetterSender;
  logo?: DocumentImage | null;
  /** The Anschriftzone's lines, already fitted (fitAddress or shortenAddress). */
  recipient: readonly string[];
  /** Lines of the Zusatz- und Vermerkzone above the Rücksendeangabe ("Per E-Mail"). */
  notices?: readonly string[];
  /** The letter date, "20.03.2026". */
  date: string;
  /** Extra lines of the Informationsblock before Zeichen and Datum ("Ihre Nachricht vom"). */
  info?: readonly InfoLine[];
}

const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: none, bottom: none, left: none, right: none } as const;
const NO_MARGINS = { top: 0, bottom: 0, left: 0, right: 0 } as const;

function line(text: string, options: { size?: number; bold?: boolean; before?: number; after?: number } = {}): Paragraph {
  return new Paragraph({
    spacing: spacing(options.before ?? 0, options.after ?? 0, 240),
    children: textRuns([{ text, bold: options.bold }], options.size ? { size: options.size } : {}),
  });
}

/** The logo scaled (up or down, aspect kept) into the letterhead's box; null when it is not an image. */
export function logoInBox(image: DocumentImage, boxWidth: number, boxHeight: number): { width: number; height: number } | null {
  if (!imageType(image.data) || image.width <= 0 || image.height <= 0) return null;
  const px = (dxa: number) => (dxa / 1440) * 96;
  const scale = Math.min(px(boxWidth) / image.width, px(boxHeight) / image.height);
  return { width: Math.max(1, Math.floor(image.width * scale)), height: Math.max(1, Math.floor(image.height * scale)) };
}

function logoParagraph(image: DocumentImage): Paragraph | null {
  const size = logoInBox(image, INFO_COLUMN, HEAD_HEIGHT - mm(3));
  const type = imageType(image.data);
  if (!size || !type) return null;
  const alt = sanitizeLine(image.altText) || letterTexts.logoAlt;
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    spacing: spacing(0, 0),
    children: [new ImageRun({ type, data: image.data, transformation: size, altText: { name: alt, description: alt, title: alt } })],
  });
}

/** One entry of the Informationsblock: beside its label when both fit the column, else below it. */
function infoEntry(entry: InfoLine, before: number): Paragraph[] {
  const label = sanitizeLine(entry.label);
  const value = sanitizeLine(entry.value);
  const labelFits = textWidthDxa(label, SMALL, false) < INFO_TAB - mm(1);
  const valueFits = textWidthDxa(value, SMALL, false) <= INFO_COLUMN - INFO_TAB - mm(1);
  if (labelFits && valueFits)
    return [
      new Paragraph({
        spacing: spacing(before, 40, 240),
        tabStops: [{ type: TabStopType.LEFT, position: INFO_TAB }],
        indent: { left: INFO_TAB, hanging: INFO_TAB },
        children: [
          new TextRun({ text: label, size: SMALL }),
          new TextRun({ text: '\t', size: SMALL }),
          ...textRuns([{ text: value }], { size: SMALL }),
        ],
      }),
    ];
  return [line(label, { size: SMALL, before }), line(value, { size: SMALL, after: 40 })];
}

function cell(width: number, children: Paragraph[], extra: { columnSpan?: number; rowSpan?: number; valign?: 'top' | 'bottom' } = {}) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: NO_BORDERS,
    margins: NO_MARGINS,
    columnSpan: extra.columnSpan,
    rowSpan: extra.rowSpan,
    verticalAlign: extra.valign === 'bottom' ? VerticalAlignTable.BOTTOM : VerticalAlignTable.TOP,
    children: children.length > 0 ? children : [new Paragraph({ spacing: spacing(0, 0) })],
  });
}

/** The Informationsblock's lines: contact, telephone, e-mail, the letter's own lines, Zeichen, Datum. */
export function infoLines(input: LetterHeadInput): InfoLine[] {
  const s = input.sender;
  const t = letterTexts.info;
  return [
    { label: t.contact, value: s.contactName },
    { label: t.phone, value: s.phone },
    { label: t.email, value: s.email },
    ...(input.info ?? []),
    { label: t.reference, value: s.reference },
    { label: t.date, value: input.date },
  ].filter((entry) => sanitizeLine(entry.value) !== '');
}

/**
 * The first page's head: letterhead, address field with Rücksendeangabe, Informationsblock. The rows of
 * letterhead and Vermerkzone are exact; the Anschriftzone's row is at least 27.3 mm (a long
 * Informationsblock may make it taller, which moves the subject, never the address).
 */
export function letterHead(input: LetterHeadInput): Table {
  const s = input.sender;
  const head = [
    line(s.organisation, { bold: true, size: 28 }),
    line(s.office, { size: 24 }),
    ...(sanitizeLine(s.unit) ? [line(s.unit, { size: SMALL })] : []),
  ];
  const logo = input.logo ? logoParagraph(input.logo) : null;
  // The Informationsblock starts 5 mm below the address field's top edge (DIN 5008: 50 mm from the page top).
  const info = infoLines(input).flatMap((entry, i) => infoEntry(entry, i === 0 ? mm(FORM_B.infoTop - FORM_B.addressTop) : 0));
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: [ADDRESS_COLUMN, GAP_COLUMN, INFO_COLUMN],
    layout: TableLayoutType.FIXED,
    borders: { ...NO_BORDERS, insideHorizontal: none, insideVertical: none },
    rows: [
      new TableRow({
        height: { value: HEAD_HEIGHT, rule: HeightRule.EXACT },
        cantSplit: true,
        children: [cell(ADDRESS_COLUMN + GAP_COLUMN, head, { columnSpan: 2 }), cell(INFO_COLUMN, logo ? [logo] : [])],
      }),
      // One row for the whole address field: its lines have exact pitches, so their place follows from the
      // row's top edge alone; the row may grow below for a long Informationsblock without moving them.
      new TableRow({
        height: { value: mm(FORM_B.noticeHeight + FORM_B.recipientHeight), rule: HeightRule.ATLEAST },
        cantSplit: true,
        children: [
          cell(ADDRESS_COLUMN, addressField(input.notices ?? [], fittedReturnAddress(s), input.recipient)),
          cell(GAP_COLUMN, []),
          new TableCell({
            width: { size: INFO_COLUMN, type: WidthType.DXA },
            borders: NO_BORDERS,
            // LibreOffice applies a cell's top margin to the whole row: no margin, the first line has the space before.
            margins: NO_MARGINS,
            verticalAlign: VerticalAlignTable.TOP,
            children: info.length > 0 ? info : [new Paragraph({ spacing: spacing(0, 0) })],
          }),
        ],
      }),
    ],
  });
}

/** Line pitch of the Zusatz- und Vermerkzone (5 lines in 17.7 mm) and of the Anschriftzone (6 lines in 27.3 mm). */
const NOTICE_PITCH = Math.floor(mm(FORM_B.noticeHeight) / FORM_B.noticeLines);
const RECIPIENT_PITCH = Math.floor(mm(FORM_B.recipientHeight) / FORM_B.recipientLines);

/**
 * The Rücksendeangabe on one line of the field: with the office, else without it, in the largest of 10, 9
 * and 8 pt that fits (DIN 5008 sets it in 8 pt; it is the only text under 10 pt). Wraps only when even
 * the short form in 8 pt is too long (the Vermerkzone has five lines).
 */
export function fittedReturnAddress(sender: LetterSender): { text: string; size: number } {
  const forms = [returnAddress(sender), returnAddress({ ...sender, office: '' })];
  for (const text of forms)
    for (const size of [20, 18, 16]) if (textWidthDxa(text, size, false) <= ADDRESS_COLUMN - mm(2)) return { text, size };
  return { text: forms[1]!, size: 16 };
}

/**
 * The address field's paragraphs: the Vermerkzone's lines at the foot of its five (the Rücksendeangabe
 * last), then the Anschriftzone from its top. Exact pitches: every line sits where DIN 5008 puts it.
 */
function addressField(notices: readonly string[], rueck: { text: string; size: number }, recipient: readonly string[]): Paragraph[] {
  const zone = [...notices.map((text) => ({ text, size: SMALL })), rueck].slice(-FORM_B.noticeLines);
  const free = FORM_B.noticeLines - zone.length;
  const out = zone.map(
    ({ text, size }, i) =>
      new Paragraph({
        spacing: { before: i === 0 ? free * NOTICE_PITCH : 0, after: 0, line: NOTICE_PITCH, lineRule: LineRuleType.EXACT },
        children: textRuns([{ text }], { size }),
      }),
  );
  // The Anschriftzone starts exactly 17.7 mm below the field's top: the Vermerkzone's rounding goes here.
  const rest = mm(FORM_B.noticeHeight) - FORM_B.noticeLines * NOTICE_PITCH;
  recipient.forEach((text, i) =>
    out.push(
      new Paragraph({
        spacing: { before: i === 0 ? rest : 0, after: 0, line: RECIPIENT_PITCH, lineRule: LineRuleType.EXACT },
        children: textRuns([{ text }], { size: ADDRESS_SIZE }),
      }),
    ),
  );
  return out;
}

/**
 * The subject line: bold in body size, without the word "Betreff", two blank lines below the address field
 * and above the salutation. In the Title style, so readers and screen readers find the letter's title.
 */
export function subjectLine(text: string): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.TITLE,
    spacing: spacing(2 * BLANK_LINE + 120, 2 * BLANK_LINE, 264),
    keepNext: true,
    keepLines: true,
    children: textRuns([{ text: sanitizeLine(text), bold: true }], { size: ADDRESS_SIZE }),
  });
}

/** The salutation, one blank line above the text. */
export function salutation(text: string): Paragraph {
  return new Paragraph({ spacing: spacing(0, BLANK_LINE, 264), keepNext: true, children: textRuns([{ text }]) });
}

/**
 * The letter's last sentence, kept on one page with the close below it: "Mit freundlichen Grüßen" then
 * never stands alone at the top of a page (LibreOffice does not keep a table's last row with what follows).
 */
export function lastSentence(text: string): Paragraph {
  return new Paragraph({ spacing: spacing(240, 0, 264), keepNext: true, keepLines: true, children: textRuns([{ text }]) });
}

/**
 * The close: "Mit freundlichen Grüßen" one blank line below the text, "Im Auftrag" when a clerk signs for
 * the office, three blank lines to sign in, the name in natural order and an optional role. Kept together
 * on one page.
 */
export function letterClose(signer: { name: string; role?: string; onBehalf: boolean }): Paragraph[] {
  const name = sanitizeLine(signer.name);
  const out = [
    new Paragraph({
      spacing: spacing(BLANK_LINE, 0, 264),
      keepNext: true,
      keepLines: true,
      children: textRuns([{ text: letterTexts.closing }]),
    }),
  ];
  if (signer.onBehalf)
    out.push(new Paragraph({ spacing: spacing(0, 0, 264), keepNext: true, children: textRuns([{ text: letterTexts.onBehalf }]) }));
  // Without a name the room to sign stays, with the role (or nothing) below it.
  const below = [name, sanitizeLine(signer.role ?? '')].filter((t) => t !== '');
  if (below.length === 0) below.push('');
  below.forEach((text, i) =>
    out.push(
      new Paragraph({
        spacing: spacing(i === 0 ? SIGNATURE_ROOM + 120 : 0, 0, 264),
        keepNext: i < below.length - 1 || undefined,
        children: textRuns([{ text }]),
      }),
    ),
  );
  return out;
}
