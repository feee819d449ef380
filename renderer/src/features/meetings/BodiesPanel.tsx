import { useCallback, useEffect, useMemo, useState } from 'react';
import { BODY_KINDS, type Body } from '@shared/participation/body';
import type { BodyMember } from '@shared/participation/participation';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { SelectField, TextField } from '../../ui/fields';
import { DataTable, useTableSort, type Column } from '../../ui/DataTable';
import { LISTS } from '../../ui/listMemory';
import { Notice } from '../../ui/Notice';
import { InlineForm } from '../reference/InlineForm';
import { useListEditor } from '../reference/useListEditor';
import { MembersPanel } from './MembersPanel';
import './meetings.css';
import { useFocusLater } from './useFocusLater';

const bodiesTexts = de.ui.bodies;
const meetingsBodiesTexts = de.meetingsUi.bodies;
const NO_BODIES: readonly Body[] = [];
type Draft = { id: string | null; name: string; shortName: string; kind: Body['kind']; active: boolean };

/** The body a clerk most likely wants: the Vollversammlung (Beteiligungsgremium), else the first active one. */
function defaultBody(bodies: readonly Body[]): string | null {
  return (bodies.find((b) => b.kind === 'beteiligung' && b.active) ?? bodies.find((b) => b.active) ?? bodies[0])?.id ?? null;
}

/**
 * Gremien tab: the editable list of bodies (shared with the Beratungsfolge of Ratsvorlagen; a used body is
 * not deleted) and, for the chosen body, its members.
 */
export function BodiesPanel() {
  const { reference, readOnly } = useApp();
  const { draft, setDraft, problems, message, start, close, submit: run, remove: runRemove } = useListEditor<Draft>('body-name');
  const [members, setMembers] = useState<BodyMember[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [retentionMonths, setRetentionMonths] = useState<number | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const focusLater = useFocusLater();

  const loadMembers = useCallback(async () => {
    try {
      setMembers(await call('listBodyMembers', { bodyId: null }));
    } catch (e) {
      setLoadError(errorMessage(e));
    }
  }, []);
  useEffect(() => {
    void loadMembers();
    call('getPrivacyOverview', {})
      .then((o) => setRetentionMonths(o.retention.memberMonthsAfterTerm))
      .catch(() => setRetentionMonths(null));
  }, [loadMembers]);

  // The members' heading gets the focus once the chosen body's members are drawn.
  const showMembers = useCallback(
    (id: string) => {
      setChosen(id);
      focusLater('members-heading');
    },
    [focusLater],
  );

  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const m of members ?? []) map.set(m.bodyId, (map.get(m.bodyId) ?? 0) + 1);
    return map;
  }, [members]);

  const bodies = reference?.bodies ?? NO_BODIES;
  const selectedId = chosen && bodies.some((b) => b.id === chosen) ? chosen : defaultBody(bodies);
  const selected = bodies.find((b) => b.id === selectedId) ?? null;
  const editing = draft !== null;
  const columns = bodyColumns({
    counts,
    selectedId,
    readOnly,
    editing,
    showMembers,
    edit: (b) => edit(b),
    remove: (b) => void remove(b),
  });
  const { sort, onSort, sorted } = useTableSort(LISTS.bodies, columns, bodies);
  if (!reference) return null;

  const submit = async () => {
    if (!draft) return;
    const { id, ...fields } = draft;
    await run(() => call('saveBody', { id, fields }), bodiesTexts.saved);
  };
  function remove(b: Body) {
    return runRemove(
      { title: bodiesTexts.delete, text: bodiesTexts.deleteConfirm(b.name) },
      () => call('deleteBody', { id: b.id }),
      bodiesTexts.deleted,
    );
  }
  function edit(b: Body) {
    start({ id: b.id, name: b.name, shortName: b.shortName, kind: b.kind, active: b.active });
  }

  return (
    <div className="meetings-panel bodies-panel">
      <section aria-labelledby="bodies-heading">
        <div className="view-head">
          <h2 id="bodies-heading">{meetingsBodiesTexts.heading}</h2>
          <button
            type="button"
            className="primary"
            disabled={readOnly || draft !== null}
            onClick={() => start({ id: null, name: '', shortName: '', kind: 'ausschuss', active: true })}
          >
            {bodiesTexts.add}
          </button>
        </div>
        <p className="intro">{meetingsBodiesTexts.intro}</p>
        {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
        {draft && (
          <InlineForm
            id="body-form"
            label={bodiesTexts.formAdd}
            heading={draft.id ? bodiesTexts.formEdit(bodies.find((b) => b.id === draft.id)?.name ?? draft.name) : bodiesTexts.formAdd}
            saveLabel={bodiesTexts.save}
            saveDisabled={readOnly}
            onSubmit={() => void submit()}
            onCancel={close}
          >
            <TextField
              id="body-name"
              label={bodiesTexts.name}
              required
              value={draft.name}
              error={problems.name}
              onChange={(v) => setDraft({ ...draft, name: v })}
              className="field-wide"
              maxLength={200}
            />
            <TextField
              id="body-short"
              label={bodiesTexts.shortName}
              value={draft.shortName}
              error={problems.shortName}
              onChange={(v) => setDraft({ ...draft, shortName: v })}
              className="field-narrow"
              maxLength={40}
            />
            <SelectField
              id="body-kind"
              label={bodiesTexts.kind}
              value={draft.kind}
              options={BODY_KINDS.map((k) => ({ value: k, label: bodiesTexts.kinds[k] }))}
              onChange={(v) => setDraft({ ...draft, kind: v as Body['kind'] })}
            />
            <label className="checkbox field-checkbox">
              <input type="checkbox" checked={draft.active} onChange={(e) => setDraft({ ...draft, active: e.target.checked })} />
              {bodiesTexts.activeLabel}
            </label>
          </InlineForm>
        )}
        <DataTable
          listKey={LISTS.bodies}
          caption={meetingsBodiesTexts.heading}
          columns={columns}
          rows={sorted}
          rowKey={(b) => b.id}
          sort={sort}
          onSort={onSort}
          className="table-flow"
          tableClassName="with-buttons"
          selectedId={selectedId}
          emptyText={meetingsBodiesTexts.empty}
        />
      </section>
      {loadError ? <Notice kind="error">{loadError}</Notice> : null}
      {selected && members ? (
        <MembersPanel
          key={selected.id}
          body={selected}
          members={members.filter((m) => m.bodyId === selected.id)}
          retentionMonths={retentionMonths}
          onChanged={loadMembers}
        />
      ) : null}
      {!selected ? <p className="muted">{de.meetingsUi.members.chooseBody}</p> : null}
    </div>
  );
}

