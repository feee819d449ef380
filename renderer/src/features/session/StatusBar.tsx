import type { Session } from '@shared/contract';
import { de } from '@shared/i18n/de';
import { formatTime } from '@shared/core/format';
import { useApp } from '../../appState';
import { multiUser } from '@shared/session/multiUserTexts';
import { PresenceButton } from './PresencePanel';

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
  const others = session.lastChange && !session.lastChange.own ? session.lastChange : null;
  return (
    <footer className="status-bar">
      {/* Visible, but no live region: the one confirmation (ui/SaveConfirmation.tsx) announces a save, and a
          failed save is told at its form, so a screen reader hears one message per save. */}
      <span className="save-state" data-state={saveState.kind}>
        {saveText}
      </span>
      {others ? (
        <span className="changed-by" role="status" aria-live="polite">
          {multiUser.changedBy(others.user, formatTime(others.at))}
        </span>
      ) : null}
      <PresenceButton presence={session.presence} />
      <span>
        {de.ui.registerFile}: <span className="path">{session.path}</span>
      </span>
      <span>{session.isSample ? de.ui.sampleBadge : de.ui.realData}</span>
      <span className="user">
        {de.ui.settings.workingAs} {de.ui.settings.withOffice(session.user, session.office)}
      </span>
    </footer>
  );
}
