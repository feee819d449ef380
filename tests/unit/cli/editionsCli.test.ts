/**
 * `masterplan list editions` and `masterplan export editions`, in-process through main() on a copy of the
 * sample register (2019 plan and draft 2.0) in a temp folder.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import XLSX from 'xlsx';
import { beforeEach, describe, expect, it } from 'vitest';
import { main } from '@cli/index';
import { useTempDir } from '@tests/unit/helpers/tempDir';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const NOW = new Date('2026-03-04T10:00:00.000Z');
const dir = useTempDir('mpr-editions-cli-');

beforeEach(async () => {
  await fs.copyFile(path.join(ROOT, 'resources', 'sample-register.json'), path.join(dir.path, 'register.json'));
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = { out: { write: (s: string) => (out += s) }, err: { write: (s: string) => (err += s) } };
  const code = await main(argv, io, {
    cwd: dir.path,
    samplePath: path.join(ROOT, 'resources', 'sample-register.json'),
    now: () => NOW,
    newId: () => 'id',
  });
  return { code, out, err };
}

describe('list editions', () => {
  it('prints a table of the Fassungen with the current one marked', async () => {
    const result = await run('list', 'editions', '--store', 'register.json');
    expect(result).toMatchObject({ code: 0, err: '' });
    const lines = result.out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Kennung\s+Name\s+Drucksache-Nr\.\s+Beschlossen am\s+Stand\s+HF\s+Maßnahmen\s+aus Fassung$/);
    expect(lines[2]).toMatch(/^fassung-2019\s+Masterplan Kommunale Sicherheit 2019\s+12534-18\s+14\.02\.2019\s+beschlossen\s+3\s+31$/);
    expect(lines[3]).toMatch(
      /^fassung-2-0\s+Masterplan Kommunale Sicherheit 2\.0 \(aktuell\)\s+26093-22\s+Entwurf\s+3\s+36\s+fassung-2019$/,
    );
    expect(lines.at(-1)).toBe('2 Fassungen; die aktuelle ist mit (aktuell) markiert.');
  });

  it('--json gives the same as data', async () => {
    const result = await run('list', 'editions', '--store', 'register.json', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual([
      expect.objectContaining({
        id: 'fassung-2019',
        state: 'beschlossen',
        stateLabel: 'beschlossen',
        current: false,
        actionFields: 3,
        measures: 31,
        sourceEditionId: null,
        successorIds: ['fassung-2-0'],
        drafts: 0,
      }),
      expect.objectContaining({
        id: 'fassung-2-0',
        state: 'entwurf',
        current: true,
        measures: 36,
        sourceEditionId: 'fassung-2019',
        successorIds: [],
      }),
    ]);
  });
});

describe('export editions', () => {
  it('writes the Excel table (by extension) and names the counts', async () => {
    const result = await run(
      'export',
      'editions',
      '--store',
      'register.json',
      '--from',
      'fassung-2019',
      '--to',
      'fassung-2-0',
      '--out',
      'Vergleich.xlsx',
    );
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/^Geschrieben: .*Vergleich\.xlsx \(\d+ KB\)\n/);
    expect(result.out).toContain(
      'Vergleich: Neu aufgenommen 13, Übernommen mit Änderungen 18, Unverändert übernommen 2, Zusammengeführt 4, Ersetzt 3, Beendet 4',
    );
    const wb = XLSX.read(await fs.readFile(path.join(dir.path, 'Vergleich.xlsx')));
    expect(wb.SheetNames[0]).toBe('Übersicht');
  });

  it('writes the Word annex, and refuses to overwrite without --force', async () => {
    const args = [
      'export',
      'editions',
      '--store',
      'register.json',
      '--from',
      'fassung-2019',
      '--to',
      'fassung-2-0',
      '--out',
      'Anlage.docx',
    ];
    expect((await run(...args)).code).toBe(0);
    const first = await fs.readFile(path.join(dir.path, 'Anlage.docx'));
    expect(first.subarray(0, 2).toString()).toBe('PK');
    const again = await run(...args);
    expect(again).toMatchObject({ code: 1, out: '' });
    expect(again.err).toContain('Es wurde nichts geschrieben. Die Datei gibt es bereits');
    expect((await run(...args, '--force')).code).toBe(0);
  });

  it.each([
    [['--from', 'gibt-es-nicht', '--to', 'fassung-2-0', '--out', 'x.xlsx'], 1, /Es gibt keine Fassung mit der Kennung gibt-es-nicht/],
    [['--from', 'fassung-2-0', '--to', 'fassung-2019', '--out', 'x.xlsx'], 1, /ist keine Fortschreibung von/],
    [['--from', 'fassung-2019', '--to', 'fassung-2-0', '--out', 'x.pdf'], 2, /muss auf \.xlsx oder \.docx enden/],
    [['--from', 'fassung-2019', '--out', 'x.xlsx'], 2, /Die Option --to KENNUNG fehlt/],
  ])('refuses %j with exit code %i and writes nothing', async (extra, code, message) => {
    const result = await run('export', 'editions', '--store', 'register.json', ...extra);
    expect(result.code).toBe(code);
    expect(result.err).toMatch(message);
    expect((await fs.readdir(dir.path)).sort()).toEqual(['register.json']);
  });

  it('shows both commands in the help', async () => {
    const result = await run('--help');
    expect(result.out).toContain('masterplan list editions --store DATEI [--json]');
    expect(result.out).toContain('masterplan export editions --store DATEI --from KENNUNG --to KENNUNG --out DATEI [--force]');
  });
});
