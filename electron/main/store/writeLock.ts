import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { multiUser } from '@shared/session/multiUserTexts';

/**
 * The short write lock: held only for one read-check-write cycle of the register, never for a session.
 * `<register>.write.lock` is created exclusively (O_EXCL) and names owner, computer, process and a random
 * token. Whoever finds it waits and retries. A lock counts as stale only when THIS instance has seen its
 * content and mtime unchanged for `staleMs` on its own monotonic clock (a live holder rewrites it while it
 * works), or when it belongs to a process on this computer that no longer exists. Foreign timestamps are
 * never compared with the local clock: two computers' clocks may differ by minutes.
 *
 * Takeover renames the stale file to a unique name; only a rename that moved exactly the file that was
 * observed as stale counts (its token is compared). A rename that grabbed a fresh lock created by a faster
 * taker puts it back and waits like everybody else. The holder verifies its token before it writes.
 */
export interface WriteLockOwner {
  user: string;
  host: string;
  pid: number;
  instanceId: string;
}

export interface WriteLockBody extends WriteLockOwner {
  token: string;
  /** The holder's clock, for people reading the file; never used to judge staleness. */
  at: string;
  /** Changes with every refresh, so observers see the holder is alive. */
  beat: number;
}

export interface WriteLockOptions {
  /** Give up waiting after this long (local clock). */
  timeoutMs?: number;
  /** A lock unchanged for this long, as seen here, is stale. */
  staleMs?: number;
  /** Same-computer check of the holder's process (tests of the cross-computer path switch it off). */
  checkLocalProcess?: boolean;
  /** Called after a stale lock was taken over, with the body of the lock that was removed. */
  onTakeover?: (stale: WriteLockBody | null) => void;
}

export const WRITE_LOCK_STALE_MS = 15_000;
export const WRITE_LOCK_TIMEOUT_MS = 30_000;

export function writeLockPathFor(storePath: string): string {
  return `${storePath}.write.lock`;
}

/** Waiting for the lock took longer than the timeout: someone is writing (or hangs) right now. */
export class WriteLockBusyError extends Error {
  constructor(readonly holder: WriteLockBody | null) {
    super(holder ? multiUser.lockBusy(holder.user, holder.host) : multiUser.lockBusyUnknown);
  }
}

/** The lock was taken from us (we hung longer than the stale time): nothing may be written. */
export class WriteLockLostError extends Error {
  constructor() {
    super(multiUser.lockLost);
  }
}

export class HeldWriteLock {
  private beat = 0;
  private refreshing: Promise<void> = Promise.resolve();

  constructor(
    readonly lockPath: string,
    readonly body: WriteLockBody,
    private handle: fs.FileHandle | undefined,
    /** The stale lock this one replaced, if any (for the audit note). */
    readonly tookOver: WriteLockBody | null,
  ) {}

  /** True while the file at the lock path is still ours (same token). */
  async verify(): Promise<boolean> {
    const current = await readWriteLock(this.lockPath).catch(() => null);
    return current?.token === this.body.token;
  }

  /** Throws WriteLockLostError unless the lock is still ours. Call right before writing. */
  async assertHeld(): Promise<void> {
    if (!(await this.verify())) throw new WriteLockLostError();
  }

  /**
   * Rewrites the lock through our own open handle (so a taker's file is never touched), which changes
   * content and mtime: observers restart their stale timers. Long jobs (compaction) call it periodically.
   */
  refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(async () => {
      if (!this.handle) return;
      this.beat++;
      const text = serialise({ ...this.body, at: new Date().toISOString(), beat: this.beat });
      try {
        await this.handle.truncate(0);
        await this.handle.write(text, 0, 'utf8');
      } catch {
        // A failed refresh only means others may judge the lock stale sooner; verify() guards the write.
      }
    });
    return this.refreshing;
  }

  /** Removes the lock file if it is still ours. */
  async release(): Promise<void> {
    await this.refreshing;
    const handle = this.handle;
    this.handle = undefined;
    await handle?.close().catch(() => undefined);
    if (await this.verify()) await fs.rm(this.lockPath, { force: true }).catch(() => undefined);
  }
}

