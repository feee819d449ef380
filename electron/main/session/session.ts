import { randomUUID } from 'node:crypto';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BackupInfo, LockHolder, PresenceInfo, RegisterPoll, Session } from '@shared/contract';
import { de } from '@shared/i18n/de';
import { createEmptyRegister } from '@shared/register/newRegister';
import type { RegisterDocument } from '@shared/register/register';
import { checkRegisterIntegrity } from '@shared/register/rules';
import { formatDateTime } from '@shared/core/format';
import { multiUser } from '@shared/session/multiUserTexts';
import { APP_VERSION } from '@main/appInfo';
import { backupDirFor, createBackup, listBackups, listValidBackups, pruneBackups } from '@main/store/backups';
import { decodeRegister, RegisterFileError } from '@main/store/decode';
import { writeFileDurable } from '@main/store/durableWrite';
import { describeIoError } from '@main/store/ioErrors';
import { currentIdentity, isStale, lockPathFor, readLock, type LockInfo } from '@main/store/lock';
import { journalPathFor } from '@main/store/journal';
import { Presence } from '@main/store/presence';
import { WriteLockBusyError, type WriteLockOptions } from '@main/store/writeLock';
import { RegisterStore, type OpenOptions } from '@main/store/registerStore';
import { ServiceError } from '@main/core/errors';
import { auditEntry } from '@main/audit/audit';
import type { SettingsFile } from '@main/settings/settingsFile';

export interface SessionOptions {
  settings: SettingsFile;
  /** The built-in sample register (resources/sample-register.json). */
  samplePath: string;
  /** Presence heartbeat interval; tests shorten it. */
  heartbeatMs?: number;
  /** Write-lock timing; tests shorten it. */
  writeLock?: WriteLockOptions;
  /** Journal and compaction thresholds; tests and the bench set them. */
  storeOptions?: Pick<OpenOptions, 'journalFromBytes' | 'compactAfterBytes' | 'compactAfterEntries'>;
}

type OpenState = {
  state: 'open';
  store: RegisterStore;
  presence: Presence;
  readOnly: boolean;
  /** Why read-only (German), null when writable. */
  readOnlyReason: string | null;
  /** An older program's session lock (the reason for read-only), or null. */
  lockHolder: LockInfo | null;
  warnings: string[];
};
type ErrorState = { state: 'error'; path: string; message: string; backups: BackupInfo[] };

