import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDirFor, listBackups } from '@main/store/backups';
import { RegisterFileError } from '@main/store/decode';
import { RegisterStore, WriteFailedError } from '@main/store/registerStore';
import { CURRENT_SCHEMA_VERSION, type RegisterDocument } from '@shared/register/register';
import { de } from '@shared/i18n/de';
import { loadV1, makeMeasure, makeRegister } from '@tests/fixtures/documents';
import { mountTinyTmpfs, tempFilesIn, unmount, useTempDir } from '@tests/unit/helpers/tempDir';

const dir = useTempDir();
let mounted: string | null = null;
// Registered after useTempDir, so (hooks run in reverse) this unmounts before the folder is removed.
afterEach(() => {
  if (mounted) unmount(mounted);
  mounted = null;
});

/** The snapshot as written (small registers are rewritten on every change), without the store's revision. */
async function onDisk(file: string): Promise<RegisterDocument> {
  const { revision, ...doc } = JSON.parse(await fs.readFile(file, 'utf8')) as RegisterDocument & { revision?: number };
  expect(typeof revision).toBe('number');
  return doc as RegisterDocument;
}

async function createStore(file: string, doc = makeRegister(2)): Promise<RegisterStore> {
  const { store, created } = await RegisterStore.open(file, { createWith: () => doc });
  expect(created).toBe(true);
  return store;
}

const appendMeasure = (doc: RegisterDocument): RegisterDocument => ({
  ...doc,
  measures: [...doc.measures, makeMeasure(doc.measures.length + 1)],
});

describe('RegisterStore.open', () => {
  it('creates a missing file from createWith and writes it to disk', async () => {
    const file = path.join(dir.path, 'Register.json');
    const doc = makeRegister(2);
    const { store, created, migratedFrom } = await RegisterStore.open(file, { createWith: () => doc });
    expect({ created, migratedFrom }).toEqual({ created: true, migratedFrom: null });
    expect(store.doc).toEqual(doc);
    expect(await onDisk(file)).toEqual(doc);
    expect(store.lastSavedAt).not.toBeNull();
    expect((await fs.readdir(dir.path)).sort()).toEqual(['Register.json', 'Register.json.journal']);
  });

  it('refuses a missing file without createWith', async () => {
    const open = RegisterStore.open(path.join(dir.path, 'fehlt.json'));
    await expect(open).rejects.toBeInstanceOf(RegisterFileError);
    await expect(open).rejects.toMatchObject({ kind: 'io', message: de.store.notFound });
  });

  // SOURCE BUG (registerStore.ts, `new Low<RegisterDocument>(adapter, undefined as unknown as ...)`):
  it('opens an existing valid file', async () => {
    const file = path.join(dir.path, 'Register.json');
    await fs.writeFile(file, JSON.stringify(makeRegister(3)));
    const { store, created, migratedFrom } = await RegisterStore.open(file);
    expect({ created, migratedFrom }).toEqual({ created: false, migratedFrom: null });
    expect(store.doc).toEqual(makeRegister(3));
    // No backup for a file that needed no migration.
    expect(await listBackups(file)).toEqual([]);
  });

  it('reports each unusable file as a RegisterFileError of the right kind', async () => {
    const cases: [string, string, RegisterFileError['kind']][] = [
      ['leer.json', '', 'empty'],
      ['luft.json', '  \n ', 'empty'],
      ['binaer.json', '\u0000\u0000\u0000', 'binary'],
      ['halb.json', JSON.stringify(makeRegister(3)).slice(0, 500), 'damaged'],
      ['neuer.json', JSON.stringify({ ...makeRegister(1), schemaVersion: CURRENT_SCHEMA_VERSION + 1 }), 'newer'],
    ];
    for (const [name, text, kind] of cases) {
      const file = path.join(dir.path, name);
      await fs.writeFile(file, text);
      await expect(RegisterStore.open(file), name).rejects.toMatchObject({ kind });
      // Opening must never change or replace the unusable file.
      expect(await fs.readFile(file, 'utf8'), name).toBe(text);
    }
  });

  it('migrates a version-1 file: backup of the original first, then the file is rewritten as version 2', async () => {
    const file = path.join(dir.path, 'Pilot.json');
    const original = JSON.stringify(loadV1(), null, 2);
    await fs.writeFile(file, original);

    const { store, migratedFrom } = await RegisterStore.open(file, {
      onMigrated: (doc, from) => ({ ...doc, name: `${doc.name} (aus Format ${from})` }),
    });
    expect(migratedFrom).toBe(1);
    expect(store.doc.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);

    const backups = await listBackups(file);
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ reason: 'migration' });
    expect(path.dirname(backups[0]!.path)).toBe(path.join(dir.path, 'Pilot-Sicherungen'));
    expect(backupDirFor(file)).toBe(path.join(dir.path, 'Pilot-Sicherungen'));
    expect(await fs.readFile(backups[0]!.path, 'utf8')).toBe(original);

    const saved = await onDisk(file);
    expect(saved.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(saved.name).toBe('Masterplan Kommunale Sicherheit – Pilotliste (aus Format 1)');
    expect(saved).toEqual(store.doc);
  });
});

