/**
 * Benchmark module (not a test): the core operations each measured COLD — the first call in a fresh
 * process, as a user meets it after starting the program — and WARM — the median of the following calls —
 * next to a floor that does the same job, also cold and warm in its own fresh process. Memory per
 * operation: resident memory added by the cold call (RSS after − before, garbage included), heap still
 * held after a full gc, and the process's peak RSS.
 *
 * The children run through tsx (the app's TypeScript modules are loaded, untimed, before the first call;
 * what the operation loads lazily is timed, as in the app). Prints nothing.
 *
 *  - open:        RegisterStore.open (read, parse, migrate, validate)        vs. readFile + JSON.parse
 *  - save:        updateMeasure through dispatch (validation, rules, audit, durable write)
 *                                                                            vs. JSON.stringify + write + fsync
 *  - list:        listMeasureRows + JSON.stringify (what crosses IPC)         (no floor)
 *  - search:      searchMeasures right after open, the index not yet built (cold = build + query)
 *                                                                            vs. scan: fold all texts + match (cold),
 *                                                                                 match prebuilt texts (warm)
 *  - searchReady: searchMeasures after completeStart (index built in the start's second step)
 */
import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApi, dispatch } from '@main/api';
import { NO_DESKTOP } from '@main/core/desktop';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import { RegisterStore } from '@main/store/registerStore';
import { measureSearchText, searchTerms } from '@shared/register/search';
import type { Measure } from '@shared/register/measure';
import type { RegisterDocument } from '@shared/register/register';
import { SEARCH_VOCABULARY } from './generate';

const THIS_FILE = fileURLToPath(import.meta.url);
const MB = 1024 * 1024;
const WARM_RUNS = 7;

export type ColdOp = 'open' | 'save' | 'list' | 'search' | 'searchReady';
type Side = 'app' | 'floor';

export interface ColdFigures {
  coldMs: number;
  warmMs: number;
  /** RSS after the cold call minus before it (garbage not yet collected included), MB. */
  rssDeltaMb: number;
  /** Heap still held after the cold call and a full gc, minus before, MB. */
  heapHeldMb: number;
  /** Peak RSS of the process up to the end of the cold call, MB. */
  peakMb: number;
}

export interface ColdWarmRow {
  op: ColdOp;
  label: string;
  floorLabel: string | null;
  app: ColdFigures;
  floor: ColdFigures | null;
}

