/**
 * `masterplan import measures|values`, in-process through main() with captured output, on real files:
 * dry run, row errors (exit 1, nothing written), a real import, and the register's lock.
 */
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '@cli/index';
import { currentIdentity, lockPathFor, RegisterLock } from '@main/store/lock';
import type { RegisterDocument } from '@shared/register/register';
import { cli } from '@shared/i18n/cli';
import { de } from '@shared/i18n/de';
import { useTempDir } from '@tests/unit/helpers/tempDir';
import { importRegister, workbook, writeFile, type Cell } from '@tests/unit/main/import/helpers';

const dir = useTempDir('mpr-import-cli-');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(
    argv,
    { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } },
    { cwd: dir.path },
  );
  return { code, out, err };
}

async function register(): Promise<{ storePath: string; bytes: () => Promise<Buffer>; doc: () => Promise<RegisterDocument> }> {
  const storePath = await writeFile(dir.path, 'register.json', JSON.stringify(importRegister()));
  return {
    storePath,
    bytes: () => fs.readFile(storePath),
    doc: async () => JSON.parse(await fs.readFile(storePath, 'utf8')) as RegisterDocument,
  };
}

const MEASURES: Cell[][] = [
  ['Nr.', 'Titel', 'Handlungsfeld', 'Status', 'Beginn'],
  ['HF1-10', 'Beleuchtung Nordmarkt', 'HF1', 'in Umsetzung', '01.04.2025'],
  ['HF2-11', 'Streetwork Borsigplatz', 'HF2', '', ''],
];

