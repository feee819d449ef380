/**
 * The shared base of every Word document the app writes (council submissions now; evaluation report,
 * Prüfvermerk, Einladung and Niederschrift later): page set-up, styles, lists, tables, header and footer,
 * document properties. Follows DIN 5008 (A4, margins left 25 mm / right 20 mm, "Seite X von Y", section
 * numbers "1.1" without a trailing dot, no text under 10 pt) and the accessibility rules of BITV NRW:
 * document language de-DE, headings only through the built-in heading styles, table header rows that
 * repeat, real lists, alt text on images, no empty paragraphs for spacing (spacing lives in the styles).
 *
 * Pure: data in, docx objects or bytes out. No file access here.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  LineRuleType,
  NoBreakHyphen,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  SimpleField,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ISectionOptions,
} from 'docx';
import { cleanText, type Block } from '@shared/core/richText';
import { printedBlocks } from '@shared/core/richTextSections';
import { patchDocxParts } from './docxPatch';
import { textWidthDxa, unbreakableWords } from './textWidth';

// ---------------------------------------------------------------------------------------------------
// Page and measures (twentieths of a point, "DXA"; 1 mm ≈ 56.7 DXA)
// ---------------------------------------------------------------------------------------------------

const mm = (value: number) => Math.round((value * 1440) / 25.4);

/** A4 portrait with DIN 5008 margins. */
export const PAGE = {
  width: 11906,
  height: 16838,
  marginLeft: mm(25), // 1417
  marginRight: mm(20), // 1134
  marginTop: mm(20),
  marginBottom: mm(20),
  header: mm(10),
  footer: mm(10),
} as const;

/** Width of the text area: what tables span. */
export const CONTENT_WIDTH = PAGE.width - PAGE.marginLeft - PAGE.marginRight;

/** Font sizes in half points. Nothing in a document is smaller than 10 pt. */
const SIZE = { body: 22, small: 20, title: 28, h1: 26, h2: 24, h3: 22, h4: 22 } as const;
const FONT = 'Arial';
const LANGUAGE = { value: 'de-DE', eastAsia: 'de-DE', bidirectional: 'de-DE' } as const;
const BLACK = '000000';
const RULE = '808080';
const HEADER_FILL = 'E7E6E6';

/** Paragraph and character style ids (Word shows the names). */
export const STYLE = {
  /** Label/value lines of a document head ("Drucksache Nr.:  12534-18"), value column at 45 mm. */
  kopfblock: 'Kopfblock',
  tabellentext: 'Tabellentext',
  tabellentextRechts: 'TabellentextRechts',
  tabellenkopf: 'Tabellenkopf',
  tabellenkopfRechts: 'TabellenkopfRechts',
  header: 'Header',
  footer: 'Footer',
  listParagraph: 'ListParagraph',
  /** Character style for labels (bold). */
  feldname: 'Feldname',
  /** Character style for markings such as "nichtöffentlich" or "ENTWURF" (bold). */
  vermerk: 'Vermerk',
} as const;

/** Numbering definitions: real Word lists, never typed bullets. */
export const LIST = { bullet: 'aufzaehlung', numbered: 'nummerierung' } as const;

const KOPFBLOCK_TAB = mm(45);
const LIST_INDENT = mm(6.3);

// ---------------------------------------------------------------------------------------------------
// Text
// ---------------------------------------------------------------------------------------------------

// C0 and C1 controls except line feed; what XML 1.0 cannot carry (U+FFFE, U+FFFF); unpaired surrogates.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as it may go into a document: Word paste junk and control characters removed (cleanText), then
 * every remaining control character except the line feed, and anything XML cannot hold. Line and
 * paragraph separators become line feeds.
 */
export function sanitize(text: string): string {
  return cleanText(text.replace(/[\u2028\u2029]/g, '\n')).replace(FORBIDDEN, '');
}

/** A label such as "TOP 12" that never wraps inside a table cell: its spaces become no-break spaces. */
export function unbroken(text: string): InlineRun[] {
  return [{ text: sanitizeLine(text).replace(/ /g, '\u00A0'), verbatim: true }];
}

