import { useEffect, useMemo, useRef, useState } from 'react';
import { districtName } from '@shared/register/districts';
import type { Proposal } from '@shared/participation/labs';
import { measureFieldsSchema, type Measure } from '@shared/register/measure';
import { suggestMeasureNumber } from '@shared/register/newRegister';
import { orgUnitLabel } from '@shared/register/orgUnit';
import type { FieldProblem } from '@shared/register/rules';
import { de } from '@shared/i18n/de';
import { ApiCallError, call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { SelectField, TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { ProblemSummary } from '../evaluation/parts';
import { excerpt, measureFromProposal, schemaProblems, serverProblems } from './proposalForm';

const proposalsCreateMeasureTexts = de.proposalsUi.createMeasure;
const f = proposalsCreateMeasureTexts.field;
const EDITABLE = ['actionFieldId', 'number', 'title', 'status', 'leadOrgUnitId'] as const;
const fieldId = (field: string) => `new-measure-${field.replace(/\./g, '-')}`;
const fieldLabel = (field: string) =>
  (f as Record<string, string>)[field] ?? de.ui.measure.field[field as keyof typeof de.ui.measure.field] ?? field;

interface Choice {
  actionFieldId: string;
  number: string;
  title: string;
  status: string;
  leadOrgUnitId: string;
}

/**
 * "Maßnahme aus Anregung anlegen": a form pre-filled from the Anregung (title from its first sentence,
 * description, district, area, lead office, origin "Anregung <Nr.>"). Creating it marks the Anregung
 * "übernommen in Maßnahme" with the link, in one write.
 */
export function CreateMeasureDialog({
  proposal,
  onCancel,
  onCreated,
}: {
  proposal: Proposal;
  onCancel: () => void;
  onCreated: (result: { measure: Measure; proposal: Proposal }) => void;
}) {
  const { reference, rows, save, readOnly } = useApp();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const fields = useMemo(() => reference?.actionFields.filter((x) => x.editionId === reference.currentEditionId) ?? [], [reference]);
  const editionNumbers = useMemo(() => {
    const ids = new Set(fields.map((x) => x.id));
    return rows.filter((r) => ids.has(r.actionFieldId)).map((r) => r.number);
  }, [rows, fields]);
  const statuses = reference?.statuses.filter((s) => s.active) ?? [];
  const suggest = (actionFieldId: string) => {
    const code = fields.find((x) => x.id === actionFieldId)?.code;
    return code ? suggestMeasureNumber(code, editionNumbers) : '';
  };
  const [choice, setChoice] = useState<Choice>(() => {
    const first = fields[0]?.id ?? '';
    const base = measureFromProposal(proposal, first, '', statuses[0]?.key ?? '');
    return {
      actionFieldId: first,
      number: suggest(first),
      title: base.title,
      status: base.status,
      leadOrgUnitId: base.leadOrgUnitId ?? '',
    };
  });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // The panel opens below the long Anregung form: bring it into view, then put the focus on its heading.
  useEffect(() => {
    headingRef.current?.scrollIntoView({ block: 'start' });
    headingRef.current?.focus({ preventScroll: true });
  }, []);

  if (!reference) return null;
  const preview = measureFromProposal(proposal, choice.actionFieldId, choice.number, choice.status);
  const problemOf = (field: string) => problems.find((x) => x.field === field)?.message;
  const common = (field: string) => ({ id: fieldId(field), error: problemOf(field), disabled: readOnly || busy });

  const submit = async () => {
    setError(null);
    const measure = { ...preview, title: choice.title, leadOrgUnitId: choice.leadOrgUnitId || null };
    const found = schemaProblems(measureFieldsSchema.safeParse(measure), []);
    if (found.length > 0) {
      setProblems(found);
      setTimeout(() => summaryRef.current?.focus(), 0);
      return;
    }
    setProblems([]);
    setBusy(true);
    try {
      const saved = await save(() =>
        call('createMeasureFromProposal', { proposalId: proposal.id, proposalVersion: proposal.version, fields: measure }),
      );
      onCreated(saved.value);
    } catch (err) {
      if (err instanceof ApiCallError && err.error.fields?.length) {
        setProblems(serverProblems(err.error.fields));
        setTimeout(() => summaryRef.current?.focus(), 0);
      }
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const takenOver: [string, string][] = [
    [f.description, excerpt(proposal.text, 200)],
    [f.districts, preview.districts.map(districtName).join(', ')],
    [f.quarter, preview.quarter],
    [f.origin, proposalsCreateMeasureTexts.originText(de.ui.originKinds[preview.origin.kind], preview.origin.reference)],
  ];
  // Problems at fields this form does not show (a rule of the register) appear in the summary only.
  const unknownField = problems.some((x) => !(EDITABLE as readonly string[]).includes(x.field));

  return (
    <section className="create-measure" aria-labelledby="create-measure-title">
      <form
        noValidate
        aria-labelledby="create-measure-title"
        onSubmit={(ev) => {
          ev.preventDefault();
          void submit();
        }}
        onKeyDown={(ev) => {
          if (ev.key === 'Escape') {
            ev.preventDefault();
            onCancel();
          }
        }}
      >
        <h2 id="create-measure-title" ref={headingRef} tabIndex={-1}>
          {proposalsCreateMeasureTexts.title(proposal.number)}
        </h2>
        <p>{proposalsCreateMeasureTexts.intro}</p>
        {fields.length === 0 ? <Notice kind="error">{proposalsCreateMeasureTexts.noFields}</Notice> : null}
        {error && (problems.length === 0 || unknownField) ? <Notice kind="error">{error}</Notice> : null}
        <ProblemSummary
          ref={summaryRef}
          title={de.proposalsUi.problems(problems.length)}
          problems={problems}
          fieldId={fieldId}
          fieldLabel={fieldLabel}
        />
        <div className="grid">
          <SelectField
            {...common('actionFieldId')}
            label={f.actionFieldId}
            required
            value={choice.actionFieldId}
            options={fields.map((x) => ({ value: x.id, label: `${x.code} ${x.name}` }))}
            onChange={(v) =>
              setChoice((c) => ({ ...c, actionFieldId: v, number: c.number === suggest(c.actionFieldId) ? suggest(v) : c.number }))
            }
          />
          <TextField
            {...common('number')}
            label={f.number}
            required
            value={choice.number}
            onChange={(v) => setChoice((c) => ({ ...c, number: v }))}
            className="field-number"
            maxLength={20}
          />
          <TextField
            {...common('title')}
            label={f.title}
            required
            hint={proposalsCreateMeasureTexts.titleHint}
            value={choice.title}
            onChange={(v) => setChoice((c) => ({ ...c, title: v }))}
            className="field-wide"
            maxLength={200}
          />
          <SelectField
            {...common('status')}
            label={f.status}
            required
            value={choice.status}
            options={statuses.map((s) => ({ value: s.key, label: s.label }))}
            onChange={(v) => setChoice((c) => ({ ...c, status: v }))}
          />
          <SelectField
            {...common('leadOrgUnitId')}
            label={f.leadOrgUnitId}
            value={choice.leadOrgUnitId}
            emptyLabel={de.proposalsUi.none}
            options={reference.orgUnits.map((u) => ({ value: u.id, label: orgUnitLabel(u) }))}
            onChange={(v) => setChoice((c) => ({ ...c, leadOrgUnitId: v }))}
          />
        </div>
        <h3>{proposalsCreateMeasureTexts.takenOver}</h3>
        <dl className="details taken-over">
          {takenOver
            .filter(([, v]) => v !== '')
            .map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
        </dl>
        <div className="buttons">
          <button type="button" onClick={onCancel}>
            {proposalsCreateMeasureTexts.cancel}
          </button>
          <button type="submit" className="primary" disabled={busy || readOnly || fields.length === 0}>
            {proposalsCreateMeasureTexts.create}
          </button>
        </div>
      </form>
    </section>
  );
}
