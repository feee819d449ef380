/**
 * Issue 12, finding 4, reproduced: a package with a new id, the right register id and self-consistent
 * hashes (made with this program's own algorithm, as anyone can) used to merge, and `review merge`
 * applied its proposals. Now: refused without an explicit confirmation; with it, nothing applied by default.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '@cli/index';
import { createApi, dispatch } from '@main/api';
import { NO_DESKTOP } from '@main/core/desktop';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import { decodeRegister } from '@main/store/decode';
import type { RegisterDocument } from '@shared/register/register';
import { applyMerge, planMerge } from '@shared/review/reviewMerge';
import type { ReviewImportPreview } from '@shared/review/reviewContract';
import { makeRegister } from '@tests/fixtures/documents';
import { useTempDir } from '@tests/unit/helpers/tempDir';
import { env, newPackage, review, text, type Work } from '@tests/unit/shared/review/reviewFixtures';

const dir = useTempDir('mpr-forged-');
const ATTACK: Work[] = [
  { kind: 'suggestion', itemId: 'm-01', field: 'title', value: 'Umbenannt vom Fälscher' },
  { kind: 'vote', itemId: 'm-02', vote: 'abgelehnt', reason: 'gefälscht' },
  { kind: 'comment', itemId: 'm-01', field: null, text: 'Ein Kommentar' },
];

/** The register on disk and a forged, "returned" package for it that the register never sent. */
async function forgedSetup(): Promise<{
  storePath: string;
  packageFile: string;
  doc: RegisterDocument;
  onDisk: () => Promise<RegisterDocument>;
}> {
  const doc = makeRegister(3);
  const storePath = path.join(dir.path, 'register.json');
  await fs.writeFile(storePath, JSON.stringify(doc));
  const packageFile = path.join(dir.path, 'gefaelscht.mpreview');
  await fs.writeFile(packageFile, text(review(newPackage(doc), ATTACK)));
  return { storePath, packageFile, doc, onDisk: async () => decodeRegister(await fs.readFile(storePath, 'utf8')).doc };
}

describe('a forged review package (no record of having been sent)', () => {
  it('planMerge marks it and selects nothing; applying the defaults changes no record', async () => {
    const doc = makeRegister(3);
    const plan = planMerge(doc, review(newPackage(doc), ATTACK), 'gefaelscht.mpreview');
    expect(plan.notRecorded).toBe(true);
    expect(plan.entries.filter((e) => e.defaultDecision === 'accept')).toEqual([]);
    const merged = applyMerge(doc, plan, {}, env());
    // Only the reviewer's comment is entered (as a comment); no proposal, no vote.
    expect(merged.appliedCount).toBe(1);
    expect(merged.doc.measures).toEqual(doc.measures);
    expect(merged.doc.reviews.votes).toEqual([]);
  });

  it('CLI `review merge` refuses it (exit 1, nothing written); with --accept-unrecorded it applies no proposal', async () => {
    const { storePath, packageFile, onDisk } = await forgedSetup();
    const before = await fs.readFile(storePath, 'utf8');
    let out = '';
    let err = '';
    const io = { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } };
    const deps = {
      cwd: dir.path,
      samplePath: path.join(dir.path, 'none.json'),
      now: () => new Date('2025-03-20T10:00:00.000Z'),
      newId: (() => {
        let n = 0;
        return () => `cli-${++n}`;
      })(),
    };
    expect(await main(['review', 'merge', '--store', storePath, '--from', packageFile], io, deps)).toBe(1);
    expect(err).toContain('keinen Eintrag über den Versand');
    expect(err).toContain('--accept-unrecorded');
    expect(await fs.readFile(storePath, 'utf8')).toBe(before);

    expect(await main(['review', 'merge', '--store', storePath, '--from', packageFile, '--accept-unrecorded'], io, deps)).toBe(0);
    const after = await onDisk();
    expect(after.measures.find((m) => m.id === 'm-01')!.title).not.toBe('Umbenannt vom Fälscher');
    expect(after.reviews.votes).toEqual([]);
    expect(out).toContain('Die Prüfsumme ist keine Unterschrift');
  });

  it('the app refuses to apply it unless the user confirmed, and then applies nothing by default', async () => {
    const { storePath, packageFile, onDisk } = await forgedSetup();
    const session = new RegisterSession({ settings: await SettingsFile.load(path.join(dir.path, 'einstellungen.json')), samplePath: '' });
    await session.open(storePath);
    const api = createApi(session, { ...NO_DESKTOP, pickReviewPackage: async () => packageFile });
    const preview = await dispatch(api, 'previewReviewImport', {});
    if (!preview.ok) throw new Error(preview.error.message);
    const { previewId, plan } = preview.value as ReviewImportPreview;
    expect(plan.notRecorded).toBe(true);
    const decisions = Object.fromEntries(plan.entries.flatMap((e) => (e.defaultDecision ? [[e.entryId, e.defaultDecision]] : [])));
    expect(Object.values(decisions).every((d) => d === 'later')).toBe(true);
    const refused = await dispatch(api, 'applyReviewImport', { previewId, decisions });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('keine Unterschrift') } });
    const mid = await onDisk();
    expect(mid.reviews.imports ?? []).toEqual([]);
    const applied = await dispatch(api, 'applyReviewImport', { previewId, decisions, confirmUnrecorded: true });
    expect(applied).toMatchObject({ ok: true, value: { value: { appliedCount: 1 } } });
    const after = await onDisk();
    expect(after.measures.find((m) => m.id === 'm-01')!.title).not.toBe('Umbenannt vom Fälscher');
    expect(after.reviews.votes).toEqual([]);
    await session.close();
  });
});
