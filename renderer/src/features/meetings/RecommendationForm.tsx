import { DateField } from '../../ui/DateField';
import { readDateEntry } from '../../ui/dateEntry';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SubmissionRow } from '@shared/contract';
import { ADDRESSEES, RECOMMENDATION_STATES, type Meeting, type RecommendationRecord } from '@shared/participation/participation';
import type { FieldProblem } from '@shared/register/rules';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { ApiCallError, call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { SelectField, TextArea, TextField } from '../../ui/fields';
import { HistorySection } from '../../ui/HistoryTable';
import { Notice } from '../../ui/Notice';
import { ProblemSummary } from '../evaluation/parts';
import { recommendationHistory } from './history';
import { LinkPicker } from './LinkPicker';
import { useFocusLater } from './useFocusLater';
import {
  fromRecommendationForm,
  recommendationFieldId,
  recommendationFieldLabel,
  suggestRecommendationNumber,
  type RecommendationForm as FormState,
} from './meetingForm';

const meetingsTexts = de.meetingsUi;
const t = meetingsTexts.recommendationForm;
const f = t.field;
const participationTexts = de.participation;

export function submissionLabel(s: Pick<SubmissionRow, 'printNumber' | 'subject'>): string {
  return t.submissionLabel(s.printNumber, s.subject);
}

/** The year of a form date ("12.03.2026" → 2026), else this year. */
export function formYear(date: string): number {
  const iso = readDateEntry(date);
  return iso ? Number(iso.slice(0, 4)) : new Date().getFullYear();
}

/**
 * Add or edit an Empfehlung: number (next "E-<Jahr>-NN" suggested), body, session and TOP, date, addressee
 * (with the committee when "Ausschuss"), title, text, state, what became of it, the Vorlage and linked
 * measures. Used in the Empfehlungen tab and, pre-filled, from a TOP of a session.
 */
export function RecommendationForm(props: {
  idPrefix: string;
  record: RecommendationRecord | null;
  initial: FormState;
  meetings: readonly Meeting[];
  submissions: readonly SubmissionRow[];
  existingNumbers: readonly string[];
  onSaved: (saved: RecommendationRecord) => void;
  onCancel: () => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { idPrefix, record, initial, meetings, submissions, existingNumbers, onSaved, onCancel, onDirtyChange } = props;
  const { reference, rows, readOnly, save } = useApp();
  const [form, setForm] = useState<FormState>(initial);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const initialText = useRef(JSON.stringify(initial));
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  const id = (field: string) => recommendationFieldId(idPrefix, field);

  useEffect(() => {
    setTimeout(() => document.getElementById(id('number'))?.focus(), 0);
    // Focus the first field once, when the form opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const bodies = useMemo(() => reference?.bodies ?? [], [reference]);
  const bodyMeetings = useMemo(
    () => meetings.filter((m) => !m.deletedAt && m.bodyId === form.bodyId).sort((a, b) => b.date.localeCompare(a.date)),
    [meetings, form.bodyId],
  );
  const meeting = meetings.find((m) => m.id === form.meetingId);
  const committees = bodies.filter((b) => b.kind === 'ausschuss' || b.id === form.addresseeBodyId);
  const measureOptions = useMemo(
    () => rows.filter((r) => !r.deletedAt || form.measureIds.includes(r.id)).map((r) => ({ id: r.id, label: `${r.number} ${r.title}` })),
    [rows, form.measureIds],
  );
  const liveSubmissions = submissions.filter((s) => !s.deletedAt || s.id === form.submissionId);

  const update = (patch: Partial<FormState>) => {
    setForm((current) => {
      const next = { ...current, ...patch };
      onDirtyChange(JSON.stringify(next) !== initialText.current);
      return next;
    });
  };
  const problemOf = (field: string) => problems.find((x) => x.field === field)?.message;
  const common = (field: string) => ({ id: id(field), error: problemOf(field), disabled: readOnly || busy });

  const setDate = (date: string) => {
    // A suggested number follows the year of the date until the clerk types their own.
    const others = existingNumbers.filter((x) => x !== record?.number);
    const follow = !record && form.number === suggestRecommendationNumber(formYear(form.date), others);
    update(follow ? { date, number: suggestRecommendationNumber(formYear(date), others) } : { date });
  };
  const setMeeting = (meetingId: string) => {
    const chosen = meetings.find((m) => m.id === meetingId);
    update({ meetingId, agendaItemId: '', ...(chosen && !form.date.trim() ? { date: formatDate(chosen.date) } : {}) });
  };

  const submit = async () => {
    setError(null);
    const { fields, problems: found } = fromRecommendationForm(form);
    setProblems(found);
    if (found.length > 0) {
      focusLater(() => summaryRef.current);
      return;
    }
    setBusy(true);
    try {
      const saved = await save(() => call('saveRecommendation', { id: record?.id ?? null, version: record?.version ?? null, fields }), {
        text: (r) => t.saved(r.value.number),
      });
      onDirtyChange(false);
      onSaved(saved.value);
    } catch (e) {
      if (e instanceof ApiCallError && e.error.fields?.length) {
        setProblems(e.error.fields);
        focusLater(() => summaryRef.current);
      }
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const headingId = `${idPrefix}-heading`;
  return (
    <form
      className="inline-form rec-form"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        e.stopPropagation();
        if (!readOnly) void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          e.stopPropagation();
          onCancel();
        } else if (e.key === 's' && e.ctrlKey) {
          e.preventDefault();
          e.stopPropagation();
          if (!readOnly) void submit();
        }
      }}
    >
      <h3 id={headingId}>{record ? t.editTitle(record.number) : t.newTitle}</h3>
      <ProblemSummary
        ref={summaryRef}
        title={meetingsTexts.problems(problems.length)}
        problems={problems}
        fieldId={id}
        fieldLabel={recommendationFieldLabel}
      />
      {error && problems.length === 0 ? <Notice kind="error">{error}</Notice> : null}
      <div className="grid">
        <TextField
          {...common('number')}
          label={f.number}
          required
          hint={record ? undefined : t.numberHint(suggestRecommendationNumber(formYear(form.date), existingNumbers))}
          value={form.number}
          onChange={(v) => update({ number: v })}
          className="field-narrow"
          maxLength={20}
        />
        <DateField
          {...common('date')}
          label={f.date}
          required
          value={form.date}
          onChange={setDate}
          className="field-narrow"
          maxLength={10}
        />
        <SelectField
          {...common('bodyId')}
          label={f.bodyId}
          required
          value={form.bodyId}
          options={bodies.map((b) => ({ value: b.id, label: b.name }))}
          onChange={(v) => update({ bodyId: v, meetingId: '', agendaItemId: '' })}
        />
        <SelectField
          {...common('meetingId')}
          label={f.meetingId}
          value={form.meetingId}
          emptyLabel={t.noMeeting}
          options={bodyMeetings.map((m) => ({ value: m.id, label: meetingsTexts.meetings.label(m.number, formatDate(m.date)) }))}
          onChange={setMeeting}
        />
        <SelectField
          {...common('agendaItemId')}
          label={f.agendaItemId}
          value={form.agendaItemId}
          emptyLabel={t.noTop}
          disabled={readOnly || busy || !meeting}
          options={(meeting?.agenda ?? []).map((a) => ({ value: a.id, label: meetingsTexts.agenda.legend(a.number, a.title) }))}
          onChange={(v) => update({ agendaItemId: v })}
        />
        <SelectField
          {...common('addressee')}
          label={f.addressee}
          required
          value={form.addressee}
          options={ADDRESSEES.map((a) => ({ value: a, label: participationTexts.addressees[a] }))}
          onChange={(v) => update({ addressee: v as FormState['addressee'] })}
        />
        {form.addressee === 'ausschuss' ? (
          <SelectField
            {...common('addresseeBodyId')}
            label={f.addresseeBodyId}
            value={form.addresseeBodyId}
            emptyLabel={t.noCommittee}
            options={committees.map((b) => ({ value: b.id, label: b.name }))}
            onChange={(v) => update({ addresseeBodyId: v })}
          />
        ) : null}
        <SelectField
          {...common('state')}
          label={f.state}
          value={form.state}
          options={RECOMMENDATION_STATES.map((s) => ({ value: s, label: participationTexts.recommendationStates[s] }))}
          onChange={(v) => update({ state: v as FormState['state'] })}
        />
        <TextField
          {...common('title')}
          label={f.title}
          required
          value={form.title}
          onChange={(v) => update({ title: v })}
          className="field-wide"
          maxLength={200}
        />
        <TextArea {...common('text')} label={f.text} value={form.text} onChange={(v) => update({ text: v })} rows={4} />
        <TextArea
          {...common('handling')}
          label={f.handling}
          hint={t.handlingHint}
          value={form.handling}
          onChange={(v) => update({ handling: v })}
          rows={3}
        />
        <SelectField
          {...common('submissionId')}
          label={f.submissionId}
          value={form.submissionId}
          emptyLabel={t.noSubmission}
          options={liveSubmissions.map((s) => ({ value: s.id, label: submissionLabel(s) }))}
          onChange={(v) => update({ submissionId: v })}
        />
        <LinkPicker
          id={`${idPrefix}-measures`}
          fieldId={id('measureIds')}
          label={f.measureIds}
          what={meetingsTexts.agenda.measures}
          owner={record ? record.number : t.newTitle}
          options={measureOptions}
          measures
          selected={form.measureIds}
          onChange={(ids) => update({ measureIds: ids })}
          disabled={readOnly || busy}
          error={problemOf('measureIds')}
        />
      </div>
      <div className="buttons">
        <button type="button" onClick={onCancel}>
          {meetingsTexts.cancel}
        </button>
        <button type="submit" className="primary" disabled={readOnly || busy}>
          {t.save}
        </button>
      </div>
      {record ? (
        <HistorySection
          entityId={record.id}
          version={record.version}
          {...recommendationHistory({ reference, rows, meetings, submissions })}
        />
      ) : null}
    </form>
  );
}
