import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { de } from '@shared/i18n/de';
import type { FieldProblem } from '@shared/register/rules';
import { formatPrintNumber, type Submission } from '@shared/submissions/submission';
import { checkCompleteness, isReleased } from '@shared/submissions/submissionRules';
import { ApiCallError, call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';
import { TabList } from '../../ui/TabList';
import { CompletenessPanel } from './CompletenessPanel';
import { EditorOutline, SaveProblems } from './EditorParts';
import { ExportButtons, type ExportKind } from './ExportButtons';
import { RevisionsPanel } from './RevisionsPanel';
import { ItemReviewPanel } from '../review/ItemReviewPanel';
import { AttachmentsSection } from './sections/AttachmentsSection';
import type { SectionProps } from './sections/common';
import { ConsultationsSection } from './sections/ConsultationsSection';
import { CosignaturesSection } from './sections/CosignaturesSection';
import { FinancesSection } from './sections/FinancesSection';
import { HeaderSection } from './sections/HeaderSection';
import { MeasuresSection } from './sections/MeasuresSection';
import { ResolutionsSection } from './sections/ResolutionsSection';
import { ClimateSection, ExtraSectionsSection, PersonnelSection, StatementSection } from './sections/TextSections';
import { SubmissionPreview } from './SubmissionPreview';
import { freshSubmission } from './freshSubmission';
import { fieldId, formField, fromForm, schemaProblems, toForm, uniqueByField, type SubmissionForm } from './submissionForm';

const submissionsEditorTexts = de.ui.submissions.editor;
const SUBMISSION_TABS = ['edit', 'versions'] as const;

export function submissionLabel(s: Pick<Submission, 'printNumberBase' | 'printNumberSuffix' | 'subject'>): string {
  return de.ui.submissions.label(formatPrintNumber(s), s.subject);
}

function asFormProblems(problems: readonly FieldProblem[]): FieldProblem[] {
  return uniqueByField(problems.map((p) => ({ field: formField(p.field.split('.')), message: p.message })));
}

/**
 * The submission editor: outline of the sections on the left, the form in the middle, the live check and
 * the document preview on the right (below on narrow windows); a second tab shows the versions. Input
 * stays in the form until it is saved (Strg+S); leaving with unsaved input asks first.
 */
export function SubmissionEditor({ id, initialTab }: { id: string; initialTab: 'edit' | 'versions' }) {
  const { reference, rows, navigate, setDirty, save, confirm, readOnly } = useApp();
  const [submission, setSubmission] = useState<Submission | null>(null);
  const [form, setForm] = useState<SubmissionForm | null>(null);
  const initial = useRef('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [exportProblems, setExportProblems] = useState<FieldProblem[]>([]);
  const [message, setMessage] = useState<{ kind: 'success' | 'error' | 'info'; text: ReactNode } | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [tab, setTab] = useState(initialTab);
  const summaryRef = useRef<HTMLDivElement>(null);
  const checkRef = useRef<HTMLElement>(null);

  const adopt = useCallback(
    (saved: Submission) => {
      const state = toForm(saved);
      initial.current = JSON.stringify(state);
      setSubmission(saved);
      setForm(state);
      setDirty(false);
    },
    [setDirty],
  );

  useEffect(() => {
    call('getSubmission', { id })
      .then(adopt)
      .catch((err) => setLoadError(errorMessage(err)));
  }, [id, adopt]);
  useEffect(() => () => setDirty(false), [setDirty]);
  // A Vorlage just created by "Neue Vorlage" and left without a save (still version 1) is not kept.
  const latest = useRef<Submission | null>(null);
  useEffect(() => {
    latest.current = submission;
  }, [submission]);
  useEffect(() => {
    if (!freshSubmission.is(id)) return;
    freshSubmission.opened();
    return () =>
      freshSubmission.closed(
        () => latest.current?.id === id && latest.current.version === 1 && !latest.current.deletedAt,
        () => save(() => call('discardNewSubmission', { id, version: 1 })),
      );
  }, [id, save]);

  // The check and the preview follow the input without slowing typing down (50-page texts).
  const deferredForm = useDeferredValue(form);
  const parsed = useMemo(() => (deferredForm ? fromForm(deferredForm) : null), [deferredForm]);
  const measureIds = useMemo(() => new Set(rows.filter((r) => !r.deletedAt).map((r) => r.id)), [rows]);
  const liveProblems = useMemo(
    () =>
      parsed && reference
        ? uniqueByField([...parsed.problems, ...checkCompleteness(parsed.fields, { bodies: reference.bodies, measureIds })])
        : [],
    [parsed, reference, measureIds],
  );

  if (loadError) return <Notice kind="error">{loadError}</Notice>;
  if (!submission || !form || !reference) return <p>{de.ui.loading}</p>;
  const deleted = submission.deletedAt !== null;
  const locked = readOnly || deleted;
  const isDirty = () => JSON.stringify(form) !== initial.current;

  const update = (patch: Partial<SubmissionForm>) => {
    // What the export reported is about the saved text; once the user edits, the live check takes over.
    if (exportProblems.length > 0) setExportProblems([]);
    setForm((current) => {
      const next = { ...current!, ...patch };
      setDirty(JSON.stringify(next) !== initial.current);
      return next;
    });
  };
  const problemOf = (field: string) => problems.find((p) => p.field === field)?.message;
  const common = (field: string) => ({ id: fieldId(field), error: problemOf(field), disabled: locked });
  const sectionProps: SectionProps = { form, update, common, reference, readOnly: locked };

  /** Saves the form; returns the saved submission, or null when something has to be fixed first. */
  const submit = async (): Promise<Submission | null> => {
    setMessage(null);
    const { fields, problems: unreadable } = fromForm(form);
    const found = uniqueByField([...unreadable, ...asFormProblems(schemaProblems(fields))]);
    setProblems(found);
    if (found.length > 0) {
      setTimeout(() => summaryRef.current?.focus(), 0);
      return null;
    }
    const snapshot = JSON.stringify(form);
    setBusy(true);
    try {
      const saved = await save(() => call('updateSubmission', { id, version: submission.version, fields }), {
        text: (r) => submissionsEditorTexts.saved(formatPrintNumber(r.value)),
      });
      // The text stays as typed (no reformatting under the cursor); it is now the saved state.
      initial.current = snapshot;
      setSubmission(saved.value);
      setForm((current) => {
        setDirty(JSON.stringify(current) !== snapshot);
        return current;
      });
      return saved.value;
    } catch (err) {
      if (err instanceof ApiCallError && err.error.fields?.length) {
        setProblems(asFormProblems(err.error.fields));
        setTimeout(() => summaryRef.current?.focus(), 0);
      }
      setMessage({ kind: 'error', text: errorMessage(err) });
      return null;
    } finally {
      setBusy(false);
    }
  };

  const runExport = async (kind: ExportKind) => {
    setMessage(null);
    setExportProblems([]);
    if (isDirty() && !locked && !(await submit())) return;
    // OParl is for publication: a non-public or unreleased Vorlage only after an explicit confirmation
    // (judged on the form, which was just saved).
    const current = form ?? submission;
    const unpublished = kind === 'oparl' && current !== null && (!current.isPublic || !isReleased(current.status));
    if (
      unpublished &&
      !(await confirm({
        title: submissionsEditorTexts.oparlUnpublishedTitle,
        text: de.submission.document.oparlUnpublished,
        confirmLabel: submissionsEditorTexts.oparlUnpublishedConfirm,
      }))
    )
      return;
    setBusy(true);
    try {
      const result = await call('exportSubmission', {
        id,
        format: kind === 'oparl' ? 'oparl' : 'docx',
        open: kind === 'open',
        draft: kind === 'draft',
        confirmUnpublished: unpublished,
      });
      if (result) {
        setMessage({
          kind: 'success',
          text: (
            <>
              {submissionsEditorTexts.exportSavedAt} <span className="path">{result.path}</span>
            </>
          ),
        });
      }
    } catch (err) {
      if (err instanceof ApiCallError && err.error.code === 'VALIDATION' && err.error.fields?.length) {
        setExportProblems(asFormProblems(err.error.fields));
        setMessage({ kind: 'error', text: `${err.message} ${submissionsEditorTexts.exportIncomplete}` });
        setTimeout(() => checkRef.current?.focus(), 0);
      } else setMessage({ kind: 'error', text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    const label = submissionLabel(submission);
    if (
      !(await confirm({
        title: submissionsEditorTexts.deleteTitle,
        text: submissionsEditorTexts.deleteConfirm(label),
        confirmLabel: submissionsEditorTexts.deleteTitle,
      }))
    )
      return;
    try {
      await save(() => call('deleteSubmission', { id, version: submission.version }));
      setDirty(false);
      await navigate({ name: 'submissions', notice: submissionsEditorTexts.deleted(label) });
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
    }
  };

  const addAttachment = async (title: string): Promise<boolean> => {
    setMessage(null);
    try {
      const result = await call('addSubmissionAttachment', { id, version: submission.version, title });
      if (!result) return false;
      const added = result.value.attachments.filter((a) => !form.attachments.some((x) => x.id === a.id));
      await save(async () => result, { text: () => added.map((a) => submissionsEditorTexts.attachmentAdded(a.title)).join(' ') });
      const base = JSON.parse(initial.current) as SubmissionForm;
      initial.current = JSON.stringify({ ...base, attachments: result.value.attachments });
      setSubmission(result.value);
      update({ attachments: [...form.attachments, ...added] });
      return true;
    } catch (err) {
      setMessage({ kind: 'error', text: errorMessage(err) });
      return false;
    }
  };

  const back = () => void navigate({ name: 'submissions' });
  return (
    <div
      className="submission-editor"
      onKeyDown={(ev) => {
        if (ev.key === 's' && ev.ctrlKey) {
          ev.preventDefault();
          if (!locked) void submit();
        } else if (ev.key === 'Escape' && !ev.defaultPrevented) {
          // Esc in a filled search box clears it (the browser's own action), it does not leave the editor.
          if (ev.target instanceof HTMLInputElement && ev.target.type === 'search' && ev.target.value) return;
          ev.preventDefault();
          back();
        }
      }}
    >
      <div className="view-head">
        <div>
          <h1 id="submission-title">{submissionsEditorTexts.title(submissionLabel(submission))}</h1>
          <p className="muted status-line">
            {submissionsEditorTexts.statusLine(de.submission.statuses[submission.status], submission.version)}
          </p>
        </div>
        <div className="buttons">
          <button type="button" onClick={back}>
            {submissionsEditorTexts.back}
          </button>
          <button type="button" className="primary" disabled={busy || locked} onClick={() => void submit()}>
            {submissionsEditorTexts.save}
          </button>
          <button type="button" className="danger" disabled={busy || locked} onClick={() => void remove()}>
            {submissionsEditorTexts.delete}
          </button>
        </div>
      </div>
      <ExportButtons disabled={busy || deleted} onExport={(kind) => void runExport(kind)} />
      {readOnly ? <Notice kind="warning">{de.ui.measure.readOnlyHint}</Notice> : null}
      {deleted ? <Notice kind="warning">{submissionsEditorTexts.inTrash}</Notice> : null}
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      <ItemReviewPanel kind="submission" id={submission.id} />

      <TabList
        label={submissionsEditorTexts.tabsLabel}
        idPrefix="sub"
        tabs={SUBMISSION_TABS}
        selected={tab}
        onSelect={setTab}
        render={(t) => (t === 'edit' ? submissionsEditorTexts.tabEdit : submissionsEditorTexts.tabVersions)}
      />

      {tab === 'versions' ? (
        <div role="tabpanel" id="sub-panel-versions" aria-labelledby="sub-tab-versions">
          <RevisionsPanel
            submission={submission}
            isDirty={isDirty}
            onRestored={(saved) => {
              adopt(saved);
              setProblems([]); // the confirmation is the app's one (RevisionsPanel passes it to save())
            }}
          />
        </div>
      ) : (
        <div role="tabpanel" id="sub-panel-edit" aria-labelledby="sub-tab-edit" className="sub-layout">
          <EditorOutline
            openPoints={liveProblems.length}
            onCheck={() => {
              checkRef.current?.scrollIntoView({ block: 'start' });
              checkRef.current?.focus();
            }}
          />
          <form
            id="submission-form"
            className="sub-form"
            aria-label={submissionsEditorTexts.formLabel}
            noValidate
            onSubmit={(ev) => {
              ev.preventDefault();
              if (!locked) void submit();
            }}
          >
            <SaveProblems problems={problems} ref={summaryRef} />
            <HeaderSection {...sectionProps} savedStatus={submission.status} />
            <ConsultationsSection {...sectionProps} />
            <ResolutionsSection {...sectionProps} />
            <StatementSection {...sectionProps} />
            <FinancesSection {...sectionProps} />
            <PersonnelSection {...sectionProps} />
            <ClimateSection {...sectionProps} />
            <ExtraSectionsSection {...sectionProps} />
            <CosignaturesSection {...sectionProps} />
            <AttachmentsSection {...sectionProps} onAdd={addAttachment} busy={busy} />
            <MeasuresSection {...sectionProps} rows={rows} />
            <div className="buttons form-end">
              <button type="button" onClick={back}>
                {submissionsEditorTexts.back}
              </button>
              <button type="submit" className="primary" disabled={busy || locked}>
                {submissionsEditorTexts.save}
              </button>
            </div>
          </form>
          <div className="sub-aside">
            <CompletenessPanel ref={checkRef} problems={liveProblems} exportProblems={exportProblems} />
            {parsed ? <SubmissionPreview fields={parsed.fields} reference={reference} rows={rows} /> : null}
          </div>
        </div>
      )}
    </div>
  );
}
