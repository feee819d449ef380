/**
 * The app finds the sheet that fits by its headers (electron/main/import/imports.ts with pickSheet), as the
 * CLI does: a workbook that starts with an overview opens on its Maßnahmen sheet; a preview without a named
 * sheet takes the sheet that fits the kind; when none fits, the refusal names the sheets and nothing is written.
 */
import { describe, expect, it } from 'vitest';
import type { ImportFileInfo } from '@shared/contract';
import type { ImportPreview } from '@shared/import/importMapping';
import { useTempDir } from '@tests/unit/helpers/tempDir';
import { ok, setup, workbook, writeFile, type Cell } from './helpers';

const dir = useTempDir('mpr-import-sheet-');
const OVERVIEW: Cell[][] = [['Evaluation 2024'], ['Stand 31.12.2024'], [], ['Handlungsfeld', 'Anzahl'], ['HF1', 3]];
const MEASURES: Cell[][] = [
  ['Nr.', 'Titel', 'Handlungsfeld', 'Status'],
  ['HF1-10', 'Beleuchtung Nordmarkt', 'HF1', 'in Planung'],
];
const VALUES: Cell[][] = [
  ['Maßnahme', 'Kennzahl', 'Jahr', 'Ist-Wert'],
  ['HF1-01', 'Straftaten im Bereich', 2024, 120],
];

describe('the sheet is found by its headers', () => {
  it('opens a workbook that starts with an overview on the sheet that fits; a preview of another kind takes its sheet', async () => {
    const s = await setup(dir.path);
    s.choose(await writeFile(dir.path, 'export.xlsx', workbook({ Übersicht: OVERVIEW, Maßnahmen: MEASURES, Kennzahlen: VALUES })));
    const info = ok<ImportFileInfo>(await s.call('chooseImportFile'));
    expect(info.sheets).toEqual(['Übersicht', 'Maßnahmen', 'Kennzahlen']);
    expect(info.sheet).toBe('Maßnahmen');
    expect(info.suggestedKind).toBe('measures');
    const values = ok<ImportPreview>(await s.call('previewImport', { token: info.token, kind: 'values', mapping: null, sheet: null }));
    expect(values.counts).toMatchObject({ rows: 1, errors: 0 });
    await s.session.close();
  });

  it('names the sheets when none fits, and writes nothing', async () => {
    const s = await setup(dir.path);
    const before = await s.bytes();
    s.choose(await writeFile(dir.path, 'fremd.xlsx', workbook({ Deckblatt: OVERVIEW, Notizen: [['Bitte bis Freitag']] })));
    const info = ok<ImportFileInfo>(await s.call('chooseImportFile'));
    expect(info.sheet).toBe('Deckblatt');
    const refused = await s.call('commitImport', { token: info.token, kind: 'measures', mapping: null, sheet: null });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/„?Deckblatt“?.*„?Notizen“?/);
    expect((await s.bytes()).equals(before)).toBe(true);
    await s.session.close();
  });
});
