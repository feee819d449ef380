/**
 * The `masterplan` command line, called in-process through main() with captured output, on real files in
 * a temp folder. One test starts the real shim as a child process to prove it runs without a build.
 */
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '@cli/index';
import { decodeRegister } from '@main/store/decode';
import type { BudgetLine } from '@shared/register/measure';
import type { RegisterDocument } from '@shared/register/register';
import { localDay } from '@shared/core/calendar';
import { isOverdue } from '@shared/participation/trackingReport';
import { formatMoney } from '@shared/core/format';
import { loadV1, makeMeasure, makeRegister, STAMP } from '../../fixtures/documents';
import { useTempDir } from '@tests/unit/helpers/tempDir';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const NOW = new Date('2025-03-04T10:00:00.000Z');

const dir = useTempDir('mpr-cli-');
let ids = 0;

function budget(plannedCents: number | null, approvedCents: number | null, spentCents: number | null, year = 2024): BudgetLine {
  return { year, plannedCents, approvedCents, spentCents, fundingSource: 'haushalt', budgetPosition: '' };
}

/** Two active measures and one in the Papierkorb (whose figures must not count). */
function testRegister(): RegisterDocument {
  return makeRegister(0, {
    measures: [
      makeMeasure(2, {
        number: 'HF2-01',
        title: 'Streetwork Nordstadt',
        actionFieldId: 'hf2',
        status: 'beschlossen',
        districts: ['IN'],
        budget: [budget(null, null, null)],
      }),
      makeMeasure(1, {
        status: 'in_umsetzung',
        leadOrgUnitId: 'ou-32',
        districts: ['IN', 'IW'],
        plannedStart: '2024-01-01',
        plannedEnd: '2025-12-31',
        budget: [budget(100_000, 50_000, 1_234, 2024), budget(2_050, null, null, 2025)],
      }),
      makeMeasure(3, { status: 'in_umsetzung', districts: ['HÖ'], deletedAt: STAMP, budget: [budget(999_900, 999_900, 999_900)] }),
    ],
  });
}

/** A small stand-in for resources/sample-register.json, so the tests do not depend on its content. */
function sampleRegister(): RegisterDocument {
  return makeRegister(4, { registerId: 'sample-id', name: 'Beispielregister', isSample: true });
}

async function writeJson(name: string, value: unknown): Promise<string> {
  const file = path.join(dir.path, name);
  await fs.writeFile(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
}

let samplePath = '';
beforeEach(async () => {
  ids = 0;
  samplePath = await writeJson('sample-register.json', sampleRegister());
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } };
  const code = await main(argv, io, { cwd: dir.path, samplePath, now: () => NOW, newId: () => `new-id-${++ids}` });
  return { code, out, err };
}

async function readDoc(file: string): Promise<RegisterDocument> {
  return decodeRegister(await fs.readFile(file, 'utf8')).doc;
}

describe('init', () => {
  it('creates an empty, valid register with the offices of the sample register', async () => {
    const result = await run('init', '--store', 'neu/register.json');
    expect(result).toMatchObject({ code: 0, err: '' });
    const file = path.join(dir.path, 'neu', 'register.json');
    expect(result.out).toContain(`Register angelegt: ${file}`);
    const doc = await readDoc(file);
    expect(doc).toMatchObject({ registerId: 'new-id-1', isSample: false, createdAt: NOW.toISOString(), measures: [] });
    expect(doc.actionFields.map((f) => f.code)).toEqual(['HF1', 'HF2', 'HF3']);
    expect(doc.orgUnits).toEqual(sampleRegister().orgUnits);
    expect((await run('validate', '--store', file)).code).toBe(0);
    // Nothing left over from the durable write.
    expect(await fs.readdir(path.dirname(file))).toEqual(['register.json']);
  });

  it('refuses to overwrite an existing file and leaves it untouched', async () => {
    const file = await writeJson('vorhanden.json', testRegister());
    const before = await fs.readFile(file, 'utf8');
    const result = await run('init', '--store', file);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain('bereits eine Datei');
    expect(await fs.readFile(file, 'utf8')).toBe(before);

    // A second init on a file made by init is refused as well.
    expect((await run('init', '--store', 'zwei.json')).code).toBe(0);
    const made = await fs.readFile(path.join(dir.path, 'zwei.json'), 'utf8');
    expect((await run('init', '--store', 'zwei.json', '--sample')).code).toBe(1);
    expect(await fs.readFile(path.join(dir.path, 'zwei.json'), 'utf8')).toBe(made);
  });

  it('--sample copies the sample register with a fresh registerId', async () => {
    const result = await run('init', '--store', 'beispiel.json', '--sample');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Beispieldaten mit 4 Maßnahmen');
    const doc = await readDoc(path.join(dir.path, 'beispiel.json'));
    const sample = sampleRegister();
    expect(doc.registerId).toBe('new-id-1');
    expect(doc.registerId).not.toBe(sample.registerId);
    expect(doc).toMatchObject({ isSample: true, name: sample.name, createdAt: NOW.toISOString() });
    expect(doc.measures).toEqual(sample.measures);
  });

  it('--sample without a readable sample register creates nothing', async () => {
    samplePath = path.join(dir.path, 'fehlt.json');
    const result = await run('init', '--store', 'beispiel.json', '--sample');
    expect(result.code).toBe(1);
    expect(result.err).toContain('Beispieldaten');
    await expect(fs.stat(path.join(dir.path, 'beispiel.json'))).rejects.toThrow();
  });
});

