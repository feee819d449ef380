/**
 * `masterplan export session | proposals | tracking`, in-process through main() on a register with
 * participation data in a temp folder: the files written, the lines printed, German refusals with the
 * exit codes of the other commands (2 wrong call, 1 refused), never over an existing file without --force,
 * and the register file untouched.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import mammoth from 'mammoth';
import XLSX from 'xlsx';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '@cli/index';
import { decodeRegister } from '@main/store/decode';
import { currentIdentity, lockPathFor, RegisterLock } from '@main/store/lock';
import { RegisterStore, WriteFailedError } from '@main/store/registerStore';
import { participationRegister } from '../../fixtures/participation';
import { useTempDir } from '@tests/unit/helpers/tempDir';

const dir = useTempDir('mpr-cli-participation-');
const NOW = new Date('2026-11-26T10:00:00');
let registerText = '';

/** The app's per-user settings file the CLI reads (never the real one of the machine running the tests). */
let settingsPath = '';

beforeEach(async () => {
  settingsPath = path.join(os.tmpdir(), `mpr-cli-participation-settings-${process.pid}-nicht-da.json`);
  registerText = JSON.stringify(participationRegister(), null, 2);
  await fs.writeFile(path.join(dir.path, 'register.json'), registerText);
});

afterEach(() => {
  vi.restoreAllMocks();
});

const registerFile = () => path.join(dir.path, 'register.json');
const storedRegister = async () => decodeRegister(await fs.readFile(registerFile(), 'utf8')).doc;

/** The account's full name fixed (cliUser.test.ts covers the order); the settings file is the test's own (above). */
const WHO = { settingsPath: null, osFullName: async () => 'Jonas Beispiel' };

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } };
  const code = await main(argv, io, { cwd: dir.path, now: () => NOW, newId: () => 'id', ...WHO, settingsPath });
  return { code, out, err };
}

/** `export session --store register.json --id … --kind … --out …`, then any further options. */
const exportSession = (id: string, kind: string, out: string, ...more: string[]) =>
  run('export', 'session', '--store', 'register.json', '--id', id, '--kind', kind, '--out', out, ...more);

const files = () => fs.readdir(dir.path);
const docxText = async (file: string) => (await mammoth.extractRawText({ path: path.join(dir.path, file) })).value.replace(/\u2011/g, '-');
const sheetCsv = async (file: string, sheet: string) =>
  XLSX.utils.sheet_to_csv(XLSX.read(await fs.readFile(path.join(dir.path, file))).Sheets[sheet]!);

