/**
 * LibreOffice and poppler for the tests that open generated documents in a real office suite: which tools
 * are missing (those tests skip, saying why), a throwaway German profile, conversion to PDF or CSV, and a
 * CSV reader for LibreOffice's output.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

export const run = promisify(execFile);

function onPath(name: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      accessSync(path.join(dir, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The tools of `names` not installed here. */
export function missingTools(names: readonly string[] = ['soffice', 'pdftotext', 'pdfinfo']): string[] {
  return names.filter((tool) => !onPath(tool));
}

/** A fresh LibreOffice profile in `dir` with the German locale (dates and numbers as a clerk sees them). */
export async function germanProfile(dir: string): Promise<string> {
  await fs.mkdir(path.join(dir, 'user'), { recursive: true });
  await fs.writeFile(
    path.join(dir, 'user', 'registrymodifications.xcu'),
    '<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      '<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>de-DE</value></prop></item>' +
      '</oor:items>\n',
  );
  return `-env:UserInstallation=file://${dir}`;
}

/**
 * Converts a workbook with LibreOffice into one CSV per sheet (as LibreOffice shows the cells, German
 * formats applied) and returns them by sheet name.
 */
export async function workbookAsShownByLibreOffice(file: string, sheets: readonly string[]): Promise<Map<string, string[][]>> {
  const dir = path.dirname(file);
  const out = path.join(dir, 'csv');
  // Filter options: comma, quote, UTF-8, …, "formatted as shown", token 12 = -1: every sheet into "<name>-<Blatt>.csv".
  const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';
  await run('soffice', [await germanProfile(path.join(dir, 'lo-profile')), '--headless', '--convert-to', filter, '--outdir', out, file], {
    timeout: 180_000,
  });
  const base = path.basename(file, path.extname(file));
  const result = new Map<string, string[][]>();
  for (const sheet of sheets) result.set(sheet, parseCsv(await fs.readFile(path.join(out, `${base}-${sheet}.csv`), 'utf8')));
  return result;
}

/** Minimal CSV reader for LibreOffice's output (comma, double quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',' || ch === '\n') {
      row.push(field);
      field = '';
      if (ch === '\n') {
        rows.push(row);
        row = [];
      }
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}
