/**
 * readRegisterAt (electron/main/store/registerFiles.ts): the export worker reads the register itself, at
 * the revision the app shows — snapshot plus journal lines up to it, not the changes written since; when
 * another instance compacted past that revision it says so (RevisionGoneError) instead of exporting a
 * different state. Through the export worker: the file source gives the workbook of that revision, and
 * the fallback document is used when the revision is gone.
 */
import path from 'node:path';
import XLSX from 'xlsx';
import { afterAll, describe, expect, it } from 'vitest';
import { ExportWorkerClient, committedState } from '@main/export/exportWorkerClient';
import { readRegisterAt, RevisionGoneError } from '@main/store/registerFiles';
import { RegisterStore } from '@main/store/registerStore';
import { replaceAt } from '@main/register/measures';
import type { RegisterDocument } from '@shared/register/register';
import { makeRegister } from '@tests/fixtures/documents';
import { useTempDir } from '@tests/unit/helpers/tempDir';

const dir = useTempDir('mpr-revision-at-');
const JOURNAL = { journalFromBytes: 0 };

const retitle =
  (index: number, title: string) =>
  (doc: RegisterDocument): RegisterDocument => {
    const m = doc.measures[index]!;
    return { ...doc, measures: replaceAt(doc.measures, index, { ...m, title, version: m.version + 1 }) };
  };

describe('the register at a revision', () => {
  it('reads snapshot and journal up to the revision, not the changes after it', async () => {
    const file = path.join(dir.path, 'r.json');
    const { store } = await RegisterStore.open(file, { createWith: () => makeRegister(3), ...JOURNAL });
    await store.commit(retitle(0, 'Eins'));
    const atOne = store.doc;
    const one = store.revision;
    await store.commit(retitle(1, 'Zwei'));
    expect(await readRegisterAt(file, one)).toEqual(atOne);
    expect(await readRegisterAt(file, store.revision)).toEqual(store.doc);
    expect((await readRegisterAt(file, one)).measures[1]!.title).not.toBe('Zwei');
  });

  it('refuses a revision that a compaction has folded away, and one not yet written', async () => {
    const file = path.join(dir.path, 'r.json');
    const { store } = await RegisterStore.open(file, { createWith: () => makeRegister(3), ...JOURNAL });
    await store.commit(retitle(0, 'Eins'));
    const one = store.revision;
    await store.commit(retitle(1, 'Zwei'), { compact: true });
    await expect(readRegisterAt(file, one)).rejects.toBeInstanceOf(RevisionGoneError);
    await expect(readRegisterAt(file, store.revision + 1)).rejects.toBeInstanceOf(RevisionGoneError);
  });
});

describe('the export worker reads the register itself', () => {
  const client = new ExportWorkerClient();
  afterAll(() => client.close());
  const input = { includePersonalData: false, generatedAt: new Date('2026-11-26T10:00:00Z'), appVersion: 't' };
  const titlesOf = (bytes: Buffer) => {
    const book = XLSX.read(bytes);
    return XLSX.utils
      .sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1 })
      .flat()
      .filter((v) => typeof v === 'string');
  };

  it('exports the state of the revision it was given; the fallback document when that revision is gone', async () => {
    const file = path.join(dir.path, 'r.json');
    const { store } = await RegisterStore.open(file, { createWith: () => makeRegister(3), ...JOURNAL });
    const named = (name: string) => (doc: RegisterDocument) => ({ ...doc, name });
    await store.commit(named('Register Stand Eins'));
    const seen = committedState(store);
    await store.commit(named('Register Stand Zwei'));
    const fromFile = await client.run({ kind: 'proposals', input, register: seen.register });
    expect(titlesOf(fromFile).join(' ')).toContain('Register Stand Eins');
    expect(titlesOf(fromFile).join(' ')).not.toContain('Stand Zwei');
    await store.commit(named('Register Stand Drei'), { compact: true });
    await expect(client.run({ kind: 'proposals', input, register: seen.register })).rejects.toThrow(/revision/);
    const fallback = await client.run({ kind: 'proposals', input, register: seen.register }, { fallback: seen.fallback });
    expect(titlesOf(fallback).join(' ')).toContain('Register Stand Eins');
  });
});
