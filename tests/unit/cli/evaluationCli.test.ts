/**
 * `masterplan export evaluation` and `masterplan export evaluation-report`, in-process through main() on
 * real files in a temp folder: exit codes, German messages, refusals that write nothing.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import XLSX from 'xlsx';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '@cli/index';
import { decodeRegister } from '@main/store/decode';
import { currentIdentity, lockPathFor, RegisterLock } from '@main/store/lock';
import { RegisterStore, WriteFailedError } from '@main/store/registerStore';
import type { RegisterDocument } from '@shared/register/register';
import { useTempDir } from '@tests/unit/helpers/tempDir';
import { readDocx, visibleText } from '@tests/unit/helpers/docxParts';
import { activeMeasures, currentFields, GENERATED_AT, sampleRegister } from '@tests/unit/main/evaluation/evaluationFixtures';

const dir = useTempDir('mpr-cli-evaluation-');
let doc: RegisterDocument;

/** The sample register plus an older round, so "the newest" is a real choice. */
function registerWithTwoRounds(): RegisterDocument {
  const register = sampleRegister();
  const current = register.evaluationRounds[0]!;
  register.evaluationRounds.unshift({
    ...current,
    id: 'runde-2022',
    name: 'Zwischenbilanz 2022',
    date: '2022-11-01',
    cutOffDate: '2022-06-30',
  });
  return register;
}

let registerText = '';
const registerFile = () => path.join(dir.path, 'register.json');
const storedAudit = async () => decodeRegister(await fs.readFile(registerFile(), 'utf8')).doc.audit;

beforeEach(async () => {
  doc = registerWithTwoRounds();
  registerText = JSON.stringify(doc);
  await fs.writeFile(registerFile(), registerText);
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** No settings file of this machine; the account's full name fixed (cliUser.test.ts covers the order). */
const WHO = { settingsPath: null, osFullName: async () => 'Jonas Beispiel' };

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } };
  const code = await main(argv, io, { cwd: dir.path, now: () => GENERATED_AT, newId: () => 'id', ...WHO });
  return { code, out, err };
}

const exists = (file: string) =>
  fs.access(path.join(dir.path, file)).then(
    () => true,
    () => false,
  );

const workbook = async (file: string) => XLSX.read(await fs.readFile(path.join(dir.path, file)), { cellFormula: true });
const measureNumbers = (wb: XLSX.WorkBook) =>
  XLSX.utils.sheet_to_json<Record<string, unknown>>(wb.Sheets['Maßnahmen']!).map((r) => r['Nr.']);

