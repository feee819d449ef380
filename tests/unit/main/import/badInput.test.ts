/**
 * Awkward and hostile import files through the contract, as the window uses it (chooseImportFile, then
 * previewImport and commitImport): each is handled (the right header row found, the rows read) or refused
 * with a German reason — and a refusal leaves the register file byte for byte as it was. (The parse-level
 * checks of the same files are in parse.test.ts.)
 */
import JSZip from 'jszip';
import path from 'node:path';
import XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PARSE_LIMITS } from '@main/import/limits';
import type { ImportFileInfo } from '@shared/contract';
import type { ImportPreview } from '@shared/import/importMapping';
import { de } from '@shared/i18n/de';
import { useTempDir } from '@tests/unit/helpers/tempDir';
import { FIXTURES, ok, setup, workbook, writeFile, type Cell } from './helpers';

const dir = useTempDir('mpr-import-bad-');
const HEADER: Cell[] = ['Nr.', 'Titel', 'Handlungsfeld', 'Status', 'Beginn', 'Ende'];
const ROW: Cell[] = ['HF1-10', 'Beleuchtung Nordmarkt', 'HF1', 'in Planung', '01.04.2025', '31.12.2026'];
const ROW2: Cell[] = ['HF1-11', 'Streetwork Borsigplatz', 'HF1', 'beschlossen', '', ''];

type S = Awaited<ReturnType<typeof setup>>;

/** Chooses the file; returns the file info, or the German refusal. */
async function choose(s: S, name: string, content: Buffer | string): Promise<ImportFileInfo | string> {
  s.choose(await writeFile(dir.path, name, content));
  const result = await s.call('chooseImportFile');
  if (!result.ok) return result.error.message;
  return result.value as ImportFileInfo;
}

async function refusedUnchanged(name: string, content: Buffer | string, reason: string | RegExp): Promise<void> {
  const s = await setup(dir.path);
  const before = await s.bytes();
  const answer = await choose(s, name, content);
  expect(typeof answer, `${name} is refused`).toBe('string');
  if (typeof reason === 'string') expect(answer).toBe(reason);
  else expect(answer).toMatch(reason);
  expect((await s.bytes()).equals(before), `${name}: register unchanged`).toBe(true);
  await s.session.close();
}

/** Chooses, previews and commits; the two measures arrive. */
async function imported(name: string, content: Buffer, headerRow: number): Promise<void> {
  const s = await setup(dir.path);
  const info = await choose(s, name, content);
  if (typeof info === 'string') throw new Error(info);
  expect(info.headerRow).toBe(headerRow);
  expect(info.headers.slice(0, 2)).toEqual(['Nr.', 'Titel']);
  const request = { token: info.token, kind: 'measures', mapping: null, sheet: null };
  const preview = ok<ImportPreview>(await s.call('previewImport', request));
  expect(preview.counts).toMatchObject({ ok: 2, errors: 0, newMeasures: 2 });
  ok(await s.call('commitImport', request));
  const titles = (await s.onDisk()).measures.map((m) => m.title);
  expect(titles).toEqual(expect.arrayContaining(['Beleuchtung Nordmarkt', 'Streetwork Borsigplatz']));
  await s.session.close();
}

describe('awkward header rows are found', () => {
  it('a header in row 4 under a title block', async () => {
    await imported('zeile4.xlsx', workbook({ Liste: [['Maßnahmen des Ordnungsamts'], ['Stand 31.03.2025'], [], HEADER, ROW, ROW2] }), 4);
  });

  it('two header rows: a group row above the real one', async () => {
    const groups: Cell[] = ['Maßnahme', null, 'Einordnung', null, 'Zeitraum', null];
    await imported('zweizeilig.xlsx', workbook({ Liste: [groups, HEADER, ROW, ROW2] }), 2);
  });

  it('merged header cells: the group headers merged over their columns', async () => {
    const groups: Cell[] = ['Maßnahme', null, 'Einordnung', null, 'Zeitraum', null];
    const merges = [0, 2, 4].map((c) => ({ s: { r: 0, c }, e: { r: 0, c: c + 1 } }));
    await imported('verbunden.xlsx', workbook({ Liste: [groups, HEADER, ROW, ROW2] }, 'xlsx', { merges }), 2);
  });
});

describe('refused files leave the register byte for byte as it was', () => {
  it('a password-protected workbook (Excel 97 and ODF from LibreOffice)', async () => {
    const { promises: fs } = await import('node:fs');
    await refusedUnchanged('kennwort.xls', await fs.readFile(path.join(FIXTURES, 'kennwort.xls')), de.import.file.encrypted);
    await refusedUnchanged('kennwort.ods', await fs.readFile(path.join(FIXTURES, 'kennwort.ods')), de.import.file.encrypted);
  });

  it('a zip bomb', async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', new Uint8Array(DEFAULT_PARSE_LIMITS.maxUnpackedBytes + 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    await refusedUnchanged('bombe.xlsx', bomb, de.import.file.unpackedTooLarge(200));
  });

  it("a sheet reaching Excel's last row, 1,048,576, even with empty rows between (nothing after the limit is left out silently)", async () => {
    // Header, one measure, and a source line in the last row Excel has (the sheet's range spans them all).
    const ws = XLSX.utils.aoa_to_sheet([HEADER, ROW]);
    XLSX.utils.sheet_add_aoa(ws, [['Quelle: Ordnungsamt']], { origin: { r: 1_048_575, c: 0 } });
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Liste');
    const bytes = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
    await refusedUnchanged('letzte-zeile.xlsx', bytes, de.import.file.tooManyRows(DEFAULT_PARSE_LIMITS.maxRows, 1_048_576));
  }, 240_000);

  it('1,048,576 rows as CSV: short rows by their count, long ones already by the file size', async () => {
    const short = `Nr.\n${'1\n'.repeat(1_048_575)}`;
    await refusedUnchanged('million.csv', short, de.import.file.tooManyRows(DEFAULT_PARSE_LIMITS.maxRows, null));
    const long = `Nr.;Titel;Handlungsfeld\n${'HF1-99;Maßnahme;HF1\n'.repeat(1_048_575)}`;
    await refusedUnchanged('million-lang.csv', long, /zu groß/);
  });
});
