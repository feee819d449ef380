/**
 * One-off: adds Gremien & Beteiligung to resources/sample-register.json (see sampleParticipation.ts).
 * Refuses if the sample has it already; writes only when the result decodes.
 * `npx tsx tests/unit/participation/writeSampleParticipation.ts`
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { decodeRegister } from '@main/store/decode';
import { addParticipation } from './sampleParticipation';

const file = path.resolve(import.meta.dirname, '../../../resources/sample-register.json');
const original = readFileSync(file, 'utf8');
const next = addParticipation(decodeRegister(original).doc);
const raw = JSON.parse(original) as Record<string, unknown>;
// Keep the file as it is; only the participation lists (and the extra bodies) change.
const CHANGED = new Set(['bodies', 'bodyMembers', 'meetings', 'recommendations', 'labs', 'proposals', 'contacts', 'trackedDecisions']);
const merged = Object.fromEntries(Object.keys(raw).map((key) => [key, CHANGED.has(key) ? next[key as keyof typeof next] : raw[key]]));
const text = `${JSON.stringify(merged, null, 2)}\n`;
decodeRegister(text);
writeFileSync(file, text);