describe('RegisterStore.commit', () => {
  it('writes each change to disk before it resolves and then makes it the current state', async () => {
    const file = path.join(dir.path, 'Register.json');
    const store = await createStore(file);
    const before = store.doc;
    const { result, savedAt } = await store.commit((doc) => ({ doc: { ...doc, name: 'Umbenannt' }, result: 42 }));
    expect(result).toBe(42);
    expect(savedAt).toBe(store.lastSavedAt);
    expect(store.doc.name).toBe('Umbenannt');
    expect(before.name).toBe('Testregister');
    expect((await onDisk(file)).name).toBe('Umbenannt');
    expect(await tempFilesIn(dir.path)).toEqual([]);
  });

  it('applies 20 commits fired at once in order, each on top of the previous one', async () => {
    const file = path.join(dir.path, 'Register.json');
    const store = await createStore(file, makeRegister(0));
    const resolved: number[] = [];
    const commits = Array.from({ length: 20 }, (_, i) =>
      store.commit((doc) => (i % 5 === 4 ? { ...doc, name: `Name nach Schritt ${i}` } : appendMeasure(doc))).then(() => resolved.push(i)),
    );
    await Promise.all(commits);

    expect(resolved).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const saved = await onDisk(file);
    // 16 appends, each numbered from the length it saw: any reordering or lost update breaks the sequence.
    expect(saved.measures.map((m) => m.number)).toEqual(Array.from({ length: 16 }, (_, k) => `HF1-${String(k + 1).padStart(2, '0')}`));
    expect(saved.name).toBe('Name nach Schritt 19');
    expect(saved).toEqual(store.doc);
  });

  it('writes nothing when the change throws, and keeps working afterwards', async () => {
    const file = path.join(dir.path, 'Register.json');
    const store = await createStore(file);
    const diskBefore = await fs.readFile(file, 'utf8');
    await expect(
      store.commit(() => {
        throw new Error('Regel verletzt');
      }),
    ).rejects.toThrow('Regel verletzt');
    expect(await fs.readFile(file, 'utf8')).toBe(diskBefore);
    await store.commit(appendMeasure);
    expect((await onDisk(file)).measures).toHaveLength(3);
  });

  it('keeps memory and disk at the old state when the folder has gone, and recovers when it is back', async () => {
    const folder = path.join(dir.path, 'Freigabe');
    await fs.mkdir(folder);
    const file = path.join(folder, 'Register.json');
    const store = await createStore(file);
    const before = store.doc;

    // Like a network share that dropped away: the write cannot even create its temp file.
    const moved = path.join(dir.path, 'Freigabe-weg');
    await fs.rename(folder, moved);
    const failed = store.commit(appendMeasure);
    await expect(failed).rejects.toBeInstanceOf(WriteFailedError);
    await expect(failed).rejects.toMatchObject({ reason: de.store.notFound });
    expect(store.doc).toBe(before);
    expect((await onDisk(path.join(moved, 'Register.json'))).measures).toHaveLength(2);

    await fs.rename(moved, folder);
    await store.commit(appendMeasure);
    expect((await onDisk(file)).measures).toHaveLength(3);
  });

  it('rejects with "Datenträger ist voll" on ENOSPC, keeping memory and disk at the old state', async (ctx) => {
    const volume = path.join(dir.path, 'klein');
    await fs.mkdir(volume);
    const reason = mountTinyTmpfs(volume);
    if (reason) ctx.skip(reason);
    mounted = volume;

    const file = path.join(volume, 'Register.json');
    const store = await createStore(file);
    const before = store.doc;
    const diskBefore = await fs.readFile(file, 'utf8');

    // ~600 KB of text does not fit into 256 KB.
    const huge = (doc: RegisterDocument): RegisterDocument => ({
      ...doc,
      measures: Array.from({ length: 30 }, (_, k) => makeMeasure(k + 1, { description: 'Beispieltext zur Länge '.repeat(800) })),
    });
    const failed = store.commit(huge);
    await expect(failed).rejects.toBeInstanceOf(WriteFailedError);
    await expect(failed).rejects.toThrow(/Datenträger ist voll/);
    await expect(failed).rejects.toMatchObject({ reason: de.store.diskFull, message: de.store.writeFailed(de.store.diskFull) });

    expect(store.doc).toBe(before);
    expect(await fs.readFile(file, 'utf8')).toBe(diskBefore);
    // The half-written temp file is removed, so the space is free again …
    expect(await tempFilesIn(volume)).toEqual([]);
    // … and a change that fits is saved.
    await store.commit(appendMeasure);
    expect((await onDisk(file)).measures).toHaveLength(3);
  });

  it('flush waits for queued writes', async () => {
    const file = path.join(dir.path, 'Register.json');
    const store = await createStore(file);
    void store.commit(appendMeasure);
    void store.commit(appendMeasure);
    await store.flush();
    expect((await onDisk(file)).measures).toHaveLength(4);
  });
});
