import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RegisterStore } from '@main/store/registerStore';
import type { RegisterDocument } from '@shared/register/register';
import { makeRegister } from '@tests/fixtures/documents';
import { useTempDir } from '@tests/unit/helpers/tempDir';

/**
 * After an own save the window updates only the rows that save changed (issue 15 point 12, issue 18): the
 * store tells which records its own commits changed. Others' changes it applied while catching up for that
 * write are not lost for the window: the next `refresh` (the window's poll) still reports them.
 */
const retitle =
  (id: string, title: string) =>
  (doc: RegisterDocument): RegisterDocument => ({
    ...doc,
    measures: doc.measures.map((m) => (m.id === id ? { ...m, title, version: m.version + 1 } : m)),
  });

describe('own changes and changes caught up during an own write', () => {
  const dir = useTempDir('mpr-own-');

  async function twoInstances() {
    const file = path.join(dir.path, 'register.json');
    const options = { journalFromBytes: 0 };
    const a = (await RegisterStore.open(file, { ...options, createWith: () => makeRegister(5) })).store;
    const b = (await RegisterStore.open(file, options)).store;
    return { a, b };
  }

  it('names the records of own commits once, and nothing the others changed', async () => {
    const { a, b } = await twoInstances();
    expect(a.takeOwnChanges()).toEqual({});
    await a.commit(retitle('m-01', 'Eins'));
    await a.commit(retitle('m-02', 'Zwei'));
    expect(a.takeOwnChanges()).toEqual({ measures: ['m-01', 'm-02'] });
    expect(a.takeOwnChanges()).toEqual({}); // asked once, then gone
    await b.commit(retitle('m-03', 'Drei (B)'));
    await a.refresh();
    expect(a.takeOwnChanges()).toEqual({});
  });

  it("others' change applied while catching up for an own write is reported by the next refresh", async () => {
    const { a, b } = await twoInstances();
    await b.commit(retitle('m-04', 'Vier (B)'));
    await a.commit(retitle('m-05', 'Fünf (A)')); // catches up with B's line under the write lock first
    expect(a.doc.measures.find((m) => m.id === 'm-04')!.title).toBe('Vier (B)');
    expect(a.takeOwnChanges()).toEqual({ measures: ['m-05'] });
    expect(await a.refresh()).toMatchObject({ changed: { measures: ['m-04'] }, reloaded: false });
    expect(await a.refresh()).toBeNull(); // reported once
  });
});
