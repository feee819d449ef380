import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { writeFileDurable } from './durableWrite';

/**
 * One writer per register, also across computers on a shared folder: `<register>.lock` names who holds
 * it and is refreshed by a heartbeat. Whoever finds a live lock opens read-only. A lock whose heartbeat
 * stopped (or whose process on this computer is gone) is stale and may be taken over after the user
 * confirms. See docs/store.md.
 */
export interface LockInfo {
  user: string;
  host: string;
  pid: number;
  instanceId: string;
  since: string;
  heartbeatAt: string;
}

export interface LockIdentity {
  user: string;
  host: string;
  pid: number;
  instanceId: string;
}

export const HEARTBEAT_MS = 20_000;
/** Six missed heartbeats. Generous, since clocks of two computers on a share differ a little. */
export const STALE_AFTER_MS = 120_000;

export function lockPathFor(storePath: string): string {
  return `${storePath}.lock`;
}

export function currentIdentity(user: string): LockIdentity {
  return { user, host: os.hostname(), pid: process.pid, instanceId: randomUUID() };
}

export type LockState = { held: true } | { held: false; holder: LockInfo; stale: boolean };

export async function readLock(lockPath: string): Promise<LockInfo | null> {
  let text: string;
  try {
    text = await fs.readFile(lockPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<LockInfo>;
    if (typeof value.instanceId === 'string' && typeof value.heartbeatAt === 'string') {
      return {
        user: String(value.user ?? '?'),
        host: String(value.host ?? '?'),
        pid: Number(value.pid ?? 0),
        instanceId: value.instanceId,
        since: String(value.since ?? value.heartbeatAt),
        heartbeatAt: value.heartbeatAt,
      };
    }
  } catch {
    // A half-written or foreign lock file is treated as a stale lock of an unknown holder below.
  }
  return {
    user: 'unbekannt',
    host: 'unbekannt',
    pid: 0,
    instanceId: '',
    since: new Date(0).toISOString(),
    heartbeatAt: new Date(0).toISOString(),
  };
}

export function isStale(holder: LockInfo, now: Date = new Date()): boolean {
  const age = now.getTime() - Date.parse(holder.heartbeatAt);
  if (!(age < STALE_AFTER_MS)) return true;
  if (holder.host === os.hostname() && holder.pid > 0 && !processAlive(holder.pid)) return true;
  return false;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function lockBody(identity: LockIdentity, since: string): string {
  const info: LockInfo = { ...identity, since, heartbeatAt: new Date().toISOString() };
  return JSON.stringify(info, null, 2);
}

export class RegisterLock {
  private timer: NodeJS.Timeout | undefined;
  private since = new Date().toISOString();

  constructor(
    readonly lockPath: string,
    readonly identity: LockIdentity,
  ) {}

  /** Creates the lock file if nobody holds it; otherwise reports the holder. */
  async acquire(): Promise<LockState> {
    try {
      const handle = await fs.open(this.lockPath, 'wx', 0o644);
      try {
        await handle.writeFile(lockBody(this.identity, this.since));
        await handle.sync();
      } finally {
        await handle.close();
      }
      return { held: true };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readLock(this.lockPath);
    if (!holder) return this.acquire();
    if (holder.instanceId === this.identity.instanceId) return { held: true };
    return { held: false, holder, stale: isStale(holder) };
  }

  /** Replaces a stale lock with ours; refuses a live one. Re-reads afterwards in case two took over at once. */
  async takeOver(): Promise<LockState> {
    const holder = await readLock(this.lockPath);
    if (holder && holder.instanceId !== this.identity.instanceId && !isStale(holder)) return { held: false, holder, stale: false };
    await writeFileDurable(this.lockPath, lockBody(this.identity, this.since));
    const now = await readLock(this.lockPath);
    if (now?.instanceId === this.identity.instanceId) return { held: true };
    return now ? { held: false, holder: now, stale: isStale(now) } : this.acquire();
  }

  /** Refreshes the heartbeat; calls `onLost` once if another instance took the lock over. */
  startHeartbeat(onLost: () => void, intervalMs = HEARTBEAT_MS): void {
    this.stopHeartbeat();
    this.timer = setInterval(() => {
      void this.beat().then((stillOurs) => {
        if (!stillOurs) {
          this.stopHeartbeat();
          onLost();
        }
      });
    }, intervalMs);
    this.timer.unref();
  }

  async beat(): Promise<boolean> {
    try {
      const holder = await readLock(this.lockPath);
      if (holder && holder.instanceId !== this.identity.instanceId) return false;
      await writeFileDurable(this.lockPath, lockBody(this.identity, this.since));
      return true;
    } catch {
      // A share that is briefly unreachable must not cost the user the lock; the next beat retries.
      return true;
    }
  }

  stopHeartbeat(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Removes the lock file if it is still ours. */
  async release(): Promise<void> {
    this.stopHeartbeat();
    const holder = await readLock(this.lockPath).catch(() => null);
    if (holder?.instanceId === this.identity.instanceId) await fs.rm(this.lockPath, { force: true });
  }
}