describe('validate', () => {
  it('reports a valid register with its measure count', async () => {
    const file = await writeJson('register.json', testRegister());
    const result = await run('validate', '--store', file);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain('Register ist gültig: 3 Maßnahmen (davon 1 im Papierkorb)');
  });

  it('reports a damaged file with exit code 1 and no stack trace', async () => {
    const file = await writeJson('kaputt.json', '{"schemaVersion": 2, "registerId": "x",\n  "name": ');
    const result = await run('validate', '--store', file);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain('Register ist nicht gültig');
    expect(result.err).toContain('beschädigt');
    expect(result.err).not.toMatch(/\n\s+at /);
  });

  it('reports a file from a newer program version', async () => {
    const file = await writeJson('neu.json', { ...testRegister(), schemaVersion: 99 });
    const result = await run('validate', '--store', file);
    expect(result.code).toBe(1);
    expect(result.err).toContain('neueren Programmversion');
    expect(result.err).toContain('Format 99');
  });

  it('reports schema problems in German', async () => {
    const doc = testRegister();
    doc.measures[0]!.title = '';
    const file = await writeJson('ungueltig.json', doc);
    const result = await run('validate', '--store', file);
    expect(result.code).toBe(1);
    expect(result.err).toContain('Bitte einen Titel eingeben.');
  });

  it('lists integrity problems', async () => {
    const doc = testRegister();
    doc.measures[0]!.status = 'gibt_es_nicht';
    doc.measures[1]!.leadOrgUnitId = 'ou-fehlt';
    const file = await writeJson('unstimmig.json', doc);
    const result = await run('validate', '--store', file);
    expect(result.code).toBe(1);
    expect(result.err).toContain('2 Unstimmigkeiten');
    expect(result.err).toContain('HF2-01: Dieser Status ist nicht in der Statusliste.');
    expect(result.err).toContain('HF1-01: Diese Organisationseinheit ist nicht (mehr) in der Liste.');
  });

  it('accepts an older format without converting or backing it up', async () => {
    const file = await writeJson('alt.json', loadV1());
    const before = await fs.readFile(file);
    const { mtimeMs } = await fs.stat(file);
    const result = await run('validate', '--store', file);
    expect(result.code).toBe(0);
    expect(result.out).toContain('Register ist gültig');
    expect(result.out).toContain('Dateiformat 1');
    expect(result.out).toContain('nicht verändert');
    expect(await fs.readFile(file)).toEqual(before);
    expect((await fs.stat(file)).mtimeMs).toBe(mtimeMs);
    expect((await fs.readdir(dir.path)).sort()).toEqual(['alt.json', 'sample-register.json']);
  });

  it('reports a missing file', async () => {
    const result = await run('validate', '--store', 'gibtsnicht.json');
    expect(result.code).toBe(1);
    expect(result.err).toContain('nicht gefunden');
  });
});

