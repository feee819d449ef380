/**
 * The house style every exported workbook shares (electron/main/export/houseWorkbook.ts), checked in the
 * file's XML (JSZip) and by printing with LibreOffice: bold filled bordered header, frozen pane below it and
 * right of the identifying columns, autofilter, A4 landscape one page wide, repeated header row, footer with
 * title, Stand and "Seite &P von &N", the Ampel coloured conditionally, dc:language de-DE. Bad input (texts
 * of 32,767 characters, control characters, emoji, formula-looking text, an empty register) still gives a
 * file LibreOffice opens. The sample's Beschlussverfolgung prints on at most two landscape pages.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEvaluationXlsx } from '@main/evaluation/evaluationWorkbook';
import { ExportCancelledError, linesOf } from '@main/export/houseWorkbook';
import { ExportWorkerClient } from '@main/export/exportWorkerClient';
import { writeProposalsXlsx } from '@main/participation/proposalsWorkbook';
import { writeTrackingXlsx } from '@main/participation/trackingWorkbook';
import type { RegisterDocument } from '@shared/register/register';
import { sampleDoc } from '@tests/unit/main/participation/setup';
import { exportInput } from '@tests/unit/main/evaluation/evaluationFixtures';
import { germanProfile, missingTools, run } from '@tests/unit/helpers/office';

const GENERATED_AT = new Date('2026-11-26T10:00:00Z');

async function xml(bytes: Uint8Array, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file(part)!.async('string');
}

describe('house style in the file', () => {
  let evaluation: Buffer;
  beforeAll(async () => {
    evaluation = await writeEvaluationXlsx(exportInput(sampleDoc()));
  });

  it('freezes the Maßnahmen sheet below the header and right of Nr. and Titel, with an autofilter', async () => {
    const sheet = await xml(evaluation, 'xl/worksheets/sheet2.xml');
    expect(sheet).toMatch(/<pane xSplit="2" ySplit="1" topLeftCell="C2"[^>]*state="frozen"/);
    expect(sheet).toMatch(/<autoFilter ref="A1:[A-Z]+\d+"\/>/);
  });

  it('prints A4 landscape, one page wide, the header row on every page, with title, Stand and page numbers in the footer', async () => {
    const sheet = await xml(evaluation, 'xl/worksheets/sheet2.xml');
    expect(sheet).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(sheet).toMatch(/<pageSetup paperSize="9" orientation="landscape"[^>]*fitToWidth="1" fitToHeight="0"/);
    expect(sheet).toContain(
      '<oddFooter>&amp;LEvaluationstabellen – Evaluationsbericht 2024&amp;CStand 04.03.2025&amp;RSeite &amp;P von &amp;N</oddFooter>',
    );
    const book = await xml(evaluation, 'xl/workbook.xml');
    expect(book).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;Maßnahmen&apos;!$1:$1</definedName>`);
  });

  it('styles the header bold with fill and border, and colours the Ampel word conditionally', async () => {
    const wb = XLSX.read(evaluation, { cellStyles: true });
    const header = wb.Sheets['Maßnahmen']!['A1'] as XLSX.CellObject & { s?: { fgColor?: { rgb?: string } } };
    expect(header.s?.fgColor?.rgb).toBe('D9E2F3');
    const styles = await xml(evaluation, 'xl/styles.xml');
    expect(styles).toMatch(/<font><b\/><sz val="10"\/>/);
    expect(styles).toContain('<left style="thin">');
    const sheet = await xml(evaluation, 'xl/worksheets/sheet2.xml');
    for (const word of ['grün', 'gelb', 'rot', 'grau']) expect(sheet).toContain(`&quot;${word}&quot;</formula>`);
    // The word stays in the cell: the colour is only an addition.
    expect(XLSX.utils.sheet_to_csv(wb.Sheets['Maßnahmen']!)).toContain(',grün,');
  });

  it('sets the document properties incl. the language', async () => {
    const core = await xml(evaluation, 'docProps/core.xml');
    expect(core).toContain('<dc:language>de-DE</dc:language>');
    expect(core).toContain('<dc:title>Evaluationstabellen – Evaluationsbericht 2024</dc:title>');
  });

  it('starts the Beschlussverfolgung with a title block naming register, Stand, period and Beispieldaten', async () => {
    const doc = sampleDoc();
    const wb = XLSX.read(await writeTrackingXlsx({ doc, period: null, today: '2026-11-26', generatedAt: GENERATED_AT, appVersion: 't' }));
    const rows = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Beschlussverfolgung']!, { header: 1 });
    expect(rows[1]![0]).toBe(
      `Register: ${doc.name} · Stand 26.11.2026 · Zeitraum: alle Beschlüsse · Beispieldaten – nicht für Entscheidungen verwenden`,
    );
  });

  it('estimates wrapped lines at spaces, a long word over several lines', () => {
    expect(linesOf('kurz', 10)).toBe(1);
    expect(linesOf('eins zwei drei vier fünf', 10)).toBe(3);
    expect(linesOf('a\nb', 10)).toBe(2);
    expect(linesOf('x'.repeat(40), 10)).toBe(4);
  });
});

describe('the export worker', () => {
  const client = new ExportWorkerClient();
  afterAll(() => client.close());

  it('writes the same workbook as in-process, reports progress, and a cancelled export gives no bytes', async () => {
    const input = { includePersonalData: false, generatedAt: GENERATED_AT, appVersion: 't' };
    const register = { doc: sampleDoc() };
    const progress: number[] = [];
    const bytes = await client.run({ kind: 'proposals', input, register }, { onProgress: (p) => progress.push(p) });
    expect(XLSX.read(bytes).SheetNames).toEqual(['Übersicht', 'Anregungen', 'Quartierslabore']);
    expect(progress.at(-1)).toBe(1);
    const controller = new AbortController();
    controller.abort();
    await expect(client.run({ kind: 'proposals', input, register }, { signal: controller.signal })).rejects.toBeInstanceOf(
      ExportCancelledError,
    );
    const unknownRound = exportInput(sampleDoc(), { roundId: 'gibt-es-nicht' });
    await expect(client.run({ kind: 'evaluation', input: unknownRound, register: { doc: unknownRound.doc } })).rejects.toThrow(
      'Es gibt keine Evaluationsrunde',
    );
  });
});

const missing = missingTools(['soffice', 'pdfinfo', 'pdftotext']);
const reason = missing.length > 0 ? ` (skipped: ${missing.join(', ')} not installed)` : '';

/** An empty register and one with the worst texts a cell can hold. */
function badRegisters(): Record<string, RegisterDocument> {
  const doc = sampleDoc();
  const long = 'Lange Begründung '.repeat(2000).slice(0, 32_767);
  const nasty = (i: number) => `=HYPERLINK("http://x","y") 🚓 Steuer\u0001zeichen\u0007 ${i}`;
  return {
    leer: { ...doc, measures: [], indicators: [], proposals: [], contacts: [], trackedDecisions: [], labs: [] },
    boese: {
      ...doc,
      name: `Register 🚓 ${'x'.repeat(200)}`,
      measures: doc.measures.map((m, i) => ({ ...m, title: i === 0 ? long : nasty(i), statusReason: long })),
      proposals: doc.proposals.map((p, i) => ({ ...p, text: i === 0 ? long : nasty(i) })),
      trackedDecisions: doc.trackedDecisions.map((d, i) => ({ ...d, subject: i === 0 ? long : nasty(i) })),
    },
  };
}

