import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi, dispatch, type Api } from '@main/api';
import { NO_DESKTOP } from '@main/core/desktop';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import type { ApiResult } from '@shared/contract';
import type { Measure } from '@shared/register/measure';
import { makeMeasure, makeRegister } from '@tests/fixtures/documents';
import { useTempDir } from '@tests/unit/helpers/tempDir';

/**
 * The search index in main follows every change incrementally: an own save, another window's change read
 * from the journal, a measure moved into the Papierkorb — the next search finds the new state, and only the
 * changed measure is indexed again (textsIndexed counts each text indexed), never the whole register.
 */
const SAMPLE = path.resolve(import.meta.dirname, '../../../../resources/sample-register.json');
const SIZE = 40;

function ok<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function window(dir: string, storePath: string, name: string) {
  const settings = await SettingsFile.load(path.join(dir, `einstellungen-${name}.json`));
  const session = new RegisterSession({ settings, samplePath: SAMPLE, storeOptions: { journalFromBytes: 0 } });
  const described = await session.open(storePath, 'none');
  if (described.state !== 'open' || described.readOnly) throw new Error(`not writable: ${JSON.stringify(described)}`);
  const api = createApi(session, NO_DESKTOP);
  const search = async (query: string) => (ok(await dispatch(api, 'searchMeasures', { query })) as string[]).sort();
  return { session, api, search, index: () => session.requireOpen().search };
}

async function retitle(api: Api, id: string, title: string): Promise<Measure> {
  const current = ok(await dispatch(api, 'getMeasure', { id })) as Measure;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { id: _id, version, createdAt, updatedAt, deletedAt, ...fields } = current;
  return (ok(await dispatch(api, 'updateMeasure', { id, version, fields: { ...fields, title } })) as { value: Measure }).value;
}

describe('search index in main', () => {
  const dir = useTempDir('mpr-search-');

  async function register(): Promise<string> {
    const storePath = path.join(dir.path, 'register.json');
    const doc = makeRegister(0);
    for (let i = 1; i <= SIZE; i++) doc.measures.push(makeMeasure(i, { title: `Maßnahme Kennung${i}x` }));
    await fs.writeFile(storePath, JSON.stringify(doc));
    return storePath;
  }

  it('finds an own save with the next search, umlaut-tolerant, re-indexing only the changed measure', async () => {
    const a = await window(dir.path, await register(), 'a');
    try {
      expect(await a.search('massnahme kennung7x')).toEqual(['m-07']);
      expect(a.index().textsIndexed).toBe(SIZE);
      await retitle(a.api, 'm-07', 'Glühwürmchen am Phoenix-See');
      await a.index().sync();
      expect(a.index().textsIndexed).toBe(SIZE + 1);
      expect(await a.search('gluehwuermchen')).toEqual(['m-07']);
      expect(await a.search('GLÜHWÜRMCHEN phoenix')).toEqual(['m-07']);
      expect(await a.search('kennung7x')).toEqual([]);
      expect(a.index().textsIndexed).toBe(SIZE + 1);
    } finally {
      await a.session.close();
    }
  });

  it("finds another window's change once it is read from the journal, without a rebuild", async () => {
    const storePath = await register();
    const a = await window(dir.path, storePath, 'a');
    const b = await window(dir.path, storePath, 'b');
    try {
      expect(await a.search('straßenlaterne')).toEqual([]);
      const before = a.index().textsIndexed;
      await retitle(b.api, 'm-12', 'Straßenlaterne Hörde');
      ok(await dispatch(a.api, 'pollRegister', {})); // the renderer's 3 s poll
      expect(await a.search('strassenlaterne horde')).toEqual(['m-12']);
      expect(a.index().textsIndexed).toBe(before + 1);
    } finally {
      await b.session.close();
      await a.session.close();
    }
  });

  it('drops a measure moved into the Papierkorb and takes it back when restored', async () => {
    const a = await window(dir.path, await register(), 'a');
    try {
      expect(await a.search('kennung3')).toEqual(['m-03', 'm-30', 'm-31', 'm-32', 'm-33', 'm-34', 'm-35', 'm-36', 'm-37', 'm-38', 'm-39']);
      const current = ok(await dispatch(a.api, 'getMeasure', { id: 'm-30' })) as Measure;
      ok(await dispatch(a.api, 'deleteMeasure', { id: 'm-30', version: current.version }));
      expect(await a.search('kennung30x')).toEqual([]);
      expect(await a.search('kennung3')).not.toContain('m-30');
      ok(await dispatch(a.api, 'restoreMeasure', { id: 'm-30' }));
      expect(await a.search('kennung30x')).toEqual(['m-30']);
    } finally {
      await a.session.close();
    }
  });

  it('is built after open without waiting for a search (idle time), and a lookup change re-labels all', async () => {
    const a = await window(dir.path, await register(), 'a');
    try {
      await a.index().sync();
      expect(a.index().ready).toBe(true);
      const field = a.session.requireOpen().store.doc.actionFields[0]!;
      expect(await a.search('sternschnuppe')).toEqual([]);
      const { id, ...rest } = field;
      ok(await dispatch(a.api, 'saveActionField', { id, fields: { ...rest, name: 'Sternschnuppe' } }));
      expect((await a.search('sternschnuppe')).length).toBe(SIZE);
    } finally {
      await a.session.close();
    }
  });
});