/**
 * The register this window works on: which file, whether it may write (several instances write the same
 * register through short write locks, docs/multi-user.md), who else works on it, or why it could not be
 * opened. Plain Node; the Electron main process and the test harness both use it.
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
   * Opens a register; a missing file is created from the sample register (first start). `readOnly`: the
   * user chose to only read.
   */
  async open(storePath: string, create: 'sample' | 'empty' | 'none' = 'sample', readOnlyChosen = false): Promise<Session> {
    await this.close();
    const absolute = path.resolve(storePath);
    const instanceId = randomUUID();
    const presence = new Presence(absolute, { instanceId, user: this.userName, host: os.hostname(), pid: process.pid, since: new Date().toISOString(), app: APP_VERSION }, this.options.heartbeatMs);
    try {
      await fs.mkdir(path.dirname(absolute), { recursive: true });
      // An older program holds the register with its session lock: it would not see our journal.
      const legacy = await readLock(lockPathFor(absolute)).catch(() => null);
      const legacyLive = legacy !== null && !isStale(legacy);
      let readOnlyReason: string | null = legacyLive ? multiUser.legacyLock(legacy.user, legacy.host) : readOnlyChosen ? multiUser.readOnlyChosen : null;
      await presence.start();
      const { store, created, migratedFrom } = await RegisterStore.open(absolute, {
        readOnly: readOnlyReason !== null,
        createWith: readOnlyReason !== null || create === 'none' ? undefined : () => this.newDocument(create),
        owner: { user: this.userName, host: os.hostname(), pid: process.pid, instanceId },
        lock: this.options.writeLock,
        ...this.options.storeOptions,
        aloneForMigration: () => presence.alone(),
        onMigrated: (doc, from) => ({
          ...doc,
          audit: [...doc.audit, auditEntry(this.userName, 'register', doc.registerId, doc.name, 'migrate', [{ field: 'schemaVersion', old: from, new: doc.schemaVersion }])],
        }),
      });
      if (readOnlyReason === null && migratedFrom !== null && store.lastSavedAt === null) readOnlyReason = multiUser.migrationWaits;
      if (readOnlyReason === null && store.newerWriter) readOnlyReason = multiUser.journalNewer;
      if (readOnlyReason === null && !created) await this.dailyBackup(store);
      this.current = {
        state: 'open',
        store,
        presence,
        readOnly: readOnlyReason !== null,
        readOnlyReason,
        lockHolder: legacyLive ? legacy : null,
        warnings: [...(store.fileNote ? [store.fileNote] : []), ...checkRegisterIntegrity(store.doc)],
      };
      await this.options.settings.save({ ...this.options.settings.value, lastStorePath: absolute }).catch(() => undefined);
    } catch (error) {
      await presence.stop();
      const problem = error instanceof RegisterFileError ? error.problem : error instanceof WriteLockBusyError ? error.message : describeIoError(error);
      const backups = await listValidBackups(absolute);
      const offer = backups[0] ? de.store.offerBackup(formatDateTime(backups[0].createdAt)) : de.store.noBackup;
      this.current = { state: 'error', path: absolute, message: `${de.store.openFailed(path.basename(absolute), problem)} ${offer}`, backups };
    }
    return this.describe();
  }

  /**
   * The backup of the day is taken by whoever opens the register first that day (UTC day, as the
   * retention counts). The journal is folded into the snapshot first, so the backup is one complete file.
   */
  private async dailyBackup(store: RegisterStore): Promise<void> {
    const today = new Date().toISOString().slice(0, 10);
    const taken = (await listBackups(store.path)).some((b) => b.reason === 'start' && b.createdAt.slice(0, 10) === today);
    if (taken) return;
    await store.compactNow();
    await createBackup(store.path, 'start');
    const { backupKeepLast, backupKeepDays } = this.options.settings.value;
    await pruneBackups(store.path, backupKeepLast, backupKeepDays);
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

  /** Looks (without touching it) whether the older program's session lock is still there. */
  private async refreshHolder(): Promise<void> {
    const c = this.current;
    if (c?.state !== 'open' || !c.lockHolder) return;
    const holder = await readLock(lockPathFor(c.store.path)).catch(() => undefined);
    if (holder !== undefined) c.lockHolder = holder;
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
      readOnlyReason: c.readOnlyReason,
      lastSavedAt: c.store.lastSavedAt,
      revision: c.store.revision,
      lastChange: c.store.lastChange ? { user: c.store.lastChange.user, host: c.store.lastChange.host, at: c.store.lastChange.at, own: c.store.lastChange.own } : null,
      presence: this.presenceList,
      user: this.userName,
      warnings: c.warnings,
    };
  }

  private presenceList: PresenceInfo[] = [];

  /** Fresh session state: who else works on the register, and whether an older program's lock is gone. */
  async status(): Promise<Session> {
    await this.refreshHolder();
    await this.refreshPresence();
    return this.describe();
  }

  private async refreshPresence(): Promise<void> {
    const c = this.current;
    if (c?.state !== 'open') return;
    const self = c.presence.self.instanceId;
    this.presenceList = (await c.presence.list()).map((e) => ({ user: e.user, host: e.host, since: e.since, self: e.instanceId === self }));
  }

  /**
   * Follows other instances' changes (the renderer asks every few seconds): reads what they appended to the
   * journal and says which records changed, so lists and open records can be refreshed in place.
   */
  async poll(): Promise<RegisterPoll> {
    const c = this.requireOpen();
    let change: Awaited<ReturnType<RegisterStore['refresh']>> = null;
    try {
      change = await c.store.refresh();
    } catch (error) {
      // The share is gone or the file was moved: keep showing what we have and say so.
      const note = error instanceof RegisterFileError ? error.problem : describeIoError(error);
      c.warnings = [note, ...c.warnings.filter((w) => w !== note)];
    }
    if (change?.replaced || c.store.fileNote) {
      const note = c.store.fileNote;
      if (note && !c.warnings.includes(note)) c.warnings = [note, ...c.warnings];
    }
    if (c.store.newerWriter && !c.readOnly) {
      c.readOnly = true;
      c.readOnlyReason = multiUser.journalNewer;
    }
    const session = await this.status();
    return { session, changed: change ? (change.reloaded ? null : change.changed) : {}, reloaded: change?.reloaded ?? false };
  }

  /** Once the older program closed the register (or its lock went stale), this window may write. */
  async takeOverLock(): Promise<Session> {
    const c = this.requireOpen();
    if (!c.readOnly) return this.describe();
    const legacy = await readLock(lockPathFor(c.store.path)).catch(() => null);
    if (legacy && !isStale(legacy)) throw new ServiceError('LOCK', de.store.lockNotStale);
    if (legacy) await fs.rm(lockPathFor(c.store.path), { force: true });
    return this.open(c.store.path, 'none');
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
    // The journal continued the damaged snapshot, not the backup: keep it aside, never replay it on the backup.
    await fs.rename(journalPathFor(c.path), `${journalPathFor(c.path)}.beiseite-${stamp}`).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    return this.open(c.path, 'none');
  }

  requireOpen(): OpenState {
    if (this.current?.state !== 'open') throw new ServiceError('NO_REGISTER', de.api.noRegister);
    return this.current;
  }

  /** The store, if this session may write; otherwise a READ_ONLY refusal. */
  writableStore(): RegisterStore {
    const c = this.requireOpen();
    if (c.readOnly || c.store.newerWriter) throw new ServiceError('READ_ONLY', c.readOnlyReason ? `${de.store.readOnly} ${c.readOnlyReason}` : de.store.readOnly);
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
    this.presenceList = [];
    if (c?.state !== 'open') return;
    await c.store.flush();
    await c.presence.stop();
  }
}

function toHolder(info: LockInfo): LockHolder {
  return { user: info.user, host: info.host, pid: info.pid, since: info.since, heartbeatAt: info.heartbeatAt, stale: isStale(info) };
}