describe('export session', () => {
  it('writes the Einladung and the Niederschrift of a session', async () => {
    const invitation = await exportSession('meeting-3', 'einladung', 'Einladung.docx');
    expect(invitation.code).toBe(0);
    // No sender saved in the settings: the example, said so.
    expect(invitation.err).toBe(
      'Absender für Briefe: Beispielangaben (Stadt Dortmund · Ordnungsamt · Friedensplatz 1 · 44135 Dortmund), es sind noch keine eigenen gespeichert. Bitte prüfen und in der App unter Einstellungen eintragen, bevor Sie den Brief versenden.\n',
    );
    const lines = invitation.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Geschrieben: .*Einladung\.docx \(\d+ KB\)$/);
    expect(lines[1]).toBe('Einladung mit Tagesordnung: VollV, 3. Sitzung am 12.03.2026');
    expect(await docxText('Einladung.docx')).toContain('Einladung zur 3. Sitzung der Vollversammlung Masterplan Kommunale Sicherheit');

    const minutes = await exportSession('meeting-3', 'niederschrift', 'Niederschrift.docx');
    expect(minutes.code).toBe(0);
    const text = await docxText('Niederschrift.docx');
    expect(text).toContain('Niederschrift über die 3. Sitzung');
    expect(text).toContain('Polizeipräsidium Dortmund');
    expect(await files()).toEqual(['Einladung.docx', 'Niederschrift.docx', 'register.json']);
    expect(await fs.readFile(path.join(dir.path, 'register.json'), 'utf8')).toBe(registerText);
  });

  it('the Einladung carries the "Absender für Briefe" saved in the app’s settings, and says so on stderr', async () => {
    settingsPath = path.join(dir.path, 'einstellungen.json');
    await fs.writeFile(
      settingsPath,
      JSON.stringify({
        letterSender: {
          organisation: 'Stadt Musterstadt',
          office: 'Bürgeramt',
          unit: 'Geschäftsstelle Sicherheitsbeirat',
          street: 'Marktplatz 3',
          postalCode: '12345',
          town: 'Musterstadt',
          contactName: 'Jana Sachbearbeiterin',
          phone: '01234 56-789',
          email: 'sicherheit@musterstadt.example',
          reference: '32/SB',
          example: false,
        },
      }),
    );
    const args = ['export', 'session', '--store', 'register.json', '--id', 'meeting-3', '--kind', 'einladung'];
    const own = await run(...args, '--out', 'Eigen.docx');
    expect(own.code).toBe(0);
    expect(own.err).toBe(
      'Absender für Briefe aus den Einstellungen: Stadt Musterstadt · Bürgeramt · Marktplatz 3 · 12345 Musterstadt (Ansprechpartner/in: Jana Sachbearbeiterin)\n',
    );
    const text = await docxText('Eigen.docx');
    for (const part of [
      'Stadt Musterstadt',
      'Geschäftsstelle Sicherheitsbeirat',
      'Marktplatz 3',
      'Jana Sachbearbeiterin',
      'sicherheit@musterstadt.example',
      '32/SB',
    ])
      expect(text).toContain(part);
    expect(text).not.toContain('Friedensplatz');
    // The Niederschrift is no letter: no sender, nothing on stderr.
    const minutes = await run(
      'export',
      'session',
      '--store',
      'register.json',
      '--id',
      'meeting-3',
      '--kind',
      'niederschrift',
      '--out',
      'N.docx',
    );
    expect(minutes).toMatchObject({ code: 0, err: '' });
    // A damaged settings file: the example sender, said so, and the file left as it is.
    await fs.writeFile(settingsPath, '{kaputt');
    const damaged = await run(...args, '--out', 'Beispiel.docx');
    expect(damaged.code).toBe(0);
    expect(damaged.err).toContain('Absender für Briefe: Beispielangaben (Stadt Dortmund');
    expect(await docxText('Beispiel.docx')).toContain('Friedensplatz 1');
    expect(await fs.readFile(settingsPath, 'utf8')).toBe('{kaputt');
  });

  it('refuses the Niederschrift of a session not yet held (exit 1); --part picks the non-public part', async () => {
    const doc = participationRegister();
    doc.meetings = doc.meetings.map((m) => (m.id === 'meeting-3' ? { ...m, state: 'eingeladen' } : m));
    await fs.writeFile(registerFile(), JSON.stringify(doc));
    const refused = await exportSession('meeting-3', 'niederschrift', 'N.docx');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Die Sitzung am 12.03.2026 hat noch nicht stattgefunden (Stand „eingeladen“).');
    expect(await files()).toEqual(['register.json']);

    await fs.writeFile(registerFile(), registerText);
    const part = await exportSession('meeting-3', 'niederschrift', 'N.docx', '--part', 'nichtoeffentlich');
    expect(part.code).toBe(0);
    expect(await docxText('N.docx')).toContain('TOP 6 Personalangelegenheiten');
    expect((await exportSession('meeting-3', 'einladung', 'E.docx', '--part', 'nichtoeffentlich')).code).toBe(2);
  });

  it('a wrong --kind is a wrong call (exit 2) and writes nothing', async () => {
    const result = await exportSession('meeting-3', 'protokoll', 'x.docx');
    expect(result.code).toBe(2);
    expect(result.err).toContain('Unbekannte Art „protokoll“. Möglich: einladung, niederschrift.');
    expect(result.err).toContain('masterplan --help');
    expect(await files()).toEqual(['register.json']);
  });

  it('an unknown --id is refused (exit 1), naming the sessions there are', async () => {
    const result = await exportSession('sitzung-99', 'einladung', 'x.docx');
    expect(result.code).toBe(1);
    expect(result.err).toContain('Es wurde nichts geschrieben. Es gibt keine Sitzung mit der Kennung „sitzung-99“.');
    expect(result.err).toContain(
      'Vorhandene Sitzungen: meeting-4 (VollV, 4. Sitzung, 18.06.2026), meeting-3 (VollV, 3. Sitzung, 12.03.2026)',
    );
    expect(await files()).toEqual(['register.json']);
  });

  it('a missing --kind or a wrong extension is a wrong call', async () => {
    expect((await run('export', 'session', '--store', 'register.json', '--id', 'meeting-3', '--out', 'x.docx')).code).toBe(2);
    const wrong = await run('export', 'session', '--store', 'register.json', '--id', 'meeting-3', '--kind', 'einladung', '--out', 'x.pdf');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('muss auf .docx enden');
  });

  it('never overwrites an existing file without --force', async () => {
    await fs.writeFile(path.join(dir.path, 'Einladung.docx'), 'alt');
    const refused = await exportSession('meeting-3', 'einladung', 'Einladung.docx');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Zum Überschreiben bitte --force angeben.');
    expect(await fs.readFile(path.join(dir.path, 'Einladung.docx'), 'utf8')).toBe('alt');
    const forced = await exportSession('meeting-3', 'einladung', 'Einladung.docx', '--force');
    expect(forced.code).toBe(0);
    expect(await docxText('Einladung.docx')).toContain('Tagesordnung');
  });

  it('explains itself in German', async () => {
    const help = await run('export', 'session', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain(
      'masterplan export session --store DATEI --id KENNUNG --kind einladung|niederschrift [--part oeffentlich|nichtoeffentlich] --out DATEI.docx [--force]',
    );
    expect(help.out).toContain('Kennung der Sitzung');
    const overall = await run('--help');
    expect(overall.out).toContain('masterplan export proposals --store DATEI [--mit-personenbezug] --out DATEI.xlsx [--force]');
    expect(overall.out).toContain('masterplan export tracking --store DATEI [--halbjahr JJJJ-H] --out DATEI.xlsx [--force]');
  });
});

