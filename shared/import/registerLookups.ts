import { DISTRICTS, type DistrictCode } from '@shared/register/districts';
import { type OrgUnit, orgUnitLabel } from '@shared/register/orgUnit';
import type { RegisterDocument } from '@shared/register/register';
import { normalizeHeader } from './headerRecognition';
import type { ImportField } from './importFields';
import { importTexts } from './importTexts';
import { type RowReader, splitList } from './valueReaders';

/** Finding the register's Handlungsfelder, Status, Organisationseinheiten and Stadtbezirke by the texts of a spreadsheet. */

export interface Lookups {
  actionFields: { id: string; code: string; keys: string[] }[];
  statuses: { key: string; label: string; keys: string[] }[];
  orgUnits: Map<string, OrgUnit>;
  districts: Map<string, DistrictCode>;
}

export const ALL_DISTRICTS = new Set([
  'alle',
  'allestadtbezirke',
  'allebezirke',
  'alle12bezirke',
  'alle12stadtbezirke',
  'gesamtstadt',
  'gesamtstaedtisch',
  'stadtweit',
]);

export function lookups(doc: RegisterDocument): Lookups {
  const current = doc.actionFields.filter((f) => f.editionId === doc.currentEditionId);
  const orgUnits = new Map<string, OrgUnit>();
  for (const unit of doc.orgUnits) {
    for (const key of [unit.code, unit.name, orgUnitLabel(unit)].map(normalizeHeader))
      if (key !== '' && !orgUnits.has(key)) orgUnits.set(key, unit);
  }
  const districts = new Map<string, DistrictCode>();
  for (const d of DISTRICTS) {
    districts.set(normalizeHeader(d.code), d.code);
    districts.set(normalizeHeader(d.name), d.code);
  }
  return {
    actionFields: current.map((f) => ({
      id: f.id,
      code: f.code,
      keys: [normalizeHeader(f.code), normalizeHeader(f.name), normalizeHeader(`${f.code} ${f.name}`)],
    })),
    statuses: doc.statuses.map((s) => ({
      key: s.key,
      label: s.label,
      keys: [
        normalizeHeader(s.key),
        normalizeHeader(s.label),
        normalizeHeader(s.label.replace(/\s*\(.*\)\s*$/, '')),
        normalizeHeader(s.label.replace(/\s+(mit|durch)$/, '')),
      ],
    })),
    orgUnits,
    districts,
  };
}

export function findActionField(text: string, l: Lookups): string | null {
  const key = normalizeHeader(text);
  const byDigits = /^\d+$/.test(key) ? `hf${key}` : null;
  return l.actionFields.find((f) => f.keys.includes(key) || (byDigits !== null && f.keys[0] === byDigits))?.id ?? null;
}

export function findOrgUnits(text: string, l: Lookups, r: RowReader, field: ImportField): string[] {
  const ids: string[] = [];
  // Names of offices may contain commas ("Dezernat für Recht, Ordnung und Bürgerdienste"): split on ";" and line breaks first.
  for (const part of splitList(text, /[;\n\r]+/)) {
    const whole = l.orgUnits.get(normalizeHeader(part));
    if (whole) {
      ids.push(whole.id);
      continue;
    }
    for (const piece of splitList(part, /,/)) {
      const unit = l.orgUnits.get(normalizeHeader(piece));
      if (unit) ids.push(unit.id);
      else r.fail(field, importTexts.row.unknownOrgUnit(piece));
    }
  }
  return [...new Set(ids)];
}