describe('stats', () => {
  it('--json counts active measures and sums budgets in cents', async () => {
    const file = await writeJson('register.json', testRegister());
    const result = await run('stats', '--store', file, '--json');
    expect(result).toMatchObject({ code: 0, err: '' });
    const stats = JSON.parse(result.out);
    expect(stats.register).toMatchObject({ name: 'Testregister', registerId: 'reg-test', file });
    expect(stats.measures).toEqual({ active: 2, deleted: 1, total: 3 });
    const byStatus = Object.fromEntries(stats.byStatus.map((s: { key: string; count: number }) => [s.key, s.count]));
    expect(byStatus).toMatchObject({ vorgeschlagen: 0, beschlossen: 1, in_umsetzung: 1, umgesetzt: 0 });
    expect(stats.byStatus.find((s: { key: string }) => s.key === 'in_umsetzung').label).toBe('in Umsetzung');
    expect(stats.byActionField).toEqual([
      { id: 'hf1', code: 'HF1', name: 'Öffentlicher Raum', count: 1 },
      { id: 'hf2', code: 'HF2', name: 'Prävention', count: 1 },
    ]);
    const byDistrict = Object.fromEntries(stats.byDistrict.map((d: { code: string; count: number }) => [d.code, d.count]));
    expect(byDistrict).toMatchObject({ IN: 2, IW: 1, HÖ: 0 });
    expect(stats.byDistrict).toHaveLength(12);
    expect(stats.withoutDistrict).toBe(0);
    expect(stats.budget).toEqual({ plannedCents: 102_050, approvedCents: 50_000, spentCents: 1_234 });
  });

  it('prints a German table with money formatted', async () => {
    const file = await writeJson('register.json', testRegister());
    const result = await run('stats', '--store', file);
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    expect(lines).toContain('Nach Status (ohne Papierkorb)');
    expect(result.out).toContain(formatMoney(102_050));
    expect(result.out).toContain('1.020,50');
    expect(lines.find((l) => l.includes('im Papierkorb') && !l.startsWith('Nach'))).toMatch(/^ {2}im Papierkorb +1$/);
    expect(lines.find((l) => l.includes('HF2 Prävention'))).toMatch(/ 1$/);
    // All figures end in the same column.
    const figures = lines.filter((l) => /^ {2}\S/.test(l));
    expect(new Set(figures.map((l) => l.length)).size).toBe(1);
  });

  it('counts Gremien & Beteiligung: sessions ahead, open recommendations, Anregungen per state, overdue decisions', async () => {
    const sample = JSON.parse(
      await fs.readFile(path.resolve(import.meta.dirname, '../../../resources/sample-register.json'), 'utf8'),
    ) as RegisterDocument;
    const file = await writeJson('beispiel.json', sample);
    const result = await run('stats', '--store', file, '--json');
    expect(result.code).toBe(0);
    const { participation } = JSON.parse(result.out) as {
      participation: Record<string, unknown> & { proposalsByState: { key: string; count: number }[] };
    };
    const today = localDay(NOW);
    expect(participation).toMatchObject({
      meetings: 2,
      upcomingMeetings: sample.meetings.filter((m) => m.date >= today).length,
      labs: 2,
      decisions: 5,
      openDecisions: 4,
      overdueDecisions: sample.trackedDecisions.filter((d) => isOverdue(d, today)).length,
    });
    expect(Object.fromEntries(participation.proposalsByState.map((p) => [p.key, p.count]))).toEqual({
      eingegangen: 2,
      in_pruefung: 2,
      uebernommen: 3,
      erledigt: 2,
      abgelehnt: 1,
    });
    const text = await run('stats', '--store', file);
    expect(text.out).toContain('Gremien & Beteiligung (ohne Papierkorb)');
    expect(text.out).toMatch(/Anregungen übernommen in Maßnahme\s+3/);
  });

  it('reads an older format in memory and says so on stderr', async () => {
    const file = await writeJson('alt.json', loadV1());
    const result = await run('stats', '--store', file, '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).measures.total).toBe(4);
    expect(result.err).toContain('Dateiformat 1');
  });

  it('refuses a damaged file with exit code 1', async () => {
    const file = await writeJson('kaputt.json', '{');
    const result = await run('stats', '--store', file);
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toContain('beschädigt');
  });
});

describe('list measures', () => {
  it('--json prints the active rows in number order without the search text', async () => {
    const file = await writeJson('register.json', testRegister());
    const result = await run('list', 'measures', '--store', file, '--json');
    expect(result).toMatchObject({ code: 0, err: '' });
    const rows = JSON.parse(result.out) as Record<string, unknown>[];
    expect(rows.map((r) => r.number)).toEqual(['HF1-01', 'HF2-01']);
    expect(rows[0]).toMatchObject({
      id: 'm-01',
      title: 'Maßnahme 1',
      actionFieldLabel: 'HF1 Öffentlicher Raum',
      status: 'in_umsetzung',
      statusLabel: 'in Umsetzung',
      leadLabel: 'Ordnungsamt (FB 32)',
      districts: ['IN', 'IW'],
      plannedStart: '2024-01-01',
      plannedEnd: '2025-12-31',
      budgetPlannedCents: 102_050,
      deletedAt: null,
    });
    for (const row of rows) expect(row).not.toHaveProperty('haystack');
  });

  it('prints one aligned line per active measure', async () => {
    const file = await writeJson('register.json', testRegister());
    const result = await run('list', 'measures', '--store', file);
    expect(result.code).toBe(0);
    const lines = result.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Nr\. +Titel +HF +Status +Federführung +Stadtbezirke +Zeitraum +Budget geplant$/);
    const first = lines.find((l) => l.startsWith('HF1-01'))!;
    expect(first).toContain('Maßnahme 1');
    expect(first).toContain('in Umsetzung');
    expect(first).toContain('Ordnungsamt (FB 32)');
    expect(first).toContain('Innenstadt-Nord, Innenstadt-West');
    expect(first).toContain('01.01.2024–31.12.2025');
    expect(first.endsWith(formatMoney(102_050))).toBe(true);
    expect(lines.some((l) => l.startsWith('HF2-01'))).toBe(true);
    expect(lines.some((l) => l.startsWith('HF1-03'))).toBe(false);
    expect(lines.at(-1)).toBe('2 Maßnahmen (ohne Papierkorb)');
  });
});

