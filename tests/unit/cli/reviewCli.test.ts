/** `masterplan review create` and `review merge`, in-process through main() on real files in a temp folder. */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '@cli/index';
import { decodeRegister } from '@main/store/decode';
import { currentIdentity, lockPathFor, RegisterLock } from '@main/store/lock';
import type { RegisterDocument } from '@shared/register/register';
import { readReviewPackage } from '@shared/review/reviewPackage';
import { makeRegister } from '@tests/fixtures/documents';
import { useTempDir } from '@tests/unit/helpers/tempDir';
import { review, sha256, text, type Work } from '@tests/unit/shared/review/reviewFixtures';

const dir = useTempDir('mpr-review-cli-');
const NOW = new Date('2025-03-04T10:00:00.000Z');
let ids = 0;

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } };
  const code = await main(argv, io, {
    cwd: dir.path,
    samplePath: path.join(dir.path, 'none.json'),
    now: () => NOW,
    newId: () => `cli-id-${++ids}`,
  });
  return { code, out, err };
}

async function setup(): Promise<{ store: string; doc: () => Promise<RegisterDocument> }> {
  const store = path.join(dir.path, 'register.json');
  await fs.writeFile(store, JSON.stringify(makeRegister(3)));
  return { store, doc: async () => decodeRegister(await fs.readFile(store, 'utf8')).doc };
}

const WORK: Work[] = [
  { kind: 'comment', itemId: 'm-01', field: null, text: 'Gut so.' },
  { kind: 'suggestion', itemId: 'm-01', field: 'title', value: 'Neuer Titel' },
  { kind: 'vote', itemId: 'm-02', vote: 'abgelehnt', reason: 'Nicht finanzierbar.' },
];

/** The package written by `review create`, with the reviewer's work and returned. */
async function returnPackage(file: string, work: Work[] = WORK): Promise<void> {
  const pkg = readReviewPackage(await fs.readFile(file, 'utf8'), sha256);
  await fs.writeFile(file, text(review(pkg, work)));
}

describe('review create', () => {
  it('writes the package and records it as sent', async () => {
    const { doc } = await setup();
    const result = await run(
      'review',
      'create',
      '--store',
      'register.json',
      '--reviewer',
      'Amtsleitung 32',
      '--measures',
      'HF1-01,hf1-02',
      '--due',
      '31.03.2025',
      '--message',
      'Bitte prüfen',
      '--out',
      'aus/paket.mpreview',
    );
    expect(result).toMatchObject({ code: 0, err: '' });
    const file = path.join(dir.path, 'aus', 'paket.mpreview');
    expect(result.out).toContain(`Prüfpaket geschrieben: ${file} (2 Einträge für Amtsleitung 32)`);
    expect(result.out).toContain('fällig am 31.03.2025');
    const pkg = readReviewPackage(await fs.readFile(file, 'utf8'), sha256);
    expect(pkg).toMatchObject({ reviewer: 'Amtsleitung 32', dueDate: '2025-03-31', message: 'Bitte prüfen', state: 'open' });
    expect(pkg.items.map((i) => i.id)).toEqual(['m-01', 'm-02']);
    const stored = await doc();
    expect(stored.reviews.packages.map((p) => [p.id, p.fileName])).toEqual([[pkg.packageId, 'paket.mpreview']]);
    expect(await fs.readdir(dir.path)).not.toContain('register.json.lock');
  });

  it('refuses unknown items, a wrong date, an existing target and a live lock; nothing is written', async () => {
    const { store } = await setup();
    const before = await fs.readFile(store, 'utf8');
    expect(await run('review', 'create', '--store', store, '--reviewer', 'X', '--out', 'p.mpreview')).toMatchObject({ code: 2 });
    expect(
      await run(
        'review',
        'create',
        '--store',
        store,
        '--reviewer',
        'X',
        '--measures',
        'HF1-01',
        '--due',
        '31.02.2025',
        '--out',
        'p.mpreview',
      ),
    ).toMatchObject({ code: 2 });
    const unknown = await run('review', 'create', '--store', store, '--reviewer', 'X', '--measures', 'HF9-99', '--out', 'p.mpreview');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Diese Maßnahmen gibt es nicht');
    await fs.writeFile(path.join(dir.path, 'da.mpreview'), 'x');
    expect(
      (await run('review', 'create', '--store', store, '--reviewer', 'X', '--measures', 'HF1-01', '--out', 'da.mpreview')).err,
    ).toContain('Die Datei gibt es bereits');
    const lock = new RegisterLock(lockPathFor(store), currentIdentity(os.userInfo().username));
    await lock.acquire();
    try {
      const locked = await run('review', 'create', '--store', store, '--reviewer', 'X', '--measures', 'HF1-01', '--out', 'p.mpreview');
      expect(locked.code).toBe(1);
      expect(locked.err).toMatch(/Es wurde nichts geschrieben\. Das Register ist geöffnet von/);
    } finally {
      await lock.release();
    }
    expect(await fs.readFile(store, 'utf8')).toBe(before);
    await expect(fs.access(path.join(dir.path, 'p.mpreview'))).rejects.toThrow();
  });
});

