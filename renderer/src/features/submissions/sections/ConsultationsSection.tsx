import { de } from '@shared/i18n/de';
import { CONSULTATION_RESULTS, CONSULTATION_ROLES } from '@shared/submissions/submission';
import { SelectField, TextField } from '../../../ui/fields';
import { newRowId, type ConsultationText } from '../submissionForm';
import { EditorSection, moveItem, replaceItem, RowButtons, type SectionProps } from './common';
import { DateField } from '../../../ui/DateField';

const submissionsEditorTexts = de.ui.submissions.editor;
const f = submissionsEditorTexts.field;
const submissionTexts = de.submission;

/** Beratungsfolge: ordered rows of body, session date, role and (once decided) the result. */
export function ConsultationsSection({ form, update, common, reference, readOnly }: SectionProps) {
  const rows = form.consultations;
  const set = (i: number, patch: Partial<ConsultationText>) => update({ consultations: replaceItem(rows, i, patch) });
  const bodyOptions = (current: string) => {
    const options = reference.bodies
      .filter((b) => b.active || b.id === current)
      .map((b) => ({ value: b.id, label: b.active ? b.name : submissionsEditorTexts.inactiveBody(b.name) }));
    if (current && !reference.bodies.some((b) => b.id === current))
      options.unshift({ value: current, label: submissionsEditorTexts.unknownBody });
    return options;
  };
  const add = () => {
    const used = new Set(rows.map((r) => r.bodyId));
    const next = reference.bodies.find((b) => b.active && !used.has(b.id));
    update({
      consultations: [
        ...rows,
        { id: newRowId(), bodyId: next?.id ?? '', sessionDate: '', role: 'empfehlung', result: 'offen', resultNote: '' },
      ],
    });
  };
  return (
    <EditorSection name="consultations">
      <div id="f-consultations" className="rows" tabIndex={-1}>
        {rows.map((row, i) => {
          const rowName = submissionsEditorTexts.rowLabel(submissionsEditorTexts.consultationRow, i + 1);
          return (
            <fieldset key={row.id} className="row-group">
              <legend>{rowName}</legend>
              <SelectField
                {...common(`consultations.${i}.bodyId`)}
                label={f.bodyId}
                value={row.bodyId}
                emptyLabel={submissionsEditorTexts.pickBody}
                options={bodyOptions(row.bodyId)}
                onChange={(v) => set(i, { bodyId: v })}
              />
              <DateField
                {...common(`consultations.${i}.sessionDate`)}
                label={f.sessionDate}
                value={row.sessionDate}
                onChange={(v) => set(i, { sessionDate: v })}
                className="field-narrow"
              />
              <SelectField
                {...common(`consultations.${i}.role`)}
                label={f.role}
                value={row.role}
                options={CONSULTATION_ROLES.map((r) => ({ value: r, label: submissionTexts.roles[r] }))}
                onChange={(v) => set(i, { role: v as ConsultationText['role'] })}
              />
              <SelectField
                {...common(`consultations.${i}.result`)}
                label={f.result}
                value={row.result}
                options={CONSULTATION_RESULTS.map((r) => ({ value: r, label: submissionTexts.results[r] }))}
                onChange={(v) => set(i, { result: v as ConsultationText['result'] })}
              />
              <TextField
                {...common(`consultations.${i}.resultNote`)}
                label={f.resultNote}
                value={row.resultNote}
                onChange={(v) => set(i, { resultNote: v })}
              />
              <RowButtons
                row={rowName}
                index={i}
                count={rows.length}
                disabled={readOnly}
                onMove={(d) => update({ consultations: moveItem(rows, i, d) })}
                onRemove={() => update({ consultations: rows.filter((_, j) => j !== i) })}
              />
            </fieldset>
          );
        })}
        <button type="button" disabled={readOnly} onClick={add}>
          {submissionsEditorTexts.addConsultation}
        </button>
      </div>
    </EditorSection>
  );
}
