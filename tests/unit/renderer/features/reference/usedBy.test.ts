import { describe, expect, it } from 'vitest';
import { usedBy } from '@renderer/features/reference/usedBy';

type Row = { deletedAt: string | null; lead: string | null; involved: string[] };
const row = (lead: string | null, involved: string[] = [], deletedAt: string | null = null): Row => ({ deletedAt, lead, involved });

describe('usedBy', () => {
  it('counts each live row once per entry it names, skips the Papierkorb and empty references', () => {
    const rows = [row('fb32', ['fb37']), row('fb32', ['fb32']), row(null, ['fb37']), row('fb32', [], '2026-01-01T00:00:00.000Z')];
    const counts = usedBy(rows, (r) => [r.lead, ...r.involved]);
    expect(Object.fromEntries(counts)).toEqual({ fb32: 2, fb37: 2 });
  });
});