describe('export evaluation', () => {
  it('writes the workbook of the newest round and says what it contains', async () => {
    const result = await run('export', 'evaluation', '--store', 'register.json', '--out', 'Evaluation.xlsx');
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    const lines = result.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Geschrieben: .*Evaluation\.xlsx \(\d+ KB\)$/);
    expect(lines[1]).toBe('Evaluationsrunde: Evaluationsbericht 2024 (die neueste; eine andere mit --round KENNUNG)');
    expect(lines[2]).toBe('Inhalt: 36 Maßnahmen, 9 Kennzahlen, 42 Werte.');
    const wb = await workbook('Evaluation.xlsx');
    expect(wb.SheetNames).toEqual(['Übersicht', 'Maßnahmen', 'Kennzahlen', 'Finanzen', 'Stadtbezirke', 'Legende']);
    expect(wb.Props?.Title).toBe('Evaluationstabellen – Evaluationsbericht 2024');
    const legend = XLSX.utils.sheet_to_json<string[]>(wb.Sheets['Legende']!, { header: 1 });
    expect(legend.find((r) => r[0] === 'Registerdatei')?.[1]).toBe('register.json');
    expect(legend.find((r) => r[0] === 'Programmversion')?.[1]).toMatch(/^\d+\.\d+\.\d+/);
    expect(await fs.readdir(dir.path)).toEqual(['Evaluation.xlsx', 'register.json']);
  });

  it('--round takes an id or a name', async () => {
    const byId = await run('export', 'evaluation', '--store', 'register.json', '--round', 'runde-2022', '--out', 'a.xlsx');
    expect(byId.code).toBe(0);
    expect(byId.out).toContain('Evaluationsrunde: Zwischenbilanz 2022\n');
    // The 2022 cut-off: only values up to 2022 count.
    expect(byId.out).toMatch(/Inhalt: 36 Maßnahmen, 9 Kennzahlen, \d+ Werte\./);
    expect((await workbook('a.xlsx')).Props?.Title).toBe('Evaluationstabellen – Zwischenbilanz 2022');
    const byName = await run('export', 'evaluation', '--store', 'register.json', '--round', 'evaluationsbericht 2024', '--out', 'b.xlsx');
    expect(byName.out).toContain('Evaluationsrunde: Evaluationsbericht 2024\n');
  });

  it('an unknown round is refused with exit 1, listing the rounds, and nothing is written', async () => {
    const result = await run('export', 'evaluation', '--store', 'register.json', '--round', 'Evaluation 2030', '--out', 'x.xlsx');
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain('Es wurde nichts geschrieben. Es gibt keine Evaluationsrunde „Evaluation 2030“.');
    expect(result.err).toContain('runde-2022 („Zwischenbilanz 2022“)');
    expect(await exists('x.xlsx')).toBe(false);
  });

  it('--field, --district and --status restrict the measures', async () => {
    const result = await run(
      'export',
      'evaluation',
      '--store',
      'register.json',
      '--field',
      'hf2',
      '--district',
      'Innenstadt-Nord',
      '--status',
      'in_umsetzung',
      '--out',
      'f.xlsx',
    );
    expect(result.code).toBe(0);
    expect(result.out).toContain('Filter: Handlungsfeld HF2 Sichere öffentliche Räume; Stadtbezirk Innenstadt-Nord; Status in Umsetzung\n');
    const hf2 = currentFields(doc).find((f) => f.code === 'HF2')!.id;
    const expected = activeMeasures(doc)
      .filter((m) => m.actionFieldId === hf2 && m.districts.includes('IN') && m.status === 'in_umsetzung')
      .map((m) => m.number)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(measureNumbers(await workbook('f.xlsx'))).toEqual(expected);
  });

  it('a selection without measures still writes the tables, with a note', async () => {
    const result = await run(
      'export',
      'evaluation',
      '--store',
      'register.json',
      '--district',
      'ME',
      '--status',
      'vorgeschlagen',
      '--out',
      'leer.xlsx',
    );
    expect(result.code).toBe(0);
    expect(result.err).toContain('Keine Maßnahme entspricht der Auswahl');
    expect(measureNumbers(await workbook('leer.xlsx'))).toEqual([]);
  });

  it('--with-personal-data adds the assessor column, prints a note on stderr and records the choice in the audit trail', async () => {
    const plain = await run('export', 'evaluation', '--store', 'register.json', '--out', 'ohne.xlsx');
    expect(XLSX.utils.sheet_to_json<string[]>((await workbook('ohne.xlsx')).Sheets['Maßnahmen']!, { header: 1 })[0]).not.toContain(
      'Bewertet von',
    );
    expect(plain.err).toBe('');
    expect(plain.out).not.toContain('Änderungsprotokoll');
    // Without the flag the register file is not touched at all.
    expect(await fs.readFile(registerFile(), 'utf8')).toBe(registerText);

    const result = await run('export', 'evaluation', '--store', 'register.json', '--with-personal-data', '--out', 'mit.xlsx');
    expect(result.code).toBe(0);
    expect(result.err).toContain('Hinweis: Die Datei enthält personenbezogene Daten');
    expect(result.out.trimEnd().split('\n').at(-1)).toBe(
      'Im Änderungsprotokoll des Registers vermerkt: Export mit personenbezogenen Daten („mit.xlsx“).',
    );
    const header = XLSX.utils.sheet_to_json<string[]>((await workbook('mit.xlsx')).Sheets['Maßnahmen']!, { header: 1 })[0];
    expect(header?.at(-1)).toBe('Bewertet von');

    const audit = await storedAudit();
    expect(audit.slice(0, doc.audit.length)).toEqual(doc.audit);
    expect(audit).toHaveLength(doc.audit.length + 1);
    const entry = audit.at(-1)!;
    expect(entry).toMatchObject({
      user: 'Jonas Beispiel',
      entityType: 'register',
      entityId: doc.registerId,
      action: 'export',
      changes: [{ field: 'personalDataExport', old: null, new: 'mit.xlsx' }],
    });
    // The file name only: neither the folder (which may name a person) nor an assessor.
    const assessors = [...new Set(doc.assessments.map((a) => a.assessor).filter(Boolean))];
    expect(assessors.length).toBeGreaterThan(0);
    for (const personal of [dir.path, ...assessors]) expect(JSON.stringify(entry)).not.toContain(personal);
    // Nothing else beside the register but its journal (docs/multi-user.md), which names no assessor either.
    expect((await fs.readdir(dir.path)).sort()).toEqual(['mit.xlsx', 'ohne.xlsx', 'register.json', 'register.json.journal']);
    const journal = await fs.readFile(path.join(dir.path, 'register.json.journal'), 'utf8');
    for (const personal of [dir.path, ...assessors]) expect(journal).not.toContain(personal);
  });

  it('--with-personal-data is refused while the app holds the register (exit 1); nothing is written', async () => {
    const appLock = new RegisterLock(lockPathFor(registerFile()), currentIdentity('Petra Schulte'));
    expect(await appLock.acquire()).toEqual({ held: true });
    try {
      const result = await run('export', 'evaluation', '--store', 'register.json', '--with-personal-data', '--out', 'mit.xlsx');
      expect(result.code).toBe(1);
      expect(result.out).toBe('');
      expect(result.err).toMatch(
        /^Es wurde nichts geschrieben\. Das Register ist geöffnet von Petra Schulte auf .+ seit \d\d\.\d\d\.\d{4}/,
      );
      expect(result.err).toContain('im Änderungsprotokoll des Registers vermerkt');
      expect(await exists('mit.xlsx')).toBe(false);
      // Without personal data nothing needs recording: the export works while the app is open.
      expect((await run('export', 'evaluation', '--store', 'register.json', '--out', 'ohne.xlsx')).code).toBe(0);
      expect(await appLock.beat()).toBe(true);
    } finally {
      await appLock.release();
    }
    expect(await fs.readFile(registerFile(), 'utf8')).toBe(registerText);
    expect(await fs.readdir(dir.path)).toEqual(['ohne.xlsx', 'register.json']);
  });

  it('--with-personal-data: if the audit entry cannot be written, the export file is removed and the call fails', async () => {
    vi.spyOn(RegisterStore.prototype, 'commit').mockRejectedValueOnce(new WriteFailedError('Der Datenträger ist voll.'));
    const result = await run('export', 'evaluation', '--store', 'register.json', '--with-personal-data', '--out', 'mit.xlsx');
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain(
      'Der Export mit personenbezogenen Daten konnte nicht im Änderungsprotokoll des Registers vermerkt werden. Der Datenträger ist voll.',
    );
    expect(result.err).toContain('Die Datei wurde deshalb wieder gelöscht:');
    expect(await fs.readFile(registerFile(), 'utf8')).toBe(registerText);
    // Removed again, and the lock released.
    expect(await fs.readdir(dir.path)).toEqual(['register.json']);
  });

  it('never overwrites without --force', async () => {
    await fs.writeFile(path.join(dir.path, 'da.xlsx'), 'vorher');
    const refused = await run('export', 'evaluation', '--store', 'register.json', '--out', 'da.xlsx');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Es wurde nichts geschrieben. Die Datei gibt es bereits:');
    expect(await fs.readFile(path.join(dir.path, 'da.xlsx'), 'utf8')).toBe('vorher');
    const forced = await run('export', 'evaluation', '--store', 'register.json', '--out', 'da.xlsx', '--force');
    expect(forced.code).toBe(0);
    expect((await fs.readFile(path.join(dir.path, 'da.xlsx'))).subarray(0, 2).toString()).toBe('PK');
  });

  it.each([
    [['--field', 'HF9'], 1, 'Es gibt kein Handlungsfeld „HF9“.'],
    [['--status', 'fertig'], 1, 'Es gibt keinen Status „fertig“.'],
    [['--district', 'Berlin'], 2, 'Unbekannter Stadtbezirk „Berlin“. Möglich: IW, IN, IO'],
    [['--with-personal-data=ja'], 2, 'Die Option --with-personal-data erwartet keinen Wert.'],
  ])('%j → exit %i', async (args, code, message) => {
    const result = await run('export', 'evaluation', '--store', 'register.json', ...args, '--out', 'x.xlsx');
    expect(result.code).toBe(code);
    expect(result.err).toContain(message);
    expect(await exists('x.xlsx')).toBe(false);
  });

  it('wrong target extension or missing --out is a usage error', async () => {
    const xls = await run('export', 'evaluation', '--store', 'register.json', '--out', 'x.xls');
    expect(xls).toMatchObject({ code: 2 });
    expect(xls.err).toContain('Die Zieldatei (--out) muss auf .xlsx enden.');
    const none = await run('export', 'evaluation', '--store', 'register.json');
    expect(none.code).toBe(2);
    expect(none.err).toContain('Die Option --out DATEI.xlsx fehlt.');
    expect(await exists('x.xls')).toBe(false);
  });

  it('a missing register is exit 1', async () => {
    const result = await run('export', 'evaluation', '--store', 'fehlt.json', '--out', 'x.xlsx');
    expect(result.code).toBe(1);
    expect(await exists('x.xlsx')).toBe(false);
  });
});

