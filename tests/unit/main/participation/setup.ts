import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { createApi, dispatch, type Api } from '@main/api';
import { NO_DESKTOP } from '@main/core/desktop';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import { decodeRegister } from '@main/store/decode';
import type { ApiError, ApiResult } from '@shared/contract';
import type { RegisterDocument } from '@shared/register/register';

export const SAMPLE = path.resolve(import.meta.dirname, '../../../../resources/sample-register.json');

/** The sample register as the app reads it. */
export function sampleDoc(): RegisterDocument {
  return decodeRegister(readFileSync(SAMPLE, 'utf8')).doc;
}

/** A session on a real register file in `dir` (default: a copy of the sample) and the API as main uses it. */
export async function openRegister(dir: string, doc: RegisterDocument = sampleDoc()) {
  const storePath = path.join(dir, 'register.json');
  await fs.writeFile(storePath, JSON.stringify({ ...doc, isSample: false }));
  const settings = await SettingsFile.load(path.join(dir, 'einstellungen.json'));
  const session = new RegisterSession({ settings, samplePath: SAMPLE });
  await session.open(storePath);
  const api = createApi(session, NO_DESKTOP);
  const onDisk = async () => JSON.parse(await fs.readFile(storePath, 'utf8')) as RegisterDocument;
  return { storePath, session, api, onDisk, call: (method: string, payload: unknown) => dispatch(api, method, payload) };
}

export type Opened = Awaited<ReturnType<typeof openRegister>>;

export function ok<T>(result: ApiResult<unknown>): T {
  if (!result.ok)
    throw new Error(`erwartet: ok, erhalten: ${result.error.code}: ${result.error.message} ${JSON.stringify(result.error.fields ?? [])}`);
  return result.value as T;
}

export function failed(result: ApiResult<unknown>): ApiError {
  if (result.ok) throw new Error('erwartet: Fehler, erhalten: ok');
  return result.error;
}

/** The stored record without what the service manages, i.e. the `fields` of a save request. */
export function fieldsOf<T extends object>(record: T, ...managed: string[]): Record<string, unknown> {
  const omit = new Set(['id', 'version', 'createdAt', 'updatedAt', 'deletedAt', 'anonymisedAt', 'minutesRecord', ...managed]);
  return Object.fromEntries(Object.entries(record).filter(([k]) => !omit.has(k)));
}

export type { Api };
