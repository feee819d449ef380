/**
 * The exports of an edition comparison (sample register: 2019 → 2.0), checked as in the other document
 * issues: the Excel workbook read back with SheetJS (sheets, German headers, widths, autofilter, date
 * format, properties, one row per measure, user text never a formula); the Word annex at the XML level
 * (de-DE, built-in headings, repeating table header rows, properties) and through mammoth; and both opened
 * by LibreOffice (PDF text), skipped with the reason where LibreOffice or poppler is missing.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import mammoth from 'mammoth';
import XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEditionAnnexDocx } from '@main/editions/editionAnnex';
import type { EditionCompareExportInput } from '@main/editions/editionCompareData';
import { buildEditionCompareXlsx, excelDate } from '@main/editions/editionCompareXlsx';
import { decodeRegister } from '@main/store/decode';
import { COMPARE_CATEGORIES, compareEditions } from '@shared/editions/editionCompare';
import type { RegisterDocument } from '@shared/register/register';
import { readDocx, rows, tables, visibleText } from '@tests/unit/helpers/docxParts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../../..');
const GENERATED_AT = new Date('2026-03-04T10:00:00.000Z');
const INJECTION = '=HYPERLINK("http://example.invalid","klick")';

function sample(): RegisterDocument {
  return decodeRegister(readFileSync(path.join(ROOT, 'resources', 'sample-register.json'), 'utf8')).doc;
}

/** The sample's comparison; with `hostile`, one carried measure of 2.0 gets a formula-like title. */
function input(hostile = false): EditionCompareExportInput {
  let doc = sample();
  if (hostile) doc = { ...doc, measures: doc.measures.map((m) => (m.id === 'm-hf2-01' ? { ...m, title: INJECTION } : m)) };
  return {
    comparison: compareEditions(doc, 'fassung-2019', 'fassung-2-0'),
    actionFields: doc.actionFields,
    statuses: doc.statuses,
    generatedAt: GENERATED_AT,
  };
}

const SHEETS = ['Übersicht', 'Neu', 'Geändert', 'Unverändert', 'Zusammengeführt', 'Ersetzt', 'Beendet', 'Handlungsfelder'];

