/** emptyCollections(): every list of the current schema that starts out empty, fresh on every call. */
import { describe, expect, it } from 'vitest';
import { createEmptyRegister } from '@shared/register/newRegister';
import { emptyCollections, registerDocumentSchema } from '@shared/register/register';

/** Lists a new register fills in (Fassungen, Handlungsfelder, Gremien, …) rather than leaving empty. */
const PREFILLED = ['editions', 'actionFields', 'orgUnits', 'statuses', 'bodies'];

describe('emptyCollections', () => {
  it('covers every list of the schema except the prefilled ones, all empty', () => {
    const doc = createEmptyRegister('r-1', '2026-01-01T00:00:00.000Z');
    const lists = Object.keys(registerDocumentSchema.shape).filter(
      (key) => Array.isArray(doc[key as keyof typeof doc]) && !PREFILLED.includes(key),
    );
    const empty = emptyCollections();
    expect(
      Object.keys(empty)
        .filter((key) => key !== 'reviews')
        .sort(),
    ).toEqual(lists.sort());
    for (const [key, value] of Object.entries(empty)) {
      if (key === 'reviews') expect(Object.values(value).every((list) => Array.isArray(list) && list.length === 0)).toBe(true);
      else expect(value, key).toEqual([]);
    }
  });

  it('gives fresh lists each time (one register never shares a list with another)', () => {
    const a = emptyCollections();
    const b = emptyCollections();
    a.measures.push({} as never);
    a.reviews.comments.push({} as never);
    expect(b.measures).toEqual([]);
    expect(b.reviews.comments).toEqual([]);
  });

  it('a new register is valid and keeps the schema’s key order', () => {
    const doc = createEmptyRegister('r-1', '2026-01-01T00:00:00.000Z');
    expect(registerDocumentSchema.safeParse(doc).success).toBe(true);
    // Keys a new document leaves out must be optional in the schema (e.g. `revision`, set when the file is written).
    const shape = registerDocumentSchema.shape as Record<string, { safeParse(value: unknown): { success: boolean } }>;
    const absent = Object.keys(shape).filter((key) => !(key in doc));
    for (const key of absent) expect(shape[key]!.safeParse(undefined).success, key).toBe(true);
    expect(Object.keys(doc)).toEqual(Object.keys(shape).filter((key) => key in doc));
  });
});
