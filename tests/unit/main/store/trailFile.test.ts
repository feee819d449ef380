import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@shared/audit/audit';
import { appendTrail, readTrail, readTrailHeader, trailPathFor, TrailMovedError, writeTrail } from '@main/store/trailFile';
import { tempFilesIn, useTempDir } from '@tests/unit/helpers/tempDir';

const dir = useTempDir('mpr-trail-');
const REGISTER_ID = '0b6f3c2e-5d1a-4c7e-9f00-2a1b3c4d5e6f';

function entry(i: number, changes: AuditEntry['changes'] = [{ field: 'title', old: `alt ${i}`, new: `neu ${i}` }]): AuditEntry {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    at: new Date(Date.UTC(2026, 0, 1, 8, 0, i)).toISOString(),
    user: 'Petra Schulte',
    entityType: 'measure',
    entityId: `m-${i % 3}`,
    entityLabel: `M-${i} Radweg Nordstadt`,
    action: 'update',
    changes,
  };
}

function trailFile(): string {
  return trailPathFor(path.join(dir.path, 'register.json'));
}

describe('audit trail file', () => {
  it('lies beside the register', () => {
    expect(trailPathFor('/a/register.json')).toBe('/a/register.json.verlauf.jsonl');
  });

  it('a save appends one line per entry and reads back field by field', async () => {
    const file = trailFile();
    let at = await writeTrail(file, REGISTER_ID, [entry(1)]);
    const linesBefore = (await fs.readFile(file, 'utf8')).split('\n').length;
    at = await appendTrail(file, at, [entry(2)]);
    expect((await fs.readFile(file, 'utf8')).split('\n').length).toBe(linesBefore + 1);
    at = await appendTrail(file, at, [entry(3), entry(4, [{ field: 'budget', old: 100, new: null }])]);
    expect((await fs.readFile(file, 'utf8')).split('\n').length).toBe(linesBefore + 3);
    expect(at.end).toBe((await fs.stat(file)).size);
    const read = await readTrail(file);
    expect(read?.header).toMatchObject({ verlauf: 1, registerId: REGISTER_ID, generation: at.generation });
    expect(read?.entries).toEqual([entry(1), entry(2), entry(3), entry(4, [{ field: 'budget', old: 100, new: null }])]);
    expect(read?.damagedLine).toBeNull();
  });

  it('another instance reads just the range a journal line names', async () => {
    const file = trailFile();
    const first = await writeTrail(file, REGISTER_ID, [entry(1), entry(2)]);
    const next = await appendTrail(file, first, [entry(3)]);
    const read = await readTrail(file, first.end, next.end);
    expect(read?.entries).toEqual([entry(3)]);
    expect(read?.end).toBe(next.end);
  });

  it('a torn last line (crash mid-append) is dropped by readers and loses nothing acknowledged', async () => {
    const file = trailFile();
    let at = await writeTrail(file, REGISTER_ID, []);
    at = await appendTrail(file, at, [entry(1)]);
    at = await appendTrail(file, at, [entry(2)]);
    // A writer killed halfway through its line: part of the JSON, no newline.
    const torn = `${JSON.stringify(entry(3))}\n`.slice(0, 40);
    await fs.appendFile(file, torn);
    const read = await readTrail(file);
    expect(read?.entries).toEqual([entry(1), entry(2)]);
    expect(read?.tornBytes).toBe(Buffer.byteLength(torn));
    expect(read?.damagedLine).toBeNull();
    // The next writer cuts the torn tail off and continues at the committed end.
    at = await appendTrail(file, at, [entry(4)]);
    expect((await readTrail(file))?.entries).toEqual([entry(1), entry(2), entry(4)]);
    expect((await fs.stat(file)).size).toBe(at.end);
  });

  it('complete lines of a writer that crashed before its commit point are invisible and cut off', async () => {
    const file = trailFile();
    const committed = await writeTrail(file, REGISTER_ID, [entry(1)]);
    // Appended and fsynced, but the journal line naming the new end was never written.
    await appendTrail(file, committed, [entry(2)]);
    expect((await readTrail(file, 0, committed.end))?.entries).toEqual([entry(1)]);
    await appendTrail(file, committed, [entry(3)]);
    expect((await readTrail(file))?.entries).toEqual([entry(1), entry(3)]);
  });

  it('a complete line that is not a valid entry is damage: the read stops there and says so', async () => {
    const file = trailFile();
    const at = await writeTrail(file, REGISTER_ID, [entry(1)]);
    await fs.appendFile(file, '{"id":"kein Eintrag"}\n');
    await fs.appendFile(file, `${JSON.stringify(entry(2))}\n`);
    const read = await readTrail(file);
    expect(read?.entries).toEqual([entry(1)]);
    expect(read?.damagedLine).toBe(3);
    expect(read?.end).toBe(at.end);
  });

  it('scrubbing rewrites the file atomically as a new generation; appends at an old position are refused', async () => {
    const file = trailFile();
    const personal = entry(1, [{ field: 'email', old: 'petra@example.org', new: null }]);
    const old = await appendTrail(file, await writeTrail(file, REGISTER_ID, [personal]), [entry(2)]);
    const inode = (await fs.stat(file)).ino;
    const scrubbed = entry(1, [{ field: 'email', old: 'anonymisiert', new: null }]);
    const next = await writeTrail(file, REGISTER_ID, [scrubbed, entry(2)]);
    expect(next.generation).not.toBe(old.generation);
    // Replaced by rename (a new file), never edited in place: a crash leaves the old or the new trail whole.
    expect((await fs.stat(file)).ino).not.toBe(inode);
    expect(await tempFilesIn(dir.path)).toEqual([]);
    const text = await fs.readFile(file, 'utf8');
    expect(text).not.toContain('petra@example.org');
    expect((await readTrail(file))?.entries).toEqual([scrubbed, entry(2)]);
    expect((await readTrailHeader(file))?.generation).toBe(next.generation);
    // A writer still holding the old position would append into the wrong file: nothing is written.
    await expect(appendTrail(file, old, [entry(3)])).rejects.toBeInstanceOf(TrailMovedError);
    expect(await fs.readFile(file, 'utf8')).toBe(text);
  });

  it('a trail shorter than the committed end is not continued', async () => {
    const file = trailFile();
    const at = await appendTrail(file, await writeTrail(file, REGISTER_ID, [entry(1)]), [entry(2)]);
    await fs.truncate(file, at.end - 10);
    await expect(appendTrail(file, at, [entry(3)])).rejects.toBeInstanceOf(TrailMovedError);
  });

  it('no trail file: readers get null', async () => {
    expect(await readTrail(trailFile())).toBeNull();
    expect(await readTrailHeader(trailFile())).toBeNull();
  });
});
