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
import { backupCopyOf, backupDirFor, createBackup, listBackups, listValidBackups, pruneBackups } from '@main/store/backups';
import { decodeRegister, RegisterFileError } from '@main/store/decode';
import { classifyOpenFailure, fileState, probeWritable, type OpenProblem } from '@main/store/openFailure';
import { restoreFromBackup } from '@main/store/restore';
import { removeStaleTemps } from '@main/store/tempCleanup';
import { describeIoError } from '@main/store/ioErrors';
import { isStale, lockPathFor, readLock, type LockInfo } from '@main/store/lock';
import { Presence } from '@main/store/presence';
import { WriteLockBusyError, type WriteLockOptions } from '@main/store/writeLock';
import { RegisterStore, type OpenOptions } from '@main/store/registerStore';
import { MeasureSearch } from '@main/register/measureSearch';
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
  /** Full-text search over the measures (index kept in step with the document). */
  search: MeasureSearch;
  /** The second step of the start: the day's backup and the integrity check (runs once; writes wait for it). */
  finishStart: () => Promise<void>;
};
type ErrorState = { state: 'error'; path: string; message: string; problem: OpenProblem; backups: BackupInfo[] };

/**
 * The register this window works on: which file, whether it may write (several instances write the same
 * register through short write locks, docs/multi-user.md), who else works on it, or why it could not be
 * opened. Plain Node; the Electron main process and the test harness both use it.
 */
export class RegisterSession {
  private current: OpenState | ErrorState | null = null;

  constructor(private readonly options: SessionOptions) {}

  get settings(): SettingsFile {
    return this.options.settings;
  }

  /**
   * Name written into the audit trail, documents, review packages and the lock: the display name asked at
   * first start. Never the login ("root", "mmustermann"): without a name the trail says so.
   */
  get userName(): string {
    return this.options.settings.value.displayName.trim() || de.ui.settings.noName;
  }

  /** The built-in sample register (the export warm-up writes a workbook of it, export/warmExcel.ts). */
  get samplePath(): string {
    return this.options.samplePath;
  }

  /** Name with office, where a document or package introduces the person ("Erika Mustermann (FB 32)"). */
  get signature(): string {
    return de.ui.settings.withOffice(this.userName, this.options.settings.value.office).slice(0, 120);
  }

  /**
   * Opens a register. A missing file is created from the sample only on a first start (a path never used
   * on this computer); a register used before that has gone is reported, never silently re-created.
   * A folder that cannot be written opens the register read-only with the reason; so does `readOnlyChosen`
   * (the user chose to only read).
   */
  async open(
    storePath: string,
    create: 'sample' | 'empty' | 'none' = 'sample',
    readOnlyChosen = false,
    deferChecks = false,
  ): Promise<Session> {
    const opening = this.openNow(storePath, create, readOnlyChosen, deferChecks);
    this.opening = opening.then(
      () => undefined,
      () => undefined,
    );
    return opening;
  }

  private opening: Promise<void> = Promise.resolve();

  /** Resolves once the register being opened is open (or failed to open): calls from the UI wait for it. */
  settled(): Promise<void> {
    return this.opening;
  }

  /**
   * The second step of a start opened with `deferChecks` (the UI calls it once the first screen stands):
   * the search index (building since the open) is awaited, then the day's backup and the integrity check. Idempotent;
   * returns the session with the check's warnings (or read-only with the reason, if the backup failed).
   */
  async completeStart(): Promise<Session> {
    const c = this.current;
    if (c?.state === 'open') await c.finishStart();
    return this.describe();
  }

