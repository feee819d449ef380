import { useRef, useState } from 'react';
import { CONTACT_CHANNELS, type FeedbackContact, type Proposal } from '@shared/participation/labs';
import type { FieldProblem } from '@shared/register/rules';
import { de } from '@shared/i18n/de';
import { ApiCallError, call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { SelectField, TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { ProblemSummary } from '../evaluation/parts';
import { FeedbackLetter } from './FeedbackLetter';
import { fromContactForm, serverProblems, toContactForm, type ContactForm } from './proposalForm';
import { DateField } from '../../ui/DateField';

const proposalsContactTexts = de.proposalsUi.contact;
const f = proposalsContactTexts.field;
const fieldId = (field: string) => `contact-${field}`;
const fieldLabel = (field: string) => (f as Record<string, string>)[field] ?? field;

/**
 * The optional feedback contact of a saved Anregung: personal data, stored apart, only with documented
 * consent. Collapsed by default; the contact is loaded only when the clerk opens the section. Below it the
 * Rückmeldung as a Word letter to that contact.
 */
export function ContactSection(props: {
  proposal: Proposal;
  hasContact: boolean;
  locked: boolean;
  onDirty: (dirty: boolean) => void;
  /** Whether the Anregung's own form holds unsaved input (the letter shows the saved Anregung). */
  proposalDirty: boolean;
  /** The Anregung after "Rückmeldung heute als versendet eintragen" saved it. */
  onFeedbackSent: (saved: Proposal) => void;
}) {
  const { proposal, hasContact, locked, onDirty, proposalDirty, onFeedbackSent } = props;
  const { save, confirm } = useApp();
  const [open, setOpen] = useState(false);
  const [contact, setContact] = useState<FeedbackContact | null | undefined>(undefined);
  const [form, setForm] = useState<ContactForm | null>(null);
  const initial = useRef('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const adopt = (loaded: FeedbackContact | null) => {
    const next = toContactForm(loaded);
    initial.current = JSON.stringify(next);
    setContact(loaded);
    setForm(next);
    onDirty(false);
  };

  const toggle = (isOpen: boolean) => {
    setOpen(isOpen);
    if (isOpen && contact === undefined) {
      call('getProposalContact', { proposalId: proposal.id })
        .then(adopt)
        .catch((e) => setMessage({ kind: 'error', text: errorMessage(e) }));
    }
  };

  const update = (patch: Partial<ContactForm>) => {
    setForm((current) => {
      const next = { ...current!, ...patch };
      onDirty(JSON.stringify(next) !== initial.current);
      return next;
    });
  };
  const problemOf = (field: string) => problems.find((x) => x.field === field)?.message;
  const common = (field: string) => ({ id: fieldId(field), error: problemOf(field), disabled: locked || busy });
  const showProblems = (found: FieldProblem[]) => {
    setProblems(found);
    setTimeout(() => summaryRef.current?.focus(), 0);
  };

  const submit = async () => {
    if (!form) return;
    setMessage(null);
    const { fields, problems: found } = fromContactForm(form);
    if (found.length > 0) return showProblems(found);
    setProblems([]);
    setBusy(true);
    try {
      const saved = await save(() => call('saveProposalContact', { proposalId: proposal.id, fields }), {
        text: () => proposalsContactTexts.saved(proposal.number),
      });
      adopt(saved.value);
    } catch (e) {
      if (e instanceof ApiCallError && e.error.fields?.length) showProblems(serverProblems(e.error.fields));
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (
      !(await confirm({
        title: proposalsContactTexts.deleteTitle,
        text: proposalsContactTexts.deleteConfirm(proposal.number),
        confirmLabel: proposalsContactTexts.deleteTitle,
      }))
    )
      return;
    setMessage(null);
    setBusy(true);
    try {
      await save(() => call('deleteProposalContact', { proposalId: proposal.id }));
      adopt(null);
      setProblems([]);
      setMessage({ kind: 'success', text: proposalsContactTexts.deleted });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const stored = contact === undefined ? hasContact : contact !== null;
  const contactDirty = form !== null && contact !== undefined && JSON.stringify(form) !== JSON.stringify(toContactForm(contact));
  const consentError = problemOf('consentGiven');

  return (
    <details className="contact-section" open={open} onToggle={(e) => toggle(e.currentTarget.open)}>
      <summary>{stored ? proposalsContactTexts.summaryStored : proposalsContactTexts.summary}</summary>
      <p className="hint contact-explanation">{proposalsContactTexts.explanation}</p>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {open && !form && !message ? <p>{de.ui.loading}</p> : null}
      {form ? (
        <form
          noValidate
          aria-label={proposalsContactTexts.legend}
          onSubmit={(e) => {
            e.preventDefault();
            if (!locked) void submit();
          }}
        >
          {contact === null ? <p className="muted">{proposalsContactTexts.none}</p> : null}
          <ProblemSummary
            ref={summaryRef}
            title={de.proposalsUi.problems(problems.length)}
            problems={problems}
            fieldId={fieldId}
            fieldLabel={fieldLabel}
          />
          <div className="grid">
            <TextField
              {...common('name')}
              label={f.name}
              required
              value={form.name}
              onChange={(v) => update({ name: v })}
              maxLength={120}
            />
            <SelectField
              {...common('channel')}
              label={f.channel}
              value={form.channel}
              options={CONTACT_CHANNELS.map((c) => ({ value: c, label: de.participation.contactChannels[c] }))}
              onChange={(v) => update({ channel: v as ContactForm['channel'] })}
            />
            <TextField
              {...common('value')}
              label={f.value}
              required
              value={form.value}
              onChange={(v) => update({ value: v })}
              className="field-wide"
              maxLength={300}
            />
            <div className="field field-wide">
              <label className="checkbox" htmlFor={fieldId('consentGiven')}>
                <input
                  id={fieldId('consentGiven')}
                  type="checkbox"
                  checked={form.consentGiven}
                  disabled={locked || busy}
                  required
                  aria-invalid={consentError ? true : undefined}
                  aria-describedby={consentError ? `${fieldId('consentGiven')}-error` : undefined}
                  onChange={(e) => update({ consentGiven: e.target.checked })}
                />
                {f.consentGiven}
                <span aria-hidden="true"> *</span>
              </label>
              {consentError ? (
                <span id={`${fieldId('consentGiven')}-error`} className="field-error">
                  {de.ui.errorPrefix} {consentError}
                </span>
              ) : null}
            </div>
            <DateField
              {...common('consentOn')}
              label={f.consentOn}
              required
              value={form.consentOn}
              onChange={(v) => update({ consentOn: v })}
              className="field-narrow"
              maxLength={10}
            />
            <TextField
              {...common('consentNote')}
              label={f.consentNote}
              hint={proposalsContactTexts.consentNoteHint}
              value={form.consentNote}
              onChange={(v) => update({ consentNote: v })}
              className="field-wide"
              maxLength={300}
            />
          </div>
          <div className="buttons">
            <button type="submit" className="primary" disabled={locked || busy}>
              {proposalsContactTexts.save}
            </button>
            {contact ? (
              <button type="button" className="danger" disabled={locked || busy} onClick={() => void remove()}>
                {proposalsContactTexts.delete}
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
      {open ? (
        <FeedbackLetter
          proposal={proposal}
          hasContact={stored}
          readOnly={locked}
          unsaved={proposalDirty ? 'proposal' : contactDirty ? 'contact' : null}
          onSent={onFeedbackSent}
        />
      ) : null}
    </details>
  );
}
