import type { OrgUnit } from './orgUnit';
import { CURRENT_SCHEMA_VERSION, emptyCollections, type RegisterDocument } from './register';
import { DEFAULT_BODIES, MORE_BODIES } from '@shared/participation/body';
import { DEFAULT_STATUSES } from './status';
import { DEFAULT_RETENTION } from '@shared/privacy/retention';

/** A register without measures, ready to use: one draft edition with the three standard Handlungsfelder. */
export function createEmptyRegister(registerId: string, now: string, orgUnits: OrgUnit[] = []): RegisterDocument {
  const editionId = 'fassung-1';
  const field = (n: number, name: string) => ({ id: `hf${n}`, editionId, code: `HF${n}`, name, description: '', guidingGoal: '' });
  // Keys in the order of the schema, as files written before emptyCollections() had them.
  const { measures, audit, ...lists } = emptyCollections();
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    registerId,
    name: 'Masterplan Kommunale Sicherheit',
    isSample: false,
    createdAt: now,
    editions: [{ id: editionId, name: 'Masterplan Kommunale Sicherheit', printNumber: null, decidedOn: null, state: 'entwurf' }],
    currentEditionId: editionId,
    actionFields: [field(1, 'Sichere Nachbarschaft'), field(2, 'Sichere öffentliche Räume'), field(3, 'Sichere Infrastruktur')],
    orgUnits,
    statuses: DEFAULT_STATUSES,
    measures,
    bodies: [...DEFAULT_BODIES, ...MORE_BODIES],
    ...lists,
    retention: DEFAULT_RETENTION,
    audit,
  };
}

/** Next free number in a Handlungsfeld: HF2-07 after HF2-06 (gaps from deleted measures are not reused). */
export function suggestMeasureNumber(fieldCode: string, existingNumbers: readonly string[]): string {
  const prefix = `${fieldCode}-`;
  let highest = 0;
  for (const n of existingNumbers) {
    if (!n.startsWith(prefix)) continue;
    const value = Number(n.slice(prefix.length));
    if (Number.isInteger(value) && value > highest) highest = value;
  }
  return `${prefix}${String(highest + 1).padStart(2, '0')}`;
}
