import { describe, expect, it } from 'vitest';
import { TextSelection, type EditorState } from 'prosemirror-state';
import type { Block, Run } from '@shared/core/richText';
import { blocksToDoc, docToBlocks } from '@renderer/features/submissions/richText/convert';
import { createEditorState } from '@renderer/features/submissions/richText/editorState';
import { pasteClipboard } from '@renderer/features/submissions/richText/paste';

/** The paste as the editor applies it: where the cursor is decides how the reduced blocks go in. */
const run = (text: string, bold = false): Run => ({ text, bold, italic: false });

/** A state with the cursor after the first occurrence of `marker` in the document's text. */
function stateAt(blocks: Block[], marker: string): EditorState {
  const state = createEditorState(blocksToDoc(blocks));
  let at = -1;
  state.doc.descendants((node, pos) => {
    if (at < 0 && node.isText && node.text!.includes(marker)) at = pos + node.text!.indexOf(marker) + marker.length;
  });
  if (at < 0) throw new Error(`marker ${marker} not found`);
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, at)));
}

function pasted(state: EditorState, clip: { html?: string; text?: string; hasImageFile?: boolean }) {
  const outcome = pasteClipboard(state, { html: clip.html ?? '', text: clip.text ?? '', hasImageFile: clip.hasImageFile ?? false });
  return { blocks: outcome.tr ? docToBlocks(outcome.tr.doc) : null, message: outcome.message };
}

describe('paste into the editor', () => {
  it('into an empty editor: the pasted blocks are the text', () => {
    const state = createEditorState(blocksToDoc([]));
    expect(pasted(state, { html: '<h2>Titel</h2><ul><li>a</li><li>b</li></ul>' })).toEqual({
      blocks: [
        { type: 'heading', level: 2, text: 'Titel' },
        { type: 'bulletList', items: [[run('a')], [run('b')]] },
      ],
      message: 'Eingefügt.',
    });
  });

  it('one paragraph into the middle of a sentence joins that sentence, keeping its formatting', () => {
    const state = stateAt([{ type: 'paragraph', runs: [run('Vorher , Nachher')] }], 'Vorher ');
    expect(pasted(state, { html: '<p><b>fett</b> eingefügt </p>' }).blocks).toEqual([
      { type: 'paragraph', runs: [run('Vorher '), run('fett', true), run(' eingefügt, Nachher')] },
    ]);
  });

  it('into a table cell: the text only, line by line (cells hold no formatting)', () => {
    const state = stateAt([{ type: 'table', rows: [['A', 'B']] }], 'B');
    expect(pasted(state, { html: '<h1>Kopf</h1><p><b>eins</b></p><ul><li>zwei</li></ul>' }).blocks).toEqual([
      { type: 'table', rows: [['A', 'BKopf\neins\nzwei']] },
    ]);
  });

  it('into a heading: the text on one line', () => {
    const state = stateAt([{ type: 'heading', level: 1, text: 'Titel' }], 'Titel');
    expect(pasted(state, { text: 'und\nmehr' }).blocks).toEqual([{ type: 'heading', level: 1, text: 'Titelund mehr' }]);
  });

  it('refuses a paste that breaks a limit as a whole, and says which', () => {
    const before: Block[] = [{ type: 'paragraph', runs: [run('Bestand')] }];
    const state = stateAt(before, 'Bestand');
    const cell = 'x'.repeat(5001);
    expect(pasted(state, { html: `<table><tr><td>${cell}</td></tr></table>` })).toEqual({
      blocks: null,
      message: 'Nicht eingefügt: Eine Tabellenzelle hätte mehr als 5.000 Zeichen. Der bisherige Text ist unverändert.',
    });
    const rows = '<tr><td>1</td></tr>'.repeat(2001);
    expect(pasted(state, { html: `<table>${rows}</table>` }).message).toBe(
      'Nicht eingefügt: Die Tabelle hätte mehr als 2.000 Zeilen. Bitte teilen Sie sie auf oder fügen Sie sie als Anlage bei. Der bisherige Text ist unverändert.',
    );
    expect(docToBlocks(state.doc)).toEqual(before);
  });

  it('an image alone is refused with the hint to Anlagen; with text, the text goes in and the note says so', () => {
    const state = createEditorState(blocksToDoc([]));
    expect(pasted(state, { hasImageFile: true }).message).toBe(
      'Nicht eingefügt: Bilder können in den Text nicht eingefügt werden. Bitte fügen Sie das Bild als Anlage bei (Abschnitt „Anlagen“). Der bisherige Text ist unverändert.',
    );
    expect(pasted(state, { html: '<p>Text <img src="x.png"></p>' })).toEqual({
      blocks: [{ type: 'paragraph', runs: [run('Text')] }],
      message: 'Eingefügt. Bilder wurden nicht übernommen – bitte fügen Sie sie als Anlage bei (Abschnitt „Anlagen“).',
    });
  });

  it('an empty clipboard changes nothing', () => {
    expect(pasted(createEditorState(blocksToDoc([])), {})).toEqual({
      blocks: null,
      message: 'Nicht eingefügt: Die Zwischenablage enthält keinen Text. Der bisherige Text ist unverändert.',
    });
  });
});
