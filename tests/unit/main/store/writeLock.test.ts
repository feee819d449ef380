import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireWriteLock, readWriteLock, WriteLockBusyError, WriteLockLostError, type WriteLockBody } from '@main/store/writeLock';
import { useTempDir } from '@tests/unit/helpers/tempDir';

const dir = useTempDir('mpr-wlock-');
const owner = (n: number) => ({ user: `Person ${n}`, host: 'dieser-rechner', pid: process.pid, instanceId: `inst-${n}` });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A lock left by another computer: its clock says `at`, its process is unknown here. */
async function foreignLock(lockPath: string, at: string): Promise<WriteLockBody> {
  const body: WriteLockBody = {
    user: 'Petra Schulte',
    host: 'anderer-rechner',
    pid: 4242,
    instanceId: 'fremd',
    token: 'fremd-token',
    at,
    beat: 0,
  };
  await fs.writeFile(lockPath, JSON.stringify(body));
  return body;
}

describe('the short write lock', () => {
  it('lets exactly one of many waiting writers hold it at a time, and all of them get it', async () => {
    const lockPath = path.join(dir.path, 'r.json.write.lock');
    let holders = 0;
    let maxHolders = 0;
    await Promise.all(
      Array.from({ length: 8 }, async (_, n) => {
        for (let i = 0; i < 5; i++) {
          const lock = await acquireWriteLock(lockPath, owner(n), { staleMs: 5000, timeoutMs: 20_000 });
          holders++;
          maxHolders = Math.max(maxHolders, holders);
          await sleep(Math.random() * 5);
          await lock.assertHeld();
          holders--;
          await lock.release();
        }
      }),
    );
    expect(maxHolders).toBe(1);
    await expect(fs.access(lockPath)).rejects.toThrow();
  });

  it('judges a foreign lock stale by its own observation, whatever the other clock says', async () => {
    for (const at of ['2099-01-01T00:00:00.000Z', '2001-01-01T00:00:00.000Z']) {
      const lockPath = path.join(dir.path, `r-${at.slice(0, 4)}.json.write.lock`);
      await foreignLock(lockPath, at);
      const seen: (WriteLockBody | null)[] = [];
      const lock = await acquireWriteLock(lockPath, owner(1), { staleMs: 300, timeoutMs: 5000, onTakeover: (b) => seen.push(b) });
      expect(seen.map((b) => b?.user)).toEqual(['Petra Schulte']);
      expect(lock.tookOver?.host).toBe('anderer-rechner');
      expect((await readWriteLock(lockPath))?.token).toBe(lock.body.token);
      await lock.release();
    }
  });

  it('calls a lock stale only after watching it unchanged without a break: a pause in watching starts anew', async () => {
    const lockPath = path.join(dir.path, 'pause.json.write.lock');
    await foreignLock(lockPath, '2001-01-01T00:00:00.000Z');
    // First look, then nobody of this instance looks for longer than the stale time (a suspended laptop).
    await expect(acquireWriteLock(lockPath, owner(1), { staleMs: 1000, timeoutMs: 50 })).rejects.toBeInstanceOf(WriteLockBusyError);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    // Before the fix, the first look 1.2 s ago counted and this took the lock at once.
    await expect(acquireWriteLock(lockPath, owner(1), { staleMs: 1000, timeoutMs: 300 })).rejects.toBeInstanceOf(WriteLockBusyError);
    // Watched without a break for the stale time, the same lock is taken over.
    const lock = await acquireWriteLock(lockPath, owner(1), { staleMs: 1000, timeoutMs: 5000 });
    expect(lock.tookOver?.user).toBe('Petra Schulte');
    await lock.release();
  });

  it('never takes over a lock whose holder keeps refreshing it, even with an ancient clock: it reports who is writing', async () => {
    const lockPath = path.join(dir.path, 'r.json.write.lock');
    // Beats every 50 ms against a stale time of 1 s: a margin of 20 beats, so a busy machine (parallel
    // test files, child processes) cannot make a live holder look stale.
    const holder = await acquireWriteLock(lockPath, { ...owner(1), host: 'anderer-rechner', pid: 4242 }, { staleMs: 1000 });
    const beat = setInterval(() => void holder.refresh(), 50);
    try {
      const waiting = acquireWriteLock(lockPath, owner(2), { staleMs: 1000, timeoutMs: 2500, checkLocalProcess: false });
      await expect(waiting).rejects.toBeInstanceOf(WriteLockBusyError);
      await expect(waiting).rejects.toThrow(/Person 1 \(anderer-rechner\) gespeichert/);
      expect(await holder.verify()).toBe(true);
    } finally {
      clearInterval(beat);
      await holder.release();
    }
  });

  it('when many take over one stale lock at once, only one holds it at any time', async () => {
    for (let trial = 0; trial < 10; trial++) {
      const lockPath = path.join(dir.path, `t${trial}.json.write.lock`);
      await foreignLock(lockPath, new Date().toISOString());
      let holders = 0;
      let maxHolders = 0;
      await Promise.all(
        Array.from({ length: 5 }, async (_, n) => {
          const lock = await acquireWriteLock(lockPath, owner(n), { staleMs: 100, timeoutMs: 10_000 });
          // Only a holder whose token is still on the lock file may write.
          if (await lock.verify()) {
            holders++;
            maxHolders = Math.max(maxHolders, holders);
            await sleep(10);
            holders--;
          }
          await lock.release();
        }),
      );
      expect(maxHolders, `trial ${trial}`).toBe(1);
    }
  });

  it('a holder that hung past the stale time learns it lost the lock before it writes', async () => {
    const lockPath = path.join(dir.path, 'r.json.write.lock');
    const hung = await acquireWriteLock(lockPath, { ...owner(1), host: 'anderer-rechner', pid: 4242 });
    const taker = await acquireWriteLock(lockPath, owner(2), { staleMs: 150, timeoutMs: 5000 });
    await expect(hung.assertHeld()).rejects.toBeInstanceOf(WriteLockLostError);
    await expect(hung.assertHeld()).rejects.toThrow(/nicht gespeichert/);
    // Its release leaves the taker's lock alone.
    await hung.release();
    expect(await taker.verify()).toBe(true);
    await taker.release();
  });
});
