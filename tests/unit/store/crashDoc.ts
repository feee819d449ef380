import type { RegisterDocument } from '@shared/register/register';
import { makeMeasure, makeRegister } from '../../fixtures/documents';

/**
 * The document the crash child writes as its `seq`-th version: a valid register of a few MB whose every
 * measure text depends on `seq`, and whose size varies with `seq`. Deterministic, so the parent can
 * rebuild the exact bytes for any sequence number it finds on disk: a torn write, a mix of two versions
 * or a truncated tail cannot match.
 */
export function crashDocument(seq: number): RegisterDocument {
  const count = 600 + (seq % 7) * 10;
  const measures = Array.from({ length: count }, (_, k) =>
    makeMeasure(k + 1, {
      title: `Maßnahme ${k + 1} – Stand ${seq}`,
      description: `Stand ${seq}, Maßnahme ${k + 1}. `.repeat(120),
    }),
  );
  return makeRegister(0, { name: `Crash-Test Stand ${seq}`, measures });
}

export function crashText(seq: number): string {
  return JSON.stringify(crashDocument(seq), null, 1);
}

/** Reads the sequence number from the file name field without trusting the rest of the file. */
export function seqOf(doc: { name?: unknown }): number {
  const match = typeof doc.name === 'string' ? /^Crash-Test Stand (\d+)$/.exec(doc.name) : null;
  if (!match) throw new Error(`no sequence number in ${JSON.stringify(doc.name)}`);
  return Number(match[1]);
}
