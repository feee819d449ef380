import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReviewPackageRow } from '@shared/review/reviewOverview';
import type { ReviewImportPreview } from '@shared/review/reviewContract';
import { de } from '@shared/i18n/de';
import { formatDate, formatDateTime } from '@shared/core/format';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';
import { CreatePackagePanel } from './CreatePackagePanel';
import { ImportPreviewPanel } from './ImportPreviewPanel';
import { useReviewModeSwitch } from './ReviewModeGate';

const reviewUiTexts = de.review.ui;

type Message = { kind: 'success' | 'error' | 'info'; text: string; undoImportId?: string } | null;

/** Prüfungen: packages sent, overdue and returned; create a package; read a returned one back; undo. */
export function ReviewsView() {
  const { save, confirm, readOnly } = useApp();
  const mode = useReviewModeSwitch();
  const [rows, setRows] = useState<ReviewPackageRow[] | null>(null);
  const [creating, setCreating] = useState(false);
  const [preview, setPreview] = useState<ReviewImportPreview | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const createButton = useRef<HTMLButtonElement>(null);

  const load = useCallback(async () => {
    try {
      setRows(await call('listReviewPackages', {}));
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  }, []);
  useEffect(() => void load(), [load]);

  const startImport = async () => {
    setMessage(null);
    try {
      const next = await call('previewReviewImport', {});
      // A package this register never sent is read only after an explicit confirmation (see docs/review.md).
      const p = de.review.ui.preview;
      if (
        next?.plan.notRecorded &&
        !(await confirm({
          title: p.unrecordedConfirmTitle,
          text: p.unrecordedConfirm(next.plan.reviewer),
          confirmLabel: p.unrecordedConfirmLabel,
        }))
      )
        return;
      if (next) {
        setCreating(false);
        setPreview(next);
      }
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };

  const openReviewMode = async () => {
    try {
      const view = await call('openReviewPackage', {});
      if (view) mode.enter(view);
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };

  const undo = async (row: ReviewPackageRow) => {
    if (!row.import) return;
    const ok = await confirm({
      title: reviewUiTexts.undoTitle,
      text: reviewUiTexts.undoConfirm(row.reviewer, row.import.repliesLostByUndo),
      confirmLabel: reviewUiTexts.undoTitle,
    });
    if (!ok) return;
    try {
      await save(() => call('undoReviewImport', { importId: row.import!.id }));
      setMessage({ kind: 'success', text: reviewUiTexts.undone });
      await load();
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };

  const undoById = async (importId: string) => {
    const row = rows?.find((r) => r.import?.id === importId);
    if (row) await undo(row);
  };

  const exportNote = async (row: ReviewPackageRow) => {
    try {
      const result = await call('exportReviewNote', { packageId: row.id });
      if (result) setMessage({ kind: 'success', text: reviewUiTexts.noteSaved(result.path) });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };

  const counts = (rows ?? []).reduce((acc, r) => ({ ...acc, [r.status]: acc[r.status] + 1 }), { sent: 0, overdue: 0, imported: 0 });

  return (
    <section aria-labelledby="reviews-title" className="reviews">
      <div className="view-head">
        <h1 id="reviews-title">{reviewUiTexts.title}</h1>
        <div className="buttons">
          <button
            ref={createButton}
            type="button"
            className="primary"
            disabled={readOnly || creating}
            aria-expanded={creating}
            onClick={() => {
              setPreview(null);
              setCreating(true);
            }}
          >
            {reviewUiTexts.create}
          </button>
          <button type="button" disabled={readOnly} onClick={() => void startImport()}>
            {reviewUiTexts.importReturned}
          </button>
          <button type="button" onClick={() => void openReviewMode()}>
            {reviewUiTexts.openReviewMode}
          </button>
        </div>
      </div>
      <p>{reviewUiTexts.intro}</p>
      {message ? (
        <Notice kind={message.kind}>
          {message.text}{' '}
          {message.undoImportId ? (
            <button type="button" onClick={() => void undoById(message.undoImportId!)}>
              {reviewUiTexts.preview.undoNow}
            </button>
          ) : null}
        </Notice>
      ) : null}
      {creating ? (
        <CreatePackagePanel
          onClose={(created) => {
            setCreating(false);
            if (created) {
              setMessage({ kind: 'success', text: created });
              void load();
            }
            setTimeout(() => createButton.current?.focus(), 0);
          }}
        />
      ) : null}
      {preview ? (
        <ImportPreviewPanel
          preview={preview}
          onDone={(outcome) => {
            setPreview(null);
            if (outcome) {
              setMessage(
                outcome.importId
                  ? {
                      kind: 'success',
                      text: reviewUiTexts.preview.applied(outcome.appliedCount, outcome.entryCount),
                      undoImportId: outcome.importId,
                    }
                  : { kind: 'info', text: reviewUiTexts.preview.nothingApplied },
              );
              void load();
            }
          }}
        />
      ) : null}
      {!rows ? (
        <p>{de.ui.loading}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{reviewUiTexts.none}</p>
      ) : (
        <>
          <p className="count">{reviewUiTexts.counts(counts.sent, counts.overdue, counts.imported)}</p>
          <div className="table-wrap">
            <table className="data packages-table">
              <caption>{reviewUiTexts.tableCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{reviewUiTexts.col.reviewer}</th>
                  <th scope="col">{reviewUiTexts.col.createdAt}</th>
                  <th scope="col">{reviewUiTexts.col.dueDate}</th>
                  <th scope="col">{reviewUiTexts.col.items}</th>
                  <th scope="col">{reviewUiTexts.col.status}</th>
                  <th scope="col">{reviewUiTexts.col.actions}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td>{r.reviewer}</td>
                    <td className="nowrap">{formatDateTime(r.createdAt)}</td>
                    <td className="nowrap">{formatDate(r.dueDate)}</td>
                    <td>
                      {r.itemCount}: {reviewUiTexts.itemsSummary(r.itemLabels.join('; '), r.itemCount - r.itemLabels.length)}
                    </td>
                    <td>
                      {r.status === 'imported' && r.import ? (
                        reviewUiTexts.statusImported(formatDateTime(r.import.at), r.import.appliedCount, r.import.entryCount)
                      ) : r.status === 'overdue' ? (
                        <span className="package-status-overdue">{reviewUiTexts.statusOverdue(formatDate(r.dueDate))}</span>
                      ) : (
                        reviewUiTexts.statusSent
                      )}
                      {r.undoneImports[0]?.undoneAt ? (
                        <span className="muted"> {reviewUiTexts.undoneNote(formatDateTime(r.undoneImports[0].undoneAt))}</span>
                      ) : null}
                    </td>
                    <td>
                      {r.import ? (
                        <div className="buttons">
                          <button type="button" aria-label={reviewUiTexts.exportNoteLabel(r.reviewer)} onClick={() => void exportNote(r)}>
                            {reviewUiTexts.exportNote}
                          </button>
                          <button
                            type="button"
                            className="danger"
                            disabled={readOnly}
                            aria-label={reviewUiTexts.undoLabel(r.reviewer)}
                            onClick={() => void undo(r)}
                          >
                            {reviewUiTexts.undo}
                          </button>
                        </div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
