/**
 * Real spreadsheets end with a totals row, a source line or blank rows, and write "74 %" where a Kennzahl
 * counts in percent. Such rows are recognised, skipped and listed with their reason; everything else stays
 * all or nothing. Table tests on plain rows (what the worker hands back), against a small register.
 */
import { describe, expect, it } from 'vitest';
import { formatRowProblem, planImport, skipReason, type ImportCell, type ImportKind } from '@shared/import/importMapping';
import { de } from '@shared/i18n/de';
import { importRegister, indicator, value } from './helpers';

const t = de.import;
const VALUES_HEADER = ['Maßnahme', 'Kennzahl', 'Jahr', 'Wert', 'Zeitraum'];

function register() {
  const doc = importRegister();
  doc.indicators.push(indicator('ind-p', 'm-03', 'Anteil erreichter Haushalte', [value(2023, 61)], { unit: '%' }));
  return doc;
}
const plan = (rows: ImportCell[][], kind: ImportKind = 'values') => planImport({ sheet: 'T', rows }, kind, null, register());

describe('rows that are not data', () => {
  it('skips a totals row, a source line and a blank row between data, and lists them with the reason', () => {
    const result = plan([
      VALUES_HEADER,
      ['HF1-01', 'Straftaten im Bereich', 2024, 130, ''],
      [null, null, null, null, null],
      ['HF1-02', 'Teilnehmende', 2024, 12, ''],
      ['Summe', null, null, 142, null],
      ['Quelle: Polizeiliche Kriminalstatistik 2024', null, null, null, null],
    ]);
    expect(result.preview.counts).toMatchObject({ rows: 2, ok: 2, errors: 0 });
    expect(result.preview.canCommit).toBe(true);
    expect(result.preview.skipped).toEqual([
      { rowNumber: 3, reason: t.skipped.blank },
      { rowNumber: 5, reason: t.skipped.total('Summe') },
      { rowNumber: 6, reason: t.skipped.note },
    ]);
    expect(t.skipped.line(5, t.skipped.total('Summe'))).toBe('Zeile 5 übersprungen: Summenzeile („Summe“)');
  });

  it('knows "Gesamt", "Insgesamt" and a totals row of an Anregungen list, but not a measure called "Gesamtkonzept"', () => {
    const measures = { number: 0, title: 1, actionField: 2 };
    expect(skipReason(['Gesamt', null, null, 12], measures, 'measures')).toBe(t.skipped.total('Gesamt'));
    expect(skipReason([null, 'Insgesamt:', null], measures, 'measures')).toBe(t.skipped.total('Insgesamt:'));
    expect(skipReason(['HF1-09', 'Gesamtkonzept Beleuchtung', 'HF1'], measures, 'measures')).toBeNull();
    expect(skipReason([null, 'Summe', 12], { receivedOn: 0, text: 1 }, 'proposals')).toBe(t.skipped.total('Summe'));
    expect(skipReason(['* vorläufige Zahlen', null], measures, 'measures')).toBe(t.skipped.note);
    // A footnote beside data is data with a note, not a footnote row.
    expect(skipReason(['HF1-01', 'Quelle: PKS', 'HF1'], measures, 'measures')).toBeNull();
  });

  it('everything else stays all or nothing: one bad row blocks the import and is named', () => {
    const result = plan([
      VALUES_HEADER,
      ['HF1-01', 'Straftaten im Bereich', 2024, 130, ''],
      ['HF1-01', 'Straftaten im Bereich', 2025, 'viel', ''],
      ['Summe', null, null, 130, null],
    ]);
    expect(result.preview.canCommit).toBe(false);
    expect(result.preview.rows.flatMap((r) => r.errors.map((e) => formatRowProblem(r.rowNumber, e)))).toEqual([
      `Zeile 3, Spalte „Wert“: ${t.row.numberValue}`,
    ]);
  });
});

describe('"74 %"', () => {
  it('is read as 74 where the Kennzahl counts in percent', () => {
    const result = plan([
      VALUES_HEADER,
      ['HF1-03', 'Anteil erreichter Haushalte', 2024, '74 %', ''],
      ['HF1-03', 'Anteil erreichter Haushalte', 2025, '74,5%', ''],
    ]);
    expect(result.preview.canCommit).toBe(true);
    const after = result.valueChanges[0]!.after;
    expect(after.find((v) => v.year === 2024)?.value).toBe(74);
    expect(after.find((v) => v.year === 2025)?.value).toBe(74.5);
  });

  it('is refused elsewhere, naming row and column', () => {
    const result = plan([VALUES_HEADER, ['HF1-01', 'Straftaten im Bereich', 2024, '74 %', '']]);
    expect(result.preview.canCommit).toBe(false);
    expect(formatRowProblem(2, result.preview.rows[0]!.errors[0]!)).toBe(
      `Zeile 2, Spalte „Wert“: ${t.row.percentNotUnit('74 %', 'Anzahl')}`,
    );
  });
});
