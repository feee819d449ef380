import { useState } from 'react';
import { de } from '@shared/i18n/de';
import type { JsonValue } from '@shared/audit/audit';
import {
  fieldLabel,
  fieldValue,
  formatFieldValue,
  REVIEW_DISPLAY_FIELDS,
  SUGGESTABLE_FIELDS,
  type SuggestionInput,
} from '@shared/review/reviewFields';
import { REVIEW_VOTES, type PackageItem, type ReviewEntry, type ReviewPackage, type ReviewVoteValue } from '@shared/review/reviewPackage';
import { formatDate, formatDateTime } from '@shared/core/format';
import { richTextSchema, type Block } from '@shared/core/richText';
import { RichTextEditor } from '../submissions/richText/RichTextEditor';
import { call } from '../../api';
import type { ReviewActions } from './ReviewModeApp';
import { readDateEntry } from '../../ui/dateEntry';

const reviewModeTexts = de.review.mode;

type Open = { field: string | null; mode: 'comment' | 'suggest' } | null;

/** One item of the package: vote, comment on the whole item, every field with comment and proposal. */
export function ReviewItemView({ item, pkg, actions }: { item: PackageItem; pkg: ReviewPackage; actions: ReviewActions }) {
  const [open, setOpen] = useState<Open>(null);
  const entries = pkg.entries.filter((e) => e.itemId === item.id);
  const ctx = pkg.context;
  const show = (field: string, value: unknown) => formatFieldValue(item.kind, field, value, ctx) || reviewModeTexts.emptyValue;
  const { readOnly } = actions;

  return (
    <article aria-labelledby="review-item-title" className="review-item">
      <h1 id="review-item-title">{item.label}</h1>
      <p className="muted">{reviewModeTexts.itemKindVersion(de.review.kinds[item.kind], item.version, formatDateTime(item.updatedAt))}</p>

      <VoteForm
        item={item}
        vote={entries.find((e): e is Extract<ReviewEntry, { kind: 'vote' }> => e.kind === 'vote') ?? null}
        actions={actions}
      />

      <section aria-labelledby="review-item-comment" className="review-block">
        <h2 id="review-item-comment">{reviewModeTexts.itemComment}</h2>
        {readOnly ? null : (
          <CommentForm
            idBase="rv-item"
            label={reviewModeTexts.itemComment}
            onSave={(text) => actions.run(() => call('addReviewComment', { itemId: item.id, field: null, text }))}
          />
        )}
      </section>

      <section aria-labelledby="review-fields-title" className="review-block">
        <h2 id="review-fields-title">{reviewModeTexts.fieldsCaption}</h2>
        <dl className="details review-fields">
          {REVIEW_DISPLAY_FIELDS[item.kind].map((field) => {
            const label = fieldLabel(item.kind, field);
            const suggestion = entries.find(
              (e): e is Extract<ReviewEntry, { kind: 'suggestion' }> => e.kind === 'suggestion' && e.field === field,
            );
            const comments = entries.filter(
              (e): e is Extract<ReviewEntry, { kind: 'comment' }> => e.kind === 'comment' && e.field === field,
            );
            const input = SUGGESTABLE_FIELDS[item.kind][field];
            const isOpen = open?.field === field;
            return (
              <div key={field} className="review-field">
                <dt id={`rv-label-${field}`}>{label}</dt>
                <dd>
                  <span className="pre">{show(field, fieldValue(item.snapshot, field))}</span>
                  {suggestion ? (
                    <span className="suggestion-mark">{reviewModeTexts.suggestionShown(show(field, suggestion.value))}</span>
                  ) : null}
                  {comments.map((c) => (
                    <span key={c.id} className="field-comment">
                      {de.review.entryKinds.comment}: {c.text}
                    </span>
                  ))}
                  {readOnly ? null : (
                    <span className="field-actions" role="group" aria-label={reviewModeTexts.fieldActions(label)}>
                      <button
                        type="button"
                        aria-expanded={isOpen && open?.mode === 'comment'}
                        onClick={() => setOpen(isOpen && open?.mode === 'comment' ? null : { field, mode: 'comment' })}
                      >
                        {reviewModeTexts.comment}
                      </button>
                      {input ? (
                        <button
                          type="button"
                          aria-expanded={isOpen && open?.mode === 'suggest'}
                          onClick={() => setOpen(isOpen && open?.mode === 'suggest' ? null : { field, mode: 'suggest' })}
                        >
                          {reviewModeTexts.suggest}
                        </button>
                      ) : null}
                    </span>
                  )}
                  {isOpen && open?.mode === 'comment' ? (
                    <CommentForm
                      idBase={`rv-${field}`}
                      label={reviewModeTexts.commentOn(label)}
                      autoFocus
                      onCancel={() => setOpen(null)}
                      onSave={async (text) => {
                        const ok = await actions.run(() => call('addReviewComment', { itemId: item.id, field, text }));
                        if (ok) setOpen(null);
                        return ok;
                      }}
                    />
                  ) : null}
                  {isOpen && open?.mode === 'suggest' && input ? (
                    <SuggestionForm
                      field={field}
                      label={label}
                      input={input}
                      initial={suggestion ? suggestion.value : fieldValue(item.snapshot, field)}
                      initialNote={suggestion?.note ?? ''}
                      pkg={pkg}
                      onCancel={() => setOpen(null)}
                      onSave={async (value, note) => {
                        const ok = await actions.run(() => call('setReviewSuggestion', { itemId: item.id, field, value, note }));
                        if (ok) setOpen(null);
                        return ok;
                      }}
                    />
                  ) : null}
                </dd>
              </div>
            );
          })}
        </dl>
      </section>

      <section aria-labelledby="review-my-entries" className="review-block">
        <h2 id="review-my-entries">{reviewModeTexts.myEntries}</h2>
        {entries.length === 0 ? (
          <p className="muted">{reviewModeTexts.noEntries}</p>
        ) : (
          <ul className="review-entries">
            {entries.map((e) => {
              const what = entryText(e, item, pkg);
              return (
                <li key={e.id}>
                  <span>{what}</span>
                  {readOnly ? null : (
                    <button
                      type="button"
                      aria-label={reviewModeTexts.removeLabel(what)}
                      onClick={() => void actions.run(() => call('removeReviewEntry', { entryId: e.id }))}
                    >
                      {reviewModeTexts.remove}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </article>
  );
}

function entryText(e: ReviewEntry, item: PackageItem, pkg: ReviewPackage): string {
  const reviewEntryKindsTexts = de.review.entryKinds;
  switch (e.kind) {
    case 'vote':
      return `${reviewEntryKindsTexts.vote}: ${de.review.votes[e.vote]}${e.reason ? ` – ${e.reason}` : ''}`;
    case 'comment':
      return `${reviewEntryKindsTexts.comment}${e.field ? ` (${fieldLabel(item.kind, e.field)})` : ''}: ${e.text}`;
    case 'suggestion':
      return `${reviewEntryKindsTexts.suggestion} (${fieldLabel(item.kind, e.field)}): ${formatFieldValue(item.kind, e.field, e.value, pkg.context) || reviewModeTexts.emptyValue}${e.note ? ` – ${e.note}` : ''}`;
  }
}

function CommentForm({
  idBase,
  label,
  onSave,
  onCancel,
  autoFocus,
}: {
  idBase: string;
  label: string;
  onSave: (text: string) => Promise<boolean>;
  onCancel?: () => void;
  autoFocus?: boolean;
}) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="review-form"
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim() === '') {
          setError(de.review.problems.textRequired);
          return;
        }
        setError(null);
        void onSave(text).then((ok) => ok && setText(''));
      }}
    >
      <label htmlFor={`${idBase}-text`}>{label}</label>
      <textarea
        id={`${idBase}-text`}
        rows={3}
        value={text}
        autoFocus={autoFocus}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${idBase}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      {error ? (
        <span id={`${idBase}-error`} className="field-error">
          {de.ui.errorPrefix} {error}
        </span>
      ) : null}
      <div className="buttons">
        <button type="submit" className="primary">
          {reviewModeTexts.saveComment}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {reviewModeTexts.cancel}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function toInputText(input: SuggestionInput, value: JsonValue): string {
  if (value === null) return '';
  if (input === 'date') return formatDate(String(value));
  return String(value);
}

function SuggestionForm(props: {
  field: string;
  label: string;
  input: SuggestionInput;
  initial: JsonValue;
  initialNote: string;
  pkg: ReviewPackage;
  onSave: (value: JsonValue, note: string) => Promise<boolean>;
  onCancel: () => void;
}) {
  const { field, label, input, pkg } = props;
  const [text, setText] = useState(input === 'richText' ? '' : toInputText(input, props.initial));
  const [blocks, setBlocks] = useState<Block[]>(() => (input === 'richText' ? richTextSchema.catch([]).parse(props.initial ?? []) : []));
  const [note, setNote] = useState(props.initialNote);
  const [error, setError] = useState<string | null>(null);
  const id = `rv-${field}-suggest`;
  const submit = () => {
    let value: JsonValue = text;
    if (input === 'richText') value = blocks as unknown as JsonValue;
    else if (input === 'date') {
      if (text.trim() === '') value = null;
      else {
        const iso = readDateEntry(text);
        if (!iso) {
          setError(reviewModeTexts.invalidDate);
          return;
        }
        value = iso;
      }
    } else if (input === 'climate') value = text === '' ? null : text;
    setError(null);
    void props.onSave(value, note);
  };
  const described = error ? `${id}-error` : undefined;
  return (
    <form
      className="review-form"
      aria-label={reviewModeTexts.suggestOn(label)}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {input === 'richText' ? null : <label htmlFor={`${id}-value`}>{reviewModeTexts.suggestOn(label)}</label>}
      {input === 'richText' ? (
        <RichTextEditor
          id={`${id}-value`}
          label={reviewModeTexts.suggestOn(label)}
          value={blocks}
          onChange={setBlocks}
          error={error ?? undefined}
          size="short"
          showHelp={false}
        />
      ) : input === 'text' ? (
        <textarea
          id={`${id}-value`}
          rows={4}
          value={text}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          onChange={(e) => setText(e.target.value)}
        />
      ) : input === 'status' ? (
        <select id={`${id}-value`} value={text} autoFocus onChange={(e) => setText(e.target.value)}>
          {pkg.context.statuses
            .filter((s) => s.active || s.key === text)
            .map((s) => (
              <option key={s.key} value={s.key}>
                {s.label}
              </option>
            ))}
        </select>
      ) : input === 'climate' ? (
        <select id={`${id}-value`} value={text} autoFocus onChange={(e) => setText(e.target.value)}>
          <option value="">{reviewModeTexts.statusChoice}</option>
          {(['positiv', 'negativ', 'keine'] as const).map((k) => (
            <option key={k} value={k}>
              {de.submission.climate[k]}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={`${id}-value`}
          type="text"
          value={text}
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={[input === 'date' ? `${id}-hint` : '', described ?? ''].filter(Boolean).join(' ') || undefined}
          onChange={(e) => setText(e.target.value)}
        />
      )}
      {input === 'date' ? (
        <span id={`${id}-hint`} className="hint">
          {de.ui.measure.dateHint}
        </span>
      ) : null}
      {error ? (
        <span id={`${id}-error`} className="field-error">
          {de.ui.errorPrefix} {error}
        </span>
      ) : null}
      <label htmlFor={`${id}-note`}>{reviewModeTexts.suggestionNote}</label>
      <textarea id={`${id}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="buttons">
        <button type="submit" className="primary">
          {reviewModeTexts.saveSuggestion}
        </button>
        <button type="button" onClick={props.onCancel}>
          {reviewModeTexts.cancel}
        </button>
      </div>
    </form>
  );
}

function VoteForm({
  item,
  vote,
  actions,
}: {
  item: PackageItem;
  vote: Extract<ReviewEntry, { kind: 'vote' }> | null;
  actions: ReviewActions;
}) {
  const [choice, setChoice] = useState<ReviewVoteValue | ''>(vote?.vote ?? '');
  const [reason, setReason] = useState(vote?.reason ?? '');
  const [error, setError] = useState<string | null>(null);
  const needsReason = choice === 'aenderungen' || choice === 'abgelehnt';
  return (
    <section aria-labelledby="review-vote-title" className="review-block review-vote">
      <h2 id="review-vote-title">{reviewModeTexts.vote}</h2>
      <p className="current-vote">{vote ? reviewModeTexts.currentVote(de.review.votes[vote.vote]) : de.review.note.noVote}</p>
      {actions.readOnly ? (
        vote?.reason ? (
          <p className="pre">{vote.reason}</p>
        ) : null
      ) : (
        <form
          className="review-form"
          aria-labelledby="review-vote-title"
          onSubmit={(event) => {
            event.preventDefault();
            if (choice === '') return;
            if (needsReason && reason.trim() === '') {
              setError(de.review.problems.reasonRequired);
              return;
            }
            setError(null);
            void actions.run(() => call('setReviewVote', { itemId: item.id, vote: choice, reason }));
          }}
        >
          <fieldset className="radio-group">
            <legend>{reviewModeTexts.vote}</legend>
            {REVIEW_VOTES.map((v) => (
              <label key={v} className="checkbox">
                <input type="radio" name="review-vote" value={v} checked={choice === v} onChange={() => setChoice(v)} />
                {de.review.votes[v]}
              </label>
            ))}
          </fieldset>
          <label htmlFor="review-vote-reason">{reviewModeTexts.voteReason}</label>
          <textarea
            id="review-vote-reason"
            rows={2}
            value={reason}
            aria-invalid={error ? true : undefined}
            aria-describedby={['review-vote-hint', error ? 'review-vote-error' : ''].filter(Boolean).join(' ')}
            onChange={(e) => setReason(e.target.value)}
          />
          <span id="review-vote-hint" className="hint">
            {reviewModeTexts.voteReasonHint}
          </span>
          {error ? (
            <span id="review-vote-error" className="field-error">
              {de.ui.errorPrefix} {error}
            </span>
          ) : null}
          <div className="buttons">
            <button type="submit" className="primary" disabled={choice === ''}>
              {reviewModeTexts.saveVote}
            </button>
            {vote ? (
              <button
                type="button"
                onClick={() =>
                  void actions
                    .run(() => call('setReviewVote', { itemId: item.id, vote: null, reason: '' }))
                    .then((ok) => {
                      if (ok) {
                        setChoice('');
                        setReason('');
                      }
                    })
                }
              >
                {reviewModeTexts.clearVote}
              </button>
            ) : null}
          </div>
        </form>
      )}
    </section>
  );
}
