/**
 * Benchmark module (not a test) for offline review; tests/bench/run.ts puts its rows into the table, and
 * `npx tsx tests/bench/review.ts` prints them alone.
 *
 * On a generated register of 1,000 measures (tests/bench/generate.ts) in a temp folder, through dispatch
 * as the app calls it:
 *  - Paket erstellen: createReviewPackage with all 1,000 measures (snapshot, hashes, checksum, durable
 *    write of the package, record in the register, durable write of the register)
 *      vs. the floor: writing the same bytes (package and register: stringify, write, fsync).
 *  - Rücklauf einlesen: previewReviewImport + applyReviewImport of the returned package with 3,000 entries
 *    (a comment, a proposal and a vote per measure: read, verify, plan, apply, durable write)
 *      vs. the floor: reading the same package bytes (read + JSON.parse) and writing the register.
 * Target for both: ≤ 2 s.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApi, dispatch, type Api } from '@main/api';
import { NO_DESKTOP } from '@main/core/desktop';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import { readPackageFile, sha256, writePackageFile } from '@main/review/packageFile';
import { writeFileDurable } from '@main/store/durableWrite';
import { sealPackage, type ReviewEntry } from '@shared/review/reviewPackage';
import { finishReview } from '@shared/review/reviewWork';
import { generateRegister } from './generate';

export const REVIEW_SIZE = 1_000;
export const REVIEW_TARGET_MS = 2000;
const RUNS = 3;

export interface ReviewBenchRow {
  label: string;
  ms: number;
  floorMs: number;
  floorLabel: string;
  met: boolean;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function time(job: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await job();
  return performance.now() - start;
}

async function ok<T>(api: Api, method: string, payload: unknown): Promise<T> {
  const result = await dispatch(api, method, payload);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

export async function benchReview(): Promise<ReviewBenchRow[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mpr-bench-review-'));
  try {
    const storePath = path.join(dir, 'register.json');
    const doc = generateRegister(REVIEW_SIZE);
    await fs.writeFile(storePath, JSON.stringify(doc));
    const measureIds = doc.measures.filter((m) => !m.deletedAt).map((m) => m.id);
    const settings = await SettingsFile.load(path.join(dir, 'einstellungen.json'));
    const session = new RegisterSession({ settings, samplePath: '' });
    await session.open(storePath, 'none');
    let target = '';
    const api = createApi(session, { ...NO_DESKTOP, pickReviewTarget: async () => target, pickReviewPackage: async () => target });
    try {
      const createTimes: number[] = [];
      const createFloor: number[] = [];
      const mergeTimes: number[] = [];
      const mergeFloor: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        target = path.join(dir, `paket-${run}.mpreview`);
        createTimes.push(
          await time(() =>
            ok(api, 'createReviewPackage', { reviewer: 'Amtsleitung', dueDate: null, message: '', measureIds, submissionIds: [] }),
          ),
        );
        const bytes = await fs.readFile(target, 'utf8');
        createFloor.push(
          await time(async () => {
            await writeFileDurable(path.join(dir, 'floor.mpreview'), bytes);
            await writeFileDurable(path.join(dir, 'floor.json'), JSON.stringify(session.requireOpen().store.doc));
          }),
        );

        // The reviewer's work on every item, then returned.
        const pkg = await readPackageFile(target);
        const at = new Date().toISOString();
        const entries: ReviewEntry[] = pkg.items.flatMap((item, i) => [
          {
            id: `c-${i}`,
            itemId: item.id,
            at,
            kind: 'comment' as const,
            field: 'description',
            text: 'Bitte die Zielgruppe genauer beschreiben.',
          },
          {
            id: `s-${i}`,
            itemId: item.id,
            at,
            kind: 'suggestion' as const,
            field: 'title',
            value: `${item.label.slice(0, 150)} (überarbeitet)`,
            note: '',
          },
          { id: `v-${i}`, itemId: item.id, at, kind: 'vote' as const, vote: 'freigegeben' as const, reason: '' },
        ]);
        const returned = sealPackage(finishReview(sealPackage({ ...pkg, entries }, sha256), at), sha256);
        await writePackageFile(target, returned);
        mergeTimes.push(
          await time(async () => {
            const preview = await ok<{ previewId: string }>(api, 'previewReviewImport', {});
            await ok(api, 'applyReviewImport', { previewId: preview.previewId, decisions: {} });
          }),
        );
        mergeFloor.push(
          await time(async () => {
            JSON.parse(await fs.readFile(target, 'utf8'));
            await writeFileDurable(path.join(dir, 'floor.json'), JSON.stringify(session.requireOpen().store.doc));
          }),
        );
      }
      const create = median(createTimes);
      const merge = median(mergeTimes);
      return [
        {
          label: `Prüfpaket erstellen (${REVIEW_SIZE.toLocaleString('de-DE')} Maßnahmen)`,
          ms: create,
          floorMs: median(createFloor),
          floorLabel: 'Paket und Register schreiben',
          met: create <= REVIEW_TARGET_MS,
        },
        {
          label: `Rücklauf einlesen (${(REVIEW_SIZE * 3).toLocaleString('de-DE')} Anmerkungen)`,
          ms: merge,
          floorMs: median(mergeFloor),
          floorLabel: 'Paket lesen, Register schreiben',
          met: merge <= REVIEW_TARGET_MS,
        },
      ];
    } finally {
      await session.close();
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const row of await benchReview()) {
    const ratio = row.ms / row.floorMs;
    console.log(
      `${row.label}: ${Math.round(row.ms)} ms (Boden ${Math.round(row.floorMs)} ms ${row.floorLabel}, ${ratio.toFixed(1)}×; Ziel ≤ ${REVIEW_TARGET_MS} ms: ${row.met ? 'erfüllt' : 'NICHT erfüllt'})`,
    );
  }
}
