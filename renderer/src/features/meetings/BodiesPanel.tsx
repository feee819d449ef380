import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { BODY_KINDS, type Body } from '@shared/participation/body';
import type { BodyMember } from '@shared/participation/participation';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { SelectField, TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { InlineForm } from '../reference/InlineForm';
import { useListEditor } from '../reference/useListEditor';
import { MembersPanel } from './MembersPanel';
import './meetings.css';
import { useFocusLater } from './useFocusLater';

const bodiesTexts = de.ui.bodies;
const meetingsBodiesTexts = de.meetingsUi.bodies;
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
  const membersHeading = useRef<HTMLHeadingElement>(null);
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

  const counts = useMemo(() => {
    const map = new Map<string, number>();
    for (const m of members ?? []) map.set(m.bodyId, (map.get(m.bodyId) ?? 0) + 1);
    return map;
  }, [members]);

  if (!reference) return null;
  const bodies = reference.bodies;
  const selectedId = chosen && bodies.some((b) => b.id === chosen) ? chosen : defaultBody(bodies);
  const selected = bodies.find((b) => b.id === selectedId) ?? null;

  const submit = async () => {
    if (!draft) return;
    const { id, ...fields } = draft;
    await run(() => call('saveBody', { id, fields }), bodiesTexts.saved);
  };
  const remove = (b: Body) =>
    runRemove(
      { title: bodiesTexts.delete, text: bodiesTexts.deleteConfirm(b.name) },
      () => call('deleteBody', { id: b.id }),
      bodiesTexts.deleted,
    );
  const showMembers = (id: string) => {
    setChosen(id);
    focusLater(() => membersHeading.current);
  };

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
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">{meetingsBodiesTexts.heading}</caption>
            <thead>
              <tr>
                <th scope="col">{bodiesTexts.name}</th>
                <th scope="col">{bodiesTexts.shortName}</th>
                <th scope="col">{bodiesTexts.kind}</th>
                <th scope="col">{bodiesTexts.active}</th>
                <th scope="col">{meetingsBodiesTexts.members}</th>
                <th scope="col">
                  <span className="visually-hidden">{bodiesTexts.actions}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {bodies.map((b) => {
                const count = counts.get(b.id) ?? 0;
                const isSelected = b.id === selectedId;
                return (
                  <tr key={b.id} className={isSelected ? 'selected' : undefined}>
                    <th scope="row" className="row-head">
                      {b.name}
                      {isSelected ? <span className="visually-hidden"> ({meetingsBodiesTexts.selected})</span> : null}
                    </th>
                    <td>{b.shortName}</td>
                    <td>{bodiesTexts.kinds[b.kind]}</td>
                    <td>{b.active ? bodiesTexts.activeYes : <span className="muted">{bodiesTexts.activeNo}</span>}</td>
                    <td>
                      <button
                        type="button"
                        aria-pressed={isSelected}
                        aria-label={meetingsBodiesTexts.membersButtonLabel(b.name, count)}
                        onClick={() => showMembers(b.id)}
                      >
                        {meetingsBodiesTexts.membersButton(count)}
                      </button>
                    </td>
                    <td className="buttons">
                      <button
                        type="button"
                        disabled={readOnly || draft !== null}
                        aria-label={bodiesTexts.editLabel(b.name)}
                        onClick={() => start({ id: b.id, name: b.name, shortName: b.shortName, kind: b.kind, active: b.active })}
                      >
                        {bodiesTexts.edit}
                      </button>
                      <button type="button" disabled={readOnly} aria-label={bodiesTexts.deleteLabel(b.name)} onClick={() => void remove(b)}>
                        {bodiesTexts.delete}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
      {loadError ? <Notice kind="error">{loadError}</Notice> : null}
      {selected && members ? (
        <MembersPanel
          key={selected.id}
          body={selected}
          members={members.filter((m) => m.bodyId === selected.id)}
          retentionMonths={retentionMonths}
          headingRef={membersHeading}
          onChanged={loadMembers}
        />
      ) : null}
      {!selected ? <p className="muted">{de.meetingsUi.members.chooseBody}</p> : null}
    </div>
  );
}
