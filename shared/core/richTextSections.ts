import { cleanText, plainText, type Block } from './richText';

/**
 * Which headings of a rich text head a section with content. A template brings headings ("Ausblick")
 * the clerk is meant to fill; a heading with nothing under it — no paragraph, list or table before the
 * next heading of the same or a higher level — is an empty section: the completeness check names it and
 * the Word document leaves it out (no empty heading is ever printed). Pure.
 */

/** Whether a block other than a heading carries text. */
export function blockHasContent(block: Block): boolean {
  switch (block.type) {
    case 'heading':
      return false;
    case 'paragraph':
      return cleanText(plainText(block.runs)).trim() !== '';
    case 'bulletList':
    case 'numberedList':
      return block.items.some((item) => cleanText(plainText(item)).trim() !== '');
    case 'table':
      return block.rows.some((row) => row.some((cell) => cleanText(cell).trim() !== ''));
  }
}

/** For each block: whether it is printed. A heading is printed only when its section has content. */
export function printedBlocks(blocks: readonly Block[]): boolean[] {
  return blocks.map((block, i) => {
    if (block.type !== 'heading') return blockHasContent(block);
    if (cleanText(block.text).trim() === '') return false;
    for (let j = i + 1; j < blocks.length; j++) {
      const next = blocks[j]!;
      if (next.type === 'heading' && next.level <= block.level) return false;
      if (blockHasContent(next)) return true;
    }
    return false;
  });
}

/** The titles of the headings whose sections are empty, in order. */
export function emptySections(blocks: readonly Block[]): string[] {
  const printed = printedBlocks(blocks);
  return blocks.flatMap((block, i) =>
    block.type === 'heading' && !printed[i] && cleanText(block.text).trim() !== '' ? [cleanText(block.text).trim()] : [],
  );
}

/** All the text of a rich text, for searching it (headings, paragraphs, list items, table cells). */
export function richTextPlain(blocks: readonly Block[]): string {
  return blocks
    .map((b) =>
      b.type === 'heading'
        ? b.text
        : b.type === 'paragraph'
          ? plainText(b.runs)
          : b.type === 'table'
            ? b.rows.flat().join(' ')
            : b.items.map(plainText).join(' '),
    )
    .join('\n');
}
