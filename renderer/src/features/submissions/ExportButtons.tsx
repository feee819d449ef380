import { de } from '@shared/i18n/de';

const submissionsEditorTexts = de.ui.submissions.editor;

export type ExportKind = 'word' | 'open' | 'draft' | 'oparl';

/** Word (with the completeness check), Word and open it, Word as a marked draft, OParl JSON. */
export function ExportButtons({ disabled, onExport }: { disabled: boolean; onExport: (kind: ExportKind) => void }) {
  const buttons: { kind: ExportKind; label: string }[] = [
    { kind: 'word', label: submissionsEditorTexts.exportWord },
    { kind: 'open', label: submissionsEditorTexts.exportOpen },
    { kind: 'draft', label: submissionsEditorTexts.exportDraft },
    { kind: 'oparl', label: submissionsEditorTexts.exportOparl },
  ];
  return (
    <div className="export-buttons" role="group" aria-labelledby="export-group-label">
      <span id="export-group-label" className="group-label">
        {submissionsEditorTexts.exportGroup}:
      </span>
      {buttons.map((b) => (
        <button key={b.kind} type="button" disabled={disabled} onClick={() => onExport(b.kind)}>
          {b.label}
        </button>
      ))}
    </div>
  );
}
