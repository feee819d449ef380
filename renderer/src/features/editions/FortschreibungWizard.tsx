import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FortschreibungDraft, FortschreibungDraftFields } from '@shared/editions/fortschreibungModel';
import type { FieldProblem } from '@shared/register/rules';
import { formatTime } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { ApiCallError, call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';
import { problemTarget, type WizardStep } from './editionInfo';
import { CheckStep } from './wizard/CheckStep';
import { EditionStep } from './wizard/EditionStep';
import { FieldsStep } from './wizard/FieldsStep';
import { MeasuresStep, type MeasureFilterState } from './wizard/MeasuresStep';
import type { StepProps } from './wizard/stepProps';

const editionsWizardTexts = de.editions.ui.wizard;
const STEPS: WizardStep[] = [0, 1, 2, 3];

/**
 * The Fortschreibung wizard: 1 new Fassung, 2 Handlungsfelder and their mapping, 3 a decision per measure,
 * 4 check and apply. The work lives in a draft in the register: "Zwischenspeichern" saves it, and it can be
 * resumed later from the Fassungen overview. Leaving with unsaved input asks first.
 */
export function FortschreibungWizard({ id }: { id: string }) {
  const { reference, rows, readOnly, save, navigate, setDirty, confirm } = useApp();
  const [draft, setDraft] = useState<FortschreibungDraft | null>(null);
  const [fields, setFields] = useState<FortschreibungDraftFields | null>(null);
  const savedJson = useRef('');
  const [step, setStep] = useState<WizardStep>(0);
  const [problems, setProblems] = useState<FieldProblem[] | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [filter, setFilter] = useState<MeasureFilterState>({ fieldId: '', query: '' });
  const [pendingFocus, setPendingFocus] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    call('getFortschreibungDraft', { id })
      .then((loaded) => {
        if (cancelled) return;
        const { id: _id, version: _v, createdAt: _c, updatedAt: _u, createdBy: _b, ...editable } = loaded;
        savedJson.current = JSON.stringify(editable);
        setDraft(loaded);
        setFields(editable);
      })
      .catch((e) => setMessage({ kind: 'error', text: errorMessage(e) }));
    return () => {
      cancelled = true;
    };
  }, [id]);

  useEffect(() => () => setDirty(false), [setDirty]);

  // Focus the control a problem link points to, once its step has been rendered.
  useEffect(() => {
    if (!pendingFocus) return;
    const element = document.getElementById(pendingFocus);
    if (element) {
      element.focus();
      element.scrollIntoView?.({ block: 'center' });
    }
    setPendingFocus(null);
  }, [pendingFocus, step, filter]);

  const update = useCallback(
    (change: (current: FortschreibungDraftFields) => FortschreibungDraftFields) => {
      setFields((current) => {
        if (!current) return current;
        const next = change(current);
        setDirty(JSON.stringify(next) !== savedJson.current);
        return next;
      });
    },
    [setDirty],
  );

  const sourceFields = useMemo(
    () => (reference && fields ? reference.actionFields.filter((f) => f.editionId === fields.fromEditionId) : []),
    [reference, fields],
  );
  const sourceMeasures = useMemo(() => {
    const ids = new Set(sourceFields.map((f) => f.id));
    const collator = new Intl.Collator('de', { numeric: true, sensitivity: 'base' });
    return rows.filter((r) => !r.deletedAt && ids.has(r.actionFieldId)).sort((a, b) => collator.compare(a.number, b.number));
  }, [rows, sourceFields]);

  if (message?.kind === 'error' && !fields) return <Notice kind="error">{message.text}</Notice>;
  if (!draft || !fields || !reference) return <p>{de.ui.loading}</p>;

  const source = reference.editions.find((e) => e.id === fields.fromEditionId);
  const problemOf = (path: string) => problems?.find((p) => p.field === path)?.message;

  const saveDraft = async (): Promise<FortschreibungDraft | null> => {
    setBusy(true);
    try {
      const saved = await save(() => call('saveFortschreibungDraft', { id: draft.id, version: draft.version, fields }));
      savedJson.current = JSON.stringify(fields);
      setDirty(false);
      setDraft(saved.value);
      setMessage({ kind: 'success', text: editionsWizardTexts.savedAt(formatTime(saved.savedAt)) });
      return saved.value;
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
      return null;
    } finally {
      setBusy(false);
    }
  };

  const check = async () => {
    setBusy(true);
    try {
      setProblems(await call('checkFortschreibung', { fields }));
    } catch (e) {
      if (e instanceof ApiCallError && e.error.fields)
        setProblems(e.error.fields.map((p) => ({ field: p.field.replace(/^fields\./, ''), message: p.message })));
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    const current = JSON.stringify(fields) !== savedJson.current ? await saveDraft() : draft;
    if (!current) return;
    const measureCount = fields.decisions.filter((d) => d.action === 'carry' || (d.action === 'supersede' && !d.targetMeasureId)).length;
    if (
      !(await confirm({
        title: editionsWizardTexts.applyTitle,
        text: editionsWizardTexts.applyConfirm(fields.edition.name, measureCount),
        confirmLabel: editionsWizardTexts.apply,
      }))
    )
      return;
    setBusy(true);
    try {
      const applied = await save(() => call('applyFortschreibung', { id: current.id, version: current.version }));
      setDirty(false);
      await navigate({
        name: 'editions',
        notice: de.editions.ui.applied(fields.edition.name),
        compare: { fromId: fields.fromEditionId, toId: applied.value.editionId },
      });
    } catch (e) {
      if (e instanceof ApiCallError && e.error.fields) setProblems(e.error.fields);
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const goTo = (path: string) => {
    const target = problemTarget(path);
    if (target.measureId) {
      const row = sourceMeasures.find((r) => r.id === target.measureId);
      setFilter({ fieldId: '', query: row?.number ?? '' });
    }
    setStep(target.step);
    setPendingFocus(target.elementId);
  };

  const props: StepProps = { fields, update, problemOf, readOnly, reference, sourceFields, sourceMeasures };
  const title = fields.edition.name.trim() || de.editions.unnamedDraft;

  return (
    <section aria-labelledby="wizard-title" className="fortschreibung">
      <div className="view-head">
        <h1 id="wizard-title">{editionsWizardTexts.title(title)}</h1>
        <div className="buttons">
          <button type="button" disabled={readOnly || busy} onClick={() => void saveDraft()}>
            {editionsWizardTexts.saveDraft}
          </button>
          <button type="button" onClick={() => void navigate({ name: 'editions' })}>
            {editionsWizardTexts.close}
          </button>
        </div>
      </div>
      <p id="fs-source" tabIndex={-1}>
        {source ? editionsWizardTexts.source(source.name) : de.editions.problems.sourceMissing}
      </p>
      <nav aria-label={editionsWizardTexts.stepsLabel} className="wizard-steps">
        <ol>
          {STEPS.map((s) => (
            <li key={s}>
              <button type="button" aria-current={step === s ? 'step' : undefined} onClick={() => setStep(s)}>
                {editionsWizardTexts.stepLabel(s + 1, editionsWizardTexts.steps[s]!)}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      <div className="wizard-body">
        {step === 0 && <EditionStep {...props} />}
        {step === 1 && <FieldsStep {...props} />}
        {step === 2 && <MeasuresStep {...props} filter={filter} setFilter={setFilter} />}
        {step === 3 && (
          <CheckStep {...props} problems={problems} busy={busy} onCheck={() => void check()} onApply={() => void apply()} onGoTo={goTo} />
        )}
      </div>
      <div className="buttons wizard-nav">
        <button type="button" disabled={step === 0} onClick={() => setStep((step - 1) as WizardStep)}>
          {editionsWizardTexts.back}
        </button>
        <button
          type="button"
          className={step < 3 ? 'primary' : undefined}
          disabled={step === 3}
          onClick={() => setStep((step + 1) as WizardStep)}
        >
          {editionsWizardTexts.next}
        </button>
      </div>
    </section>
  );
}
