/**
 * The kill test: a child process rewrites a big register file in a tight loop with writeFileDurable and
 * is killed with SIGKILL, many times over. After every kill the file must be one complete version, never
 * a torn, truncated or mixed one, and never older than a write that had already returned. (This covers a
 * killed process; a power cut additionally needs the fsyncs, which a test cannot observe.)
 *
 * Only invariants are asserted, nothing about speed: the test kills until it has observed
 * INTERRUPTED_TARGET kills that hit the middle of a write (a temp file was left), bounded by a generous
 * number of kills. Kill points are aimed relative to the child's own progress (after its k-th returned
 * write, a seeded fraction of its last write's duration), so a slow machine changes the timing, not the
 * outcome. The seed is fixed; CRASH_SEED=<n> tries another one, and it is printed with every failure.
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeRegister } from '@main/store/decode';
import { crashText, seqOf } from './crashDoc';
import { tempFilesIn, useTempDir } from '@tests/unit/helpers/tempDir';

const CHILD = path.join(import.meta.dirname, 'crashChild.ts');
/** Kills in the middle of a write the test must observe. */
const INTERRUPTED_TARGET = 20;
/** Upper bound on kills: about ten times what a normal run needs, so only a broken aim can reach it. */
const MAX_KILLS = 200;
const SEED = Number(process.env.CRASH_SEED ?? 20_261_207);

/** Small seeded PRNG (mulberry32), so a failing run can be repeated with CRASH_SEED=<seed>. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface KilledRun {
  /** Sequence numbers whose write had returned before the kill, in order. */
  written: number[];
}

/**
 * Starts the writer and SIGKILLs it after its `afterWrites`-th returned write, `fraction` of that write's
 * duration later, i.e. most likely in the middle of the next write, however fast this machine is.
 */
function runAndKill(target: string, firstSeq: number, afterWrites: number, fraction: number): Promise<KilledRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, target, String(firstSeq)], {
      cwd: path.resolve(import.meta.dirname, '../../../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let lines = 0;
    let lastLineAt = 0;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const now = performance.now();
      const seen = (stdout.match(/\n/g) ?? []).length; // `started`, then one line per returned write
      if (seen > lines) {
        const duration = now - lastLineAt;
        lines = seen;
        lastLineAt = now;
        if (!timer && lines > afterWrites) timer = setTimeout(() => child.kill('SIGKILL'), Math.floor(fraction * duration));
      }
    });
    child.stderr.on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    // 'close' fires after stdout is drained, so every `written` line the child emitted is in `stdout`.
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') {
        reject(new Error(`child ended by itself (code ${code}, signal ${signal}):\n${stderr}`));
        return;
      }
      const written = [...stdout.matchAll(/^written (\d+)$/gm)].map((m) => Number(m[1]));
      resolve({ written });
    });
  });
}

describe(`writeFileDurable under SIGKILL (seed ${SEED}; CRASH_SEED overrides)`, () => {
  const dir = useTempDir('mpr-crash-');

  it(
    `leaves a complete file after every kill, never going backwards, until ${INTERRUPTED_TARGET} kills hit a write`,
    async () => {
      console.warn(`crash test: seed ${SEED} (repeat with CRASH_SEED=${SEED})`);
      const random = prng(SEED);
      const target = path.join(dir.path, 'register.json');
      let lastSeq = 0; // sequence number on disk after the previous kill (0: no file yet)
      let interrupted = 0; // kills that left a temp file, i.e. hit the middle of a write
      let staleTemps = 0;
      let kills = 0;

      while (interrupted < INTERRUPTED_TARGET && kills < MAX_KILLS) {
        const context = `seed ${SEED}, kill ${kills}`;
        kills++;
        const firstSeq = lastSeq + 1;
        const afterWrites = 1 + Math.floor(random() * 3);
        const { written } = await runAndKill(target, firstSeq, afterWrites, random() * 1.2);
        // The child reports in order, one write at a time.
        expect(written, context).toEqual(written.map((_, i) => firstSeq + i));

        let text: string;
        try {
          text = await fs.readFile(target, 'utf8');
        } catch (error) {
          // Only acceptable if nothing was ever completely written.
          expect({ lastSeq, written, code: (error as NodeJS.ErrnoException).code }, context).toEqual({
            lastSeq: 0,
            written: [],
            code: 'ENOENT',
          });
          continue;
        }

        const seq = seqOf(JSON.parse(text) as { name?: unknown });
        // Byte-exact: the file is exactly one version the child produced, not a prefix or a mix.
        expect(text.length, context).toBe(crashText(seq).length);
        expect(text === crashText(seq), `${context}: content of version ${seq} differs`).toBe(true);
        // A write that had returned before the kill is never lost …
        const lastReturned = written.at(-1) ?? lastSeq;
        expect(seq, context).toBeGreaterThanOrEqual(lastReturned);
        // … and at most the one write in flight can have landed on top of it.
        expect(seq, context).toBeLessThanOrEqual(lastReturned + 1);
        expect(seq, `${context}: went backwards`).toBeGreaterThanOrEqual(lastSeq);
        lastSeq = seq;

        const temps = (await tempFilesIn(dir.path)).length;
        if (temps > staleTemps) interrupted++;
        staleTemps = temps;
      }

      // The file is still a valid register for the application, not just valid JSON.
      expect(decodeRegister(await fs.readFile(target, 'utf8')).doc.name).toBe(`Crash-Test Stand ${lastSeq}`);
      // If the kills never hit a write, the invariants above proved nothing.
      expect(interrupted, `seed ${SEED}: only ${interrupted} of ${kills} kills interrupted a write`).toBe(INTERRUPTED_TARGET);
    },
    // A safety net only; the loop is bounded by MAX_KILLS, not by time.
    30 * 60_000,
  );
});