describe('export evaluation-report', () => {
  it('writes the Word report of the newest round', async () => {
    const result = await run('export', 'evaluation-report', '--store', 'register.json', '--out', 'Bericht.docx');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Geschrieben: .*Bericht\.docx \(\d+ KB\)\nEvaluationsrunde: Evaluationsbericht 2024 \(die neueste/);
    const docx = await readDocx(await fs.readFile(path.join(dir.path, 'Bericht.docx')));
    expect(docx.part('docProps/core.xml')).toContain('<dc:title>Evaluationsbericht 2024</dc:title>');
    expect(visibleText(docx.part('word/document.xml'))).toContain('HF2-01 Videobeobachtung Brückstraße');
  });

  it('--round by name; an unknown round is exit 1 and writes nothing', async () => {
    const ok = await run('export', 'evaluation-report', '--store', 'register.json', '--round', 'Zwischenbilanz 2022', '--out', 'z.docx');
    expect(ok.code).toBe(0);
    expect((await readDocx(await fs.readFile(path.join(dir.path, 'z.docx')))).part('docProps/core.xml')).toContain(
      '<dc:title>Evaluationsbericht Zwischenbilanz 2022</dc:title>',
    );
    const unknown = await run('export', 'evaluation-report', '--store', 'register.json', '--round', 'nix', '--out', 'n.docx');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Es gibt keine Evaluationsrunde „nix“.');
    expect(await exists('n.docx')).toBe(false);
  });

  it('has no filter or personal-data options and wants .docx', async () => {
    expect((await run('export', 'evaluation-report', '--store', 'register.json', '--field', 'HF1', '--out', 'x.docx')).code).toBe(2);
    expect((await run('export', 'evaluation-report', '--store', 'register.json', '--with-personal-data', '--out', 'x.docx')).code).toBe(2);
    const wrong = await run('export', 'evaluation-report', '--store', 'register.json', '--out', 'x.pdf');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('muss auf .docx enden');
  });

  it('a register without rounds gives a report without assessments', async () => {
    await fs.writeFile(
      path.join(dir.path, 'register.json'),
      JSON.stringify({ ...sampleRegister(), evaluationRounds: [], assessments: [] }),
    );
    const result = await run('export', 'evaluation-report', '--store', 'register.json', '--out', 'o.docx');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Evaluationsrunde: keine');
    expect(visibleText((await readDocx(await fs.readFile(path.join(dir.path, 'o.docx')))).part('word/document.xml'))).toContain(
      'keine Bewertungen',
    );
  });
});

describe('help', () => {
  it('lists both commands with their options', async () => {
    const result = await run('--help');
    expect(result.out).toContain(
      'masterplan export evaluation --store DATEI [--round KENNUNG] [--field HF] [--district BEZIRK] [--status STATUS] [--with-personal-data] --out DATEI.xlsx [--force]',
    );
    expect(result.out).toContain('masterplan export evaluation-report --store DATEI [--round KENNUNG] --out DATEI.docx [--force]');
    const own = await run('export', 'evaluation', '--help');
    expect(own.out).toContain('ohne Angabe die neueste Runde');
  });
});