describe('masterplan import', () => {
  it('--dry-run shows the mapping and the rows, writes nothing and exits 0', async () => {
    const r = await register();
    const before = await r.bytes();
    await writeFile(dir.path, 'massnahmen.xlsx', workbook({ Liste: MEASURES }));
    const result = await run('import', 'measures', '--store', 'register.json', '--from', 'massnahmen.xlsx', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.err).toBe('');
    expect(result.out).toContain(cli.import.source('massnahmen.xlsx', 'Liste', 1, 2));
    expect(result.out).toContain(cli.import.mappingLine('Nummer', '„Nr.“ (A)'));
    expect(result.out).toContain(cli.import.row(2, 'neu: HF1-10 Beleuchtung Nordmarkt'));
    expect(result.out).toContain(cli.import.measuresSummary(2));
    expect(result.out).toContain(cli.import.dryRun);
    expect(await r.bytes()).toEqual(before);
    expect(existsSync(lockPathFor(r.storePath))).toBe(false);
  });

  it('exits 1 with every row error and writes nothing, also without --dry-run', async () => {
    const r = await register();
    const before = await r.bytes();
    await writeFile(dir.path, 'fehler.xlsx', workbook({ T: [...MEASURES, ['HF1-01', 'Doppelt', 'HF9', '', '31.13.2025']] }));
    for (const extra of [['--dry-run'], []]) {
      const result = await run('import', 'measures', '--store', 'register.json', '--from', 'fehler.xlsx', ...extra);
      expect(result.code).toBe(1);
      expect(result.err.split('\n')).toEqual([
        cli.import.rowsWithErrors(1, 3),
        `  Zeile 4, Spalte „Nr.“: ${de.import.row.numberExists('HF1-01')}`,
        `  Zeile 4, Spalte „Handlungsfeld“: ${de.import.row.unknownActionField('HF9', ['HF1', 'HF2'])}`,
        '  Zeile 4, Spalte „Beginn“: Bitte ein Datum im Format TT.MM.JJJJ eingeben.',
        cli.import.fixHint,
        '',
      ]);
    }
    expect(await r.bytes()).toEqual(before);
  });

  it('imports measures: one write with record and audit; the lock is taken and released', async () => {
    const r = await register();
    await writeFile(dir.path, 'massnahmen.ods', workbook({ Liste: MEASURES }, 'ods'));
    const result = await run('import', 'measures', '--store', 'register.json', '--from', 'massnahmen.ods');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const doc = await r.doc();
    const [record] = doc.imports;
    expect(record).toMatchObject({ kind: 'measures', fileName: 'massnahmen.ods', rowCount: 2 });
    expect(result.out).toContain(cli.import.written(2, 'register.json', record!.id));
    expect(doc.measures.filter((m) => record!.createdMeasureIds.includes(m.id)).map((m) => [m.number, m.status, m.plannedStart])).toEqual([
      ['HF1-10', 'in_umsetzung', '2025-04-01'],
      ['HF2-11', 'vorgeschlagen', null],
    ]);
    expect(doc.audit.filter((a) => a.action === 'import')).toHaveLength(3);
    expect(existsSync(lockPathFor(r.storePath))).toBe(false);
  });

  it('imports values from a German CSV and replaces the value of the same year', async () => {
    const r = await register();
    await writeFile(
      dir.path,
      'werte.csv',
      'Maßnahme;Kennzahl;Jahr;Ist-Wert\r\nHF1-01;Straftaten im Bereich;2023;130\r\nHF1-01;Straftaten im Bereich;2024;"1.234,5"\r\n',
    );
    const dry = await run('import', 'values', '--store', 'register.json', '--from', 'werte.csv', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(cli.import.row(2, 'HF1-01 · Straftaten im Bereich · 2023: ersetzt 118 → 130'));
    expect(dry.out).toContain(cli.import.valuesSummary(1, 1, 0));
    const result = await run('import', 'values', '--store', 'register.json', '--from', 'werte.csv');
    expect(result.code).toBe(0);
    expect((await r.doc()).indicators.find((i) => i.id === 'ind-1')!.values.map((v) => [v.year, v.value])).toEqual([
      [2022, 123],
      [2023, 130],
      [2024, 1234.5],
    ]);
  });

  it('reads the sheet named by --sheet, and refuses a missing one', async () => {
    const r = await register();
    await writeFile(
      dir.path,
      'mappe.xlsx',
      workbook({
        Deckblatt: [['Bericht']],
        Werte: [
          ['Maßnahme', 'Kennzahl', 'Jahr', 'Wert'],
          ['HF1-02', 'Teilnehmende', 2024, 7],
        ],
      }),
    );
    expect((await run('import', 'values', '--store', 'register.json', '--from', 'mappe.xlsx', '--sheet', 'Werte')).code).toBe(0);
    expect((await r.doc()).indicators.find((i) => i.id === 'ind-2')!.values).toEqual([{ year: 2024, period: '', value: 7, note: '' }]);
    const missing = await run('import', 'values', '--store', 'register.json', '--from', 'mappe.xlsx', '--sheet', 'Fehlt');
    expect(missing.code).toBe(1);
    expect(missing.err).toContain(de.import.file.sheetNotFound('Fehlt'));
  });

  it('refuses an unreadable file and a sheet without the required columns', async () => {
    const r = await register();
    const before = await r.bytes();
    await writeFile(dir.path, 'zufall.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]));
    const broken = await run('import', 'measures', '--store', 'register.json', '--from', 'zufall.xlsx');
    expect(broken).toMatchObject({ code: 1, out: '' });
    expect(broken.err).toBe(`${cli.import.fileRefused(path.join(dir.path, 'zufall.xlsx'))}\n  – ${de.import.file.notSpreadsheet}\n`);
    await writeFile(dir.path, 'spalten.csv', 'Bezeichnung;Jahr\nA;2024\n');
    const columns = await run('import', 'values', '--store', 'register.json', '--from', 'spalten.csv');
    expect(columns.code).toBe(1);
    expect(columns.err).toContain(
      de.import.mapping.missingColumns([de.import.fields.measureNumber, de.import.fields.indicatorName, de.import.fields.value]),
    );
    expect(await r.bytes()).toEqual(before);
  });

  it('refuses while the app holds the register, and takes over a stale lock', async () => {
    const r = await register();
    const before = await r.bytes();
    await writeFile(dir.path, 'massnahmen.xlsx', workbook({ T: MEASURES }));
    const app = new RegisterLock(lockPathFor(r.storePath), { ...currentIdentity('sachbearbeiterin'), instanceId: 'app-instanz' });
    expect((await app.acquire()).held).toBe(true);
    const locked = await run('import', 'measures', '--store', 'register.json', '--from', 'massnahmen.xlsx');
    expect(locked.code).toBe(1);
    expect(locked.err).toContain('Es wurde nichts importiert. Das Register ist gerade von sachbearbeiterin auf');
    expect(await r.bytes()).toEqual(before);
    // The dry run only reads and is allowed meanwhile.
    expect((await run('import', 'measures', '--store', 'register.json', '--from', 'massnahmen.xlsx', '--dry-run')).code).toBe(0);

    // A crashed app: the heartbeat is old.
    const stale = JSON.parse(await fs.readFile(lockPathFor(r.storePath), 'utf8')) as Record<string, unknown>;
    await fs.writeFile(lockPathFor(r.storePath), JSON.stringify({ ...stale, heartbeatAt: '2020-01-01T00:00:00.000Z' }));
    const taken = await run('import', 'measures', '--store', 'register.json', '--from', 'massnahmen.xlsx');
    expect(taken.code).toBe(0);
    expect(taken.err).toContain(cli.import.staleLockTaken('sachbearbeiterin', String(stale.host)));
    expect((await r.doc()).imports).toHaveLength(1);
    expect(existsSync(lockPathFor(r.storePath))).toBe(false);
  });

  it('is listed in the help', async () => {
    const help = await run('--help');
    expect(help.out).toContain('masterplan import measures --store DATEI --from TABELLE [--sheet BLATT] [--dry-run]');
    expect(help.out).toContain('masterplan import values --store DATEI --from TABELLE [--sheet BLATT] [--dry-run]');
  });
});
