import { de } from '@shared/i18n/de';
import { CLIMATE_IMPACTS } from '@shared/submissions/submission';
import { TextArea, TextField } from '../../../ui/fields';
import { RichTextEditor } from '../richText/RichTextEditor';
import { newRowId, type SubmissionForm } from '../submissionForm';
import { EditorSection, moveItem, RadioGroup, replaceItem, RowButtons, type SectionProps } from './common';

const submissionsEditorTexts = de.ui.submissions.editor;
const f = submissionsEditorTexts.field;
const submissionTexts = de.submission;

/** Sachverhalt / Begründung: structured text (headings, lists, tables) in the structured editor. */
export function StatementSection({ form, update, common }: SectionProps) {
  return (
    <EditorSection name="statement">
      <RichTextEditor {...common('statement')} label={f.statement} value={form.statement} onChange={(v) => update({ statement: v })} />
    </EditorSection>
  );
}

export function PersonnelSection({ form, update, common }: SectionProps) {
  return (
    <EditorSection name="personnel">
      <TextArea {...common('personnel')} label={f.personnel} rows={3} value={form.personnel} onChange={(v) => update({ personnel: v })} />
    </EditorSection>
  );
}

/** Klimaschutz: mandatory in Dortmund, a choice plus a reason (also for "keine"). */
export function ClimateSection({ form, update, common }: SectionProps) {
  return (
    <EditorSection name="climate">
      <div className="grid">
        <RadioGroup
          {...common('climateImpact')}
          label={f.climateImpact}
          required
          hint={submissionsEditorTexts.climateHint}
          value={form.climateImpact}
          options={CLIMATE_IMPACTS.map((c) => ({ value: c, label: submissionTexts.climate[c] }))}
          onChange={(v) => update({ climateImpact: v })}
        />
        <TextArea
          {...common('climateReason')}
          label={`${f.climateReason} *`}
          rows={3}
          value={form.climateReason}
          onChange={(v) => update({ climateReason: v })}
        />
      </div>
    </EditorSection>
  );
}

/** Optional further sections (e.g. "Auswirkungen auf die Gleichstellung"), each a title and structured text. */
export function ExtraSectionsSection({ form, update, common, readOnly }: SectionProps) {
  const list = form.extraSections;
  const set = (i: number, patch: Partial<SubmissionForm['extraSections'][number]>) =>
    update({ extraSections: replaceItem(list, i, patch) });
  return (
    <EditorSection name="extra">
      <div id="f-extraSections" className="rows" tabIndex={-1}>
        {list.map((x, i) => {
          const rowName = submissionsEditorTexts.rowLabel(submissionsEditorTexts.extraRow, i + 1);
          return (
            <fieldset key={x.id} className="row-group">
              <legend>{x.title ? `${rowName}: ${x.title}` : rowName}</legend>
              <TextField
                {...common(`extraSections.${i}.title`)}
                label={f.extraTitle}
                value={x.title}
                onChange={(v) => set(i, { title: v })}
                className="field-wide"
              />
              <RichTextEditor
                {...common(`extraSections.${i}.body`)}
                label={f.extraBody}
                size="short"
                showHelp={false}
                value={x.body}
                onChange={(v) => set(i, { body: v })}
              />
              <RowButtons
                row={rowName}
                index={i}
                count={list.length}
                disabled={readOnly}
                onMove={(d) => update({ extraSections: moveItem(list, i, d) })}
                onRemove={() => update({ extraSections: list.filter((_, j) => j !== i) })}
              />
            </fieldset>
          );
        })}
        <button
          type="button"
          disabled={readOnly || list.length >= 20}
          onClick={() => update({ extraSections: [...list, { id: newRowId(), title: '', body: [] }] })}
        >
          {submissionsEditorTexts.addExtra}
        </button>
      </div>
    </EditorSection>
  );
}
