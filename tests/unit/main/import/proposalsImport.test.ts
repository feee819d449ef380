/**
 * Importing Anregungen (kind "proposals") through the same machinery as measures and values: header
 * recognition, each field's parsing and its German row errors, numbering of empty numbers, contact columns
 * never mapped, and commit + undo through dispatch on a real register file, and the CLI.
 */
import { promises as fs } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '@cli/index';
import type { ImportFileInfo, Saved } from '@shared/contract';
import type { ImportRecord } from '@shared/evaluation/evaluation';
import {
  findHeaderRow,
  formatRowProblem,
  isContactHeader,
  planImport,
  suggestKind,
  suggestMapping,
  type ColumnMapping,
  type ImportCell,
  type ImportPreview,
} from '@shared/import/importMapping';
import { proposalSchema, type Lab, type Proposal, type ProposalFields } from '@shared/participation/labs';
import type { RegisterDocument } from '@shared/register/register';
import { cli } from '@shared/i18n/cli';
import { de } from '@shared/i18n/de';
import { STAMP } from '@tests/fixtures/documents';
import { useTempDir } from '@tests/unit/helpers/tempDir';
import { importRegister, ok, setup, workbook, writeFile, type Cell } from './helpers';

const importTexts = de.import;
const participationValidationTexts = de.participation.validation;
const dir = useTempDir('mpr-import-proposals-');

function lab(id: string, name: string, district: Lab['district'], overrides: Partial<Lab> = {}): Lab {
  return {
    id,
    name,
    district,
    quarter: '',
    format: '',
    topics: [],
    description: '',
    sessions: [],
    version: 1,
    createdAt: STAMP,
    updatedAt: STAMP,
    deletedAt: null,
    ...overrides,
  };
}

function proposal(id: string, number: string, overrides: Partial<ProposalFields> = {}): Proposal {
  return {
    number,
    source: 'sonstige',
    labId: null,
    meetingId: null,
    receivedOn: '2025-03-01',
    text: 'Vorhandene Anregung',
    category: '',
    district: null,
    area: '',
    assignedOrgUnitId: null,
    state: 'eingegangen',
    stateReason: '',
    measureId: null,
    feedbackText: '',
    feedbackOn: null,
    id,
    version: 1,
    createdAt: STAMP,
    updatedAt: STAMP,
    stateChangedAt: STAMP,
    deletedAt: null,
    anonymisedAt: null,
    ...overrides,
  };
}

/** HF1-01 … HF1-03 live, HF1-04 in the Papierkorb; two Quartierslabore (and one in the Papierkorb); Anregungen up to A-2025-007 and A-2026-002. */
function proposalRegister(): RegisterDocument {
  return {
    ...importRegister(),
    labs: [
      lab('lab-hoerde', 'Quartierslabor Hörde – Phoenix-See', 'HÖ'),
      lab('lab-nord', 'Quartierslabor Nordstadt', 'IN'),
      lab('lab-alt', 'Quartierslabor Brackel', 'BR', { deletedAt: STAMP, version: 2 }),
    ],
    proposals: [proposal('p-1', 'A-2025-001'), proposal('p-7', 'A-2025-007'), proposal('p-26', 'A-2026-002', { receivedOn: '2026-01-10' })],
  };
}

const doc = proposalRegister();
const HEADER: string[] = [
  'Nr.',
  'Eingang',
  'Quelle',
  'Quartierslabor',
  'Anregung',
  'Kategorie',
  'Stadtbezirk',
  'Bereich/Ort',
  'zuständig',
  'Status',
  'Begründung',
  'Maßnahme',
  'Rückmeldung',
  'Rückmeldung am',
];
/** A row of the full header, from the fields given (the rest empty). */
function row(
  fields: Partial<
    Record<
      | 'nr'
      | 'eingang'
      | 'quelle'
      | 'labor'
      | 'text'
      | 'kategorie'
      | 'bezirk'
      | 'bereich'
      | 'zustaendig'
      | 'status'
      | 'begruendung'
      | 'massnahme'
      | 'rueckmeldung'
      | 'rueckmeldungAm',
      ImportCell
    >
  >,
): ImportCell[] {
  const order = [
    'nr',
    'eingang',
    'quelle',
    'labor',
    'text',
    'kategorie',
    'bezirk',
    'bereich',
    'zustaendig',
    'status',
    'begruendung',
    'massnahme',
    'rueckmeldung',
    'rueckmeldungAm',
  ] as const;
  return order.map((k) => fields[k] ?? null);
}

