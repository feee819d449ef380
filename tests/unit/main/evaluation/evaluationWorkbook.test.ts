/**
 * The Excel evaluation tables, read back with SheetJS: every sheet, header row, number format, autofilter,
 * column width, workbook property; the Übersicht formulas and their cached values against counts made
 * here independently from the register; filters; personal data; formula injection.
 */
import JSZip from 'jszip';
import XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { GOAL_SCALE, UnknownRoundError } from '@main/evaluation/evaluationData';
import { buildEvaluationSheets, exactCriterion, FORMAT, writeEvaluationXlsx } from '@main/evaluation/evaluationWorkbook';
import { DISTRICTS } from '@shared/register/districts';
import { goalAttainment, goalLevel } from '@shared/evaluation/progress';
import type { RegisterDocument } from '@shared/register/register';
import {
  activeMeasures,
  currentFields,
  exportInput,
  GENERATED_AT,
  HOSTILE_FIELD_NAME,
  HOSTILE_STATUS_LABEL,
  hostileRegister,
  INJECTED_ASSESSOR,
  INJECTED_REASONING,
  INJECTED_TITLES,
  REGISTER_PATH,
  sampleRegister,
} from './evaluationFixtures';

const SHEETS = ['Übersicht', 'Maßnahmen', 'Kennzahlen', 'Finanzen', 'Stadtbezirke', 'Legende'];
const DATA_SHEETS = ['Maßnahmen', 'Kennzahlen', 'Finanzen', 'Stadtbezirke'];

const MEASURE_HEADERS = [
  'Nr.',
  'Titel',
  'Handlungsfeld',
  'Federführung',
  'Stadtbezirke',
  'Status',
  'Umsetzungsgrad',
  'Quelle des Umsetzungsgrads',
  'Kennzahlen',
  'Zielerreichungsgrad',
  'Zielerreichung',
  'Bewertung',
  'Ampel',
  'Empfehlung',
  'Begründung der Bewertung',
  'Bewertet am',
  'Budget geplant',
  'Budget bewilligt',
  'Budget ausgegeben',
  'Art',
  'Statusbegründung',
  'Beginn',
  'Ende',
  'Haushaltsjahr',
];
const INDICATOR_HEADERS = [
  'Maßnahme Nr.',
  'Maßnahmentitel',
  'Kennzahl',
  'Typ',
  'Einheit',
  'Richtung',
  'Datenquelle',
  'Basiswert',
  'Basisjahr',
  'Zielwert',
  'Zieljahr',
  'Jahr',
  'Zeitraum',
  'Ist-Wert',
  'Zielerreichungsgrad',
  'Zielerreichung',
];
const FINANCE_HEADERS = [
  'Maßnahme Nr.',
  'Titel',
  'Handlungsfeld',
  'Jahr',
  'Finanzierungsquelle',
  'Haushaltsposition',
  'geplant',
  'bewilligt',
  'ausgegeben',
];
const DISTRICT_HEADERS = ['Nr.', 'Titel', ...DISTRICTS.map((d) => d.name)];

/** Writes and reads back, as another program would see the file. */
async function roundTrip(doc: RegisterDocument, extra: Parameters<typeof exportInput>[1] = {}): Promise<XLSX.WorkBook> {
  const bytes = await writeEvaluationXlsx(exportInput(doc, extra));
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  // cellStyles: SheetJS reads column widths only with it.
  return XLSX.read(bytes, { cellFormula: true, cellNF: true, cellDates: false, cellStyles: true });
}

type Cell = XLSX.CellObject | undefined;

function sheetRows(ws: XLSX.WorkSheet): Cell[][] {
  const range = XLSX.utils.decode_range(ws['!ref']!);
  const rows: Cell[][] = [];
  for (let r = range.s.r; r <= range.e.r; r++) {
    const row: Cell[] = [];
    for (let c = range.s.c; c <= range.e.c; c++) row.push(ws[XLSX.utils.encode_cell({ r, c })] as Cell);
    rows.push(row);
  }
  return rows;
}

const values = (row: readonly Cell[]) => row.map((c) => c?.v ?? null);

function headerRow(ws: XLSX.WorkSheet): unknown[] {
  return values(sheetRows(ws)[0]!).filter((v) => v !== null);
}

