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
import { writeFileDurable } from '@main/store/durableWrite';
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
  lockHolder: LockInfo | null;
  warnings: string[];
};
type ErrorState = { state: 'error'; path: string; message: string; backups: BackupInfo[] };

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

  /** Opens a register; a missing file is created from the sample register (first start). */
  async open(storePath: string, create: 'sample' | 'empty' | 'none' = 'sample', heldLock?: RegisterLock): Promise<Session> {
    await this.close();
    const absolute = path.resolve(storePath);
    const lock = heldLock ?? new RegisterLock(lockPathFor(absolute), { ...this.identityBase, user: this.userName, instanceId: randomUUID() });
    try {
      await fs.mkdir(path.dirname(absolute), { recursive: true });
      const lockState = await lock.acquire();
      const readOnly = !lockState.held;
      const { store, created } = await RegisterStore.open(absolute, {
        readOnly,
        createWith: readOnly || create === 'none' ? undefined : () => this.newDocument(create),
        onMigrated: (doc, from) => ({
          ...doc,
          audit: [...doc.audit, auditEntry(this.userName, 'register', doc.registerId, doc.name, 'migrate', [{ field: 'schemaVersion', old: from, new: doc.schemaVersion }])],
        }),
      });
      if (!readOnly) {
        if (!created) await createBackup(absolute, 'start');
        const { backupKeepLast, backupKeepDays } = this.options.settings.value;
        await pruneBackups(absolute, backupKeepLast, backupKeepDays);
        lock.startHeartbeat(() => this.onLockLost(), this.options.heartbeatMs);
      }
      this.current = {
        state: 'open',
        store,
        lock,
        readOnly,
        lockHolder: lockState.held ? null : lockState.holder,
        warnings: checkRegisterIntegrity(store.doc),
      };
      await this.options.settings.save({ ...this.options.settings.value, lastStorePath: absolute }).catch(() => undefined);
    } catch (error) {
      await lock.release().catch(() => undefined);
      const problem = error instanceof RegisterFileError ? error.problem : describeIoError(error);
      const backups = await listValidBackups(absolute);
      const offer = backups[0] ? de.store.offerBackup(formatDateTime(backups[0].createdAt)) : de.store.noBackup;
      this.current = { state: 'error', path: absolute, message: `${de.store.openFailed(path.basename(absolute), problem)} ${offer}`, backups };
    }
    return this.describe();
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
    if (!c) return { state: 'error', path: '', message: de.api.noRegister, backups: [] };
    if (c.state === 'error') return { state: 'error', path: c.path, message: c.message, backups: c.backups };
    const doc = c.store.doc;
    return {
      state: 'open',
      path: c.store.path,
      registerId: doc.registerId,
      registerName: doc.name,
      isSample: doc.isSample,
      readOnly: c.readOnly,
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
   * Replaces a damaged register with one of its backups. The damaged file is kept beside it as
   * `<name>.beschaedigt-<time>.json`, never deleted.
   */
  async restoreBackup(backupPath: string): Promise<Session> {
    const c = this.current;
    if (c?.state !== 'error') throw new ServiceError('BAD_REQUEST', de.api.badRequest);
    const resolved = path.resolve(backupPath);
    if (path.dirname(resolved) !== backupDirFor(c.path)) throw new ServiceError('BAD_REQUEST', de.api.badRequest);
    const text = await fs.readFile(resolved, 'utf8');
    decodeRegister(text);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const { dir, name } = path.parse(c.path);
    await fs.rename(c.path, path.join(dir, `${name}.beschaedigt-${stamp}.json`)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await writeFileDurable(c.path, text);
    return this.open(c.path, 'none');
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