const plan = (rows: ImportCell[][], mapping: ColumnMapping | null = null, register = doc) =>
  planImport({ sheet: 'Anregungen', rows }, 'proposals', mapping, register);
const problems = (rows: ImportCell[][]) => plan(rows).preview.rows.flatMap((r) => r.errors.map((e) => formatRowProblem(r.rowNumber, e)));

describe('headers', () => {
  it('recognises the German headers of an Anregungen list, and suggests the kind "proposals"', () => {
    expect(suggestMapping(HEADER, 'proposals')).toEqual({
      number: 0,
      receivedOn: 1,
      source: 2,
      lab: 3,
      text: 4,
      category: 5,
      district: 6,
      area: 7,
      assignedOrgUnit: 8,
      state: 9,
      stateReason: 10,
      measure: 11,
      feedbackText: 12,
      feedbackOn: 13,
    });
    expect(
      suggestMapping(
        ['Lfd. Nr.', 'Datum', 'Text der Anregung', 'Ort', 'Zuständigkeit', 'Übernommen in Maßnahme', 'Datum der Rückmeldung'],
        'proposals',
      ),
    ).toEqual({
      number: 0,
      receivedOn: 1,
      text: 2,
      area: 3,
      assignedOrgUnit: 4,
      measure: 5,
      feedbackOn: 6,
    });
    expect(suggestKind(HEADER)).toBe('proposals');
    expect(suggestKind(['Anregung', 'Eingangsdatum'])).toBe('proposals');
    // A list of measures or of values stays what it was.
    expect(suggestKind(['Nr.', 'Titel', 'Handlungsfeld', 'Status', 'Stadtbezirk'])).toBe('measures');
    expect(suggestKind(['Maßnahme', 'Kennzahl', 'Jahr', 'Wert'])).toBe('values');
  });

  it('finds the header row of an Anregungen list below a title line', () => {
    expect(
      findHeaderRow([
        ['Anregungen aus den Quartierslaboren 2025'],
        [],
        ['Eingang', 'Anregung', 'Quartierslabor', 'Status'],
        ['01.03.2025', 'Mehr Licht', '', ''],
      ]),
    ).toBe(2);
  });

  it('never maps a column with a name or contact data, and the preview names them once', () => {
    for (const header of [
      'Name',
      'Vorname',
      'Nachname',
      'E-Mail',
      'E-Mail-Adresse',
      'Email',
      'Telefon',
      'Tel.',
      'Telefonnummer',
      'Handy',
      'Anschrift',
      'Adresse',
      'Kontakt',
      'Kontaktdaten',
      'Ansprechpartner',
      'Name, Vorname',
      'PLZ',
      'Straße',
    ])
      expect(isContactHeader(header), header).toBe(true);
    for (const header of [
      'Anregung',
      'Eingang',
      'Bereich/Ort',
      'Quartierslabor',
      'Name des Quartierslabors',
      'zuständig',
      'Rückmeldung',
      'Stadtbezirk',
      'Status',
      'Kategorie',
    ])
      expect(isContactHeader(header), header).toBe(false);

    const headers = ['Name', 'Anregung', 'E-Mail', 'Eingang', 'Telefon', 'Anschrift', 'Kontakt', 'Text'];
    // "Text" is the text (the contact columns are not even candidates); nothing lands on a contact column.
    expect(suggestMapping(headers, 'proposals')).toEqual({ text: 1, receivedOn: 3 });
    const p = plan([
      headers,
      ['Erika Muster', 'Mehr Licht', 'erika@example.org', '01.03.2025', '0231 123', 'Musterweg 1', 'ja', ''],
    ]).preview;
    expect(p.leftOut).toEqual(['Name', 'E-Mail', 'Telefon', 'Anschrift', 'Kontakt']);
    expect(p.canCommit).toBe(true);
    expect(importTexts.mapping.personalLeftOut(p.leftOut)).toMatch(
      /^Die Spalten „Name“, „E-Mail“, „Telefon“, „Anschrift“, „Kontakt“ werden absichtlich nicht übernommen: .* nur mit dokumentierter Einwilligung in der Anwendung/,
    );
    // A mapping that points at one anyway (a tampered request) is refused; nothing of it is read.
    const forced = plan([headers, ['Erika Muster', 'Mehr Licht', 'erika@example.org', '01.03.2025']], {
      text: 1,
      receivedOn: 3,
      feedbackText: 2,
    }).preview;
    expect(forced.problems).toEqual([importTexts.mapping.personalColumn('E-Mail')]);
    expect(forced.canCommit).toBe(false);
    // Other kinds leave nothing out.
    expect(
      planImport(
        {
          sheet: 'T',
          rows: [
            ['Nr.', 'Titel', 'Handlungsfeld', 'Name'],
            ['HF1-10', 'Licht', 'HF1', 'x'],
          ],
        },
        'measures',
        null,
        doc,
      ).preview.leftOut,
    ).toEqual([]);
  });

  it('needs the columns for text and date of receipt', () => {
    expect(
      plan([
        ['Nr.', 'Kategorie'],
        ['A-2025-100', 'Licht'],
      ]).preview.problems,
    ).toEqual([importTexts.mapping.missingColumns(['Anregung (Text)', 'Eingang (Datum)'])]);
  });
});

