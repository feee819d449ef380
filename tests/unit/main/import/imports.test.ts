/**
 * The import through the contract (dispatch), as the window uses it, on a real register file: choose,
 * preview (dry run), commit all or nothing with audit and import record, undo, and the refusals.
 */
import { describe, expect, it } from 'vitest';
import { NO_DESKTOP } from '@main/core/desktop';
import { ImportService } from '@main/import/imports';
import type { ImportFileInfo, Saved } from '@shared/contract';
import type { ImportRecord } from '@shared/evaluation/evaluation';
import type { ImportPreview } from '@shared/import/importMapping';
import { de } from '@shared/i18n/de';
import { useTempDir } from '@tests/unit/helpers/tempDir';
import { ok, setup, workbook, writeFile, type Cell } from './helpers';

const dir = useTempDir('mpr-import-service-');
const importTexts = de.import;

const MEASURES: Cell[][] = [
  ['Maßnahmen – Stand März 2025'],
  [],
  ['Nr.', 'Titel', 'HF', 'Status', 'Federführung', 'Stadtbezirk(e)', 'Beginn', 'Ende', 'Plan €'],
  ['HF1-10', 'Beleuchtung Nordmarkt', 'HF1', 'in Planung', 'Ordnungsamt', 'Innenstadt-Nord', '01.04.2025', '31.12.2026', 25000],
  ['HF2-11', 'Streetwork Borsigplatz', 'Prävention', 'beschlossen', 'FB 51', 'Innenstadt-Nord; Innenstadt-Ost', '', '', ''],
];
const VALUES: Cell[][] = [
  ['Maßnahme', 'Kennzahl', 'Jahr', 'Ist-Wert', 'Bemerkung'],
  ['HF1-01', 'Straftaten im Bereich', 2023, 130, 'korrigiert'],
  ['HF1-01', 'Straftaten im Bereich', 2024, '1.234,5', ''],
  ['HF1-02', 'Teilnehmende', 2024, 12, ''],
];

async function choose(s: Awaited<ReturnType<typeof setup>>, name: string, content: Buffer | string): Promise<ImportFileInfo> {
  s.choose(await writeFile(dir.path, name, content));
  const info = ok<ImportFileInfo | null>(await s.call('chooseImportFile'));
  if (!info) throw new Error('cancelled');
  return info;
}

const request = (
  token: string,
  kind: 'measures' | 'values',
  mapping: Record<string, number> | null = null,
  sheet: string | null = null,
) => ({ token, kind, mapping, sheet });

