/** Doubled keys in a register (shared/register/duplicateIds.ts), alone and as checkRegisterIntegrity reports them. */
import { describe, expect, it } from 'vitest';
import { duplicateIdProblems } from '@shared/register/duplicateIds';
import { checkRegisterIntegrity } from '@shared/register/rules';
import { makeRegister } from '@tests/fixtures/documents';

describe('duplicateIdProblems', () => {
  it('names each id after its first place, in the order found', () => {
    expect(duplicateIdProblems('Gremium', ['a', 'b', 'a', 'c', 'a', 'b'])).toEqual([
      'Gremium mit der Kennung a kommt mehrfach vor.',
      'Gremium mit der Kennung a kommt mehrfach vor.',
      'Gremium mit der Kennung b kommt mehrfach vor.',
    ]);
  });

  it('is empty for distinct ids and for none', () => {
    expect(duplicateIdProblems('Gremium', ['a', 'b'])).toEqual([]);
    expect(duplicateIdProblems('Gremium', [])).toEqual([]);
  });
});

describe('checkRegisterIntegrity: doubled keys', () => {
  it('reports them first, collection by collection (statuses by their key)', () => {
    const doc = makeRegister(2);
    expect(checkRegisterIntegrity(doc)).toEqual([]);
    const broken = {
      ...doc,
      statuses: [...doc.statuses, doc.statuses[0]!],
      orgUnits: [...doc.orgUnits, doc.orgUnits[0]!],
      editions: [...doc.editions, doc.editions[0]!],
    };
    expect(checkRegisterIntegrity(broken).slice(0, 3)).toEqual([
      `Fassung mit der Kennung ${doc.editions[0]!.id} kommt mehrfach vor.`,
      `Organisationseinheit mit der Kennung ${doc.orgUnits[0]!.id} kommt mehrfach vor.`,
      `Status mit der Kennung ${doc.statuses[0]!.key} kommt mehrfach vor.`,
    ]);
  });
});
