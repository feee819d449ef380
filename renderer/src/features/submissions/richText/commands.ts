import { setBlockType, toggleMark, chainCommands } from 'prosemirror-commands';
import { liftListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import { addColumnAfter, addRowAfter, deleteColumn, deleteRow, deleteTable, isInTable, selectedRect, TableMap } from 'prosemirror-tables';
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import type { MarkType, NodeType } from 'prosemirror-model';
import { RICH_TEXT_LIMITS } from '@shared/core/richTextLimits';
import { schema } from './schema';

/** The editor's commands, shared by keyboard shortcuts and toolbar buttons (which show their state). */
const n = schema.nodes;
export const bold = toggleMark(schema.marks['bold']!);
export const italic = toggleMark(schema.marks['italic']!);

export function markActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) return !!type.isInSet(state.storedMarks ?? $from.marks());
  return state.doc.rangeHasMark(from, to, type);
}

/** The heading level (1–3) of the block at the cursor, or 0 for a normal paragraph, null otherwise. */
export function blockLevel(state: EditorState): number | null {
  const parent = state.selection.$from.parent;
  if (parent.type === n['heading']) return parent.attrs['level'] as number;
  if (parent.type === n['paragraph'] && listAt(state) === null) return 0;
  return null;
}

export const setParagraph: Command = setBlockType(n['paragraph']!);
export function setHeading(level: 1 | 2 | 3): Command {
  return setBlockType(n['heading']!, { level });
}

/** The list around the cursor: its node type and position, or null. */
export function listAt(state: EditorState): { type: NodeType; pos: number } | null {
  const $from = state.selection.$from;
  for (let d = $from.depth; d > 0; d--) {
    const node = $from.node(d);
    if (node.type === n['bullet_list'] || node.type === n['ordered_list']) return { type: node.type, pos: $from.before(d) };
  }
  return null;
}

/** Word-like list button: wraps into a list, switches bullet ↔ numbered, or (pressed again) ends the list. */
export function toggleList(type: NodeType): Command {
  return (state, dispatch) => {
    const list = listAt(state);
    if (list && list.type === type) return liftListItem(n['list_item']!)(state, dispatch);
    if (list) {
      if (dispatch) dispatch(state.tr.setNodeMarkup(list.pos, type));
      return true;
    }
    return wrapInList(type)(state, dispatch);
  };
}

/** Enter in an empty list item ends the list (as in Word), otherwise it starts the next item. */
const liftEmptyItem: Command = (state, dispatch) => {
  const { $from, empty } = state.selection;
  if (!empty || $from.parent.content.size > 0 || listAt(state) === null) return false;
  return liftListItem(n['list_item']!)(state, dispatch);
};
export const listEnter = chainCommands(liftEmptyItem, splitListItem(n['list_item']!));

/** Shift+Enter (and Enter in a table cell): a line break inside the paragraph, item or cell. */
export const hardBreak: Command = (state, dispatch) => {
  const br = n['hard_break']!;
  const { $from } = state.selection;
  if (!$from.parent.canReplaceWith($from.index(), $from.index(), br)) return false;
  if (dispatch) dispatch(state.tr.replaceSelectionWith(br.create()).scrollIntoView());
  return true;
};
export const cellEnter: Command = (state, dispatch) =>
  state.selection.$from.parent.type === n['cell_paragraph'] ? hardBreak(state, dispatch) : false;

/** A 2-column table with a header row and one row, the cursor in its first cell. */
export const insertTable: Command = (state, dispatch) => {
  if (isInTable(state)) return false;
  const cell = () => n['table_cell']!.create(null, n['cell_paragraph']!.create());
  const row = () => n['table_row']!.create(null, [cell(), cell()]);
  const table = n['table']!.create(null, [row(), row()]);
  const { $from } = state.selection;
  if (!$from.parent.isTextblock || $from.depth !== 1) return false;
  if (dispatch) {
    // An empty paragraph is replaced by the table; otherwise the table follows the current block.
    const replace = $from.parent.content.size === 0;
    const at = replace ? $from.before(1) : $from.after(1);
    const tr = replace ? state.tr.replaceWith(at, $from.after(1), table) : state.tr.insert(at, table);
    dispatch(tr.setSelection(TextSelection.create(tr.doc, at + 4)).scrollIntoView());
  }
  return true;
};

function tableSize(state: EditorState): { rows: number; columns: number } | null {
  if (!isInTable(state)) return null;
  const rect = selectedRect(state);
  return { rows: rect.map.height, columns: rect.map.width };
}
/** Runs a table command and puts the cursor into the cell (row, column) it created, ready to type. */
function thenInto(command: Command, cell: (rect: ReturnType<typeof selectedRect>) => [number, number]): Command {
  return (state, dispatch) => {
    if (!dispatch) return command(state);
    const rect = selectedRect(state);
    let tr: Transaction | null = null;
    if (!command(state, (t) => (tr = t)) || !tr) return false;
    const done = tr as Transaction;
    const table = done.doc.nodeAt(rect.tableStart - 1)!;
    const [row, column] = cell(rect);
    const at = rect.tableStart + TableMap.get(table).positionAt(row, column, table);
    dispatch(done.setSelection(TextSelection.create(done.doc, at + 2)).scrollIntoView());
    return true;
  };
}
const addRowBelow = thenInto(addRowAfter, (rect) => [rect.bottom, 0]);
const addColumnRight = thenInto(addColumnAfter, (rect) => [rect.top, rect.right]);
export const addRow: Command = (state, dispatch) =>
  (tableSize(state)?.rows ?? Infinity) < RICH_TEXT_LIMITS.rows ? addRowBelow(state, dispatch) : false;
export const addColumn: Command = (state, dispatch) =>
  (tableSize(state)?.columns ?? Infinity) < RICH_TEXT_LIMITS.columns ? addColumnRight(state, dispatch) : false;
/** The last row or column goes with its table, so no empty table is left behind. */
export const removeRow: Command = (state, dispatch) =>
  (tableSize(state)?.rows ?? 0) > 1 ? deleteRow(state, dispatch) : deleteTable(state, dispatch);
export const removeColumn: Command = (state, dispatch) =>
  (tableSize(state)?.columns ?? 0) > 1 ? deleteColumn(state, dispatch) : deleteTable(state, dispatch);
export const removeTable: Command = deleteTable;
