/**
 * The pure part of the import: header recognition and the per-row checks, as table tests on plain rows
 * (what the worker hands back), against a small register.
 */
import { describe, expect, it } from 'vitest';
import {
  findHeaderRow,
  formatRowProblem,
  normalizeHeader,
  parseGermanNumber,
  planImport,
  suggestKind,
  suggestMapping,
  type ImportCell,
  type ImportKind,
} from '@shared/import/importMapping';
import { de } from '@shared/i18n/de';
import { importRegister } from '@tests/unit/main/import/helpers';

const importTexts = de.import;
const doc = importRegister();
const plan = (rows: ImportCell[][], kind: ImportKind = 'measures', mapping = null) => planImport({ sheet: 'T', rows }, kind, mapping, doc);
const problems = (rows: ImportCell[][], kind: ImportKind = 'measures') =>
  plan(rows, kind).preview.rows.flatMap((row) => row.errors.map((e) => formatRowProblem(row.rowNumber, e)));

describe('headers', () => {
  it.each([
    ['Maßnahmen-Nr.', 'massnahmennr'],
    ['Stadtbezirk(e)', 'stadtbezirke'],
    ['Plan €', 'plan'],
    ['  Ist-Wert ', 'istwert'],
    ['FEDERFÜHRUNG', 'federfuehrung'],
  ])('normalises %s → %s', (header, normalized) => {
    expect(normalizeHeader(header)).toBe(normalized);
  });

  it('recognises German synonyms for measures, each column and field once', () => {
    const headers = [
      'Maßnahmennummer',
      'Bezeichnung',
      'HF',
      'Stand',
      'federführend',
      'Beteiligte Ämter',
      'Bezirk',
      'Start',
      'Ende (geplant)',
      'Plan €',
      'Haushaltsjahr',
      'Kurzbeschreibung',
      'Beschreibung',
      'Notiz',
    ];
    expect(suggestMapping(headers, 'measures')).toEqual({
      number: 0,
      title: 1,
      actionField: 2,
      status: 3,
      leadOrgUnit: 4,
      involvedOrgUnits: 5,
      districts: 6,
      plannedStart: 7,
      plannedEnd: 8,
      budget: 9,
      budgetYear: 10,
      shortText: 11,
      description: 12,
    });
    expect(
      suggestMapping(['Nr.', 'Titel', 'Handlungsfeld', 'Amt', 'Stadtbezirke', 'Beginn', 'Budget 2025 in €', 'Bemerkung'], 'measures'),
    ).toMatchObject({
      number: 0,
      title: 1,
      actionField: 2,
      leadOrgUnit: 3,
      districts: 4,
      plannedStart: 5,
      budget: 6,
    });
    expect(suggestMapping(['Nummer', 'Maßnahme'], 'measures')).toEqual({ number: 0, title: 1 });
  });

  it('recognises value sheets and tells them from measure lists', () => {
    const headers = ['Maßnahme', 'Kennzahl', 'Jahr', 'Ist-Wert', 'Zeitraum', 'Bemerkung'];
    expect(suggestMapping(headers, 'values')).toEqual({ measureNumber: 0, indicatorName: 1, year: 2, value: 3, period: 4, note: 5 });
    expect(suggestMapping(['Nr.', 'Maßnahme (Titel)', 'Kennzahl', 'Jahr', 'Ist'], 'values')).toMatchObject({
      measureNumber: 0,
      indicatorName: 2,
      year: 3,
      value: 4,
    });
    expect(suggestKind(headers)).toBe('values');
    expect(suggestKind(['Nr.', 'Titel', 'HF', 'Status'])).toBe('measures');
  });

  it('finds the header row below title lines', () => {
    expect(findHeaderRow([['Maßnahmenliste – Stand 01.03.2025'], [], ['Nr.', 'Titel', 'HF'], ['HF1-10', 'A', 'HF1']])).toBe(2);
    expect(findHeaderRow([[], ['Spalte 1', 'Spalte 2'], ['x', 'y']])).toBe(1);
  });
});

const HEADER: ImportCell[] = [
  'Nr.',
  'Titel',
  'Handlungsfeld',
  'Status',
  'Begründung',
  'Federführung',
  'Beteiligte',
  'Stadtbezirke',
  'Beginn',
  'Ende',
  'Budget',
  'Haushaltsjahr',
  'Schlagworte',
];

