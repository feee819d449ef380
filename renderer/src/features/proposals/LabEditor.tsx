import { useCallback, useEffect, useRef, useState } from 'react';
import { DISTRICTS } from '@shared/register/districts';
import type { Lab } from '@shared/participation/labs';
import { proposalFromLab } from '@shared/participation/labProposal';
import { localDay } from '@shared/core/calendar';
import { formatDate } from '@shared/core/format';
import type { FieldProblem } from '@shared/register/rules';
import { de } from '@shared/i18n/de';
import { ApiCallError, call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { EditorButtons, EditorForm } from '../../ui/EditorForm';
import { HistorySection } from '../../ui/HistoryTable';
import { Section, SelectField, TextArea, TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { ProblemSummary } from '../evaluation/parts';
import { labHistory } from './history';
import { ProposalTable } from './ProposalTable';
import { presets } from './presets';
import { emptyLabForm, fromLabForm, newSession, serverProblems, toLabForm, type LabForm, type SessionText } from './proposalForm';
import { useLists } from './useLists';
import './proposals.css';

const proposalsTexts = de.proposalsUi;
const l = proposalsTexts.lab;
const f = l.field;

export const labFieldId = (field: string) => `lab-${field.replace(/\./g, '-')}`;

const SESSION_COLUMNS: {
  key: keyof Omit<SessionText, 'id'>;
  field: string;
  label: string;
  className?: string;
  inputMode?: 'numeric';
  maxLength: number;
}[] = [
  { key: 'date', field: 'date', label: f.date, className: 'col-date', maxLength: 10 },
  { key: 'place', field: 'place', label: f.place, maxLength: 300 },
  { key: 'invited', field: 'invitedCount', label: f.invitedCount, className: 'col-count', inputMode: 'numeric', maxLength: 9 },
  { key: 'attending', field: 'attendingCount', label: f.attendingCount, className: 'col-count', inputMode: 'numeric', maxLength: 9 },
  { key: 'note', field: 'note', label: f.note, maxLength: 2000 },
];

/** "sessions.0.attendingCount" → "Termin 1, Teilnehmende"; plain fields by their label. */
function labFieldLabel(field: string): string {
  const [head, index, tail] = field.split('.');
  if (head === 'sessions' && index !== undefined) {
    const column = SESSION_COLUMNS.find((c) => c.field === tail);
    return l.fieldLabel(column?.label ?? f.sessions, Number(index) + 1);
  }
  if (head === 'topics' && index !== undefined) return l.topicFieldLabel(Number(index) + 1);
  return (f as Record<string, string>)[head!] ?? field;
}

/**
 * Create (id null) or edit a Quartierslabor: place, format, topics and the sessions with attendance as
 * counts; below it the lab's Anregungen. Leaving with unsaved input asks first; Strg+S saves.
 */
export function LabEditor({ id }: { id: string | null }) {
  const { navigate, setDirty, save, confirm, readOnly } = useApp();
  const lists = useLists();
  const [lab, setLab] = useState<Lab | null>(null);
  const [form, setForm] = useState<LabForm | null>(id ? null : emptyLabForm());
  const initial = useRef(JSON.stringify(emptyLabForm()));
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [newTopic, setNewTopic] = useState('');
  const summaryRef = useRef<HTMLDivElement>(null);
  const addSessionButton = useRef<HTMLButtonElement>(null);
  const newTopicInput = useRef<HTMLInputElement>(null);

  useEffect(() => () => setDirty(false), [setDirty]);

  const adopt = useCallback(
    (loaded: Lab) => {
      const next = toLabForm(loaded);
      initial.current = JSON.stringify(next);
      setLab(loaded);
      setForm(next);
      setDirty(false);
    },
    [setDirty],
  );

  // Load the lab once; later list reloads (after any save) must not reset what the clerk typed.
  const found = id ? lists.labs?.find((x) => x.id === id) : undefined;
  useEffect(() => {
    if (found && !lab) adopt(found);
  }, [found, lab, adopt]);

  if (lists.error) return <Notice kind="error">{lists.error}</Notice>;
  if (id && lists.labs && !found) return <Notice kind="error">{l.notFound}</Notice>;
  if (!form) return <p>{de.ui.loading}</p>;

  const locked = readOnly || !!lab?.deletedAt;
  const update = (patch: Partial<LabForm>) => {
    setForm((current) => {
      const next = { ...current!, ...patch };
      setDirty(JSON.stringify(next) !== initial.current);
      return next;
    });
  };
  const setSession = (i: number, patch: Partial<SessionText>) =>
    update({ sessions: form.sessions.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const problemOf = (field: string) => problems.find((p) => p.field === field)?.message;
  const common = (field: string) => ({ id: labFieldId(field), error: problemOf(field), disabled: locked });
  const showProblems = (found: FieldProblem[]) => {
    setProblems(found);
    setTimeout(() => summaryRef.current?.focus(), 0);
  };
  const back = () => void navigate({ name: 'participation', tab: 'labs' });

  const submit = async () => {
    setMessage(null);
    // A topic typed but not yet added counts: the clerk sees it in the list after saving.
    const pending = newTopic.trim();
    const current =
      pending && !form.topics.some((x) => x.toLowerCase() === pending.toLowerCase())
        ? { ...form, topics: [...form.topics, pending] }
        : form;
    if (current !== form) {
      update({ topics: current.topics });
      setNewTopic('');
    }
    const { fields, problems: found } = fromLabForm(current);
    if (found.length > 0) return showProblems(found);
    setProblems([]);
    setBusy(true);
    try {
      // The one confirmation (ui/SaveConfirmation.tsx) outlasts the step from "new" to the saved Quartierslabor.
      const saved = await save(() => call('saveLab', { id: lab?.id ?? null, version: lab?.version ?? null, fields }), {
        text: (r) => l.saved(r.value.name),
      });
      if (!lab) {
        setDirty(false);
        await navigate({ name: 'lab', id: saved.value.id });
        return;
      }
      adopt(saved.value);
    } catch (e) {
      if (e instanceof ApiCallError && e.error.fields?.length) showProblems(serverProblems(e.error.fields));
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!lab) return;
    if (!(await confirm({ title: l.deleteTitle, text: l.deleteConfirm(lab.name), confirmLabel: l.deleteTitle }))) return;
    setMessage(null);
    try {
      await save(() => call('deleteLab', { id: lab.id, version: lab.version }));
      setDirty(false);
      back();
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };

  const addTopic = () => {
    const topic = newTopic.trim();
    if (!topic) return;
    if (!form.topics.some((x) => x.toLowerCase() === topic.toLowerCase())) update({ topics: [...form.topics, topic] });
    setNewTopic('');
    newTopicInput.current?.focus();
  };
  const removeTopic = (i: number) => {
    update({ topics: form.topics.filter((_, j) => j !== i) });
    setProblems((ps) => ps.filter((p) => !p.field.startsWith('topics.')));
    newTopicInput.current?.focus();
  };
  const addSession = () => {
    const i = form.sessions.length;
    update({ sessions: [...form.sessions, newSession()] });
    setTimeout(() => document.getElementById(labFieldId(`sessions.${i}.date`))?.focus(), 0);
  };
  const removeSession = (i: number) => {
    update({ sessions: form.sessions.filter((_, j) => j !== i) });
    setProblems((ps) => ps.filter((p) => !p.field.startsWith('sessions.')));
    setTimeout(() => addSessionButton.current?.focus(), 0);
  };

  const title = lab ? l.editTitle(lab.name) : l.newTitle;
  // Only saved lab dates can be the date of an Anregung (an unsaved row may still change).
  const savedDates = new Map((lab?.sessions ?? []).map((x) => [x.id, x.date]));
  const labProposals = lab ? (lists.proposals ?? []).filter((p) => p.labId === lab.id && !p.deletedAt) : [];
  // A new Anregung takes over district, area and the lab date (the one asked for, else the latest held).
  const addProposal = async (sessionDate?: string) => {
    if (!lab) return;
    presets.proposal.set(proposalFromLab(lab, localDay(), sessionDate));
    if (!(await navigate({ name: 'proposal', id: null }))) presets.proposal.clear();
  };

  return (
    <div className="proposals-editor">
      <EditorForm labelledBy="lab-title" locked={locked} onSubmit={() => void submit()} onBack={back}>
        <div className="view-head">
          <h1 id="lab-title">{title}</h1>
          <EditorButtons labels={l} disabled={busy || locked} onBack={back} onDelete={lab ? () => void remove() : null} />
        </div>
        {readOnly ? <Notice kind="warning">{proposalsTexts.readOnlyHint}</Notice> : null}
        {lab?.deletedAt ? <Notice kind="info">{l.inTrash}</Notice> : null}
        {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
        <ProblemSummary
          ref={summaryRef}
          title={proposalsTexts.problems(problems.length)}
          problems={problems}
          fieldId={labFieldId}
          fieldLabel={labFieldLabel}
        />

        <Section title={l.sections.basics}>
          <TextField
            {...common('name')}
            label={f.name}
            required
            value={form.name}
            onChange={(v) => update({ name: v })}
            className="field-wide"
            maxLength={200}
          />
          <SelectField
            {...common('district')}
            label={f.district}
            required
            value={form.district}
            emptyLabel={proposalsTexts.none}
            options={DISTRICTS.map((d) => ({ value: d.code, label: d.name }))}
            onChange={(v) => update({ district: v })}
          />
          <TextField
            {...common('quarter')}
            label={f.quarter}
            hint={l.quarterHint}
            value={form.quarter}
            onChange={(v) => update({ quarter: v })}
            maxLength={120}
          />
          <TextField
            {...common('format')}
            label={f.format}
            hint={l.formatHint}
            value={form.format}
            onChange={(v) => update({ format: v })}
            className="field-wide"
            maxLength={300}
          />
          <TextArea
            {...common('description')}
            label={f.description}
            value={form.description}
            onChange={(v) => update({ description: v })}
            rows={3}
          />
        </Section>

        <Section title={l.sections.topics}>
          <div className="field-wide">
            {form.topics.length === 0 ? (
              <p className="muted">{l.topicsEmpty}</p>
            ) : (
              <ul className="topic-list" aria-label={f.topics}>
                {form.topics.map((topic, i) => (
                  <li key={`${topic}-${i}`} id={labFieldId(`topics.${i}`)} tabIndex={-1}>
                    <span>{topic}</span>
                    {problemOf(`topics.${i}`) ? (
                      <span className="field-error"> {`${de.ui.errorPrefix} ${problemOf(`topics.${i}`)}`}</span>
                    ) : null}
                    <button type="button" disabled={locked} aria-label={l.removeTopicLabel(topic)} onClick={() => removeTopic(i)}>
                      {l.removeTopic}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <div className="add-row">
              <label className="inline-label" htmlFor="lab-new-topic">
                {f.newTopic}
                <input
                  ref={newTopicInput}
                  id="lab-new-topic"
                  type="text"
                  value={newTopic}
                  maxLength={200}
                  disabled={locked}
                  onChange={(e) => setNewTopic(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      addTopic();
                    }
                  }}
                />
              </label>
              <button type="button" disabled={locked || !newTopic.trim() || form.topics.length >= 50} onClick={addTopic}>
                {l.addTopic}
              </button>
            </div>
          </div>
        </Section>

        <Section title={l.sections.sessions}>
          <div className="field-wide">
            <p className="hint">{l.sessionsHint}</p>
            {form.sessions.length === 0 ? (
              <p className="muted">{l.sessionsEmpty}</p>
            ) : (
              <div className="scroll-x">
                <table className="data sessions-table">
                  <caption className="visually-hidden">{l.sessionsCaption}</caption>
                  <thead>
                    <tr>
                      {SESSION_COLUMNS.map((col) => (
                        <th key={col.key} scope="col" className={col.inputMode ? 'num' : undefined}>
                          {col.label}
                          {col.key === 'date' ? <span className="hint"> ({proposalsTexts.dateHint})</span> : null}
                        </th>
                      ))}
                      <th scope="col">
                        <span className="visually-hidden">{de.ui.actionsColumn}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {form.sessions.map((s, i) => (
                      <tr key={s.id}>
                        {SESSION_COLUMNS.map((col) => {
                          const c = common(`sessions.${i}.${col.field}`);
                          return (
                            <td key={col.key} className={col.className}>
                              <input
                                id={c.id}
                                type="text"
                                value={s[col.key]}
                                disabled={c.disabled}
                                inputMode={col.inputMode}
                                maxLength={col.maxLength}
                                aria-label={l.cellLabel(col.label, i + 1)}
                                aria-invalid={c.error ? true : undefined}
                                aria-describedby={c.error ? `${c.id}-error` : undefined}
                                onChange={(e) => setSession(i, { [col.key]: e.target.value })}
                              />
                              {c.error ? (
                                <span id={`${c.id}-error`} className="field-error">
                                  {de.ui.errorPrefix} {c.error}
                                </span>
                              ) : null}
                            </td>
                          );
                        })}
                        <td className="nowrap">
                          <button type="button" disabled={locked} aria-label={l.removeSessionLabel(i + 1)} onClick={() => removeSession(i)}>
                            {l.removeSession}
                          </button>
                          {savedDates.has(s.id) ? (
                            <button
                              type="button"
                              disabled={locked}
                              aria-label={l.addProposalForSessionLabel(formatDate(savedDates.get(s.id)!))}
                              onClick={() => void addProposal(savedDates.get(s.id))}
                            >
                              {l.addProposalForSession}
                            </button>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <button ref={addSessionButton} type="button" disabled={locked || form.sessions.length >= 100} onClick={addSession}>
              {l.addSession}
            </button>
          </div>
        </Section>
        <EditorButtons className="buttons form-end" labels={l} disabled={busy || locked} onBack={back} />
      </EditorForm>

      <section aria-labelledby="lab-proposals-title" className="lab-proposals">
        <div className="view-head">
          <h2 id="lab-proposals-title">{l.sections.proposals}</h2>
          <button type="button" disabled={!lab || locked} onClick={() => void addProposal()}>
            {l.addProposal}
          </button>
        </div>
        {!lab ? (
          <p className="muted">{l.saveFirst}</p>
        ) : labProposals.length === 0 ? (
          <p className="muted">{l.proposalsEmpty}</p>
        ) : (
          <ProposalTable proposals={labProposals} caption={l.proposalsCaption(lab.name)} />
        )}
      </section>
      {lab ? <HistorySection entityId={lab.id} version={lab.version} {...labHistory()} /> : null}
    </div>
  );
}