describe.skipIf(missing.length > 0)(`LibreOffice prints the workbooks${reason}`, () => {
  let dir = '';
  const pages = new Map<string, number>();
  const text = new Map<string, string>();

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mpr-house-'));
    const files: string[] = [];
    const write = async (name: string, bytes: Uint8Array) => {
      const file = path.join(dir, `${name}.xlsx`);
      await fs.writeFile(file, bytes);
      files.push(file);
    };
    // Only the table sheet, as the council gets it printed: the Zusammenfassung is a second sheet.
    const doc = sampleDoc();
    await write(
      'beschluesse',
      await writeTrackingXlsx({ doc, period: null, today: '2026-11-26', generatedAt: GENERATED_AT, appVersion: 't' }),
    );
    for (const [name, bad] of Object.entries(badRegisters())) {
      await write(`evaluation-${name}`, await writeEvaluationXlsx(exportInput(bad, { roundId: null })));
      await write(
        `anregungen-${name}`,
        await writeProposalsXlsx({ doc: bad, includePersonalData: false, generatedAt: GENERATED_AT, appVersion: 't' }),
      );
      await write(
        `beschluesse-${name}`,
        await writeTrackingXlsx({ doc: bad, period: null, today: '2026-11-26', generatedAt: GENERATED_AT, appVersion: 't' }),
      );
    }
    await run('soffice', [await germanProfile(path.join(dir, 'lo')), '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
      timeout: 240_000,
    });
    for (const file of files) {
      const pdf = file.replace(/\.xlsx$/, '.pdf');
      const name = path.basename(file, '.xlsx');
      const info = (await run('pdfinfo', [pdf])).stdout;
      pages.set(name, Number(/Pages:\s+(\d+)/.exec(info)![1]));
      text.set(name, (await run('pdftotext', ['-layout', pdf, '-'])).stdout);
    }
  }, 300_000);

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it("the sample's Beschlussverfolgung prints on at most two landscape pages (its table on one)", async () => {
    // Both sheets together: table and Zusammenfassung.
    expect(pages.get('beschluesse')).toBeLessThanOrEqual(2);
    const pdf = path.join(dir, 'beschluesse.pdf');
    const size = /Page size:\s+([\d.]+) x ([\d.]+)/.exec((await run('pdfinfo', [pdf])).stdout)!;
    expect(Number(size[1])).toBeGreaterThan(Number(size[2]));
    expect(text.get('beschluesse')).toContain('Seite 1 von');
  });

  it('opens the workbooks of an empty register and of one with 32,767-character texts, control characters and emoji', () => {
    for (const name of [
      'evaluation-leer',
      'anregungen-leer',
      'beschluesse-leer',
      'evaluation-boese',
      'anregungen-boese',
      'beschluesse-boese',
    ]) {
      expect(pages.get(name), name).toBeGreaterThan(0);
    }
    expect(text.get('anregungen-boese')).toContain('=HYPERLINK("http://x","y")');
    expect(text.get('evaluation-leer')).toContain('Evaluationstabellen (ohne Evaluationsrunde)');
  });
});
