/**
 * The one file-name rule (shared/fileName.ts), as a table: what a clerk's texts become as a Windows file
 * name. Then every export's own name function, so none of them goes around the rule.
 */
import { describe, expect, it } from 'vitest';
import { compareFileName } from '@main/editions/editionCompareData';
import { packageFileName } from '@main/review/packageFile';
import { exportFileName } from '@main/submissions/submissionExport';
import { fileNamePart, MAX_NAME_LENGTH, safeFileName } from '@shared/core/fileName';
import type { Edition } from '@shared/editions/edition';
import type { Submission } from '@shared/submissions/submission';

// eslint-disable-next-line no-control-regex -- control characters are what the check looks for
const WINDOWS_FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f]/;

describe('safeFileName', () => {
  it.each([
    // parts, extension, expected
    [['Einladung', 'VollV', '3. Sitzung', '2026-03-12'], 'docx', 'Einladung_VollV_3._Sitzung_2026-03-12.docx'],
    [['Niederschrift', 'BV IN', 'Sitzung: 2/2026?', '2026-01-02'], 'docx', 'Niederschrift_BV_IN_Sitzung_2_2026_2026-01-02.docx'],
    [['a', '', 'b.'], 'xlsx', 'a_b.xlsx'],
    [['<>:"/\\|?*'], 'docx', 'Export.docx'],
    [['Zeile\u0000mit\u0007Steuer\u001fzeichen\u007f'], 'docx', 'Zeile_mit_Steuer_zeichen.docx'],
    [['Tab\tund\r\nUmbruch'], 'docx', 'Tab_und_Umbruch.docx'],
    [['rechnung\u202Excod.exe'], 'docx', 'rechnung_xcod.exe.docx'],
    [['Bericht...'], 'docx', 'Bericht.docx'],
    [['Bericht . . '], 'docx', 'Bericht.docx'],
    [['.versteckt'], 'docx', 'versteckt.docx'],
    [['   '], 'docx', 'Export.docx'],
    [[], 'docx', 'Export.docx'],
    [['Ä Ö Ü ß – „Zitat“'], 'xlsx', 'Ä_Ö_Ü_ß_–_„Zitat“.xlsx'],
  ] as const)('%j + %s → %s', (parts, extension, expected) => {
    expect(safeFileName(parts, extension)).toBe(expected);
  });

  it.each(['CON', 'PRN', 'AUX', 'NUL', 'COM1', 'COM9', 'LPT1', 'LPT9', 'con', 'Nul', 'CONIN$', 'COM¹'])(
    'prefixes the device name %s, alone and with extensions',
    (device) => {
      expect(safeFileName([device], 'docx')).toBe(`_${device}.docx`);
      expect(safeFileName([`${device}.backup`], 'docx')).toBe(`_${device}.backup.docx`);
      expect(safeFileName([`${device} `], 'txt')).toBe(`_${device}.txt`);
    },
  );

  it.each(['CONSOLE', 'NULL', 'COM10', 'LPT', 'AUX_1', 'Protokoll CON'])('leaves %s alone (no device name)', (name) => {
    expect(safeFileName([name], 'docx')).toBe(`${name.replace(/ /g, '_')}.docx`);
  });

  it('uses the fallback when nothing is left', () => {
    expect(safeFileName(['???'], 'docx', { fallback: 'Vorlage' })).toBe('Vorlage.docx');
    expect(safeFileName(['nul'], 'docx', { fallback: 'Vorlage' })).toBe('_nul.docx');
  });

  it('cuts a long part at a word boundary, and the whole name too', () => {
    const words = Array.from({ length: 40 }, (_, k) => `Wort${k}`).join(' ');
    const part = fileNamePart(words);
    expect(part.length).toBeLessThanOrEqual(80);
    expect(part.length).toBeGreaterThan(40);
    expect(words.replace(/ /g, '_').startsWith(`${part}_`)).toBe(true);
    const name = safeFileName([words, words, words], 'docx');
    expect(name.length).toBeLessThanOrEqual(MAX_NAME_LENGTH + '.docx'.length);
    expect(name).toMatch(/^Wort0_.*Wort\d+\.docx$/);
  });

  it('cuts a long word hard, and never inside a surrogate pair', () => {
    expect(fileNamePart('x'.repeat(200))).toBe('x'.repeat(80));
    expect(fileNamePart('😀'.repeat(50)).length).toBe(80);
    expect(fileNamePart(`${'x'.repeat(79)}😀`)).toBe('x'.repeat(79));
    expect(fileNamePart('abc def', 3)).toBe('abc');
  });

  it('never returns a forbidden character, a trailing dot or blank, whatever the input', () => {
    const nasty = ['a:b', 'x/y\\z', '  .. ', 'CON.', 'lpt1 .', 'é\u0000', 'a'.repeat(500), '|?*', 'ok'];
    for (const a of nasty)
      for (const b of nasty) {
        const name = safeFileName([a, b], 'xlsx');
        expect(name).not.toMatch(WINDOWS_FORBIDDEN);
        expect(name.slice(0, -'.xlsx'.length)).not.toMatch(/[. ]$/);
        expect(name.split('.')[0]).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/i);
      }
  });
});

describe('every export uses the rule', () => {
  const submission = (subject: string, base: string | null) =>
    ({ subject, printNumberBase: base, printNumberSuffix: base ? 'E1' : null }) as unknown as Submission;

  it('Vorlage', () => {
    expect(exportFileName(submission('Masterplan Sachstandsbericht', '12534-18'), 'docx')).toBe(
      'DS_12534-18-E1_Masterplan_Sachstandsbericht.docx',
    );
    expect(exportFileName(submission('Masterplan: Sachstand/2025?', null), 'docx')).toBe('Entwurf_Masterplan_Sachstand_2025.docx');
    expect(exportFileName(submission(' \u0000 ', null), 'json')).toBe('Entwurf_Vorlage.json');
  });

  it('Prüfpaket', () => {
    expect(packageFileName('Dr. Petra: Beispiel/FB 32', '2025-03-01')).toBe('Pruefpaket_Dr._Petra_Beispiel_FB_32_2025-03-01.mpreview');
    expect(packageFileName('NUL', '2025-03-01')).toBe('Pruefpaket_NUL_2025-03-01.mpreview');
    expect(packageFileName('***', '2025-03-01')).toBe('Pruefpaket_Pruefung_2025-03-01.mpreview');
  });

  it('Vergleich der Fassungen', () => {
    const edition = (name: string) => ({ name }) as Edition;
    expect(compareFileName(edition('Masterplan 2019'), edition('Masterplan 2.0 (Entwurf)'), 'xlsx')).toBe(
      'Vergleich_Masterplan_2019_Masterplan_2.0_Entwurf.xlsx',
    );
    expect(compareFileName(edition('a\u0001b|c'), edition('„“'), 'docx')).toBe('Vergleich_a_b_c_Fassung.docx');
  });
});
