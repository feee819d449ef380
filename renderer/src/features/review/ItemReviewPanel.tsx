import { useCallback, useEffect, useState } from 'react';
import type { ReviewComment } from '@shared/review/review';
import { fieldLabel, formatFieldValue, SUGGESTABLE_FIELDS, type ReadingContext, type ReviewItemKind } from '@shared/review/reviewFields';
import { RichTextChanges } from './RichTextChanges';
import type { ItemReviews } from '@shared/review/reviewOverview';
import { de } from '@shared/i18n/de';
import { formatDate, formatDateTime } from '@shared/core/format';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';
import './review.css';

const reviewItemTexts = de.review.ui.item;
const reviewTexts = de.review;

/**
 * Reviews of one measure or submission in the register: packages it is in that have not come back,
 * the votes taken over, and the comment threads with reply and resolve. Shows nothing when the item
 * was never in a review.
 */
export function ItemReviewPanel({ kind, id }: { kind: ReviewItemKind; id: string }) {
  const { reference, rows, save, readOnly } = useApp();
  const [info, setInfo] = useState<ItemReviews | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setInfo(await call('getItemReviews', { kind, id }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [kind, id]);
  useEffect(() => void load(), [load, rows]);

  if (error) return <Notice kind="error">{error}</Notice>;
  if (!info || (info.openPackages.length === 0 && info.votes.length === 0 && info.threads.length === 0)) return null;

  const ctx: ReadingContext = {
    actionFields: reference?.actionFields ?? [],
    orgUnits: reference?.orgUnits ?? [],
    statuses: reference?.statuses ?? [],
    bodies: reference?.bodies ?? [],
    measureLabels: rows.map((m) => ({ id: m.id, number: m.number, title: m.title })),
  };
  const act = async (job: () => Promise<{ savedAt: string }>) => {
    try {
      await save(job);
      await load();
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    }
  };

  return (
    <section className="item-reviews" aria-labelledby={`item-reviews-${id}`}>
      <h2 id={`item-reviews-${id}`}>{info.unresolved > 0 ? reviewItemTexts.titleOpen(info.unresolved) : reviewItemTexts.title}</h2>
      {info.openPackages.length > 0 || info.votes.length > 0 ? (
        <ul className="plain">
          {info.openPackages.map((p) => (
            <li key={p.id}>
              {reviewItemTexts.openPackage(p.reviewer, formatDate(p.dueDate))}
              {p.overdue ? <strong className="package-status-overdue"> ({reviewItemTexts.overdue})</strong> : null}
            </li>
          ))}
          {info.votes.map((v) => (
            <li key={v.id}>
              <strong>{reviewItemTexts.vote(v.reviewer, reviewTexts.votes[v.vote], formatDate(v.at))}</strong>
              {v.reason ? ` – ${v.reason}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
      {info.threads.length === 0 ? (
        <p className="muted">{reviewItemTexts.noComments}</p>
      ) : (
        info.threads.map((thread) => (
          <Thread
            key={thread.comment.id}
            comment={thread.comment}
            replies={thread.replies}
            kind={kind}
            ctx={ctx}
            readOnly={readOnly}
            act={act}
          />
        ))
      )}
    </section>
  );
}

function Thread(props: {
  comment: ReviewComment;
  replies: ReviewComment[];
  kind: ReviewItemKind;
  ctx: ReadingContext;
  readOnly: boolean;
  act: (job: () => Promise<{ savedAt: string }>) => Promise<boolean>;
}) {
  const { comment: c, replies, kind, ctx, readOnly, act } = props;
  const [reply, setReply] = useState('');
  const resolved = c.resolvedAt !== null;
  const value = (v: unknown) => (c.field ? formatFieldValue(kind, c.field, v, ctx) : '') || reviewTexts.values.empty;
  const kindLabel =
    c.kind === 'vote' && c.vote ? `${reviewTexts.entryKinds.vote}: ${reviewTexts.votes[c.vote]}` : reviewTexts.entryKinds[c.kind];
  return (
    <article className="thread" data-resolved={resolved} aria-label={`${kindLabel} – ${c.author}`}>
      <header>
        <span className="kind">{kindLabel}</span>
        <span>{reviewItemTexts.header(c.author, formatDateTime(c.at))}</span>
        {c.field ? <span>{reviewItemTexts.onField(fieldLabel(kind, c.field))}</span> : null}
        <span>{resolved ? reviewItemTexts.resolved(formatDateTime(c.resolvedAt), c.resolvedBy ?? '') : reviewItemTexts.open}</span>
      </header>
      {c.basedOn ? <p className="muted">{reviewTexts.basedOn(formatDateTime(c.basedOn.updatedAt))}</p> : null}
      {c.text ? <p>{c.text}</p> : null}
      {c.kind === 'suggestion' && c.field && SUGGESTABLE_FIELDS[kind][c.field] === 'richText' ? (
        <RichTextChanges label={fieldLabel(kind, c.field)} before={c.base} after={c.proposed} />
      ) : c.kind === 'suggestion' ? (
        <p>
          {reviewItemTexts.proposal(value(c.proposed))} ({reviewItemTexts.previously(value(c.base))})
        </p>
      ) : null}
      {c.outcome ? <p>{reviewItemTexts.result(reviewTexts.results[c.outcome])}</p> : null}
      {replies.length > 0 ? (
        <ul className="replies">
          {replies.map((x) => (
            <li key={x.id}>
              <strong>{reviewItemTexts.header(x.author, formatDateTime(x.at))}:</strong> {x.text}
            </li>
          ))}
        </ul>
      ) : null}
      {readOnly ? null : (
        <>
          <form
            className="reply-form"
            aria-label={reviewItemTexts.replyLabel(c.author)}
            onSubmit={(e) => {
              e.preventDefault();
              if (reply.trim() === '') return;
              void act(() => call('replyReviewComment', { commentId: c.id, text: reply })).then((ok) => ok && setReply(''));
            }}
          >
            <label>
              {reviewItemTexts.reply}
              <textarea rows={1} value={reply} onChange={(e) => setReply(e.target.value)} />
            </label>
            <button type="submit" disabled={reply.trim() === ''}>
              {reviewItemTexts.sendReply}
            </button>
            <button type="button" onClick={() => void act(() => call('resolveReviewComment', { commentId: c.id, resolved: !resolved }))}>
              {resolved ? reviewItemTexts.reopen : reviewItemTexts.resolve}
            </button>
          </form>
        </>
      )}
    </article>
  );
}
