import type { Block, Run } from './richText';

/**
 * The one canonical form of rich text, so that "blocks → editor → blocks" gives back exactly what went in:
 * neighbouring runs with the same formatting are one run, empty runs are gone, table rows all have the
 * same width, empty lists and tables are dropped, and empty paragraphs at the end are dropped (so a text
 * that is nothing but empty paragraphs is `[]`).
 * Nothing a reader can see changes.
 */
export function normalizeRuns(runs: readonly Run[]): Run[] {
  const out: Run[] = [];
  for (const run of runs) {
    if (run.text === '') continue;
    const last = out.at(-1);
    if (last && last.bold === run.bold && last.italic === run.italic) out[out.length - 1] = { ...last, text: last.text + run.text };
    else out.push({ text: run.text, bold: run.bold, italic: run.italic });
  }
  return out;
}

export function normalizeBlock(block: Block): Block | null {
  switch (block.type) {
    case 'heading':
      return { type: 'heading', level: block.level, text: block.text };
    case 'paragraph':
      return { type: 'paragraph', runs: normalizeRuns(block.runs) };
    case 'bulletList':
    case 'numberedList':
      return block.items.length === 0 ? null : { type: block.type, items: block.items.map(normalizeRuns) };
    case 'table': {
      if (block.rows.length === 0) return null;
      const width = Math.max(1, ...block.rows.map((r) => r.length));
      return { type: 'table', rows: block.rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')) };
    }
  }
}

export function normalizeRichText(blocks: readonly Block[]): Block[] {
  const out = blocks.map(normalizeBlock).filter((b): b is Block => b !== null);
  // Empty paragraphs at the end are only room for the cursor (e.g. below a table), not text.
  while (out.length > 0) {
    const last = out.at(-1)!;
    if (last.type !== 'paragraph' || last.runs.length > 0) break;
    out.pop();
  }
  return out;
}