describe('Excel: Vergleich der Fassungen', () => {
  const data = input();
  let wb: XLSX.WorkBook;
  beforeAll(async () => {
    wb = XLSX.read(await buildEditionCompareXlsx(data), { cellStyles: true, cellNF: true });
  });

  it('has a summary sheet, one sheet per category and the Handlungsfelder, with properties', async () => {
    expect(wb.SheetNames).toEqual(SHEETS);
    expect(wb.Props).toMatchObject({
      Title: 'Anlage: Vergleich der Fassungen',
      Subject: 'Vergleich der Fassungen „Masterplan Kommunale Sicherheit 2019“ und „Masterplan Kommunale Sicherheit 2.0“',
      Author: 'Masterplan-Register',
    });
  });

  it('lists every measure once, under its category, with German headers, widths and an autofilter', async () => {
    const categorySheets = SHEETS.slice(1, 7);
    COMPARE_CATEGORIES.forEach((category, i) => {
      const sheet = wb.Sheets[categorySheets[i]!]!;
      const body = XLSX.utils.sheet_to_json<Record<string, string>>(sheet);
      expect(body, category).toHaveLength(data.comparison.counts[category]);
      expect(sheet['!autofilter']?.ref, category).toBe(
        XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: body.length, c: (sheet['!cols']?.length ?? 0) - 1 } }),
      );
      expect(sheet['!cols']!.every((c) => (c.wch ?? c.width ?? 0) > 0)).toBe(true);
    });
    const changed = XLSX.utils.sheet_to_json<Record<string, string>>(wb.Sheets['Geändert']!);
    expect(Object.keys(changed[0]!)).toEqual([
      'Handlungsfeld neu',
      'Nr. neu',
      'Titel neu',
      'Nr. bisher',
      'Titel bisher',
      'Handlungsfeld bisher',
      'Geänderte Angaben',
    ]);
    expect(changed.find((r) => r['Nr. neu'] === 'HF1-01')).toMatchObject({
      'Nr. bisher': 'AG1-01',
      'Handlungsfeld bisher': 'AG1 Sichere Nachbarschaft',
      'Geänderte Angaben': expect.stringContaining('Status'),
    });
    const ended = XLSX.utils.sheet_to_json<Record<string, string>>(wb.Sheets['Beendet']!);
    expect(ended.map((r) => r['Nr. bisher'])).toEqual(['AG1-08', 'AG1-09', 'AG2-11', 'AG3-08']);
    expect(ended[0]!.Grund).toMatch(/^Nach zwei Durchgängen/);
    const merged = XLSX.utils.sheet_to_json<Record<string, string>>(wb.Sheets['Zusammengeführt']!);
    expect(merged.map((r) => `${r['Nr. bisher']}→${r['Nr. neu']}`)).toEqual([
      'AG1-06→HF1-05',
      'AG2-03→HF2-03',
      'AG2-05→HF2-05',
      'AG3-02→HF3-01',
    ]);
    const fields = XLSX.utils.sheet_to_json<Record<string, string>>(wb.Sheets['Handlungsfelder']!);
    expect(fields).toEqual([
      { Änderung: 'umbenannt', Bisher: 'AG1 Sichere Nachbarschaft', Neu: 'HF1 Sichere Nachbarschaft' },
      { Änderung: 'umbenannt', Bisher: 'AG2 Sichere öffentliche Räume', Neu: 'HF2 Sichere öffentliche Räume' },
      { Änderung: 'umbenannt', Bisher: 'AG3 Sichere Infrastruktur', Neu: 'HF3 Sichere Infrastruktur' },
    ]);
  });

  it('summary: both Fassungen with real dates, counts per category and per Handlungsfeld (with an autofilter)', async () => {
    const sheet = wb.Sheets['Übersicht']!;
    const cells = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true });
    expect(cells[4]).toEqual([
      'Bisherige Fassung',
      'Masterplan Kommunale Sicherheit 2019',
      '12534-18',
      excelDate('2019-02-14'),
      'beschlossen',
    ]);
    expect(sheet['D5']).toMatchObject({ t: 'n', z: 'dd\\.mm\\.yyyy' });
    const counts = Object.fromEntries(cells.slice(8, 14).map((r) => [r[0], r[1]]));
    expect(counts).toEqual({
      'Neu aufgenommen': 13,
      'Übernommen mit Änderungen': 18,
      'Unverändert übernommen': 2,
      Zusammengeführt: 4,
      Ersetzt: 3,
      Beendet: 4,
    });
    expect(cells[14]).toEqual(['Summe', 44]);
    const header = cells.findIndex((r) => r[0] === 'Handlungsfeld');
    expect(cells[header]).toEqual([
      'Handlungsfeld',
      'Neu aufgenommen',
      'Übernommen mit Änderungen',
      'Unverändert übernommen',
      'Zusammengeführt',
      'Ersetzt',
      'Beendet',
      'Summe',
    ]);
    expect(cells[header + 1]).toEqual(['HF1 Sichere Nachbarschaft', 5, 6, 0, 1, 1, 0, 13]);
    expect(sheet['!autofilter']!.ref).toBe(`A${header + 1}:H${cells.length}`);
  });

  it('writes user text as text, never as a formula', async () => {
    const hostile = XLSX.read(await buildEditionCompareXlsx(input(true)));
    const found = Object.entries(hostile.Sheets['Geändert']!).filter(
      ([address, cell]) => !address.startsWith('!') && (cell as XLSX.CellObject).v === INJECTION,
    );
    expect(found).toHaveLength(1);
    expect(found[0]![1]).toMatchObject({ t: 's' });
    for (const ws of Object.values(hostile.Sheets))
      for (const [address, cell] of Object.entries(ws)) if (!address.startsWith('!')) expect((cell as XLSX.CellObject).f).toBeUndefined();
  });
});

