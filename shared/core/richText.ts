import { z } from 'zod';

/**
 * Structured rich text for submission sections: headings, paragraphs with bold/italic runs, bullet and
 * numbered lists, simple tables. Clerks type a small, Word-like markup in the editor (see
 * `parseRichText`); documents are built from the blocks, never from the markup.
 */
export const runSchema = z.strictObject({
  text: z.string().max(100_000),
  bold: z.boolean(),
  italic: z.boolean(),
});
export type Run = z.infer<typeof runSchema>;

export const blockSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('heading'), level: z.union([z.literal(1), z.literal(2), z.literal(3)]), text: z.string().max(500) }),
  z.strictObject({ type: z.literal('paragraph'), runs: z.array(runSchema).max(2000) }),
  z.strictObject({ type: z.literal('bulletList'), items: z.array(z.array(runSchema).max(500)).max(1000) }),
  z.strictObject({ type: z.literal('numberedList'), items: z.array(z.array(runSchema).max(500)).max(1000) }),
  z.strictObject({
    type: z.literal('table'),
    rows: z
      .array(z.array(z.string().max(5000)).max(20))
      .min(1)
      .max(2000),
  }),
]);
export type Block = z.infer<typeof blockSchema>;

export const richTextSchema = z.array(blockSchema).max(20_000);
export type RichText = Block[];

// Word pastes bring soft hyphens, zero-width characters, non-breaking spaces and control characters.
// eslint-disable-next-line no-control-regex
const JUNK = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** Removes what must never reach a document; keeps letters, punctuation and line breaks. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(JUNK, '')
    .replace(/\u00A0/g, ' ')
    .replace(/\t/g, ' ');
}

/** `Text mit **fett** und *kursiv*` → runs. Unclosed markers stay literal. */
export function parseInline(text: string): Run[] {
  const runs: Run[] = [];
  const pattern = /\*\*(.+?)\*\*|\*(.+?)\*/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) runs.push({ text: text.slice(last, match.index), bold: false, italic: false });
    if (match[1] !== undefined) runs.push({ text: match[1], bold: true, italic: false });
    else runs.push({ text: match[2]!, bold: false, italic: true });
    last = match.index + match[0].length;
  }
  if (last < text.length || runs.length === 0) runs.push({ text: text.slice(last), bold: false, italic: false });
  return runs.filter((r, i) => r.text !== '' || i === 0);
}

export function inlineToMarkup(runs: readonly Run[]): string {
  return runs.map((r) => (r.bold ? `**${r.text}**` : r.italic ? `*${r.text}*` : r.text)).join('');
}

export function plainText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

/**
 * The editor's markup → blocks. Lines starting with `#`, `##`, `###` are headings; `- ` bullets;
 * `1. ` numbered items; lines starting and ending with `|` form a table; blank lines end paragraphs.
 */
export function parseRichText(markup: string): RichText {
  const blocks: RichText = [];
  const lines = cleanText(markup).split('\n');
  let paragraph: string[] = [];
  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', runs: parseInline(paragraph.join(' ').trim()) });
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trimEnd();
    const heading = /^(#{1,3})\s+(.+)$/.exec(line);
    if (heading) {
      flushParagraph();
      blocks.push({ type: 'heading', level: heading[1]!.length as 1 | 2 | 3, text: heading[2]!.trim() });
      continue;
    }
    const listKind = /^\s*[-•]\s+/.test(line) ? 'bulletList' : /^\s*\d+[.)]\s+/.test(line) ? 'numberedList' : null;
    if (listKind) {
      flushParagraph();
      const items: Run[][] = [];
      while (i < lines.length) {
        const current = lines[i]!;
        const match = listKind === 'bulletList' ? /^\s*[-•]\s+(.*)$/.exec(current) : /^\s*\d+[.)]\s+(.*)$/.exec(current);
        if (!match) break;
        items.push(parseInline(match[1]!.trim()));
        i++;
      }
      i--;
      blocks.push({ type: listKind, items });
      continue;
    }
    if (/^\s*\|.*\|\s*$/.test(line)) {
      flushParagraph();
      const rows: string[][] = [];
      while (i < lines.length && /^\s*\|.*\|\s*$/.test(lines[i]!)) {
        const cells = lines[i]!.trim()
          .slice(1, -1)
          .split('|')
          .map((c) => c.trim());
        // A Markdown separator row (| --- | --- |) only marks the header; it is not data.
        if (!cells.every((c) => /^:?-{3,}:?$/.test(c))) rows.push(cells.slice(0, 20));
        i++;
      }
      i--;
      if (rows.length > 0) blocks.push({ type: 'table', rows });
      continue;
    }
    if (line.trim() === '') flushParagraph();
    else paragraph.push(line.trim());
  }
  flushParagraph();
  return blocks;
}

/** Blocks → the editor's markup (the inverse of parseRichText for what it produces). */
export function toMarkup(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'heading':
          return `${'#'.repeat(b.level)} ${b.text}`;
        case 'paragraph':
          return inlineToMarkup(b.runs);
        case 'bulletList':
          return b.items.map((item) => `- ${inlineToMarkup(item)}`).join('\n');
        case 'numberedList':
          return b.items.map((item, i) => `${i + 1}. ${inlineToMarkup(item)}`).join('\n');
        case 'table':
          return b.rows.map((row) => `| ${row.join(' | ')} |`).join('\n');
      }
    })
    .join('\n\n');
}

/** No readable text at all: empty paragraphs, headings, list items and cells count as nothing (the Word export leaves them out too). */
export function isEmptyRichText(blocks: readonly Block[]): boolean {
  return blocks.every((b) => {
    switch (b.type) {
      case 'heading':
        return b.text.trim() === '';
      case 'paragraph':
        return plainText(b.runs).trim() === '';
      case 'bulletList':
      case 'numberedList':
        return b.items.every((item) => plainText(item).trim() === '');
      case 'table':
        return b.rows.every((row) => row.every((cell) => cell.trim() === ''));
    }
  });
}
