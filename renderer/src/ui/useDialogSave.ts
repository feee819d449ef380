import { useRef, useState } from 'react';
import { ApiCallError, errorMessage } from '../api';

interface Problem {
  field: string;
  message: string;
}

/**
 * The save of a small edit dialog (FormDialog): the dialog's own rules first (at the fields), "nothing
 * changed" goes back to the page as its message, otherwise one save — main's field errors land at the
 * fields, any other error above them, and the dialog stays open with the input.
 */
export function useDialogSave() {
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // What the page confirms once the dialog has closed (null: cancelled).
  const message = useRef<string | null>(null);

  const run = async <T>(
    close: () => void,
    step: { problems: Problem[]; unchanged: boolean; unchangedText: string; job: () => Promise<T>; onSaved: (saved: T) => void },
  ) => {
    setProblems(Object.fromEntries(step.problems.map((p) => [p.field, p.message])));
    if (step.problems.length > 0) return;
    if (step.unchanged) {
      message.current = step.unchangedText;
      return close();
    }
    setBusy(true);
    try {
      step.onSaved(await step.job());
      close();
    } catch (e) {
      if (e instanceof ApiCallError && e.error.fields)
        setProblems(Object.fromEntries(e.error.fields.map((p) => [p.field.replace(/^fields\./, ''), p.message])));
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { problems, error, busy, message, run };
}
