import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Who has the register open: one small file per instance in `<register>.presence/`, rewritten as a
 * heartbeat. One file each, so instances never write the same file. Whether an entry is alive is judged
 * by what THIS instance observes (the beat counter changes), never by comparing another computer's clock
 * with ours. Entries that stopped beating are hidden, and after a long silence removed.
 */
export interface PresenceEntry {
  instanceId: string;
  user: string;
  host: string;
  pid: number;
  /** The instance's own clock when it opened the register (shown, never compared). */
  since: string;
  beat: number;
  /** Program version of the instance. */
  app: string;
}

export const PRESENCE_BEAT_MS = 10_000;

export function presenceDirFor(storePath: string): string {
  return `${storePath}.presence`;
}

export class Presence {
  private timer: NodeJS.Timeout | undefined;
  private beat = 0;
  private readonly seen = new Map<string, { beat: number; at: number }>();
  readonly file: string;

  constructor(
    readonly storePath: string,
    readonly self: Omit<PresenceEntry, 'beat'>,
    private readonly beatMs = PRESENCE_BEAT_MS,
  ) {
    this.file = path.join(presenceDirFor(storePath), `${self.instanceId}.json`);
  }

  /** Announces this instance and keeps beating. Failures are silent: presence is information only. */
  async start(): Promise<void> {
    await this.write();
    this.timer = setInterval(() => void this.write(), this.beatMs);
    this.timer.unref();
  }

  private async write(): Promise<void> {
    this.beat++;
    const body: PresenceEntry = { ...this.self, beat: this.beat };
    const temp = `${this.file}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await fs.mkdir(path.dirname(this.file), { recursive: true });
      await fs.writeFile(temp, JSON.stringify(body));
      await fs.rename(temp, this.file);
    } catch {
      await fs.rm(temp, { force: true }).catch(() => undefined);
    }
  }

  /** Live instances (ours included), oldest first. */
  async list(): Promise<PresenceEntry[]> {
    const dir = presenceDirFor(this.storePath);
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch {
      return [];
    }
    const now = performance.now();
    const live: PresenceEntry[] = [];
    for (const name of names) {
      if (!name.endsWith('.json')) continue;
      const file = path.join(dir, name);
      let entry: PresenceEntry;
      try {
        entry = JSON.parse(await fs.readFile(file, 'utf8')) as PresenceEntry;
      } catch {
        continue;
      }
      if (entry.instanceId === this.self.instanceId) {
        live.push(entry);
        continue;
      }
      const previous = this.seen.get(entry.instanceId);
      if (!previous || previous.beat !== entry.beat) this.seen.set(entry.instanceId, { beat: entry.beat, at: now });
      const silentFor = previous && previous.beat === entry.beat ? now - previous.at : 0;
      const deadHere = entry.host === os.hostname() && entry.pid > 0 && !processAlive(entry.pid);
      if (deadHere || silentFor > 60 * this.beatMs) {
        await fs.rm(file, { force: true }).catch(() => undefined);
        continue;
      }
      if (silentFor <= 3 * this.beatMs) live.push(entry);
    }
    return live.sort((a, b) =>
      a.instanceId === this.self.instanceId ? -1 : b.instanceId === this.self.instanceId ? 1 : a.since.localeCompare(b.since),
    );
  }

  /** True when no other live instance is listed. */
  async alone(): Promise<boolean> {
    return (await this.list()).every((e) => e.instanceId === this.self.instanceId);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await fs.rm(this.file, { force: true }).catch(() => undefined);
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
