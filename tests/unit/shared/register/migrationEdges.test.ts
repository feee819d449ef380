/**
 * Edges of the v1 → current migration that the pilot fixture does not show (found by mutation testing):
 * dates in other shapes, an amount without its year (and the reverse), a sample register, a file without
 * its creation time; and, for v5 → v6, the co-signer named in TOP 1 in its other wordings.
 */
import { describe, expect, it } from 'vitest';
import { migrate } from '@shared/register/migrations';
import { registerDocumentSchema } from '@shared/register/register';
import { loadV1 } from '@tests/fixtures/documents';

function v1With(measure: Record<string, unknown>, top: Record<string, unknown> = {}) {
  const v1 = loadV1();
  const first = (v1.measures as Record<string, unknown>[])[0]!;
  return registerDocumentSchema.parse(migrate({ ...v1, ...top, measures: [{ ...first, ...measure }] }).doc);
}

describe('v1 edges', () => {
  it.each([
    ['a day with a time', '2019-06-01T00:00:00Z'],
    ['a German date', '01.06.2019'],
    ['text around a day', 'ab 2019-06-01'],
    ['a number', 20190601],
  ])('drops a start that is %s (%j), keeps no guess', (_label, start) => {
    expect(v1With({ start }).measures[0]!.plannedStart).toBeNull();
  });

  it.each([
    ['an amount without a year', { budgetEuro: 500, budgetYear: null }],
    ['a year without an amount', { budgetEuro: null, budgetYear: 2020 }],
    ['an amount as text', { budgetEuro: '500', budgetYear: 2020 }],
    ['a year as text', { budgetEuro: 500, budgetYear: '2020' }],
  ])('makes no budget line from %s', (_label, budget) => {
    expect(v1With(budget).measures[0]!.budget).toEqual([]);
  });

  it('keeps the sample flag, and dates a file without creation time to the Masterplan decision', () => {
    const doc = v1With({ updatedAt: undefined }, { isSample: true, createdAt: undefined });
    expect(doc.isSample).toBe(true);
    expect(doc.createdAt).toBe('2019-02-14T00:00:00.000Z');
    expect(doc.measures[0]!.updatedAt).toBe('2019-02-14T00:00:00.000Z');
  });
});

describe('v5 → v6: the co-signer named in TOP 1, in its other wordings', () => {
  const member = (id: string, bodyId: string, delegate: string, deputy = '') => ({
    id,
    bodyId,
    delegate,
    deputy,
    organisation: 'O',
    orgUnitId: null,
    role: 'mitglied',
    termStart: null,
    termEnd: null,
    note: '',
    anonymisedAt: null,
    version: 1,
    createdAt: '2025-11-01T08:00:00.000Z',
    updatedAt: '2025-11-01T08:00:00.000Z',
  });
  const members = [
    member('a', 'gremium-vv', 'Hartmann, Peter', 'Dr. Yilmaz, Deniz'),
    member('b', 'gremium-vv', 'Schulz, Anna'),
    member('c', 'gremium-vv', 'Schulz, Bernd'),
    member('d', 'gremium-vv', 'Ohnekomma Otto'),
  ];
  const item = (result: string, overrides: Record<string, unknown> = {}) => ({
    id: 'top-1',
    number: '1',
    title: 'Benennung eines Mitglieds zur Mitunterzeichnung der Niederschrift',
    kind: 'standard',
    isPublic: true,
    description: '',
    measureIds: [],
    submissionIds: [],
    recommendationIds: [],
    minutes: '',
    result,
    ...overrides,
  });
  const named = (agenda: unknown[]) => {
    const { schemaVersion: _v, ...rest } = registerDocumentSchema.parse(migrate(loadV1()).doc);
    const meeting = {
      id: 'sitzung-1',
      bodyId: 'gremium-vv',
      number: '1. Sitzung',
      date: '2025-11-13',
      startTime: null,
      endTime: null,
      place: '',
      state: 'durchgefuehrt',
      chair: '',
      recorder: '',
      invitationText: '',
      attendance: { members: null, guests: null, organisations: [] },
      agenda,
      deletedAt: null,
      version: 1,
      createdAt: '2025-11-01T08:00:00.000Z',
      updatedAt: '2025-11-14T08:00:00.000Z',
    };
    return registerDocumentSchema.parse(migrate({ ...rest, schemaVersion: 5, bodyMembers: members, meetings: [meeting] }).doc).meetings[0]!
      .coSigners;
  };

  it.each([
    ['given and family name', 'Peter Hartmann wird benannt.', { title: '', given: 'Peter', family: 'Hartmann' }],
    ['a deputy, with the title from the list', 'Frau Yilmaz wird benannt', { title: 'Dr.', given: 'Deniz', family: 'Yilmaz' }],
    ['"als … benannt"', 'Herr Hartmann wird als Mitunterzeichner benannt.', { title: '', given: 'Peter', family: 'Hartmann' }],
    ['spread over lines', 'Herr   Hartmann\nwird\nbenannt.', { title: '', given: 'Peter', family: 'Hartmann' }],
    ['a title only in the minutes', 'Dr. Hartmann wird benannt.', { title: 'Dr.', given: 'Peter', family: 'Hartmann' }],
    ['two members of that family: as written', 'Frau Schulz wird benannt.', { title: '', given: '', family: 'Schulz' }],
    ['a name not in list form is no match', 'Herr Otto wird benannt.', { title: '', given: '', family: 'Otto' }],
  ])('%s: %j', (_label, result, person) => {
    expect(named([item(result)])).toEqual([person]);
  });

  it('reads TOP 1 only: another item with a naming, or a Sachpunkt of that title, names no one', () => {
    expect(named([item('Herr Hartmann wird benannt.', { title: 'Verschiedenes' })])).toEqual([]);
    expect(named([item('Herr Hartmann wird benannt.', { kind: 'sache' })])).toEqual([]);
    expect(named([item('Herr Hartmann wird benannt und mehr.')])).toEqual([]);
  });
});
