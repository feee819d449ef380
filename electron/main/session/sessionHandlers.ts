import { promises as fs } from 'node:fs';
import type { sessionContract } from '@shared/session/sessionContract';
import { de } from '@shared/i18n/de';
import { ServiceError } from '@main/core/errors';
import type { HandlerContext, Handlers } from '@main/core/handlers';
import { warmUpExports } from '@main/export/warmUp';

/** Which register is open, its lock and backups. */
export function sessionHandlers({ session, desktop }: HandlerContext): Handlers<typeof sessionContract> {
  return {
    getSession: () => session.status(),
    completeStart: async () => {
      const done = await session.completeStart();
      warmUpExports(session.samplePath); // the Word/Excel builders load (and Excel writes once) in idle time after the first screen
      return done;
    },
    takeOverLock: () => session.takeOverLock(),
    pollRegister: () => session.poll(),
    savedChanges: () => session.requireOpen().store.takeOwnChanges(),
    restoreBackup: ({ backupPath }) => session.restoreBackup(backupPath),
    retryOpen: ({ createEmpty }) => session.retryOpen(createEmpty),
    openRegister: async ({ mode }) => {
      const chosen = await desktop.pickRegister(mode);
      if (!chosen) return null;
      if (mode === 'new' && (await exists(chosen))) throw new ServiceError('BAD_REQUEST', de.store.existsAlready);
      return session.open(chosen, mode === 'new' ? 'empty' : 'none');
    },
  };
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
