import { Fragment, Slice, type Node as PMNode } from 'prosemirror-model';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import type { Block } from '@shared/core/richText';
import { htmlToBlocks, plainTextToBlocks, type PasteNote } from '@shared/core/richTextHtml';
import { richTextLimitBroken, RICH_TEXT_LIMITS } from '@shared/core/richTextLimits';
import { richTextEditorTexts as t } from '@shared/submissions/richTextEditorTexts';
import { blocksToFragment, docToBlocks } from './convert';
import { schema } from './schema';

/**
 * A paste (or drop) from outside: the clipboard is reduced to the model (shared/domain/richTextHtml.ts)
 * and inserted at the cursor, or refused as a whole with a German message — the text already in the
 * editor is never half-changed. Pure (state in, transaction out), so it is unit-tested without a browser.
 */
export interface ClipboardContent {
  html: string;
  text: string;
  /** The clipboard also (or only) holds image files, e.g. a screenshot. */
  hasImageFile: boolean;
}
export interface PasteOutcome {
  tr: Transaction | null;
  message: string;
}

function blocksText(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => {
    switch (b.type) {
      case 'heading':
        return [b.text];
      case 'paragraph':
        return [b.runs.map((r) => r.text).join('')];
      case 'bulletList':
      case 'numberedList':
        return b.items.map((item) => item.map((r) => r.text).join(''));
      case 'table':
        return b.rows.map((row) => row.join(' '));
    }
  });
}

function insert(state: EditorState, blocks: Block[]): Transaction {
  const { $from } = state.selection;
  const parent = $from.parent.type;
  // Headings and cells hold plain text only: the paste arrives as its text (cells keep line breaks).
  if (parent === schema.nodes['heading'])
    return state.tr.insertText(
      blocksText(blocks)
        .join(' ')
        .replace(/\s*\n\s*/g, ' '),
    );
  if (parent === schema.nodes['cell_paragraph']) {
    const inline: PMNode[] = [];
    blocksText(blocks)
      .join('\n')
      .split('\n')
      .forEach((line, i) => {
        if (i > 0) inline.push(schema.nodes['hard_break']!.create());
        if (line !== '') inline.push(schema.text(line));
      });
    return state.tr.replaceSelection(new Slice(Fragment.from(inline), 0, 0));
  }
  const fragment = blocksToFragment(blocks);
  const top = $from.depth === 1 && parent === schema.nodes['paragraph'];
  if (top && $from.parent.content.size === 0 && state.selection.empty) {
    // The cursor in an empty paragraph: the pasted blocks take its place, as in Word.
    const start = $from.before(1);
    const tr = state.tr.replaceWith(start, $from.after(1), fragment);
    return tr.setSelection(TextSelection.near(tr.doc.resolve(start + fragment.size), -1));
  }
  return state.tr.replaceSelection(Slice.maxOpen(fragment, false));
}

function notesText(notes: readonly PasteNote[]): string {
  return notes.map((note) => t.notes[note]).join(' ');
}

function refusal(reason: string): PasteOutcome {
  return { tr: null, message: `${t.refused.prefix} ${reason} ${t.refused.unchanged}` };
}

export function pasteClipboard(state: EditorState, clip: ClipboardContent): PasteOutcome {
  const fromHtml = clip.html.trim() !== '' ? htmlToBlocks(clip.html) : null;
  const blocks = fromHtml && fromHtml.blocks.length > 0 ? fromHtml.blocks : plainTextToBlocks(clip.text);
  const notes = fromHtml?.notes ?? [];
  if (blocks.length === 0) return refusal(clip.hasImageFile || notes.includes('imagesDropped') ? t.refused.imageOnly : t.refused.empty);
  const tr = insert(state, blocks);
  const broken = richTextLimitBroken(docToBlocks(tr.doc));
  if (broken) return refusal(broken === 'tooLong' ? t.refused.tooLong : t.refused[broken](RICH_TEXT_LIMITS[broken]));
  const imageNote: PasteNote[] = clip.hasImageFile && !notes.includes('imagesDropped') ? ['imagesDropped'] : [];
  return { tr: tr.scrollIntoView(), message: [t.pasted, notesText([...notes, ...imageNote])].filter(Boolean).join(' ') };
}
