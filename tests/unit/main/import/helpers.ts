import { promises as fs } from 'node:fs';
import path from 'node:path';
import XLSX from 'xlsx';
import { createApi, dispatch, type Api } from '@main/api';
import { NO_DESKTOP, type Desktop } from '@main/core/desktop';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import type { ApiResult } from '@shared/contract';
import type { Indicator, IndicatorValue } from '@shared/evaluation/evaluation';
import type { RegisterDocument } from '@shared/register/register';
import { makeMeasure, makeRegister, STAMP } from '@tests/fixtures/documents';

export const FIXTURES = path.resolve(import.meta.dirname, '../../../fixtures/import');
const SAMPLE = path.resolve(import.meta.dirname, '../../../../resources/sample-register.json');

export type Cell = string | number | boolean | Date | null;

/** A workbook of one or more sheets as the bytes of `bookType`; `formats` sets number formats by cell address. */
export function workbook(
  sheets: Record<string, Cell[][]>,
  bookType: XLSX.BookType = 'xlsx',
  options: { formats?: Record<string, string>; merges?: XLSX.Range[]; edit?: (ws: XLSX.WorkSheet) => void } = {},
): Buffer {
  const wb = XLSX.utils.book_new();
  let first = true;
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = XLSX.utils.aoa_to_sheet(rows, { cellDates: true });
    if (first) {
      for (const [address, format] of Object.entries(options.formats ?? {})) if (ws[address]) ws[address].z = format;
      if (options.merges) ws['!merges'] = options.merges;
      options.edit?.(ws);
      first = false;
    }
    XLSX.utils.book_append_sheet(wb, ws, name);
  }
  return XLSX.write(wb, { type: 'buffer', bookType }) as Buffer;
}

export async function writeFile(dir: string, name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await fs.writeFile(file, content);
  return file;
}

export function indicator(
  id: string,
  measureId: string,
  name: string,
  values: IndicatorValue[],
  overrides: Partial<Indicator> = {},
): Indicator {
  return {
    id,
    measureId,
    name,
    type: 'outcome',
    unit: 'Anzahl',
    direction: 'lower',
    dataSource: 'PKS',
    method: '',
    baselineValue: 100,
    baselineYear: 2019,
    targetValue: 100,
    targetYear: 2025,
    thresholdGood: null,
    thresholdCritical: null,
    comparisonArea: '',
    comparisonPeriod: '',
    values,
    version: 1,
    createdAt: STAMP,
    updatedAt: STAMP,
    deletedAt: null,
    ...overrides,
  };
}

export const value = (year: number, v: number, period = '', note = ''): IndicatorValue => ({ year, period, value: v, note });

/** Three active measures (HF1-01 … HF1-03), HF1-04 in the Papierkorb, and Kennzahlen on HF1-01 and HF1-02. */
export function importRegister(): RegisterDocument {
  return makeRegister(3, {
    measures: [makeMeasure(1), makeMeasure(2), makeMeasure(3), makeMeasure(4, { deletedAt: STAMP, version: 2 })],
    indicators: [
      // Baseline equal to target is a matter for the evaluation, not an import problem.
      indicator('ind-1', 'm-01', 'Straftaten im Bereich', [value(2022, 123), value(2023, 118, '', 'PKS-Abfrage')]),
      indicator('ind-2', 'm-02', 'Teilnehmende', []),
      indicator('ind-4', 'm-04', 'Beschwerden', []),
    ],
  });
}

export interface Setup {
  storePath: string;
  session: RegisterSession;
  api: Api;
  call: (method: string, payload?: unknown) => Promise<ApiResult<unknown>>;
  onDisk: () => Promise<RegisterDocument>;
  bytes: () => Promise<Buffer>;
  choose: (file: string) => void;
}

/** A session on a real register file in `dir`, with a dialog that answers the file given to `choose`. */
export async function setup(dir: string, doc: RegisterDocument = importRegister(), desktop: Partial<Desktop> = {}): Promise<Setup> {
  const storePath = path.join(dir, 'register.json');
  await fs.writeFile(storePath, JSON.stringify(doc));
  const settings = await SettingsFile.load(path.join(dir, 'einstellungen.json'));
  const session = new RegisterSession({ settings, samplePath: SAMPLE });
  await session.open(storePath);
  let chosen: string | null = null;
  const api = createApi(session, { ...NO_DESKTOP, pickImportFile: async () => chosen, ...desktop });
  return {
    storePath,
    session,
    api,
    call: (method, payload = {}) => dispatch(api, method, payload),
    onDisk: async () => JSON.parse(await fs.readFile(storePath, 'utf8')) as RegisterDocument,
    bytes: () => fs.readFile(storePath),
    choose: (file) => {
      chosen = file;
    },
  };
}

export function ok<T>(result: ApiResult<unknown>): T {
  if (!result.ok)
    throw new Error(`expected ok, got ${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.fields ?? [])}`);
  return result.value as T;
}