function measureRow(overrides: Record<string, ImportCell> = {}): ImportCell[] {
  const base: Record<string, ImportCell> = {
    'Nr.': 'HF1-10',
    Titel: 'Beleuchtung Nordmarkt',
    Handlungsfeld: 'HF1',
    Status: '',
    Begründung: '',
    Federführung: '',
    Beteiligte: '',
    Stadtbezirke: '',
    Beginn: '',
    Ende: '',
    Budget: '',
    Haushaltsjahr: '',
    Schlagworte: '',
    ...overrides,
  };
  return HEADER.map((h) => base[h as string] ?? null);
}

describe('measures', () => {
  it('turns a full row into measure fields: codes and names, German dates, amounts and lists', () => {
    const result = plan([
      HEADER,
      measureRow({
        Handlungsfeld: 'Prävention',
        Status: 'in Umsetzung',
        Federführung: 'FB 32',
        Beteiligte: 'Jugendamt; FB 51',
        Stadtbezirke: 'Innenstadt-Nord, Hörde',
        Beginn: '1.3.2025',
        Ende: '2026-12-31',
        Budget: '12.500,50 €',
        Haushaltsjahr: 2026,
        Schlagworte: 'Licht, Sicherheit, Licht',
      }),
      measureRow({
        'Nr.': 7,
        Titel: '=HYPERLINK("http://x","y")',
        Handlungsfeld: 'hf 2',
        Stadtbezirke: 'alle',
        Budget: 99.5,
        Beginn: '2025-02-01',
      }),
    ]);
    expect(result.preview.problems).toEqual([]);
    expect(result.preview.counts).toMatchObject({ rows: 2, ok: 2, errors: 0, newMeasures: 2 });
    expect(result.preview.canCommit).toBe(true);
    expect(result.measures[0]).toMatchObject({
      number: 'HF1-10',
      actionFieldId: 'hf2',
      status: 'in_umsetzung',
      leadOrgUnitId: 'ou-32',
      involvedOrgUnitIds: ['ou-51'],
      districts: ['IN', 'HÖ'],
      plannedStart: '2025-03-01',
      plannedEnd: '2026-12-31',
      budget: [
        { year: 2026, plannedCents: 1_250_050, approvedCents: null, spentCents: null, fundingSource: 'haushalt', budgetPosition: '' },
      ],
      tags: ['Licht', 'Sicherheit'],
    });
    // Formula text is plain text; the budget year comes from the start date when there is no Haushaltsjahr.
    expect(result.measures[1]).toMatchObject({
      number: '7',
      title: '=HYPERLINK("http://x","y")',
      actionFieldId: 'hf2',
      budget: [{ year: 2025, plannedCents: 9950 }],
    });
    expect(result.measures[1]!.districts).toHaveLength(12);
    expect(result.preview.rows[0]!.summary).toBe(importTexts.summary.measure('HF1-10', 'Beleuchtung Nordmarkt'));
  });

  it('names row (as in the spreadsheet) and column in each message', () => {
    const rows: ImportCell[][] = [HEADER];
    for (let i = 0; i < 5; i++) rows.push(measureRow({ 'Nr.': `HF1-1${i}` }));
    rows.push(measureRow({ 'Nr.': 'HF1-20', Beginn: '31.02.2025' }));
    expect(problems(rows)).toEqual(['Zeile 7, Spalte „Beginn“: Bitte ein Datum im Format TT.MM.JJJJ eingeben.']);
  });

  it('reports unknown Handlungsfeld, status, district and office, wrong types and rule violations per field', () => {
    const rows: ImportCell[][] = [
      HEADER,
      measureRow({
        'Nr.': 'HF1-10',
        Handlungsfeld: 'HF9',
        Status: 'fertig',
        Stadtbezirke: 'Innenstadt-Nord, Nordstadt',
        Federführung: 'Bauamt',
      }),
      measureRow({ 'Nr.': 'HF1-11', Budget: 'viel', Beginn: 45000 }),
      measureRow({ 'Nr.': 'HF1-12', Budget: -5, Beginn: '01.03.2025', Ende: '01.01.2025' }),
      measureRow({ 'Nr.': 'HF1-13', Status: 'eingestellt', Budget: 100 }),
      measureRow({ 'Nr.': 'HF 1/14', Titel: '' }),
    ];
    expect(problems(rows)).toEqual([
      `Zeile 2, Spalte „Handlungsfeld“: ${importTexts.row.unknownActionField('HF9', ['HF1', 'HF2'])}`,
      `Zeile 2, Spalte „Status“: ${importTexts.row.unknownStatus(
        'fertig',
        doc.statuses.map((s) => s.label),
      )}`,
      `Zeile 2, Spalte „Federführung“: ${importTexts.row.unknownOrgUnit('Bauamt')}`,
      `Zeile 2, Spalte „Stadtbezirke“: ${importTexts.row.unknownDistrict('Nordstadt')}`,
      `Zeile 3, Spalte „Beginn“: ${importTexts.row.date}`,
      `Zeile 3, Spalte „Budget“: ${importTexts.row.amount}`,
      `Zeile 4, Spalte „Ende“: ${de.validation.endBeforeStart}`,
      `Zeile 4, Spalte „Budget“: ${importTexts.row.negativeAmount}`,
      `Zeile 5, Spalte „Begründung“: ${de.validation.statusReasonRequired('eingestellt')}`,
      `Zeile 5, Spalte „Budget“: ${importTexts.row.budgetYearMissing}`,
      `Zeile 6, Spalte „Nr.“: ${de.validation.measureNumber}`,
      `Zeile 6, Spalte „Titel“: ${de.validation.titleRequired}`,
    ]);
    const result = plan(rows);
    expect(result.preview.counts).toMatchObject({ rows: 5, ok: 0, errors: 5 });
    expect(result.preview.canCommit).toBe(false);
    expect(result.measures).toEqual([]);
  });

  it('refuses numbers already in the register and, within the file, on the later row', () => {
    const rows = [
      HEADER,
      measureRow({ 'Nr.': 'HF1-01' }),
      measureRow({ 'Nr.': 'HF1-30' }),
      [],
      measureRow({ 'Nr.': 'hf1-30', Titel: 'Doppelt' }),
    ];
    expect(problems(rows)).toEqual([
      `Zeile 2, Spalte „Nr.“: ${importTexts.row.numberExists('HF1-01')}`,
      `Zeile 5, Spalte „Nr.“: ${importTexts.row.numberTwice('hf1-30', 3)}`,
    ]);
    // A number that exists only in the Papierkorb may be used again.
    expect(problems([HEADER, measureRow({ 'Nr.': 'HF1-04' })])).toEqual([]);
  });

  it('checks nothing row by row while a required column is missing, and skips empty rows', () => {
    const result = plan([
      ['Titel', 'Status'],
      ['A', 'beschlossen'],
    ]);
    expect(result.preview.problems).toEqual([
      importTexts.mapping.missingColumns([importTexts.fields.number, importTexts.fields.actionField]),
    ]);
    expect(result.preview.rows).toEqual([]);
    expect(result.preview.canCommit).toBe(false);
    const empty = plan([HEADER, [], [null, '  ', null]]);
    expect(empty.preview.counts.rows).toBe(0);
    expect(empty.preview.canCommit).toBe(false);
  });

  it('uses an explicit mapping and refuses fields of the other kind', () => {
    const rows: ImportCell[][] = [
      ['A', 'B', 'C'],
      ['HF1-40', 'Titel aus B', 'HF2'],
    ];
    const result = planImport({ sheet: 'T', rows }, 'measures', { number: 0, title: 1, actionField: 2 }, doc);
    expect(result.measures[0]).toMatchObject({ number: 'HF1-40', title: 'Titel aus B', actionFieldId: 'hf2' });
    expect(planImport({ sheet: 'T', rows }, 'measures', { number: 0, title: 1, actionField: 2, year: 2 }, doc).preview.problems).toEqual([
      importTexts.mapping.wrongKind(importTexts.fields.year),
    ]);
  });
});

