/**
 * The kill test: a child process rewrites a big register file in a tight loop with writeFileDurable and
 * is killed with SIGKILL at a random moment, many times over. After every kill the file must be one
 * complete version, never a torn, truncated or mixed one, and never older than a write that had already
 * returned. (This covers a killed process; a power cut additionally needs the fsyncs, which a test
 * cannot observe.)
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeRegister } from '@main/store/decode';
import { crashText, seqOf } from './crashDoc';
import { tempFilesIn, useTempDir } from './tempDir';

const CHILD = path.join(import.meta.dirname, 'crashChild.ts');
const ROUNDS = 30;
const MIN_DELAY_MS = 50;
const MAX_DELAY_MS = 400;

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

/** Starts the writer, waits for `started`, lets it write for `delayMs`, then SIGKILLs it. */
function runAndKill(target: string, firstSeq: number, delayMs: number): Promise<KilledRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, target, String(firstSeq)], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (!timer && stdout.startsWith('started\n')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
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

describe('writeFileDurable under SIGKILL', () => {
  const dir = useTempDir('mpr-crash-');

  it(
    `leaves a complete file after each of ${ROUNDS} kills, never going backwards`,
    async () => {
      const seed = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
      const random = prng(seed);
      const target = path.join(dir.path, 'register.json');
      let lastSeq = 0; // sequence number on disk after the previous kill (0: no file yet)
      let interrupted = 0; // kills that left a temp file, i.e. hit the middle of a write
      let staleTemps = 0;

      for (let round = 0; round < ROUNDS; round++) {
        const context = `seed ${seed}, round ${round}`;
        const firstSeq = lastSeq + 1;
        const delay = MIN_DELAY_MS + Math.floor(random() * (MAX_DELAY_MS - MIN_DELAY_MS));
        const { written } = await runAndKill(target, firstSeq, delay);
        // The child reports in order, one write at a time.
        expect(written, context).toEqual(written.map((_, i) => firstSeq + i));

        let text: string;
        try {
          text = await fs.readFile(target, 'utf8');
        } catch (error) {
          // Only acceptable if nothing was ever completely written.
          expect({ lastSeq, written, code: (error as NodeJS.ErrnoException).code }, context).toEqual({ lastSeq: 0, written: [], code: 'ENOENT' });
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
      expect(lastSeq, `seed ${seed}: the children should have written something`).toBeGreaterThan(ROUNDS);
      // Writes take most of the child's time; if no kill ever hit one, this test proved nothing.
      expect(interrupted, `seed ${seed}: no kill interrupted a write`).toBeGreaterThan(0);
    },
    300_000,
  );
});