/** Data rows of a data sheet: after the header, up to the first empty row. */
function dataRows(ws: XLSX.WorkSheet): Cell[][] {
  const rows = sheetRows(ws).slice(1);
  const end = rows.findIndex((r) => r.every((c) => c === undefined));
  return end === -1 ? rows : rows.slice(0, end);
}

function column(ws: XLSX.WorkSheet, header: string): Cell[] {
  const index = headerRow(ws).indexOf(header);
  expect(index, header).toBeGreaterThanOrEqual(0);
  return dataRows(ws).map((r) => r[index]);
}

/** The Übersicht row whose first cell is `label`, after the block header `block`. */
function overviewRow(ws: XLSX.WorkSheet, block: string, label: string): Cell[] {
  const rows = sheetRows(ws);
  const start = rows.findIndex((r) => r[0]?.v === block);
  expect(start, block).toBeGreaterThanOrEqual(0);
  const found = rows.slice(start + 1).find((r) => r[0]?.v === label);
  expect(found, `${block} / ${label}`).toBeDefined();
  return found!;
}

const euros = (cents: number) => cents / 100;

// Written once at the top level (the export is asynchronous; describe bodies are not).
const sampleDoc = sampleRegister();
const sampleWorkbook = await roundTrip(sampleDoc);

describe('the evaluation workbook of the sample register', () => {
  const doc = sampleDoc;
  const wb = sampleWorkbook;
  const measures = activeMeasures(doc);

  it('has the six German sheets, each name at most 31 characters', async () => {
    expect(wb.SheetNames).toEqual(SHEETS);
    for (const name of wb.SheetNames) expect(name.length).toBeLessThanOrEqual(31);
  });

  it('carries the workbook properties', async () => {
    expect(wb.Props).toMatchObject({
      Title: 'Evaluationstabellen – Evaluationsbericht 2024',
      Subject: 'Evaluationstabellen zum Masterplan Kommunale Sicherheit',
      Author: 'Masterplan-Register',
    });
    expect(wb.Props!.CreatedDate?.toISOString()).toBe(GENERATED_AT.toISOString());
  });

  it('starts every data sheet with its header row', async () => {
    expect(headerRow(wb.Sheets['Maßnahmen']!)).toEqual(MEASURE_HEADERS);
    expect(headerRow(wb.Sheets['Kennzahlen']!)).toEqual(INDICATOR_HEADERS);
    expect(headerRow(wb.Sheets['Finanzen']!)).toEqual(FINANCE_HEADERS);
    expect(headerRow(wb.Sheets['Stadtbezirke']!)).toEqual(DISTRICT_HEADERS);
    expect(headerRow(wb.Sheets['Legende']!)).toEqual(['Begriff', 'Erläuterung']);
    expect(sheetRows(wb.Sheets['Übersicht']!)[0]![0]?.v).toBe('Evaluationstabellen – Evaluationsbericht 2024');
  });

  it('puts an autofilter over header and data rows on every data sheet', async () => {
    const rowsOf: Record<string, number> = {
      Maßnahmen: measures.length,
      Kennzahlen: dataRows(wb.Sheets['Kennzahlen']!).length,
      Finanzen: measures.reduce((n, m) => n + m.budget.length, 0),
      Stadtbezirke: measures.length,
    };
    const widths: Record<string, number> = {
      Maßnahmen: MEASURE_HEADERS.length,
      Kennzahlen: INDICATOR_HEADERS.length,
      Finanzen: FINANCE_HEADERS.length,
      Stadtbezirke: DISTRICT_HEADERS.length,
    };
    for (const name of DATA_SHEETS) {
      const ws = wb.Sheets[name]!;
      const ref = XLSX.utils.decode_range(ws['!autofilter']!.ref);
      expect({ name, s: ref.s, e: ref.e }).toEqual({ name, s: { r: 0, c: 0 }, e: { r: rowsOf[name]!, c: widths[name]! - 1 } });
      expect(dataRows(ws)).toHaveLength(rowsOf[name]!);
    }
    // The header row repeats on every printed page of each data sheet.
    const titles = (wb.Workbook?.Names ?? []).filter((n) => n.Name === '_xlnm.Print_Titles');
    expect(titles.map((n) => n.Sheet).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('sets column widths on every sheet, wide enough for the longest word of each header', async () => {
    for (const name of SHEETS) {
      const ws = wb.Sheets[name]!;
      const cols = ws['!cols']!;
      expect(cols.length, name).toBe(XLSX.utils.decode_range(ws['!ref']!).e.c + 1);
      for (const col of cols) expect(col.wch ?? col.wpx, name).toBeGreaterThanOrEqual(6);
    }
    const measureCols = wb.Sheets['Maßnahmen']!['!cols']!;
    expect(measureCols[1]!.wch).toBeGreaterThanOrEqual(20); // Titel
    expect(measureCols[1]!.wch).toBeLessThanOrEqual(50);
    // Headers wrap: the longest word fits.
    expect(measureCols[MEASURE_HEADERS.indexOf('Quelle des Umsetzungsgrads')]!.wch).toBeGreaterThanOrEqual('Umsetzungsgrads'.length);
  });

  it('writes one row per measure, by Handlungsfeld and number, with German formats', async () => {
    const ws = wb.Sheets['Maßnahmen']!;
    expect(column(ws, 'Nr.').map((c) => c?.v)).toEqual(
      measures.map((m) => m.number).sort((a, b) => a.localeCompare(b, 'de', { numeric: true })),
    );
    const row = dataRows(ws).find((r) => r[0]?.v === 'HF2-01')!;
    const cell = (header: string) => row[MEASURE_HEADERS.indexOf(header)];
    const m = doc.measures.find((x) => x.number === 'HF2-01')!;
    expect(cell('Titel')).toMatchObject({ t: 's', v: m.title });
    expect(cell('Handlungsfeld')?.v).toBe('HF2 Sichere öffentliche Räume');
    expect(cell('Stadtbezirke')?.v).toBe('Innenstadt-West');
    expect(cell('Status')?.v).toBe('verstetigt (Regelbetrieb)');
    expect(cell('Umsetzungsgrad')).toMatchObject({ t: 'n', v: 1, z: FORMAT.percent });
    expect(cell('Quelle des Umsetzungsgrads')?.v).toBe(m.milestones.length > 0 ? 'aus Meilensteinen' : 'aus dem Status');
    expect(cell('Kennzahlen')).toMatchObject({ t: 'n', v: 2 });
    expect(cell('Zielerreichungsgrad')).toMatchObject({ t: 'n', z: FORMAT.percent });
    expect(cell('Zielerreichung')?.v).toBe('überwiegend erreicht');
    expect(cell('Bewertung')?.v).toBe('erfolgreich');
    expect(cell('Ampel')?.v).toBe('grün');
    expect(cell('Empfehlung')?.v).toBe('verstetigen');
    expect(String(cell('Begründung der Bewertung')?.v)).toContain('Begleitstudie');
    // 30.09.2024 as a serial date.
    expect(cell('Bewertet am')).toMatchObject({ t: 'n', v: 45_565, z: FORMAT.date });
    expect(XLSX.SSF.format(FORMAT.date, 45_565)).toBe('30.09.2024');
    const planned = m.budget.reduce((s, b) => s + (b.plannedCents ?? 0), 0);
    expect(cell('Budget geplant')).toMatchObject({ t: 'n', z: FORMAT.money });
    expect(cell('Budget geplant')?.v).toBeCloseTo(euros(planned), 6);
    expect(FORMAT.money).toBe('#,##0.00 "€"');
    expect(FORMAT.percent).toBe('0 %');
  });

  it('gives a measure without assessment empty Bewertung cells and a measure without indicators "nicht bewertbar"', async () => {
    const ws = wb.Sheets['Maßnahmen']!;
    const row = dataRows(ws).find((r) => r[0]?.v === 'HF1-03')!;
    expect(row[MEASURE_HEADERS.indexOf('Bewertung')]).toBeUndefined();
    expect(row[MEASURE_HEADERS.indexOf('Ampel')]).toBeUndefined();
    expect(row[MEASURE_HEADERS.indexOf('Zielerreichungsgrad')]).toBeUndefined();
    expect(row[MEASURE_HEADERS.indexOf('Zielerreichung')]?.v).toBe('nicht bewertbar');
  });

  it('writes one Kennzahlen row per indicator and year up to the cut-off, with the attainment of that value', async () => {
    const ws = wb.Sheets['Kennzahlen']!;
    const rows = dataRows(ws);
    const inScope = new Set(measures.map((m) => m.id));
    const expected = doc.indicators
      .filter((i) => !i.deletedAt && inScope.has(i.measureId))
      .reduce((n, i) => n + Math.max(1, i.values.filter((v) => v.year <= 2024).length), 0);
    expect(rows).toHaveLength(expected);
    const brueck = doc.indicators.find((i) => i.name.startsWith('Gefährliche und schwere Körperverletzungen'))!;
    const mine = rows.filter((r) => r[2]?.v === brueck.name);
    expect(mine.map((r) => r[11]?.v)).toEqual(brueck.values.map((v) => v.year));
    const last = mine.at(-1)!;
    const title = doc.measures.find((m) => m.number === 'HF2-01')!.title;
    expect(values(last).slice(0, 14)).toEqual([
      'HF2-01',
      title,
      brueck.name,
      'Outcome (Wirkung)',
      'Fälle',
      'niedriger ist besser',
      'Polizeiliche Kriminalstatistik (PKS)',
      142,
      2018,
      100,
      2024,
      2024,
      null,
      81,
    ]);
    expect(last[7]!.z).toBe('#,##0');
    expect(last[14]).toMatchObject({ t: 'n', z: FORMAT.percent });
    expect(last[14]!.v).toBeCloseTo(goalAttainment({ ...brueck, values: [brueck.values.at(-1)!] }).degree!, 10);
    expect(last[15]?.v).toBe(goalLevelWord(goalLevel(last[14]!.v as number)));
  });

  it('writes one Finanzen row per budget line and a SUBTOTAL row below, after an empty row', async () => {
    const ws = wb.Sheets['Finanzen']!;
    const rows = sheetRows(ws);
    const lines = measures.flatMap((m) => m.budget);
    const total = rows.at(-1)!;
    expect(total[0]?.v).toBe('Summe (sichtbare Zeilen)');
    expect(rows.at(-2)!.every((c) => c === undefined)).toBe(true);
    const sums = [
      lines.reduce((s, b) => s + (b.plannedCents ?? 0), 0),
      lines.reduce((s, b) => s + (b.approvedCents ?? 0), 0),
      lines.reduce((s, b) => s + (b.spentCents ?? 0), 0),
    ];
    [6, 7, 8].forEach((col, i) => {
      expect(total[col]!.f).toBe(`SUBTOTAL(109,${XLSX.utils.encode_col(col)}2:${XLSX.utils.encode_col(col)}${lines.length + 1})`);
      expect(total[col]!.v).toBeCloseTo(euros(sums[i]!), 6);
      expect(total[col]!.z).toBe(FORMAT.money);
    });
    for (const row of dataRows(ws)) if (row[6]) expect(row[6].z).toBe(FORMAT.money);
  });

  it('marks measures × Stadtbezirke with "x" and counts each district with a formula', async () => {
    const ws = wb.Sheets['Stadtbezirke']!;
    const rows = sheetRows(ws);
    const countRow = rows.at(-1)!;
    expect(countRow[0]?.v).toBe('Anzahl Maßnahmen');
    DISTRICTS.forEach((d, k) => {
      const expected = measures.filter((m) => m.districts.includes(d.code)).length;
      const cell = countRow[2 + k]!;
      expect(cell.f).toMatch(/^COUNTIF\([A-Z]+2:[A-Z]+37,"x"\)$/);
      expect({ district: d.name, count: cell.v }).toEqual({ district: d.name, count: expected });
      expect(column(ws, d.name).filter((c) => c?.v === 'x')).toHaveLength(expected);
    });
  });

  it('computes the Übersicht with COUNTIFS/SUMIFS/AVERAGEIFS over the Maßnahmen sheet, cached values equal to independent counts', async () => {
    const ws = wb.Sheets['Übersicht']!;
    for (const f of currentFields(doc)) {
      const mine = measures.filter((m) => m.actionFieldId === f.id);
      const row = overviewRow(ws, 'Handlungsfeld', `${f.code} ${f.name}`);
      expect(row[1]!.f).toBe(`COUNTIFS('Maßnahmen'!$C$2:$C$37,${exactCriterion(`${f.code} ${f.name}`)})`);
      expect(row[1]!.v).toBe(mine.length);
      expect(row[1]!.z).toBe(FORMAT.count);
      expect(row[2]!.f).toMatch(/^IFERROR\(AVERAGEIFS\('Maßnahmen'!\$G\$2:\$G\$37,'Maßnahmen'!\$C\$2:\$C\$37,/);
      expect(row[2]!.z).toBe(FORMAT.percent);
      expect(row[4]!.f).toMatch(/^SUMIFS\('Maßnahmen'!\$Q\$2:\$Q\$37,'Maßnahmen'!\$C\$2:\$C\$37,/);
      expect(row[4]!.v).toBeCloseTo(euros(mine.flatMap((m) => m.budget).reduce((s, b) => s + (b.plannedCents ?? 0), 0)), 6);
      expect(row[6]!.v).toBeCloseTo(euros(mine.flatMap((m) => m.budget).reduce((s, b) => s + (b.spentCents ?? 0), 0)), 6);
      expect(row[6]!.z).toBe(FORMAT.money);
    }
    const total = overviewRow(ws, 'Handlungsfeld', 'Gesamt');
    expect(total[1]).toMatchObject({ f: 'SUM(B5:B7)', v: measures.length });

    for (const s of doc.statuses) {
      const expected = measures.filter((m) => m.status === s.key).length;
      const row = overviewRow(ws, 'Status', s.label);
      expect(row[1]!.f).toContain("'Maßnahmen'!$F$2:$F$37");
      expect({ status: s.key, count: row[1]!.v }).toEqual({ status: s.key, count: expected });
    }
    for (const d of DISTRICTS) {
      const row = overviewRow(ws, 'Stadtbezirk', d.name);
      expect(row[1]!.f).toBe(`COUNTIFS('Maßnahmen'!$E$2:$E$37,"*${d.name}*")`);
      expect(row[1]!.v).toBe(measures.filter((m) => m.districts.includes(d.code)).length);
    }
    expect(overviewRow(ws, 'Stadtbezirk', 'ohne Stadtbezirk')[1]).toMatchObject({ f: `COUNTIFS('Maßnahmen'!$E$2:$E$37,"")`, v: 0 });

    const assessed = doc.assessments;
    const ratingRow = overviewRow(ws, 'Bewertung', 'erfolgreich – Ampel grün');
    expect(ratingRow[1]).toMatchObject({
      f: `COUNTIFS('Maßnahmen'!$L$2:$L$37,"=erfolgreich")`,
      v: assessed.filter((a) => a.rating === 'gruen').length,
    });
    expect(overviewRow(ws, 'Bewertung', 'noch nicht bewertet')[1]!.v).toBe(measures.length - assessed.length);
    expect(overviewRow(ws, 'Empfehlung', 'verstetigen')[1]!.v).toBe(assessed.filter((a) => a.recommendation === 'verstetigen').length);

    // Every COUNTIFS/SUMIFS/AVERAGEIFS reads the Maßnahmen sheet; the rest are sums of the block above.
    for (const row of sheetRows(ws))
      for (const cell of row) {
        if (!cell?.f) continue;
        if (/IFS\(|AVERAGE\(/.test(cell.f)) expect(cell.f).toContain("'Maßnahmen'!");
        else expect(cell.f).toMatch(/^SUM\([B-G]\d+:[B-G]\d+\)$/);
      }
  });

  it('explains the figures in the Legende: scale, ratings, sources, export date, file, versions, filters, personal data', async () => {
    const ws = wb.Sheets['Legende']!;
    const rows = dataRows(ws).concat(sheetRows(ws).slice(dataRows(ws).length + 1));
    // One row per term: a long explanation wraps within its cell (house style), never continues below.
    const lines = rows.map((r) => values(r).join(' | '));
    const text = lines.join('\n');
    for (const r of rows) if (r[1] !== undefined) expect(r[0], String(r[1].v)).toBeDefined();
    expect(text).toContain('übererfüllt | Zielerreichung ab 105 %');
    expect(text).toContain('überwiegend erreicht | Zielerreichung 75 % bis unter 100 %');
    expect(text).toContain('nicht erreicht | Zielerreichung unter 25 %');
    expect(text).toContain('(Ist-Wert − Basiswert) ÷ (Zielwert − Basiswert), begrenzt auf 0 % bis 150 %');
    expect(text).toContain('teilweise erfolgreich | Bewertung – Ampel gelb');
    expect(text).toContain('verstetigen | Empfehlung: Die Maßnahme geht in den Regelbetrieb über.');
    expect(text).toContain('Datenquelle | Polizeiliche Kriminalstatistik (PKS)');
    expect(text).toContain('Evaluationsrunde | Evaluationsbericht 2024');
    expect(text).toContain('Filter | keine');
    expect(text).toContain('Personenbezogene Daten | nicht enthalten');
    expect(text).toContain('Registerdatei | register.json');
    expect(text).not.toContain('petra.schulte');
    expect(text).toContain('Programmversion | 0.1.0-test');
    const row = (term: string) => rows.find((r) => r[0]?.v === term)!;
    expect(row('Dateiformat (Schemaversion)')[1]).toMatchObject({ t: 'n', v: doc.schemaVersion });
    const exported = row('Exportiert am')[1]!;
    expect(exported.z).toBe(FORMAT.dateTime);
    const pad = (n: number) => String(n).padStart(2, '0');
    const local = `${pad(GENERATED_AT.getDate())}.${pad(GENERATED_AT.getMonth() + 1)}.${GENERATED_AT.getFullYear()} ${pad(GENERATED_AT.getHours())}:${pad(GENERATED_AT.getMinutes())}`;
    expect(XLSX.SSF.format(FORMAT.dateTime, exported.v as number)).toBe(local);
    expect(row('Stichtag')[1]).toMatchObject({ v: 45_473, z: FORMAT.date }); // 30.06.2024
  });

  it('the scale in the Legende is the one goalLevel uses', async () => {
    for (const { level, from, to } of GOAL_SCALE) {
      if (from !== null) expect(goalLevel(from)).toBe(level);
      if (from !== null) expect(goalLevel(from - 1e-9)).not.toBe(level);
      if (to !== null) expect(goalLevel(to - 1e-9)).toBe(level);
    }
    expect(goalLevel(null)).toBe('nicht_bewertbar');
  });
});

const goalLevelWord = (level: ReturnType<typeof goalLevel>) =>
  ({
    uebererfuellt: 'übererfüllt',
    erreicht: 'erreicht',
    ueberwiegend: 'überwiegend erreicht',
    teilweise: 'teilweise erreicht',
    nicht_erreicht: 'nicht erreicht',
    nicht_bewertbar: 'nicht bewertbar',
  })[level];

describe('filters', () => {
  const doc = sampleRegister();
  const measures = activeMeasures(doc);
  const hf2 = currentFields(doc).find((f) => f.code === 'HF2')!;

  it('by Handlungsfeld restrict every sheet to its measures', async () => {
    const wb = await roundTrip(doc, { filters: { actionFieldId: hf2.id } });
    const mine = measures.filter((m) => m.actionFieldId === hf2.id);
    expect(column(wb.Sheets['Maßnahmen']!, 'Nr.').map((c) => c?.v)).toEqual(
      mine.map((m) => m.number).sort((a, b) => a.localeCompare(b, 'de', { numeric: true })),
    );
    const numbers = new Set(mine.map((m) => m.number));
    for (const c of column(wb.Sheets['Kennzahlen']!, 'Maßnahme Nr.')) expect(numbers.has(String(c?.v))).toBe(true);
    for (const c of column(wb.Sheets['Finanzen']!, 'Maßnahme Nr.')) expect(numbers.has(String(c?.v))).toBe(true);
    expect(dataRows(wb.Sheets['Stadtbezirke']!)).toHaveLength(mine.length);
    const ws = wb.Sheets['Übersicht']!;
    expect(overviewRow(ws, 'Handlungsfeld', 'HF2 Sichere öffentliche Räume')[1]!.v).toBe(mine.length);
    expect(sheetRows(ws).some((r) => String(r[0]?.v).startsWith('HF1 '))).toBe(false);
    expect(
      sheetRows(wb.Sheets['Legende']!).some((r) => r[0]?.v === 'Filter' && r[1]?.v === 'Handlungsfeld HF2 Sichere öffentliche Räume'),
    ).toBe(true);
    expect(String(sheetRows(ws)[1]![0]?.v)).toContain('Filter: Handlungsfeld HF2 Sichere öffentliche Räume');
  });

  it('by Stadtbezirk and status keep only measures matching both', async () => {
    const wb = await roundTrip(doc, { filters: { district: 'IN', status: 'in_umsetzung' } });
    const mine = measures.filter((m) => m.districts.includes('IN') && m.status === 'in_umsetzung');
    expect(mine.length).toBeGreaterThan(1);
    expect(column(wb.Sheets['Maßnahmen']!, 'Nr.')).toHaveLength(mine.length);
    expect(column(wb.Sheets['Maßnahmen']!, 'Status').every((c) => c?.v === 'in Umsetzung')).toBe(true);
    expect(column(wb.Sheets['Stadtbezirke']!, 'Innenstadt-Nord').every((c) => c?.v === 'x')).toBe(true);
    const ws = wb.Sheets['Übersicht']!;
    expect(overviewRow(ws, 'Status', 'in Umsetzung')[1]!.v).toBe(mine.length);
    expect(overviewRow(ws, 'Status', 'Gesamt')[1]!.v).toBe(mine.length);
  });

  it('that match nothing still give a valid workbook with headers, filters and zero counts', async () => {
    const wb = await roundTrip(doc, { filters: { district: 'ME', status: 'vorgeschlagen' } });
    expect(dataRows(wb.Sheets['Maßnahmen']!)).toHaveLength(0);
    expect(wb.Sheets['Maßnahmen']!['!autofilter']!.ref).toBe('A1:X2');
    expect(overviewRow(wb.Sheets['Übersicht']!, 'Handlungsfeld', 'Gesamt')[1]!.v).toBe(0);
    expect(overviewRow(wb.Sheets['Übersicht']!, 'Handlungsfeld', 'Gesamt')[2]!.v).toBe('');
  });
});

describe('personal data', () => {
  it('leaves the assessor column and the folder of the register out by default', async () => {
    const wb = await roundTrip(hostileRegister());
    expect(headerRow(wb.Sheets['Maßnahmen']!)).not.toContain('Bewertet von');
    for (const name of SHEETS)
      for (const row of sheetRows(wb.Sheets[name]!))
        for (const cell of row) expect(String(cell?.v ?? '')).not.toContain('Erika Mustermann');
    expect(sheetRows(wb.Sheets['Legende']!).find((r) => r[0]?.v === 'Registerdatei')![1]?.v).toBe('register.json');
  });

  it('writes them with includePersonalData, and says so in the Legende', async () => {
    const wb = await roundTrip(hostileRegister(), { includePersonalData: true });
    const ws = wb.Sheets['Maßnahmen']!;
    expect(headerRow(ws)).toEqual([...MEASURE_HEADERS, 'Bewertet von']);
    expect(column(ws, 'Bewertet von').filter((c) => c?.v === INJECTED_ASSESSOR)).toHaveLength(9);
    expect(ws['!autofilter']!.ref).toBe('A1:Y37');
    const legend = sheetRows(wb.Sheets['Legende']!);
    expect(String(legend.find((r) => r[0]?.v === 'Personenbezogene Daten')![1]?.v)).toMatch(/^enthalten: Spalte „Bewertet von“/);
    expect(legend.find((r) => r[0]?.v === 'Registerdatei')![1]?.v).toBe(REGISTER_PATH);
  });
});

const hostileBytes = await writeEvaluationXlsx(exportInput(hostileRegister(), { includePersonalData: true }));

describe('formula injection', () => {
  const bytes = hostileBytes;
  const wb = XLSX.read(bytes, { cellFormula: true, cellNF: true });
  const DANGEROUS = /^[=+\-@\t\r]/;

  it('writes titles, reasoning and assessor that look like formulas as plain string cells', async () => {
    const ws = wb.Sheets['Maßnahmen']!;
    const rows = dataRows(ws);
    for (const [number, title] of Object.entries(INJECTED_TITLES)) {
      const row = rows.find((r) => r[0]?.v === number)!;
      // A CR at the very start is normalised by XML; the text after it is unchanged.
      expect(String(row[1]!.v).replace(/^\n/, '\r')).toBe(title);
      expect(row[1]!.t).toBe('s');
      expect(row[1]!.f).toBeUndefined();
    }
    const reasoning = column(ws, 'Begründung der Bewertung').find((c) => c?.v === INJECTED_REASONING)!;
    expect(reasoning).toMatchObject({ t: 's' });
    expect(reasoning.f).toBeUndefined();
    expect(column(ws, 'Bewertet von').find((c) => c?.v === INJECTED_ASSESSOR)!.f).toBeUndefined();
  });

  it('no cell anywhere whose text starts with =, +, -, @, tab or CR has a formula', async () => {
    let dangerous = 0;
    for (const name of SHEETS)
      for (const row of sheetRows(wb.Sheets[name]!))
        for (const cell of row) {
          if (cell?.t !== 's' || !DANGEROUS.test(String(cell.v))) continue;
          dangerous++;
          expect(cell.f, `${name}: ${String(cell.v)}`).toBeUndefined();
        }
    // Titles in Maßnahmen, Finanzen, Stadtbezirke; reasoning; assessor; the status label in Maßnahmen and Übersicht.
    expect(dangerous).toBeGreaterThan(20);
  });

  it('the file itself has no formula except the Übersicht, Finanzen and Stadtbezirke sums', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const sheetXml = async (n: number) => zip.file(`xl/worksheets/sheet${n}.xml`)!.async('string');
    for (const n of [2, 3, 6]) expect(await sheetXml(n)).not.toContain('<f>');
    // The formula-looking title is a shared string, not a formula.
    expect(await zip.file('xl/sharedStrings.xml')!.async('string')).toContain('HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
    for (const n of [1, 4, 5]) {
      const formulas = [...(await sheetXml(n)).matchAll(/<f>([^<]*)<\/f>/g)].map((m) => m[1]!);
      expect(formulas.length).toBeGreaterThan(0);
      for (const f of formulas) expect(f).toMatch(/^(COUNTIFS|IFERROR|SUMIFS|SUM|SUBTOTAL|COUNTIF)\(/);
      for (const f of formulas) expect(f).not.toContain('HYPERLINK');
    }
  });

  it('escapes quotes and wildcards of labels inside COUNTIFS criteria', async () => {
    expect(exactCriterion('a"b*c?d~e')).toBe('"=a""b~*c~?d~~e"');
    expect(exactCriterion('')).toBe('""');
    const ws = wb.Sheets['Übersicht']!;
    const field = overviewRow(ws, 'Handlungsfeld', `HF2 ${HOSTILE_FIELD_NAME}`);
    expect(field[1]!.f).toBe(`COUNTIFS('Maßnahmen'!$C$2:$C$37,"=HF2 Sichere ""Räume"" ~*~?~~ <>")`);
    expect(field[1]!.v).toBe(12);
    const status = overviewRow(ws, 'Status', HOSTILE_STATUS_LABEL);
    expect(status[0]!.t).toBe('s');
    expect(status[1]!.f).toBe(`COUNTIFS('Maßnahmen'!$F$2:$F$37,"==in Umsetzung~*")`);
  });
});

describe('rounds', () => {
  it('an unknown round id is refused with a German message', async () => {
    expect(() => buildEvaluationSheets(exportInput(sampleRegister(), { roundId: 'gibt-es-nicht' }))).toThrow(UnknownRoundError);
    expect(() => buildEvaluationSheets(exportInput(sampleRegister(), { roundId: 'gibt-es-nicht' }))).toThrow(
      'Es gibt keine Evaluationsrunde „gibt-es-nicht“.',
    );
  });

  it('without a round: "Evaluationstabellen (ohne Evaluationsrunde)", no assessments, no rating blocks', async () => {
    const wb = await roundTrip(sampleRegister(), { roundId: null });
    expect(wb.Props!.Title).toBe('Evaluationstabellen (ohne Evaluationsrunde)');
    expect(column(wb.Sheets['Maßnahmen']!, 'Bewertung').every((c) => c === undefined)).toBe(true);
    expect(sheetRows(wb.Sheets['Übersicht']!).some((r) => r[0]?.v === 'Bewertung')).toBe(false);
    // Without a cut-off, values of every year count.
    const doc = sampleRegister();
    expect(dataRows(wb.Sheets['Kennzahlen']!)).toHaveLength(doc.indicators.reduce((n, i) => n + Math.max(1, i.values.length), 0));
  });
});
