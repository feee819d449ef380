import { useMemo, useState } from 'react';
import { de } from '@shared/i18n/de';
import type { StatusDefinition } from '@shared/register/status';
import { statusRefusal } from '@shared/register/referenceUsage';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { InlineForm } from './InlineForm';
import { useListEditor } from './useListEditor';
import { DataTable, useTableSort, type Column } from '../../ui/DataTable';
import { LISTS } from '../../ui/listMemory';

const statusesTexts = de.statuses;
type Draft = { key: string | null; label: string; defaultPercent: string; requiresReason: boolean; requiresLink: boolean; active: boolean };
type Flag = 'requiresReason' | 'requiresLink' | 'active';

const NO_STATUSES: readonly StatusDefinition[] = [];
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
  const statuses = reference?.statuses ?? NO_STATUSES;
  // All measures count, as for deleting: every Fassung and the Papierkorb.
  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const r of rows) map.set(r.status, (map.get(r.status) ?? 0) + 1);
    return map;
  }, [rows]);
  const columns = statusColumns({
    statuses,
    count: (s) => counts.get(s.key) ?? 0,
    disabled: readOnly,
    editing: draft !== null,
    edit: (s) => edit(s),
    move: (s, direction) => void move(s, direction),
    remove: (s) => void remove(s),
  });
  const { sort, onSort, sorted } = useTableSort(LISTS.statuses, columns, statuses);
  if (!reference) return null;

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
  function remove(s: StatusDefinition) {
    setMoveMessage(null);
    return runRemove(
      { title: statusesTexts.delete, text: statusesTexts.deleteConfirm(s.label) },
      () => call('deleteStatus', { key: s.key }),
      statusesTexts.deleted,
      statusRefusal(rows, s, statuses),
    );
  }
  async function move(s: StatusDefinition, direction: 'up' | 'down') {
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
  }
  function edit(s: StatusDefinition) {
    setMoveMessage(null);
    start({
      key: s.key,
      label: s.label,
      defaultPercent: String(s.defaultPercent),
      requiresReason: s.requiresReason,
      requiresLink: s.requiresLink,
      active: s.active,
    });
  }
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
      <DataTable
        listKey={LISTS.statuses}
        caption={statusesTexts.title}
        columns={columns}
        rows={sorted}
        rowKey={(s) => s.key}
        sort={sort}
        onSort={onSort}
        className="table-flow"
        tableClassName="with-buttons"
        selectedId={draft?.key ?? null}
        emptyText={statusesTexts.empty}
      />
      <div className="buttons">
        <button type="button" onClick={() => void navigate({ name: 'settings' })}>
          {statusesTexts.backToSettings}
        </button>
      </div>
    </section>
  );
}

/**
 * The Statusliste's columns (issue 15: the shared table). "Reihenfolge" is the status's place in the list
 * (the order used everywhere); sorting by another column only changes this view, "Nach oben"/"Nach unten"
 * still move a status in that order. The rules give way first on a narrow pane.
 */
function statusColumns(p: {
  statuses: readonly StatusDefinition[];
  count: (s: StatusDefinition) => number;
  disabled: boolean;
  editing: boolean;
  edit: (s: StatusDefinition) => void;
  move: (s: StatusDefinition, direction: 'up' | 'down') => void;
  remove: (s: StatusDefinition) => void;
}): Column<StatusDefinition>[] {
  const position = (s: StatusDefinition) => p.statuses.indexOf(s) + 1;
  const last = p.statuses.length;
  return [
    {
      key: 'position',
      label: statusesTexts.position,
      width: 110,
      numeric: true,
      fixed: true,
      text: (s) => String(position(s)),
      sortValue: position,
    },
    { key: 'label', label: statusesTexts.label, width: 180, grow: true, fixed: true, rowHeader: true, text: (s) => s.label },
    {
      key: 'percent',
      label: statusesTexts.defaultPercent,
      width: 90,
      numeric: true,
      priority: 2,
      text: (s) => `${s.defaultPercent} %`,
      sortValue: (s) => s.defaultPercent,
    },
    { key: 'reason', label: statusesTexts.requiresReason, width: 100, priority: 4, text: (s) => yesNo(s.requiresReason) },
    { key: 'link', label: statusesTexts.requiresLink, width: 100, priority: 4, text: (s) => yesNo(s.requiresLink) },
    { key: 'active', label: statusesTexts.active, width: 70, priority: 3, text: (s) => yesNo(s.active) },
    {
      key: 'measures',
      label: statusesTexts.measures,
      width: 100,
      numeric: true,
      priority: 3,
      text: (s) => String(p.count(s)),
      sortValue: p.count,
    },
    {
      key: 'actions',
      label: de.ui.actionsColumn,
      hideLabel: true,
      width: 400,
      fixed: true,
      sortable: false,
      cellClass: 'buttons',
      text: () => '',
      cell: (s) => (
        <>
          <button
            type="button"
            disabled={p.disabled || p.editing}
            aria-label={`${s.label} ${statusesTexts.edit}`}
            onClick={() => p.edit(s)}
          >
            {statusesTexts.edit}
          </button>
          <button
            type="button"
            id={`st-${s.key}-up`}
            disabled={p.disabled || position(s) === 1}
            aria-label={`${s.label} ${statusesTexts.moveUp}`}
            onClick={() => p.move(s, 'up')}
          >
            {statusesTexts.moveUp}
          </button>
          <button
            type="button"
            id={`st-${s.key}-down`}
            disabled={p.disabled || position(s) === last}
            aria-label={`${s.label} ${statusesTexts.moveDown}`}
            onClick={() => p.move(s, 'down')}
          >
            {statusesTexts.moveDown}
          </button>
          <button type="button" disabled={p.disabled} aria-label={`${s.label} ${statusesTexts.delete}`} onClick={() => p.remove(s)}>
            {statusesTexts.delete}
          </button>
        </>
      ),
    },
  ];
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
