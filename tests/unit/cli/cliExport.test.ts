/**
 * `masterplan list submissions` and `masterplan export submission`, in-process through main() on real
 * files in a temp folder: exit codes, German messages, refusals that write nothing.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '@cli/index';
import type { RegisterDocument } from '@shared/register/register';
import { emptySubmissionFields } from '@shared/submissions/submissionTemplates';
import { STAMP } from '@tests/fixtures/documents';
import { useTempDir } from '@tests/unit/helpers/tempDir';
import { readDocx, visibleText } from '@tests/unit/helpers/docxParts';
import { GENERATED_AT, sampleRegister, templateSubmission, toSubmission } from '@tests/unit/main/submissions/submissionFixtures';
import { exportViolations } from '@tests/unit/main/submissions/oparlSchema';

const dir = useTempDir('mpr-cli-export-');
let store = '';

/** The sample register with two complete submissions, an incomplete draft and one in the Papierkorb. */
function registerWithSubmissions(): RegisterDocument {
  const register = sampleRegister();
  const bericht = templateSubmission('sachstandsbericht', register);
  const fortschreibung = { ...templateSubmission('fortschreibung', register), printNumberBase: '26093-22', printNumberSuffix: null };
  const entwurf = toSubmission(
    { ...emptySubmissionFields(), subject: 'Neue Vorlage zur Beleuchtung', leadOrgUnitId: 'ou-fb32' },
    { id: 'vorlage-entwurf', updatedAt: '2025-02-01T08:00:00.000Z' },
  );
  const geloescht = {
    ...templateSubmission('evaluationsbericht', register),
    id: 'vorlage-geloescht',
    printNumberBase: '11111-24',
    deletedAt: STAMP,
  };
  register.submissions = [entwurf, fortschreibung, geloescht, bericht];
  // The sample's sessions and recommendations name the sample's own submissions, replaced here: without
  // these links the register stays consistent (the CLI warns about links to nothing).
  register.meetings = register.meetings.map((m) => ({ ...m, agenda: m.agenda.map((a) => ({ ...a, submissionIds: [] })) }));
  register.recommendations = register.recommendations.map((r) => ({ ...r, submissionId: null }));
  return register;
}

beforeEach(async () => {
  settingsPath = path.join(os.tmpdir(), `mpr-cli-settings-${process.pid}-nicht-da.json`);
  store = path.join(dir.path, 'register.json');
  await fs.writeFile(store, JSON.stringify(registerWithSubmissions()));
});

/** The app's per-user settings file the CLI reads (never the real one of the machine running the tests). */
let settingsPath = '';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } };
  const code = await main(argv, io, { cwd: dir.path, now: () => GENERATED_AT, newId: () => 'id', settingsPath });
  return { code, out, err };
}

const exists = (file: string) =>
  fs.access(path.join(dir.path, file)).then(
    () => true,
    () => false,
  );

describe('list submissions', () => {
  it('--json lists the submissions outside the Papierkorb, numbered ones first', async () => {
    const result = await run('list', 'submissions', '--store', 'register.json', '--json');
    expect(result.code).toBe(0);
    const list = JSON.parse(result.out) as {
      id: string;
      printNumber: string;
      kindLabel: string;
      statusLabel: string;
      linkedMeasures: number;
    }[];
    expect(list.map((s) => s.printNumber)).toEqual(['12534-18-E1', '26093-22', '']);
    expect(list[0]).toMatchObject({
      id: 'vorlage-sachstandsbericht',
      kindLabel: 'Mitteilung / Kenntnisnahme',
      statusLabel: 'freigegeben',
      linkedMeasures: 5,
    });
    expect(list.map((s) => s.id)).not.toContain('vorlage-geloescht');
  });

  it('prints an aligned German table', async () => {
    const result = await run('list', 'submissions', '--store', 'register.json');
    expect(result.code).toBe(0);
    const lines = result.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Drucksache-Nr\.\s+Datum\s+Vorlagenart\s+Betreff\s+Status\s+Öffentlichkeit\s+Maßnahmen$/);
    expect(lines[2]).toMatch(
      /^12534-18-E1\s+20\.02\.2025\s+Mitteilung \/ Kenntnisnahme\s+Masterplan Kommunale Sicherheit – Sachstandsbericht\s+freigegeben\s+öffentlich\s+5$/,
    );
    expect(lines[4]).toMatch(/^ohne Nummer \(Entwurf\)\s+Beschlussvorlage\s+Neue Vorlage zur Beleuchtung/);
    expect(lines.at(-1)).toBe('3 Vorlagen (ohne Papierkorb)');
  });

  it('says so when there are none', async () => {
    await fs.writeFile(store, JSON.stringify({ ...sampleRegister(), submissions: [], submissionRevisions: [] }));
    const result = await run('list', 'submissions', '--store', 'register.json');
    expect(result).toMatchObject({ code: 0, out: 'Das Register enthält keine Vorlagen (ohne Papierkorb).\n' });
  });
});

