import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { cleanText, type Block, type Run } from './richText';
import { normalizeRichText } from './richTextNormalize';

/**
 * Clipboard HTML (Word, LibreOffice, browsers) → the rich-text block model. Pure: no DOM, so the same code
 * runs in the renderer on paste and in unit tests over real clipboard fixtures. Only what the model holds
 * survives — headings 1–3, paragraphs with bold/italic, one-level lists, plain tables; fonts, colours,
 * comments, tracked deletions, images, hidden text and invisible characters are dropped. What was dropped
 * that a clerk would miss (images, list levels) is reported as a note, so the editor can say so.
 */
export type PasteNote = 'imagesDropped' | 'listsFlattened' | 'longHeadingAsParagraph';
export interface PasteResult {
  blocks: Block[];
  notes: PasteNote[];
}

type LineKind =
  { type: 'paragraph' } | { type: 'heading'; level: 1 | 2 | 3 } | { type: 'item'; list: 'bulletList' | 'numberedList'; depth: number };
interface Line {
  kind: LineKind;
  runs: Run[];
  /** The list item element the line belongs to, so a second <p> inside one <li> stays in that item. */
  owner: Element | null;
}
interface Marks {
  bold: boolean;
  italic: boolean;
}

/** Elements whose content is never text of the document. */
const SKIP = new Set([
  'head',
  'style',
  'script',
  'title',
  'meta',
  'link',
  'template',
  'noscript',
  'xml',
  'iframe',
  'button',
  'select',
  'textarea',
  'input',
  'del',
  'w:sdtpr',
]);
const IMAGES = new Set([
  'img',
  'picture',
  'svg',
  'canvas',
  'object',
  'embed',
  'video',
  'audio',
  'v:shape',
  'v:imagedata',
  'v:image',
  'v:rect',
  'v:group',
  'v:textbox',
]);
const BLOCKS = new Set([
  'p',
  'div',
  'blockquote',
  'address',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'pre',
  'dt',
  'dd',
  'dl',
  'center',
  'figure',
  'figcaption',
  'caption',
  'body',
  'html',
  'nav',
  'hr',
  'h4',
  'h5',
  'h6',
]);
/** Word and LibreOffice class names of comments, footnote anchors and tracked deletions. */
const SKIP_CLASS =
  /(^|\s)(msocomanchor|msocomtxt|msocomoff|msocommentreference|msodel|sdfootnoteanc|sdendnoteanc|sdfootnotesym|sdendnotesym)(\s|$)/i;

function styleOf(el: Element): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of (el.attribs['style'] ?? '').split(';')) {
    const colon = part.indexOf(':');
    if (colon > 0)
      map.set(
        part.slice(0, colon).trim().toLowerCase(),
        part
          .slice(colon + 1)
          .trim()
          .toLowerCase(),
      );
  }
  return map;
}

function isHidden(el: Element, style: Map<string, string>): boolean {
  if ('hidden' in el.attribs) return true;
  if (style.get('display') === 'none' || style.get('visibility') === 'hidden' || style.get('mso-hide') === 'all') return true;
  // Word's comment list and footnote/endnote areas at the end of a copied range.
  const element = style.get('mso-element') ?? '';
  if (/comment|footnote|endnote/.test(element)) return true;
  if (style.has('mso-comment-reference') || style.get('mso-special-character') === 'comment') return true;
  return SKIP_CLASS.test(el.attribs['class'] ?? '') || /^(sdfootnote|sdendnote|comment)\d*/i.test(el.attribs['id'] ?? '');
}

function marksOf(el: Element, style: Map<string, string>, outer: Marks): Marks {
  let { bold, italic } = outer;
  if (el.name === 'b' || el.name === 'strong') bold = true;
  if (el.name === 'i' || el.name === 'em') italic = true;
  const weight = style.get('font-weight');
  if (weight !== undefined) bold = /^(bold|bolder|[6-9]00)$/.test(weight.replace(/\s*!important/, ''));
  const fontStyle = style.get('font-style');
  if (fontStyle !== undefined) italic = /^(italic|oblique)/.test(fontStyle);
  return { bold, italic };
}

