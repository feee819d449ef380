import { useRef } from 'react';
import { de } from '@shared/i18n/de';
import { applyMarkup, type MarkupAction } from './markupEdit';

const submissionsEditorMarkupTexts = de.ui.submissions.editor.markup;
const ACTIONS: { action: MarkupAction; label: string }[] = [
  { action: 'heading', label: submissionsEditorMarkupTexts.heading },
  { action: 'bullet', label: submissionsEditorMarkupTexts.bullet },
  { action: 'numbered', label: submissionsEditorMarkupTexts.numbered },
  { action: 'table', label: submissionsEditorMarkupTexts.table },
  { action: 'bold', label: submissionsEditorMarkupTexts.bold },
  { action: 'italic', label: submissionsEditorMarkupTexts.italic },
];

/**
 * A text box for structured text (headings, lists, tables, bold, italic) in a small, Word-like markup,
 * with buttons that insert it at the cursor and a help text. The text itself stays plain and editable.
 */
export function MarkupEditor(props: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string | undefined; disabled?: boolean; rows?: number; showHelp?: boolean }) {
  const { id, label, value, onChange, error, disabled, rows, showHelp } = props;
  const ref = useRef<HTMLTextAreaElement>(null);
  const apply = (action: MarkupAction) => {
    const box = ref.current;
    if (!box) return;
    const edit = applyMarkup(value, box.selectionStart, box.selectionEnd, action);
    onChange(edit.text);
    // After React wrote the new text: back to the box, with the inserted sample selected.
    requestAnimationFrame(() => {
      box.focus();
      box.setSelectionRange(edit.selectionStart, edit.selectionEnd);
    });
  };
  const helpId = `${id}-help`;
  const described = [showHelp !== false ? helpId : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field field-wide markup-field">
      <label htmlFor={id}>{label}</label>
      <div className="markup-toolbar" role="group" aria-label={submissionsEditorMarkupTexts.toolbar(label)}>
        {ACTIONS.map((a) => (
          <button key={a.action} type="button" className={`markup-${a.action}`} disabled={disabled} aria-controls={id} onClick={() => apply(a.action)}>
            {a.label}
          </button>
        ))}
      </div>
      <textarea
        id={id}
        ref={ref}
        rows={rows ?? 10}
        value={value}
        disabled={disabled}
        spellCheck
        lang="de"
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(e) => onChange(e.target.value)}
      />
      {showHelp !== false ? (
        <span id={helpId} className="hint">
          {submissionsEditorMarkupTexts.help}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {de.ui.errorPrefix} {error}
        </span>
      ) : null}
    </div>
  );
}
