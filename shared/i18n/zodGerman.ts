import type { z } from 'zod';

/**
 * Zod's messages for the cases a schema gives no message of its own, fully in German. Zod's bundled
 * German locale leaves type names in English ("erwartet string, erhalten Zahl") and writes ">=3 Zeichen";
 * these read like the rest of the app. Installed once in core/primitives.ts.
 */
const TYPE_NAMES: Record<string, string> = {
  string: 'Text',
  number: 'Zahl',
  int: 'ganze Zahl',
  bigint: 'ganze Zahl',
  boolean: 'Ja/Nein-Wert',
  object: 'Eintrag mit Feldern',
  array: 'Liste',
  null: 'leerer Wert',
  undefined: 'kein Wert',
  date: 'Datum',
  symbol: 'Symbol',
  function: 'Funktion',
  nan: 'keine Zahl',
  map: 'Zuordnung',
  set: 'Menge',
  file: 'Datei',
  record: 'Zuordnung',
  literal: 'fester Wert',
};

const name = (t: unknown) => TYPE_NAMES[String(t)] ?? 'unbekannter Wert';

function received(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number' && Number.isNaN(input)) return 'nan';
  return typeof input;
}

const n = (value: unknown) =>
  typeof value === 'number' ? value.toLocaleString('de-DE') : typeof value === 'bigint' ? value.toString() : String(value);
const quote = (v: unknown) => (typeof v === 'string' ? `„${v}“` : String(v));

function plural(count: unknown, one: string, many: string): string {
  return `${n(count)} ${count === 1 ? one : many}`;
}

function sizeLimit(issue: { origin?: unknown; minimum?: unknown; maximum?: unknown; inclusive?: boolean }, kind: 'min' | 'max'): string {
  const limit = kind === 'min' ? issue.minimum : issue.maximum;
  const bound =
    kind === 'min' ? (issue.inclusive === false ? 'mehr als' : 'mindestens') : issue.inclusive === false ? 'weniger als' : 'höchstens';
  switch (issue.origin) {
    case 'string':
      return `Bitte ${bound} ${plural(limit, 'Zeichen', 'Zeichen')} eingeben.`;
    case 'array':
    case 'set':
      return `Bitte ${bound} ${plural(limit, 'Eintrag', 'Einträge')} angeben.`;
    case 'file':
      return `Die Datei muss ${bound} ${plural(limit, 'Byte', 'Byte')} groß sein.`;
    default:
      return `Der Wert muss ${bound} ${n(limit)} sein.`;
  }
}

export function germanIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return `Ungültige Eingabe: erwartet ${name(issue.expected)}, erhalten ${name(received(issue.input))}.`;
    case 'too_small':
      return sizeLimit(issue, 'min');
    case 'too_big':
      return sizeLimit(issue, 'max');
    case 'invalid_value':
      return issue.values.length === 1
        ? `Ungültiger Wert: erwartet ${quote(issue.values[0])}.`
        : `Ungültiger Wert: erwartet einer von ${issue.values.map(quote).join(', ')}.`;
    case 'unrecognized_keys':
      return issue.keys.length === 1
        ? `Unbekanntes Feld „${issue.keys[0]}“.`
        : `Unbekannte Felder: ${issue.keys.map((k) => `„${k}“`).join(', ')}.`;
    case 'invalid_format':
      return 'Ungültiges Format.';
    case 'not_multiple_of':
      return `Der Wert muss ein Vielfaches von ${n(issue.divisor)} sein.`;
    case 'invalid_union':
      return 'Ungültige Eingabe: keine der erlaubten Formen passt.';
    case 'invalid_key':
      return 'Ungültiger Schlüssel.';
    case 'invalid_element':
      return 'Ungültiger Eintrag.';
    default:
      return undefined;
  }
}
