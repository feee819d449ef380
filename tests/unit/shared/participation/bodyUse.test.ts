import { describe, expect, it } from 'vitest';
import { bodyUseCount, bodyUseCounts } from '@shared/participation/participationRules';
import { bodyRefusal } from '@shared/register/referenceUsage';
import type { RegisterDocument } from '@shared/register/register';
import { makeRegister } from '@tests/fixtures/documents';

/** A register whose records name bodies; only the fields the count reads are filled in. */
function registerUsing(): RegisterDocument {
  const records = (list: Record<string, unknown>[]) => list as never;
  return makeRegister(0, {
    submissions: records([
      // Beratungsfolge and Beschluss name the Rat: one Vorlage, one use.
      { consultations: [{ bodyId: 'rat' }, { bodyId: 'hauptausschuss' }], resolutions: [{ bodyId: 'rat' }] },
    ]),
    bodyMembers: records([{ bodyId: 'vv' }, { bodyId: 'vv' }]),
    meetings: records([{ bodyId: 'vv' }]),
    recommendations: records([
      { bodyId: 'vv', addresseeBodyId: 'rat' },
      { bodyId: 'vv', addresseeBodyId: 'vv' },
    ]),
    trackedDecisions: records([{ bodyId: 'hauptausschuss' }]),
  });
}

describe('bodyUseCounts', () => {
  it('counts each record once per body it names, and agrees with bodyUseCount', () => {
    const doc = registerUsing();
    expect(bodyUseCounts(doc)).toEqual({ rat: 2, hauptausschuss: 2, vv: 5 });
    for (const id of ['rat', 'hauptausschuss', 'vv', 'unused']) expect(bodyUseCount(doc, id)).toBe(bodyUseCounts(doc)[id] ?? 0);
  });
});

describe('bodyRefusal', () => {
  it('is null for an unused body and names the uses of a used one', () => {
    expect(bodyRefusal(0)).toBeNull();
    expect(bodyRefusal(1)).toBe(
      'Das Gremium kann nicht gelöscht werden: Es wird an 1 Stelle verwendet (Beratungsfolge, Mitglieder, Sitzungen oder Beschlussverfolgung). Setzen Sie es stattdessen auf „nicht aktiv“.',
    );
    expect(bodyRefusal(5)).toMatch(/^Das Gremium kann nicht gelöscht werden: Es wird an 5 Stellen verwendet/);
  });
});
