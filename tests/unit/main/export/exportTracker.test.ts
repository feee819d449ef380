/**
 * Progress and "Abbrechen" of the Excel export as the window drives them: through createApi and dispatch
 * (the real export worker, a generated register of a few thousand Kennzahl rows in a temp folder), the
 * renderer's polls (`getExportProgress`) and `cancelExport`. A cancelled export leaves no file, no temp
 * file and no export folder entry; a finished one is not cancelled afterwards.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi, dispatch } from '@main/api';
import { NO_DESKTOP } from '@main/core/desktop';
import { ExportTracker } from '@main/export/exportTracker';
import { snapshotText } from '@main/store/registerFiles';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import type { ExportProgressState } from '@shared/contract';
import { generateRegister } from '@tests/bench/generate';
import { withEvaluationData } from '@tests/bench/generateEvaluation';
import { useTempDir } from '@tests/unit/helpers/tempDir';

const SAMPLE = path.resolve(import.meta.dirname, '../../../../resources/sample-register.json');

describe('export progress and cancel through the contract', () => {
  const dir = useTempDir('mpr-exportprogress-');

  async function setup(measures: number) {
    const storePath = path.join(dir.path, 'register.json');
    const doc = withEvaluationData(generateRegister(measures), { indicatorsPerMeasure: 5, years: 6 });
    await fs.writeFile(storePath, snapshotText(doc, 0));
    const settings = await SettingsFile.load(path.join(dir.path, 'einstellungen.json'));
    const session = new RegisterSession({ settings, samplePath: SAMPLE });
    await session.open(storePath, 'none');
    const out = path.join(dir.path, 'Exporte');
    await fs.mkdir(out);
    const api = createApi(session, { ...NO_DESKTOP, pickExportTarget: async (name) => path.join(out, name) });
    const request = { roundId: doc.evaluationRounds[0]!.id, format: 'xlsx', filters: {}, includePersonalData: false, open: false };
    return { session, api, out, request };
  }

  const progressOf = async (api: ReturnType<typeof createApi>) => {
    const answer = await dispatch(api, 'getExportProgress', {});
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.value as ExportProgressState;
  };

  it('reports the running export and stops it on "Abbrechen": null, and no file in the folder', async () => {
    const { session, api, out, request } = await setup(2000);
    expect(await progressOf(api)).toEqual({ running: false, percent: 0, cancelling: false });
    let settled = false;
    const exporting = dispatch(api, 'exportEvaluation', request).finally(() => (settled = true));
    // Waits (without a time limit of its own) until the worker has written a first share of the rows.
    let seen: ExportProgressState;
    do {
      await new Promise((resolve) => setTimeout(resolve, 20));
      seen = await progressOf(api);
      if (settled) throw new Error(`export ended before it could be cancelled: ${JSON.stringify(await exporting)}`);
    } while (!(seen.running && seen.percent > 0));
    expect(seen.cancelling).toBe(false);
    expect(await dispatch(api, 'cancelExport', {})).toEqual({ ok: true, value: true });
    expect(await progressOf(api)).toMatchObject({ running: true, cancelling: true });
    expect(await exporting).toEqual({ ok: true, value: null });
    expect(await fs.readdir(out)).toEqual([]);
    expect(await progressOf(api)).toEqual({ running: false, percent: 0, cancelling: false });
    // The worker stays usable: the next export runs to its file.
    const next = await dispatch(api, 'exportEvaluation', request);
    expect(next).toMatchObject({ ok: true, value: { path: expect.stringMatching(/\.xlsx$/) } });
    expect(await fs.readdir(out)).toHaveLength(1);
    await session.close();
  }, 120_000);

  it('"Abbrechen" after the export finished changes nothing: false, the file stays', async () => {
    const { session, api, out, request } = await setup(20);
    const done = await dispatch(api, 'exportEvaluation', request);
    expect(done).toMatchObject({ ok: true, value: { path: expect.any(String) } });
    expect(await dispatch(api, 'cancelExport', {})).toEqual({ ok: true, value: false });
    expect(await fs.readdir(out)).toHaveLength(1);
    await session.close();
  }, 60_000);
});

describe('ExportTracker', () => {
  it('gives null when "Abbrechen" comes after the last rows but before the file is written', async () => {
    const tracker = new ExportTracker();
    let finish: (bytes: Uint8Array) => void = () => undefined;
    const running = tracker.run(({ onProgress }) => {
      onProgress(1);
      return new Promise<Uint8Array>((resolve) => (finish = resolve));
    });
    expect(tracker.state()).toEqual({ running: true, percent: 100, cancelling: false });
    expect(tracker.cancel()).toBe(true);
    finish(new Uint8Array([1, 2, 3]));
    expect(await running).toBeNull();
    expect(tracker.state().running).toBe(false);
  });

  it('passes other failures on', async () => {
    const tracker = new ExportTracker();
    await expect(tracker.run(() => Promise.reject(new Error('Platte voll')))).rejects.toThrow('Platte voll');
    expect(tracker.cancel()).toBe(false);
  });
});
