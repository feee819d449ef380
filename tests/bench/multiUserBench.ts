/**
 * Benchmark module (not a test) for several clerks on one register (issue 17, docs/multi-user.md);
 * tests/bench/run.ts puts the rows into its table, `npx tsx tests/bench/multiUserBench.ts` prints them alone.
 *
 *  - Save alone: updateMeasure through the real services at 1,000 and 10,000 measures (journal append under
 *    the write lock), median and p95 of SAVES saves. Floor: a durable append of a line of the same size
 *    (open, write, fsync, close) to a file in the same folder, interleaved with the saves.
 *  - Save while two other processes (the multi-user test's clerk, tests/unit/multiuser/writerChild.ts)
 *    save continuously to other measures of the same file: median and p95 next to the save alone.
 *  - Follow: a second instance in this process polls at the app's interval (POLL_MS); time from a save's
 *    acknowledgement to the moment the other instance has the change, and the cost of one poll that finds it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApi, dispatch } from '@main/api';
import { NO_DESKTOP } from '@main/core/desktop';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import { MEASURE_FIELD_NAMES, type Measure, type MeasureFields } from '@shared/register/measure';
import { generateRegister } from './generate';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CHILD = path.join(ROOT, 'tests/unit/multiuser/writerChild.ts');
const SAVES = 40;
const FOLLOWS = 9;
/** The renderer's poll interval (renderer/src/appState.tsx POLL_MS). */
const POLL_MS = 3000;

export interface MultiUserRow {
  label: string;
  size: number;
  ms: number;
  floorMs: number | null;
  floorLabel: string;
  target: string;
  met: boolean | null;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

async function openSession(dir: string, file: string, name: string): Promise<RegisterSession> {
  const settings = await SettingsFile.load(path.join(dir, `${name}.json`));
  await settings.save({ ...settings.value, displayName: name });
  const session = new RegisterSession({ settings, samplePath: path.join(ROOT, 'resources/sample-register.json') });
  const opened = await session.open(file, 'none');
  if (opened.state !== 'open' || opened.readOnly) throw new Error(`Register nicht beschreibbar: ${JSON.stringify(opened)}`);
  return session;
}

function fieldsOf(m: Measure): MeasureFields {
  return Object.fromEntries(MEASURE_FIELD_NAMES.map((k) => [k, m[k]])) as unknown as MeasureFields;
}

/** SAVES saves of different measures (from `offset`), each timed, interleaved with the append floor. */
async function saves(session: RegisterSession, dir: string, offset: number): Promise<{ save: number[]; floor: number[] }> {
  const api = createApi(session, NO_DESKTOP);
  const active = session.requireOpen().store.doc.measures.filter((m) => !m.deletedAt);
  const floorFile = path.join(dir, 'floor.journal');
  await fs.writeFile(floorFile, '');
  const save: number[] = [];
  const floor: number[] = [];
  for (let k = 0; k < SAVES; k++) {
    const target = active[(offset + k * 7) % active.length]!;
    const current = (await dispatch(api, 'getMeasure', { id: target.id })) as { ok: true; value: Measure };
    const fields = { ...fieldsOf(current.value), title: `Bench ${k}: ${current.value.title}`.slice(0, 200) };
    const start = performance.now();
    const result = await dispatch(api, 'updateMeasure', { id: target.id, version: current.value.version, fields });
    save.push(performance.now() - start);
    if (!result.ok) throw new Error(`Speichern fehlgeschlagen: ${result.error.message}`);
    const line = `${JSON.stringify({ rev: k, ops: [{ k: 'measures', up: [{ ...current.value, ...fields }] }], audit: session.requireOpen().store.doc.audit.at(-1) })}\n`;
    const f0 = performance.now();
    const handle = await fs.open(floorFile, 'a');
    await handle.write(line);
    await handle.sync();
    await handle.close();
    floor.push(performance.now() - f0);
  }
  return { save, floor };
}

function startClerk(file: string, dir: string, measureId: string, label: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CHILD, file, dir, measureId, '100000', label, '15000', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, MULTIUSER_COMPACT_ENTRIES: '2000' },
  });
}

function waitStarted(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8');
    child.stdout!.on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('ack ')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`Schreibprozess beendet (${code})`)));
  });
}

