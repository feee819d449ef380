import { de } from '@shared/i18n/de';
import { orgUnitLabel } from '@shared/register/orgUnit';
import { canChangeStatus, SUBMISSION_KINDS, SUBMISSION_STATUSES, type SubmissionStatus } from '@shared/submissions/submission';
import { CheckboxGroup, SelectField, TextField } from '../../../ui/fields';
import type { SubmissionForm } from '../submissionForm';
import { EditorSection, RadioGroup, type SectionProps } from './common';
import { DateField } from '../../../ui/DateField';

const submissionsEditorTexts = de.ui.submissions.editor;
const f = submissionsEditorTexts.field;
const submissionTexts = de.submission;

/** Kopfdaten: number, date, kind, public or not, subject, offices, author, file reference, status. */
export function HeaderSection({ form, update, common, reference, savedStatus }: SectionProps & { savedStatus: SubmissionStatus }) {
  const units = reference.orgUnits.map((u) => ({ value: u.id, label: orgUnitLabel(u) }));
  // Only the statuses that may follow the saved one (the service refuses the others).
  const statuses = SUBMISSION_STATUSES.filter((st) => canChangeStatus(savedStatus, st)).map((st) => ({
    value: st,
    label: submissionTexts.statuses[st],
  }));
  return (
    <EditorSection name="header">
      <div className="grid">
        <TextField
          {...common('printNumberBase')}
          label={f.printNumberBase}
          hint={f.printNumberHint}
          value={form.printNumber}
          onChange={(v) => update({ printNumber: v })}
          className="field-number"
        />
        <DateField
          {...common('date')}
          label={f.date}
          required
          value={form.date}
          onChange={(v) => update({ date: v })}
          className="field-narrow"
        />
        <SelectField
          {...common('kind')}
          label={f.kind}
          value={form.kind}
          options={SUBMISSION_KINDS.map((k) => ({ value: k, label: submissionTexts.kinds[k] }))}
          onChange={(v) => update({ kind: v as SubmissionForm['kind'] })}
        />
        <SelectField
          {...common('status')}
          label={f.status}
          value={form.status}
          options={statuses}
          onChange={(v) => update({ status: v as SubmissionStatus })}
        />
        <RadioGroup
          {...common('isPublic')}
          label={f.isPublic}
          value={form.isPublic ? 'public' : 'nonpublic'}
          options={[
            { value: 'public', label: submissionTexts.publicLabel },
            { value: 'nonpublic', label: submissionTexts.nonPublicLabel },
          ]}
          onChange={(v) => update({ isPublic: v === 'public' })}
        />
        <TextField
          {...common('subject')}
          label={f.subject}
          required
          value={form.subject}
          onChange={(v) => update({ subject: v })}
          className="field-wide"
          maxLength={500}
        />
        <SelectField
          {...common('departmentOrgUnitId')}
          label={f.departmentOrgUnitId}
          value={form.departmentOrgUnitId ?? ''}
          emptyLabel={submissionsEditorTexts.none}
          options={units}
          onChange={(v) => update({ departmentOrgUnitId: v || null })}
        />
        <SelectField
          {...common('leadOrgUnitId')}
          label={f.leadOrgUnitId}
          required
          value={form.leadOrgUnitId ?? ''}
          emptyLabel={submissionsEditorTexts.none}
          options={units}
          onChange={(v) => update({ leadOrgUnitId: v || null })}
        />
        <CheckboxGroup
          {...common('involvedOrgUnitIds')}
          label={f.involvedOrgUnitIds}
          values={form.involvedOrgUnitIds}
          options={units.filter((u) => u.value !== form.leadOrgUnitId)}
          onChange={(v) => update({ involvedOrgUnitIds: v })}
        />
        <TextField {...common('author')} label={f.author} value={form.author} onChange={(v) => update({ author: v })} />
        <TextField
          {...common('fileReference')}
          label={f.fileReference}
          value={form.fileReference}
          onChange={(v) => update({ fileReference: v })}
        />
      </div>
    </EditorSection>
  );
}
