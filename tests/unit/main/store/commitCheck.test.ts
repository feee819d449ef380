import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi, dispatch } from '@main/api';
import { NO_DESKTOP } from '@main/core/desktop';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import { SubmissionService } from '@main/submissions/submissions';
import { CommitRefusedError } from '@main/store/commitCheck';
import { decodeRegister } from '@main/store/decode';
import { journalPathFor } from '@main/store/journal';
import { RegisterStore } from '@main/store/registerStore';
import type { Submission } from '@shared/submissions/submission';
import { makeMeasure, makeRegister } from '@tests/fixtures/documents';
import { useTempDir } from '@tests/unit/helpers/tempDir';

/** Issue 12, findings 2 and 6: the store never writes what its reader refuses, nor a file too large to open. */
const dir = useTempDir('mpr-commit-');

async function storeWith(measures = 2, maxBytes?: number) {
  const file = path.join(dir.path, 'register.json');
  await fs.writeFile(file, JSON.stringify(makeRegister(measures)));
  const { store } = await RegisterStore.open(file, { maxBytes });
  return { file, store, before: await fs.readFile(file, 'utf8') };
}

describe('every commit is validated with the reader schema', () => {
  it('refuses a control character in a stored text with a field-level German message; file and memory unchanged', async () => {
    const { file, store, before } = await storeWith();
    const commit = store.commit((doc) => ({ ...doc, measures: doc.measures.map((m, i) => (i === 1 ? { ...m, title: 'a\u0000b' } : m)) }));
    await expect(commit).rejects.toBeInstanceOf(CommitRefusedError);
    const error = (await commit.catch((e: unknown) => e)) as CommitRefusedError;
    expect(error.message).toMatch(
      /^Die Änderung wurde nicht gespeichert, weil das Register danach nicht mehr lesbar wäre: Maßnahme .*Feld „title“: .*Steuerzeichen/,
    );
    expect(error.fields).toEqual([{ field: 'title', message: expect.stringContaining('Steuerzeichen') }]);
    expect(await fs.readFile(file, 'utf8')).toBe(before);
    expect(store.doc.measures[1]!.title).not.toContain('\u0000');
    // The store still works afterwards, and what it writes is readable.
    await store.commit((doc) => ({ ...doc, measures: [...doc.measures, makeMeasure(3)] }));
    expect(decodeRegister(await fs.readFile(file, 'utf8')).doc.measures).toHaveLength(3);
  });

  it('refuses an unknown top-level field and a list emptied below its minimum', async () => {
    const { store } = await storeWith();
    await expect(store.commit((doc) => ({ ...doc, extra: 1 }) as typeof doc)).rejects.toThrow(/Unbekanntes Feld „extra“/);
    await expect(store.commit((doc) => ({ ...doc, statuses: [] }))).rejects.toBeInstanceOf(CommitRefusedError);
  });

  it('checks only what is appended to a list, yet refuses a bad appended record and one added while another goes', async () => {
    const { store } = await storeWith(3);
    const bad = { ...makeMeasure(4), title: 'x\u0000' };
    // Appended (the old records untouched, as the audit trail grows on every save).
    await expect(store.commit((doc) => ({ ...doc, measures: [...doc.measures, bad] }))).rejects.toBeInstanceOf(CommitRefusedError);
    // Not a pure append: one record removed, the bad one added.
    await expect(store.commit((doc) => ({ ...doc, measures: [...doc.measures.slice(1), bad] }))).rejects.toBeInstanceOf(CommitRefusedError);
    await store.commit((doc) => ({ ...doc, measures: [...doc.measures.slice(1), makeMeasure(5)] }));
    expect(store.doc.measures.map((m) => m.id)).toEqual(['m-02', 'm-03', 'm-05']);
  });

  it('the attack of the report: an attachment title with NUL and a line break is refused at the contract, in German', async () => {
    const file = path.join(dir.path, 'register.json');
    const source = path.join(dir.path, 'anlage.pdf');
    await fs.writeFile(source, '%PDF-1.4');
    await fs.writeFile(file, JSON.stringify(makeRegister(2)));
    const session = new RegisterSession({ settings: await SettingsFile.load(path.join(dir.path, 'einstellungen.json')), samplePath: '' });
    await session.open(file);
    const api = createApi(session, { ...NO_DESKTOP, pickAttachment: async () => source });
    const created = await dispatch(api, 'createSubmission', { source: { kind: 'blank' } });
    if (!created.ok) throw new Error(created.error.message);
    const s = (created.value as { value: Submission }).value;
    const result = await dispatch(api, 'addSubmissionAttachment', { id: s.id, version: 1, title: 'a\u0000b\nc' });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'BAD_REQUEST',
        fields: [
          { field: 'title', message: expect.stringContaining('Steuerzeichen') },
          { field: 'title', message: expect.stringContaining('Zeilenumbruch') },
        ],
      },
    });
    // Past the contract (a service called directly), the commit check still refuses it.
    await expect(new SubmissionService(session).addAttachment(s.id, 1, source, 'a\u0000b\nc')).rejects.toBeInstanceOf(CommitRefusedError);
    await session.close();
    // And the register still opens.
    const again = new RegisterSession({ settings: await SettingsFile.load(path.join(dir.path, 'einstellungen.json')), samplePath: '' });
    expect(await again.open(file)).toMatchObject({ state: 'open' });
    await again.close();
  });

  it('refuses a commit that would make the file larger than the limit, saying what to do; nothing written', async () => {
    const { file, store, before } = await storeWith(2, 64 * 1024);
    const big = 'x'.repeat(9_000);
    const commit = store.commit((doc) => ({
      ...doc,
      measures: [...doc.measures, ...[3, 4, 5, 6, 7, 8, 9, 10].map((n) => ({ ...makeMeasure(n), description: big }))],
    }));
    const error = (await commit.catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(CommitRefusedError);
    expect(error.message).toMatch(/MiB/);
    expect(error.message).toMatch(/Papierkorb/);
    expect(await fs.readFile(file, 'utf8')).toBe(before);
    expect(store.doc.measures).toHaveLength(2);
  });
});