/**
 * The Gremien's columns: the name names the row (and says which body's members are shown); the members
 * button and the actions stay, Kurzname and Aktiv give way first on a narrow pane.
 */
function bodyColumns(p: {
  counts: ReadonlyMap<string, number>;
  selectedId: string | null;
  readOnly: boolean;
  editing: boolean;
  showMembers: (id: string) => void;
  edit: (b: Body) => void;
  remove: (b: Body) => void;
}): Column<Body>[] {
  const count = (b: Body) => p.counts.get(b.id) ?? 0;
  return [
    {
      key: 'name',
      label: bodiesTexts.name,
      width: 260,
      grow: true,
      fixed: true,
      rowHeader: true,
      cellClass: 'row-head',
      text: (b) => b.name,
      cell: (b) => (
        <>
          {b.name}
          {b.id === p.selectedId ? <span className="visually-hidden"> ({meetingsBodiesTexts.selected})</span> : null}
        </>
      ),
    },
    { key: 'short', label: bodiesTexts.shortName, width: 120, priority: 3, text: (b) => b.shortName },
    { key: 'kind', label: bodiesTexts.kind, width: 180, priority: 2, text: (b) => bodiesTexts.kinds[b.kind] },
    {
      key: 'active',
      label: bodiesTexts.active,
      width: 80,
      priority: 4,
      text: (b) => (b.active ? bodiesTexts.activeYes : bodiesTexts.activeNo),
      cell: (b) => (b.active ? bodiesTexts.activeYes : <span className="muted">{bodiesTexts.activeNo}</span>),
    },
    {
      key: 'members',
      label: meetingsBodiesTexts.members,
      width: 160,
      fixed: true,
      text: (b) => meetingsBodiesTexts.membersButton(count(b)),
      sortValue: count,
      cell: (b) => (
        <button
          type="button"
          aria-pressed={b.id === p.selectedId}
          aria-label={meetingsBodiesTexts.membersButtonLabel(b.name, count(b))}
          onClick={() => p.showMembers(b.id)}
        >
          {meetingsBodiesTexts.membersButton(count(b))}
        </button>
      ),
    },
    {
      key: 'actions',
      label: bodiesTexts.actions,
      hideLabel: true,
      width: 210,
      fixed: true,
      sortable: false,
      cellClass: 'buttons',
      text: () => '',
      cell: (b) => (
        <>
          <button type="button" disabled={p.readOnly || p.editing} aria-label={bodiesTexts.editLabel(b.name)} onClick={() => p.edit(b)}>
            {bodiesTexts.edit}
          </button>
          <button type="button" disabled={p.readOnly} aria-label={bodiesTexts.deleteLabel(b.name)} onClick={() => p.remove(b)}>
            {bodiesTexts.delete}
          </button>
        </>
      ),
    },
  ];
}
