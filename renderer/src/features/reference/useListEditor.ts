import { useState } from 'react';
import { ApiCallError, errorMessage } from '../../api';
import { useApp } from '../../appState';

export type ListMessage = { kind: 'success' | 'error'; text: string } | null;

/** The keys of a draft whose value is text (the ones a TextField, TextArea or DateField edits). */
type TextKey<D> = { [K in keyof D]: D[K] extends string ? K : never }[keyof D] & string;

/**
 * The inline add/edit form of the reference lists (Handlungsfelder, Organisationseinheiten, Gremien):
 * one draft at a time, field problems from the service, an error notice, delete after confirmation
 * (or, for an entry in use, the reason at once instead of the question).
 */
export function useListEditor<D>(focusId: string) {
  const { save, confirm } = useApp();
  const [draft, setDraft] = useState<D | null>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<ListMessage>(null);

  const start = (next: D) => {
    setDraft(next);
    setProblems({});
    setMessage(null);
    setTimeout(() => document.getElementById(focusId)?.focus(), 0);
  };
  const close = () => {
    setDraft(null);
    setProblems({});
  };
  // The confirmation of a save is the app's one confirmation (ui/SaveConfirmation.tsx); errors stay here.
  const submit = async (job: () => Promise<{ savedAt: string }>, successText: string) => {
    setMessage(null);
    try {
      await save(job, { text: () => successText });
      close();
    } catch (e) {
      if (e instanceof ApiCallError && e.error.fields)
        setProblems(Object.fromEntries(e.error.fields.map((p) => [p.field.replace(/^(fields|settings)\./, ''), p.message])));
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };
  /** With a `refusal` (the entry is in use) that reason is shown at once, and nobody is asked to confirm. */
  const remove = async (
    question: { title: string; text: string },
    job: () => Promise<{ savedAt: string }>,
    successText: string,
    refusal: string | null = null,
  ) => {
    if (refusal) return setMessage({ kind: 'error', text: refusal });
    setMessage(null);
    if (!(await confirm({ ...question, confirmLabel: question.title }))) return;
    try {
      await save(job, { text: () => successText });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };
  /**
   * Value, problem and change handler of one text field of the draft, spread into the field:
   * `<TextField id="af-name" label=… {...draftField('name')} />`. The problem is the service's for that key.
   */
  const draftField = <K extends TextKey<D>>(key: K) => ({
    value: draft ? (draft[key] as string) : '',
    error: problems[key],
    onChange: (value: string) => setDraft((current) => (current ? { ...current, [key]: value } : current)),
  });
  return { draft, setDraft, problems, setProblems, message, start, close, submit, remove, draftField };
}
