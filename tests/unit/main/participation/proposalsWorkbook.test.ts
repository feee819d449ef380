/**
 * The Anregungen workbook read back with SheetJS (an independent reader of the file): sheets, headers,
 * values, dates as real dates, the overview per Stadtbezirk, contacts only with personal data, text that
 * looks like a formula stays text, the Papierkorb left out.
 */
import XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { writeProposalsXlsx } from '@main/participation/proposalsWorkbook';
import type { RegisterDocument } from '@shared/register/register';
import { participationRegister } from '@tests/fixtures/participation';

const GENERATED_AT = new Date('2026-11-26T10:00:00Z');

async function read(doc: RegisterDocument, includePersonalData: boolean): Promise<XLSX.WorkBook> {
  const bytes = await writeProposalsXlsx({ doc, includePersonalData, generatedAt: GENERATED_AT, appVersion: '1.2.3' });
  return XLSX.read(bytes, { cellFormula: true, cellNF: true, cellDates: false, cellStyles: true });
}

const matrix = (ws: XLSX.WorkSheet) => XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null });
const records = (ws: XLSX.WorkSheet) => XLSX.utils.sheet_to_json<Record<string, unknown>>(ws, { raw: false, defval: '' });
const allText = (wb: XLSX.WorkBook) => wb.SheetNames.map((name) => XLSX.utils.sheet_to_csv(wb.Sheets[name]!)).join('\n');