const VALUES_HEADER: ImportCell[] = ['Maßnahme', 'Kennzahl', 'Jahr', 'Ist-Wert', 'Zeitraum'];

describe('indicator values', () => {
  it('adds, replaces ("ersetzt 118 → 130") and keeps values, German number text included', () => {
    const result = plan(
      [
        VALUES_HEADER,
        ['HF1-01', 'Straftaten im Bereich', 2023, 130, ''],
        ['HF1-01', 'straftaten  im bereich', '2024', '1.234,5', ''],
        ['HF1-01', 'Straftaten im Bereich', 2022, '123', ''],
        ['hf1-02', 'Teilnehmende', 2024, 12, '1. Halbjahr'],
      ],
      'values',
    );
    expect(result.preview.rows.map((r) => r.summary)).toEqual([
      importTexts.summary.valueReplaced(importTexts.summary.valueTarget('HF1-01', 'Straftaten im Bereich', 2023, ''), '118', '130'),
      importTexts.summary.valueNew(importTexts.summary.valueTarget('HF1-01', 'Straftaten im Bereich', 2024, ''), '1.234,5'),
      importTexts.summary.valueUnchanged(importTexts.summary.valueTarget('HF1-01', 'Straftaten im Bereich', 2022, ''), '123'),
      importTexts.summary.valueNew(importTexts.summary.valueTarget('HF1-02', 'Teilnehmende', 2024, '1. Halbjahr'), '12'),
    ]);
    expect(result.preview.rows[0]!.summary).toBe('HF1-01 · Straftaten im Bereich · 2023: ersetzt 118 → 130');
    expect(result.preview.counts).toMatchObject({ rows: 4, ok: 4, newValues: 2, replacedValues: 1, unchangedValues: 1 });
    expect(result.valueChanges).toEqual([
      {
        indicatorId: 'ind-1',
        before: doc.indicators[0]!.values,
        // The note of 2023 is kept: the file has no note column.
        after: [
          { year: 2022, period: '', value: 123, note: '' },
          { year: 2023, period: '', value: 130, note: 'PKS-Abfrage' },
          { year: 2024, period: '', value: 1234.5, note: '' },
        ],
      },
      { indicatorId: 'ind-2', before: [], after: [{ year: 2024, period: '1. Halbjahr', value: 12, note: '' }] },
    ]);
  });

  it('changes nothing when the file holds the values already (import twice)', () => {
    const result = plan(
      [VALUES_HEADER, ['HF1-01', 'Straftaten im Bereich', 2022, 123, ''], ['HF1-01', 'Straftaten im Bereich', 2023, 118, '']],
      'values',
    );
    expect(result.preview.canCommit).toBe(true);
    expect(result.preview.counts.unchangedValues).toBe(2);
    expect(result.valueChanges).toEqual([]);
  });

  it('refuses deleted or unknown measures, unknown Kennzahlen, bad years and values, and doubled rows', () => {
    expect(
      problems(
        [
          VALUES_HEADER,
          ['HF1-04', 'Beschwerden', 2024, 3, ''],
          ['HF9-99', 'Fälle', 2024, 3, ''],
          ['HF1-03', 'Fälle', 2024, 3, ''],
          ['HF1-01', 'Fälle', 2024, 3, ''],
          ['HF1-01', 'Straftaten im Bereich', 1989, 3, ''],
          ['HF1-01', 'Straftaten im Bereich', 'zwanzig', 3, ''],
          ['HF1-01', 'Straftaten im Bereich', 2024, '12.5', ''],
          ['HF1-01', 'Straftaten im Bereich', 2025, '', ''],
          ['HF1-01', 'Straftaten im Bereich', 2026, 5, ''],
          ['HF1-01', 'Straftaten im Bereich', 2026, 6, ''],
        ],
        'values',
      ),
    ).toEqual([
      `Zeile 2, Spalte „Maßnahme“: ${importTexts.row.measureDeleted('HF1-04')}`,
      `Zeile 3, Spalte „Maßnahme“: ${importTexts.row.measureNotFound('HF9-99')}`,
      `Zeile 4, Spalte „Kennzahl“: ${importTexts.row.indicatorNotFound('Fälle', 'HF1-03', [])}`,
      `Zeile 5, Spalte „Kennzahl“: ${importTexts.row.indicatorNotFound('Fälle', 'HF1-01', ['Straftaten im Bereich'])}`,
      `Zeile 6, Spalte „Jahr“: ${importTexts.row.year}`,
      `Zeile 7, Spalte „Jahr“: ${importTexts.row.year}`,
      `Zeile 8, Spalte „Ist-Wert“: ${importTexts.row.numberValue}`,
      `Zeile 9, Spalte „Ist-Wert“: ${importTexts.row.valueRequired}`,
      `Zeile 11, Spalte „Jahr“: ${importTexts.row.valueTwice(10)}`,
    ]);
  });

  it('parses German numbers strictly', () => {
    expect(parseGermanNumber('1.234,5')).toBe(1234.5);
    expect(parseGermanNumber('-12')).toBe(-12);
    expect(parseGermanNumber('1234,25')).toBe(1234.25);
    expect(parseGermanNumber('12.5')).toBeNull();
    expect(parseGermanNumber('1,2,3')).toBeNull();
    expect(parseGermanNumber('')).toBeNull();
  });
});