/** Heading level from the tag, Word's style classes/names ("Überschrift 1", MsoHeading1) or LibreOffice's classes. */
function headingLevel(el: Element, style: Map<string, string>): 1 | 2 | 3 | null {
  const tag = /^h([1-6])$/.exec(el.name);
  if (tag) return Math.min(3, Number(tag[1])) as 1 | 2 | 3;
  const names = `${el.attribs['class'] ?? ''} ${style.get('mso-style-name') ?? ''} ${el.attribs['data-style'] ?? ''}`.toLowerCase();
  const named = /(?:heading|berschrift|titre|kop)[\s_-]*([1-9])/.exec(names.replace(/["']/g, ''));
  if (named) return Math.min(3, Number(named[1])) as 1 | 2 | 3;
  const outline = /level([1-9])/.exec(style.get('mso-outline-level') ?? '') ?? /^([1-9])$/.exec(style.get('mso-outline-level') ?? '');
  if (outline) return Math.min(3, Number(outline[1])) as 1 | 2 | 3;
  return null;
}

/** Word's list paragraphs: `mso-list:l0 level2 lfo1`. Returns the level, or null for a normal paragraph. */
function msoListLevel(style: Map<string, string>): number | null {
  const list = style.get('mso-list');
  if (!list || list === 'ignore' || list === 'none') return null;
  const level = /level(\d+)/.exec(list);
  return level ? Number(level[1]) : 1;
}

/** A numbered marker looks like "1.", "a)", "iv.", "(3)"; anything else (·, o, §, –) is a bullet. */
function markerKind(marker: string): 'bulletList' | 'numberedList' {
  return /^\(?([0-9]+|[a-z]|[ivxlc]+)[.)]/i.test(marker.trim()) ? 'numberedList' : 'bulletList';
}

function textOf(nodes: readonly ChildNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.data;
    else if ('children' in node) out += textOf(node.children as ChildNode[]);
  }
  return out;
}

class Reducer {
  readonly blocks: Block[] = [];
  readonly notes = new Set<PasteNote>();
  private lines: Line[] = [];
  private current: Line | null = null;

  /** Ends the line being filled; the next text starts a new one of `kind`. */
  private pending: { kind: LineKind; owner: Element | null } = { kind: { type: 'paragraph' }, owner: null };

  startLine(kind: LineKind, owner: Element | null): void {
    if (owner !== null && this.current?.owner === owner) {
      // A further paragraph inside the same list item: a line break within the item.
      if (this.current.runs.length > 0) this.pushText('\n', { bold: false, italic: false });
      return;
    }
    if (owner !== null && this.current === null && this.pending.owner === owner) return;
    this.current = null;
    this.pending = { kind, owner };
  }

  endLine(): void {
    this.current = null;
    this.pending = { kind: { type: 'paragraph' }, owner: null };
  }

  pushText(text: string, marks: Marks): void {
    if (text === '') return;
    if (this.current === null) {
      if (text.trim() === '') return;
      this.current = { kind: this.pending.kind, runs: [], owner: this.pending.owner };
      this.lines.push(this.current);
    }
    this.current.runs.push({ text, bold: marks.bold, italic: marks.italic });
  }

  pushBlock(block: Block): void {
    this.flushLines();
    this.endLine();
    this.blocks.push(block);
  }

  /** Groups the collected lines into headings, paragraphs and lists. */
  flushLines(): void {
    for (const line of this.lines) {
      const runs = trimRuns(line.runs);
      const text = runs.map((r) => r.text).join('');
      if (text.trim() === '') continue;
      if (line.kind.type === 'heading') {
        const heading = text.replace(/\s*\n\s*/g, ' ').trim();
        if (heading.length <= 500) {
          this.blocks.push({ type: 'heading', level: line.kind.level, text: heading });
          continue;
        }
        this.notes.add('longHeadingAsParagraph');
        this.blocks.push({ type: 'paragraph', runs });
        continue;
      }
      if (line.kind.type === 'item') {
        // The model has one list level: deeper items join their list, and the clerk is told.
        if (line.kind.depth > 1) this.notes.add('listsFlattened');
        const last = this.blocks.at(-1);
        if (last && last.type === line.kind.list && last.items.length < 1000) last.items.push(runs);
        else this.blocks.push({ type: line.kind.list, items: [runs] });
        continue;
      }
      this.blocks.push({ type: 'paragraph', runs });
    }
    this.lines = [];
    this.current = null;
  }
}

/** Collapses HTML whitespace inside the line and trims its ends; keeps explicit line breaks. */
function trimRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    let text = run.text;
    const prev = out.at(-1);
    // Collapse a space at a run boundary (HTML shows "a <b> b</b>" with one space).
    if (prev && /[ \n]$/.test(prev.text) && text.startsWith(' ')) text = text.replace(/^ +/, '');
    if (text !== '') out.push({ ...run, text });
  }
  if (out.length > 0) out[0] = { ...out[0]!, text: out[0]!.text.replace(/^\s+/, '') };
  if (out.length > 0) out[out.length - 1] = { ...out.at(-1)!, text: out.at(-1)!.text.replace(/\s+$/, '') };
  return out.map((r) => ({ ...r, text: r.text.replace(/ *\n */g, '\n') })).filter((r) => r.text !== '');
}

