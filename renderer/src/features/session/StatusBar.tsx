import type { Session } from '@shared/contract';
import { de } from '@shared/i18n/de';
import { formatTime } from '@shared/core/format';
import { useApp } from '../../appState';

type OpenSession = Extract<Session, { state: 'open' }>;

/** Always tells where the register is, whether the last change is on disk, and sample vs. real data. */
export function StatusBar({ session }: { session: OpenSession }) {
  const { saveState } = useApp();
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
      saveText = de.ui.noChangesYet;
  }
  return (
    <footer className="status-bar">
      <span className="save-state" data-state={saveState.kind} role="status" aria-live="polite">
        {saveText}
      </span>
      <span>
        {de.ui.registerFile}: <span className="path">{session.path}</span>
      </span>
      <span>{session.isSample ? de.ui.sampleBadge : de.ui.realData}</span>
      <span>{session.user}</span>
    </footer>
  );
}