/** One line: line feeds become spaces, runs of blanks collapse. */
export function sanitizeLine(text: string): string {
  return sanitize(text).replace(/\s+/g, ' ').trim();
}

export interface InlineRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /**
   * Text the program formatted itself (money "1.234,56 €"): its no-break spaces stay, so an amount never
   * wraps before the "€"; only what XML cannot hold is removed.
   */
  verbatim?: boolean;
}

/**
 * A hyphen inside a number-like word ("24817-25-E1", "HF2-04", "E-2025-02", "TOP 3-1"): between two
 * letters or digits, in a word that contains a digit. Such hyphens never break a line.
 */
const NUMBER_HYPHEN = /(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/gu;
const NUMBER_WORD = /[^\s]*\d[^\s]*/gu;

/**
 * A line as run content: the hyphens of number-like words become Word's non-breaking hyphen
 * (`w:noBreakHyphen`, U+2011 in Word's own terms), so Drucksache, measure and TOP numbers are never split
 * at the line end. Other hyphens ("Nord-Ost") still may break.
 */
export function unbreakableNumbers(line: string): (string | NoBreakHyphen)[] {
  const out: (string | NoBreakHyphen)[] = [];
  let rest = 0;
  const push = (text: string) => {
    if (text === '') return;
    if (typeof out.at(-1) === 'string') out[out.length - 1] += text;
    else out.push(text);
  };
  for (const word of line.matchAll(NUMBER_WORD)) {
    const start = word.index;
    const parts = word[0].split(NUMBER_HYPHEN);
    if (parts.length === 1) continue;
    push(line.slice(rest, start));
    parts.forEach((part, i) => {
      if (i > 0) out.push(new NoBreakHyphen());
      push(part);
    });
    rest = start + word[0].length;
  }
  push(line.slice(rest));
  return out;
}

/** Runs for a paragraph; a line feed inside a run becomes a line break. Empty runs are dropped. */
export function textRuns(runs: readonly InlineRun[], extra: Partial<IRunOptions> = {}): TextRun[] {
  const out: TextRun[] = [];
  for (const run of runs) {
    const clean = (run.verbatim ? run.text.replace(FORBIDDEN, '') : sanitize(run.text)).replace(/\u2011/g, '-');
    if (clean === '') continue;
    clean.split(/\n+/).forEach((line, i) => {
      out.push(
        new TextRun({
          ...extra,
          children: unbreakableNumbers(line),
          bold: run.bold || undefined,
          italics: run.italic || undefined,
          break: i > 0 ? 1 : undefined,
        }),
      );
    });
  }
  return out;
}

/** A paragraph of plain text in a style (Normal when none). */
export function para(text: string, style?: string, keepNext?: boolean): Paragraph {
  return new Paragraph({ style, keepNext: keepNext || undefined, children: textRuns([{ text }]) });
}

/** A paragraph of runs with bold/italic. */
export function richPara(runs: readonly InlineRun[], style?: string): Paragraph {
  return new Paragraph({ style, children: textRuns(runs) });
}

/** "Label:⇥Value" in the Kopfblock style; the label in the bold Feldname character style. An empty value: the label alone. */
export function labelLine(label: string, value: string): Paragraph {
  return new Paragraph({
    style: STYLE.kopfblock,
    // A label whose text follows in the next paragraphs stays on the page of that text.
    keepNext: value === '' || undefined,
    children: [
      new TextRun({ text: `${sanitizeLine(label)}:`, style: STYLE.feldname }),
      ...(value === '' ? [] : [new TextRun({ children: [new Tab()] }), ...textRuns([{ text: value }])]),
    ],
  });
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4] as const;

/** A heading in the built-in style Heading 1…4; `number` ("1.2") goes in front without a trailing dot. */
export function heading(level: 1 | 2 | 3 | 4, text: string, number?: string): Paragraph {
  const clean = sanitizeLine(text);
  return new Paragraph({ heading: HEADINGS[level - 1], children: textRuns([{ text: number ? `${number} ${clean}` : clean }]) });
}

/** The document's title in the built-in Title style. */
export function title(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.TITLE, children: textRuns([{ text: sanitizeLine(text) }]) });
}

