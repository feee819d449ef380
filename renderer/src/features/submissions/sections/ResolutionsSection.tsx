import { useState } from 'react';
import { de } from '@shared/i18n/de';
import { TextArea } from '../../../ui/fields';
import { EditorSection, moveItem, replaceItem, RowButtons, type SectionProps } from './common';

const submissionsEditorTexts = de.ui.submissions.editor;
const f = submissionsEditorTexts.field;

/** Beschlussvorschlag: one text for all bodies, and/or one per body ("Der Ausschuss empfiehlt …"). */
export function ResolutionsSection({ form, update, common, reference, readOnly }: SectionProps) {
  const list = form.resolutions;
  const bodyName = (id: string | null) => reference.bodies.find((b) => b.id === id)?.name ?? submissionsEditorTexts.unknownBody;
  const taken = new Set(list.map((r) => r.bodyId));
  // Bodies of the Beratungsfolge first, then the other active ones.
  const inOrder = [...new Set([...form.consultations.map((c) => c.bodyId), ...reference.bodies.filter((b) => b.active).map((b) => b.id)])];
  const available = inOrder.filter((id) => !taken.has(id) && reference.bodies.some((b) => b.id === id));
  const [pick, setPick] = useState('');
  const chosen = available.includes(pick) ? pick : (available[0] ?? '');

  return (
    <EditorSection name="resolution">
      <div id="f-resolutions" className="rows" tabIndex={-1}>
        {list.map((r, i) => {
          const label = r.bodyId ? f.resolutionFor(bodyName(r.bodyId)) : f.resolutionGeneral;
          return (
            <div key={r.bodyId ?? 'general'} className="row-group resolution-row">
              <TextArea
                {...common(`resolutions.${i}.text`)}
                label={label}
                rows={4}
                value={r.text}
                onChange={(v) => update({ resolutions: replaceItem(list, i, { text: v }) })}
              />
              <RowButtons
                row={label}
                index={i}
                count={list.length}
                disabled={readOnly}
                onMove={(d) => update({ resolutions: moveItem(list, i, d) })}
                onRemove={() => update({ resolutions: list.filter((_, j) => j !== i) })}
              />
            </div>
          );
        })}
        <p className="hint">{submissionsEditorTexts.addResolutionHint}</p>
        <div className="add-row">
          <button
            type="button"
            disabled={readOnly || taken.has(null)}
            onClick={() => update({ resolutions: [{ bodyId: null, text: '' }, ...list] })}
          >
            {submissionsEditorTexts.addResolutionGeneral}
          </button>
          {available.length > 0 ? (
            <>
              <label className="inline-label">
                {submissionsEditorTexts.addResolutionBody}
                <select value={chosen} disabled={readOnly} onChange={(ev) => setPick(ev.target.value)}>
                  {available.map((id) => (
                    <option key={id} value={id}>
                      {bodyName(id)}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                disabled={readOnly || !chosen}
                onClick={() => update({ resolutions: [...list, { bodyId: chosen, text: '' }] })}
              >
                {submissionsEditorTexts.addResolutionFor}
              </button>
            </>
          ) : null}
        </div>
      </div>
    </EditorSection>
  );
}
