import { baseKeymap, chainCommands } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { inputRules, textblockTypeInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import { keymap } from 'prosemirror-keymap';
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState, Plugin, type Command } from 'prosemirror-state';
import { goToNextCell, tableEditing } from 'prosemirror-tables';
import { bold, cellEnter, hardBreak, italic, listEnter, setHeading, setParagraph } from './commands';
import { schema } from './schema';

/**
 * The editor's plugins: undo, Word's shortcuts, Tab between table cells, and the old markup's line starts
 * ("# ", "- ", "1. ") as typing shortcuts for clerks who learned them. Tab outside tables is left to the
 * browser, so keyboard users are never trapped in the text.
 */
const n = schema.nodes;

/** Strg+Alt+digit by physical key: on German Windows layouts Strg+Alt is AltGr and "2" arrives as "²". */
export const HEADING_KEYS: Record<string, Command> = {
  Digit0: setParagraph,
  Digit1: setHeading(1),
  Digit2: setHeading(2),
  Digit3: setHeading(3),
};

/** Keeps a paragraph after a table at the end of the text: without it the cursor could not get below. */
const roomAfterTable = new Plugin({
  appendTransaction(_trs, _old, state) {
    if (state.doc.lastChild?.type !== n['table']) return null;
    return state.tr.insert(state.doc.content.size, n['paragraph']!.create());
  },
});

export function createEditorState(doc: PMNode): EditorState {
  return EditorState.create({
    doc,
    plugins: [
      history(),
      inputRules({
        rules: [
          textblockTypeInputRule(/^(#{1,3})\s$/, n['heading']!, (m) => ({ level: m[1]!.length })),
          wrappingInputRule(/^\s*[-•*]\s$/, n['bullet_list']!),
          wrappingInputRule(/^\s*1[.)]\s$/, n['ordered_list']!),
        ],
      }),
      keymap({
        'Mod-z': undo,
        'Mod-y': redo,
        'Shift-Mod-z': redo,
        'Mod-b': bold,
        'Mod-i': italic,
        'Mod-Alt-0': setParagraph,
        'Mod-Alt-1': setHeading(1),
        'Mod-Alt-2': setHeading(2),
        'Mod-Alt-3': setHeading(3),
        Enter: chainCommands(cellEnter, listEnter),
        'Shift-Enter': hardBreak,
        Tab: goToNextCell(1),
        'Shift-Tab': goToNextCell(-1),
      }),
      keymap(baseKeymap),
      tableEditing({ allowTableNodeSelection: false }),
      roomAfterTable,
    ],
  });
}
