import type { Block } from './richText';
import { richTextReadable } from './richTextReadable';

/**
 * Old and new rich text, block by block: which blocks stayed, which went, which came — what a clerk needs
 * to judge a reviewer's proposed new text. A longest common subsequence over the blocks as read (format
 * changes inside a block count as a change of that block). Pure.
 */
export interface BlockChange {
  change: 'same' | 'removed' | 'added';
  text: string;
}

export function diffBlocks(before: readonly Block[], after: readonly Block[]): BlockChange[] {
  const a = before.map((b) => ({ key: JSON.stringify(b), text: richTextReadable([b]) }));
  const b = after.map((x) => ({ key: JSON.stringify(x), text: richTextReadable([x]) }));
  // lengths[i][j]: longest common run of a[i..] and b[j..]; texts hold at most a few hundred blocks.
  const lengths = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lengths[i]![j] = a[i]!.key === b[j]!.key ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
  const out: BlockChange[] = [];
  let i = 0;
  let j = 0;
  // On a tie the old block comes first: old, then new, as a reader compares them.
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i]!.key === b[j]!.key) {
      out.push({ change: 'same', text: a[i++]!.text });
      j++;
    } else if (i < a.length && (j >= b.length || lengths[i + 1]![j]! >= lengths[i]![j + 1]!))
      out.push({ change: 'removed', text: a[i++]!.text });
    else out.push({ change: 'added', text: b[j++]!.text });
  }
  return out.filter((c) => c.text.trim() !== '');
}
