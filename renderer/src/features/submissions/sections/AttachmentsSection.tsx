import { useState } from 'react';
import { de } from '@shared/i18n/de';
import { formatDateTime, formatFileSize } from '@shared/core/format';
import { EditorSection, keepFocusInSection, type SectionProps } from './common';

const submissionsEditorTexts = de.ui.submissions.editor;
const col = submissionsEditorTexts.attachmentCol;

/**
 * Anlagen: files copied into the register's attachment folder (with size and hash). Adding asks for the
 * file (dialog) and saves at once; removing takes effect with the next save.
 */
export function AttachmentsSection({
  form,
  update,
  readOnly,
  onAdd,
  busy,
}: SectionProps & { onAdd: (title: string) => Promise<boolean>; busy: boolean }) {
  const [title, setTitle] = useState('');
  const list = form.attachments;
  return (
    <EditorSection name="attachments">
      <div id="f-attachments" tabIndex={-1}>
        {list.length === 0 ? (
          <p className="muted">{submissionsEditorTexts.attachmentsEmpty}</p>
        ) : (
          <table className="data compact">
            <caption className="visually-hidden">{submissionsEditorTexts.sections.attachments}</caption>
            <thead>
              <tr>
                <th scope="col">{col.title}</th>
                <th scope="col">{col.file}</th>
                <th scope="col" className="num">
                  {col.size}
                </th>
                <th scope="col">{col.added}</th>
                <th scope="col">
                  <span className="visually-hidden">{submissionsEditorTexts.remove}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((a) => (
                <tr key={a.id}>
                  <td>{a.title}</td>
                  <td className="path">{a.fileName}</td>
                  <td className="num nowrap">{formatFileSize(a.size)}</td>
                  <td className="nowrap">{formatDateTime(a.addedAt)}</td>
                  <td>
                    <button
                      type="button"
                      disabled={readOnly}
                      aria-label={submissionsEditorTexts.removeAttachment(a.title)}
                      onClick={(ev) => {
                        keepFocusInSection(ev.currentTarget);
                        update({ attachments: list.filter((x) => x.id !== a.id) });
                      }}
                    >
                      {submissionsEditorTexts.remove}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {list.length > 0 ? <p className="hint">{submissionsEditorTexts.attachmentRemoveHint}</p> : null}
        <div className="add-row">
          <label className="inline-label">
            {submissionsEditorTexts.field.attachmentTitle}
            <input
              id="f-attachment-title"
              type="text"
              value={title}
              maxLength={200}
              disabled={readOnly}
              onChange={(ev) => setTitle(ev.target.value)}
            />
          </label>
          <button
            type="button"
            disabled={readOnly || busy || list.length >= 100}
            onClick={() =>
              void onAdd(title).then((added) => {
                if (added) setTitle('');
              })
            }
          >
            {submissionsEditorTexts.addAttachment}
          </button>
        </div>
      </div>
    </EditorSection>
  );
}