describe('review merge', () => {
  it('prints the preview; --dry-run writes nothing; merge applies; a second merge changes nothing', async () => {
    const { store, doc } = await setup();
    expect(
      (
        await run(
          'review',
          'create',
          '--store',
          store,
          '--reviewer',
          'Amtsleitung 32',
          '--measures',
          'HF1-01,HF1-02',
          '--out',
          'p.mpreview',
        )
      ).code,
    ).toBe(0);
    const file = path.join(dir.path, 'p.mpreview');
    await returnPackage(file);
    const before = await fs.readFile(store, 'utf8');

    const dry = await run('review', 'merge', '--store', store, '--from', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('Prüfung durch Amtsleitung 32');
    expect(dry.out).toContain('HF1-01 Maßnahme 1 · Kommentar: wird als Kommentar übernommen');
    expect(dry.out).toContain(
      'HF1-01 Maßnahme 1 · Änderungsvorschlag · Feld „Titel“: Eintrag unverändert – Vorschlag kann übernommen werden',
    );
    expect(dry.out).toContain('Stand im Paket: Maßnahme 1 | jetzt: Maßnahme 1 | Vorschlag: Neuer Titel');
    expect(dry.out).toContain('HF1-02 Maßnahme 2 · Votum „abgelehnt“: Votum wird übernommen');
    expect(dry.out).toContain('Probelauf: Es wurde nichts geschrieben.');
    expect(await fs.readFile(store, 'utf8')).toBe(before);

    const merged = await run('review', 'merge', '--store', store, '--from', file);
    expect(merged.code).toBe(0);
    expect(merged.out).toContain('Übernommen: 3 Anmerkungen in register.json');
    const after = await doc();
    expect(after.measures[0]!.title).toBe('Neuer Titel');
    expect(after.reviews.votes.map((v) => v.vote)).toEqual(['abgelehnt']);

    const again = await run('review', 'merge', '--store', store, '--from', file);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/bereits am .* eingelesen\. Es wird nichts geändert\./);
    expect(await doc()).toEqual(after);
  });

  it('keeps votes and proposals on items changed meanwhile as open comments', async () => {
    const { store, doc } = await setup();
    await run('review', 'create', '--store', store, '--reviewer', 'X', '--measures', 'HF1-01', '--out', 'p.mpreview');
    const file = path.join(dir.path, 'p.mpreview');
    await returnPackage(file, [
      { kind: 'suggestion', itemId: 'm-01', field: 'title', value: 'Neuer Titel' },
      { kind: 'vote', itemId: 'm-01', vote: 'freigegeben' },
    ]);
    const current = await doc();
    await fs.writeFile(
      store,
      JSON.stringify({ ...current, measures: current.measures.map((m) => (m.id === 'm-01' ? { ...m, title: 'Anders', version: 2 } : m)) }),
    );
    const result = await run('review', 'merge', '--store', store, '--from', file);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Dieses Feld wurde inzwischen geändert – bitte entscheiden');
    expect(result.out).toContain('2 Anmerkungen: 0 werden übernommen, 2 bleiben als offene Kommentare');
    const after = await doc();
    expect(after.measures[0]!.title).toBe('Anders');
    expect(after.reviews.comments.map((c) => [c.kind, c.outcome, c.resolvedAt])).toEqual([
      ['suggestion', 'open', null],
      ['vote', 'open', null],
    ]);
  });

  it('refuses tampered, truncated, foreign and unfinished packages with exit 1 and writes nothing', async () => {
    const { store } = await setup();
    await run('review', 'create', '--store', store, '--reviewer', 'X', '--measures', 'HF1-01', '--out', 'p.mpreview');
    const file = path.join(dir.path, 'p.mpreview');
    const before = await fs.readFile(store, 'utf8');
    const open = await run('review', 'merge', '--store', store, '--from', file);
    expect(open).toMatchObject({ code: 1 });
    expect(open.err).toContain('noch nicht abgeschlossen');
    await returnPackage(file, WORK.slice(0, 2));
    const good = await fs.readFile(file, 'utf8');
    const variants: [string, string, RegExp][] = [
      ['tampered', good.replace('Gut so.', 'Schlecht.'), /Prüfsumme stimmt nicht/],
      ['truncated', good.slice(0, 200), /beschädigt oder unvollständig \(Zeile 1, Zeichen 201\)/],
      ['newer', JSON.stringify({ ...(JSON.parse(good) as object), formatVersion: 7 }), /neueren Programmversion/],
    ];
    for (const [name, content, message] of variants) {
      await fs.writeFile(file, content);
      const result = await run('review', 'merge', '--store', store, '--from', file);
      expect(result.code, name).toBe(1);
      expect(result.err, name).toMatch(message);
      expect(result.err, name).toContain('es wurde nichts geschrieben');
    }
    await fs.writeFile(file, good);
    const foreignStore = path.join(dir.path, 'anderes.json');
    await fs.writeFile(foreignStore, JSON.stringify(makeRegister(3, { registerId: 'anderes' })));
    const foreign = await run('review', 'merge', '--store', foreignStore, '--from', file);
    expect(foreign.code).toBe(1);
    expect(foreign.err).toContain('gehört zu einem anderen Register');
    expect(await fs.readFile(store, 'utf8')).toBe(before);
  });
});