describe('Word: Anlage „Vergleich der Fassungen“', () => {
  it('German, built-in headings, repeating table headers, properties, one table per category', async () => {
    const bytes = await buildEditionAnnexDocx(input());
    const docx = await readDocx(bytes);
    const styles = docx.part('word/styles.xml');
    expect(styles).toContain('<w:lang w:val="de-DE" w:eastAsia="de-DE" w:bidi="de-DE"/>');
    expect(styles).not.toContain('en-GB');
    const core = docx.part('docProps/core.xml');
    expect(core).toContain(
      '<dc:title>Anlage: Vergleich der Fassungen: Masterplan Kommunale Sicherheit 2019 und Masterplan Kommunale Sicherheit 2.0</dc:title>',
    );
    expect(core).toContain('<dc:language>de-DE</dc:language>');
    const body = docx.part('word/document.xml');
    const headings = [
      ...body.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="(Title|Heading\d)"\/>(?:(?!<\/w:p>)[\s\S])*?<\/w:p>/g),
    ].map((m) => `${m[1]}: ${visibleText(m[0])}`);
    expect(headings).toEqual([
      'Title: Anlage: Vergleich der Fassungen',
      'Heading1: 1 Überblick',
      'Heading2: 1.1 Legende',
      'Heading1: 2 Maßnahmen je Handlungsfeld',
      'Heading1: 3 Handlungsfelder',
      'Heading1: 4 Neu aufgenommen (13)',
      'Heading1: 5 Übernommen mit Änderungen (18)',
      'Heading1: 6 Unverändert übernommen (2)',
      'Heading1: 7 Zusammengeführt (4)',
      'Heading1: 8 Ersetzt (3)',
      'Heading1: 9 Beendet (4)',
    ]);
    const all = tables(body);
    expect(all).toHaveLength(4 + 6);
    // Maßnahmen je Handlungsfeld: categories as rows, Handlungsfelder by code as columns.
    expect(visibleText(rows(all[2]!)[0]!)).toBe('KategorieHF1HF2HF3AG1 (bisher)AG2 (bisher)AG3 (bisher)Summe');
    expect(visibleText(rows(all[2]!).at(-1)!)).toBe('Summe131413211' + '44');
    for (const table of all) {
      const first = rows(table)[0]!;
      expect(first).toContain('<w:tblHeader/>');
      for (const row of rows(table).slice(1)) expect(row).toContain('<w:cantSplit/>');
    }
    // The "Beendet" table: old number, title, status and reason.
    expect(visibleText(rows(all.at(-1)!)[0]!)).toBe('Handlungsfeld bisherNr. bisherTitel bisherStatusGrund');
    expect(visibleText(rows(all.at(-1)!)[1]!)).toMatch(/^AG1 Sichere NachbarschaftAG1-08Sicherheitstage in den Stadtbezirkenumgesetzt/);
    const header = docx
      .parts(/^word\/header\d+\.xml$/)
      .map(visibleText)
      .join('');
    expect(header).toBe('Anlage zur Drucksache Nr.: 26093-22');
    const footer = docx
      .parts(/^word\/footer\d+\.xml$/)
      .map(visibleText)
      .join('');
    expect(footer).toContain('Erstellt am');
    const html = (await mammoth.convertToHtml({ buffer: bytes })).value.replace(/\u2011/g, '-');
    expect(html).toContain('<h1>4 Neu aufgenommen (13)</h1>');
  });
});

function onPath(name: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
const missing = ['soffice', 'pdftotext'].filter((tool) => !onPath(tool));
const reason = missing.length > 0 ? ` (skipped: ${missing.join(', ')} not installed)` : '';

describe.skipIf(missing.length > 0)(`LibreOffice opens both exports${reason}`, () => {
  let dir = '';
  const text = new Map<string, string>();

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mpr-editions-lo-'));
    await fs.writeFile(path.join(dir, 'vergleich.xlsx'), await buildEditionCompareXlsx(input(true)));
    await fs.writeFile(path.join(dir, 'anlage.docx'), await buildEditionAnnexDocx(input()));
    await fs.mkdir(path.join(dir, 'profile', 'user'), { recursive: true });
    await fs.writeFile(
      path.join(dir, 'profile', 'user', 'registrymodifications.xcu'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>de-DE</value></prop></item></oor:items>\n',
    );
    const files = ['vergleich.xlsx', 'anlage.docx'].map((f) => path.join(dir, f));
    await run(
      'soffice',
      [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files],
      { timeout: 180_000 },
    );
    for (const name of ['vergleich', 'anlage'])
      text.set(name, (await run('pdftotext', ['-layout', path.join(dir, `${name}.pdf`), '-'])).stdout.replace(/\s+/g, ' '));
  }, 240_000);

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('the Word annex prints title, sections, page numbers "Seite X von Y" and the measures', async () => {
    const annex = text.get('anlage')!;
    expect(annex).toContain('Anlage: Vergleich der Fassungen');
    expect(annex).toContain('1 Überblick');
    expect(annex).toContain('9 Beendet (4)');
    expect(annex).toMatch(/Seite 1 von \d+/);
    expect(annex).toContain('Sicherheitstage in den');
    // Measure numbers never break inside a table cell.
    expect(annex).toContain('AG1-08');
    expect(annex).toContain('HF1-01');
  });

  it('the Excel table shows German dates and the formula-like title as plain text', async () => {
    const table = text.get('vergleich')!;
    expect(table).toContain('14.02.2019');
    expect(table).toContain(INJECTION);
    expect(table).not.toContain('klick ');
  });
});