/**
 * Section numbers "1", "1.1", "1.1.1" (DIN 5008: no trailing dot). A skipped level counts as 1, so a
 * text starting with a level-2 heading is numbered "1.1" rather than "0.1".
 */
export class SectionNumbers {
  private counts: number[] = [];

  next(level: number): string {
    const counts = this.counts.slice(0, level);
    while (counts.length < level) counts.push(counts.length === level - 1 ? 0 : 1);
    counts[level - 1] = counts[level - 1]! + 1;
    this.counts = counts;
    return counts.join('.');
  }
}

// ---------------------------------------------------------------------------------------------------
// Lists
// ---------------------------------------------------------------------------------------------------

/**
 * Hands out list instances: every numbered list starts at 1 again, bullets of one list stay together.
 * One per document.
 */
export class Lists {
  private instance = 0;

  /** Paragraphs of one list; each item is runs (bold/italic allowed). */
  list(kind: 'bullet' | 'numbered', items: readonly (readonly InlineRun[])[], keepLastWithNext = false): Paragraph[] {
    const instance = ++this.instance;
    return items.map(
      (item, i) =>
        new Paragraph({
          style: STYLE.listParagraph,
          keepNext: (keepLastWithNext && i === items.length - 1) || undefined,
          numbering: { reference: kind === 'bullet' ? LIST.bullet : LIST.numbered, level: 0, instance },
          children: textRuns(item),
        }),
    );
  }
}

const numberingConfig = [
  {
    reference: LIST.bullet,
    levels: [0, 1, 2].map((level) => ({
      level,
      format: LevelFormat.BULLET,
      text: level === 1 ? '–' : '•',
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: LIST_INDENT } } },
    })),
  },
  {
    reference: LIST.numbered,
    levels: [0, 1, 2].map((level) => ({
      level,
      format: level === 1 ? LevelFormat.LOWER_LETTER : LevelFormat.DECIMAL,
      text: level === 1 ? `%${level + 1})` : `%${level + 1}.`,
      alignment: AlignmentType.LEFT,
      style: { paragraph: { indent: { left: LIST_INDENT * (level + 1), hanging: LIST_INDENT } } },
    })),
  },
];

// ---------------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------------

export interface TableColumn {
  header: string;
  /** Relative width; the columns share the text width in this proportion. */
  weight: number;
  align?: 'left' | 'right';
}

/** A cell: plain text (line feeds allowed), or runs. */
export type CellValue = string | readonly InlineRun[];

/** A row after the data (a sum): the label spans the columns left of the values, all set in bold. */
export interface TotalRow {
  label: CellValue;
  /** The values of the last columns. */
  values: readonly CellValue[];
}

export interface DataTableOptions {
  totalRows?: readonly TotalRow[];
  /** Whether the first row is a header row (default true). Without one, every row is data. */
  header?: boolean;
  /** Keeps the last row on the page of the paragraph after the table (e.g. a letter's close). */
  keepWithNext?: boolean;
}

/** Column widths in DXA from weights, summing exactly to the text width. */
export function columnWidths(weights: readonly number[], total = CONTENT_WIDTH): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

/** Left + right cell margin and a little slack for rounding in the office suite. */
const CELL_PADDING = 200 + 60;
/** No single word claims more than this share of the table (a pasted URL breaks rather than squeeze all else). */
const MAX_WORD_SHARE = 0.5;

/**
 * Column widths from the content and the page: every column at least as wide as its longest word
 * (so no word is broken inside a cell), the remaining width shared by the weights. When the longest
 * words alone need more than the page, the columns share the page in proportion to them.
 */
