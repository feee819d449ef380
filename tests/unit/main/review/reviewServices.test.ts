/**
 * Offline review through the API as the app and the harness use it: a register instance creates a
 * package through the file dialog, a second API in review mode works on the package file, the first
 * reads it back (preview, apply, threads, undo) — all on real files, every call through dispatch.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi, dispatch, type Api } from '@main/api';
import { NO_DESKTOP, type Desktop } from '@main/core/desktop';
import { ReviewSession } from '@main/review/reviewSession';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import type { ApiResult } from '@shared/contract';
import type { RegisterDocument } from '@shared/register/register';
import type { ReviewPackage } from '@shared/review/reviewPackage';
import { makeRegister } from '@tests/fixtures/documents';
import { useTempDir } from '@tests/unit/helpers/tempDir';

const SAMPLE = path.resolve(import.meta.dirname, '../../../../resources/sample-register.json');
const dir = useTempDir('mpr-review-');

function ok<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function clerk(answers: { packageFile: string; exportFile?: string }) {
  const storePath = path.join(dir.path, 'register.json');
  await fs.writeFile(storePath, JSON.stringify(makeRegister(3)));
  const settings = await SettingsFile.load(path.join(dir.path, 'einstellungen.json'));
  const session = new RegisterSession({ settings, samplePath: SAMPLE });
  await session.open(storePath);
  const desktop: Desktop = {
    ...NO_DESKTOP,
    pickReviewTarget: async () => answers.packageFile,
    pickReviewPackage: async () => answers.packageFile,
    pickExportTarget: async () => answers.exportFile ?? null,
  };
  const api = createApi(session, desktop);
  const onDisk = async () => JSON.parse(await fs.readFile(storePath, 'utf8')) as RegisterDocument;
  return { api, session, storePath, onDisk };
}

async function reviewerApi(packageFile: string) {
  const settings = await SettingsFile.load(path.join(dir.path, 'pruefer', 'einstellungen.json'));
  const session = new RegisterSession({ settings, samplePath: SAMPLE });
  const review = new ReviewSession();
  await review.open(packageFile);
  return { api: createApi(session, NO_DESKTOP, review), review };
}

const call = (api: Api, method: string, payload: unknown = {}) => dispatch(api, method, payload);

describe('review services', () => {
  it('create → review mode → return → preview → apply → reply/resolve → undo', async () => {
    const packageFile = path.join(dir.path, 'aus', 'paket.mpreview');
    const c = await clerk({ packageFile, exportFile: path.join(dir.path, 'Pruefvermerk.docx') });
    const created = ok(
      await call(c.api, 'createReviewPackage', {
        reviewer: 'Amtsleitung 32',
        dueDate: '2030-06-30',
        message: 'Bitte prüfen.',
        measureIds: ['m-01'],
        submissionIds: [],
      }),
    ) as {
      value: { path: string; row: { status: string; itemCount: number } };
    };
    expect(created.value).toMatchObject({ path: packageFile, row: { status: 'sent', itemCount: 1 } });
    expect((await c.onDisk()).reviews.packages).toHaveLength(1);
    expect((await c.onDisk()).audit.at(-1)).toMatchObject({ entityType: 'reviewPackage', action: 'create' });

    const r = await reviewerApi(packageFile);
    expect(ok(await call(r.api, 'getReviewMode'))).toMatchObject({
      fileName: 'paket.mpreview',
      pkg: { reviewer: 'Amtsleitung 32', state: 'open' },
    });
    ok(await call(r.api, 'addReviewComment', { itemId: 'm-01', field: 'description', text: 'Bitte Ziele ergänzen.' }));
    ok(await call(r.api, 'setReviewSuggestion', { itemId: 'm-01', field: 'plannedEnd', value: '2026-12-31', note: '' }));
    const refused = await call(r.api, 'setReviewVote', { itemId: 'm-01', vote: 'abgelehnt', reason: ' ' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'Bitte begründen Sie „Änderungen erbeten“ und „abgelehnt“.' },
    });
    ok(await call(r.api, 'setReviewVote', { itemId: 'm-01', vote: 'aenderungen', reason: 'Zeitplan unklar.' }));
    const onDiskPackage = JSON.parse(await fs.readFile(packageFile, 'utf8')) as ReviewPackage;
    expect(onDiskPackage.entries.map((e) => e.kind)).toEqual(['comment', 'suggestion', 'vote']);
    ok(await call(r.api, 'finishReview'));
    expect(await call(r.api, 'addReviewComment', { itemId: 'm-01', field: null, text: 'zu spät' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/abgeschlossen/) },
    });
    // The reviewer's Prüfvermerk from the package itself.
    const reviewerNote = path.join(dir.path, 'vermerk-pruefer.docx');
    const r2 = createApi(
      new RegisterSession({ settings: await SettingsFile.load(path.join(dir.path, 'p2.json')), samplePath: SAMPLE }),
      { ...NO_DESKTOP, pickExportTarget: async () => reviewerNote },
      r.review,
    );
    expect(ok(await call(r2, 'exportReviewNote', { packageId: null }))).toMatchObject({ path: reviewerNote });

    const preview = ok(await call(c.api, 'previewReviewImport')) as {
      previewId: string;
      plan: { entries: { outcome: string; entryId: string }[] };
    };
    expect(preview.plan.entries.map((e) => e.outcome)).toEqual(['comment', 'suggestion', 'vote']);
    const applied = ok(await call(c.api, 'applyReviewImport', { previewId: preview.previewId, decisions: {} })) as {
      value: { importId: string; appliedCount: number };
    };
    expect(applied.value.appliedCount).toBe(3);
    let disk = await c.onDisk();
    expect(disk.measures[0]!.plannedEnd).toBe('2026-12-31');
    expect(disk.reviews.votes[0]).toMatchObject({ vote: 'aenderungen', reviewer: 'Amtsleitung 32' });
    // The same preview cannot be applied twice.
    expect(await call(c.api, 'applyReviewImport', { previewId: preview.previewId, decisions: {} })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    const item = ok(await call(c.api, 'getItemReviews', { kind: 'measure', id: 'm-01' })) as {
      unresolved: number;
      threads: { comment: { id: string; kind: string } }[];
      votes: unknown[];
      openPackages: unknown[];
    };
    expect(item).toMatchObject({ unresolved: 1, openPackages: [] });
    expect(item.votes).toHaveLength(1);
    const commentId = item.threads.find((t) => t.comment.kind === 'comment')!.comment.id;
    ok(await call(c.api, 'replyReviewComment', { commentId, text: 'Wird ergänzt.' }));
    expect(await call(c.api, 'replyReviewComment', { commentId, text: 'Steuer\u0007zeichen' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    ok(await call(c.api, 'resolveReviewComment', { commentId, resolved: true }));
    expect(ok(await call(c.api, 'getItemReviews', { kind: 'measure', id: 'm-01' }))).toMatchObject({ unresolved: 0 });

    const note = ok(await call(c.api, 'exportReviewNote', { packageId: (await c.onDisk()).reviews.packages[0]!.id })) as {
      path: string;
      bytes: number;
    };
    expect(note.bytes).toBeGreaterThan(5000);

    ok(await call(c.api, 'undoReviewImport', { importId: applied.value.importId }));
    disk = await c.onDisk();
    expect(disk.measures[0]!.plannedEnd).toBeNull();
    expect(disk.reviews.comments).toEqual([]);
    const rows = ok(await call(c.api, 'listReviewPackages')) as { status: string; undoneImports: unknown[] }[];
    expect(rows[0]).toMatchObject({ status: 'sent' });
    expect(rows[0]!.undoneImports).toHaveLength(1);
  });

  it('a refused package changes nothing and says why in German', async () => {
    const packageFile = path.join(dir.path, 'paket.mpreview');
    const c = await clerk({ packageFile });
    ok(await call(c.api, 'createReviewPackage', { reviewer: 'X', dueDate: null, message: '', measureIds: ['m-02'], submissionIds: [] }));
    await fs.writeFile(packageFile, (await fs.readFile(packageFile, 'utf8')).slice(0, 100));
    const before = await fs.readFile(c.storePath);
    const result = await call(c.api, 'previewReviewImport');
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: expect.stringMatching(
          /^Das Prüfpaket „paket.mpreview“ kann nicht geöffnet werden\. Das Prüfpaket ist beschädigt oder unvollständig/,
        ),
      },
    });
    expect(await fs.readFile(c.storePath)).toEqual(before);
    const review = new ReviewSession();
    await expect(review.open(packageFile)).rejects.toThrow(/beschädigt oder unvollständig/);
    expect(review.active).toBe(false);
  });

  it('a package handed over while a form keeps unsaved input can be gone back from: the register or the earlier package is open again', async () => {
    const first = path.join(dir.path, 'erstes.mpreview');
    const second = path.join(dir.path, 'zweites.mpreview');
    const c = await clerk({ packageFile: first });
    const create = (reviewer: string) =>
      call(c.api, 'createReviewPackage', { reviewer, dueDate: null, message: '', measureIds: ['m-01'], submissionIds: [] });
    ok(await create('Amtsleitung 32'));
    const c2 = await clerk({ packageFile: second });
    ok(
      await call(c2.api, 'createReviewPackage', {
        reviewer: 'Amtsleitung 66',
        dueDate: null,
        message: '',
        measureIds: ['m-02'],
        submissionIds: [],
      }),
    );

    const review = new ReviewSession();
    const backToRegister = await review.switchTo(first);
    expect(review.view()).toMatchObject({ fileName: 'erstes.mpreview' });
    await backToRegister();
    expect(review.active).toBe(false);

    await review.open(first);
    const backToFirst = await review.switchTo(second);
    expect(review.view()).toMatchObject({ fileName: 'zweites.mpreview', pkg: { reviewer: 'Amtsleitung 66' } });
    await backToFirst();
    expect(review.view()).toMatchObject({ fileName: 'erstes.mpreview', pkg: { reviewer: 'Amtsleitung 32' } });
  });

  it('refuses to create a package without reviewer or items, and when the dialog is cancelled writes nothing', async () => {
    const c = await clerk({ packageFile: path.join(dir.path, 'x.mpreview') });
    const invalid = await call(c.api, 'createReviewPackage', {
      reviewer: ' ',
      dueDate: null,
      message: '',
      measureIds: [],
      submissionIds: [],
    });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: [{ field: 'reviewer' }, { field: 'items' }] } });
    const cancelled = createApi(c.session, NO_DESKTOP);
    expect(
      ok(
        await call(cancelled, 'createReviewPackage', {
          reviewer: 'X',
          dueDate: null,
          message: '',
          measureIds: ['m-01'],
          submissionIds: [],
        }),
      ),
    ).toBeNull();
    expect((await c.onDisk()).reviews.packages).toEqual([]);
  });

  it('review mode never overwrites a package changed by another window', async () => {
    const packageFile = path.join(dir.path, 'p.mpreview');
    const c = await clerk({ packageFile });
    ok(await call(c.api, 'createReviewPackage', { reviewer: 'X', dueDate: null, message: '', measureIds: ['m-01'], submissionIds: [] }));
    const first = await reviewerApi(packageFile);
    const second = await reviewerApi(packageFile);
    ok(await call(first.api, 'addReviewComment', { itemId: 'm-01', field: null, text: 'Erstes Fenster' }));
    const refused = await call(second.api, 'addReviewComment', { itemId: 'm-01', field: null, text: 'Zweites Fenster' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('außerhalb dieses Fensters geändert') },
    });
    const onDisk = JSON.parse(await fs.readFile(packageFile, 'utf8')) as ReviewPackage;
    expect(onDisk.entries.map((e) => (e.kind === 'comment' ? e.text : ''))).toEqual(['Erstes Fenster']);
  });

  it('leaving review mode opens the register again', async () => {
    const packageFile = path.join(dir.path, 'p.mpreview');
    const c = await clerk({ packageFile });
    ok(await call(c.api, 'createReviewPackage', { reviewer: 'X', dueDate: null, message: '', measureIds: ['m-01'], submissionIds: [] }));
    await c.session.close();
    const review = new ReviewSession({ onLeave: async () => void (await c.session.open(c.storePath)) });
    await review.open(packageFile);
    const api = createApi(c.session, NO_DESKTOP, review);
    expect(ok(await call(api, 'closeReviewPackage'))).toMatchObject({ state: 'open' });
    expect(ok(await call(api, 'getReviewMode'))).toBeNull();
    await c.session.close();
  });
});