  private async finishStart(state: OpenState, backup: boolean, deferred: boolean): Promise<void> {
    // In the app (deferred) the index is being built since the register was read, in chunks that yield
    // (IPC answers keep flowing): the backup and the export warm-up (which follows this step) wait for it,
    // so the first keystroke never queues behind them. A search arriving earlier waits for the index only.
    if (deferred) await state.search.sync();
    if (backup) {
      // No editing without the day's backup: if it cannot be written (full disk), the register turns read-only.
      const failure = await this.dailyBackup(state.store).then(
        () => null,
        (error: unknown) =>
          de.store.cannotWrite(de.store.backupFailed(error instanceof WriteLockBusyError ? error.message : describeIoError(error))),
      );
      if (failure !== null && !state.readOnly) {
        state.readOnly = true;
        state.readOnlyReason = failure;
      }
    }
    state.warnings = [...state.warnings, ...checkRegisterIntegrity(state.store.doc)];
    // Without a first screen to wait for (command line, tests) the index is built in idle time afterwards.
    if (!deferred) state.search.schedule();
  }

  /**
   * Opens a register (first step: read, parse, validate). With `deferChecks` the day's backup and the
   * integrity check wait for `completeStart` — or for the first write, which never runs before them.
   */
  private async openNow(
    storePath: string,
    create: 'sample' | 'empty' | 'none',
    readOnlyChosen: boolean,
    deferChecks: boolean,
  ): Promise<Session> {
    await this.close();
    const absolute = path.resolve(storePath);
    const instanceId = randomUUID();
    const presence = new Presence(
      absolute,
      { instanceId, user: this.userName, host: os.hostname(), pid: process.pid, since: new Date().toISOString(), app: APP_VERSION },
      this.options.heartbeatMs,
    );
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
      const unwritable = await probeWritable(absolute);
      if (unwritable && state === 'missing') throw new RegisterFileError(unwritable, 'io');
      // Temp copies of writers that are gone; the journal, write lock and presence files have other names.
      if (!unwritable) await removeStaleTemps(absolute).catch(() => []);
      // An older program holds the register with its session lock: it would not see our journal.
      const legacy = await readLock(lockPathFor(absolute)).catch(() => null);
      const legacyLive = legacy !== null && !isStale(legacy);
      const backupCopy = backupCopyOf(absolute);
      let readOnlyReason: string | null = unwritable
        ? de.store.cannotWrite(unwritable)
        : backupCopy
          ? multiUser.backupCopy(backupCopy.registerName, formatDateTime(backupCopy.takenAt.toISOString()))
          : legacyLive
            ? multiUser.legacyLock(legacy.user, legacy.host)
            : readOnlyChosen
              ? multiUser.readOnlyChosen
              : null;
      await presence.start();
      const { store, created, migratedFrom } = await RegisterStore.open(absolute, {
        readOnly: readOnlyReason !== null,
        createWith:
          readOnlyReason !== null || create === 'none' ? undefined : () => this.newDocument(create === 'empty' ? 'empty' : 'sample'),
        owner: { user: this.userName, host: os.hostname(), pid: process.pid, instanceId },
        lock: this.options.writeLock,
        ...this.options.storeOptions,
        aloneForMigration: () => presence.alone(),
        onMigrated: (doc, from) => ({
          ...doc,
          audit: [
            ...doc.audit,
            auditEntry(this.userName, 'register', doc.registerId, doc.name, 'migrate', [
              { field: 'schemaVersion', old: from, new: doc.schemaVersion },
            ]),
          ],
        }),
      });
      if (readOnlyReason === null && migratedFrom !== null && store.lastSavedAt === null) readOnlyReason = multiUser.migrationWaits;
      if (readOnlyReason === null && store.newerWriter) readOnlyReason = multiUser.journalNewer;
      const needsBackup = readOnlyReason === null && !created;
      store.takeOwnChanges(); // a migration's commit: the window loads everything after opening anyway
      const search = new MeasureSearch(() => store.doc);
      const opened: OpenState = {
        state: 'open',
        store,
        presence,
        readOnly: readOnlyReason !== null,
        readOnlyReason,
        lockHolder: legacyLive ? legacy : null,
        warnings: store.fileNote ? [store.fileNote] : [],
        search,
        finishStart: once(() => this.finishStart(opened, needsBackup, deferChecks)),
      };
      // Writes wait for the second step; a failed backup turns them into a READ_ONLY refusal.
      store.holdWritesUntil(async () => {
        await opened.finishStart();
        if (opened.readOnly) throw readOnlyError(opened.readOnlyReason);
      });
      // The index follows every new state in idle time (own saves, others' changes), never on a keystroke.
      store.onChange(() => search.schedule());
      this.current = opened;
      // Two-step start: the search index is built from now on, between the first screen's calls, so it is
      // ready by the first keystroke.
      if (deferChecks) search.schedule();
      if (!deferChecks) await opened.finishStart();
      await this.remember(absolute).catch(() => undefined);
    } catch (error) {
      await presence.stop();
      const { problem, text } =
        error instanceof WriteLockBusyError ? { problem: 'io' as const, text: error.message } : classifyOpenFailure(error);
      // Only a file whose content is unusable is offered a backup; an I/O problem is retried, never "repaired".
      const backups = problem === 'damaged' ? await listValidBackups(absolute) : [];
      const offer =
        problem === 'io' ? de.store.retryHint : backups[0] ? de.store.offerBackup(formatDateTime(backups[0].createdAt)) : de.store.noBackup;
      this.current = {
        state: 'error',
        path: absolute,
        message: `${de.store.openFailed(path.basename(absolute), text)} ${offer}`,
        problem,
        backups,
      };
    }
    return this.describe();
  }

  private isKnownPath(file: string): boolean {
    const { lastStorePath, knownStorePaths } = this.options.settings.value;
    return lastStorePath === file || knownStorePaths.includes(file);
  }

  private async remember(file: string): Promise<void> {
    await this.options.settings.update((value) => ({
      ...value,
      lastStorePath: file,
      knownStorePaths: [file, ...value.knownStorePaths.filter((p) => p !== file)].slice(0, 50),
    }));
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
    if (!c) return { state: 'error', path: '', message: de.api.noRegister, problem: 'io', backupDir: '', backups: [] };
    if (c.state === 'error')
      return { state: 'error', path: c.path, message: c.message, problem: c.problem, backupDir: backupDirFor(c.path), backups: c.backups };
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
      revision: c.store.revision,
      lastChange: c.store.lastChange
        ? { user: c.store.lastChange.user, host: c.store.lastChange.host, at: c.store.lastChange.at, own: c.store.lastChange.own }
        : null,
      presence: this.presenceList,
      user: this.userName,
      office: this.options.settings.value.office.trim(),
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
   * Replaces a damaged (or missing) register with one of its backups, after the user confirmed. The
   * current file is first copied into the backup folder as `…_beschaedigt.json` (under the backup
   * retention), then the backup is written over it via temp + rename, then the journal of the damaged
   * snapshot is set aside (store/restore.ts).
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
    if (c.readOnly || c.store.newerWriter) throw readOnlyError(c.readOnlyReason);
    return c.store;
  }

  /** Records in the audit trail that an export included personal data (DOMAIN.md §7). */
  async recordPersonalDataExport(fileName: string): Promise<void> {
    const store = this.writableStore();
    await store.commit((doc) => ({
      ...doc,
      audit: [
        ...doc.audit,
        auditEntry(this.userName, 'register', doc.registerId, doc.name, 'export', [
          { field: 'personalDataExport', old: null, new: fileName },
        ]),
      ],
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

function readOnlyError(reason: string | null): ServiceError {
  return new ServiceError('READ_ONLY', reason ? `${de.store.readOnly} ${reason}` : de.store.readOnly);
}

/** Runs `job` once; later calls get the same promise. */
function once(job: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  return () => (running ??= job());
}

function toHolder(info: LockInfo): LockHolder {
  return { user: info.user, host: info.host, pid: info.pid, since: info.since, heartbeatAt: info.heartbeatAt, stale: isStale(info) };
}
