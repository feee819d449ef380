import { richTextSchema, type Block } from './richText';

/**
 * Which of the model's limits a text breaks, if any — checked before a paste is applied, so an oversized
 * paste is refused as a whole (with a message naming the limit) instead of failing later on save.
 */
export const RICH_TEXT_LIMITS = { columns: 20, rows: 2000, cell: 5000, items: 1000, blocks: 20_000 } as const;

export type RichTextLimit = 'columns' | 'rows' | 'cell' | 'items' | 'blocks' | 'tooLong';

export function richTextLimitBroken(blocks: readonly Block[]): RichTextLimit | null {
  if (blocks.length > RICH_TEXT_LIMITS.blocks) return 'blocks';
  for (const block of blocks) {
    if (block.type === 'table') {
      if (block.rows.length > RICH_TEXT_LIMITS.rows) return 'rows';
      if (block.rows.some((r) => r.length > RICH_TEXT_LIMITS.columns)) return 'columns';
      if (block.rows.some((r) => r.some((c) => c.length > RICH_TEXT_LIMITS.cell))) return 'cell';
    }
    if ((block.type === 'bulletList' || block.type === 'numberedList') && block.items.length > RICH_TEXT_LIMITS.items) return 'items';
  }
  return richTextSchema.safeParse(blocks).success ? null : 'tooLong';
}