describe('usage', () => {
  it('--help prints German usage and exits 0', async () => {
    const result = await run('--help');
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain('Aufruf:');
    for (const command of ['init', 'validate', 'stats', 'list measures']) expect(result.out).toContain(`masterplan ${command} --store`);
  });

  it('<command> --help prints that command and exits 0', async () => {
    const result = await run('list', 'measures', '--help');
    expect(result.code).toBe(0);
    expect(result.out).toContain('masterplan list measures --store DATEI [--json]');
  });

  it('no arguments prints the usage on stderr and exits 2', async () => {
    const result = await run();
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toContain('Aufruf:');
  });

  it.each([
    [['foo'], 'Unbekannter Befehl „foo“'],
    [['list'], 'Unvollständiger Befehl „list“'],
    [['list', 'reviews', '--store', 'x.json'], 'Unbekannter Befehl „list reviews“'],
    [['stats'], 'Die Option --store DATEI fehlt'],
    [['validate', '--store'], 'Bei --store fehlt der Wert'],
    [['stats', '--store', 'x.json', '--bogus'], 'Unbekannte Option --bogus'],
    [['validate', '--store', 'x.json', '--json'], 'Unbekannte Option --json'],
    [['stats', '--store', 'x.json', 'extra'], 'Unerwartetes Argument „extra“'],
    [['stats', '--store', 'a.json', '--store', 'b.json'], 'mehrfach'],
    [['stats', '--json=ja', '--store', 'x.json'], 'erwartet keinen Wert'],
    [['--store', 'x.json', 'stats'], 'vor dem Befehl'],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const result = await run(...argv);
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toContain(message);
    expect(result.err).toContain('masterplan --help');
  });

  it('accepts --store=FILE', async () => {
    const file = await writeJson('register.json', testRegister());
    expect((await run('validate', `--store=${file}`)).code).toBe(0);
  });
});

describe('masterplan.mjs', () => {
  it('runs as a real process from the built CLI (no TypeScript loader at run time)', async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['electron/cli/masterplan.mjs', '--help'], { cwd: ROOT });
    expect(stdout).toContain('Aufruf:');
    expect(stdout).toContain('masterplan list measures');
    expect(stderr).toBe('');
  });
});
