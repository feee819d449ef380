import { z } from 'zod';
import { id } from './primitives';

/**
 * What every feature's contract slice (`shared/<feature>/<feature>Contract.ts`) is written with. The
 * slices are composed into the one API in shared/contract.ts.
 */

/** One method: the request schema (checked in main for every call) and, as a type only, the response. */
export function method<Res>() {
  return <Req extends z.ZodType>(request: Req) => ({ request, response: undefined as unknown as Res });
}

export interface Saved<T> {
  value: T;
  /** Time the change became durable on disk. */
  savedAt: string;
}

export interface ExportResult {
  path: string;
  bytes: number;
}

export const empty = z.strictObject({});
export const byId = z.strictObject({ id });
export const version = z.number().int().min(1);
export const byIdAndVersion = z.strictObject({ id, version });
/** The id of an entry being saved; null creates it. */
export const draftId = id.nullable();