describe('fields', () => {
  it('reads every field: German and real dates, source words, lab/district/office by name or code, state words, measure number', () => {
    const result = plan([
      HEADER,
      row({
        nr: 'A-2025-020',
        eingang: '03.04.2025',
        quelle: 'Quartierslabor',
        labor: 'quartierslabor HOERDE – phoenix-see',
        text: 'Mehr Licht am Seeufer',
        kategorie: 'Beleuchtung',
        bezirk: 'Hörde',
        bereich: 'Umfeld Phoenix-See',
        zustaendig: 'FB 32',
        status: 'in Prüfung',
      }),
      row({
        nr: 'A-2025-021',
        eingang: '2025-04-04',
        quelle: 'Vollversammlung',
        text: 'Präsenz am Nordmarkt',
        bezirk: 'IN',
        zustaendig: 'Jugendamt',
        status: 'übernommen',
        massnahme: 'HF1-02',
        rueckmeldung: 'Wird umgesetzt.',
        rueckmeldungAm: '30.06.2025',
      }),
      row({
        nr: 'A-2025-022',
        eingang: '05.04.2025',
        quelle: '§ 24 GO NRW',
        text: 'Spielplatz reinigen',
        status: 'abgelehnt',
        begruendung: 'Zuständig ist die EDG.',
      }),
      row({ nr: 'A-2025-023', eingang: '06.04.2025', quelle: 'Eingabe', text: 'Bank aufstellen', status: 'erledigt' }),
      row({ nr: 'A-2025-024', eingang: '07.04.2025', quelle: 'Bürgersprechstunde', labor: 'Nordstadt', text: 'Ohne Quelle aus der Liste' }),
      row({ nr: 'A-2025-025', eingang: '08.04.2025', text: 'Nur Pflichtfelder' }),
    ]);
    expect(result.preview.problems).toEqual([]);
    expect(result.preview.rows.map((r) => r.errors)).toEqual([[], [], [], [], [], []]);
    expect(result.preview.counts).toMatchObject({ rows: 6, ok: 6, errors: 0, newProposals: 6 });
    expect(result.preview.rows[0]!.summary).toBe('neu: A-2025-020 – Mehr Licht am Seeufer');
    const [a, b, c, d, e, f] = result.proposals;
    expect(a).toEqual({
      number: 'A-2025-020',
      source: 'quartierslabor',
      labId: 'lab-hoerde',
      meetingId: null,
      receivedOn: '2025-04-03',
      text: 'Mehr Licht am Seeufer',
      category: 'Beleuchtung',
      district: 'HÖ',
      area: 'Umfeld Phoenix-See',
      assignedOrgUnitId: 'ou-32',
      state: 'in_pruefung',
      stateReason: '',
      measureId: null,
      feedbackText: '',
      feedbackOn: null,
    });
    expect(b).toMatchObject({
      source: 'vollversammlung',
      receivedOn: '2025-04-04',
      district: 'IN',
      assignedOrgUnitId: 'ou-51',
      state: 'uebernommen',
      measureId: 'm-02',
      feedbackText: 'Wird umgesetzt.',
      feedbackOn: '2025-06-30',
    });
    expect(c).toMatchObject({ source: 'eingabe', state: 'abgelehnt', stateReason: 'Zuständig ist die EDG.' });
    expect(d).toMatchObject({ source: 'eingabe', state: 'erledigt' });
    expect(e).toMatchObject({ source: 'sonstige', labId: 'lab-nord' });
    expect(f).toMatchObject({ source: 'sonstige', labId: null, state: 'eingegangen', district: null, assignedOrgUnitId: null });
  });

  it('a lab without a source column counts as from the Quartierslabor', () => {
    const result = plan([
      ['Eingang', 'Anregung', 'Labor'],
      ['01.03.2025', 'Licht', 'Quartierslabor Nordstadt'],
      ['01.03.2025', 'Sauberkeit', ''],
    ]);
    expect(result.proposals.map((p) => [p.source, p.labId])).toEqual([
      ['quartierslabor', 'lab-nord'],
      ['sonstige', null],
    ]);
  });

  it('gives each wrong cell its German message, at its column', () => {
    const messages = problems([
      HEADER,
      row({ nr: 'A-2025-030', eingang: '01.03.2025', text: 'Licht', bereich: 'Münsterstraße 12' }),
      row({ nr: 'A-2025-031', eingang: '01.03.2025', text: 'Licht', labor: 'Labor Mengede' }),
      row({ nr: 'A-2025-032', eingang: '01.03.2025', text: 'Licht', labor: 'Quartierslabor Brackel' }),
      row({ nr: 'A-2025-033', eingang: '01.03.2025', text: 'Licht', status: 'abgelehnt' }),
      row({ nr: 'A-2025-034', eingang: '01.03.2025', text: 'Licht', status: 'übernommen' }),
      row({ nr: 'A-2025-035', eingang: '01.03.2025', text: 'Licht', status: 'übernommen', massnahme: 'HF9-99' }),
      row({ nr: 'A-2025-036', eingang: '01.03.2025', text: 'Licht', status: 'übernommen', massnahme: 'HF1-04' }),
      row({ nr: 'A-2025-037', eingang: '31.02.2025', text: '', status: 'vertagt', bezirk: 'Bochum', zustaendig: 'FB 99' }),
      row({ nr: 'A-2025-038', text: 'Licht', rueckmeldungAm: '01.04.2025', quelle: 'Quartierslabor' }),
    ]);
    const known = ['Quartierslabor Hörde – Phoenix-See', 'Quartierslabor Nordstadt'];
    expect(messages).toEqual([
      `Zeile 2, Spalte „Bereich/Ort“: ${participationValidationTexts.homeAddress}`,
      `Zeile 3, Spalte „Quartierslabor“: ${importTexts.row.unknownLab('Labor Mengede', known)}`,
      // A lab in the Papierkorb is not offered; nothing is created silently.
      `Zeile 4, Spalte „Quartierslabor“: ${importTexts.row.unknownLab('Quartierslabor Brackel', known)}`,
      `Zeile 5, Spalte „Begründung“: ${participationValidationTexts.reasonRequired}`,
      `Zeile 6, Spalte „Maßnahme“: ${participationValidationTexts.measureRequired}`,
      `Zeile 7, Spalte „Maßnahme“: ${importTexts.row.proposalMeasureNotFound('HF9-99')}`,
      `Zeile 8, Spalte „Maßnahme“: ${importTexts.row.proposalMeasureElsewhere('HF1-04')}`,
      `Zeile 9, Spalte „Eingang“: ${importTexts.row.date}`,
      `Zeile 9, Spalte „Anregung“: ${participationValidationTexts.textRequired}`,
      `Zeile 9, Spalte „Stadtbezirk“: ${importTexts.row.unknownDistrict('Bochum')}`,
      `Zeile 9, Spalte „zuständig“: ${importTexts.row.unknownOrgUnit('FB 99')}`,
      `Zeile 9, Spalte „Status“: ${importTexts.row.unknownProposalState('vertagt')}`,
      `Zeile 10, Spalte „Eingang“: ${importTexts.row.receivedOnRequired}`,
      `Zeile 10, Spalte „Quartierslabor“: ${participationValidationTexts.labRequired}`,
      `Zeile 10, Spalte „Rückmeldung“: ${participationValidationTexts.feedbackTextRequired}`,
    ]);
    expect(importTexts.row.unknownLab('Labor Mengede', known)).toBe(
      'Das Quartierslabor „Labor Mengede“ gibt es im Register nicht. Vorhanden: „Quartierslabor Hörde – Phoenix-See“, „Quartierslabor Nordstadt“.',
    );
  });

  it('shows the errors of a missing column at a related one (no "Begründung" or "Maßnahme" column)', () => {
    const messages = plan([
      ['Eingang', 'Anregung', 'Status'],
      ['01.03.2025', 'Licht', 'abgelehnt'],
      ['01.03.2025', 'Licht', 'übernommen in Maßnahme'],
    ]).preview.rows.flatMap((r) => r.errors.map((e) => formatRowProblem(r.rowNumber, e)));
    expect(messages).toEqual([
      `Zeile 2, Spalte „Status“: ${participationValidationTexts.reasonRequired}`,
      `Zeile 3, Spalte „Status“: ${participationValidationTexts.measureRequired}`,
    ]);
  });

  it('refuses numbers twice in the file and numbers the register has', () => {
    expect(
      problems([
        HEADER,
        row({ nr: 'A-2025-040', eingang: '01.03.2025', text: 'Licht' }),
        row({ nr: 'a-2025-040', eingang: '01.03.2025', text: 'Licht' }),
        row({ nr: 'A-2025-007', eingang: '01.03.2025', text: 'Licht' }),
      ]),
    ).toEqual([
      `Zeile 3, Spalte „Nr.“: ${importTexts.row.numberTwice('a-2025-040', 2)}`,
      `Zeile 4, Spalte „Nr.“: ${importTexts.row.numberExists('A-2025-007')}`,
    ]);
  });

  it('numbers empty cells A-<year of receipt>-NNN after the highest number of the register and of the file', () => {
    const result = plan([
      HEADER,
      row({ eingang: '01.03.2025', text: 'eins' }),
      row({ nr: 'A-2025-010', eingang: '02.03.2025', text: 'zwei' }),
      row({ eingang: '03.03.2025', text: 'drei' }),
      row({ eingang: '04.01.2026', text: 'vier' }),
      row({ eingang: '05.01.2024', text: 'fünf' }),
    ]);
    expect(result.preview.canCommit).toBe(true);
    expect(result.proposals.map((p) => p.number)).toEqual(['A-2025-011', 'A-2025-010', 'A-2025-012', 'A-2026-003', 'A-2024-001']);
    expect(result.preview.rows[0]!.summary).toBe('neu: A-2025-011 (Nummer vergeben) – eins');
    // Without a "Nr." column at all, every row is numbered.
    expect(
      plan([
        ['Eingang', 'Anregung'],
        ['01.03.2025', 'a'],
        ['01.03.2025', 'b'],
      ]).proposals.map((p) => p.number),
    ).toEqual(['A-2025-008', 'A-2025-009']);
    // Without a date no number can be given: the date is the error, not the number.
    expect(
      problems([
        ['Eingang', 'Anregung'],
        ['', 'a'],
      ]),
    ).toEqual([`Zeile 2, Spalte „Eingang“: ${importTexts.row.receivedOnRequired}`]);
  });
});