export function fitColumnWidths(weights: readonly number[], minimums: readonly number[], total = CONTENT_WIDTH): number[] {
  const min = minimums.map((m) => Math.min(Math.ceil(m), Math.floor(total * MAX_WORD_SHARE)));
  const minSum = min.reduce((a, b) => a + b, 0);
  if (minSum >= total) return columnWidths(min, total);
  const wanted = columnWidths(weights, total).map((w, i) => Math.max(w, min[i]!));
  const excess = wanted.reduce((a, b) => a + b, 0) - total;
  if (excess > 0) {
    // Take the excess from the columns that are wider than they need, in proportion to their slack.
    const slack = wanted.map((w, i) => w - min[i]!);
    const slackSum = slack.reduce((a, b) => a + b, 0);
    wanted.forEach((w, i) => (wanted[i] = w - Math.floor((slack[i]! / slackSum) * excess)));
  }
  // Rounding: the few twips left over go to (or come from) the column with the most room.
  const roomiest = wanted.reduce((best, w, i) => (w - min[i]! > wanted[best]! - min[best]! ? i : best), 0);
  wanted[roomiest]! += total - wanted.reduce((a, b) => a + b, 0);
  return wanted;
}

/** The width the longest word of a cell needs, at table text size. */
function longestWord(value: CellValue, bold: boolean): number {
  const runs = typeof value === 'string' ? [{ text: value, bold }] : value.map((r) => ({ ...r, bold: bold || r.bold }));
  let widest = 0;
  for (const run of runs)
    for (const word of unbreakableWords('verbatim' in run && run.verbatim ? run.text.replace(FORBIDDEN, '') : sanitize(run.text)))
      widest = Math.max(widest, textWidthDxa(word, SIZE.small, run.bold));
  return widest + CELL_PADDING;
}

const thin = { style: BorderStyle.SINGLE, size: 4, color: RULE };
const TABLE_BORDERS = { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin };
const CELL_MARGINS = { top: 40, bottom: 40, left: 100, right: 100 };

function cellParagraphs(value: CellValue, style: string, keepNext = false): Paragraph[] {
  const runs = typeof value === 'string' ? [{ text: value }] : value;
  return [new Paragraph({ style, keepNext: keepNext || undefined, children: textRuns(runs) })];
}

/**
 * A data table over the whole text width: a header row that repeats on every page (`tblHeader`), rows
 * that never split across pages (`cantSplit`), fixed layout and widths in DXA on the table, the grid
 * and every cell (LibreOffice ignores widths otherwise). Rows shorter than the columns are padded.
 */
export function dataTable(columns: readonly TableColumn[], rows: readonly (readonly CellValue[])[], options: DataTableOptions = {}): Table {
  const withHeader = options.header ?? true;
  const minimums = columns.map((column, i) =>
    Math.max(
      withHeader ? longestWord(column.header, true) : 0,
      ...rows.map((row) => longestWord(row[i] ?? '', false)),
      // Sum rows: only the value cells, the label may span several columns.
      ...(options.totalRows ?? []).map((total) => {
        const offset = columns.length - total.values.length;
        return i >= offset ? longestWord(total.values[i - offset] ?? '', true) : 0;
      }),
    ),
  );
  const widths = fitColumnWidths(
    columns.map((c) => c.weight),
    minimums,
  );
  const makeRow = (values: readonly CellValue[], kind: 'header' | 'data', keepNext = false) =>
    new TableRow({
      tableHeader: kind === 'header' || undefined,
      cantSplit: true,
      children: columns.map((column, i) => {
        const right = column.align === 'right';
        const style =
          kind === 'data' ? (right ? STYLE.tabellentextRechts : STYLE.tabellentext) : right ? STYLE.tabellenkopfRechts : STYLE.tabellenkopf;
        return new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          shading: kind === 'header' ? { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } : undefined,
          children: cellParagraphs(values[i] ?? '', style, keepNext),
        });
      }),
    });
  const makeTotalRow = (total: TotalRow, last: boolean) => {
    const keepNext = options.keepWithNext === true && last;
    const span = Math.max(1, columns.length - total.values.length);
    const cell = (value: CellValue, width: number, right: boolean, columnSpan?: number) =>
      new TableCell({
        width: { size: width, type: WidthType.DXA },
        columnSpan,
        children: cellParagraphs(value, right ? STYLE.tabellenkopfRechts : STYLE.tabellenkopf, keepNext),
      });
    return new TableRow({
      cantSplit: true,
      children: [
        cell(
          total.label,
          widths.slice(0, span).reduce((a, b) => a + b, 0),
          false,
          span > 1 ? span : undefined,
        ),
        ...total.values
          .slice(0, columns.length - span)
          .map((value, i) => cell(value, widths[span + i]!, columns[span + i]!.align === 'right')),
      ],
    });
  };
  const tableRows = [
    ...(withHeader
      ? [
          makeRow(
            columns.map((c) => c.header),
            'header',
          ),
        ]
      : []),
    ...rows.map((r, i) => makeRow(r, 'data', options.keepWithNext === true && !options.totalRows?.length && i === rows.length - 1)),
    ...(options.totalRows ?? []).map((total, i, all) => makeTotalRow(total, i === all.length - 1)),
  ];
  return new Table({
    width: { size: CONTENT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TABLE_BORDERS,
    margins: CELL_MARGINS,
    rows: tableRows,
  });
}

