import { useRef, useState } from 'react';
import type { Proposal } from '@shared/participation/labs';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';
import { todayIso } from './proposalForm';

const proposalsFeedbackLetterTexts = de.proposalsUi.feedbackLetter;

type Message = { kind: 'success' | 'error' | 'info'; text: React.ReactNode };

/**
 * "Rückmeldung als Brief (Word) …" for the saved Anregung and its stored contact: possible only with
 * both a contact and a feedback text, and nothing unsaved (the letter shows what is stored); otherwise a
 * hint says why. The letter holds personal data, so the service refuses it read-only and records the
 * export. Afterwards the clerk can enter the Rückmeldung as sent today (an ordinary saveProposal).
 */
export function FeedbackLetter(props: {
  proposal: Proposal;
  hasContact: boolean;
  readOnly: boolean;
  /** Unsaved input that the letter would not show. */
  unsaved: 'proposal' | 'contact' | null;
  onSent: (saved: Proposal) => void;
}) {
  const { proposal, hasContact, readOnly, unsaved, onSent } = props;
  const { save } = useApp();
  const [openAfter, setOpenAfter] = useState(true);
  const [busy, setBusy] = useState(false);
  const [exported, setExported] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);

  const blocked = readOnly
    ? proposalsFeedbackLetterTexts.readOnly
    : !hasContact
      ? proposalsFeedbackLetterTexts.needsContact
      : unsaved === 'proposal'
        ? proposalsFeedbackLetterTexts.saveProposalFirst
        : proposal.feedbackText.trim() === ''
          ? proposalsFeedbackLetterTexts.needsFeedback
          : unsaved === 'contact'
            ? proposalsFeedbackLetterTexts.saveContactFirst
            : null;
  const today = todayIso();

  const run = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const result = await call('exportFeedbackLetter', { proposalId: proposal.id, open: openAfter });
      setExported(!!result);
      setMessage(
        result
          ? {
              kind: 'success',
              text: (
                <>
                  {proposalsFeedbackLetterTexts.savedAt} <span className="path">{result.path}</span>
                </>
              ),
            }
          : { kind: 'info', text: proposalsFeedbackLetterTexts.cancelled },
      );
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const markSent = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const { id, version, createdAt: _c, updatedAt: _u, stateChangedAt: _s, deletedAt: _d, anonymisedAt: _a, ...fields } = proposal;
      const saved = await save(() => call('saveProposal', { id, version, fields: { ...fields, feedbackOn: today } }));
      onSent(saved.value);
      setExported(false);
      setMessage({ kind: 'success', text: proposalsFeedbackLetterTexts.markedSent(formatDate(today)) });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
      // The button that had the focus may be gone: continue at the message.
      setTimeout(() => messageRef.current?.focus(), 0);
    }
  };

  return (
    <div className="feedback-letter" role="group" aria-labelledby="feedback-letter-title">
      <p id="feedback-letter-title" className="feedback-letter-title">
        {proposalsFeedbackLetterTexts.title}
      </p>
      <p className="hint">{proposalsFeedbackLetterTexts.explanation}</p>
      {blocked ? (
        <p id="feedback-letter-blocked" className="hint feedback-letter-blocked">
          {blocked}
        </p>
      ) : null}
      <div className="buttons">
        <label className="checkbox">
          <input type="checkbox" checked={openAfter} disabled={!!blocked} onChange={(e) => setOpenAfter(e.target.checked)} />
          {proposalsFeedbackLetterTexts.openAfter}
        </label>
        <button
          type="button"
          disabled={!!blocked || busy}
          aria-describedby={blocked ? 'feedback-letter-blocked' : undefined}
          onClick={() => void run()}
        >
          {proposalsFeedbackLetterTexts.button}
        </button>
      </div>
      {busy ? <p role="status">{proposalsFeedbackLetterTexts.busy}</p> : null}
      <div ref={messageRef} tabIndex={-1} className="focus-target">
        {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      </div>
      {exported && !blocked && proposal.feedbackOn !== today ? (
        <div className="feedback-letter-sent">
          <button type="button" disabled={busy} aria-describedby="feedback-letter-sent-hint" onClick={() => void markSent()}>
            {proposalsFeedbackLetterTexts.markSent}
          </button>
          <p id="feedback-letter-sent-hint" className="hint">
            {proposalsFeedbackLetterTexts.markSentHint}
          </p>
        </div>
      ) : null}
    </div>
  );
}
