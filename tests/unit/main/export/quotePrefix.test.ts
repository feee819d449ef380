/**
 * Text that starts like a formula stays text (electron/main/export/quotePrefix.ts): in the exported file the
 * cell is a string with Excel's quote prefix (so editing it in Excel or LibreOffice keeps it text), and
 * after a CSV save by LibreOffice the app's own CSV reader gets back exactly the text the register holds
 * (no formula, no lost or added characters). Plain text gets no prefix.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeEvaluationXlsx } from '@main/evaluation/evaluationWorkbook';
import { looksLikeFormula } from '@main/export/quotePrefix';
import { parseCsv } from '@main/import/csv';
import { exportInput, hostileRegister, INJECTED_TITLES } from '@tests/unit/main/evaluation/evaluationFixtures';
import { germanProfile, missingTools, run } from '@tests/unit/helpers/office';

let dir = '';
let bytes: Buffer;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mpr-quote-prefix-'));
  bytes = await writeEvaluationXlsx(exportInput(hostileRegister()));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

describe('formula-looking text', () => {
  it('is recognised by its first character', () => {
    for (const text of ['=1', '+1', '-1', '@A', '\tx', '\rx']) expect(looksLikeFormula(text)).toBe(true);
    for (const text of ['1', 'a=b', ' =1', '', '€']) expect(looksLikeFormula(text)).toBe(false);
  });

  it('is a string cell whose style carries the quote prefix; a plain title is not prefixed', async () => {
    const zip = await JSZip.loadAsync(bytes);
    const styles = await zip.file('xl/styles.xml')!.async('string');
    const xfs = [...styles.match(/<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/)![1]!.matchAll(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map(
      (m) => m[0],
    );
    const prefixed = (s: number) => /quotePrefix="1"/.test(xfs[s]!);
    const shared = await zip.file('xl/sharedStrings.xml')!.async('string');
    const strings = [...shared.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
    const sheet = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    const cells = [...sheet.matchAll(/<c r="B(\d+)" s="(\d+)" t="s"><v>(\d+)<\/v><\/c>/g)].map((m) => ({
      style: Number(m[2]),
      text: strings[Number(m[3])]!.replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/&#x9;|&#9;/g, '\t')
        .replace(/&#xD;|&#13;/g, '\r'),
    }));
    const hyperlink = cells.find((c) => c.text === INJECTED_TITLES['HF1-01']);
    expect(hyperlink, 'the =HYPERLINK title as a shared string').toBeDefined();
    expect(prefixed(hyperlink!.style)).toBe(true);
    for (const title of ['+1+1', '-2', '@SUM(A1)']) expect(prefixed(cells.find((c) => c.text === title)!.style)).toBe(true);
    const plain = cells.filter((c) => !looksLikeFormula(c.text) && c.text !== 'Titel');
    expect(plain.length).toBeGreaterThan(10);
    for (const c of plain) expect(prefixed(c.style)).toBe(false);
    expect(sheet).not.toMatch(/<f>/);
  });

  const missing = missingTools(['soffice']);
  it.skipIf(missing.length > 0)(
    `stays the same text after LibreOffice saves it as CSV and the app reads that CSV${missing.length ? ` (fehlt: ${missing.join(', ')})` : ''}`,
    async () => {
      const file = path.join(dir, 'evaluation.xlsx');
      await fs.writeFile(file, bytes);
      const out = path.join(dir, 'csv');
      // Semicolon (as German Excel saves), double quotes, UTF-8; every sheet into "<name>-<Blatt>.csv".
      const filter = 'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1';
      await run('soffice', [await germanProfile(path.join(dir, 'lo')), '--headless', '--convert-to', filter, '--outdir', out, file], {
        timeout: 180_000,
      });
      const csv = await fs.readFile(path.join(out, 'evaluation-Maßnahmen.csv'));
      const parsed = parseCsv(csv, 10_000, 100, 1_000_000);
      if (!parsed.ok) throw new Error(`CSV not read: ${parsed.failure}`);
      const header = parsed.rows.findIndex((r) => r[0] === 'Nr.');
      const titleOf = new Map(parsed.rows.slice(header + 1).map((r) => [String(r[0]), r[1]]));
      // A carriage return comes back as a line break: exceljs writes it raw into the XML, and XML readers
      // normalise a raw CR to LF (the text stays text and inert; noted in the README).
      for (const [number, title] of Object.entries(INJECTED_TITLES)) expect(titleOf.get(number), number).toBe(title.replace(/\r/g, '\n'));
      expect(parsed.rows.flat().some((v) => typeof v === 'number' && Number.isNaN(v))).toBe(false);
    },
  );
});
