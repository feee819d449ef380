import { useCallback, useEffect, useRef, useState } from 'react';
import type { Saved } from '@shared/contract';
import { de } from '@shared/i18n/de';
import type { ReviewPackage } from '@shared/review/reviewPackage';
import type { ReviewModeView, ReviewWork } from '@shared/review/reviewContract';
import { formatDate, formatDateTime, formatTime } from '@shared/core/format';
import { call, errorMessage } from '../../api';
import { ConfirmDialog, type ConfirmRequest } from '../../ui/ConfirmDialog';
import { Notice } from '../../ui/Notice';
import { ReviewItemView } from './ReviewItemView';

const reviewModeTexts = de.review.mode;

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string };

export interface ReviewActions {
  readOnly: boolean;
  /** Runs one change of the reviewer's work; resolves true once it is saved in the package file. */
  run: (job: () => Promise<Saved<ReviewWork>>) => Promise<boolean>;
}

/**
 * Review mode (Prüfmodus): the items of a package read-only, clearly marked as a review copy with due
 * date and reviewer; comments on an item or a field, proposals, votes, each saved into the package file
 * at once; "Prüfung abschließen" makes it the returned package. The register is not touched.
 */
export function ReviewModeApp({
  initial,
  onLeave,
  onSwitch,
}: {
  initial: ReviewModeView;
  onLeave: () => void;
  onSwitch: (view: ReviewModeView) => void;
}) {
  const [pkg, setPkg] = useState<ReviewPackage>(initial.pkg);
  const [saveState, setSaveState] = useState<SaveState>(initial.savedAt ? { kind: 'saved', at: initial.savedAt } : { kind: 'idle' });
  const [selected, setSelected] = useState(initial.pkg.items[0]!.id);
  const [message, setMessage] = useState<{ kind: 'success' | 'error' | 'info'; text: string } | null>(null);
  const [confirmRequest, setConfirmRequest] = useState<ConfirmRequest | null>(null);
  const mainRef = useRef<HTMLElement>(null);
  const readOnly = pkg.state !== 'open';
  const ctx = pkg.context;

  const confirm = useCallback(
    (request: Omit<ConfirmRequest, 'resolve'>) =>
      new Promise<boolean>((resolve) =>
        setConfirmRequest({
          ...request,
          resolve: (ok) => {
            setConfirmRequest(null);
            resolve(ok);
          },
        }),
      ),
    [],
  );

  const run = useCallback(async (job: () => Promise<Saved<ReviewWork>>) => {
    setSaveState({ kind: 'saving' });
    try {
      const saved = await job();
      setPkg((p) => ({ ...p, ...saved.value }));
      setSaveState({ kind: 'saved', at: saved.savedAt });
      return true;
    } catch (error) {
      setSaveState({ kind: 'error', message: errorMessage(error) });
      return false;
    }
  }, []);

  const openOther = useCallback(async () => {
    try {
      const view = await call('openReviewPackage', {});
      if (view) onSwitch(view);
    } catch (error) {
      await confirm({ title: de.ui.dialog.errorTitle, text: errorMessage(error), alert: true });
    }
  }, [confirm, onSwitch]);

  const leave = async () => {
    try {
      await call('closeReviewPackage', {});
      onLeave();
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(error) });
    }
  };

  const finish = async () => {
    const ok = await confirm({
      title: reviewModeTexts.finishTitle,
      text: reviewModeTexts.finishConfirm(pkg.createdBy),
      confirmLabel: reviewModeTexts.finishTitle,
    });
    if (!ok) return;
    if (await run(() => call('finishReview', {}))) setMessage({ kind: 'success', text: reviewModeTexts.finished });
  };

  const exportNote = async () => {
    try {
      const result = await call('exportReviewNote', { packageId: null });
      if (result) setMessage({ kind: 'success', text: de.review.ui.noteSaved(result.path) });
    } catch (error) {
      setMessage({ kind: 'error', text: errorMessage(error) });
    }
  };

  // The menu's "Prüfpaket öffnen…" works here too; register commands have no meaning in review mode.
  useEffect(() => {
    const onCommand = (command: string) => {
      if (command === 'openReviewPackage') void openOther();
    };
    const unsubscribe = window.masterplan.onMenuCommand(onCommand);
    const onPageCommand = (event: Event) => onCommand((event as CustomEvent<string>).detail);
    window.addEventListener('masterplan-menu', onPageCommand);
    return () => {
      unsubscribe();
      window.removeEventListener('masterplan-menu', onPageCommand);
    };
  }, [openOther]);

  const item = pkg.items.find((i) => i.id === selected) ?? pkg.items[0]!;
  const due = formatDate(pkg.dueDate);
  let saveText: string;
  switch (saveState.kind) {
    case 'saving':
      saveText = de.ui.saving;
      break;
    case 'saved':
      saveText = de.ui.savedAt(formatTime(saveState.at));
      break;
    case 'error':
      saveText = `${de.ui.notSaved}: ${saveState.message}`;
      break;
    default:
      saveText = reviewModeTexts.notSavedYet;
  }

  return (
    <div className="shell review-mode">
      <a className="skip-link" href="#main">
        {de.ui.skipToContent}
      </a>
      <header className="app-header">
        <span className="app-name">{de.appName}</span>
        <span className="register-name">{ctx.registerName}</span>
        <span className="badge badge-review">{readOnly ? reviewModeTexts.returnedBadge : reviewModeTexts.badge(due)}</span>
        <span className="reviewer-name">{reviewModeTexts.reviewer(pkg.reviewer)}</span>
      </header>
      <div className="banner banner-review">
        <p>{reviewModeTexts.banner(ctx.registerName, formatDateTime(pkg.createdAt), pkg.createdBy)}</p>
        {pkg.message.trim() ? (
          <details>
            <summary>{reviewModeTexts.messageFrom(pkg.createdBy)}</summary>
            <p className="pre">{pkg.message}</p>
          </details>
        ) : null}
      </div>
      <div className="body">
        <nav aria-label={reviewModeTexts.itemsNav} className="side-nav review-items">
          <ul>
            {pkg.items.map((i) => {
              const entries = pkg.entries.filter((e) => e.itemId === i.id);
              const vote = entries.find((e) => e.kind === 'vote');
              const summary = reviewModeTexts.itemSummary(
                entries.filter((e) => e.kind !== 'vote').length,
                vote?.kind === 'vote' ? de.review.votes[vote.vote] : '',
              );
              return (
                <li key={i.id}>
                  <button
                    type="button"
                    aria-current={i.id === item.id ? 'page' : undefined}
                    onClick={() => {
                      setSelected(i.id);
                      mainRef.current?.focus();
                    }}
                  >
                    <span className="item-label">{i.label}</span>
                    {summary ? <span className="item-summary">{summary}</span> : null}
                  </button>
                </li>
              );
            })}
          </ul>
        </nav>
        <main id="main" tabIndex={-1} ref={mainRef}>
          <div className="buttons review-toolbar">
            <button type="button" className="primary" disabled={readOnly} onClick={() => void finish()}>
              {reviewModeTexts.finish}
            </button>
            <button type="button" onClick={() => void exportNote()}>
              {reviewModeTexts.exportNote}
            </button>
            <button type="button" onClick={() => void openOther()}>
              {reviewModeTexts.open}
            </button>
            <button type="button" onClick={() => void leave()}>
              {reviewModeTexts.leave}
            </button>
          </div>
          {readOnly ? (
            <Notice kind="info">{reviewModeTexts.returnedInfo(formatDateTime(pkg.returnedAt), initial.fileName, pkg.createdBy)}</Notice>
          ) : null}
          {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
          <ReviewItemView key={item.id} item={item} pkg={pkg} actions={{ readOnly, run }} />
        </main>
      </div>
      <footer className="status-bar">
        <span className="save-state" data-state={saveState.kind} role="status" aria-live="polite">
          {saveText}
        </span>
        <span>
          {reviewModeTexts.file}: <span className="path">{initial.path}</span>
        </span>
        <span>{reviewModeTexts.copyLabel}</span>
        <span>{pkg.reviewer}</span>
      </footer>
      <ConfirmDialog request={confirmRequest} />
    </div>
  );
}
