import { Fragment, type Node as PMNode } from 'prosemirror-model';
import type { Block, Run } from '@shared/core/richText';
import { normalizeRichText, normalizeRuns } from '@shared/core/richTextNormalize';
import { schema } from './schema';

/**
 * Blocks ↔ editor document, lossless for the canonical form (`normalizeRichText`): what the clerk saved
 * opens unchanged, and what the editor holds is saved as exactly these blocks. No DOM needed (unit-tested
 * in node). Line breaks inside a paragraph, list item or cell are `hard_break` nodes; headings hold one line.
 */
const { bold, italic } = schema.marks;

function runsToInline(runs: readonly Run[]): PMNode[] {
  const out: PMNode[] = [];
  for (const run of runs) {
    const marks = [...(run.bold ? [bold!.create()] : []), ...(run.italic ? [italic!.create()] : [])];
    run.text.split('\n').forEach((part, i) => {
      if (i > 0) out.push(schema.nodes['hard_break']!.create(null, null, marks));
      if (part !== '') out.push(schema.text(part, marks));
    });
  }
  return out;
}

function plainToInline(text: string): PMNode[] {
  return runsToInline([{ text, bold: false, italic: false }]);
}

function paragraph(runs: readonly Run[]): PMNode {
  return schema.nodes['paragraph']!.create(null, runsToInline(runs));
}

export function blockToNode(block: Block): PMNode {
  const n = schema.nodes;
  switch (block.type) {
    case 'heading':
      return n['heading']!.create({ level: block.level }, block.text === '' ? null : schema.text(block.text.replace(/\s*\n\s*/g, ' ')));
    case 'paragraph':
      return paragraph(block.runs);
    case 'bulletList':
    case 'numberedList':
      return n[block.type === 'bulletList' ? 'bullet_list' : 'ordered_list']!.create(
        null,
        block.items.map((item) => n['list_item']!.create(null, paragraph(item))),
      );
    case 'table':
      return n['table']!.create(
        null,
        block.rows.map((row) =>
          n['table_row']!.create(
            null,
            row.map((cell) => n['table_cell']!.create(null, n['cell_paragraph']!.create(null, plainToInline(cell)))),
          ),
        ),
      );
  }
}

/** Blocks → the editor's content (at least one empty paragraph, as an editor needs a place for the cursor). */
export function blocksToFragment(blocks: readonly Block[]): Fragment {
  return Fragment.from(normalizeRichText(blocks).map(blockToNode));
}

/** Blocks → document; a text ending in a table gets an empty paragraph after it, so the cursor can go there. */
export function blocksToDoc(blocks: readonly Block[]): PMNode {
  const content = blocksToFragment(blocks);
  const room = content.size === 0 || content.lastChild?.type === schema.nodes['table'];
  return schema.nodes['doc']!.create(null, room ? content.append(Fragment.from(schema.nodes['paragraph']!.create())) : content);
}

function inlineToRuns(node: PMNode): Run[] {
  const runs: Run[] = [];
  node.forEach((child) => {
    const isBold = child.marks.some((m) => m.type === bold);
    const isItalic = child.marks.some((m) => m.type === italic);
    if (child.isText) runs.push({ text: child.text ?? '', bold: isBold, italic: isItalic });
    else if (child.type.name === 'hard_break') runs.push({ text: '\n', bold: isBold, italic: isItalic });
  });
  return normalizeRuns(runs);
}

function plainOf(node: PMNode): string {
  return inlineToRuns(node)
    .map((r) => r.text)
    .join('');
}

export function nodeToBlock(node: PMNode): Block | null {
  switch (node.type.name) {
    case 'heading':
      return { type: 'heading', level: node.attrs['level'] as 1 | 2 | 3, text: node.textContent };
    case 'paragraph':
      return { type: 'paragraph', runs: inlineToRuns(node) };
    case 'bullet_list':
    case 'ordered_list': {
      const items: Run[][] = [];
      node.forEach((item) => items.push(item.firstChild ? inlineToRuns(item.firstChild) : []));
      return { type: node.type.name === 'bullet_list' ? 'bulletList' : 'numberedList', items };
    }
    case 'table': {
      const rows: string[][] = [];
      node.forEach((row) => {
        const cells: string[] = [];
        row.forEach((cell) => {
          cells.push(cell.firstChild ? plainOf(cell.firstChild) : '');
          // A merged cell (only possible from outside the editor's commands) keeps the grid rectangular.
          for (let i = 1; i < ((cell.attrs['colspan'] as number | undefined) ?? 1); i++) cells.push('');
        });
        rows.push(cells);
      });
      return { type: 'table', rows };
    }
    default:
      return null;
  }
}

export function fragmentToBlocks(fragment: Fragment): Block[] {
  const blocks: Block[] = [];
  fragment.forEach((node) => {
    const block = nodeToBlock(node);
    if (block) blocks.push(block);
  });
  return normalizeRichText(blocks);
}

export function docToBlocks(doc: PMNode): Block[] {
  return fragmentToBlocks(doc.content);
}