// ---------------------------------------------------------------------------------------------------
// Structured and plain text
// ---------------------------------------------------------------------------------------------------

export interface TextContext {
  lists: Lists;
  /** Numbering of the headings in this text; a new SectionNumbers per section restarts at "1". */
  numbers: SectionNumbers;
  /** The Word heading level of a level-1 rich-text heading (2: under a Heading 1 section title). */
  headingBase: 1 | 2;
}

const hasText = (runs: readonly InlineRun[]) => runs.some((r) => sanitize(r.text).trim() !== '');

/** Runs split into paragraphs where the text has a blank line (pasted text), so no empty lines are typed. */
function splitAtBlankLines(runs: readonly InlineRun[]): InlineRun[][] {
  const paragraphs: InlineRun[][] = [[]];
  for (const run of runs) {
    sanitize(run.text)
      .split(/\n[^\S\n]*\n\s*/)
      .forEach((text, i) => {
        if (i > 0) paragraphs.push([]);
        paragraphs.at(-1)!.push({ ...run, text });
      });
  }
  return paragraphs;
}

/**
 * Rich-text blocks → paragraphs and tables: headings in Heading 2/3/4 numbered "1", "1.1", "1.1.1";
 * paragraphs with bold/italic; real bullet and numbered lists; tables with the first row as header.
 * Empty paragraphs, list items and sections (a heading with nothing under it) are left out (spacing
 * comes from the styles).
 */
export function richTextContent(blocks: readonly Block[], ctx: TextContext): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  // A heading whose section is empty (a template's "Ausblick" nobody filled) is left out, unnumbered.
  const printed = printedBlocks(blocks);
  for (const [index, block] of blocks.entries()) {
    if (!printed[index]) continue;
    switch (block.type) {
      case 'heading': {
        if (sanitizeLine(block.text) === '') break;
        const level = Math.min(4, ctx.headingBase + block.level - 1) as 1 | 2 | 3 | 4;
        out.push(heading(level, block.text, ctx.numbers.next(block.level)));
        break;
      }
      case 'paragraph':
        for (const runs of splitAtBlankLines(block.runs)) if (hasText(runs)) out.push(richPara(runs));
        break;
      case 'bulletList':
      case 'numberedList': {
        const items = block.items.filter(hasText);
        if (items.length > 0) out.push(...ctx.lists.list(block.type === 'bulletList' ? 'bullet' : 'numbered', items));
        break;
      }
      case 'table': {
        const width = Math.max(1, ...block.rows.map((r) => r.length));
        const weights = Array.from({ length: width }, (_, i) =>
          Math.min(40, Math.max(6, ...block.rows.map((r) => sanitizeLine(r[i] ?? '').length))),
        );
        const [first = [], ...rest] = block.rows;
        out.push(
          dataTable(
            weights.map((weight, i) => ({ header: first[i] ?? '', weight })),
            rest,
          ),
        );
        break;
      }
    }
  }
  return out;
}

const BULLET_LINE = /^\s*[-•*]\s+(.*)$/;
const NUMBERED_LINE = /^\s*(\d{1,3})[.)]\s+(.*)$/;

/**
 * Plain multi-line text (Beschlussvorschlag, Deckung, Begründung …) → paragraphs, one per line. Lines
 * typed as "- …" become a real bullet list, and lines "1. …", "2. …" counting up from 1 a real numbered
 * list; anything else stays as typed. No markup is interpreted.
 */
