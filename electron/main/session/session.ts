import { randomUUID } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BackupInfo, LockHolder, Session } from '@shared/contract';
import { de } from '@shared/i18n/de';
import { createEmptyRegister } from '@shared/register/newRegister';
import type { RegisterDocument } from '@shared/register/register';
import { checkRegisterIntegrity } from '@shared/register/rules';
import { formatDateTime } from '@shared/core/format';
import { backupDirFor, createBackup, listValidBackups, pruneBackups } from '@main/store/backups';
import { decodeRegister, RegisterFileError } from '@main/store/decode';
import { classifyOpenFailure, fileState, probeWritable, type OpenProblem } from '@main/store/openFailure';
import { restoreFromBackup } from '@main/store/restore';
import { removeStaleTemps } from '@main/store/tempCleanup';
import { describeIoError } from '@main/store/ioErrors';
import { currentIdentity, isStale, lockPathFor, readLock, RegisterLock, type LockInfo } from '@main/store/lock';
import { RegisterStore } from '@main/store/registerStore';
import { ServiceError } from '@main/core/errors';
import { auditEntry } from '@main/audit/audit';
import type { SettingsFile } from '@main/settings/settingsFile';

export interface SessionOptions {
  settings: SettingsFile;
  /** The built-in sample register (resources/sample-register.json). */
  samplePath: string;
  /** Heartbeat interval of the lock; tests shorten it. */
  heartbeatMs?: number;
}

type OpenState = {
  state: 'open';
  store: RegisterStore;
  lock: RegisterLock;
  readOnly: boolean;
  /** German reason when the folder cannot be written; null when read-only is about the lock, or writable. */
  readOnlyReason: string | null;
  lockHolder: LockInfo | null;
  warnings: string[];
};
type ErrorState = { state: 'error'; path: string; message: string; problem: OpenProblem; backups: BackupInfo[] };

/**
 * The register this window works on: which file, whether we hold its lock (else read-only and why), or
 * why it could not be opened. Plain Node; the Electron main process and the test harness both use it.
 */
export class RegisterSession {
  private current: OpenState | ErrorState | null = null;
  private readonly identityBase = currentIdentity(os.userInfo().username);

  constructor(private readonly options: SessionOptions) {}

  get settings(): SettingsFile {
    return this.options.settings;
  }

  /** Name written into the audit trail and the lock: the configured display name, else the OS user. */
  get userName(): string {
    return this.options.settings.value.displayName.trim() || this.identityBase.user;
  }