describe('export submission', () => {
  it('--number writes a Word document', async () => {
    const result = await run('export', 'submission', '--store', 'register.json', '--number', '12534-18-E1', '--out', 'Bericht.docx');
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/^Geschrieben: .*Bericht\.docx \(\d+ KB\)\n$/);
    const docx = await readDocx(await fs.readFile(path.join(dir.path, 'Bericht.docx')));
    const header = visibleText(docx.parts(/^word\/header\d*\.xml$/).join(''));
    expect(header).toContain('Drucksache Nr.: 12534-18-E1');
    expect(header).not.toContain('ENTWURF');
    expect(docx.part('docProps/core.xml')).toContain('<dc:title>Masterplan Kommunale Sicherheit – Sachstandsbericht</dc:title>');
    expect(await fs.readdir(dir.path)).toEqual(['Bericht.docx', 'register.json']);
  });

  it('--id with --format oparl writes the JSON and the Word file it describes', async () => {
    // Without --base-url: a wrong call.
    expect(
      (
        await run(
          'export',
          'submission',
          '--store',
          'register.json',
          '--id',
          'vorlage-fortschreibung',
          '--format',
          'oparl',
          '--out',
          'ds/26093-22.json',
        )
      ).code,
    ).toBe(2);
    // The Fortschreibung's Anlage lies in the register's Anlagen folder; it is written beside the JSON.
    await fs.mkdir(path.join(dir.path, 'register-Anlagen'), { recursive: true });
    await fs.writeFile(path.join(dir.path, 'register-Anlagen', `${'b'.repeat(64)}.pdf`), '%PDF-1.4 Fassung');
    const result = await run(
      'export',
      'submission',
      '--store',
      'register.json',
      '--id',
      'vorlage-fortschreibung',
      '--format',
      'oparl',
      '--out',
      'ds/26093-22.json',
      '--base-url',
      'https://ratsinfo.example.de/oparl',
    );
    expect(result.code).toBe(0);
    expect(result.out.trim().split('\n')).toHaveLength(3);
    expect(await fs.readFile(path.join(dir.path, 'ds', 'Masterplan_2.0.pdf'), 'utf8')).toBe('%PDF-1.4 Fassung');
    const docx = await fs.readFile(path.join(dir.path, 'ds', '26093-22.docx'));
    const oparl = JSON.parse(await fs.readFile(path.join(dir.path, 'ds', '26093-22.json'), 'utf8')) as {
      paper: { type: string; reference: string; mainFile: { fileName: string; size: number; 'dortmund:sha256Checksum': string } };
    };
    expect(oparl.paper.type).toBe('https://schema.oparl.org/1.1/Paper');
    expect(oparl.paper.reference).toBe('26093-22');
    expect(oparl.paper.mainFile).toMatchObject({
      fileName: '26093-22.docx',
      size: docx.length,
      accessUrl: 'https://ratsinfo.example.de/oparl/26093-22.docx',
      sha512Checksum: createHash('sha512').update(docx).digest('hex'),
      'dortmund:sha256Checksum': createHash('sha256').update(docx).digest('hex'),
    });
    // What the CLI wrote is valid OParl 1.1 (the official schemas).
    expect(exportViolations(oparl as never)).toEqual([]);
    expect(
      (oparl as unknown as { paper: { auxiliaryFile: { accessUrl: string; sha512Checksum: string }[] } }).paper.auxiliaryFile[0],
    ).toMatchObject({
      accessUrl: 'https://ratsinfo.example.de/oparl/Masterplan_2.0.pdf',
      sha512Checksum: createHash('sha512').update('%PDF-1.4 Fassung').digest('hex'),
    });
  });

  it('without --base-url the OParl-Basisadresse of the app settings is used (and named); --base-url wins over it', async () => {
    const args = ['export', 'submission', '--store', 'register.json', '--id', 'vorlage-sachstandsbericht', '--format', 'oparl'];
    const missing = await run(...args, '--out', 'a.json');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('in der App unter Einstellungen eintragen');
    const settingsDir = path.join(dir.path, 'Benutzer');
    await fs.mkdir(settingsDir);
    settingsPath = path.join(settingsDir, 'einstellungen.json');
    await fs.writeFile(settingsPath, JSON.stringify({ oparlBaseUrl: 'https://einstellungen.example.de/oparl' }));
    const fromSettings = await run(...args, '--out', 'b.json');
    expect(fromSettings).toMatchObject({
      code: 0,
      err: 'OParl-Basisadresse aus den Einstellungen: https://einstellungen.example.de/oparl\n',
    });
    const b = JSON.parse(await fs.readFile(path.join(dir.path, 'b.json'), 'utf8')) as { paper: { id: string } };
    expect(b.paper.id.startsWith('https://einstellungen.example.de/oparl/')).toBe(true);
    const explicit = await run(...args, '--out', 'c.json', '--base-url', 'https://option.example.de/oparl');
    expect(explicit).toMatchObject({ code: 0, err: '' });
    const c = JSON.parse(await fs.readFile(path.join(dir.path, 'c.json'), 'utf8')) as { paper: { id: string } };
    expect(c.paper.id.startsWith('https://option.example.de/oparl/')).toBe(true);
    // A damaged settings file is read as defaults (and left as it is: the CLI never writes the app's settings).
    await fs.writeFile(settingsPath, '{kaputt');
    expect((await run(...args, '--out', 'd.json')).code).toBe(2);
    expect(await fs.readFile(settingsPath, 'utf8')).toBe('{kaputt');
  });

  it('refuses OParl of a non-public Vorlage unless --include-unpublished', async () => {
    const doc = JSON.parse(await fs.readFile(store, 'utf8')) as RegisterDocument;
    doc.submissions = doc.submissions.map((s) => (s.id === 'vorlage-sachstandsbericht' ? { ...s, isPublic: false } : s));
    await fs.writeFile(store, JSON.stringify(doc));
    const args = [
      'export',
      'submission',
      '--store',
      'register.json',
      '--id',
      'vorlage-sachstandsbericht',
      '--format',
      'oparl',
      '--out',
      'np.json',
      '--base-url',
      'https://x.example.de/oparl',
    ];
    const refused = await run(...args);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('OParl dient der Veröffentlichung.');
    expect(await exists('np.json')).toBe(false);
    expect((await run(...args, '--include-unpublished')).code).toBe(0);
  });

  it('refuses an incomplete submission, listing what is missing, and writes nothing', async () => {
    const result = await run('export', 'submission', '--store', 'register.json', '--id', 'vorlage-entwurf', '--out', 'Entwurf.docx');
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain('Es wurde nichts geschrieben. Die Vorlage ist noch nicht vollständig (7 Punkte offen):');
    expect(result.err).toContain(
      '  - Die Vorlage ist noch nicht freigegeben (Status „Entwurf“). Sie kann nur als Entwurf ausgegeben werden.',
    );
    expect(result.err).toContain('  - Das Datum der Vorlage fehlt.');
    expect(result.err).toContain('  - Eine Beschlussvorlage braucht einen Beschlussvorschlag.');
    expect(result.err).toContain('  - Die Beratungsfolge ist leer.');
    expect(result.err).toContain('Mit --draft wird sie trotzdem exportiert');
    expect(await exists('Entwurf.docx')).toBe(false);
  });

  it('--draft exports it anyway, marked ENTWURF in the header', async () => {
    const result = await run(
      'export',
      'submission',
      '--store',
      'register.json',
      '--id',
      'vorlage-entwurf',
      '--out',
      'Entwurf.docx',
      '--draft',
    );
    expect(result.code).toBe(0);
    expect(result.err).toBe('Hinweis: als ENTWURF exportiert; 7 Punkte sind noch offen.\n');
    const docx = await readDocx(await fs.readFile(path.join(dir.path, 'Entwurf.docx')));
    expect(visibleText(docx.parts(/^word\/header\d*\.xml$/).join(''))).toBe('Drucksache Nr.: (Entwurf)ENTWURF');
  });

  it('derives the extension from --format; a mismatching --out is a usage error and writes nothing', async () => {
    const mismatch = await run(
      'export',
      'submission',
      '--store',
      'register.json',
      '--number',
      '26093-22',
      '--format',
      'oparl',
      '--out',
      'X.docx',
    );
    expect(mismatch.code).toBe(2);
    expect(mismatch.err).toContain('„X.docx“ passt nicht zum Format: erwartet wird eine Datei mit der Endung .json');
    expect(await exists('X.docx')).toBe(false);
    expect((await run('export', 'submission', '--store', 'register.json', '--number', '26093-22', '--out', 'Y.json')).code).toBe(2);
    const bare = await run('export', 'submission', '--store', 'register.json', '--number', '26093-22', '--out', 'Vorlage');
    expect(bare.code).toBe(0);
    expect(await exists('Vorlage.docx')).toBe(true);
  });

  it('refuses a Vorlage that is not released unless --draft, and then marks every page ENTWURF', async () => {
    const doc = JSON.parse(await fs.readFile(store, 'utf8')) as RegisterDocument;
    doc.submissions = doc.submissions.map((s) => (s.id === 'vorlage-fortschreibung' ? { ...s, status: 'mitzeichnung' } : s));
    await fs.writeFile(store, JSON.stringify(doc));
    const refused = await run('export', 'submission', '--store', 'register.json', '--number', '26093-22', '--out', 'M.docx');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Die Vorlage ist noch nicht freigegeben (Status „in Mitzeichnung“)');
    expect(await exists('M.docx')).toBe(false);
    const draft = await run('export', 'submission', '--store', 'register.json', '--number', '26093-22', '--out', 'M.docx', '--draft');
    expect(draft.code).toBe(0);
    const docx = await readDocx(await fs.readFile(path.join(dir.path, 'M.docx')));
    expect(visibleText(docx.parts(/^word\/header\d*\.xml$/).join(''))).toBe('Drucksache Nr.: 26093-22ENTWURF');
  });

  it('never overwrites an existing file without --force (nor half of an OParl pair)', async () => {
    const target = path.join(dir.path, 'da.docx');
    await fs.writeFile(target, 'vorher');
    const refused = await run('export', 'submission', '--store', 'register.json', '--number', '26093-22', '--out', 'da.docx');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Es wurde nichts geschrieben. Die Datei gibt es bereits:');
    expect(refused.err).toContain('--force');
    expect(await fs.readFile(target, 'utf8')).toBe('vorher');

    // The JSON's Word file exists: neither file is written.
    const pair = await run(
      'export',
      'submission',
      '--store',
      'register.json',
      '--number',
      '26093-22',
      '--format',
      'oparl',
      '--out',
      'da.json',
      '--base-url',
      'https://ratsinfo.example.de/oparl',
    );
    expect(pair.code).toBe(1);
    expect(await exists('da.json')).toBe(false);
    expect(await fs.readFile(target, 'utf8')).toBe('vorher');

    const forced = await run('export', 'submission', '--store', 'register.json', '--number', '26093-22', '--out', 'da.docx', '--force');
    expect(forced.code).toBe(0);
    expect((await fs.readFile(target)).subarray(0, 2).toString()).toBe('PK');
  });

  it('reports unknown and deleted submissions with exit code 1', async () => {
    const unknown = await run('export', 'submission', '--store', 'register.json', '--number', '99999-25', '--out', 'x.docx');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('Es gibt keine Vorlage mit der Drucksache-Nr. 99999-25.');
    const deleted = await run('export', 'submission', '--store', 'register.json', '--id', 'vorlage-geloescht', '--out', 'x.docx');
    expect(deleted.code).toBe(1);
    expect(deleted.err).toContain('liegt im Papierkorb');
    expect(await exists('x.docx')).toBe(false);
  });

  it.each([
    [['--out', 'x.docx'], 'genau eine der Optionen --id oder --number'],
    [['--id', 'a', '--number', '12534-18', '--out', 'x.docx'], 'genau eine der Optionen --id oder --number'],
    [['--number', '1234-18', '--out', 'x.docx'], '„1234-18“ ist keine Drucksache-Nr.'],
    [['--number', '12534-18', '--out', 'x.docx', '--format', 'pdf'], 'Unbekanntes Format „pdf“'],
    [['--number', '12534-18'], 'Die Option --out DATEI fehlt.'],
  ])('usage error %j → exit 2', async (args, message) => {
    const result = await run('export', 'submission', '--store', 'register.json', ...args);
    expect(result.code).toBe(2);
    expect(result.err).toContain(message);
    expect(await exists('x.docx')).toBe(false);
  });

  it('appears in the help', async () => {
    const result = await run('--help');
    expect(result.out).toContain('masterplan list submissions --store DATEI [--json]');
    expect(result.out).toContain(
      'masterplan export submission --store DATEI [--id KENNUNG] [--number NNNNN-JJ[-E1]] --out DATEI [--format docx|oparl] [--draft] [--base-url URL] [--include-unpublished] [--force]',
    );
  });
});
