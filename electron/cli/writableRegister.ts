import { promises as fs } from 'node:fs';
import { formatDateTime } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { auditEntry } from '@main/audit/audit';
import { RegisterFileError } from '@main/store/decode';
import { isStale, lockPathFor, readLock } from '@main/store/lock';
import { RegisterStore, WriteFailedError } from '@main/store/registerStore';
import { CliFailure, writeLines, type CommandContext, type CliIo } from './command';
import { cliUserName } from './cliUser';

/**
 * Writing to a register from the command line, the way the app does: through the store's short write lock
 * and journal, also while the app is open elsewhere (a stale write lock is taken over with a note), a
 * migration of an older format recorded in the audit trail. Used by `import`,
 * `review` and the exports that record a personal-data choice.
 */
export interface LockMessages {
  locked: (user: string, host: string, since: string) => string;
  staleLockTaken: (user: string, host: string) => string;
  /** Added to a failed write's message. */
  nothingWritten?: string;
}

/**
 * Refuses while an older program holds its session lock (it would not see changes written by the
 * journal). The app itself no longer blocks the CLI: both write through short write locks.
 */
export async function refuseLegacyLock(storePath: string, messages: LockMessages, io?: CliIo): Promise<void> {
  const holder = await readLock(lockPathFor(storePath)).catch(() => null);
  if (!holder) return;
  if (!isStale(holder)) throw new CliFailure([messages.locked(holder.user, holder.host, formatDateTime(holder.since))]);
  // A stale session lock of an older program: removed with a note, as before.
  await fs.rm(lockPathFor(storePath), { force: true });
  if (io) writeLines(io.err, [messages.staleLockTaken(holder.user, holder.host)]);
}

/** Opens the register for writing; every commit takes the short write lock (docs/multi-user.md). */
export async function openWritable(storePath: string, messages: LockMessages, user: string, io?: CliIo): Promise<RegisterStore> {
  try {
    const { store } = await RegisterStore.open(storePath, {
      owner: { user },
      lock: {
        onTakeover: (stale) => {
          if (stale && io) writeLines(io.err, [messages.staleLockTaken(stale.user, stale.host)]);
        },
      },
      onMigrated: (doc, from) => ({
        ...doc,
        audit: [
          ...doc.audit,
          auditEntry(user, 'register', doc.registerId, doc.name, 'migrate', [
            { field: 'schemaVersion', old: from, new: doc.schemaVersion },
          ]),
        ],
      }),
    });
    return store;
  } catch (error) {
    if (error instanceof RegisterFileError) throw new CliFailure([de.store.openFailed(storePath, error.problem)]);
    if (error instanceof WriteFailedError)
      throw new CliFailure([error.message, ...(messages.nothingWritten ? [messages.nothingWritten] : [])]);
    throw error;
  }
}

/**
 * Runs `change` on the register; each of its commits is one short locked write, like the app's. `change`
 * gets the name to write into the audit trail (cliUser.ts), which also stands in the lock.
 */
export async function withWritableRegister<T>(
  ctx: CommandContext,
  storePath: string,
  messages: LockMessages,
  change: (store: RegisterStore, user: string) => Promise<T>,
): Promise<T> {
  const { io } = ctx;
  await refuseLegacyLock(storePath, messages, io);
  const user = await cliUserName(ctx);
  const store = await openWritable(storePath, messages, user, io);
  try {
    return await change(store, user);
  } catch (error) {
    if (error instanceof WriteFailedError && messages.nothingWritten) throw new CliFailure([error.message, messages.nothingWritten]);
    throw error;
  } finally {
    await store.flush();
  }
}
