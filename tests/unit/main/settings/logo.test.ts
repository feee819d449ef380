import JSZip from 'jszip';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageSize } from '@main/export/imageSize';
import { createApi, dispatch } from '@main/api';
import { NO_DESKTOP } from '@main/core/desktop';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import { useTempDir } from '@tests/unit/helpers/tempDir';

const SAMPLE = path.resolve(import.meta.dirname, '../../../../resources/sample-register.json');
// A 1 × 1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('logo for Word documents', () => {
  const dir = useTempDir('mpr-logo-');

  it('reads the size of PNG and JPEG headers and refuses other bytes', () => {
    expect(imageSize(PNG)).toEqual({ width: 1, height: 1 });
    // Minimal JPEG header: SOI, APP0 (length 16), SOF0 with height 30 and width 40.
    const jpeg = Buffer.from([
      0xff,
      0xd8,
      0xff,
      0xe0,
      0x00,
      0x10,
      ...new Array(14).fill(0),
      0xff,
      0xc0,
      0x00,
      0x11,
      0x08,
      0x00,
      0x1e,
      0x00,
      0x28,
      0x03,
    ]);
    expect(imageSize(jpeg)).toEqual({ width: 40, height: 30 });
    expect(imageSize(Buffer.from('GIF89a-kein-Logo'))).toBeNull();
    expect(imageSize(PNG.subarray(0, 12))).toBeNull();
  });

  it('is chosen in the settings and appears with its alternative text in the exported Word file', async () => {
    const logo = path.join(dir.path, 'Stadtlogo.png');
    await fs.writeFile(logo, PNG);
    const notAnImage = path.join(dir.path, 'logo.png');
    await fs.writeFile(notAnImage, 'kein Bild');
    const storePath = path.join(dir.path, 'register.json');
    await fs.copyFile(SAMPLE, storePath);
    let pick = notAnImage;
    const settings = await SettingsFile.load(path.join(dir.path, 'einstellungen.json'));
    const session = new RegisterSession({ settings, samplePath: SAMPLE });
    await session.open(storePath, 'none');
    const api = createApi(session, {
      ...NO_DESKTOP,
      pickImage: async () => pick,
      pickExportTarget: async (name) => path.join(dir.path, name),
    });

    expect(await dispatch(api, 'chooseDocumentLogo', { altText: 'Logo der Stadt Dortmund', clear: false })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    pick = logo;
    expect(await dispatch(api, 'chooseDocumentLogo', { altText: ' ', clear: false })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const chosen = await dispatch(api, 'chooseDocumentLogo', { altText: 'Logo der Stadt Dortmund', clear: false });
    expect(chosen).toMatchObject({ ok: true, value: { documentLogo: { path: logo, altText: 'Logo der Stadt Dortmund' } } });

    const submission = session.requireOpen().store.doc.submissions.find((s) => s.printNumberBase === '26093-22')!;
    const exported = await dispatch(api, 'exportSubmission', { id: submission.id, format: 'docx', open: false, draft: true });
    expect(exported.ok).toBe(true);
    const zip = await JSZip.loadAsync(await fs.readFile((exported as { value: { path: string } }).value.path));
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toMatch(/descr="Logo der Stadt Dortmund"/);
    expect(Object.keys(zip.files).some((name) => name.startsWith('word/media/'))).toBe(true);

    expect(await dispatch(api, 'chooseDocumentLogo', { altText: '', clear: true })).toMatchObject({
      ok: true,
      value: { documentLogo: null },
    });
    await session.close();
  });
});