describe('choose and preview', () => {
  it('returns null when the dialog is cancelled, and the headers, header row and suggestions of a chosen file', async () => {
    const s = await setup(dir.path);
    expect(ok(await s.call('chooseImportFile'))).toBeNull();
    const info = await choose(s, 'massnahmen.xlsx', workbook({ Liste: MEASURES }));
    expect(info).toMatchObject({
      fileName: 'massnahmen.xlsx',
      format: 'xlsx',
      sheets: ['Liste'],
      sheet: 'Liste',
      headerRow: 3,
      dataRows: 2,
      suggestedKind: 'measures',
      headers: ['Nr.', 'Titel', 'HF', 'Status', 'Federführung', 'Stadtbezirk(e)', 'Beginn', 'Ende', 'Plan €'],
    });
    expect(info.suggestedMapping.measures).toEqual({
      number: 0,
      title: 1,
      actionField: 2,
      status: 3,
      leadOrgUnit: 4,
      districts: 5,
      plannedStart: 6,
      plannedEnd: 7,
      budget: 8,
    });
    expect(info.token).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('previews without writing anything (dry run), also for another sheet and with a mapping of its own', async () => {
    const s = await setup(dir.path);
    const before = await s.bytes();
    const info = await choose(s, 'zwei.ods', workbook({ Maßnahmen: MEASURES, Werte: VALUES }, 'ods'));
    const preview = ok<ImportPreview>(await s.call('previewImport', request(info.token, 'measures')));
    expect(preview.counts).toMatchObject({ rows: 2, ok: 2, errors: 0, newMeasures: 2 });
    expect(preview.rows.map((r) => [r.rowNumber, r.summary])).toEqual([
      [4, 'neu: HF1-10 Beleuchtung Nordmarkt'],
      [5, 'neu: HF2-11 Streetwork Borsigplatz'],
    ]);
    const values = ok<ImportPreview>(await s.call('previewImport', request(info.token, 'values', null, 'Werte')));
    expect(values.rows[0]!.summary).toBe('HF1-01 · Straftaten im Bereich · 2023: ersetzt 118 → 130');
    const remapped = ok<ImportPreview>(
      await s.call('previewImport', request(info.token, 'measures', { number: 0, title: 0, actionField: 2 })),
    );
    expect(remapped.rows[0]!.summary).toBe('neu: HF1-10 HF1-10');
    expect(await s.bytes()).toEqual(before);
  });

  it('refuses an unknown token, a missing sheet, fields of the wrong kind and hostile keys in the request', async () => {
    const s = await setup(dir.path);
    const info = await choose(s, 'a.xlsx', workbook({ T: MEASURES }));
    expect(await s.call('previewImport', request('00000000-0000-4000-8000-000000000000', 'measures'))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: importTexts.file.expired },
    });
    expect(await s.call('previewImport', request(info.token, 'measures', null, 'Fehlt'))).toMatchObject({
      ok: false,
      error: { message: importTexts.file.sheetNotFound('Fehlt') },
    });
    expect(await s.call('previewImport', { ...request(info.token, 'measures'), mapping: JSON.parse('{"__proto__": 1}') })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await s.call('previewImport', { ...request(info.token, 'measures'), mapping: { number: -1 } })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    const wrong = ok<ImportPreview>(
      await s.call('previewImport', request(info.token, 'measures', { number: 0, title: 1, actionField: 2, year: 3 })),
    );
    expect(wrong.problems).toEqual([importTexts.mapping.wrongKind(importTexts.fields.year)]);
  });

  it('turns a file problem into a German refusal and keeps nothing', async () => {
    const s = await setup(dir.path);
    s.choose(await writeFile(dir.path, 'kaputt.xlsx', Buffer.from('PK\u0003\u0004 kaputt')));
    expect(await s.call('chooseImportFile')).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: importTexts.file.notSpreadsheet },
    });
  });

  it('forgets a chosen file after 30 minutes', async () => {
    const s = await setup(dir.path);
    let now = 1_000_000;
    const service = new ImportService(s.session, NO_DESKTOP, { now: () => now });
    const info = await service.load(await writeFile(dir.path, 'a.csv', 'Nr.;Titel;HF\nHF1-50;A;HF1\n'));
    expect((await service.preview(info.token, 'measures', null, null)).counts.ok).toBe(1);
    now += 30 * 60 * 1000 + 1;
    await expect(service.preview(info.token, 'measures', null, null)).rejects.toThrow(importTexts.file.expired);
  });
});

