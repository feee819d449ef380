import { de } from '@shared/i18n/de';
import type { MeasureRow } from '@shared/register/search';
import { MeasurePicker, type MeasurePickerTexts } from '../../../ui/MeasurePicker';
import { EditorSection, keepFocusInSection, type SectionProps } from './common';

const submissionsEditorTexts = de.ui.submissions.editor;
const t = submissionsEditorTexts.measures;
const texts: MeasurePickerTexts = {
  ...t,
  actionsColumn: submissionsEditorTexts.remove,
  remove: submissionsEditorTexts.remove,
  removeLabel: t.remove,
  inTrash: (status) => `${status} (${de.ui.trash.title})`,
};

/** Verknüpfte Maßnahmen: search the register, tick the measures; the ticked ones are listed as a table. */
export function MeasuresSection({ form, update, readOnly, rows }: SectionProps & { rows: readonly MeasureRow[] }) {
  return (
    <EditorSection name="measures">
      <MeasurePicker
        id="f-linkedMeasureIds"
        idPrefix="measure-picker"
        rows={rows}
        selectedIds={form.linkedMeasureIds}
        onChange={(linkedMeasureIds) => update({ linkedMeasureIds })}
        disabled={readOnly}
        texts={texts}
        onRemoved={keepFocusInSection}
      />
    </EditorSection>
  );
}
