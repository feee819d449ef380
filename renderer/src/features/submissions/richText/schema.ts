import { Schema, type NodeSpec } from 'prosemirror-model';
import { tableNodes } from 'prosemirror-tables';

/**
 * The editor's document schema: exactly what `shared/domain/richText.ts` can hold, nothing more. Headings
 * carry no formatting, list items hold one paragraph (no nesting), table cells hold one line-broken plain
 * text. Anything else — images, links, colours, nested lists — has no node or mark here, so neither
 * typing, commands nor a paste can put it into the document.
 *
 * Headings render one level below the section's own heading (h3–h5), so the page outline stays right.
 */
export const HEADING_TAG_OFFSET = 2;

const table = tableNodes({ tableGroup: 'block', cellContent: 'cell_paragraph', cellAttributes: {} });

const nodes: Record<string, NodeSpec> = {
  doc: { content: 'block+' },
  paragraph: {
    group: 'block',
    content: 'inline*',
    marks: 'bold italic',
    parseDOM: [{ tag: 'p' }],
    toDOM: () => ['p', 0],
  },
  heading: {
    group: 'block',
    attrs: {
      level: {
        default: 1,
        validate: (v: unknown) => {
          if (v !== 1 && v !== 2 && v !== 3) throw new RangeError('heading level');
        },
      },
    },
    content: 'text*',
    marks: '',
    defining: true,
    parseDOM: [1, 2, 3].map((level) => ({ tag: `h${level + HEADING_TAG_OFFSET}`, attrs: { level } })),
    toDOM: (node) => [`h${(node.attrs['level'] as number) + HEADING_TAG_OFFSET}`, 0],
  },
  bullet_list: { group: 'block', content: 'list_item+', parseDOM: [{ tag: 'ul' }], toDOM: () => ['ul', 0] },
  ordered_list: { group: 'block', content: 'list_item+', parseDOM: [{ tag: 'ol' }], toDOM: () => ['ol', 0] },
  list_item: { content: 'paragraph', defining: true, parseDOM: [{ tag: 'li' }], toDOM: () => ['li', 0] },
  table: table.table,
  table_row: table.table_row,
  table_cell: table.table_cell,
  table_header: table.table_header,
  cell_paragraph: { content: 'inline*', marks: '', parseDOM: [{ tag: 'p' }], toDOM: () => ['p', 0] },
  text: { group: 'inline' },
  hard_break: { inline: true, group: 'inline', selectable: false, parseDOM: [{ tag: 'br' }], toDOM: () => ['br'] },
};

export const schema = new Schema({
  nodes,
  marks: {
    bold: { parseDOM: [{ tag: 'strong' }, { tag: 'b' }], toDOM: () => ['strong', 0] },
    italic: { parseDOM: [{ tag: 'em' }, { tag: 'i' }], toDOM: () => ['em', 0] },
  },
});