function walk(
  nodes: readonly ChildNode[],
  r: Reducer,
  marks: Marks,
  ctx: { listDepth: number; owner: Element | null; pre: boolean },
): void {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'text') {
      const raw = ctx.pre ? node.data : node.data.replace(/[ \t\n\r\f]+/g, ' ');
      r.pushText(cleanText(raw), marks);
      continue;
    }
    if (node.type === 'comment') {
      // Word's downlevel-revealed conditionals: `<![if !supportLists]>` wraps the typed list marker,
      // `<![if !vml]>` an image fallback. Skip to the matching `<![endif]>`.
      if (/^\[if !(support\w+|vml)\]$/i.test(node.data)) {
        let j = i + 1;
        const skipped: ChildNode[] = [];
        while (j < nodes.length && !(nodes[j]!.type === 'comment' && /^\[endif\]$/i.test((nodes[j] as { data: string }).data)))
          skipped.push(nodes[j++]!);
        if (/vml/i.test(node.data) && skipped.some((n) => n.type === 'tag' && n.name === 'img')) r.notes.add('imagesDropped');
        i = j;
      }
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const el = node as Element;
    const name = el.name.toLowerCase();
    if (SKIP.has(name) || node.type !== 'tag') continue;
    if (IMAGES.has(name)) {
      r.notes.add('imagesDropped');
      continue;
    }
    const style = styleOf(el);
    if (isHidden(el, style)) continue;
    // The marker Word writes in front of a list paragraph ("1.", "·") is not text.
    if (style.get('mso-list') === 'ignore') continue;
    if (name === 'br') {
      r.pushText('\n', marks);
      continue;
    }
    if (name === 'table') {
      r.pushBlock({ type: 'table', rows: tableRows(el) });
      continue;
    }
    if (name === 'ul' || name === 'ol') {
      const list = name === 'ol' ? 'numberedList' : 'bulletList';
      for (const child of el.children) {
        if (child.type === 'tag' && child.name === 'li') {
          r.startLine({ type: 'item', list, depth: ctx.listDepth + 1 }, child);
          walk(child.children, r, marks, { ...ctx, listDepth: ctx.listDepth + 1, owner: child });
          r.endLine();
        } else walk([child], r, marks, { ...ctx, listDepth: ctx.listDepth + 1 });
      }
      r.endLine();
      continue;
    }
    const inner = marksOf(el, style, marks);
    const heading = /^h[1-6]$/.test(name) || name === 'p' || name === 'div' ? headingLevel(el, style) : null;
    if (heading !== null) {
      // A heading stays a heading even inside a list: LibreOffice wraps outline-numbered headings in
      // <ol><li>, Word gives numbered headings a mso-list marker. The model's headings carry no number.
      r.startLine({ type: 'heading', level: heading }, null);
      walk(el.children, r, { bold: false, italic: false }, { ...ctx, owner: null });
      r.endLine();
      continue;
    }
    const level = msoListLevel(style);
    if (level !== null && (name === 'p' || name === 'div')) {
      const marker = findMarker(el.children);
      r.startLine({ type: 'item', list: markerKind(marker), depth: level }, null);
      walk(el.children, r, inner, ctx);
      r.endLine();
      continue;
    }
    if (BLOCKS.has(name) || name === 'li') {
      r.startLine({ type: 'paragraph' }, ctx.owner);
      walk(el.children, r, inner, { ...ctx, pre: ctx.pre || name === 'pre' });
      if (!ctx.owner) r.endLine();
      continue;
    }
    walk(el.children, r, inner, ctx);
  }
}

