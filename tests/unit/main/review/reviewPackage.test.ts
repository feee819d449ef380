/** The package format and the reviewer's steps: canonical hashing, building, the work rules, file names. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageFileName, reviewPackageArgument } from '@main/review/packageFile';
import { decodeRegister } from '@main/store/decode';
import { makeRegister } from '@tests/fixtures/documents';
import {
  buildReviewPackage,
  canonicalJson,
  itemHash,
  PackageRequestError,
  readReviewPackage,
  sealPackage,
} from '@shared/review/reviewPackage';
import { addComment, finishReview, removeEntry, ReviewWorkError, setSuggestion, setVote } from '@shared/review/reviewWork';
import { newPackage, register, sha256, text, T1 } from '@tests/unit/shared/review/reviewFixtures';

const stamp = (id: string) => ({ id, at: T1 });

describe('package format', () => {
  it('hashes canonical JSON: key order does not matter, content does', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }] })).toBe('{"a":[{"c":"x","d":null}],"b":1}');
    const m = makeRegister(1).measures[0]!;
    const reordered = Object.fromEntries(Object.entries(m).reverse()) as typeof m;
    expect(itemHash(reordered, sha256)).toBe(itemHash(m, sha256));
    expect(itemHash({ ...m, title: 'anders' }, sha256)).not.toBe(itemHash(m, sha256));
  });

  it('builds a package with the context to read it, and reads it back verified', () => {
    const doc = register();
    doc.measures[0] = { ...doc.measures[0]!, linkedMeasureId: 'm-03', leadOrgUnitId: 'ou-32' };
    const pkg = newPackage(doc, ['m-01']);
    expect(pkg.context.measureLabels).toEqual([{ id: 'm-03', number: 'HF1-03', title: 'Maßnahme 3' }]);
    expect(pkg.context.orgUnits.map((u) => u.id)).toEqual(['ou-32', 'ou-51']);
    expect(readReviewPackage(text(pkg), sha256)).toEqual(pkg);
  });

  it('refuses a request without reviewer, without items, or with deleted items', () => {
    const doc = register();
    doc.measures[1] = { ...doc.measures[1]!, deletedAt: T1 };
    const request = {
      packageId: 'p',
      createdAt: T1,
      createdBy: 'x',
      reviewer: ' ',
      dueDate: null,
      message: '',
      measureIds: [],
      submissionIds: [],
    };
    expect(() => buildReviewPackage(doc, request, sha256)).toThrow(PackageRequestError);
    try {
      buildReviewPackage(doc, { ...request, reviewer: 'R', measureIds: ['m-02'] }, sha256);
    } catch (error) {
      expect((error as PackageRequestError).problems).toEqual([{ field: 'items', message: expect.stringContaining('HF1-02') }]);
    }
  });
});

describe("reviewer's work", () => {
  it('comments, proposals and votes follow the rules and are refused with German messages', () => {
    let pkg = newPackage(register(), ['m-01']);
    pkg = sealPackage(addComment(pkg, 'm-01', 'budget', '  Zu knapp. ', stamp('c1')), sha256);
    expect(pkg.entries[0]).toMatchObject({ kind: 'comment', field: 'budget', text: 'Zu knapp.' });
    expect(() => addComment(pkg, 'm-01', 'gibtsnicht', 'x', stamp('c2'))).toThrow('Unbekanntes Feld „gibtsnicht“.');
    expect(() => addComment(pkg, 'm-01', null, '   ', stamp('c2'))).toThrow('Bitte einen Text eingeben.');
    expect(() => addComment(pkg, 'm-01', null, 'Steuer\u0007zeichen', stamp('c2'))).toThrow('Steuerzeichen');
    expect(() => setVote(pkg, 'm-01', 'abgelehnt', 'x'.repeat(4001), stamp('v0'))).toThrow('höchstens 4.000 Zeichen');
    expect(() => setSuggestion(pkg, 'm-01', 'budget', [], '', stamp('s'))).toThrow(
      'Für dieses Feld kann keine Änderung vorgeschlagen werden.',
    );
    expect(() => setSuggestion(pkg, 'm-01', 'plannedEnd', '2025-02-30', '', stamp('s'))).toThrow(ReviewWorkError);
    expect(() => setSuggestion(pkg, 'm-01', 'title', 'Maßnahme 1', '', stamp('s'))).toThrow(
      'Der vorgeschlagene Wert ist derselbe wie bisher.',
    );
    pkg = sealPackage(setSuggestion(pkg, 'm-01', 'title', 'A', '', stamp('s1')), sha256);
    pkg = sealPackage(setSuggestion(pkg, 'm-01', 'title', 'B', 'besser', stamp('s2')), sha256);
    expect(pkg.entries.filter((e) => e.kind === 'suggestion')).toEqual([expect.objectContaining({ id: 's2', value: 'B', note: 'besser' })]);
    expect(() => setVote(pkg, 'm-01', 'abgelehnt', '', stamp('v'))).toThrow('Bitte begründen');
    pkg = sealPackage(setVote(pkg, 'm-01', 'freigegeben', '', stamp('v1')), sha256);
    pkg = sealPackage(setVote(pkg, 'm-01', 'aenderungen', 'Ziele fehlen', stamp('v2')), sha256);
    expect(pkg.entries.filter((e) => e.kind === 'vote').map((e) => e.id)).toEqual(['v2']);
    pkg = sealPackage(removeEntry(pkg, 'c1', T1), sha256);
    expect(pkg.entries.map((e) => e.id)).toEqual(['s2', 'v2']);
    const returned = sealPackage(finishReview(pkg, T1), sha256);
    expect(returned).toMatchObject({ state: 'returned', returnedAt: T1 });
    expect(() => addComment(returned, 'm-01', null, 'spät', stamp('x'))).toThrow('Die Prüfung ist abgeschlossen');
    expect(readReviewPackage(text(returned), sha256).entries).toHaveLength(2);
  });

  it('refuses a package whose entries break the rules even with a correct checksum', () => {
    const pkg = newPackage(register(), ['m-01']);
    const twoVotes = sealPackage(
      {
        ...pkg,
        entries: [
          { id: 'a', itemId: 'm-01', at: T1, kind: 'vote', vote: 'freigegeben', reason: '' },
          { id: 'b', itemId: 'm-01', at: T1, kind: 'vote', vote: 'freigegeben', reason: '' },
        ],
      },
      sha256,
    );
    expect(() => readReviewPackage(text(twoVotes), sha256)).toThrow('mehr als ein Votum');
  });
});

describe('register format', () => {
  it('a version-3 register gets empty review lists on migration; a version-4 file without them still opens', () => {
    const { reviews: _r, indicators: _i, evaluationRounds: _e, assessments: _a, imports: _m, ...rest } = makeRegister(1);
    const v3 = { ...rest, schemaVersion: 3 };
    expect(decodeRegister(JSON.stringify(v3)).doc.reviews).toEqual({ packages: [], comments: [], votes: [], imports: [] });
    const { reviews: _x, ...v4 } = makeRegister(1);
    expect(decodeRegister(JSON.stringify(v4)).doc.reviews).toEqual({ packages: [], comments: [], votes: [], imports: [] });
  });
});

describe('package files', () => {
  it('names files safely and finds a package among command-line arguments', () => {
    expect(packageFileName('Dr. Petra: Beispiel/FB 32', '2025-03-01')).toBe('Pruefpaket_Dr._Petra_Beispiel_FB_32_2025-03-01.mpreview');
    expect(reviewPackageArgument(['electron.exe', '--store', 'x.json', 'C:/Paket.MPREVIEW'])).toBe(path.resolve('C:/Paket.MPREVIEW'));
    expect(reviewPackageArgument(['electron.exe', '.'])).toBeNull();
  });
});
