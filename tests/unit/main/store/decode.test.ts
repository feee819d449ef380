import { describe, expect, it } from 'vitest';
import { decodeRegister, parseJson, RegisterFileError } from '@main/store/decode';
import { CURRENT_SCHEMA_VERSION } from '@shared/register/register';
import { de } from '@shared/i18n/de';
import { loadV1, makeRegister } from '@tests/fixtures/documents';

/** Runs `decodeRegister` and returns the RegisterFileError it must throw. */
function decodeError(text: string): RegisterFileError {
  try {
    decodeRegister(text);
  } catch (error) {
    expect(error).toBeInstanceOf(RegisterFileError);
    return error as RegisterFileError;
  }
  throw new Error('decodeRegister accepted the text');
}

const valid = () => JSON.stringify(makeRegister(3), null, 2);

describe('decodeRegister', () => {
  it('decodes a valid current file, also with a UTF-8 BOM', () => {
    const decoded = decodeRegister(valid());
    expect(decoded.migratedFrom).toBeNull();
    expect(decoded.doc).toEqual(makeRegister(3));
    expect(decodeRegister(`\ufeff${valid()}`).doc.measures).toHaveLength(3);
  });

  it('lifts a version-1 file in memory and says so', () => {
    const decoded = decodeRegister(JSON.stringify(loadV1()));
    expect(decoded.migratedFrom).toBe(1);
    expect(decoded.doc.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
  });

  it.each([
    ['an empty file', ''],
    ['a file of whitespace', ' \n\t\r\n  '],
  ])('calls %s empty', (_what, text) => {
    const error = decodeError(text);
    expect(error.kind).toBe('empty');
    expect(error.message).toBe(de.store.empty);
  });

  it('calls a file with NUL bytes binary', () => {
    const error = decodeError('\u0000\u0001PK\u0003\u0004 binary');
    expect(error).toMatchObject({ kind: 'binary', message: de.store.binary });
    // Also when the NUL comes after a plausible start.
    expect(decodeError(`{"schemaVersion": 2,\u0000}`).kind).toBe('binary');
  });

  it('reports where a truncated file ends, as line and column', () => {
    // Cut inside a string on line 3, which has 15 characters: the file ends at character 16.
    const text = '{\n  "schemaVersion": 2,\n  "name": "Mast';
    const error = decodeError(text);
    expect(error.kind).toBe('damaged');
    expect(error.message).toMatch(/Zeile \d+, Zeichen \d+/);
    expect(error.message).toBe(de.store.damaged(3, 16));
  });

  it('reports line and column for a real document cut in half', () => {
    const full = valid();
    const error = decodeError(full.slice(0, Math.floor(full.length / 2)));
    expect(error.kind).toBe('damaged');
    const [, line] = /Zeile (\d+), Zeichen (\d+)/.exec(error.message) ?? [];
    // The reported line is the last line of the cut text, not 1 and not beyond the end.
    expect(Number(line)).toBe(full.slice(0, Math.floor(full.length / 2)).split('\n').length);
  });

  it('calls malformed JSON damaged even when the parser gives no position', () => {
    const error = decodeError('{"schemaVersion": }');
    expect(error.kind).toBe('damaged');
    expect(error.message).toMatch(/^Die Datei ist beschädigt oder unvollständig/);
  });

  it('refuses a newer format with kind "newer"', () => {
    const error = decodeError(JSON.stringify({ ...makeRegister(1), schemaVersion: CURRENT_SCHEMA_VERSION + 1 }));
    expect(error.kind).toBe('newer');
    expect(error.message).toBe(de.store.newerVersion(CURRENT_SCHEMA_VERSION + 1, CURRENT_SCHEMA_VERSION));
  });

  it('refuses JSON that is not a register', () => {
    expect(decodeError('[1, 2, 3]')).toMatchObject({ kind: 'invalid', message: de.store.notARegister });
    expect(decodeError('{"name": "x"}')).toMatchObject({ kind: 'invalid', message: de.store.noSchemaVersion });
  });

  it('names the measure by its number when it has an unknown field', () => {
    const doc = makeRegister(3) as unknown as { measures: Record<string, unknown>[] };
    doc.measures[1]!.farbe = 'rot';
    const error = decodeError(JSON.stringify(doc));
    expect(error.kind).toBe('invalid');
    expect(error.message).toMatch(/^Die Datei enthält einen ungültigen Eintrag: Maßnahme HF1-02/);
  });

  it('names measure and field for a bad value, and counts several problems', () => {
    const doc = makeRegister(3);
    doc.measures[2]!.title = '';
    expect(decodeError(JSON.stringify(doc)).message).toBe(
      de.store.invalid(1, `Maßnahme HF1-03, Feld „title“: ${de.validation.titleRequired}`),
    );
    doc.measures[0]!.plannedStart = '2025-02-30';
    expect(decodeError(JSON.stringify(doc)).message).toMatch(
      /^Die Datei enthält 2 ungültige Einträge, zuerst: Maßnahme HF1-01, Feld „plannedStart“/,
    );
  });
});

describe('parseJson', () => {
  it('returns the value of valid JSON', () => {
    expect(parseJson('{"a":[1,2]}')).toEqual({ a: [1, 2] });
  });

  it('throws a "damaged" RegisterFileError for an empty-ended input', () => {
    expect(() => parseJson('{"a": [1, 2')).toThrow(RegisterFileError);
  });
});
