/**
 * The evaluation exports opened by a real office suite. LibreOffice (German locale) converts the workbook
 * and the report to PDF, and pdftotext shows what a reader sees: measure titles, injected "formulas" as
 * literal text; the Übersicht numbers in German formats are read cell by cell from LibreOffice's
 * "as shown" CSV, so the assertions are about content, not about where one LibreOffice version with one
 * set of fonts breaks lines or pages. A second run forces LibreOffice to recalculate
 * every formula of a workbook whose cached values were overwritten with 999: the results must equal the
 * counts computed here, so the formulas themselves are right (criteria escaping included).
 * Skips, saying why, when LibreOffice or poppler is not installed.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingTools, run, parseCsv, workbookAsShownByLibreOffice } from '@tests/unit/helpers/office';
import { buildEvaluationReportDocx } from '@main/evaluation/evaluationReport';
import { buildEvaluationSheets, SHEET, writeEvaluationXlsx } from '@main/evaluation/evaluationWorkbook';
import { writeHouseWorkbook } from '@main/export/houseWorkbook';
import { DISTRICTS } from '@shared/register/districts';
import {
  activeMeasures,
  currentFields,
  exportInput,
  HOSTILE_FIELD_NAME,
  HOSTILE_STATUS_LABEL,
  hostileRegister,
  INJECTED_REASONING,
  sampleRegister,
} from './evaluationFixtures';

const missing = missingTools();
const reason = missing.length > 0 ? ` (skipped: ${missing.join(', ')} not installed)` : '';

/** A throwaway LibreOffice profile: German locale; `recalc` makes it recalculate every formula on load. */
async function profile(dir: string, recalc: boolean): Promise<string> {
  await fs.mkdir(path.join(dir, 'user'), { recursive: true });
  const item = (p: string, name: string, value: string) =>
    `<item oor:path="${p}"><prop oor:name="${name}" oor:op="fuse"><value>${value}</value></prop></item>`;
  await fs.writeFile(
    path.join(dir, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      item('/org.openoffice.Setup/L10N', 'ooSetupSystemLocale', 'de-DE') +
      // OOXMLRecalcMode 0: always recalculate (default 1: never, i.e. show the cached values).
      (recalc ? item('/org.openoffice.Office.Calc/Formula/Load', 'OOXMLRecalcMode', '0') : '') +
      '</oor:items>\n',
  );
  return `file://${dir}`;
}

const germanNumber = (text: string) =>
  Number(
    text
      .replace(/\./g, '')
      .replace(',', '.')
      .replace(/[^\d.-]/g, ''),
  );
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

describe.skipIf(missing.length > 0)(`LibreOffice opens the evaluation exports${reason}`, () => {
  let dir = '';
  const text = new Map<string, string>();
  const csv = new Map<string, string[][]>();
  let shown = new Map<string, string[][]>();
  let hostileShown = new Map<string, string[][]>();

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mpr-eval-lo-'));
    const sample = sampleRegister();
    await fs.writeFile(path.join(dir, 'sample.xlsx'), await writeEvaluationXlsx(exportInput(sample)));
    await fs.writeFile(
      path.join(dir, 'hostile.xlsx'),
      await writeEvaluationXlsx(exportInput(hostileRegister(), { includePersonalData: true })),
    );
    await fs.writeFile(path.join(dir, 'report.docx'), await buildEvaluationReportDocx(exportInput(sample)));

    // Every formula's cached value replaced by 999 (or "X"): only a recalculation gives the right numbers.
    const poisoned = buildEvaluationSheets(exportInput(hostileRegister()));
    for (const { sheet } of poisoned.sheets)
      for (const row of sheet as unknown as (XLSX.CellObject | undefined)[][])
        for (const cell of row ?? []) if (cell?.f) Object.assign(cell, { t: 'n', v: 999 });
    const meta = {
      title: poisoned.title,
      subject: '',
      keywords: '',
      description: '',
      author: 'Test',
      stand: '2025-03-04',
      created: new Date(),
    };
    await fs.writeFile(path.join(dir, 'poisoned.xlsx'), await writeHouseWorkbook(poisoned.sheets, meta));

    const files = ['sample.xlsx', 'hostile.xlsx', 'report.docx'].map((f) => path.join(dir, f));
    const lo = (p: string) => `-env:UserInstallation=${p}`;
    await run(
      'soffice',
      [lo(await profile(path.join(dir, 'lo-de'), false)), '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files],
      { timeout: 180_000 },
    );
    // Filter options: comma, quote, UTF-8, …, token 12 = -1: every sheet into its own file "poisoned-<Blatt>.csv".
    const csvFilter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
    await run(
      'soffice',
      [
        lo(await profile(path.join(dir, 'lo-recalc'), true)),
        '--headless',
        '--convert-to',
        csvFilter,
        '--outdir',
        path.join(dir, 'csv'),
        path.join(dir, 'poisoned.xlsx'),
      ],
      {
        timeout: 180_000,
      },
    );
    for (const name of ['sample', 'hostile', 'report'])
      text.set(name, (await run('pdftotext', ['-layout', path.join(dir, `${name}.pdf`), '-'])).stdout);
    // Content-stream order: a table row's cells in sequence, wherever the columns happen to be placed.
    text.set('report-raw', (await run('pdftotext', ['-raw', path.join(dir, 'report.pdf'), '-'])).stdout);
    shown = await workbookAsShownByLibreOffice(path.join(dir, 'sample.xlsx'), [SHEET.overview]);
    hostileShown = await workbookAsShownByLibreOffice(path.join(dir, 'hostile.xlsx'), [SHEET.measures]);
    for (const sheet of ['Übersicht', 'Stadtbezirke', 'Finanzen'])
      csv.set(sheet, parseCsv(await fs.readFile(path.join(dir, 'csv', `poisoned-${sheet}.csv`), 'utf8')));
  }, 240_000);

  afterAll(async () => {
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('the workbook PDF shows measure titles, dates and the Ampel, and no formula errors', () => {
    const flat = oneLine(text.get('sample')!);
    expect(flat).toContain('Evaluationstabellen – Evaluationsbericht 2024');
    expect(flat).toContain('Videobeobachtung Brückstraße');
    expect(flat).toContain('Präventionsrat Hörde');
    expect(flat).toContain('30.09.2024');
    expect(flat).toContain('Ampel grün');
    expect(flat).not.toContain('#NAME?');
    expect(flat).not.toMatch(/Err:\d+/);
  });

  it('LibreOffice shows the Übersicht numbers in German formats (counts, percentages, euros)', () => {
    const rows = shown.get(SHEET.overview)!;
    const row = (label: string) => rows.find((r) => r[0] === label);
    // Handlungsfeld row: count, Ø Umsetzungsgrad; the first Gesamt row: total count, Ø and planned budget.
    expect(row('HF1 Sichere Nachbarschaft')?.slice(0, 3)).toEqual(['HF1 Sichere Nachbarschaft', '12', '56 %']);
    expect(row('Gesamt')?.slice(0, 5)).toEqual(['Gesamt', '36', '61 %', '74 %', '23.625.200,00 €']);
    expect(rows.flat().join('|')).not.toMatch(/#NAME\?|Err:\d+|###/);
  });

  it('shows injected "formulas" literally: nothing was evaluated', () => {
    const flat = oneLine(text.get('hostile')!);
    expect(flat).toContain('=HYPERLINK("http://x","y")');
    // The reasoning wraps within its column (house style); LibreOffice breaks it after "http://".
    expect(flat).toContain('=HYPERLINK("http://');
    expect(flat).toContain(INJECTED_REASONING.slice('=HYPERLINK("http://'.length));
    expect(flat).toContain('+1+1');
    expect(flat).toContain('@SUM(A1)');
    expect(flat).toContain('@Erika Mustermann');
    expect(flat).toContain(HOSTILE_STATUS_LABEL);
    // "-2" stays the literal title of HF1-03, as LibreOffice shows the cell.
    expect(hostileShown.get(SHEET.measures)!.find((r) => r[0] === 'HF1-03')?.[1]).toBe('-2');
  });

  it('recalculated by LibreOffice, every Übersicht formula gives the count computed here (hostile labels included)', () => {
    const doc = hostileRegister();
    const measures = activeMeasures(doc);
    const rows = csv.get('Übersicht')!;
    const all = rows.flat().join('|');
    expect(all).not.toContain('999');
    const count = (block: string, label: string) => {
      const start = rows.findIndex((r) => r[0] === block);
      const row = rows.slice(start + 1).find((r) => r[0] === label);
      expect(row, `${block} / ${label}`).toBeDefined();
      return Number(row![1]);
    };
    for (const f of currentFields(doc))
      expect(count('Handlungsfeld', `${f.code} ${f.name}`)).toBe(measures.filter((m) => m.actionFieldId === f.id).length);
    expect(count('Handlungsfeld', `HF2 ${HOSTILE_FIELD_NAME}`)).toBe(12);
    expect(count('Handlungsfeld', 'Gesamt')).toBe(measures.length);
    for (const s of doc.statuses)
      expect({ status: s.label, n: count('Status', s.label) }).toEqual({
        status: s.label,
        n: measures.filter((m) => m.status === s.key).length,
      });
    expect(count('Status', HOSTILE_STATUS_LABEL)).toBeGreaterThan(5);
    for (const d of DISTRICTS) expect(count('Stadtbezirk', d.name)).toBe(measures.filter((m) => m.districts.includes(d.code)).length);
    expect(count('Stadtbezirk', 'ohne Stadtbezirk')).toBe(0);
    expect(count('Bewertung', 'erfolgreich – Ampel grün')).toBe(doc.assessments.filter((a) => a.rating === 'gruen').length);
    expect(count('Bewertung', 'noch nicht bewertet')).toBe(measures.length - doc.assessments.length);
    expect(count('Empfehlung', 'ohne Empfehlung')).toBe(measures.length - doc.assessments.filter((a) => a.recommendation).length);
    // Sums: planned budget per Handlungsfeld.
    const hf1 = rows.find((r) => r[0] === 'HF1 Sichere Nachbarschaft')!;
    const planned = measures
      .filter((m) => m.actionFieldId === currentFields(doc)[0]!.id)
      .flatMap((m) => m.budget)
      .reduce((s, b) => s + (b.plannedCents ?? 0), 0);
    expect(germanNumber(hf1[4]!)).toBeCloseTo(planned / 100, 2);
  });

  it('recalculated, the Stadtbezirke counts and the Finanzen SUBTOTALs are right too', () => {
    const measures = activeMeasures(hostileRegister());
    const countRow = csv.get('Stadtbezirke')!.find((r) => r[0] === 'Anzahl Maßnahmen')!;
    expect(countRow.slice(2, 14).map(Number)).toEqual(DISTRICTS.map((d) => measures.filter((m) => m.districts.includes(d.code)).length));
    const sumRow = csv.get('Finanzen')!.find((r) => r[0] === 'Summe (sichtbare Zeilen)')!;
    const spent = measures.flatMap((m) => m.budget).reduce((s, b) => s + (b.spentCents ?? 0), 0);
    expect(germanNumber(sumRow[8]!)).toBeCloseTo(spent / 100, 2);
  });

  it('the report PDF has the title, the measure tables with the Ampel as words, and page numbers', async () => {
    const pdf = text.get('report')!;
    const flat = oneLine(pdf);
    const { stdout } = await run('pdfinfo', [path.join(dir, 'report.pdf')]);
    const pages = Number(/^Pages:\s+(\d+)/m.exec(stdout)![1]);
    expect(pages).toBeGreaterThan(1);
    expect(flat).toContain('Evaluationsbericht 2024');
    expect(flat).toContain(`Seite 1 von ${pages}`);
    expect(flat).toContain(`Seite ${pages} von ${pages}`);
    // The measure table's header cells (each present; where a line breaks depends on fonts).
    for (const header of ['Maßnahme', 'Umsetzungsgrad', 'Zielerreichung', 'Bewertung', 'Empfehlung']) expect(flat).toContain(header);
    expect(flat).toContain('HF2-01 Videobeobachtung');
    expect(flat).toContain('Ampel grün');
    expect(flat).toContain('erreicht (96 %)');
    expect(oneLine(text.get('report-raw')!)).toMatch(/Summe 36 100 %/);
    expect(flat).toContain('Verbale Skala der Zielerreichung');
    expect(flat).not.toContain('Sicherheitskoordination 2024-09-30');
  });
});