export function plainTextContent(text: string, lists: Lists, keepLastWithNext = false): Paragraph[] {
  const lines = sanitize(text)
    .split('\n')
    .map((l) => l.trim());
  const out: Paragraph[] = [];
  // The last line that prints: with keepLastWithNext, its paragraph stays on the page of what follows.
  const end = lines.findLastIndex((l) => l !== '');
  const keep = (i: number) => keepLastWithNext && i >= end;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    if (BULLET_LINE.test(line)) {
      const items: InlineRun[][] = [];
      for (; i < lines.length && BULLET_LINE.test(lines[i]!); i++) items.push([{ text: BULLET_LINE.exec(lines[i]!)![1]! }]);
      i--;
      out.push(...lists.list('bullet', items, keep(i)));
      continue;
    }
    const numbered = NUMBERED_LINE.exec(line);
    if (numbered && numbered[1] === '1') {
      const items: InlineRun[][] = [];
      for (let n = 1; i < lines.length; i++, n++) {
        const match = NUMBERED_LINE.exec(lines[i]!);
        if (!match || Number(match[1]) !== n) break;
        items.push([{ text: match[2]! }]);
      }
      i--;
      out.push(...lists.list('numbered', items, keep(i)));
      continue;
    }
    out.push(para(line, undefined, keep(i)));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Images
// ---------------------------------------------------------------------------------------------------

export interface DocumentImage {
  data: Uint8Array;
  altText: string;
  /** Size in the document, pixels at 96 dpi. */
  width: number;
  height: number;
}

/** PNG, JPEG, GIF or BMP by its first bytes; null for anything else (it is then left out). */
export function imageType(data: Uint8Array): 'png' | 'jpg' | 'gif' | 'bmp' | null {
  if (data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) return 'png';
  if (data[0] === 0xff && data[1] === 0xd8) return 'jpg';
  if (data[0] === 0x47 && data[1] === 0x49 && data[2] === 0x46) return 'gif';
  if (data[0] === 0x42 && data[1] === 0x4d) return 'bmp';
  return null;
}

/** An inline image with alt text, scaled down to fit the text width; null when the format is unknown. */
export function imageParagraph(image: DocumentImage, alignment: 'left' | 'right' = 'left'): Paragraph | null {
  const type = imageType(image.data);
  if (!type || image.width <= 0 || image.height <= 0) return null;
  const maxPx = Math.floor((CONTENT_WIDTH / 1440) * 96);
  const scale = Math.min(1, maxPx / image.width);
  const alt = sanitizeLine(image.altText);
  return new Paragraph({
    alignment: alignment === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
    children: [
      new ImageRun({
        type,
        data: image.data,
        transformation: { width: Math.round(image.width * scale), height: Math.round(image.height * scale) },
        altText: { name: alt, description: alt, title: alt },
      }),
    ],
  });
}

// ---------------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------------

export interface DocumentProperties {
  title: string;
  subject: string;
  creator: string;
  keywords: readonly string[];
  description: string;
  lastModifiedBy: string;
  /** When the content was first created (ISO), and when this file was made. */
  created: string | Date;
  modified: Date;
}

export interface RunningHeader {
  /** Left part, e.g. "Drucksache Nr.: 12534-18". */
  left: string;
  /** Right part, set bold as a marking, e.g. "nichtöffentlich" or "ENTWURF · nichtöffentlich". */
  right?: string;
}

export interface BaseDocumentOptions {
  properties: DocumentProperties;
  header: RunningHeader;
  /** Left of the footer (e.g. "Erstellt am 04.03.2025"); "Seite X von Y" is always on the right. */
  footerLeft?: string;
  /**
   * A letter (DIN 5008): the first page carries no running header (its letterhead is part of the text),
   * the running header starts on page 2. The footer is the same on every page.
   */
  firstPageWithoutHeader?: boolean;
  children: ISectionOptions['children'];
}

/** Texts the base itself prints; passed in so all user-visible text stays in shared/i18n. */
export interface BaseTexts {
  page: string;
  of: string;
  /** The page count cached in the NUMPAGES field until the office suite recomputes it. */
  estimatedPages?: number;
}

function runningHeader(header: RunningHeader): Header {
  const children: TextRun[] = [...textRuns([{ text: sanitizeLine(header.left) }])];
  if (header.right)
    children.push(new TextRun({ children: [new Tab()] }), new TextRun({ text: sanitizeLine(header.right), style: STYLE.vermerk }));
  return new Header({ children: [new Paragraph({ style: STYLE.header, children })] });
}

function pageFooter(texts: BaseTexts, left?: string): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        children: [
          ...(left ? textRuns([{ text: sanitizeLine(left) }]) : []),
          new TextRun({ children: [new Tab(), `${texts.page} `] }),
          // Simple fields with a cached result: a previewer that does not compute fields shows
          // "Seite 1 von 1" instead of "Seite  von"; Word and LibreOffice recompute them on opening.
          new SimpleField('PAGE', '1'),
          new TextRun({ text: ` ${texts.of} ` }),
          new SimpleField('NUMPAGES', String(Math.max(1, texts.estimatedPages ?? 1))),
        ],
      }),
    ],
  });
}

