/**
 * What the app exports it can import again: the sample's Anregungen, Maßnahmen (from the evaluation
 * tables) and Kennzahlen values are exported, edited like a clerk would (a value changed, a row added) and
 * saved again by another program (exceljs, which rewrites the whole file), then imported with the CLI
 * (`import proposals|measures|values`, no --sheet: the right sheet is found by its headers) into a real
 * register file.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '@cli/index';
import { writeEvaluationXlsx } from '@main/evaluation/evaluationWorkbook';
import { writeProposalsXlsx } from '@main/participation/proposalsWorkbook';
import type { RegisterDocument } from '@shared/register/register';
import { useTempDir } from '@tests/unit/helpers/tempDir';
import { exportInput, sampleRegister } from '@tests/unit/main/evaluation/evaluationFixtures';

const dir = useTempDir('mpr-roundtrip-');

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

async function registerFile(doc: RegisterDocument): Promise<{ storePath: string; read: () => Promise<RegisterDocument> }> {
  const storePath = path.join(dir.path, 'register.json');
  await fs.writeFile(storePath, JSON.stringify(doc));
  return { storePath, read: async () => JSON.parse(await fs.readFile(storePath, 'utf8')) as RegisterDocument };
}

/** Opens `bytes` with exceljs, lets `edit` change the sheet `name`, and saves it as a new file. */
async function editAndSave(
  bytes: Uint8Array,
  name: string,
  file: string,
  edit: (ws: ExcelJS.Worksheet, column: (header: string) => number) => void,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(name)!;
  // The data sheets have their header in row 1.
  const headers = (ws.getRow(1).values as unknown[]).map((v) => (typeof v === 'string' ? v : ''));
  edit(ws, (header) => {
    const index = headers.indexOf(header);
    expect(index, header).toBeGreaterThan(0);
    return index;
  });
  const target = path.join(dir.path, file);
  await wb.xlsx.writeFile(target);
  return target;
}

/** Copies the values of row `from` into a new row after the last one. */
function addRowLike(ws: ExcelJS.Worksheet, from: number): ExcelJS.Row {
  const source = ws.getRow(from);
  const row = ws.getRow(ws.actualRowCount + 1);
  source.eachCell((cell, col) => (row.getCell(col).value = cell.value));
  return row;
}

