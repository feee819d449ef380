import { spawnSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentIdentity, isStale, lockPathFor, readLock, RegisterLock, STALE_AFTER_MS, type LockInfo } from '@main/store/lock';
import { useTempDir } from '@tests/unit/helpers/tempDir';

const dir = useTempDir('mpr-lock-');

function lockFile(): string {
  return lockPathFor(path.join(dir.path, 'Register.json'));
}

function lockFor(user: string): RegisterLock {
  return new RegisterLock(lockFile(), currentIdentity(user));
}

/** A lock file as another instance (or a crashed one) would have left it. */
async function writeForeignLock(overrides: Partial<LockInfo> = {}): Promise<LockInfo> {
  const now = new Date().toISOString();
  const info: LockInfo = {
    user: 'fremd',
    host: 'PC-ANDERS',
    pid: 4242,
    instanceId: 'fremde-instanz',
    since: now,
    heartbeatAt: now,
    ...overrides,
  };
  await fs.writeFile(lockFile(), JSON.stringify(info));
  return info;
}

/** A pid that certainly belonged to a process on this machine and is now gone. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  expect(child.pid).toBeGreaterThan(0);
  return child.pid!;
}

describe('RegisterLock', () => {
  it('uses `<register>.lock` beside the register', () => {
    expect(lockPathFor('/a/b/Register.json')).toBe('/a/b/Register.json.lock');
  });

  it('lets the first instance hold the lock and writes who holds it', async () => {
    const anna = lockFor('anna');
    expect(await anna.acquire()).toEqual({ held: true });
    expect(await readLock(lockFile())).toMatchObject({ ...anna.identity });
    // Acquiring again from the same instance is fine.
    expect(await anna.acquire()).toEqual({ held: true });
  });

  it('tells a second instance who holds a live lock', async () => {
    const anna = lockFor('anna');
    await anna.acquire();
    const bernd = lockFor('bernd');
    const state = await bernd.acquire();
    expect(state).toEqual({ held: false, stale: false, holder: expect.objectContaining({ ...anna.identity }) });
  });

  it('refuses to take over a live lock and leaves it untouched', async () => {
    const anna = lockFor('anna');
    await anna.acquire();
    const before = await fs.readFile(lockFile(), 'utf8');
    const state = await lockFor('bernd').takeOver();
    expect(state).toMatchObject({ held: false, stale: false, holder: { instanceId: anna.identity.instanceId } });
    expect(await fs.readFile(lockFile(), 'utf8')).toBe(before);
  });

  it('treats a lock without heartbeat for too long as stale and lets it be taken over', async () => {
    const old = new Date(Date.now() - STALE_AFTER_MS - 60_000).toISOString();
    await writeForeignLock({ heartbeatAt: old });
    const bernd = lockFor('bernd');
    expect(await bernd.acquire()).toMatchObject({ held: false, stale: true, holder: { user: 'fremd', host: 'PC-ANDERS' } });
    expect(await bernd.takeOver()).toEqual({ held: true });
    expect((await readLock(lockFile()))?.instanceId).toBe(bernd.identity.instanceId);
  });

  it('treats a fresh lock of a dead process on this computer as stale', async () => {
    await writeForeignLock({ host: os.hostname(), pid: deadPid() });
    const bernd = lockFor('bernd');
    expect(await bernd.acquire()).toMatchObject({ held: false, stale: true });
    expect(await bernd.takeOver()).toEqual({ held: true });
  });

  it('does not judge pids of another computer: a fresh foreign lock stays live', async () => {
    await writeForeignLock({ host: 'PC-ANDERS', pid: deadPid() });
    expect(await lockFor('bernd').acquire()).toMatchObject({ held: false, stale: false });
  });

  it.each([
    ['text', 'das ist kein JSON'],
    ['an empty file', ''],
    ['a half-written file', '{"user":"anna","host":"PC'],
    ['JSON without instanceId', '{"user":"anna","heartbeatAt":"2025-01-01T00:00:00.000Z"}'],
    ['JSON null', 'null'],
  ])('treats %s as a stale lock of an unknown holder', async (_what, content) => {
    await fs.writeFile(lockFile(), content);
    const bernd = lockFor('bernd');
    expect(await bernd.acquire()).toMatchObject({ held: false, stale: true, holder: { user: 'unbekannt' } });
    expect(await bernd.takeOver()).toEqual({ held: true });
  });

  it('releases only its own lock', async () => {
    const anna = lockFor('anna');
    await anna.acquire();
    await lockFor('bernd').release();
    expect((await readLock(lockFile()))?.instanceId).toBe(anna.identity.instanceId);
    await anna.release();
    expect(await readLock(lockFile())).toBeNull();
    // Releasing when there is no lock file is harmless.
    await anna.release();
  });

  it('refreshes its heartbeat with beat()', async () => {
    const anna = lockFor('anna');
    await anna.acquire();
    // Age the heartbeat by hand; a beat must bring it back to now.
    const info = (await readLock(lockFile()))!;
    await fs.writeFile(lockFile(), JSON.stringify({ ...info, heartbeatAt: '2020-01-01T00:00:00.000Z' }));
    expect(isStale((await readLock(lockFile()))!)).toBe(true);
    expect(await anna.beat()).toBe(true);
    const after = (await readLock(lockFile()))!;
    expect(isStale(after)).toBe(false);
    expect(after.since).toBe(info.since);
  });

  it('notices in beat() that another instance took the lock over, and does not overwrite it', async () => {
    const anna = lockFor('anna');
    await anna.acquire();
    const taker = await writeForeignLock({ instanceId: 'uebernehmer' });
    expect(await anna.beat()).toBe(false);
    expect((await readLock(lockFile()))?.instanceId).toBe(taker.instanceId);
  });

  it('calls onLost from the heartbeat once the lock is taken over', async () => {
    const anna = lockFor('anna');
    await anna.acquire();
    await writeForeignLock({ instanceId: 'uebernehmer' });
    // Resolves when the heartbeat notices; the test times out if it never does.
    await new Promise<void>((resolve) => anna.startHeartbeat(resolve, 10));
    anna.stopHeartbeat();
    expect((await readLock(lockFile()))?.instanceId).toBe('uebernehmer');
  });
});

describe('isStale', () => {
  const base: LockInfo = {
    user: 'u',
    host: 'PC-ANDERS',
    pid: 1,
    instanceId: 'i',
    since: '2025-01-01T10:00:00.000Z',
    heartbeatAt: '2025-01-01T10:00:00.000Z',
  };
  const at = (ms: number) => new Date(Date.parse(base.heartbeatAt) + ms);

  it('is live up to the limit and stale from it on', () => {
    expect(isStale(base, at(0))).toBe(false);
    expect(isStale(base, at(STALE_AFTER_MS - 1))).toBe(false);
    expect(isStale(base, at(STALE_AFTER_MS))).toBe(true);
  });

  it('is stale when the heartbeat is not a date', () => {
    expect(isStale({ ...base, heartbeatAt: 'gestern' }, at(0))).toBe(true);
  });

  it('is live for this very process on this computer', () => {
    expect(isStale({ ...base, host: os.hostname(), pid: process.pid }, at(1000))).toBe(false);
  });
});