const LABELS: Record<ColdOp, { label: string; floor: string | null }> = {
  open: { label: 'Öffnen (RegisterStore.open)', floor: 'lesen+JSON.parse' },
  save: { label: 'Speichern einer Änderung (updateMeasure)', floor: 'stringify+write+fsync' },
  list: { label: 'Tabellenzeilen (listMeasureRows + JSON)', floor: null },
  search: { label: 'Suche direkt nach dem Öffnen (Index noch nicht gebaut)', floor: 'Scan aller Suchfelder' },
  searchReady: { label: 'Suche nach completeStart (Index im 2. Startschritt gebaut)', floor: 'Scan aller Suchfelder' },
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function fieldsOf(m: Measure) {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { id, version, createdAt, updatedAt, deletedAt, ...fields } = m;
  return fields;
}

/** Queries as typed: words of the generated vocabulary, some only begun. */
function queries(): string[] {
  const words = SEARCH_VOCABULARY.filter((w) => w.length > 4);
  return Array.from({ length: WARM_RUNS + 1 }, (_, i) => {
    const w = words[(i * 37) % words.length]!;
    return i % 2 === 0 ? w.slice(0, Math.max(3, w.length - 2)) : w;
  });
}

async function openSession(file: string, complete: boolean): Promise<RegisterSession> {
  const settings = await SettingsFile.load(path.join(path.dirname(file), `einstellungen-${process.pid}.json`));
  const session = new RegisterSession({ settings, samplePath: '' });
  const described = await session.open(file, 'none', false, true);
  if (described.state !== 'open' || described.readOnly) throw new Error(`Register nicht beschreibbar: ${JSON.stringify(described)}`);
  if (complete) await session.completeStart();
  return session;
}

/** Sets up (untimed) and returns the operation; `run(k)` is the k-th call (0 = cold). */
async function prepare(op: ColdOp, side: Side, file: string): Promise<{ run: (k: number) => Promise<unknown>; done: () => Promise<void> }> {
  const nothing = async () => undefined;
  if (op === 'open') {
    return side === 'app'
      ? { run: () => RegisterStore.open(file), done: nothing }
      : { run: async () => JSON.parse(await fs.readFile(file, 'utf8')) as unknown, done: nothing };
  }
  const copy = path.join(path.dirname(file), `kopie-${process.pid}-${op}-${side}.json`);
  await fs.copyFile(file, copy);
  const session = await openSession(copy, op !== 'search');
  const api = createApi(session, NO_DESKTOP);
  const done = async () => {
    await session.close();
    await fs.rm(copy, { force: true });
  };
  const doc = (): RegisterDocument => session.requireOpen().store.doc;
  if (op === 'save') {
    const ids = doc()
      .measures.filter((m) => !m.deletedAt)
      .map((m) => m.id);
    if (side === 'app')
      return {
        run: async (k) => {
          const id = ids[(k * 997) % ids.length]!;
          const current = doc().measures.find((m) => m.id === id)!;
          const fields = { ...fieldsOf(current), title: `Überarbeitet (${k + 1}): ${current.title}`.slice(0, 200) };
          const result = await dispatch(api, 'updateMeasure', { id, version: current.version, fields });
          if (!result.ok) throw new Error(`Speichern fehlgeschlagen: ${result.error.message}`);
        },
        done,
      };
    return {
      run: async (k) => {
        const target = path.join(path.dirname(copy), `floor-${process.pid}-${k}.json`);
        const handle = await fs.open(target, 'w');
        try {
          await handle.writeFile(JSON.stringify(doc()));
          await handle.sync();
        } finally {
          await handle.close();
        }
        await fs.rm(target);
      },
      done,
    };
  }
  if (op === 'list') return { run: async () => JSON.stringify(await api.listMeasureRows({})), done };
  const typed = queries();
  if (side === 'app')
    return {
      run: async (k) => {
        const result = await dispatch(api, 'searchMeasures', { query: typed[k]! });
        if (!result.ok) throw new Error(result.error.message);
      },
      done,
    };
  // The scan: folding every measure's searchable text is part of the job the first time (no index, no cache).
  let texts: string[] | null = null;
  return {
    run: async (k) => {
      const d = doc();
      texts ??= d.measures.filter((m) => !m.deletedAt).map((m) => measureSearchText(m, d));
      const terms = searchTerms(typed[k]!);
      return texts.filter((t) => terms.every((w) => t.includes(w)));
    },
    done,
  };
}

async function child(op: ColdOp, side: Side, file: string): Promise<ColdFigures> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('--expose-gc fehlt');
  const { run, done } = await prepare(op, side, file);
  gc();
  gc();
  const before = process.memoryUsage();
  let start = performance.now();
  await run(0);
  const coldMs = performance.now() - start;
  const afterCold = process.memoryUsage();
  const peakMb = process.resourceUsage().maxRSS / 1024;
  gc();
  gc();
  const held = process.memoryUsage();
  const warm: number[] = [];
  for (let k = 1; k <= WARM_RUNS; k++) {
    start = performance.now();
    await run(k);
    warm.push(performance.now() - start);
  }
  await done();
  return {
    coldMs,
    warmMs: median(warm),
    rssDeltaMb: (afterCold.rss - before.rss) / MB,
    heapHeldMb: (held.heapUsed - before.heapUsed) / MB,
    peakMb,
  };
}

function runChild(op: ColdOp, side: Side, file: string): Promise<ColdFigures> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', THIS_FILE, '--cold-child', op, side, file], {
      cwd: path.resolve(path.dirname(THIS_FILE), '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    proc.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) => {
      if (code !== 0)
        return reject(
          new Error(`Kalt/warm (${op}, ${side}): Kindprozess endete mit ${code}: ${err.trim().split('\n').slice(-3).join(' ')}`),
        );
      try {
        resolve(JSON.parse(out.trim().split('\n').at(-1)!) as ColdFigures);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

/** Every operation on the register `file`, app and floor each in fresh processes. */
export async function benchColdWarm(file: string, progress: (m: string) => void): Promise<ColdWarmRow[]> {
  const rows: ColdWarmRow[] = [];
  for (const op of Object.keys(LABELS) as ColdOp[]) {
    progress(`kalt/warm: ${LABELS[op].label}`);
    const app = await runChild(op, 'app', file);
    const floor = LABELS[op].floor === null ? null : await runChild(op, 'floor', file);
    rows.push({ op, label: LABELS[op].label, floorLabel: LABELS[op].floor, app, floor });
  }
  return rows;
}

if (process.argv[1] === THIS_FILE && process.argv[2] === '--cold-child') {
  const figures = await child(process.argv[3] as ColdOp, process.argv[4] as Side, process.argv[5]!);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  process.exit(0); // the session's heartbeat timers must not keep the child alive
}