export async function readWriteLock(lockPath: string): Promise<WriteLockBody | null> {
  let text: string;
  try {
    text = await fs.readFile(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  return parseBody(text);
}

function parseBody(text: string): WriteLockBody | null {
  try {
    const v = JSON.parse(text) as Partial<WriteLockBody>;
    if (typeof v.token !== 'string') return null;
    return {
      user: String(v.user ?? '?'),
      host: String(v.host ?? '?'),
      pid: Number(v.pid ?? 0),
      instanceId: String(v.instanceId ?? ''),
      token: v.token,
      at: String(v.at ?? ''),
      beat: Number(v.beat ?? 0),
    };
  } catch {
    return null;
  }
}

function serialise(body: WriteLockBody): string {
  return JSON.stringify(body);
}

interface Observation {
  key: string;
  since: number;
  /** When this instance last looked: a gap longer than the stale time's half restarts `since`. */
  lookedAt: number;
  body: WriteLockBody | null;
}

/** What one instance has seen of a lock file over time; shared by its acquire loops. */
const observations = new Map<string, Observation>();

/** The longest pause between two looks at a busy lock (the retry pause with its jitter). */
const MAX_RETRY_PAUSE_MS = 300;

function monotonicMs(): number {
  return performance.now();
}

/**
 * Takes the write lock, waiting (with jittered retries) while somebody else holds it. Resolves with the
 * held lock; rejects with WriteLockBusyError after the timeout.
 */
export async function acquireWriteLock(lockPath: string, owner: WriteLockOwner, options: WriteLockOptions = {}): Promise<HeldWriteLock> {
  const timeoutMs = options.timeoutMs ?? WRITE_LOCK_TIMEOUT_MS;
  const staleMs = options.staleMs ?? WRITE_LOCK_STALE_MS;
  const start = monotonicMs();
  let lastSeen: WriteLockBody | null = null;
  let tookOver: WriteLockBody | null = null;
  for (let attempt = 0; ; attempt++) {
    const body: WriteLockBody = { ...owner, token: randomBytes(16).toString('hex'), at: new Date().toISOString(), beat: 0 };
    const created = await tryCreate(lockPath, body);
    if (created) {
      // Verify after creating: a racing taker may have renamed our fresh file away in the meantime.
      const held = new HeldWriteLock(lockPath, body, created, tookOver);
      if (await held.verify()) {
        observations.delete(lockPath);
        if (tookOver) options.onTakeover?.(tookOver);
        return held;
      }
      await created.close().catch(() => undefined);
    } else {
      const seen = await observe(lockPath, staleMs);
      if (seen) {
        lastSeen = seen.body;
        const deadProcess =
          options.checkLocalProcess !== false &&
          seen.body !== null &&
          seen.body.host === os.hostname() &&
          seen.body.pid > 0 &&
          seen.body.pid !== process.pid &&
          !processAlive(seen.body.pid);
        if (deadProcess || monotonicMs() - seen.since >= staleMs) {
          const removed = await takeOverStale(lockPath, seen.key);
          if (removed !== undefined)
            tookOver = removed ?? { user: multiUser.unknownHolder, host: '?', pid: 0, instanceId: '', token: '', at: '', beat: 0 };
          continue;
        }
      }
    }
    if (monotonicMs() - start >= timeoutMs) throw new WriteLockBusyError(lastSeen);
    await sleep(Math.min(MAX_RETRY_PAUSE_MS / 1.5, 5 + attempt * 5) * (0.5 + Math.random()));
  }
}

async function tryCreate(lockPath: string, body: WriteLockBody): Promise<fs.FileHandle | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(lockPath, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw error;
  }
  try {
    await handle.write(serialise(body), 0, 'utf8');
    // The lock must exist for others; its content need not survive a power cut (a crash frees it anyway).
    return handle;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(lockPath, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Reads the lock file and records since when this instance has watched this exact state (content + mtime)
 * without a break. A break longer than half the stale time (this process suspended, a laptop asleep, a
 * machine too busy to look) starts the watch anew: what was not watched cannot be called unchanged.
 */
async function observe(lockPath: string, staleMs: number): Promise<Observation | null> {
  let text: string;
  let mtime: number;
  try {
    const [content, stat] = await Promise.all([fs.readFile(lockPath, 'utf8'), fs.stat(lockPath)]);
    text = content;
    mtime = stat.mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  const key = `${mtime}|${text}`;
  const now = monotonicMs();
  const previous = observations.get(lockPath);
  const watchedThrough = previous !== undefined && now - previous.lookedAt <= Math.max(staleMs / 2, MAX_RETRY_PAUSE_MS * 2);
  const next =
    previous?.key === key && watchedThrough ? { ...previous, lookedAt: now } : { key, since: now, lookedAt: now, body: parseBody(text) };
  observations.set(lockPath, next);
  return next;
}

/**
 * Moves the stale lock to a unique name. Returns the removed body (null when it was garbage) if exactly
 * the observed file was moved; undefined when somebody else was faster (then nothing of theirs is lost).
 */
async function takeOverStale(lockPath: string, observedKey: string): Promise<WriteLockBody | null | undefined> {
  const aside = `${lockPath}.${randomBytes(6).toString('hex')}.stale`;
  try {
    await fs.rename(lockPath, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  observations.delete(lockPath);
  let text = '';
  let mtime = -1;
  try {
    [text, mtime] = await Promise.all([fs.readFile(aside, 'utf8'), fs.stat(aside).then((s) => s.mtimeMs)]);
  } catch {
    // Unreadable: treat as the stale one.
  }
  if (`${mtime}|${text}` !== observedKey && parseBody(text) !== null) {
    // We moved a fresh lock of a faster taker: put it back unless someone created a new one meanwhile.
    try {
      await fs.link(aside, lockPath);
    } catch (error) {
      // EEXIST: a newer lock exists; the moved one is orphaned and its holder's verify() fails before it
      // writes. File systems without hard links: rename back if the place is still free.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' && !(await exists(lockPath)))
        await fs.rename(aside, lockPath).catch(() => undefined);
    }
    await fs.rm(aside, { force: true }).catch(() => undefined);
    return undefined;
  }
  await fs.rm(aside, { force: true }).catch(() => undefined);
  return parseBody(text);
}

async function exists(file: string): Promise<boolean> {
  return fs.stat(file).then(
    () => true,
    () => false,
  );
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
