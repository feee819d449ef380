import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SubmissionRow } from '@shared/contract';
import { localDay } from '@shared/core/calendar';
import { MEETING_STATES, type BodyMember, type Meeting, type RecommendationRecord } from '@shared/participation/participation';
import { newMeetingFields } from '@shared/participation/participationRules';
import { suggestMeetingDate } from '@shared/participation/meetingDate';
import type { FieldProblem } from '@shared/register/rules';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { ApiCallError, call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { EditorButtons } from '../../ui/EditorForm';
import { HistorySection } from '../../ui/HistoryTable';
import { SelectField, TextArea, TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { ProblemSummary } from '../evaluation/parts';
import { AgendaEditor, type AgendaLinkOptions } from './AgendaEditor';
import { AttendanceSection } from './AttendanceSection';
import { meetingFlash } from './flash';
import { meetingHistory } from './history';
import {
  fromMeetingForm,
  meetingFieldId,
  meetingFieldLabel,
  memberOrganisations,
  newRecommendationForm,
  suggestMeetingNumber,
  toMeetingForm,
  type MeetingForm,
  type RecommendationForm as RecFormState,
} from './meetingForm';
import { MinutesSection } from './MinutesSection';
import { SignersSection } from './SignersSection';
import { submissionLabel } from './RecommendationForm';
import './meetings.css';
import { useFocusLater } from './useFocusLater';
import { DateField } from '../../ui/DateField';
import { readDateEntry } from '../../ui/dateEntry';

const meetingsTexts = de.meetingsUi;
const t = meetingsTexts.editor;
const f = t.field;
type Message = { kind: 'success' | 'error' | 'info'; text: ReactNode };
type SectionKey = keyof typeof t.sections;

/**
 * Create (id null) or edit a session: Kopf, Tagesordnung, Anwesenheit, Niederschrift per TOP with the
 * Empfehlungen made there, and the Word documents (Einladung, Niederschrift). Input stays until saved
 * (Strg+S); leaving with unsaved input asks first; a version conflict keeps the input and offers the
 * saved state.
 */
/** A new session's date: the body's usual weekday (of its sessions so far) a few weeks ahead. */
function defaultDate(all: readonly Meeting[], bodyId: string): string {
  const today = localDay();
  const past = all.filter((m) => m.bodyId === bodyId && !m.deletedAt && m.date <= today).map((m) => m.date);
  return suggestMeetingDate(past, today);
}

export function MeetingEditor({ id }: { id: string | null }) {
  const { reference, rows, navigate, setDirty, save, confirm, readOnly } = useApp();
  const [meeting, setMeeting] = useState<Meeting | null>(null);
  const [form, setForm] = useState<MeetingForm | null>(null);
  const initial = useRef('');
  const [formDirty, setFormDirty] = useState(false);
  const [recDirty, setRecDirty] = useState(false);
  const [meetings, setMeetings] = useState<Meeting[]>([]);
  const [recommendations, setRecommendations] = useState<RecommendationRecord[]>([]);
  const [submissions, setSubmissions] = useState<SubmissionRow[]>([]);
  const [members, setMembers] = useState<BodyMember[]>([]);
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [message, setMessage] = useState<Message | null>(null);
  const [conflict, setConflict] = useState(false);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [recForm, setRecForm] = useState<{ agendaItemId: string; initial: RecFormState } | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();

  const adopt = useCallback((next: MeetingForm) => {
    initial.current = JSON.stringify(next);
    setForm(next);
    setFormDirty(false);
  }, []);

  useEffect(() => {
    if (!reference) return;
    let cancelled = false;
    const load = async () => {
      const [loaded, all, recs, subs] = await Promise.all([
        id ? call('getMeeting', { id }) : Promise.resolve(null),
        call('listMeetings', {}),
        call('listRecommendations', {}),
        call('listSubmissions', {}),
      ]);
      if (cancelled) return;
      setMeetings(all);
      setRecommendations(recs);
      setSubmissions(subs);
      if (loaded) {
        setMeeting(loaded);
        adopt(toMeetingForm(loaded));
      } else {
        const bodies = reference.bodies;
        const bodyId = (bodies.find((b) => b.kind === 'beteiligung' && b.active) ?? bodies.find((b) => b.active) ?? bodies[0])?.id ?? '';
        // The body's first session is constituent: no Niederschrift of a previous one to approve.
        const fields = newMeetingFields(bodyId, defaultDate(all, bodyId), () => crypto.randomUUID(), {
          firstSession: !all.some((m) => m.bodyId === bodyId),
        });
        adopt(toMeetingForm({ ...fields, number: suggestMeetingNumber(all, bodyId) }));
      }
    };
    load().catch((e) => !cancelled && setLoadError(errorMessage(e)));
    return () => {
      cancelled = true;
    };
    // Load once per session; later list reloads must not reset what the clerk typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, reference === null, adopt]);

  useEffect(() => setDirty(formDirty || recDirty), [formDirty, recDirty, setDirty]);
  useEffect(() => () => setDirty(false), [setDirty]);

  const bodyId = form?.bodyId ?? '';
  useEffect(() => {
    if (!bodyId) return;
    let cancelled = false;
    call('listBodyMembers', { bodyId })
      .then((list) => !cancelled && setMembers(list))
      .catch(() => !cancelled && setMembers([]));
    return () => {
      cancelled = true;
    };
  }, [bodyId]);

  const linkOptions = useMemo<AgendaLinkOptions>(
    () => ({
      measures: rows.filter((r) => !r.deletedAt).map((r) => ({ id: r.id, label: `${r.number} ${r.title}` })),
      submissions: submissions.filter((s) => !s.deletedAt).map((s) => ({ id: s.id, label: submissionLabel(s) })),
      recommendations: recommendations.filter((r) => !r.deletedAt).map((r) => ({ id: r.id, label: `${r.number} ${r.title}` })),
    }),
    [rows, submissions, recommendations],
  );
  const liveRecs = useMemo(
    () => recommendations.filter((r) => !r.deletedAt && meeting && r.meetingId === meeting.id),
    [recommendations, meeting],
  );
  const recsPerItem = useMemo(() => {
    const map = new Map<string, number>();
    for (const r of liveRecs) if (r.agendaItemId) map.set(r.agendaItemId, (map.get(r.agendaItemId) ?? 0) + 1);
    return map;
  }, [liveRecs]);

  if (loadError) return <Notice kind="error">{loadError}</Notice>;
  if (!form || !reference) return <p>{de.ui.loading}</p>;

  const deleted = meeting?.deletedAt !== null && meeting?.deletedAt !== undefined;
  // A finalised Niederschrift is a record: the session is shown, not edited.
  const record = meeting?.minutesRecord ?? null;
  const locked = readOnly || deleted || record !== null;
  const bodies = reference.bodies;
  const body = bodies.find((b) => b.id === form.bodyId);

  const update = (patch: Partial<MeetingForm>) => {
    setForm((current) => {
      const next = { ...current!, ...patch };
      setFormDirty(JSON.stringify(next) !== initial.current);
      return next;
    });
  };
  const problemOf = (field: string) => problems.find((p) => p.field === field)?.message;
  const common = (field: string) => ({ id: meetingFieldId(field), error: problemOf(field), disabled: locked });
  const back = () => void navigate({ name: 'participation', tab: 'meetings' });

  const setBody = (next: string) => {
    // A new session's suggested number follows the body until the clerk types their own.
    const follow = !meeting && form.number === suggestMeetingNumber(meetings, form.bodyId);
    // So does its date (the body's usual weekday a few weeks ahead) until the clerk enters another.
    const followDate = !meeting && form.date === formatDate(defaultDate(meetings, form.bodyId));
    update({
      bodyId: next,
      ...(follow ? { number: suggestMeetingNumber(meetings, next) } : {}),
      ...(followDate ? { date: formatDate(defaultDate(meetings, next)) } : {}),
    });
  };

  /** Saves; returns the saved session, or null when refused (problems and message shown). */
  const submit = async (): Promise<Meeting | null> => {
    setMessage(null);
    setConflict(false);
    const { fields, problems: found } = fromMeetingForm(form);
    setProblems(found);
    if (found.length > 0) {
      focusLater(() => summaryRef.current);
      return null;
    }
    setBusy(true);
    try {
      const saved = await save(() => call('saveMeeting', { id: meeting?.id ?? null, version: meeting?.version ?? null, fields }), {
        text: (r) => t.saved(r.value.number, formatDate(r.value.date)),
      });
      setMeeting(saved.value);
      setMeetings((list) => [...list.filter((m) => m.id !== saved.value.id), saved.value]);
      adopt(toMeetingForm(saved.value));
      return saved.value;
    } catch (err) {
      if (err instanceof ApiCallError && err.error.fields?.length) {
        setProblems(err.error.fields);
        focusLater(() => summaryRef.current);
      }
      if (err instanceof ApiCallError && err.error.code === 'CONFLICT') setConflict(true);
      setMessage({ kind: 'error', text: errorMessage(err) });
      return null;
    } finally {
      setBusy(false);
    }
  };

  const reloadSaved = async () => {
    if (!meeting) return;
    if (
      !(await confirm({
        title: meetingsTexts.reloadConfirmTitle,
        text: meetingsTexts.reloadConfirmText,
        confirmLabel: meetingsTexts.reloadSaved,
      }))
    )
      return;
    try {
      const fresh = await call('getMeeting', { id: meeting.id });
      setMeeting(fresh);
      adopt(toMeetingForm(fresh));
      setProblems([]);
      setConflict(false);
      setMessage(null);
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
    }
  };

  const remove = async () => {
    if (!meeting) return;
    const label = meetingsTexts.meetings.label(meeting.number, formatDate(meeting.date));
    if (!(await confirm({ title: t.delete, text: t.deleteConfirm(label), confirmLabel: t.delete }))) return;
    try {
      await save(() => call('deleteMeeting', { id: meeting.id, version: meeting.version }));
      setFormDirty(false);
      setRecDirty(false);
      setDirty(false);
      meetingFlash.set(meetingsTexts.meetings.deleted(label));
      await navigate({ name: 'participation', tab: 'meetings' });
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
    }
  };

  const runExport = async (kind: 'einladung' | 'niederschrift', open: boolean) => {
    setMessage(null);
    let target = meeting;
    if (!target || formDirty) {
      if (locked) return;
      target = await submit();
      if (!target) return;
    }
    setBusy(true);
    try {
      const result = await call('exportMeeting', { id: target.id, kind, open });
      setMessage(
        result
          ? {
              kind: 'success',
              text: (
                <>
                  {t.exports.savedAt} <span className="path">{result.path}</span>
                </>
              ),
            }
          : { kind: 'info', text: t.exports.cancelled },
      );
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  /** "Niederschrift abschließen": saves pending input first, asks, then takes the record (service: finaliseMinutes). */
  const finalise = async () => {
    if (!meeting || locked) return;
    setMessage(null);
    let target: Meeting | null = meeting;
    if (formDirty) target = await submit();
    if (!target) return;
    const label = meetingsTexts.meetings.label(target.number, formatDate(target.date));
    if (!(await confirm({ title: t.finalise.title, text: t.finalise.text(label), confirmLabel: t.finalise.confirm }))) return;
    setBusy(true);
    try {
      const saved = await save(() => call('finaliseMinutes', { id: target.id, version: target.version }));
      setMeeting(saved.value);
      setMeetings((list) => [...list.filter((m) => m.id !== saved.value.id), saved.value]);
      adopt(toMeetingForm(saved.value));
      setMessage({ kind: 'success', text: t.finalise.done });
    } catch (err) {
      if (err instanceof ApiCallError && err.error.code === 'CONFLICT') setConflict(true);
      setMessage({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const openRecommendation = async (agendaItemId: string) => {
    let target = meeting;
    // The recommendation refers to the saved session and TOP: save first when new or changed.
    if (!target || formDirty) {
      target = await submit();
      if (!target) return;
      setMessage({ kind: 'info', text: meetingsTexts.minutes.saveBeforeRecommendation });
    }
    setRecForm({
      agendaItemId,
      initial: newRecommendationForm(
        { bodyId: target.bodyId, meetingId: target.id, agendaItemId, date: target.date },
        recommendations.map((r) => r.number),
      ),
    });
  };
  const closeRecommendation = (focusAgendaItemId: string) => {
    setRecForm(null);
    setRecDirty(false);
    focusLater(`mt-rec-create-${focusAgendaItemId}`);
  };
  const recommendationSaved = async (saved: RecommendationRecord) => {
    const agendaItemId = recForm?.agendaItemId ?? '';
    // The confirmation is the app's one (RecommendationForm passes it to save()).
    setRecommendations(await call('listRecommendations', {}).catch(() => [...recommendations.filter((r) => r.id !== saved.id), saved]));
    closeRecommendation(agendaItemId);
  };
  const cancelRecommendation = async () => {
    const agendaItemId = recForm?.agendaItemId ?? '';
    if (
      recDirty &&
      !(await confirm({
        title: de.ui.measure.unsavedTitle,
        text: de.ui.measure.unsavedText,
        confirmLabel: de.ui.measure.discard,
        cancelLabel: de.ui.measure.keepEditing,
      }))
    )
      return;
    closeRecommendation(agendaItemId);
  };

  const title = meeting || id ? t.title(meeting?.number ?? form.number, body?.name ?? '') : t.newTitle;
  const sections: SectionKey[] = ['head', 'agenda', 'attendance', 'minutes', 'signers', 'exports'];
  const sectionId = (key: SectionKey) => `mt-sec-${key}`;

  return (
    <section
      className="meeting-editor"
      aria-labelledby="meeting-title"
      onKeyDown={(e) => {
        if (e.key === 's' && e.ctrlKey) {
          e.preventDefault();
          if (!locked && !busy) void submit();
        }
      }}
    >
      <div className="view-head">
        <div>
          <h1 id="meeting-title">{title}</h1>
          {meeting ? (
            <p className="muted status-line">{t.statusLine(de.participation.meetingStates[meeting.state], formatDate(meeting.date))}</p>
          ) : null}
        </div>
        <EditorButtons
          labels={t}
          disabled={busy || locked}
          onBack={back}
          onSave={() => void submit()}
          onDelete={meeting ? () => void remove() : null}
        />
      </div>
      {readOnly ? <Notice kind="warning">{de.ui.measure.readOnlyHint}</Notice> : null}
      {deleted ? <Notice kind="warning">{t.inTrash}</Notice> : null}
      {record ? (
        <Notice kind="info">{t.finalise.notice(formatDate(localDay(new Date(record.finalisedAt))), record.finalisedBy)}</Notice>
      ) : null}
      {message && !(message.kind === 'error' && problems.length > 0) ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {conflict ? (
        <div className="buttons">
          <button type="button" onClick={() => void reloadSaved()}>
            {meetingsTexts.reloadSaved}
          </button>
        </div>
      ) : null}
      <ProblemSummary
        ref={summaryRef}
        title={meetingsTexts.problems(problems.length)}
        problems={problems}
        fieldId={meetingFieldId}
        fieldLabel={(field) => meetingFieldLabel(field, form)}
      />

      <nav className="meeting-outline" aria-label={t.outline}>
        <ol>
          {sections.map((key) => (
            <li key={key}>
              <a
                href={`#${sectionId(key)}`}
                onClick={(e) => {
                  e.preventDefault();
                  const heading = document.getElementById(`${sectionId(key)}-title`);
                  heading?.focus();
                  heading?.scrollIntoView({ block: 'start' });
                }}
              >
                {t.sections[key]}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <EditorSection id={sectionId('head')} title={t.sections.head}>
        <div className="grid">
          <SelectField
            {...common('bodyId')}
            label={f.bodyId}
            required
            value={form.bodyId}
            options={bodies.filter((b) => b.active || b.id === form.bodyId).map((b) => ({ value: b.id, label: b.name }))}
            onChange={setBody}
          />
          <TextField
            {...common('number')}
            label={f.number}
            required
            hint={t.numberHint}
            value={form.number}
            onChange={(v) => update({ number: v })}
            maxLength={40}
          />
          <DateField
            {...common('date')}
            label={f.date}
            required
            value={form.date}
            onChange={(v) => update({ date: v })}
            className="field-narrow"
            maxLength={10}
          />
          <TextField
            {...common('startTime')}
            label={f.startTime}
            hint={meetingsTexts.timeHint}
            value={form.startTime}
            onChange={(v) => update({ startTime: v })}
            className="field-time"
            maxLength={5}
          />
          <TextField
            {...common('endTime')}
            label={f.endTime}
            hint={meetingsTexts.timeHint}
            value={form.endTime}
            onChange={(v) => update({ endTime: v })}
            className="field-time"
            maxLength={5}
          />
          <SelectField
            {...common('state')}
            label={f.state}
            value={form.state}
            // "abgeschlossen" comes only with "Niederschrift abschließen" (it takes the record).
            options={MEETING_STATES.filter((s) => s !== 'abgeschlossen' || form.state === 'abgeschlossen').map((s) => ({
              value: s,
              label: de.participation.meetingStates[s],
            }))}
            onChange={(v) => update({ state: v as MeetingForm['state'] })}
          />
          <TextField
            {...common('place')}
            label={f.place}
            value={form.place}
            onChange={(v) => update({ place: v })}
            className="field-wide"
            maxLength={300}
          />
          <TextArea
            {...common('invitationText')}
            label={f.invitationText}
            hint={t.invitationHint}
            value={form.invitationText}
            onChange={(v) => update({ invitationText: v })}
            rows={4}
          />
        </div>
      </EditorSection>

      <EditorSection id={sectionId('agenda')} title={t.sections.agenda}>
        <AgendaEditor
          agenda={form.agenda}
          onChange={(agenda, options) => {
            // Moving or removing shifts the positions the problems point at.
            if (options?.structural) setProblems((ps) => ps.filter((p) => !p.field.startsWith('agenda.')));
            update({ agenda });
          }}
          problemOf={problemOf}
          disabled={locked}
          options={linkOptions}
          recommendationsPerItem={recsPerItem}
        />
      </EditorSection>

      <EditorSection id={sectionId('attendance')} title={t.sections.attendance}>
        <AttendanceSection
          form={form}
          update={update}
          problemOf={problemOf}
          disabled={locked}
          memberOrganisations={memberOrganisations(members, readDateEntry(form.date) ?? localDay())}
        />
      </EditorSection>

      <EditorSection id={sectionId('minutes')} title={t.sections.minutes}>
        <MinutesSection
          form={form}
          setItem={(i, patch) => update({ agenda: form.agenda.map((item, j) => (j === i ? { ...item, ...patch } : item)) })}
          problemOf={problemOf}
          disabled={locked}
          busy={busy}
          recommendations={liveRecs}
          recForm={recForm}
          meetings={meetings}
          submissions={submissions}
          recommendationNumbers={recommendations.map((r) => r.number)}
          onCreateRecommendation={(itemId) => void openRecommendation(itemId)}
          onRecommendationSaved={(r) => void recommendationSaved(r)}
          onRecommendationCancel={() => void cancelRecommendation()}
          onRecommendationDirty={setRecDirty}
        />
      </EditorSection>

      <EditorSection id={sectionId('signers')} title={t.sections.signers}>
        <SignersSection form={form} update={update} problemOf={problemOf} disabled={locked} />
      </EditorSection>

      <EditorSection id={sectionId('exports')} title={t.sections.exports}>
        <p className="hint">{meeting ? t.exports.hint : t.exports.saveFirst}</p>
        <div className="export-buttons" role="group" aria-labelledby="mt-export-label">
          <span id="mt-export-label" className="group-label">
            {t.exports.group}:
          </span>
          <button type="button" disabled={busy || (!meeting && locked)} onClick={() => void runExport('einladung', false)}>
            {t.exports.invitation}
          </button>
          <button type="button" disabled={busy || (!meeting && locked)} onClick={() => void runExport('einladung', true)}>
            {t.exports.invitationOpen}
          </button>
          <button type="button" disabled={busy || (!meeting && locked)} onClick={() => void runExport('niederschrift', false)}>
            {t.exports.minutes}
          </button>
          <button type="button" disabled={busy || (!meeting && locked)} onClick={() => void runExport('niederschrift', true)}>
            {t.exports.minutesOpen}
          </button>
        </div>
        {meeting && !record ? (
          <div className="finalise">
            <p className="hint" id="mt-finalise-hint">
              {t.finalise.hint}
            </p>
            <button type="button" aria-describedby="mt-finalise-hint" disabled={busy || locked} onClick={() => void finalise()}>
              {t.finalise.button}
            </button>
          </div>
        ) : null}
      </EditorSection>

      <EditorButtons className="buttons form-end" labels={t} disabled={busy || locked} onBack={back} onSave={() => void submit()} />
      {meeting ? <HistorySection entityId={meeting.id} version={meeting.version} {...meetingHistory({ reference })} /> : null}
    </section>
  );
}

function EditorSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} className="meeting-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}
