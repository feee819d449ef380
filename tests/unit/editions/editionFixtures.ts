/**
 * A small register for the Fortschreibung tests: Fassung "alt" (beschlossen, current) with the Handlungsfelder
 * a1 "Sichere Nachbarschaft", a2 "Sichere öffentliche Räume", a3 "Sichere Infrastruktur" and the measures
 * A1-01…A1-03, A2-01…A2-03, A3-01…A3-02 (plus one in the Papierkorb), and deterministic ids.
 */
import type { FortschreibungIds } from '@shared/editions/fortschreibung';
import type { FortschreibungDraft } from '@shared/editions/fortschreibungModel';
import type { Measure } from '@shared/register/measure';
import type { RegisterDocument } from '@shared/register/register';
import { makeMeasure, makeRegister, STAMP } from '../../fixtures/documents';

export const NOW = '2026-02-01T10:00:00.000Z';

export function oldRegister(): RegisterDocument {
  const measure = (field: string, n: number, overrides: Partial<Measure> = {}): Measure =>
    makeMeasure(1, {
      id: `${field}-m${n}`,
      number: `${field.toUpperCase()}-0${n}`,
      title: `Maßnahme ${field.toUpperCase()}-0${n}`,
      actionFieldId: field,
      ...overrides,
    });
  return makeRegister(0, {
    editions: [{ id: 'alt', name: 'Masterplan 2019', printNumber: '12534-18', decidedOn: '2019-02-14', state: 'beschlossen' }],
    currentEditionId: 'alt',
    actionFields: [
      { id: 'a1', editionId: 'alt', code: 'A1', name: 'Sichere Nachbarschaft', description: '', guidingGoal: '' },
      { id: 'a2', editionId: 'alt', code: 'A2', name: 'Sichere öffentliche Räume', description: '', guidingGoal: '' },
      { id: 'a3', editionId: 'alt', code: 'A3', name: 'Sichere Infrastruktur', description: '', guidingGoal: '' },
    ],
    measures: [
      measure('a1', 1, { description: 'Kampagne', status: 'in_umsetzung', leadOrgUnitId: 'ou-32' }),
      measure('a1', 2),
      measure('a1', 3, { status: 'zusammengefuehrt', statusReason: 'in A1-01 aufgegangen', linkedMeasureId: 'a1-m1' }),
      measure('a2', 1, { districts: ['IN'] }),
      measure('a2', 2, { parentMeasureId: 'a2-m1' }),
      measure('a2', 3),
      measure('a3', 1),
      measure('a3', 2),
      measure('a3', 9, { deletedAt: STAMP }),
    ],
  });
}

/** Ids like "edition:Neue Fassung", "field:neu-1", "measure:a1-m1", readable in assertions. */
export const IDS: FortschreibungIds = { newId: (kind, hint) => `${kind}-${hint}`.replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 64) };

export function draftMeta() {
  return { id: 'draft-1', now: NOW, user: 'Test' };
}

export type Draft = FortschreibungDraft;

export function decision(draft: Draft, measureId: string) {
  const d = draft.decisions.find((x) => x.measureId === measureId);
  if (!d) throw new Error(`no decision for ${measureId}`);
  return d;
}

/** Deeply frozen copy, so a test notices any mutation of the input document. */
export function frozen<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.freeze(value);
    for (const v of Object.values(value)) frozen(v);
  }
  return value;
}