const bodyRun = { font: FONT, size: SIZE.body, language: LANGUAGE, color: BLACK } as const;

/**
 * Paragraph spacing, always with `lineRule="auto"`: a `w:line` without its rule is read by LibreOffice as
 * an exact height, so the lines of a two-line title overlap and an inline logo is clipped.
 * `line` in 240ths of a line (240 = single).
 */
export function spacing(before: number, after: number, line = 240) {
  return { before, after, line, lineRule: LineRuleType.AUTO };
}

const headingStyle = (size: number, before: number, after: number, outlineLevel: number, italics = false) => ({
  run: { font: FONT, size, bold: true, italics, color: BLACK },
  paragraph: { spacing: spacing(before, after), keepNext: true, keepLines: true, outlineLevel },
});

/** The styles of every document: Arial 11 pt, German, black headings, spacing in the styles. */
export function documentStyles() {
  const tableText = { run: { size: SIZE.small }, paragraph: { spacing: spacing(0, 0) } };
  return {
    default: {
      document: { run: bodyRun, paragraph: { spacing: spacing(0, 120, 264) } },
      title: {
        run: { font: FONT, size: SIZE.title, bold: true, color: BLACK },
        paragraph: { spacing: spacing(240, 240), keepNext: true, keepLines: true },
      },
      heading1: headingStyle(SIZE.h1, 360, 120, 0),
      heading2: headingStyle(SIZE.h2, 240, 120, 1),
      heading3: headingStyle(SIZE.h3, 240, 60, 2),
      heading4: headingStyle(SIZE.h4, 180, 60, 3, true),
      listParagraph: { paragraph: { spacing: spacing(0, 60, 264), contextualSpacing: true } },
    },
    paragraphStyles: [
      {
        id: STYLE.kopfblock,
        name: 'Kopfblock',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { spacing: spacing(0, 40, 264), leftTabStop: KOPFBLOCK_TAB, indent: { left: KOPFBLOCK_TAB, hanging: KOPFBLOCK_TAB } },
      },
      { id: STYLE.tabellentext, name: 'Tabellentext', basedOn: 'Normal', quickFormat: true, ...tableText },
      {
        id: STYLE.tabellentextRechts,
        name: 'Tabellentext rechts',
        basedOn: STYLE.tabellentext,
        paragraph: { alignment: AlignmentType.RIGHT },
      },
      { id: STYLE.tabellenkopf, name: 'Tabellenkopf', basedOn: STYLE.tabellentext, quickFormat: true, run: { bold: true } },
      {
        id: STYLE.tabellenkopfRechts,
        name: 'Tabellenkopf rechts',
        basedOn: STYLE.tabellenkopf,
        paragraph: { alignment: AlignmentType.RIGHT },
      },
      {
        id: STYLE.header,
        name: 'header',
        basedOn: 'Normal',
        run: { size: SIZE.small },
        paragraph: { spacing: spacing(0, 0), rightTabStop: CONTENT_WIDTH },
      },
      {
        id: STYLE.footer,
        name: 'footer',
        basedOn: 'Normal',
        run: { size: SIZE.small },
        paragraph: { spacing: spacing(0, 0), rightTabStop: CONTENT_WIDTH },
      },
    ],
    characterStyles: [
      { id: STYLE.feldname, name: 'Feldname', basedOn: 'DefaultParagraphFont', run: { bold: true } },
      { id: STYLE.vermerk, name: 'Vermerk', basedOn: 'DefaultParagraphFont', run: { bold: true } },
    ],
  };
}

