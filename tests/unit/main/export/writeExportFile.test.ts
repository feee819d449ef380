/**
 * Writing export files: complete or not at all, German reasons, the Word-has-it-open case.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeExportError, ExportTargetExistsError, ExportWriteError, writeExportFile } from '@main/export/writeExportFile';
import { WriteFailedError } from '@main/store/registerStore';
import { mountTinyTmpfs, tempFilesIn, unmount, useTempDir } from '@tests/unit/helpers/tempDir';

const dir = useTempDir('mpr-export-');

function ioError(code: string, syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall}`), { code, syscall });
}

describe('writeExportFile', () => {
  it('writes the bytes, replaces an older file and leaves no temp file', async () => {
    const target = path.join(dir.path, 'Vorlage.docx');
    await writeExportFile(target, Buffer.from('alt'));
    await writeExportFile(target, Uint8Array.from([1, 2, 3]));
    expect([...(await fs.readFile(target))]).toEqual([1, 2, 3]);
    expect(await fs.readdir(dir.path)).toEqual(['Vorlage.docx']);
  });

  it('creates missing folders', async () => {
    const target = path.join(dir.path, 'neu', 'tief', 'Vorlage.json');
    await writeExportFile(target, '{}');
    expect(await fs.readFile(target, 'utf8')).toBe('{}');
  });

  it('refuses to overwrite when told so, changing nothing', async () => {
    const target = path.join(dir.path, 'da.docx');
    await fs.writeFile(target, 'vorher');
    await expect(writeExportFile(target, 'nachher', { overwrite: false })).rejects.toBeInstanceOf(ExportTargetExistsError);
    expect(await fs.readFile(target, 'utf8')).toBe('vorher');
  });

  it('refuses a folder as target with a German message', async () => {
    const target = path.join(dir.path, 'Ordner');
    await fs.mkdir(target);
    const error = await writeExportFile(target, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportWriteError);
    expect((error as Error).message).toContain('Unter diesem Namen gibt es bereits einen Ordner');
    expect((await fs.stat(target)).isDirectory()).toBe(true);
  });

  it('is reported by the API as WRITE_FAILED (a WriteFailedError) with the export message', () => {
    const error = new ExportWriteError('Grund.', 'EIO');
    expect(error).toBeInstanceOf(WriteFailedError);
    expect(error.message).toBe('Die Datei wurde nicht geschrieben. Grund. Eine bereits vorhandene Datei an diesem Ort ist unverändert.');
  });

  it('on a full disk keeps the old file intact and leaves no temp file behind', async (ctx) => {
    const mount = path.join(dir.path, 'voll');
    await fs.mkdir(mount);
    const problem = mountTinyTmpfs(mount, '64k');
    if (problem) ctx.skip(problem);
    try {
      const target = path.join(mount, 'Vorlage.docx');
      await fs.writeFile(target, 'alte Fassung');
      const error = await writeExportFile(target, Buffer.alloc(512 * 1024, 1)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ExportWriteError);
      expect((error as Error).message).toContain('Der Datenträger ist voll');
      expect(await fs.readFile(target, 'utf8')).toBe('alte Fassung');
      expect(await tempFilesIn(mount)).toEqual([]);
    } finally {
      unmount(mount);
    }
  });
});

describe('describeExportError', () => {
  it('says "open in Word" when replacing an existing file fails because it is locked', () => {
    const word = 'Die Datei ist vermutlich in Word geöffnet. Bitte schließen Sie sie und exportieren Sie erneut.';
    expect(describeExportError(ioError('EBUSY', 'rename'), true, 'win32')).toBe(word);
    expect(describeExportError(ioError('EPERM', 'rename'), true, 'win32')).toBe(word);
    expect(describeExportError(ioError('EACCES', 'rename'), true, 'linux')).toBe(word);
  });

  it('uses the general German texts otherwise', () => {
    // No existing file: a permission problem is a permission problem.
    expect(describeExportError(ioError('EPERM', 'rename'), false, 'win32')).toBe(
      'Sie haben keine Berechtigung für diese Datei oder diesen Ordner.',
    );
    // Creating the temp file in a folder without rights, on Linux: not Word.
    expect(describeExportError(ioError('EACCES', 'open'), true, 'linux')).toBe(
      'Sie haben keine Berechtigung für diese Datei oder diesen Ordner.',
    );
    expect(describeExportError(ioError('ENOSPC', 'write'), true, 'linux')).toBe(
      'Der Datenträger ist voll. Bitte schaffen Sie Platz und speichern Sie erneut.',
    );
    expect(describeExportError(ioError('EROFS', 'open'), false, 'linux')).toBe('Der Speicherort ist schreibgeschützt.');
    expect(describeExportError(ioError('EISDIR', 'rename'), false, 'linux')).toContain('Ordner');
  });
});
