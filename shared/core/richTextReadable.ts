import { plainText, type Block } from './richText';

/**
 * Rich text as a reader sees it, for places that show text rather than a document: the revision
 * comparison, review packages, the search index. Headings and paragraphs as their text, list items with
 * "• " or their number, table rows with " | " between cells; blocks separated by a blank line. No markup:
 * clerks write in the structured editor and never see `#` or `**`.
 */
export function richTextReadable(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'heading':
          return b.text;
        case 'paragraph':
          return plainText(b.runs);
        case 'bulletList':
          return b.items.map((item) => `• ${plainText(item)}`).join('\n');
        case 'numberedList':
          return b.items.map((item, i) => `${i + 1}. ${plainText(item)}`).join('\n');
        case 'table':
          return b.rows.map((row) => row.join(' | ')).join('\n');
      }
    })
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}
