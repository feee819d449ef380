/**
 * One-off: adds the 2019 plan to resources/sample-register.json (see sampleEditions.ts). Refuses if the
 * sample has it already; writes the file only when the result decodes and has no integrity problems.
 * `npx tsx tests/unit/editions/writeSampleEditions.ts`
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeRegister } from '@main/store/decode';
import { compareEditions } from '@shared/editions/editionCompare';
import { checkRegisterIntegrity } from '@shared/register/rules';
import { addEditions2019 } from './sampleEditions';

const file = path.resolve(import.meta.dirname, '../../../resources/sample-register.json');
const original = readFileSync(file, 'utf8');
const next = addEditions2019(decodeRegister(original).doc);
// The file keeps its key order and content; only the 2019 Fassung, its Handlungsfelder and measures and the
// Fortschreibung record are added.
const raw = JSON.parse(original) as Record<string, unknown[]>;
const added = next.actionFields.length - raw.actionFields!.length;
const merged: Record<string, unknown> = {};
for (const [key, value] of Object.entries(raw)) {
  if (key === 'audit') Object.assign(merged, { fortschreibungen: next.fortschreibungen, fortschreibungDrafts: [] });
  if (key === 'editions') merged[key] = [next.editions[0], ...value];
  else if (key === 'actionFields') merged[key] = [...next.actionFields.slice(0, added), ...value];
  else if (key === 'measures') merged[key] = [...value, ...next.measures.slice(value.length)];
  else merged[key] = value;
}
const text = `${JSON.stringify(merged, null, 2)}\n`;
const decoded = decodeRegister(text).doc;
const problems = checkRegisterIntegrity(decoded);
if (problems.length > 0) throw new Error(problems.join('\n'));
const c = compareEditions(decoded, 'fassung-2019', decoded.currentEditionId);
writeFileSync(file, text);
process.stdout.write(`geschrieben: ${file} ${JSON.stringify(c.counts)}\n`);
