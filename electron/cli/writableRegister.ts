import os from 'node:os';
import { formatDateTime } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { auditEntry } from '@main/audit/audit';
import { RegisterFileError } from '@main/store/decode';
import { currentIdentity, lockPathFor, RegisterLock } from '@main/store/lock';
import { RegisterStore, WriteFailedError } from '@main/store/registerStore';
import { CliFailure, writeLines, type CliIo } from './command';

/**
 * Writing to a register from the command line, the way the app does: under the register's lock (a live
 * lock of the app or another CLI is a refusal, a stale one is taken over with a note), opened with the
 * store's durable write, a migration of an older format recorded in the audit trail. Used by `import`,
 * `review` and the exports that record a personal-data choice.
 */
export interface LockMessages {
  locked: (user: string, host: string, since: string) => string;
  staleLockTaken: (user: string, host: string) => string;
  /** Added to a failed write's message. */
  nothingWritten?: string;
}

/** The name in the audit trail and the lock: the operating-system user. */
export function userName(): string {
  try {
    return os.userInfo().username || 'unbekannt';
  } catch {
    return 'unbekannt';
  }
}

export async function lockRegister(storePath: string, io: CliIo, messages: LockMessages): Promise<RegisterLock> {
  const lock = new RegisterLock(lockPathFor(storePath), currentIdentity(userName()));
  let state = await lock.acquire();
  if (!state.held && state.stale) {
    const holder = state.holder;
    state = await lock.takeOver();
    if (state.held) writeLines(io.err, [messages.staleLockTaken(holder.user, holder.host)]);
  }
  if (!state.held) throw new CliFailure([messages.locked(state.holder.user, state.holder.host, formatDateTime(state.holder.since))]);
  return lock;
}

/** Opens the register for writing (call it while holding the lock). */
export async function openWritable(storePath: string, messages: LockMessages): Promise<RegisterStore> {
  try {
    const { store } = await RegisterStore.open(storePath, {
      onMigrated: (doc, from) => ({
        ...doc,
        audit: [...doc.audit, auditEntry(userName(), 'register', doc.registerId, doc.name, 'migrate', [{ field: 'schemaVersion', old: from, new: doc.schemaVersion }])],
      }),
    });
    return store;
  } catch (error) {
    if (error instanceof RegisterFileError) throw new CliFailure([de.store.openFailed(storePath, error.problem)]);
    if (error instanceof WriteFailedError) throw new CliFailure([error.message, ...(messages.nothingWritten ? [messages.nothingWritten] : [])]);
    throw error;
  }
}

/** Runs `change` on the register under its lock; the lock is released whatever happens. */
export async function withWritableRegister<T>(storePath: string, io: CliIo, messages: LockMessages, change: (store: RegisterStore) => Promise<T>): Promise<T> {
  const lock = await lockRegister(storePath, io, messages);
  try {
    const store = await openWritable(storePath, messages);
    try {
      return await change(store);
    } catch (error) {
      if (error instanceof WriteFailedError && messages.nothingWritten) throw new CliFailure([error.message, messages.nothingWritten]);
      throw error;
    }
  } finally {
    await lock.release();
  }
}