describe('commit', () => {
  it('creates all measures in one write, with an import record and audit entries naming import and file', async () => {
    const s = await setup(dir.path);
    const info = await choose(s, 'massnahmen.xlsx', workbook({ Liste: MEASURES }));
    const saved = ok<Saved<ImportRecord>>(await s.call('commitImport', request(info.token, 'measures')));
    const record = saved.value;
    expect(record).toMatchObject({
      kind: 'measures',
      fileName: 'massnahmen.xlsx',
      rowCount: 2,
      user: s.session.userName,
      undoneAt: null,
      changedIndicators: [],
    });
    const disk = await s.onDisk();
    expect(disk.imports).toEqual([record]);
    const created = disk.measures.filter((m) => record.createdMeasureIds.includes(m.id));
    expect(
      created.map((m) => [m.number, m.actionFieldId, m.status, m.leadOrgUnitId, m.districts, m.plannedStart, m.budget[0]?.plannedCents]),
    ).toEqual([
      ['HF1-10', 'hf1', 'in_planung', 'ou-32', ['IN'], '2025-04-01', 2_500_000],
      ['HF2-11', 'hf2', 'beschlossen', 'ou-51', ['IN', 'IO'], null, undefined],
    ]);
    const entries = disk.audit.filter((a) => a.action === 'import');
    expect(entries.map((a) => [a.entityType, a.entityLabel])).toEqual([
      ['import', importTexts.audit.label('Maßnahmen', 'massnahmen.xlsx')],
      ['measure', 'HF1-10 Beleuchtung Nordmarkt'],
      ['measure', 'HF2-11 Streetwork Borsigplatz'],
    ]);
    for (const entry of entries.slice(1)) {
      expect(entry.changes.slice(0, 2)).toEqual([
        { field: 'importId', old: null, new: record.id },
        { field: 'importFile', old: null, new: 'massnahmen.xlsx' },
      ]);
      expect(entry.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['number', 'title', 'actionFieldId']));
    }
    expect(ok<ImportRecord[]>(await s.call('listImports'))).toEqual([record]);
    // Everything the commit wrote is valid when read back by the app.
    await s.session.close();
    expect((await s.session.open(s.storePath, 'none')).state).toBe('open');
  });

  it('writes nothing at all when one row has an error (file bytes unchanged)', async () => {
    const s = await setup(dir.path);
    const before = await s.bytes();
    const rows = [...MEASURES, ['HF1-12', 'Dritte', 'HF7', '', '', 'Nordstadt', '30.02.2025', '', 'viel']];
    const info = await choose(
      s,
      'fehler.csv',
      rows.map((r) => r.map((c) => `"${c === null || c === undefined ? '' : String(c)}"`).join(';')).join('\r\n'),
    );
    const preview = ok<ImportPreview>(await s.call('previewImport', request(info.token, 'measures')));
    expect(preview.counts).toMatchObject({ rows: 3, ok: 2, errors: 1 });
    expect(preview.rows[2]!.errors.map((e) => e.column)).toEqual(['HF', 'Stadtbezirk(e)', 'Beginn', 'Plan €']);
    const result = await s.call('commitImport', request(info.token, 'measures'));
    expect(result).toEqual({ ok: false, error: { code: 'VALIDATION', message: importTexts.commit.hasErrors(1) } });
    expect(await s.bytes()).toEqual(before);
  });

  it('refuses when the mapping lacks a required column, and in a read-only session', async () => {
    const s = await setup(dir.path);
    const before = await s.bytes();
    const info = await choose(s, 'm.xlsx', workbook({ T: MEASURES }));
    const missing = await s.call('commitImport', request(info.token, 'measures', { number: 0, title: 1 }));
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!missing.ok) expect(missing.error.message).toContain(importTexts.mapping.missingColumns([importTexts.fields.actionField]));
    (s.session.requireOpen() as { readOnly: boolean }).readOnly = true;
    expect(await s.call('commitImport', request(info.token, 'measures'))).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    expect(await s.bytes()).toEqual(before);
  });

  it('replaces values (audited old → new) and is idempotent when the same file is imported again', async () => {
    const s = await setup(dir.path);
    const info = await choose(s, 'werte.xlsx', workbook({ Werte: VALUES }));
    const first = ok<Saved<ImportRecord>>(await s.call('commitImport', request(info.token, 'values'))).value;
    expect(first.changedIndicators).toEqual([
      {
        indicatorId: 'ind-1',
        before: [
          { year: 2022, period: '', value: 123, note: '' },
          { year: 2023, period: '', value: 118, note: 'PKS-Abfrage' },
        ],
      },
      { indicatorId: 'ind-2', before: [] },
    ]);
    const afterFirst = await s.onDisk();
    const ind1 = afterFirst.indicators.find((i) => i.id === 'ind-1')!;
    expect(ind1.values).toEqual([
      { year: 2022, period: '', value: 123, note: '' },
      { year: 2023, period: '', value: 130, note: 'korrigiert' },
      { year: 2024, period: '', value: 1234.5, note: '' },
    ]);
    expect(ind1.version).toBe(2);
    const audit = afterFirst.audit.find((a) => a.entityId === 'ind-1' && a.action === 'import')!;
    expect(audit.changes.find((c) => c.field === 'values')).toEqual({
      field: 'values',
      old: first.changedIndicators[0]!.before,
      new: ind1.values,
    });

    const again = await choose(s, 'werte.xlsx', workbook({ Werte: VALUES }));
    const preview = ok<ImportPreview>(await s.call('previewImport', request(again.token, 'values')));
    expect(preview.counts).toMatchObject({ ok: 3, unchangedValues: 3, newValues: 0, replacedValues: 0 });
    const second = ok<Saved<ImportRecord>>(await s.call('commitImport', request(again.token, 'values'))).value;
    expect(second.changedIndicators).toEqual([]);
    const afterSecond = await s.onDisk();
    expect(afterSecond.indicators).toEqual(afterFirst.indicators);
    expect(afterSecond.imports).toHaveLength(2);
  });
});

