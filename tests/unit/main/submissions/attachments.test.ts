import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApi, dispatch } from '@main/api';
import { NO_DESKTOP } from '@main/core/desktop';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import { MAX_ATTACHMENT_BYTES } from '@main/submissions/attachmentFiles';
import type { ApiResult } from '@shared/contract';
import type { RegisterDocument } from '@shared/register/register';
import type { Attachment, Submission, SubmissionFields } from '@shared/submissions/submission';
import { makeRegister } from '@tests/fixtures/documents';
import { useTempDir } from '@tests/unit/helpers/tempDir';

/** Issue 12, finding 3: attachment paths stay inside their folder; only main names stored files. */
const dir = useTempDir('mpr-attach-');

async function setup(pick: () => string) {
  const storePath = path.join(dir.path, 'register.json');
  await fs.writeFile(storePath, JSON.stringify(makeRegister(2)));
  const session = new RegisterSession({ settings: await SettingsFile.load(path.join(dir.path, 'einstellungen.json')), samplePath: '' });
  await session.open(storePath);
  const api = createApi(session, { ...NO_DESKTOP, pickAttachment: async () => pick() });
  const call = (method: string, payload: unknown) => dispatch(api, method, payload);
  const created = value<{ value: Submission }>(await call('createSubmission', { source: { kind: 'blank' } })).value;
  return { storePath, session, call, created, onDisk: async () => JSON.parse(await fs.readFile(storePath, 'utf8')) as RegisterDocument };
}

function value<T>(result: ApiResult<unknown>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

function fieldsOf(s: Submission): SubmissionFields {
  const { id: _i, baseSubmissionId: _b, version: _v, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = s;
  return fields;
}

const forged = (storedName: string, sha256 = 'a'.repeat(64)): Attachment => ({
  id: 'anlage-gefaelscht',
  title: 'Gefälscht',
  fileName: 'passwd',
  storedName,
  size: 10,
  sha256,
  addedAt: '2026-01-01T00:00:00.000Z',
});

describe('attachments stay inside their folder', () => {
  it('the attack of the report: a storedName with ../ from the renderer is refused; nothing is read or saved', async () => {
    const { call, created, onDisk, session } = await setup(() => '');
    const before = await onDisk();
    const result = await call('updateSubmission', {
      id: created.id,
      version: 1,
      fields: { ...fieldsOf(created), attachments: [forged('../../../../etc/passwd')] },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST', fields: [expect.objectContaining({ message: expect.stringContaining('Prüfsumme') })] },
    });
    expect(await onDisk()).toEqual(before);
    await session.close();
  });

  it('a new attachment entry with a well-formed name is refused too: only main adds attachments', async () => {
    const { call, created, onDisk, session } = await setup(() => '');
    const hash = 'b'.repeat(64);
    const result = await call('updateSubmission', {
      id: created.id,
      version: 1,
      fields: { ...fieldsOf(created), attachments: [forged(`${hash}.pdf`, hash)] },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('Anlage hinzufügen') } });
    expect((await onDisk()).submissions[0]!.attachments).toEqual([]);
    await session.close();
  });

  it('the renderer may retitle, reorder and remove attachments, but not change where one points', async () => {
    const a = path.join(dir.path, 'a.pdf');
    const b = path.join(dir.path, 'b.pdf');
    await fs.writeFile(a, 'A');
    await fs.writeFile(b, 'B');
    const picks = [a, b];
    const { call, created, session } = await setup(() => picks.shift()!);
    value(await call('addSubmissionAttachment', { id: created.id, version: 1, title: 'A' }));
    const two = value<{ value: Submission }>(await call('addSubmissionAttachment', { id: created.id, version: 2, title: 'B' })).value;
    const [first, second] = two.attachments as [Attachment, Attachment];
    const reordered = value<{ value: Submission }>(
      await call('updateSubmission', {
        id: created.id,
        version: 3,
        fields: { ...fieldsOf(two), attachments: [{ ...second, title: 'Zweite' }, first] },
      }),
    ).value;
    expect(reordered.attachments.map((x) => x.title)).toEqual(['Zweite', 'A']);
    const swapped = await call('updateSubmission', {
      id: created.id,
      version: 4,
      fields: { ...fieldsOf(reordered), attachments: [{ ...first, storedName: second.storedName, sha256: second.sha256 }] },
    });
    expect(swapped).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const removed = value<{ value: Submission }>(
      await call('updateSubmission', { id: created.id, version: 4, fields: { ...fieldsOf(reordered), attachments: [] } }),
    ).value;
    expect(removed.attachments).toEqual([]);
    await session.close();
  });

  it('a register file with a forged storedName is refused by the reader (it never reaches the export)', async () => {
    const { storePath, created, session } = await setup(() => '');
    await session.close();
    const doc = JSON.parse(await fs.readFile(storePath, 'utf8')) as RegisterDocument;
    doc.submissions[0] = { ...doc.submissions[0]!, attachments: [forged('../../../../etc/passwd')] };
    await fs.writeFile(storePath, JSON.stringify(doc));
    const again = new RegisterSession({ settings: await SettingsFile.load(path.join(dir.path, 'einstellungen.json')), samplePath: '' });
    const opened = await again.open(storePath);
    expect(opened).toMatchObject({ state: 'error', problem: 'damaged' });
    expect(created.id).toBeTruthy();
  });

  it('refuses devices, folders and named pipes as attachments without reading them', async (ctx) => {
    const folder = path.join(dir.path, 'Ordner');
    await fs.mkdir(folder);
    const fifo = path.join(dir.path, 'rohr');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      return ctx.skip('mkfifo not available');
    }
    const picks = ['/dev/zero', folder, fifo];
    const { call, created, session } = await setup(() => picks.shift()!);
    for (let i = 0; i < 3; i++) {
      const result = await call('addSubmissionAttachment', { id: created.id, version: 1, title: '' });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', message: expect.stringContaining('keine gewöhnliche Datei') },
      });
    }
    await session.close();
  });

  it('refuses a file over the limit (100 MiB) before reading it', async () => {
    const big = path.join(dir.path, 'gross.bin');
    const handle = await fs.open(big, 'w');
    await handle.truncate(MAX_ATTACHMENT_BYTES + 1);
    await handle.close();
    const { call, created, session } = await setup(() => big);
    const result = await call('addSubmissionAttachment', { id: created.id, version: 1, title: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('100 MiB') } });
    await expect(fs.readdir(path.join(dir.path, 'register-Anlagen'))).rejects.toThrow();
    await session.close();
  });
});