// -------------------------------------------------------------------------------- through the contract

const FILE_ROWS: Cell[][] = [
  ['Anregungen Quartierslabor Hörde 2025'],
  [],
  ['Nr.', 'Eingang', 'Name', 'E-Mail', 'Quartierslabor', 'Anregung', 'Bereich/Ort', 'Status', 'Maßnahme'],
  [
    null,
    new Date(Date.UTC(2025, 4, 14)),
    'Erika Muster',
    'erika@example.org',
    'Quartierslabor Hörde – Phoenix-See',
    'Beleuchtung am Seeufer verbessern',
    'Seeufer Ost',
    'eingegangen',
    null,
  ],
  [
    'A-2025-050',
    '15.05.2025',
    'Max Muster',
    'max@example.org',
    'Quartierslabor Hörde – Phoenix-See',
    'Mehr Präsenz des Ordnungsdienstes',
    '',
    'übernommen',
    'HF1-01',
  ],
  [
    null,
    '16.05.2025',
    null,
    null,
    'Quartierslabor Hörde – Phoenix-See',
    'Angstraum Unterführung beseitigen',
    'Unterführung Hörder Bahnhof',
    'in Prüfung',
    null,
  ],
];

async function chooseFile(s: Awaited<ReturnType<typeof setup>>, name: string, rows: Cell[][] = FILE_ROWS): Promise<ImportFileInfo> {
  s.choose(await writeFile(dir.path, name, workbook({ Anregungen: rows })));
  const info = ok<ImportFileInfo | null>(await s.call('chooseImportFile'));
  if (!info) throw new Error('cancelled');
  return info;
}
const request = (token: string, mapping: ColumnMapping | null = null) => ({ token, kind: 'proposals', mapping, sheet: null });

