import { useEffect, useRef, useState } from 'react';
import type { Command } from 'prosemirror-state';
import { TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { isInTable } from 'prosemirror-tables';
import 'prosemirror-view/style/prosemirror.css';
import 'prosemirror-tables/style/tables.css';
import { de } from '@shared/i18n/de';
import { richTextEditorTexts as t } from '@shared/submissions/richTextEditorTexts';
import type { Block } from '@shared/core/richText';
import { normalizeRichText } from '@shared/core/richTextNormalize';
import {
  addColumn,
  addRow,
  blockLevel,
  bold,
  insertTable,
  italic,
  listAt,
  markActive,
  removeColumn,
  removeRow,
  removeTable,
  setHeading,
  setParagraph,
  toggleList,
} from './commands';
import { blocksToDoc, docToBlocks } from './convert';
import { createEditorState, HEADING_KEYS } from './editorState';
import { pasteClipboard, type ClipboardContent } from './paste';
import { schema } from './schema';

interface Props {
  id: string;
  label: string;
  value: readonly Block[];
  onChange: (blocks: Block[]) => void;
  error?: string | undefined;
  disabled?: boolean;
  /** Taller box for the main text, shorter for further sections. */
  size?: 'tall' | 'short';
  showHelp?: boolean;
}

function clipboardOf(data: DataTransfer): ClipboardContent {
  return {
    html: data.getData('text/html'),
    text: data.getData('text/plain'),
    hasImageFile: Array.from(data.items).some((item) => item.kind === 'file' && item.type.startsWith('image/')),
  };
}

const same = (a: readonly Block[], b: readonly Block[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The structured text editor (ProseMirror) for Sachverhalt and further sections: edits exactly the
 * rich-text block model, takes pastes from Word and LibreOffice (reduced to the model), and reports every
 * change as blocks. The text area is labelled by the section's label; the toolbar shows pressed states.
 */
export function RichTextEditor({ id, label, value, onChange, error, disabled = false, size = 'tall', showHelp = true }: Props) {
  const mount = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const emitted = useRef<readonly Block[] | null>(null);
  const onChangeRef = useRef(onChange);
  const disabledRef = useRef(disabled);
  const [, setTick] = useState(0);
  const [message, setMessage] = useState('');
  useEffect(() => {
    onChangeRef.current = onChange;
    disabledRef.current = disabled;
  });

  const labelId = `${id}-label`;
  const helpId = `${id}-help`;
  const statusId = `${id}-status`;
  const errorId = `${id}-error`;
  const attributes = {
    id,
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-labelledby': labelId,
    'aria-describedby': [showHelp ? helpId : '', error ? errorId : '', statusId].filter(Boolean).join(' '),
    ...(error ? { 'aria-invalid': 'true' } : {}),
    ...(disabled ? { 'aria-readonly': 'true' } : {}),
    class: `rich-text-editor rte-${size}`,
    spellcheck: 'true',
    lang: 'de',
  };
  const attributesRef = useRef(attributes);
  useEffect(() => {
    attributesRef.current = attributes;
    view.current?.setProps({ attributes: attributesRef.current });
  });

  useEffect(() => {
    const applyPaste = (v: EditorView, clip: ClipboardContent) => {
      const outcome = pasteClipboard(v.state, clip);
      if (outcome.tr) v.dispatch(outcome.tr);
      setMessage(outcome.message);
    };
    const v = new EditorView(mount.current!, {
      state: createEditorState(blocksToDoc(value)),
      attributes: attributesRef.current,
      editable: () => !disabledRef.current,
      dispatchTransaction(tr) {
        const next = v.state.apply(tr);
        v.updateState(next);
        setTick((x) => x + 1);
        if (tr.docChanged) {
          const blocks = docToBlocks(next.doc);
          emitted.current = blocks;
          onChangeRef.current(blocks);
        }
      },
      handleKeyDown(editor, event) {
        const command = event.ctrlKey && event.altKey && !event.shiftKey ? HEADING_KEYS[event.code] : undefined;
        if (!command) return false;
        event.preventDefault();
        command(editor.state, editor.dispatch);
        return true;
      },
      handleDOMEvents: {
        // Every paste goes through the model's reduction — ProseMirror's own HTML parsing never runs.
        paste(editor, event) {
          if (!event.clipboardData || disabledRef.current) return false;
          event.preventDefault();
          applyPaste(editor, clipboardOf(event.clipboardData));
          return true;
        },
        drop(editor, event) {
          if (editor.dragging || !event.dataTransfer || disabledRef.current) return false; // moving text inside the editor
          event.preventDefault();
          const at = editor.posAtCoords({ left: event.clientX, top: event.clientY });
          if (at) editor.dispatch(editor.state.tr.setSelection(TextSelection.near(editor.state.doc.resolve(at.pos))));
          applyPaste(editor, clipboardOf(event.dataTransfer));
          return true;
        },
      },
    });
    view.current = v;
    emitted.current = value;
    setTick((x) => x + 1);
    return () => {
      v.destroy();
      view.current = null;
    };
    // The view is created once; later values arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A value from outside (another revision loaded, a template applied) replaces the text; our own echo does not.
  useEffect(() => {
    const v = view.current;
    if (!v || value === emitted.current) return;
    if (same(normalizeRichText(value), docToBlocks(v.state.doc))) return;
    emitted.current = value;
    v.updateState(createEditorState(blocksToDoc(value)));
    setTick((x) => x + 1);
  }, [value]);

  useEffect(() => {
    view.current?.setProps({ editable: () => !disabled });
  }, [disabled]);

  const state = view.current?.state;
  const can = (command: Command) => !disabled && !!state && command(state);
  const run = (command: Command) => {
    const v = view.current;
    if (!v) return;
    command(v.state, v.dispatch);
    v.focus();
  };
  const level = state ? blockLevel(state) : null;
  const list = state ? listAt(state)?.type : undefined;
  const inTable = !!state && isInTable(state);
  const bulletType = schema.nodes['bullet_list']!;
  const orderedType = schema.nodes['ordered_list']!;

  const button = (key: string, text: string, aria: string, command: Command, pressed?: boolean, className?: string) => (
    <button
      key={key}
      type="button"
      className={className}
      aria-label={aria}
      aria-pressed={pressed}
      aria-controls={id}
      // A pressed button stays usable: pressing it again switches the format off (or keeps it, for "Text").
      disabled={disabled || !(pressed || can(command))}
      // Keep the cursor in the text while clicking.
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => run(command)}
    >
      {text}
    </button>
  );

  return (
    <div className="field field-wide rich-text-field">
      <label id={labelId} onClick={() => view.current?.focus()}>
        {label}
      </label>
      <div className="rte-toolbar" role="group" aria-label={t.toolbar(label)}>
        <span className="rte-group">
          {button('p', t.paragraph, t.paragraphLabel, setParagraph, level === 0)}
          {([1, 2, 3] as const).map((l) =>
            button(`h${l}`, t.heading(l), t.headingLabel(l), level === l ? setParagraph : setHeading(l), level === l),
          )}
        </span>
        <span className="rte-group">
          {button('b', t.bold, t.boldLabel, bold, !!state && markActive(state, schema.marks['bold']!), 'rte-bold')}
          {button('i', t.italic, t.italicLabel, italic, !!state && markActive(state, schema.marks['italic']!), 'rte-italic')}
        </span>
        <span className="rte-group">
          {button('ul', t.bullet, t.bulletLabel, toggleList(bulletType), list === bulletType)}
          {button('ol', t.numbered, t.numberedLabel, toggleList(orderedType), list === orderedType)}
        </span>
        <span className="rte-group">
          {inTable ? (
            <>
              {button('row+', t.rowAdd, t.rowAddLabel, addRow)}
              {button('row-', t.rowRemove, t.rowRemoveLabel, removeRow)}
              {button('col+', t.columnAdd, t.columnAddLabel, addColumn)}
              {button('col-', t.columnRemove, t.columnRemoveLabel, removeColumn)}
              {button('table-', t.tableRemove, t.tableRemove, removeTable)}
            </>
          ) : (
            button('table', t.table, t.tableLabel, insertTable)
          )}
        </span>
      </div>
      <div ref={mount} className="rte-mount" />
      {showHelp ? (
        <span id={helpId} className="hint">
          {t.help}
        </span>
      ) : null}
      <span id={statusId} role="status" className="hint rte-status">
        {message}
      </span>
      {error ? (
        <span id={errorId} className="field-error">
          {de.ui.errorPrefix} {error}
        </span>
      ) : null}
    </div>
  );
}
