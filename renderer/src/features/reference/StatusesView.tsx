import { useState } from 'react';
import { de } from '@shared/i18n/de';
import type { StatusDefinition } from '@shared/register/status';
import { statusRefusal } from '@shared/register/referenceUsage';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { InlineForm } from './InlineForm';
import { useListEditor } from './useListEditor';

const statusesTexts = de.statuses;
type Draft = { key: string | null; label: string; defaultPercent: string; requiresReason: boolean; requiresLink: boolean; active: boolean };
type Flag = 'requiresReason' | 'requiresLink' | 'active';

const yesNo = (value: boolean) => (value ? statusesTexts.yes : statusesTexts.no);

/** The status list of measures (from Einstellungen): labels, default %, rules, order; delete only when unused. */
export function StatusesView() {
  const { reference, rows, readOnly, save, navigate } = useApp();
  const {
    draft,
    setDraft,
    problems,
    setProblems,
    message,
    start,
    close,
    submit: run,
    remove: runRemove,
    draftField,
  } = useListEditor<Draft>('st-label');
  const [moveMessage, setMoveMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  if (!reference) return null;
  const statuses = reference.statuses;
  // All measures count, as for deleting: every Fassung and the Papierkorb.
  const count = (key: string) => rows.filter((r) => r.status === key).length;

  const submit = async () => {
    if (!draft) return;
    const percent = draft.defaultPercent.trim();
    if (!/^\d{1,3}$/.test(percent) || Number(percent) > 100) return setProblems({ defaultPercent: statusesTexts.percentRange });
    const fields = {
      label: draft.label,
      defaultPercent: Number(percent),
      requiresReason: draft.requiresReason,
      requiresLink: draft.requiresLink,
      active: draft.active,
    };
    setMoveMessage(null);
    await run(() => call('saveStatus', { key: draft.key, fields }), statusesTexts.saved);
  };
  const remove = (s: StatusDefinition) => {
    setMoveMessage(null);
    return runRemove(
      { title: statusesTexts.delete, text: statusesTexts.deleteConfirm(s.label) },
      () => call('deleteStatus', { key: s.key }),
      statusesTexts.deleted,
      statusRefusal(rows, s, statuses),
    );
  };
  const move = async (s: StatusDefinition, direction: 'up' | 'down') => {
    try {
      setMoveMessage(null);
      const saved = await save(() => call('moveStatus', { key: s.key, direction }), { text: () => statusesTexts.moved });
      // The row moved: keep the focus on its button (or the other one once it reached the edge).
      const at = saved.value.findIndex((x) => x.key === s.key);
      const edge = direction === 'up' ? at === 0 : at === saved.value.length - 1;
      setTimeout(() => document.getElementById(`st-${s.key}-${edge ? (direction === 'up' ? 'down' : 'up') : direction}`)?.focus(), 0);
    } catch (e) {
      setMoveMessage({ kind: 'error', text: errorMessage(e) });
    }
  };
  const edit = (s: StatusDefinition) => {
    setMoveMessage(null);
    start({
      key: s.key,
      label: s.label,
      defaultPercent: String(s.defaultPercent),
      requiresReason: s.requiresReason,
      requiresLink: s.requiresLink,
      active: s.active,
    });
  };
  const flag = (name: Flag, label: string, hint?: string) =>
    draft ? (
      <Checkbox
        id={`st-${name}`}
        label={label}
        hint={hint}
        checked={draft[name]}
        error={problems[name]}
        onChange={(v) => setDraft({ ...draft, [name]: v })}
      />
    ) : null;
  const shown = moveMessage ?? message;

  return (
    <section aria-labelledby="statuses-title">
      <div className="view-head">
        <h1 id="statuses-title">{statusesTexts.title}</h1>
        <button
          type="button"
          className="primary"
          disabled={readOnly || draft !== null}
          onClick={() => {
            setMoveMessage(null);
            start({ key: null, label: '', defaultPercent: '0', requiresReason: false, requiresLink: false, active: true });
          }}
        >
          {statusesTexts.add}
        </button>
      </div>
      <p>{statusesTexts.intro}</p>
      {shown ? <Notice kind={shown.kind}>{shown.text}</Notice> : null}
      {draft && (
        <InlineForm
          id="st-form"
          label={draft.key === null ? statusesTexts.add : statusesTexts.edit}
          saveLabel={statusesTexts.save}
          saveDisabled={readOnly}
          onSubmit={() => void submit()}
          onCancel={close}
        >
          <TextField id="st-label" label={statusesTexts.label} required {...draftField('label')} className="field-wide" />
          <TextField
            id="st-defaultPercent"
            label={statusesTexts.defaultPercentField}
            hint={statusesTexts.defaultPercentHint}
            required
            {...draftField('defaultPercent')}
          />
          {flag('requiresReason', statusesTexts.requiresReason)}
          {flag('requiresLink', statusesTexts.requiresLink, statusesTexts.requiresLinkHint)}
          {flag('active', statusesTexts.active, statusesTexts.activeHint)}
        </InlineForm>
      )}
      <table className="data">
        <caption className="visually-hidden">{statusesTexts.title}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              {statusesTexts.position}
            </th>
            <th scope="col">{statusesTexts.label}</th>
            <th scope="col" className="num">
              {statusesTexts.defaultPercent}
            </th>
            <th scope="col">{statusesTexts.requiresReason}</th>
            <th scope="col">{statusesTexts.requiresLink}</th>
            <th scope="col">{statusesTexts.active}</th>
            <th scope="col" className="num">
              {statusesTexts.measures}
            </th>
            <th scope="col">
              <span className="visually-hidden">{de.ui.actionsColumn}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {statuses.map((s, index) => (
            <tr key={s.key}>
              <td className="num">{index + 1}</td>
              <th scope="row">{s.label}</th>
              <td className="num">{s.defaultPercent} %</td>
              <td>{yesNo(s.requiresReason)}</td>
              <td>{yesNo(s.requiresLink)}</td>
              <td>{yesNo(s.active)}</td>
              <td className="num">{count(s.key)}</td>
              <td className="buttons">
                <button
                  type="button"
                  disabled={readOnly || draft !== null}
                  aria-label={`${s.label} ${statusesTexts.edit}`}
                  onClick={() => edit(s)}
                >
                  {statusesTexts.edit}
                </button>
                <button
                  type="button"
                  id={`st-${s.key}-up`}
                  disabled={readOnly || index === 0}
                  aria-label={`${s.label} ${statusesTexts.moveUp}`}
                  onClick={() => void move(s, 'up')}
                >
                  {statusesTexts.moveUp}
                </button>
                <button
                  type="button"
                  id={`st-${s.key}-down`}
                  disabled={readOnly || index === statuses.length - 1}
                  aria-label={`${s.label} ${statusesTexts.moveDown}`}
                  onClick={() => void move(s, 'down')}
                >
                  {statusesTexts.moveDown}
                </button>
                <button type="button" disabled={readOnly} aria-label={`${s.label} ${statusesTexts.delete}`} onClick={() => void remove(s)}>
                  {statusesTexts.delete}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="buttons">
        <button type="button" onClick={() => void navigate({ name: 'settings' })}>
          {statusesTexts.backToSettings}
        </button>
      </div>
    </section>
  );
}

/** A single labelled checkbox with its hint and a field error as text (linked by aria-describedby). */
function Checkbox(props: {
  id: string;
  label: string;
  hint?: string | undefined;
  checked: boolean;
  error?: string | undefined;
  onChange: (v: boolean) => void;
}) {
  const { id, label, hint, checked, error, onChange } = props;
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field field-wide">
      <label className="checkbox">
        <input
          type="checkbox"
          id={id}
          checked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.checked)}
        />
        {label}
      </label>
      {hint ? (
        <span id={`${id}-hint`} className="hint">
          {hint}
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