  /**
   * Opens a register. A missing file is created from the sample only on a first start (a path never used
   * on this computer); a register used before that has gone is reported, never silently re-created.
   * A folder that cannot be written opens the register read-only with the reason.
   */
  async open(storePath: string, create: 'sample' | 'empty' | 'none' = 'sample', heldLock?: RegisterLock): Promise<Session> {
    await this.close();
    const absolute = path.resolve(storePath);
    const lock = heldLock ?? new RegisterLock(lockPathFor(absolute), { ...this.identityBase, user: this.userName, instanceId: randomUUID() });
    try {
      const state = await fileState(absolute);
      if (state === 'missing' && (create === 'none' || (create === 'sample' && this.isKnownPath(absolute)))) {
        this.current = {
          state: 'error',
          path: absolute,
          message: de.store.missing(path.basename(absolute)),
          problem: 'missing',
          backups: await listValidBackups(absolute),
        };
        return this.describe();
      }
      // A read-only share may refuse to create the folder; reading the register there still works.
      await fs.mkdir(path.dirname(absolute), { recursive: true }).catch(() => undefined);
      let readOnlyReason = await probeWritable(absolute);
      if (readOnlyReason && state === 'missing') throw new RegisterFileError(readOnlyReason, 'io');
      if (!readOnlyReason) await removeStaleTemps(absolute).catch(() => []);
      const lockState = readOnlyReason ? null : await lock.acquire();
      let readOnly = readOnlyReason !== null || !lockState?.held;
      const { store, created } = await RegisterStore.open(absolute, {
        readOnly,
        createWith: readOnly || create === 'none' ? undefined : () => this.newDocument(create === 'empty' ? 'empty' : 'sample'),
        onMigrated: (doc, from) => ({
          ...doc,
          audit: [...doc.audit, auditEntry(this.userName, 'register', doc.registerId, doc.name, 'migrate', [{ field: 'schemaVersion', old: from, new: doc.schemaVersion }])],
        }),
      });
      if (!readOnly && !created) {
        // No editing without a fresh backup: if it cannot be written (full disk), the register opens read-only.
        readOnlyReason = await createBackup(absolute, 'start').then(
          () => null,
          (error: unknown) => de.store.backupFailed(describeIoError(error)),
        );
        if (readOnlyReason) {
          readOnly = true;
          await lock.release().catch(() => undefined);
        }
      }
      if (!readOnly) {
        const { backupKeepLast, backupKeepDays } = this.options.settings.value;
        await pruneBackups(absolute, backupKeepLast, backupKeepDays);
        lock.startHeartbeat(() => this.onLockLost(), this.options.heartbeatMs);
      }
      this.current = {
        state: 'open',
        store,
        lock,
        readOnly,
        readOnlyReason: readOnlyReason ? de.store.cannotWrite(readOnlyReason) : null,
        lockHolder: lockState && !lockState.held ? lockState.holder : null,
        warnings: checkRegisterIntegrity(store.doc),
      };
      await this.remember(absolute).catch(() => undefined);
    } catch (error) {
      await lock.release().catch(() => undefined);
      const { problem, text } = classifyOpenFailure(error);
      // Only a file whose content is unusable is offered a backup; an I/O problem is retried, never "repaired".
      const backups = problem === 'damaged' ? await listValidBackups(absolute) : [];
      const offer = problem === 'io' ? de.store.retryHint : backups[0] ? de.store.offerBackup(formatDateTime(backups[0].createdAt)) : de.store.noBackup;
      this.current = { state: 'error', path: absolute, message: `${de.store.openFailed(path.basename(absolute), text)} ${offer}`, problem, backups };
    }
    return this.describe();
  }

  private isKnownPath(file: string): boolean {
    const { lastStorePath, knownStorePaths } = this.options.settings.value;
    return lastStorePath === file || knownStorePaths.includes(file);
  }

  private async remember(file: string): Promise<void> {
    const value = this.options.settings.value;
    const knownStorePaths = [file, ...value.knownStorePaths.filter((p) => p !== file)].slice(0, 50);
    await this.options.settings.save({ ...value, lastStorePath: file, knownStorePaths });
  }

  private newDocument(kind: 'sample' | 'empty'): RegisterDocument {
    const now = new Date().toISOString();
    if (kind === 'empty') return createEmptyRegister(randomUUID(), now, this.sampleDocument()?.orgUnits ?? []);
    const sample = this.sampleDocument();
    if (!sample) return createEmptyRegister(randomUUID(), now);
    // Each register made from the sample gets its own id, so review packages cannot be mixed up later.
    return { ...sample, registerId: randomUUID(), createdAt: now };
  }

  private sampleDocument(): RegisterDocument | null {
    try {
      // Read once at creation; the file ships with the app and is small.
      return decodeRegister(readFileSync(this.options.samplePath, 'utf8')).doc;
    } catch {
      return null;
    }
  }

  private onLockLost(): void {
    if (this.current?.state !== 'open') return;
    this.current.readOnly = true;
    void this.refreshHolder();
    this.current.warnings = [de.store.lockLost, ...this.current.warnings];
  }

  /** Looks (without touching the lock file) who holds the register now; null when it was released. */
  private async refreshHolder(): Promise<void> {
    if (this.current?.state !== 'open' || !this.current.readOnly) return;
    const holder = await readLock(this.current.lock.lockPath).catch(() => undefined);
    if (holder !== undefined) this.current.lockHolder = holder;
  }

