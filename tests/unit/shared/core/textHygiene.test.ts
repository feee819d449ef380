import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApi, dispatch } from '@main/api';
import { NO_DESKTOP } from '@main/core/desktop';
import { RegisterSession } from '@main/session/session';
import { SettingsFile } from '@main/settings/settingsFile';
import { decodeRegister } from '@main/store/decode';
import { describeIoError } from '@main/store/ioErrors';
import { multiLineText, singleLineText } from '@shared/core/primitives';
import { de } from '@shared/i18n/de';
import { makeFields, makeRegister } from '@tests/fixtures/documents';

/** Issue 12, finding 9: invisible characters, and messages fully German with right units and plurals. */
describe('one rule for invisible characters', () => {
  const cases: [string, string][] = [
    ['bidi override (U+202E)', 'Rechnung\u202Etxt.exe'],
    ['bidi isolate (U+2066)', 'a\u2066b'],
    ['zero width space (U+200B)', 'Nord\u200Bmarkt'],
    ['zero width joiner (U+200D)', 'a\u200Db'],
    ['byte order mark inside text (U+FEFF)', 'a\uFEFFb'],
    ['C1 control (U+0085)', 'a\u0085b'],
    ['C1 control (U+009B)', 'a\u009Bb'],
  ];
  for (const [what, text] of cases) {
    it(`refuses ${what} in single- and multi-line text, in German`, () => {
      for (const schema of [singleLineText(200), multiLineText(2000)]) {
        const result = schema.safeParse(text);
        expect(result.success).toBe(false);
        expect(result.error?.issues[0]?.message).toBe(de.validation.invisibleChars);
      }
    });
  }

  it('accepts ordinary German text, symbols and emoji', () => {
    for (const text of ['Größe: 1.234,56 € – „Straße“ § 3', 'Ä Ö Ü ß é ñ', 'Gut gemacht 👍', 'Zeile 1\nZeile 2'])
      expect(multiLineText(200).safeParse(text).success).toBe(true);
  });

  it('the contract refuses a measure title with a bidi override (nothing saved); an old file with one still opens, stripped', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mpr-text-'));
    try {
      const storePath = path.join(dir, 'register.json');
      const doc = makeRegister(2);
      doc.measures[0] = { ...doc.measures[0]!, title: 'Spielplatz \u202Eenurb' };
      await fs.writeFile(storePath, JSON.stringify(doc));
      expect(decodeRegister(await fs.readFile(storePath, 'utf8')).doc.measures[0]!.title).toBe('Spielplatz enurb');
      const session = new RegisterSession({ settings: await SettingsFile.load(path.join(dir, 'einstellungen.json')), samplePath: '' });
      expect(await session.open(storePath)).toMatchObject({ state: 'open' });
      const before = await fs.readFile(storePath, 'utf8');
      const result = await dispatch(createApi(session, NO_DESKTOP), 'createMeasure', { fields: makeFields({ title: 'Neu\u202Egnirts' }) });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', fields: [{ field: 'title', message: de.validation.invisibleChars }] },
      });
      expect(await fs.readFile(storePath, 'utf8')).toBe(before);
      await session.close();
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('messages fully German', () => {
  it('type errors name German types, no English fragments', () => {
    const message = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error!.issues[0]!.message;
    expect(message(z.string(), 5)).toBe('Ungültige Eingabe: erwartet Text, erhalten Zahl.');
    expect(message(z.number(), 'x')).toBe('Ungültige Eingabe: erwartet Zahl, erhalten Text.');
    expect(message(z.array(z.string()), {})).toBe('Ungültige Eingabe: erwartet Liste, erhalten Eintrag mit Feldern.');
    expect(message(z.string().min(3), 'x')).toBe('Bitte mindestens 3 Zeichen eingeben.');
    expect(message(z.string().min(1), '')).toBe('Bitte mindestens 1 Zeichen eingeben.');
    expect(message(z.array(z.string()).min(1), [])).toBe('Bitte mindestens 1 Eintrag angeben.');
    expect(message(z.number().max(3), 5)).toBe('Der Wert muss höchstens 3 sein.');
    expect(message(z.enum(['a', 'b']), 'x')).toBe('Ungültiger Wert: erwartet einer von „a“, „b“.');
    for (const text of [message(z.string(), 5), message(z.boolean(), null), message(z.object({}), [])])
      expect(text).not.toMatch(/\b(string|number|object|array|boolean|null|undefined)\b/);
  });

  it('file errors (EFBIG, EISDIR, EIO …) are German sentences without the bare code', () => {
    for (const code of ['EFBIG', 'EISDIR', 'ENOTDIR', 'EMFILE', 'ENAMETOOLONG', 'EIO', 'ETIMEDOUT', 'ELOOP', 'EAGAIN']) {
      const text = describeIoError(Object.assign(new Error(code), { code }));
      expect(text).not.toContain(code);
      expect(text).toMatch(/^[A-ZÄÖÜ].*\.$/);
    }
    expect(describeIoError(Object.assign(new Error('x'), { code: 'EWEIRD' }))).toContain('Systemmeldung EWEIRD');
  });

  it('units and plurals: MiB for binary sizes, "1 Sekunde"', () => {
    expect(de.store.tooLarge(201)).toBe('Die Datei ist mit 201 MiB zu groß für ein Register (höchstens 200 MiB).');
    expect(de.submission.attachmentTooLarge).toContain('100 MiB');
    expect(de.import.file.timeout(1)).toContain('länger als 1 Sekunde gedauert');
    expect(de.import.file.timeout(30)).toContain('länger als 30 Sekunden gedauert');
    expect(de.import.file.tooLarge(21, 20)).toContain('21 MiB');
  });
});
