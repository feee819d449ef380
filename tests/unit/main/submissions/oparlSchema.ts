/**
 * Validation against the official OParl 1.1 JSON schemas (tests/fixtures/oparl-1.1, from OParl/spec).
 * The schemas embed objects with a `schema` keyword naming another schema file and use the format
 * `url`; both are defined here (an embedded object is checked against the named schema; a url is an
 * absolute http(s) URL). Their documentation keywords are accepted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject } from 'ajv';

const DIR = path.join(import.meta.dirname, '..', '..', '..', 'fixtures', 'oparl-1.1');

function createValidator() {
  // The schemas' patterns escape ":" and "/", which Unicode regular expressions reject.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('url', /^https?:\/\/[^\s/?#]+(?:\/[^\s#]*)?(?:#\S*)?$/);
  ajv.addFormat('date', /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  ajv.addKeyword({ keyword: 'schema', macro: (name: string) => ({ $ref: name }) });
  for (const keyword of ['references', 'backreference', 'cardinality']) ajv.addKeyword({ keyword });
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.json')))
    ajv.addSchema(JSON.parse(readFileSync(path.join(DIR, file), 'utf8')) as object, file);
  return ajv;
}

const ajv = createValidator();

/** The violations of `value` against the named OParl schema ("Paper.json"), as readable lines. */
export function oparlViolations(schema: string, value: unknown): string[] {
  const validate = ajv.getSchema(schema);
  if (!validate) throw new Error(`no OParl schema ${schema}`);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e: ErrorObject) => `${schema}${e.instancePath} ${e.message ?? ''}`);
}

/** Every object of an export (Paper with its embedded objects, organisations) against its schema. */
export function exportViolations(out: { paper: unknown; organizations: readonly unknown[] }): string[] {
  return [...oparlViolations('Paper.json', out.paper), ...out.organizations.flatMap((o) => oparlViolations('Organization.json', o))];
}