describe('Anregungen workbook', () => {
  it('has the three sheets, German properties and an autofilter over each data sheet', async () => {
    const wb = await read(participationRegister(), false);
    expect(wb.SheetNames).toEqual(['Übersicht', 'Anregungen', 'Quartierslabore']);
    expect(wb.Props?.Title).toBe('Anregungen und Quartierslabore');
    expect(wb.Props?.Subject).toContain('Anregungen');
    expect(wb.Props?.Author).toBe('Masterplan-Register');
    expect(wb.Sheets['Anregungen']!['!autofilter']!.ref).toBe('A1:O6');
    expect(wb.Sheets['Quartierslabore']!['!autofilter']!.ref).toBe('A1:L3');
    const cols = wb.Sheets['Anregungen']!['!cols']!;
    expect(cols).toHaveLength(15);
    // The text of an Anregung gets a wide column; every header fits.
    expect(cols[7]!.wch).toBeGreaterThanOrEqual(30);
    for (const col of cols) expect(col.wch).toBeGreaterThanOrEqual(8);
  });

  it('lists each Anregung outside the Papierkorb with labels, dates as real dates and the measure', async () => {
    const wb = await read(participationRegister(), false);
    const ws = wb.Sheets['Anregungen']!;
    expect(matrix(ws)[0]).toEqual([
      'Nr.',
      'Eingang',
      'Quelle',
      'Quartierslabor',
      'Stadtbezirk',
      'Bereich',
      'Kategorie',
      'Anregung',
      'zuständig',
      'Status',
      'Begründung',
      'Maßnahme',
      'Maßnahmentitel',
      'Rückmeldung',
      'Rückmeldung am',
    ]);
    const rows = records(ws);
    expect(rows.map((r) => r['Nr.'])).toEqual(['A-2026-001', 'A-2026-002', 'A-2026-003', 'A-2026-004', 'A-2026-005']);
    expect(allText(wb)).not.toContain('Im Papierkorb.');
    const taken = rows.find((r) => r['Nr.'] === 'A-2026-003')!;
    expect(taken).toMatchObject({
      Quelle: 'Quartierslabor',
      Quartierslabor: 'Quartierslabor 1',
      Stadtbezirk: 'Innenstadt-Nord',
      Status: 'übernommen in Maßnahme',
      Maßnahme: 'HF1-01',
      Maßnahmentitel: 'Maßnahme 1',
      'Rückmeldung am': '01.06.2026',
    });
    expect(rows.find((r) => r['Nr.'] === 'A-2026-002')!.zuständig).toBe('Ordnungsamt (FB 32)');
    expect(rows.find((r) => r['Nr.'] === 'A-2026-004')).toMatchObject({
      Status: 'abgelehnt',
      Begründung: 'Privatgelände.',
      Stadtbezirk: 'Hörde',
    });
    expect(rows.find((r) => r['Nr.'] === 'A-2026-005')).toMatchObject({ Quelle: 'Eingabe nach § 24 GO NRW', Stadtbezirk: '' });
    // Eingang is a date cell (serial number, German format), not text.
    const received = ws['B2']!;
    expect(received.t).toBe('n');
    expect(received.z).toBe('dd\\.mm\\.yyyy');
    expect(XLSX.SSF.format(received.z as string, received.v as number)).toBe('02.05.2026');
  });

  it('keeps text that looks like a formula as text', async () => {
    const ws = (await read(participationRegister(), false)).Sheets['Anregungen']!;
    const cell = ws['H6']!;
    expect(cell.v).toBe('=HYPERLINK("http://example.org";"klick")');
    expect(cell.t).toBe('s');
    expect(cell.f).toBeUndefined();
    for (const address of Object.keys(ws).filter((k) => !k.startsWith('!'))) expect(ws[address].f, address).toBeUndefined();
  });

  it('leaves contacts out without personal data and adds Name, Kanal, Kontakt, Einwilligung am with it', async () => {
    const without = await read(participationRegister(), false);
    expect(matrix(without.Sheets['Anregungen']!)[0]).not.toContain('Name');
    expect(allText(without)).not.toContain('Erika Mustermann');
    expect(allText(without)).not.toContain('erika@example.org');
    expect(records(without.Sheets['Übersicht']!).length).toBeGreaterThan(0);
    expect(allText(without)).toContain('nicht enthalten');

    const withData = await read(participationRegister(), true);
    const ws = withData.Sheets['Anregungen']!;
    expect(matrix(ws)[0]!.slice(-4)).toEqual(['Name', 'Kanal', 'Kontakt', 'Einwilligung am']);
    expect(ws['!autofilter']!.ref).toBe('A1:S6');
    const first = records(ws).find((r) => r['Nr.'] === 'A-2026-001')!;
    expect(first).toMatchObject({
      Name: 'Erika Mustermann',
      Kanal: 'E-Mail',
      Kontakt: 'erika@example.org',
      'Einwilligung am': '02.05.2026',
    });
    expect(records(ws).find((r) => r['Nr.'] === 'A-2026-002')!.Name).toBe('');
  });

  it('sums per Stadtbezirk, per state and per source in the Übersicht', async () => {
    const rows = matrix((await read(participationRegister(), false)).Sheets['Übersicht']!);
    expect(rows[0]![0]).toBe('Anregungen und Quartierslabore');
    expect(rows[1]![0]).toBe('Register: Testregister · Stand 26.11.2026');
    const header = rows.find((r) => r[0] === 'Stadtbezirk')!;
    expect(header).toEqual([
      'Stadtbezirk',
      'Quartierslabore',
      'Termine',
      'Eingeladene',
      'Teilnehmende',
      'Anregungen',
      'eingegangen',
      'in Prüfung',
      'übernommen in Maßnahme',
      'erledigt',
      'abgelehnt',
      'Maßnahmen',
    ]);
    const line = (label: string) => rows.find((r) => r[0] === label)!;
    // Lab 1 (two sessions: 1,000 + 500 invited, 40 + 25 attending), proposals 1–3 in Innenstadt-Nord.
    expect(line('Innenstadt-Nord')).toEqual(['Innenstadt-Nord', 1, 2, 1500, 65, 3, 1, 1, 1, 0, 0, 1]);
    expect(line('Hörde')).toEqual(['Hörde', 1, 1, 1000, 40, 1, 0, 0, 0, 0, 1, 0]);
    expect(line('Mengede')).toEqual(['Mengede', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(line('ohne Stadtbezirk')).toEqual(['ohne Stadtbezirk', 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0]);
    expect(rows.find((r) => r[0] === 'Summe' && r.length > 3)).toEqual(['Summe', 2, 3, 2500, 105, 5, 2, 1, 1, 0, 1, 1]);
    const after = (label: string) => rows.slice(rows.findIndex((r) => r[0] === label) + 1);
    expect(
      after('Nach Status')
        .slice(0, 6)
        .map((r) => [r[0], r[1]]),
    ).toEqual([
      ['eingegangen', 2],
      ['in Prüfung', 1],
      ['übernommen in Maßnahme', 1],
      ['erledigt', 0],
      ['abgelehnt', 1],
      ['Summe', 5],
    ]);
    expect(
      after('Nach Quelle')
        .slice(0, 5)
        .map((r) => [r[0], r[1]]),
    ).toEqual([
      ['Quartierslabor', 4],
      ['Vollversammlung', 0],
      ['Eingabe nach § 24 GO NRW', 1],
      ['Sonstige', 0],
      ['Summe', 5],
    ]);
  });

  it('lists the Quartierslabore with their dates, counts, topics and Anregungen', async () => {
    const rows = records((await read(participationRegister(), false)).Sheets['Quartierslabore']!);
    expect(rows).toEqual([
      {
        Quartierslabor: 'Quartierslabor 1',
        Stadtbezirk: 'Innenstadt-Nord',
        Quartier: 'Nordmarkt',
        Format: 'Zufallsauswahl, Werkstatt',
        Termine: '2',
        'erster Termin': '20.04.2026',
        'letzter Termin': '02.05.2026',
        'Termine (Datum, Ort)': '20.04.2026 (Stadtteilzentrum); 02.05.2026 (Stadtteilzentrum)',
        // SheetJS formats '#,##0' the English way; LibreOffice shows 1.500 (participationOffice.test.ts).
        Eingeladene: '1,500',
        Teilnehmende: '65',
        Themen: 'Beleuchtung',
        Anregungen: '3',
      },
      expect.objectContaining({ Quartierslabor: 'Quartierslabor Hörde', Stadtbezirk: 'Hörde', Themen: 'Verkehr; Jugend', Anregungen: '1' }),
    ]);
  });

  it('an empty register still gives the three sheets with their headers', async () => {
    const doc = participationRegister({ proposals: [], labs: [], contacts: [] });
    const wb = await read(doc, true);
    expect(matrix(wb.Sheets['Anregungen']!)).toHaveLength(1);
    expect(wb.Sheets['Anregungen']!['!autofilter']!.ref).toBe('A1:S2');
  });
});