/** The text of Word's list marker: inside `<![if !supportLists]>` or a `mso-list:Ignore` span. */
function findMarker(nodes: readonly ChildNode[]): string {
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    if (node.type === 'comment' && /^\[if !supportLists\]$/i.test(node.data)) {
      const inside: ChildNode[] = [];
      for (
        let j = i + 1;
        j < nodes.length && !(nodes[j]!.type === 'comment' && /^\[endif\]$/i.test((nodes[j] as { data: string }).data));
        j++
      )
        inside.push(nodes[j]!);
      return textOf(inside);
    }
    if (node.type === 'tag') {
      if (styleOf(node).get('mso-list') === 'ignore') return textOf(node.children);
      const found = findMarker(node.children);
      if (found !== '') return found;
    }
  }
  return '';
}

/** A table's text grid; spanned cells are filled with empty text so every row has the same width. */
function tableRows(table: Element): string[][] {
  const rows: Element[] = [];
  const collect = (nodes: readonly ChildNode[]) => {
    for (const n of nodes) {
      if (n.type !== 'tag') continue;
      if (n.name === 'tr') rows.push(n);
      else if (n.name === 'thead' || n.name === 'tbody' || n.name === 'tfoot') collect(n.children);
    }
  };
  collect(table.children);
  const grid: string[][] = [];
  rows.forEach((tr, y) => {
    const row: string[] = (grid[y] ??= []);
    let x = 0;
    for (const cell of tr.children) {
      if (cell.type !== 'tag' || (cell.name !== 'td' && cell.name !== 'th')) continue;
      if (isHidden(cell, styleOf(cell))) continue;
      while (row[x] !== undefined) x++;
      row[x] = cellText(cell);
      const colspan = Math.max(1, Math.min(20, Number(cell.attribs['colspan']) || 1));
      const rowspan = Math.max(1, Math.min(2000, Number(cell.attribs['rowspan']) || 1));
      for (let dx = 0; dx < colspan; dx++) {
        if (dx > 0) row[x + dx] = '';
        for (let dy = 1; dy < rowspan && y + dy < rows.length; dy++) (grid[y + dy] ??= [])[x + dx] = '';
      }
      x += colspan;
    }
  });
  const width = Math.max(1, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

/** A cell's paragraphs as lines of plain text (the model's cells hold no formatting). */
function cellText(cell: Element): string {
  const inner = new Reducer();
  walk(cell.children, inner, { bold: false, italic: false }, { listDepth: 0, owner: null, pre: false });
  inner.flushLines();
  return inner.blocks
    .map((b) => {
      switch (b.type) {
        case 'heading':
          return b.text;
        case 'paragraph':
          return b.runs.map((x) => x.text).join('');
        case 'bulletList':
        case 'numberedList':
          return b.items.map((item) => `${b.type === 'bulletList' ? '•' : '-'} ${item.map((x) => x.text).join('')}`).join('\n');
        case 'table':
          return b.rows.map((row) => row.join(' ')).join('\n');
      }
    })
    .join('\n')
    .trim();
}

export function htmlToBlocks(html: string): PasteResult {
  const doc = parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true });
  const r = new Reducer();
  walk(doc.children, r, { bold: false, italic: false }, { listDepth: 0, owner: null, pre: false });
  r.flushLines();
  return { blocks: normalizeRichText(r.blocks), notes: [...r.notes] };
}

/**
 * Plain-text paste keeps its line structure: every non-empty line becomes a paragraph, as Word does with
 * pasted text. No markup is interpreted (a pasted "# x" stays the text "# x").
 */
export function plainTextToBlocks(text: string): Block[] {
  return cleanText(text)
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '')
    .map((line) => ({ type: 'paragraph', runs: [{ text: line, bold: false, italic: false }] }));
}
