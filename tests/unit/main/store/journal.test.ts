import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyOps, diffDocuments } from '@main/store/docDiff';
import { journalPathFor, readJournal } from '@main/store/journal';
import { loadRegisterFiles } from '@main/store/registerFiles';
import { RegisterStore, WriteFailedError } from '@main/store/registerStore';
import { replaceAt } from '@main/register/measures';
import type { RegisterDocument } from '@shared/register/register';
import { multiUser } from '@shared/session/multiUserTexts';
import { makeMeasure, makeRegister } from '@tests/fixtures/documents';
import { useTempDir } from '@tests/unit/helpers/tempDir';

const dir = useTempDir('mpr-journal-');
const JOURNAL = { journalFromBytes: 0 };

const retitle =
  (index: number, title: string) =>
  (doc: RegisterDocument): RegisterDocument => {
    const m = doc.measures[index]!;
    return { ...doc, measures: replaceAt(doc.measures, index, { ...m, title, version: m.version + 1 }) };
  };

describe('diff and replay of a change', () => {
  it('records only the changed records and replays to the same document', () => {
    const before = makeRegister(5);
    const after: RegisterDocument = {
      ...before,
      name: 'Neuer Name',
      measures: [
        ...replaceAt(before.measures, 2, { ...before.measures[2]!, title: 'Geändert' }).filter((m) => m.id !== before.measures[0]!.id),
        makeMeasure(9),
      ],
    };
    const ops = diffDocuments(before, after);
    expect(ops).toEqual([
      { k: 'name', set: 'Neuer Name' },
      { k: 'measures', del: [before.measures[0]!.id], up: [after.measures[1]], add: [after.measures.at(-1)] },
    ]);
    expect(applyOps(before, ops)).toEqual(after);
    // A reordered list is stored whole.
    const reordered = { ...before, measures: [...before.measures].reverse() };
    expect(diffDocuments(before, reordered)).toEqual([{ k: 'measures', set: reordered.measures }]);
    expect(applyOps(before, diffDocuments(before, reordered))).toEqual(reordered);
  });
});

describe('the journal beside the snapshot', () => {
  it('appends one line per change; the snapshot is untouched; a second instance follows line by line', async () => {
    const file = path.join(dir.path, 'r.json');
    const { store: a } = await RegisterStore.open(file, { createWith: () => makeRegister(3), ...JOURNAL });
    const snapshot = await fs.readFile(file, 'utf8');
    const { store: b } = await RegisterStore.open(file, JOURNAL);
    await a.commit(retitle(0, 'Eins'));
    await a.commit(retitle(1, 'Zwei'));
    expect(await fs.readFile(file, 'utf8')).toBe(snapshot);
    const journal = await readJournal(journalPathFor(file));
    expect(journal?.entries.map((e) => e.rev)).toEqual([1, 2]);
    const change = await b.refresh();
    expect(change).toMatchObject({ revision: 2, reloaded: false, changed: { measures: [a.doc.measures[0]!.id, a.doc.measures[1]!.id] } });
    expect(b.doc).toEqual(a.doc);
    // b writes on top of a's changes, never over them.
    await b.commit(retitle(2, 'Drei'));
    expect((await loadRegisterFiles(file, 'read')).doc.measures.map((m) => m.title).slice(0, 3)).toEqual(['Eins', 'Zwei', 'Drei']);
  });

  it('drops a torn last line (crash mid-append) when reading; the next writer cuts it off and continues', async () => {
    const file = path.join(dir.path, 'r.json');
    const { store } = await RegisterStore.open(file, { createWith: () => makeRegister(2), ...JOURNAL });
    await store.commit(retitle(0, 'Gespeichert'));
    await fs.appendFile(journalPathFor(file), '{"rev":2,"v":5,"at":"2026-01-01T00:00:00.000Z","by":"x","ops":[{"k":"meas');
    const read = await loadRegisterFiles(file, 'read');
    expect(read).toMatchObject({ revision: 1, note: null });
    expect(read.doc.measures[0]!.title).toBe('Gespeichert');
    const { store: other } = await RegisterStore.open(file, JOURNAL);
    await other.commit(retitle(1, 'Danach'));
    const journal = await readJournal(journalPathFor(file));
    expect(journal).toMatchObject({ tornBytes: 0, damagedLine: null });
    expect(journal!.entries.map((e) => e.rev)).toEqual([1, 2]);
    expect((await loadRegisterFiles(file, 'read')).doc.measures.map((m) => m.title)).toEqual(['Gespeichert', 'Danach']);
  });

  it('compaction folds the journal into the snapshot; other instances notice and re-read', async () => {
    const file = path.join(dir.path, 'r.json');
    const { store: a } = await RegisterStore.open(file, { createWith: () => makeRegister(2), ...JOURNAL, compactAfterEntries: 3 });
    const { store: b } = await RegisterStore.open(file, JOURNAL);
    for (let i = 1; i <= 7; i++) await a.commit(retitle(i % 2, `Stand ${i}`));
    const journal = await readJournal(journalPathFor(file));
    expect(journal!.header!.base).toBe(6);
    expect(journal!.entries.map((e) => e.rev)).toEqual([7]);
    const change = await b.refresh();
    expect(change).toMatchObject({ revision: 7, reloaded: true, replaced: false });
    expect(b.doc).toEqual(a.doc);
  });

  it('a register replaced under the app (e.g. by an older copy) is re-read; its journal is not replayed onto the copy', async () => {
    const file = path.join(dir.path, 'r.json');
    const { store: a } = await RegisterStore.open(file, { createWith: () => makeRegister(2), ...JOURNAL });
    const copy = await fs.readFile(file, 'utf8');
    await a.commit(retitle(0, 'Neuer Stand'));
    await a.compactNow();
    await a.commit(retitle(1, 'Im Journal'));
    await fs.writeFile(`${file}.neu`, copy);
    await fs.rename(`${file}.neu`, file);
    const change = await a.refresh();
    expect(change).toMatchObject({ reloaded: true, replaced: true });
    expect(a.fileNote).toBe(multiUser.registerReplaced);
    expect(a.doc.measures.map((m) => m.title)).toEqual(makeRegister(2).measures.map((m) => m.title));
  });

  it('a register that disappeared (share gone, renamed) refuses the write with a German message; memory stays', async () => {
    const file = path.join(dir.path, 'r.json');
    const { store } = await RegisterStore.open(file, { createWith: () => makeRegister(2), ...JOURNAL });
    await store.commit(retitle(0, 'Vorher'));
    await fs.rename(file, path.join(dir.path, 'umbenannt.json'));
    const failed = store.commit(retitle(0, 'Nachher'));
    await expect(failed).rejects.toBeInstanceOf(WriteFailedError);
    await expect(failed).rejects.toThrow(multiUser.registerGone);
    expect(store.doc.measures[0]!.title).toBe('Vorher');
    // Nothing was created in its place.
    await expect(fs.access(file)).rejects.toThrow();
  });

  it('two instances creating the register at the same moment: one creates it, both open the same register', async () => {
    const file = path.join(dir.path, 'neu.json');
    const results = await Promise.all(
      [0, 1, 2].map((n) => RegisterStore.open(file, { createWith: () => makeRegister(1, { registerId: `reg-${n}` }) })),
    );
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.store.doc.registerId)).size).toBe(1);
  });
});