describe('export proposals', () => {
  it('writes the workbook without contacts', async () => {
    const result = await run('export', 'proposals', '--store', 'register.json', '--out', 'Anregungen.xlsx');
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toMatch(
      /^Geschrieben: .*Anregungen\.xlsx \(\d+ KB\)\nInhalt: 5 Anregungen \(ohne Papierkorb\), 2 Quartierslabore\.\n$/,
    );
    const csv = await sheetCsv('Anregungen.xlsx', 'Anregungen');
    expect(csv).toContain('A-2026-003');
    expect(csv).not.toContain('Erika Mustermann');
    expect(await fs.readFile(path.join(dir.path, 'register.json'), 'utf8')).toBe(registerText);
  });

  it('adds the contacts with --mit-personenbezug, warns on stderr and records the choice in the audit trail', async () => {
    const before = participationRegister();
    const result = await run('export', 'proposals', '--store', 'register.json', '--mit-personenbezug', '--out', 'Anregungen.xlsx');
    expect(result.code).toBe(0);
    expect(result.err).toContain('Hinweis: Die Datei enthält personenbezogene Daten');
    expect(result.out.trimEnd().split('\n').slice(1)).toEqual([
      'Inhalt: 5 Anregungen (ohne Papierkorb), 2 Quartierslabore.',
      'Im Änderungsprotokoll des Registers vermerkt: Export mit personenbezogenen Daten („Anregungen.xlsx“).',
    ]);
    const csv = await sheetCsv('Anregungen.xlsx', 'Anregungen');
    expect(csv).toContain('Erika Mustermann');
    expect(csv).toContain('erika@example.org');

    const stored = await storedRegister();
    expect(stored.audit).toHaveLength(before.audit.length + 1);
    const entry = stored.audit.at(-1)!;
    expect(entry).toMatchObject({
      user: 'Jonas Beispiel',
      entityType: 'register',
      entityId: before.registerId,
      action: 'export',
      changes: [{ field: 'personalDataExport', old: null, new: 'Anregungen.xlsx' }],
    });
    for (const personal of [dir.path, 'Erika Mustermann', 'erika@example.org']) expect(JSON.stringify(entry)).not.toContain(personal);
    // Only the entry was added; the rest of the register is as before.
    expect({ ...stored, audit: before.audit, revision: undefined }).toEqual(before);
    // The journal beside the register is the multi-user store's (docs/multi-user.md).
    expect(await files()).toEqual(['Anregungen.xlsx', 'register.json', 'register.json.journal']);
  });

  it('--mit-personenbezug is refused while the app holds the register (exit 1); no file is written', async () => {
    const appLock = new RegisterLock(lockPathFor(registerFile()), currentIdentity('Petra Schulte'));
    expect(await appLock.acquire()).toEqual({ held: true });
    try {
      const result = await run('export', 'proposals', '--store', 'register.json', '--mit-personenbezug', '--out', 'Anregungen.xlsx');
      expect(result.code).toBe(1);
      expect(result.out).toBe('');
      expect(result.err).toMatch(/^Es wurde nichts geschrieben\. Das Register ist geöffnet von Petra Schulte auf /);
      expect(await files()).toEqual(['register.json', 'register.json.lock']);
      // The lock is still the app's.
      expect(await appLock.beat()).toBe(true);
    } finally {
      await appLock.release();
    }
    expect(await fs.readFile(registerFile(), 'utf8')).toBe(registerText);
  });

  it('--mit-personenbezug: if the audit entry cannot be written, the file is removed again (exit 1)', async () => {
    vi.spyOn(RegisterStore.prototype, 'commit').mockRejectedValueOnce(new WriteFailedError('Zugriff verweigert.'));
    const result = await run('export', 'proposals', '--store', 'register.json', '--mit-personenbezug', '--out', 'Anregungen.xlsx');
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'Der Export mit personenbezogenen Daten konnte nicht im Änderungsprotokoll des Registers vermerkt werden. Zugriff verweigert.',
    );
    expect(result.err).toContain(`Die Datei wurde deshalb wieder gelöscht: ${path.join(dir.path, 'Anregungen.xlsx')}`);
    expect(await files()).toEqual(['register.json']);
    expect(await fs.readFile(registerFile(), 'utf8')).toBe(registerText);
  });

  it('explains in its help that --mit-personenbezug is recorded', async () => {
    const help = await run('export', 'proposals', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('wird im Änderungsprotokoll des Registers vermerkt');
  });

  it('refuses a damaged register (exit 1) and writes nothing', async () => {
    await fs.writeFile(path.join(dir.path, 'register.json'), '{"schemaVersion": 5, "measures": [');
    const result = await run('export', 'proposals', '--store', 'register.json', '--out', 'Anregungen.xlsx');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/beschädigt|unvollständig/);
    expect(await files()).toEqual(['register.json']);
  });
});