async function benchSize(size: number, contended: boolean, progress: (m: string) => void): Promise<MultiUserRow[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mpr-bench-multi-'));
  const file = path.join(dir, 'register.json');
  try {
    progress(`Mehrplatz: Register mit ${size.toLocaleString('de-DE')} Maßnahmen`);
    await fs.writeFile(file, JSON.stringify(generateRegister(size)));
    const session = await openSession(dir, file, 'Bench');
    const rows: MultiUserRow[] = [];
    const alone = await saves(session, dir, 0);
    const floorMedian = quantile(alone.floor, 0.5);
    rows.push({
      label: 'Mehrplatz: Speichern allein, Median',
      size,
      ms: quantile(alone.save, 0.5),
      floorMs: floorMedian,
      floorLabel: 'Anhängen+fsync',
      target: '≤ 50 ms + fsync',
      met: quantile(alone.save, 0.5) <= 50 + floorMedian,
    });
    rows.push({
      label: 'Mehrplatz: Speichern allein, p95',
      size,
      ms: quantile(alone.save, 0.95),
      floorMs: quantile(alone.floor, 0.95),
      floorLabel: 'Anhängen+fsync',
      target: '–',
      met: null,
    });
    if (contended) {
      progress('Mehrplatz: zwei weitere Prozesse speichern fortlaufend');
      const measures = session.requireOpen().store.doc.measures;
      const clerks = [startClerk(file, dir, measures[1]!.id, 'Zweite'), startClerk(file, dir, measures[2]!.id, 'Dritte')];
      try {
        await Promise.all(clerks.map(waitStarted));
        const busy = await saves(session, dir, 3);
        rows.push({
          label: 'Mehrplatz: Speichern, 2 andere schreiben, Median',
          size,
          ms: quantile(busy.save, 0.5),
          floorMs: quantile(alone.save, 0.5),
          floorLabel: 'allein',
          target: '–',
          met: null,
        });
        rows.push({
          label: 'Mehrplatz: Speichern, 2 andere schreiben, p95',
          size,
          ms: quantile(busy.save, 0.95),
          floorMs: quantile(alone.save, 0.95),
          floorLabel: 'allein',
          target: '–',
          met: null,
        });
      } finally {
        for (const c of clerks) c.kill('SIGTERM');
        await Promise.all(
          clerks.map((c) => new Promise((r) => (c.exitCode !== null || c.signalCode !== null ? r(null) : c.on('exit', r)))),
        );
      }
      progress('Mehrplatz: bis ein anderes Fenster die Änderung hat');
      const other = await openSession(dir, file, 'Beobachter');
      const api = createApi(session, NO_DESKTOP);
      const follow: number[] = [];
      const pollCost: number[] = [];
      const pending = new Map<string, number>();
      const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
      let stop = false;
      // The other window polls on its own clock, as the renderer does; saves fall at random moments of it.
      const poller = (async () => {
        while (!stop) {
          await sleep(POLL_MS);
          const p0 = performance.now();
          const polled = await other.poll();
          const cost = performance.now() - p0;
          const ids = polled.changed === null ? [...pending.keys()] : ((polled.changed.measures as string[] | undefined) ?? []);
          let found = false;
          for (const id of ids) {
            const acked = pending.get(id);
            if (acked === undefined) continue;
            follow.push(performance.now() - acked);
            pending.delete(id);
            found = true;
          }
          if (found) pollCost.push(cost);
        }
      })();
      for (let k = 0; k < FOLLOWS; k++) {
        const target = measures[10 + k]!;
        const current = (await dispatch(api, 'getMeasure', { id: target.id })) as { ok: true; value: Measure };
        await sleep(Math.random() * POLL_MS);
        const result = await dispatch(api, 'updateMeasure', {
          id: target.id,
          version: current.value.version,
          fields: { ...fieldsOf(current.value), title: `Folgen ${k}` },
        });
        if (!result.ok) throw new Error(result.error.message);
        pending.set(target.id, performance.now());
        while (pending.has(target.id)) await sleep(20);
      }
      stop = true;
      await poller;
      rows.push({
        label: `Mehrplatz: bis das andere Fenster sie hat (Abfrage alle ${POLL_MS / 1000} s), Median`,
        size,
        ms: quantile(follow, 0.5),
        floorMs: POLL_MS / 2,
        floorLabel: 'halbes Abfrageintervall',
        target: `≤ ${POLL_MS / 1000} s`,
        met: quantile(follow, 0.5) <= POLL_MS,
      });
      rows.push({
        label: 'Mehrplatz: eine Abfrage, die die Änderung einliest',
        size,
        ms: quantile(pollCost, 0.5),
        floorMs: null,
        floorLabel: '–',
        target: '–',
        met: null,
      });
      await other.close();
    }
    await session.close();
    return rows;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

export async function benchMultiUser(progress: (m: string) => void = () => undefined): Promise<MultiUserRow[]> {
  return [...(await benchSize(1_000, true, progress)), ...(await benchSize(10_000, false, progress))];
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const fmt = (v: number | null) => (v === null ? '–' : `${v.toLocaleString('de-DE', { maximumFractionDigits: 1 })} ms`);
  for (const r of await benchMultiUser((m) => process.stderr.write(`  … ${m}\n`))) {
    process.stdout.write(
      `${r.label} | ${r.size} | ${fmt(r.ms)} | ${fmt(r.floorMs)} ${r.floorLabel} | ${r.floorMs ? (r.ms / r.floorMs).toFixed(2) : '–'} | ${r.target} | ${r.met === null ? '–' : r.met ? 'ja' : 'nein'}\n`,
    );
  }
}