  describe(): Session {
    const c = this.current;
    if (!c) return { state: 'error', path: '', message: de.api.noRegister, problem: 'io', backupDir: '', backups: [] };
    if (c.state === 'error') return { state: 'error', path: c.path, message: c.message, problem: c.problem, backupDir: backupDirFor(c.path), backups: c.backups };
    const doc = c.store.doc;
    return {
      state: 'open',
      path: c.store.path,
      registerId: doc.registerId,
      registerName: doc.name,
      isSample: doc.isSample,
      readOnly: c.readOnly,
      readOnlyReason: c.readOnlyReason,
      lockHolder: c.lockHolder ? toHolder(c.lockHolder) : null,
      lastSavedAt: c.store.lastSavedAt,
      user: this.userName,
      warnings: c.warnings,
    };
  }

  /** Fresh session state; a read-only session re-reads who holds the lock and whether it went stale. */
  async status(): Promise<Session> {
    await this.refreshHolder();
    return this.describe();
  }

  /** Takes over a stale lock (after the user confirmed) or a lock that has been released meanwhile. */
  async takeOverLock(): Promise<Session> {
    const c = this.requireOpen();
    if (!c.readOnly) return this.describe();
    const state = await c.lock.takeOver();
    if (!state.held) throw new ServiceError('LOCK', de.store.lockNotStale);
    // Re-open from disk (the other instance may have saved after we read the file), keeping the lock we now hold.
    return this.open(c.store.path, 'none', c.lock);
  }

  /**
   * Replaces a damaged (or missing) register with one of its backups, after the user confirmed. The
   * current file is first copied into the backup folder as `…_beschaedigt.json` (under the backup
   * retention), then the backup is written over it via temp + rename (store/restore.ts).
   */
  async restoreBackup(backupPath: string): Promise<Session> {
    const c = this.current;
    if (c?.state !== 'error') throw new ServiceError('BAD_REQUEST', de.api.badRequest);
    if (c.problem === 'io') throw new ServiceError('BAD_REQUEST', de.store.restoreNotOffered);
    const resolved = path.resolve(backupPath);
    if (path.dirname(resolved) !== backupDirFor(c.path)) throw new ServiceError('BAD_REQUEST', de.api.badRequest);
    try {
      await restoreFromBackup(c.path, resolved);
    } catch (error) {
      const reason = error instanceof RegisterFileError ? error.problem : describeIoError(error);
      throw new ServiceError('WRITE_FAILED', de.store.restoreFailed(reason));
    }
    return this.open(c.path, 'none');
  }

  /** Opens the current path again; `createEmpty` only for a missing register, after the user chose it. */
  async retryOpen(createEmpty: boolean): Promise<Session> {
    const c = this.current;
    if (!c) throw new ServiceError('NO_REGISTER', de.api.noRegister);
    const file = c.state === 'error' ? c.path : c.store.path;
    if (createEmpty && !(c.state === 'error' && c.problem === 'missing')) throw new ServiceError('BAD_REQUEST', de.store.createNotOffered);
    return this.open(file, createEmpty ? 'empty' : 'none');
  }

  requireOpen(): OpenState {
    if (this.current?.state !== 'open') throw new ServiceError('NO_REGISTER', de.api.noRegister);
    return this.current;
  }

  /** The store, if this session may write; otherwise a READ_ONLY refusal. */
  writableStore(): RegisterStore {
    const c = this.requireOpen();
    if (c.readOnly) throw new ServiceError('READ_ONLY', de.store.readOnly);
    return c.store;
  }

  /** Records in the audit trail that an export included personal data (DOMAIN.md §7). */
  async recordPersonalDataExport(fileName: string): Promise<void> {
    const store = this.writableStore();
    await store.commit((doc) => ({
      ...doc,
      audit: [...doc.audit, auditEntry(this.userName, 'register', doc.registerId, doc.name, 'export', [{ field: 'personalDataExport', old: null, new: fileName }])],
    }));
  }

  async close(): Promise<void> {
    const c = this.current;
    this.current = null;
    if (c?.state !== 'open') return;
    await c.store.flush();
    if (!c.readOnly) await c.lock.release().catch(() => undefined);
    c.lock.stopHeartbeat();
  }
}

function toHolder(info: LockInfo): LockHolder {
  return { user: info.user, host: info.host, pid: info.pid, since: info.since, heartbeatAt: info.heartbeatAt, stale: isStale(info) };
}