/** Builds the docx Document: one A4 section with running header, footer, styles, lists and properties. */
export function createBaseDocument(options: BaseDocumentOptions, texts: BaseTexts): Document {
  const p = options.properties;
  return new Document({
    title: sanitizeLine(p.title),
    subject: sanitizeLine(p.subject),
    creator: sanitizeLine(p.creator),
    keywords: p.keywords.map(sanitizeLine).join('; '),
    description: sanitizeLine(p.description),
    lastModifiedBy: sanitizeLine(p.lastModifiedBy),
    styles: documentStyles(),
    // Body text is hyphenated (German words are long); headings, labels, tables, header and footer are not
    // (their styles carry suppressAutoHyphens, see NO_HYPHENATION).
    hyphenation: { autoHyphenation: true, consecutiveHyphenLimit: 2, hyphenationZone: 357, doNotHyphenateCaps: true },
    numbering: { config: numberingConfig },
    sections: [
      {
        properties: {
          titlePage: options.firstPageWithoutHeader || undefined,
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: PAGE.marginTop,
              bottom: PAGE.marginBottom,
              left: PAGE.marginLeft,
              right: PAGE.marginRight,
              header: PAGE.header,
              footer: PAGE.footer,
              gutter: 0,
            },
          },
        },
        ...(options.firstPageWithoutHeader
          ? {
              headers: {
                default: runningHeader(options.header),
                first: new Header({ children: [new Paragraph({ style: STYLE.header })] }),
              },
              footers: { default: pageFooter(texts, options.footerLeft), first: pageFooter(texts, options.footerLeft) },
            }
          : {
              headers: { default: runningHeader(options.header) },
              footers: { default: pageFooter(texts, options.footerLeft) },
            }),
        children: options.children,
      },
    ],
  });
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const w3cdtf = (value: string | Date) => {
  const date = typeof value === 'string' ? new Date(value) : value;
  return (Number.isNaN(date.getTime()) ? new Date(0) : date).toISOString().replace(/\.\d{3}Z$/, 'Z');
};

/**
 * docProps/core.xml with the real dates (docx would stamp "now" as created) and dc:language, replacing
 * the one docx writes. Same properties as the Document options.
 */
export function corePropertiesXml(p: DocumentProperties): string {
  const element = (name: string, value: string) => (value ? `<${name}>${escapeXml(value)}</${name}>` : '');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    element('dc:title', sanitizeLine(p.title)) +
    element('dc:subject', sanitizeLine(p.subject)) +
    element('dc:creator', sanitizeLine(p.creator)) +
    element('cp:keywords', p.keywords.map(sanitizeLine).join('; ')) +
    element('dc:description', sanitizeLine(p.description)) +
    element('cp:lastModifiedBy', sanitizeLine(p.lastModifiedBy)) +
    element('dc:language', LANGUAGE.value) +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${w3cdtf(p.created)}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${w3cdtf(p.modified)}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** Styles whose paragraphs are never hyphenated: a heading, a label, a table cell or a number stays whole. */
export const NO_HYPHENATION = [
  'Title',
  'Heading1',
  'Heading2',
  'Heading3',
  'Heading4',
  STYLE.kopfblock,
  STYLE.tabellentext,
  STYLE.tabellenkopf,
  STYLE.header,
  STYLE.footer,
];

/** Packs a document built with createBaseDocument into .docx bytes, with the real core properties. */
export async function packDocument(doc: Document, properties: DocumentProperties): Promise<Buffer> {
  const bytes = await Packer.toBuffer(doc, false, [{ path: 'docProps/core.xml', data: corePropertiesXml(properties) }]);
  return patchDocxParts(bytes, NO_HYPHENATION);
}