describe('commit and undo through dispatch', () => {
  it('previews (nothing written), then creates all Anregungen in one write with record and audit, never the contacts', async () => {
    const s = await setup(dir.path, proposalRegister());
    const info = await chooseFile(s, 'Anregungen Hörde.xlsx');
    expect(info).toMatchObject({ suggestedKind: 'proposals', headerRow: 3, dataRows: 3 });
    expect(info.suggestedMapping.proposals).toEqual({ number: 0, receivedOn: 1, lab: 4, text: 5, area: 6, state: 7, measure: 8 });
    const before = await s.bytes();
    const preview = ok<ImportPreview>(await s.call('previewImport', request(info.token)));
    expect(preview.counts).toMatchObject({ rows: 3, ok: 3, errors: 0, newProposals: 3 });
    expect(preview.leftOut).toEqual(['Name', 'E-Mail']);
    expect(await s.bytes()).toEqual(before);

    const saved = ok<Saved<ImportRecord>>(await s.call('commitImport', request(info.token)));
    const record = saved.value;
    expect(record).toMatchObject({
      kind: 'proposals',
      fileName: 'Anregungen Hörde.xlsx',
      rowCount: 3,
      createdMeasureIds: [],
      undoneAt: null,
    });
    const disk = await s.onDisk();
    const created = disk.proposals.filter((p) => record.createdProposalIds.includes(p.id));
    expect(created.map((p) => [p.number, p.receivedOn, p.source, p.labId, p.state, p.measureId])).toEqual([
      ['A-2025-051', '2025-05-14', 'quartierslabor', 'lab-hoerde', 'eingegangen', null],
      ['A-2025-050', '2025-05-15', 'quartierslabor', 'lab-hoerde', 'uebernommen', 'm-01'],
      ['A-2025-052', '2025-05-16', 'quartierslabor', 'lab-hoerde', 'in_pruefung', null],
    ]);
    for (const p of created) {
      expect(proposalSchema.parse(p)).toEqual(p);
      expect(p).toMatchObject({
        version: 1,
        createdAt: record.at,
        updatedAt: record.at,
        stateChangedAt: record.at,
        deletedAt: null,
        anonymisedAt: null,
      });
    }
    // No name or e-mail address anywhere in the register.
    const text = JSON.stringify(disk);
    for (const personal of ['Erika', 'Max Muster', 'example.org']) expect(text).not.toContain(personal);
    expect(disk.contacts).toEqual([]);
    // Audit: the import, and each Anregung with the import's id.
    const entries = disk.audit.filter((a) => a.action === 'import');
    expect(entries.map((a) => [a.entityType, a.entityLabel])).toEqual([
      ['import', importTexts.audit.label('Anregungen', 'Anregungen Hörde.xlsx')],
      ['proposal', 'Anregung A-2025-051'],
      ['proposal', 'Anregung A-2025-050'],
      ['proposal', 'Anregung A-2025-052'],
    ]);
    for (const entry of entries.slice(1)) {
      expect(entry.changes).toContainEqual({ field: 'importId', old: null, new: record.id });
      expect(entry.changes).toContainEqual({ field: 'importFile', old: null, new: 'Anregungen Hörde.xlsx' });
    }
    expect(entries[1]!.changes).toContainEqual({ field: 'text', old: null, new: 'Beleuchtung am Seeufer verbessern' });
    // The list of Anregungen shows them.
    const list = ok<{ number: string }[]>(await s.call('listProposals'));
    expect(list.map((p) => p.number)).toEqual(expect.arrayContaining(['A-2025-050', 'A-2025-051', 'A-2025-052']));
  });

  it('writes nothing when one row has an error', async () => {
    const s = await setup(dir.path, proposalRegister());
    const info = await chooseFile(s, 'fehler.xlsx', [
      ...FILE_ROWS,
      [null, '17.05.2025', null, null, 'Quartierslabor Eving', 'Licht', 'Musterweg 3', '', null],
    ]);
    const before = await s.bytes();
    const preview = ok<ImportPreview>(await s.call('previewImport', request(info.token)));
    expect(preview.rows[3]!.errors.map((e) => e.message)).toEqual([
      importTexts.row.unknownLab('Quartierslabor Eving', ['Quartierslabor Hörde – Phoenix-See', 'Quartierslabor Nordstadt']),
      participationValidationTexts.homeAddress,
    ]);
    expect(await s.call('commitImport', request(info.token))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: importTexts.commit.hasErrors(1) },
    });
    expect(await s.bytes()).toEqual(before);
  });

  it('undo removes exactly those Anregungen (numbers free again, their words out of the trail), audited', async () => {
    const s = await setup(dir.path, proposalRegister());
    const info = await chooseFile(s, 'a.xlsx');
    const record = ok<Saved<ImportRecord>>(await s.call('commitImport', request(info.token))).value;
    const undone = ok<Saved<ImportRecord>>(await s.call('undoImport', { id: record.id })).value;
    expect(undone.undoneAt).toEqual(expect.any(String));
    const disk = await s.onDisk();
    expect(disk.proposals.map((p) => p.number)).toEqual(['A-2025-001', 'A-2025-007', 'A-2026-002']);
    expect(disk.proposals).toEqual(proposalRegister().proposals);
    expect(disk.imports).toEqual([expect.objectContaining({ id: record.id, kind: 'proposals', undoneAt: undone.undoneAt })]);
    const undoEntries = disk.audit.filter((a) => a.action === 'undo');
    expect(undoEntries.map((a) => [a.entityType, a.entityLabel])).toEqual([
      ['import', importTexts.audit.label('Anregungen', 'a.xlsx')],
      ['proposal', 'Anregung A-2025-051'],
      ['proposal', 'Anregung A-2025-050'],
      ['proposal', 'Anregung A-2025-052'],
    ]);
    expect(JSON.stringify(disk.audit)).not.toContain('Seeufer');
    expect(disk.audit.find((a) => a.entityType === 'proposal' && a.action === 'import')!.changes).toContainEqual({
      field: 'text',
      old: null,
      new: de.participation.anonymised,
    });
    // The same file can be imported again, with the same numbers.
    const again = await chooseFile(s, 'a.xlsx');
    const second = ok<Saved<ImportRecord>>(await s.call('commitImport', request(again.token))).value;
    expect((await s.onDisk()).proposals.filter((p) => second.createdProposalIds.includes(p.id)).map((p) => p.number)).toEqual([
      'A-2025-051',
      'A-2025-050',
      'A-2025-052',
    ]);
    expect(await s.call('undoImport', { id: record.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: importTexts.undo.alreadyUndone },
    });
  });

  it('refuses undo after an Anregung was edited or got a feedback contact, and changes nothing', async () => {
    const s = await setup(dir.path, proposalRegister());
    const info = await chooseFile(s, 'a.xlsx');
    const record = ok<Saved<ImportRecord>>(await s.call('commitImport', request(info.token))).value;
    const [first] = (await s.onDisk()).proposals.filter((p) => record.createdProposalIds.includes(p.id));
    ok(
      await s.call('saveProposalContact', {
        proposalId: first!.id,
        fields: {
          name: 'E. Muster',
          channel: 'email',
          value: 'e@example.org',
          consentGiven: true,
          consentOn: '2025-05-14',
          consentNote: '',
        },
      }),
    );
    let before = await s.bytes();
    expect(await s.call('undoImport', { id: record.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: importTexts.undo.proposalsLinked(['A-2025-051']) },
    });
    expect(await s.bytes()).toEqual(before);

    ok(await s.call('deleteProposalContact', { proposalId: first!.id }));
    const { id: _id, version, createdAt: _c, updatedAt: _u, stateChangedAt: _s, deletedAt: _d, anonymisedAt: _a, ...fields } = first!;
    ok(await s.call('saveProposal', { id: first!.id, version, fields: { ...fields, category: 'Beleuchtung' } }));
    before = await s.bytes();
    expect(await s.call('undoImport', { id: record.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: importTexts.undo.proposalsChanged(['A-2025-051']) },
    });
    expect(await s.bytes()).toEqual(before);
    expect(importTexts.undo.proposalsChanged(['A-2025-051'])).toMatch(
      /^Der Import kann nicht rückgängig gemacht werden: die Anregung A-2025-051 wurde seitdem bearbeitet/,
    );
  });

  it('an import record written before Anregungen could be imported still reads (no createdProposalIds)', async () => {
    const old = proposalRegister();
    const legacy = {
      id: 'imp-old',
      at: STAMP,
      user: 'Test',
      kind: 'measures',
      fileName: 'alt.xlsx',
      rowCount: 0,
      createdMeasureIds: [],
      createdIndicatorIds: [],
      changedIndicators: [],
      undoneAt: null,
    };
    await fs.mkdir(dir.path, { recursive: true });
    const s = await setup(dir.path, { ...old, imports: [legacy as unknown as ImportRecord] });
    expect(ok<ImportRecord[]>(await s.call('listImports'))).toEqual([{ ...legacy, createdProposalIds: [] }]);
    expect(ok<Saved<ImportRecord>>(await s.call('undoImport', { id: 'imp-old' })).value.undoneAt).toEqual(expect.any(String));
  });
});