describe('undo', () => {
  it('moves the created measures into the Papierkorb and restores the values, audited', async () => {
    const s = await setup(dir.path);
    const original = await s.onDisk();
    const measures = ok<Saved<ImportRecord>>(
      await s.call('commitImport', request((await choose(s, 'm.xlsx', workbook({ T: MEASURES }))).token, 'measures')),
    ).value;
    const values = ok<Saved<ImportRecord>>(
      await s.call('commitImport', request((await choose(s, 'w.xlsx', workbook({ T: VALUES }))).token, 'values')),
    ).value;

    const undoneValues = ok<Saved<ImportRecord>>(await s.call('undoImport', { id: values.id })).value;
    expect(undoneValues.undoneAt).not.toBeNull();
    let disk = await s.onDisk();
    expect(disk.indicators.map((i) => i.values)).toEqual(original.indicators.map((i) => i.values));
    const ok1 = ok<Saved<ImportRecord>>(await s.call('undoImport', { id: measures.id })).value;
    disk = await s.onDisk();
    for (const id of ok1.createdMeasureIds) expect(disk.measures.find((m) => m.id === id)!.deletedAt).toBe(ok1.undoneAt);
    expect(disk.measures.filter((m) => !m.deletedAt).map((m) => m.number)).toEqual(['HF1-01', 'HF1-02', 'HF1-03']);
    expect(disk.imports.map((r) => r.undoneAt !== null)).toEqual([true, true]);
    expect(disk.audit.filter((a) => a.action === 'undo').map((a) => a.entityType)).toEqual([
      'import',
      'indicator',
      'indicator',
      'import',
      'measure',
      'measure',
    ]);
    expect(await s.call('undoImport', { id: measures.id })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: importTexts.undo.alreadyUndone },
    });
    expect(await s.call('undoImport', { id: 'gibt-es-nicht' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('is refused after a later edit of a created measure or of an imported value, naming them', async () => {
    const s = await setup(dir.path);
    const measures = ok<Saved<ImportRecord>>(
      await s.call('commitImport', request((await choose(s, 'm.xlsx', workbook({ T: MEASURES }))).token, 'measures')),
    ).value;
    const values = ok<Saved<ImportRecord>>(
      await s.call('commitImport', request((await choose(s, 'w.xlsx', workbook({ T: VALUES }))).token, 'values')),
    ).value;
    const created = (await s.onDisk()).measures.find((m) => m.id === measures.createdMeasureIds[0])!;
    const { id, version, createdAt: _c, updatedAt: _u, deletedAt: _d, ...fields } = created;
    ok(await s.call('updateMeasure', { id, version, fields: { ...fields, title: 'Später geändert' } }));
    const indicator = (await s.onDisk()).indicators.find((i) => i.id === 'ind-2')!;
    const { id: indicatorId, version: indicatorVersion, createdAt: _ic, updatedAt: _iu, deletedAt: _id, ...indicatorFields } = indicator;
    ok(
      await s.call('saveIndicator', {
        id: indicatorId,
        version: indicatorVersion,
        fields: { ...indicatorFields, values: [...indicatorFields.values, { year: 2025, period: '', value: 20, note: '' }] },
      }),
    );

    const before = await s.bytes();
    expect(await s.call('undoImport', { id: measures.id })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: importTexts.undo.measuresChanged(['HF1-10']) },
    });
    expect(await s.call('undoImport', { id: values.id })).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: importTexts.undo.indicatorsChanged(['„Teilnehmende“ (HF1-02)']) },
    });
    expect(await s.bytes()).toEqual(before);
  });
});
