import { useEffect, useRef, useState } from 'react';
import type { Body } from '@shared/participation/body';
import { localDay } from '@shared/core/calendar';
import { orgUnitLabel } from '@shared/register/orgUnit';
import { bodyMemberFieldsSchema, MEMBER_ROLES, type BodyMember, type BodyMemberFields } from '@shared/participation/participation';
import { formatDate, formatDateTime } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { ApiCallError, call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { SelectField, TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { InlineForm } from '../reference/InlineForm';
import { memberState } from './meetingForm';
import { useFocusLater } from './useFocusLater';
import { DateField } from '../../ui/DateField';
import { readDateEntry } from '../../ui/dateEntry';

const meetingsTexts = de.meetingsUi;
const t = meetingsTexts.members;
const f = t.field;
const roles = de.participation.memberRoles;

interface Draft {
  id: string | null;
  version: number | null;
  organisation: string;
  orgUnitId: string;
  delegate: string;
  deputy: string;
  role: BodyMemberFields['role'];
  termStart: string;
  termEnd: string;
  note: string;
}

const emptyDraft = (): Draft => ({
  id: null,
  version: null,
  organisation: '',
  orgUnitId: '',
  delegate: '',
  deputy: '',
  role: 'mitglied',
  termStart: '',
  termEnd: '',
  note: '',
});
const toDraft = (m: BodyMember): Draft => ({
  id: m.id,
  version: m.version,
  organisation: m.organisation,
  orgUnitId: m.orgUnitId ?? '',
  delegate: m.delegate,
  deputy: m.deputy,
  role: m.role,
  termStart: formatDate(m.termStart),
  termEnd: formatDate(m.termEnd),
  note: m.note,
});

/** Draft → fields, with a German problem per unreadable date or schema rule. */
function fromDraft(draft: Draft, bodyId: string): { fields: BodyMemberFields; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const date = (text: string, field: string) => {
    if (!text.trim()) return null;
    const iso = readDateEntry(text);
    if (!iso) problems[field] = meetingsTexts.invalidDate;
    return iso;
  };
  const fields: BodyMemberFields = {
    bodyId,
    organisation: draft.organisation.trim(),
    orgUnitId: draft.orgUnitId || null,
    delegate: draft.delegate.trim(),
    deputy: draft.deputy.trim(),
    role: draft.role,
    termStart: date(draft.termStart, 'termStart'),
    termEnd: date(draft.termEnd, 'termEnd'),
    note: draft.note.trim(),
  };
  if (fields.termStart && fields.termEnd && fields.termEnd < fields.termStart && !problems.termEnd)
    problems.termEnd = de.validation.endBeforeStart;
  const result = bodyMemberFieldsSchema.safeParse(fields);
  if (!result.success) for (const issue of result.error.issues) problems[String(issue.path[0] ?? 'organisation')] ??= issue.message;
  return { fields, problems };
}

function term(m: BodyMember): string {
  if (m.termStart && m.termEnd) return t.termFromTo(formatDate(m.termStart), formatDate(m.termEnd));
  if (m.termStart) return t.termSince(formatDate(m.termStart));
  if (m.termEnd) return t.termUntil(formatDate(m.termEnd));
  return t.termOpen;
}

const ROLE_ORDER = new Map(MEMBER_ROLES.map((r, i) => [r, i]));
const byRoleThenName = (a: BodyMember, b: BodyMember) =>
  (ROLE_ORDER.get(a.role) ?? 9) - (ROLE_ORDER.get(b.role) ?? 9) || a.organisation.localeCompare(b.organisation, 'de');

/**
 * The members of one body: sending organisation (optionally an Organisationseinheit), delegate and deputy
 * as public-role data, role, term and note. Former members (term ended) are listed apart; anonymised
 * entries are shown as such and cannot be edited.
 */
export function MembersPanel({
  body,
  members,
  retentionMonths,
  onChanged,
}: {
  body: Body;
  members: BodyMember[];
  retentionMonths: number | null;
  onChanged: () => Promise<void>;
}) {
  const { reference, readOnly, save, confirm, setDirty } = useApp();
  const [draft, setDraft] = useState<Draft | null>(null);
  const opened = useRef('');
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusLater = useFocusLater();
  const today = localDay();
  const current = members.filter((m) => memberState(m, today) !== 'former').sort(byRoleThenName);
  const former = members.filter((m) => memberState(m, today) === 'former').sort(byRoleThenName);
  const units = reference?.orgUnits ?? [];

  // Leaving the screen with unsaved input in the member form asks first.
  useEffect(() => setDirty(draft !== null && JSON.stringify(draft) !== opened.current), [draft, setDirty]);
  useEffect(() => () => setDirty(false), [setDirty]);

  const open = (next: Draft) => {
    opened.current = JSON.stringify(next);
    setDraft(next);
    setProblems({});
    setMessage(null);
    focusLater('member-organisation');
  };
  const close = (focusId?: string) => {
    setDraft(null);
    setProblems({});
    focusLater(() => (focusId ? document.getElementById(focusId) : addButton.current));
  };
  const set = (patch: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...patch } : d));

  const submit = async () => {
    if (!draft) return;
    const { fields, problems: found } = fromDraft(draft, body.id);
    setProblems(found);
    const first = Object.keys(found)[0];
    if (first) {
      setMessage({ kind: 'error', text: de.api.validation });
      focusLater(`member-${first}`);
      return;
    }
    try {
      const saved = await save(() => call('saveBodyMember', { id: draft.id, version: draft.version, fields }), {
        text: (r) => t.saved(r.value.organisation),
      });
      await onChanged();
      close(`member-edit-${saved.value.id}`);
    } catch (e) {
      if (e instanceof ApiCallError && e.error.fields?.length) {
        const next = Object.fromEntries(e.error.fields.map((p) => [p.field.split('.')[0]!, p.message]));
        setProblems(next);
        const key = Object.keys(next)[0];
        if (key) focusLater(`member-${key}`);
      }
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };

  const remove = async (m: BodyMember) => {
    if (!(await confirm({ title: t.deleteTitle, text: t.deleteConfirm(m.organisation), confirmLabel: t.deleteTitle }))) return;
    try {
      await save(() => call('deleteBodyMember', { id: m.id, version: m.version }));
      await onChanged();
      if (draft?.id === m.id) setDraft(null);
      setMessage({ kind: 'success', text: t.deleted });
      focusLater(() => addButton.current);
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };

  const chooseUnit = (id: string) => {
    const unit = units.find((x) => x.id === id);
    set(unit && !draft?.organisation.trim() ? { orgUnitId: id, organisation: orgUnitLabel(unit) } : { orgUnitId: id });
  };

  const table = (list: BodyMember[], caption: string, emptyText: string, kind: 'current' | 'former') => (
    <>
      <h3 id={`members-${kind}`}>{caption}</h3>
      {list.length === 0 ? (
        <p className="muted">{emptyText}</p>
      ) : (
        <div className="table-wrap">
          <table className="data members-table" aria-labelledby={`members-${kind}`}>
            <thead>
              <tr>
                <th scope="col">{f.organisation}</th>
                <th scope="col">{f.delegate}</th>
                <th scope="col">{f.deputy}</th>
                <th scope="col">{f.role}</th>
                <th scope="col">{f.term}</th>
                <th scope="col">{f.state}</th>
                <th scope="col">{f.note}</th>
                <th scope="col">
                  <span className="visually-hidden">{de.ui.actionsColumn}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((m) => {
                const state = memberState(m, today);
                const unit = m.orgUnitId ? units.find((x) => x.id === m.orgUnitId) : undefined;
                return (
                  <tr key={m.id}>
                    <th scope="row" className="row-head">
                      {m.organisation}
                      {unit && orgUnitLabel(unit) !== m.organisation ? <span className="muted block">{orgUnitLabel(unit)}</span> : null}
                    </th>
                    <td>{m.delegate}</td>
                    <td>{m.deputy}</td>
                    <td>{roles[m.role]}</td>
                    <td className="nowrap">{term(m)}</td>
                    <td>
                      {state === 'former' ? t.stateFormer : state === 'future' ? t.stateFuture : t.stateCurrent}
                      {m.anonymisedAt ? <span className="block">{t.anonymised(formatDateTime(m.anonymisedAt))}</span> : null}
                    </td>
                    <td>{m.note}</td>
                    <td className="buttons">
                      {m.anonymisedAt ? null : (
                        <button
                          type="button"
                          id={`member-edit-${m.id}`}
                          disabled={readOnly || draft !== null}
                          aria-label={t.editLabel(m.organisation)}
                          onClick={() => open(toDraft(m))}
                        >
                          {meetingsTexts.edit}
                        </button>
                      )}
                      <button type="button" disabled={readOnly} aria-label={t.deleteLabel(m.organisation)} onClick={() => void remove(m)}>
                        {meetingsTexts.delete}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );

  const editing = draft?.id ? members.find((m) => m.id === draft.id) : undefined;
  return (
    <section aria-labelledby="members-heading" className="members-panel">
      <div className="view-head">
        <h2 id="members-heading" tabIndex={-1}>
          {t.heading(body.name)}
        </h2>
        <button ref={addButton} type="button" className="primary" disabled={readOnly || draft !== null} onClick={() => open(emptyDraft())}>
          {t.add}
        </button>
      </div>
      <p className="hint privacy-hint">{t.privacyHint(retentionMonths)}</p>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {draft ? (
        <InlineForm
          id="member-form"
          label={t.formAdd}
          heading={editing ? t.formEdit(editing.organisation) : t.formAdd}
          saveLabel={t.save}
          saveDisabled={readOnly}
          onSubmit={() => void submit()}
          onCancel={() => close(draft.id ? `member-edit-${draft.id}` : undefined)}
        >
          <TextField
            id="member-organisation"
            label={f.organisation}
            required
            hint={t.organisationHint}
            value={draft.organisation}
            error={problems.organisation}
            onChange={(v) => set({ organisation: v })}
            className="field-wide"
            maxLength={200}
          />
          <SelectField
            id="member-orgUnitId"
            label={f.orgUnitId}
            hint={t.orgUnitHint}
            value={draft.orgUnitId}
            emptyLabel={t.noOrgUnit}
            error={problems.orgUnitId}
            options={units.map((x) => ({ value: x.id, label: orgUnitLabel(x) }))}
            onChange={chooseUnit}
          />
          <SelectField
            id="member-role"
            label={f.role}
            value={draft.role}
            error={problems.role}
            options={MEMBER_ROLES.map((r) => ({ value: r, label: roles[r] }))}
            onChange={(v) => set({ role: v as Draft['role'] })}
          />
          <TextField
            id="member-delegate"
            label={f.delegate}
            value={draft.delegate}
            error={problems.delegate}
            onChange={(v) => set({ delegate: v })}
            maxLength={120}
          />
          <TextField
            id="member-deputy"
            label={f.deputy}
            value={draft.deputy}
            error={problems.deputy}
            onChange={(v) => set({ deputy: v })}
            maxLength={120}
          />
          <DateField
            id="member-termStart"
            label={f.termStart}
            value={draft.termStart}
            error={problems.termStart}
            onChange={(v) => set({ termStart: v })}
            className="field-narrow"
            maxLength={10}
          />
          <DateField
            id="member-termEnd"
            label={f.termEnd}
            value={draft.termEnd}
            error={problems.termEnd}
            onChange={(v) => set({ termEnd: v })}
            className="field-narrow"
            maxLength={10}
          />
          <TextField
            id="member-note"
            label={f.note}
            value={draft.note}
            error={problems.note}
            onChange={(v) => set({ note: v })}
            className="field-wide"
            maxLength={300}
          />
          <p className="hint field-wide">{t.privacyHint(retentionMonths)}</p>
        </InlineForm>
      ) : null}
      {table(current, t.current, t.noneCurrent, 'current')}
      {table(former, t.former, t.noneFormer, 'former')}
      {members.some((m) => m.anonymisedAt) ? <p className="hint">{t.anonymisedHint}</p> : null}
    </section>
  );
}
