/**
 * The sample register holds two Fassungen (DOMAIN.md §1): the 2019 plan (DS 12534-18) and the draft
 * Masterplan 2.0 made from it by a Fortschreibung. Everything refers to existing records, and registers
 * written before Fortschreibungen existed still open.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeRegister } from '@main/store/decode';
import { CURRENT_SCHEMA_VERSION } from '@shared/register/register';
import { compareEditions } from '@shared/editions/editionCompare';
import { measureLineage, measuresOfEdition } from '@shared/editions/fortschreibung';
import { migrate } from '@shared/register/migrations';
import { checkRegisterIntegrity } from '@shared/register/rules';
import { makeRegister } from '@tests/fixtures/documents';
import { addEditions2019 } from './sampleEditions';

const text = readFileSync(path.resolve(import.meta.dirname, '../../../resources/sample-register.json'), 'utf8');

describe('sample register with two Fassungen', () => {
  const doc = decodeRegister(text).doc;

  it('has the 2019 plan (beschlossen) and the current draft 2.0, consistent throughout', () => {
    expect(doc.editions.map((e) => [e.id, e.printNumber, e.decidedOn, e.state])).toEqual([
      ['fassung-2019', '12534-18', '2019-02-14', 'beschlossen'],
      ['fassung-2-0', '26093-22', null, 'entwurf'],
    ]);
    expect(doc.currentEditionId).toBe('fassung-2-0');
    expect(measuresOfEdition(doc, 'fassung-2019')).toHaveLength(31);
    expect(measuresOfEdition(doc, 'fassung-2-0')).toHaveLength(36);
    expect(doc.actionFields.filter((f) => f.editionId === 'fassung-2019').map((f) => `${f.code} ${f.name}`)).toEqual([
      'AG1 Sichere Nachbarschaft',
      'AG2 Sichere öffentliche Räume',
      'AG3 Sichere Infrastruktur',
    ]);
    expect(checkRegisterIntegrity(doc)).toEqual([]);
    // Submissions and Kennzahlen still refer to the 2.0 measures.
    const ids2 = new Set(measuresOfEdition(doc, 'fassung-2-0').map((m) => m.id));
    for (const s of doc.submissions) for (const id of s.linkedMeasureIds) expect(ids2.has(id), id).toBe(true);
    for (const i of doc.indicators) expect(ids2.has(i.measureId), i.measureId).toBe(true);
  });

  it('compares 2019 with 2.0: carried (mostly changed since), merged, superseded, ended and new measures', () => {
    const c = compareEditions(doc, 'fassung-2019', 'fassung-2-0');
    expect(c.counts).toEqual({ added: 13, changed: 18, carried: 2, merged: 4, superseded: 3, ended: 4 });
    expect(c.fieldChanges.map((f) => f.kind)).toEqual(['renamed', 'renamed', 'renamed']);
    expect(measureLineage(doc, 'm-hf2-01').map((n) => `${n.editionName}: ${n.number}`)).toEqual([
      'Masterplan Kommunale Sicherheit 2019: AG2-01',
      'Masterplan Kommunale Sicherheit 2.0: HF2-01',
    ]);
  });

  it('the script that added the 2019 plan refuses to add it twice', () => {
    expect(() => addEditions2019(doc)).toThrow('Die Beispieldaten enthalten die Fassung 2019 bereits.');
  });
});

describe('registers without Fortschreibungen', () => {
  it('a version-4 file written before them opens with none', () => {
    const { fortschreibungen: _f, fortschreibungDrafts: _d, ...older } = makeRegister(2);
    const decoded = decodeRegister(JSON.stringify(older));
    expect(decoded.doc.fortschreibungen).toEqual([]);
    expect(decoded.doc.fortschreibungDrafts).toEqual([]);
  });

  it('the migration from version 3 adds both lists', () => {
    const { doc } = migrate({ ...makeRegister(0), schemaVersion: 3, indicators: undefined, evaluationRounds: undefined, assessments: undefined, imports: undefined, fortschreibungen: undefined, fortschreibungDrafts: undefined });
    expect(doc).toMatchObject({ schemaVersion: CURRENT_SCHEMA_VERSION, fortschreibungen: [], fortschreibungDrafts: [] });
  });
});