describe('round trips through Excel', () => {
  it('Anregungen: exported, edited and saved again, imported into a register without them', async () => {
    const sample = sampleRegister();
    const bytes = await writeProposalsXlsx({
      doc: sample,
      includePersonalData: false,
      generatedAt: new Date('2026-11-26T10:00:00Z'),
      appVersion: 'test',
    });
    const exported = sample.proposals.filter((p) => p.deletedAt === null);
    expect(exported.length).toBeGreaterThan(2);
    const file = await editAndSave(bytes, 'Anregungen', 'Anregungen bearbeitet.xlsx', (ws, column) => {
      ws.getRow(2).getCell(column('Anregung')).value = 'Geänderter Text der ersten Anregung';
      const added = addRowLike(ws, 3);
      added.getCell(column('Nr.')).value = 'A-2026-900';
      added.getCell(column('Anregung')).value = 'Neue Anregung aus der Tabelle';
    });
    const first = String((await new ExcelJS.Workbook().xlsx.readFile(file)).getWorksheet('Anregungen')!.getRow(2).getCell(1).value);
    const target = await registerFile({ ...sample, proposals: [], contacts: [] });
    const result = await run('import', 'proposals', '--store', target.storePath, '--from', file);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const doc = await target.read();
    expect(doc.proposals).toHaveLength(exported.length + 1);
    expect(doc.proposals.find((p) => p.number === first)?.text).toBe('Geänderter Text der ersten Anregung');
    const added = doc.proposals.find((p) => p.number === 'A-2026-900')!;
    expect(added.text).toBe('Neue Anregung aus der Tabelle');
    // Measure links come back by number (the title is a separate column).
    for (const before of exported.filter((p) => p.measureId !== null && p.number !== first)) {
      expect(doc.proposals.find((p) => p.number === before.number)?.measureId, before.number).toBe(before.measureId);
    }
  });

  it('Maßnahmen: the evaluation export carries every column import measures needs (Beginn, Haushaltsjahr …)', async () => {
    const sample = sampleRegister();
    // Without a round: every measure of the register.
    const bytes = await writeEvaluationXlsx(exportInput(sample, { roundId: null }));
    const mergedKeys = new Set(sample.statuses.filter((st) => st.requiresLink).map((st) => st.key));
    const merged = sample.statuses.find((st) => mergedKeys.has(st.key))?.label;
    const file = await editAndSave(bytes, 'Maßnahmen', 'Maßnahmen bearbeitet.xlsx', (ws, column) => {
      ws.getRow(2).getCell(column('Titel')).value = 'Geänderter Titel';
      // `import measures` has no column for the other measure of "zusammengeführt mit": the clerk leaves those out.
      for (let r = ws.actualRowCount; r > 1; r--) if (ws.getRow(r).getCell(column('Status')).value === merged) ws.spliceRows(r, 1);
      const added = addRowLike(ws, 3);
      added.getCell(column('Nr.')).value = 'HF1-99';
      added.getCell(column('Titel')).value = 'Neue Maßnahme aus der Tabelle';
    });
    // The register to import into: the same Handlungsfelder, Ämter and statuses, its measures in the Papierkorb.
    const stamp = '2026-01-01T00:00:00.000Z';
    // The measures in the saved file (the export covers the current Fassung), without the added one.
    const saved = (await new ExcelJS.Workbook().xlsx.readFile(file)).getWorksheet('Maßnahmen')!;
    const numbers = new Set<string>();
    saved.eachRow((row, n) => n > 1 && row.getCell(1).value !== 'HF1-99' && numbers.add(String(row.getCell(1).value)));
    const active = sample.measures.filter((m) => m.deletedAt === null && numbers.has(m.number));
    expect(active.length).toBe(numbers.size);
    expect(active.some((m) => mergedKeys.has(m.status))).toBe(false);
    const target = await registerFile({ ...sample, measures: sample.measures.map((m) => ({ ...m, deletedAt: m.deletedAt ?? stamp })) });
    const result = await run('import', 'measures', '--store', target.storePath, '--from', file);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const doc = await target.read();
    const imported = doc.measures.filter((m) => m.deletedAt === null);
    expect(imported).toHaveLength(active.length + 1);
    const firstNumber = [...active].sort((a, b) => a.number.localeCompare(b.number, 'de', { numeric: true }))[0]!.number;
    expect(imported.find((m) => m.number === firstNumber)?.title).toBe('Geänderter Titel');
    expect(imported.find((m) => m.number === 'HF1-99')?.title).toBe('Neue Maßnahme aus der Tabelle');
    for (const before of active) {
      const after = imported.find((m) => m.number === before.number)!;
      expect(after.actionFieldId, before.number).toBe(before.actionFieldId);
      expect(after.plannedStart, before.number).toBe(before.plannedStart);
      expect(after.type, before.number).toBe(before.type);
      const planned = (list: typeof before.budget) => list.reduce((sum, b) => sum + (b.plannedCents ?? 0), 0);
      expect(planned(after.budget), before.number).toBe(planned(before.budget));
    }
  });

  it('Kennzahlen values: import values finds the Kennzahlen sheet of the evaluation export by its headers', async () => {
    const sample = sampleRegister();
    const bytes = await writeEvaluationXlsx(exportInput(sample));
    let changed = { number: '', indicator: '', year: 0 };
    const file = await editAndSave(bytes, 'Kennzahlen', 'Kennzahlen bearbeitet.xlsx', (ws, column) => {
      const row = ws.getRow(2);
      row.getCell(column('Ist-Wert')).value = 4711;
      changed = {
        number: String(row.getCell(column('Maßnahme Nr.')).value),
        indicator: String(row.getCell(column('Kennzahl')).value),
        year: Number(row.getCell(column('Jahr')).value),
      };
      const added = addRowLike(ws, 2);
      added.getCell(column('Jahr')).value = 2030;
      added.getCell(column('Ist-Wert')).value = 12;
    });
    const target = await registerFile(sample);
    const result = await run('import', 'values', '--store', target.storePath, '--from', file);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const doc = await target.read();
    const measure = doc.measures.find((m) => m.number === changed.number)!;
    const indicator = doc.indicators.find((i) => i.measureId === measure.id && i.name === changed.indicator)!;
    expect(indicator.values.find((v) => v.year === changed.year)?.value).toBe(4711);
    expect(indicator.values.find((v) => v.year === 2030)?.value).toBe(12);
  });

  it('names the sheets when none has the columns the kind needs', async () => {
    const sample = sampleRegister();
    const bytes = await writeProposalsXlsx({
      doc: sample,
      includePersonalData: false,
      generatedAt: new Date('2026-11-26T10:00:00Z'),
      appVersion: 'test',
    });
    const file = path.join(dir.path, 'Anregungen.xlsx');
    await fs.writeFile(file, bytes);
    const target = await registerFile(sample);
    const before = await fs.readFile(target.storePath);
    const result = await run('import', 'values', '--store', target.storePath, '--from', file);
    expect(result.code).not.toBe(0);
    expect(result.err).toContain('Kein Tabellenblatt hat die Spalten für Kennzahlenwerte');
    expect(result.err).toContain('„Übersicht“, „Anregungen“, „Quartierslabore“');
    expect(await fs.readFile(target.storePath)).toEqual(before);
  });
});
