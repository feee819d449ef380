/**
 * The Beschlussverfolgung workbook read back with SheetJS: title and "Stand" line, the council's columns,
 * dates as real dates, "überfällig" as a word, the half-year selection, the summary, formula-looking
 * text kept as text.
 */
import XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { writeTrackingXlsx } from '@main/participation/trackingWorkbook';
import type { RegisterDocument } from '@shared/register/register';
import type { HalfYear } from '@shared/participation/trackingReport';
import { makeDecision, participationRegister } from '@tests/fixtures/participation';

const GENERATED_AT = new Date('2026-11-26T10:00:00Z');
const HEADER = [
  'Drucksache',
  'Gremium',
  'Datum',
  'Art',
  'antragstellende Fraktion(en)',
  'Gegenstand',
  'Beschluss',
  'Frist',
  'federführend',
  'Maßnahmen',
  'Status',
  'Sachstand',
  'letzte Aktualisierung',
  'überfällig',
];

async function read(doc: RegisterDocument, period: HalfYear | null, today = '2026-11-26'): Promise<XLSX.WorkBook> {
  return XLSX.read(await writeTrackingXlsx({ doc, period, today, generatedAt: GENERATED_AT, appVersion: '1.2.3' }), {
    cellFormula: true,
    cellNF: true,
  });
}

const matrix = (ws: XLSX.WorkSheet) => XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: false, defval: '' });

describe('Beschlussverfolgung workbook', () => {
  it('heads the table with title and Stand, filters from the header row, and names the period in the properties', async () => {
    const wb = await read(participationRegister(), { year: 2026, half: 1 });
    expect(wb.SheetNames).toEqual(['Beschlussverfolgung', 'Zusammenfassung']);
    expect(wb.Props?.Title).toBe('Beschlussverfolgung Masterplan Kommunale Sicherheit – 1. Halbjahr 2026');
    const ws = wb.Sheets['Beschlussverfolgung']!;
    const rows = matrix(ws);
    expect(rows[0]![0]).toBe('Beschlussverfolgung Masterplan Kommunale Sicherheit – 1. Halbjahr 2026');
    // The title block's line: register, Stand, period.
    expect(rows[1]![0]).toMatch(/^Register: .+ · Stand 26\.11\.2026 · Zeitraum: 1\. Halbjahr 2026$/);
    expect(rows[3]).toEqual(HEADER);
    expect(ws['!autofilter']!.ref).toBe('A4:N6');
  });

  it('lists the decisions of the half-year with labels, real dates and the overdue flag as text', async () => {
    const ws = (await read(participationRegister(), { year: 2026, half: 1 })).Sheets['Beschlussverfolgung']!;
    const data = XLSX.utils.sheet_to_json<Record<string, string>>(ws, { range: 3, raw: false, defval: '' });
    // Decision 3 was taken in the second half-year.
    expect(data.map((r) => r.Drucksache)).toEqual(['10001-26', '10002-26']);
    expect(data[0]).toMatchObject({
      Gremium: 'Rat',
      Datum: '29.01.2026',
      Art: 'Antrag',
      'antragstellende Fraktion(en)': 'CDU, SPD, Bündnis 90/Die Grünen',
      Gegenstand: 'Beschluss 1',
      Frist: '31.03.2026',
      federführend: 'Ordnungsamt (FB 32)',
      Maßnahmen: 'HF1-01',
      Status: 'offen',
      Sachstand: 'Konzept in Arbeit.',
      'letzte Aktualisierung': '01.02.2026',
      überfällig: 'ja',
    });
    expect(data[1]).toMatchObject({ Art: 'Beschluss', Status: 'erledigt', überfällig: 'nein', Maßnahmen: 'HF1-02, HF1-01' });
    const due = ws['H5']!;
    expect(due.t).toBe('n');
    expect(due.z).toBe('dd\\.mm\\.yyyy');
    expect(ws['N5']!.t).toBe('s');
  });

  it('without a period lists every decision outside the Papierkorb', async () => {
    const doc = participationRegister();
    doc.trackedDecisions.push(makeDecision(9, { deletedAt: '2026-05-01T08:00:00.000Z' }));
    const data = XLSX.utils.sheet_to_json<Record<string, string>>((await read(doc, null)).Sheets['Beschlussverfolgung']!, {
      range: 3,
      raw: false,
      defval: '',
    });
    expect(data.map((r) => r.Drucksache)).toEqual(['10001-26', '10002-26', '10003-26']);
    expect((await read(doc, null)).Props?.Title).toBe('Beschlussverfolgung Masterplan Kommunale Sicherheit – alle Beschlüsse');
  });

  it('judges overdue at the end of a past half-year and at today otherwise', async () => {
    const doc = participationRegister({ trackedDecisions: [makeDecision(1, { dueDate: '2026-09-30' })] });
    const flag = async (period: HalfYear | null, today: string) =>
      XLSX.utils.sheet_to_json<Record<string, string>>((await read(doc, period, today)).Sheets['Beschlussverfolgung']!, {
        range: 3,
        raw: false,
        defval: '',
      })[0]!.überfällig;
    expect(await flag({ year: 2026, half: 1 }, '2026-11-26')).toBe('nein');
    expect(await flag(null, '2026-11-26')).toBe('ja');
    expect(await flag(null, '2026-09-30')).toBe('nein');
  });

  it('summarises the counts per state and the overdue ones', async () => {
    const rows = matrix((await read(participationRegister(), null)).Sheets['Zusammenfassung']!);
    expect(rows[0]).toEqual(['Stand', 'Anzahl']);
    const value = (label: string) => rows.find((r) => r[0] === label)?.[1];
    expect(value('offen')).toBe('2');
    expect(value('erledigt')).toBe('1');
    expect(value('aufgehoben')).toBe('0');
    expect(value('Beschlüsse insgesamt')).toBe('3');
    expect(value('davon überfällig')).toBe('1');
    expect(value('Zeitraum')).toBe('alle Beschlüsse');
  });

  it('keeps formula-looking text as text', async () => {
    const doc = participationRegister({
      trackedDecisions: [makeDecision(1, { subject: '=1+1', stateText: '@SUMME(A1)', requestingGroup: '+Fraktion' })],
    });
    const ws = (await read(doc, null)).Sheets['Beschlussverfolgung']!;
    for (const address of ['F5', 'L5', 'E5']) {
      expect(ws[address]!.t, address).toBe('s');
      expect(ws[address]!.f, address).toBeUndefined();
    }
    expect(ws['F5']!.v).toBe('=1+1');
  });
});
