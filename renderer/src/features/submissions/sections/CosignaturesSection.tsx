import { de } from '@shared/i18n/de';
import { orgUnitLabel } from '@shared/register/orgUnit';
import { COSIGN_VOTES } from '@shared/submissions/submission';
import { SelectField, TextField } from '../../../ui/fields';
import { newRowId, type CosignatureText } from '../submissionForm';
import { EditorSection, moveItem, replaceItem, RowButtons, type SectionProps } from './common';
import { DateField } from '../../../ui/DateField';

const submissionsEditorTexts = de.ui.submissions.editor;
const f = submissionsEditorTexts.field;

/** Mitzeichnung: co-signing offices with person, date and vote. */
export function CosignaturesSection({ form, update, common, reference, readOnly }: SectionProps) {
  const list = form.cosignatures;
  const set = (i: number, patch: Partial<CosignatureText>) => update({ cosignatures: replaceItem(list, i, patch) });
  const units = reference.orgUnits.map((u) => ({ value: u.id, label: orgUnitLabel(u) }));
  return (
    <EditorSection name="cosignatures">
      <div id="f-cosignatures" className="rows" tabIndex={-1}>
        {list.map((c, i) => {
          const rowName = submissionsEditorTexts.rowLabel(submissionsEditorTexts.cosignRow, i + 1);
          return (
            <fieldset key={c.id} className="row-group">
              <legend>{rowName}</legend>
              <SelectField
                {...common(`cosignatures.${i}.orgUnitId`)}
                label={f.orgUnitId}
                value={c.orgUnitId ?? ''}
                emptyLabel={submissionsEditorTexts.none}
                options={units}
                onChange={(v) => set(i, { orgUnitId: v || null })}
              />
              <TextField
                {...common(`cosignatures.${i}.person`)}
                label={f.person}
                value={c.person}
                onChange={(v) => set(i, { person: v })}
              />
              <DateField
                {...common(`cosignatures.${i}.date`)}
                label={f.cosignDate}
                value={c.date}
                onChange={(v) => set(i, { date: v })}
                className="field-narrow"
              />
              <SelectField
                {...common(`cosignatures.${i}.vote`)}
                label={f.vote}
                value={c.vote}
                options={COSIGN_VOTES.map((v) => ({ value: v, label: de.submission.votes[v] }))}
                onChange={(v) => set(i, { vote: v as CosignatureText['vote'] })}
              />
              <TextField {...common(`cosignatures.${i}.note`)} label={f.note} value={c.note} onChange={(v) => set(i, { note: v })} />
              <RowButtons
                row={rowName}
                index={i}
                count={list.length}
                disabled={readOnly}
                onMove={(d) => update({ cosignatures: moveItem(list, i, d) })}
                onRemove={() => update({ cosignatures: list.filter((_, j) => j !== i) })}
              />
            </fieldset>
          );
        })}
        <button
          type="button"
          disabled={readOnly || list.length >= 50}
          onClick={() =>
            update({ cosignatures: [...list, { id: newRowId(), orgUnitId: null, person: '', date: '', vote: 'offen', note: '' }] })
          }
        >
          {submissionsEditorTexts.addCosign}
        </button>
      </div>
    </EditorSection>
  );
}