// -------------------------------------------------------------------------------- CLI

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(
    argv,
    { out: { write: (x: string) => (out += x) }, err: { write: (x: string) => (err += x) } },
    { cwd: dir.path },
  );
  return { code, out, err };
}

describe('masterplan import proposals', () => {
  it('--dry-run lists the rows and the left-out contact columns and writes nothing; without it imports', async () => {
    const storePath = await writeFile(dir.path, 'register.json', JSON.stringify(proposalRegister()));
    await writeFile(dir.path, 'anregungen.xlsx', workbook({ Liste: FILE_ROWS }));
    const before = await fs.readFile(storePath);
    const dry = await run('import', 'proposals', '--store', 'register.json', '--from', 'anregungen.xlsx', '--dry-run');
    expect(dry.err).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(cli.import.mappingLine('Anregung (Text)', '„Anregung“ (F)'));
    expect(dry.out).toContain(importTexts.mapping.personalLeftOut(['Name', 'E-Mail']));
    expect(dry.out).not.toContain(cli.import.unmapped('„Name“ (C)'));
    expect(dry.out).toContain(cli.import.row(4, 'neu: A-2025-051 (Nummer vergeben) – Beleuchtung am Seeufer verbessern'));
    expect(dry.out).toContain(cli.import.proposalsSummary(3));
    expect(dry.out).toContain(cli.import.dryRun);
    expect(await fs.readFile(storePath)).toEqual(before);

    const result = await run('import', 'proposals', '--store', 'register.json', '--from', 'anregungen.xlsx');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const stored = JSON.parse(await fs.readFile(storePath, 'utf8')) as RegisterDocument;
    const [record] = stored.imports;
    expect(result.out).toContain(cli.import.written(3, 'register.json', record!.id));
    expect(stored.proposals.filter((p) => record!.createdProposalIds.includes(p.id)).map((p) => p.number)).toEqual([
      'A-2025-051',
      'A-2025-050',
      'A-2025-052',
    ]);
  });

  it('exits 1 with the row errors and writes nothing', async () => {
    const storePath = await writeFile(dir.path, 'register.json', JSON.stringify(proposalRegister()));
    await writeFile(
      dir.path,
      'fehler.xlsx',
      workbook({
        T: [
          ['Nr.', 'Eingang', 'Anregung', 'Status'],
          ['A-2025-001', '01.03.2025', 'Licht', 'abgelehnt'],
        ],
      }),
    );
    const before = await fs.readFile(storePath);
    const result = await run('import', 'proposals', '--store', 'register.json', '--from', 'fehler.xlsx');
    expect(result.code).toBe(1);
    expect(result.err.split('\n')).toEqual([
      cli.import.rowsWithErrors(1, 1),
      `  Zeile 2, Spalte „Nr.“: ${importTexts.row.numberExists('A-2025-001')}`,
      `  Zeile 2, Spalte „Status“: ${participationValidationTexts.reasonRequired}`,
      cli.import.fixHint,
      '',
    ]);
    expect(await fs.readFile(storePath)).toEqual(before);
  });

  it('is listed in the German help', async () => {
    const help = await run('--help');
    expect(help.out).toContain('import proposals');
    expect(help.out).toContain(cli.commands.importProposals);
  });
});
