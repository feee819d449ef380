/**
 * The v1 fixture migrated to the current version, compared field by field with a golden document
 * (tests/fixtures/register-v1-migrated.json, checked by hand when written: cents, district codes, dates,
 * kept timestamps and reasons). Any field a migration step loses, renames or fills differently shows up
 * as its own path. When a new schema version is added on purpose, regenerate the golden and review the diff.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '@shared/register/migrations';
import { CURRENT_SCHEMA_VERSION, registerDocumentSchema } from '@shared/register/register';
import { FIXTURES_DIR, loadV1 } from '@tests/fixtures/documents';

const golden = JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'register-v1-migrated.json'), 'utf8')) as Record<string, unknown>;

/** Every leaf of a JSON value by its path ("measures[0].updatedAt"); empty arrays and objects are leaves too. */
function leaves(value: unknown, at = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(value) && value.length > 0) value.forEach((item, i) => leaves(item, `${at}[${i}]`, out));
  else if (value !== null && typeof value === 'object' && Object.keys(value).length > 0)
    for (const [key, item] of Object.entries(value)) leaves(item, at ? `${at}.${key}` : key, out);
  else out.set(at, value);
  return out;
}

function diffsAgainst(golden: Record<string, unknown>, migrated: unknown): string[] {
  const want = leaves(golden);
  const got = leaves(JSON.parse(JSON.stringify(migrated)));
  const diffs: string[] = [];
  for (const [key, value] of want)
    if (!got.has(key)) diffs.push(`${key}: missing (golden ${JSON.stringify(value)})`);
    else if (JSON.stringify(got.get(key)) !== JSON.stringify(value))
      diffs.push(`${key}: ${JSON.stringify(got.get(key))} ≠ golden ${JSON.stringify(value)}`);
  for (const key of got.keys()) if (!want.has(key)) diffs.push(`${key}: not in the golden`);
  return diffs;
}

/**
 * The v5 fixture (tests/fixtures/register-v5.json: sessions with list-form names, TOP 1 naming a co-signer,
 * one session "abgeschlossen", recommendations and decisions of its day) against register-v5-migrated.json,
 * checked by hand when written: names in parts ("Prof. Dr. von Wolters, Ines" from the body's deputies),
 * the record of the closed session (its body, its measures' numbers, its live recommendation with today's
 * state, the decision of its body and day, not the Rat's), no record for the session only held.
 */
describe('v5 fixture → current version, against the golden document', () => {
  const v5 = () => JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'register-v5.json'), 'utf8')) as Record<string, unknown>;
  const golden5 = JSON.parse(readFileSync(path.join(FIXTURES_DIR, 'register-v5-migrated.json'), 'utf8')) as Record<string, unknown>;

  it('the golden is a valid current document and every field equals it', () => {
    expect(golden5.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(registerDocumentSchema.safeParse(golden5).success).toBe(true);
    const migrated = registerDocumentSchema.parse(migrate(v5()).doc);
    expect(diffsAgainst(golden5, migrated)).toEqual([]);
  });

  it('is pure: the input stays as it was, and the same input gives the same output', () => {
    const input = v5();
    const copy = structuredClone(input);
    const once = migrate(input).doc;
    expect(input).toEqual(copy);
    expect(migrate(v5()).doc).toEqual(once);
  });
});

describe('v1 fixture → current version, against the golden document', () => {
  const migrated = registerDocumentSchema.parse(migrate(loadV1()).doc);

  it('the golden is a valid current document', () => {
    expect(golden.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(registerDocumentSchema.safeParse(golden).success).toBe(true);
  });

  it('every field equals the golden (listed by path when not)', () => {
    const want = leaves(golden);
    const got = leaves(JSON.parse(JSON.stringify(migrated)));
    const diffs: string[] = [];
    for (const [key, value] of want)
      if (!got.has(key)) diffs.push(`${key}: missing (golden ${JSON.stringify(value)})`);
      else if (JSON.stringify(got.get(key)) !== JSON.stringify(value))
        diffs.push(`${key}: ${JSON.stringify(got.get(key))} ≠ golden ${JSON.stringify(value)}`);
    for (const key of got.keys()) if (!want.has(key)) diffs.push(`${key}: not in the golden`);
    expect(diffs).toEqual([]);
    expect(want.size).toBeGreaterThan(200);
  });

  it('keeps what v1 stored per measure: its own updatedAt and status reason', () => {
    const v1 = loadV1() as { measures: { id: string; updatedAt?: string; statusReason?: string }[] };
    for (const m of v1.measures) {
      const after = migrated.measures.find((x) => x.id === m.id)!;
      expect(after.updatedAt, m.id).toBe(m.updatedAt ?? '2019-03-01T08:00:00.000Z');
      expect(after.statusReason, m.id).toBe(m.statusReason ?? '');
    }
    expect(v1.measures.filter((m) => m.updatedAt).length).toBeGreaterThan(0);
  });
});