/** Merge of issue 17: the same checks on the multi-user write path, where a change is a journal line. */
describe('commit check and size limit before a journal append', () => {
  async function journalStore(maxBytes?: number) {
    const file = path.join(dir.path, 'register.json');
    await fs.writeFile(file, JSON.stringify(makeRegister(2)));
    // journalFromBytes 0: every change is appended to the journal, the snapshot stays as it is.
    const { store } = await RegisterStore.open(file, { maxBytes, journalFromBytes: 0 });
    // The first change starts the journal beside a plain snapshot, the second is a journal line.
    await store.commit((doc) => ({ ...doc, measures: [...doc.measures, makeMeasure(3)] }));
    await store.commit((doc) => ({ ...doc, measures: [...doc.measures, makeMeasure(4)] }));
    return { file, store, snapshot: await fs.readFile(file, 'utf8'), journal: await fs.readFile(journalPathFor(file), 'utf8') };
  }

  it('an invalid change reaches neither the journal nor the snapshot; the next valid one is appended', async () => {
    const { file, store, snapshot, journal } = await journalStore();
    expect(journal.trim().split('\n').length).toBeGreaterThan(1);
    const revision = store.revision;
    await expect(
      store.commit((doc) => ({ ...doc, measures: doc.measures.map((m, i) => (i === 0 ? { ...m, title: 'a\u0000b' } : m)) })),
    ).rejects.toBeInstanceOf(CommitRefusedError);
    expect(await fs.readFile(file, 'utf8')).toBe(snapshot);
    expect(await fs.readFile(journalPathFor(file), 'utf8')).toBe(journal);
    expect(store.revision).toBe(revision);
    await store.commit((doc) => ({ ...doc, measures: [...doc.measures, makeMeasure(5)] }));
    expect(store.revision).toBe(revision + 1);
    expect((await fs.readFile(journalPathFor(file), 'utf8')).startsWith(journal)).toBe(true);
    const reopened = await RegisterStore.open(file, { journalFromBytes: 0 });
    expect(reopened.store.doc.measures.map((m) => m.title)).toEqual(store.doc.measures.map((m) => m.title));
  });

  it('a change that would make the folded register larger than the limit is refused before the append', async () => {
    const { file, store, snapshot, journal } = await journalStore(64 * 1024);
    const big = 'x'.repeat(9_000);
    const commit = store.commit((doc) => ({
      ...doc,
      measures: [...doc.measures, ...[5, 6, 7, 8, 9, 10, 11, 12].map((n) => ({ ...makeMeasure(n), description: big }))],
    }));
    const error = (await commit.catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(CommitRefusedError);
    expect(error.message).toMatch(/MiB/);
    expect(await fs.readFile(file, 'utf8')).toBe(snapshot);
    expect(await fs.readFile(journalPathFor(file), 'utf8')).toBe(journal);
    expect(store.doc.measures).toHaveLength(4);
  });
});