describe('export tracking', () => {
  it('writes every decision without --halbjahr, one half-year with it', async () => {
    const all = await run('export', 'tracking', '--store', 'register.json', '--out', 'Beschluesse.xlsx');
    expect(all.code).toBe(0);
    expect(all.out.trimEnd().split('\n').slice(1)).toEqual([
      'Zeitraum: alle Beschlüsse (ein Halbjahr mit --halbjahr 2026-1)',
      'Inhalt: 3 Beschlüsse, davon 1 überfällig.',
    ]);

    const half = await run('export', 'tracking', '--store', 'register.json', '--halbjahr', '2026-1', '--out', 'Halbjahr.xlsx');
    expect(half.code).toBe(0);
    expect(half.out.trimEnd().split('\n').slice(1)).toEqual(['Zeitraum: 1. Halbjahr 2026', 'Inhalt: 2 Beschlüsse, davon 1 überfällig.']);
    const csv = await sheetCsv('Halbjahr.xlsx', 'Beschlussverfolgung');
    expect(csv).toContain('Beschlussverfolgung Masterplan Kommunale Sicherheit – 1. Halbjahr 2026');
    expect(csv).toContain('10001-26');
    expect(csv).not.toContain('10003-26');
  });

  it('a malformed --halbjahr is a wrong call (exit 2) and writes nothing', async () => {
    const result = await run('export', 'tracking', '--store', 'register.json', '--halbjahr', '2026-3', '--out', 'x.xlsx');
    expect(result.code).toBe(2);
    expect(result.err).toContain('„2026-3“ ist kein Halbjahr. Bitte in der Form 2026-1 oder 2026-2 angeben.');
    expect(await files()).toEqual(['register.json']);
  });
});
