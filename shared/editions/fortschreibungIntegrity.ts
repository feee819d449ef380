import { de } from '@shared/i18n/de';
import type { RegisterDocument } from '@shared/register/register';

/**
 * Cross-references of the Fortschreibung records and drafts that the schema cannot see: every record
 * names existing Fassungen, its links and ended measures name measures of the right Fassungen, its field
 * mappings name their Handlungsfelder; each Fassung is made by at most one Fortschreibung; drafts start
 * from an existing Fassung. Linear in the size of the register. Empty when consistent.
 */
export function checkFortschreibungIntegrity(doc: RegisterDocument): string[] {
  if (doc.fortschreibungen.length === 0 && doc.fortschreibungDrafts.length === 0) return [];
  const editionsIntegrityTexts = de.editions.integrity;
  const problems: string[] = [];
  const editions = new Map(doc.editions.map((e) => [e.id, e]));
  const fieldEdition = new Map(doc.actionFields.map((f) => [f.id, f.editionId]));
  const measureEdition = new Map<string, string | undefined>();
  for (const m of doc.measures) measureEdition.set(m.id, fieldEdition.get(m.actionFieldId));
  const made = new Set<string>();
  for (const r of doc.fortschreibungen) {
    const to = editions.get(r.toEditionId);
    if (!editions.has(r.fromEditionId)) problems.push(editionsIntegrityTexts.recordEdition(r.fromEditionId));
    if (!to) {
      problems.push(editionsIntegrityTexts.recordEdition(r.toEditionId));
      continue;
    }
    if (made.has(r.toEditionId)) problems.push(editionsIntegrityTexts.recordTwice(to.name));
    made.add(r.toEditionId);
    const measureIn = (id: string, editionId: string) => {
      if (measureEdition.get(id) !== editionId) problems.push(editionsIntegrityTexts.linkMeasure(id, to.name));
    };
    for (const l of r.links) {
      measureIn(l.fromMeasureId, r.fromEditionId);
      measureIn(l.toMeasureId, r.toEditionId);
    }
    for (const e of r.endedMeasures) measureIn(e.measureId, r.fromEditionId);
    for (const m of r.fieldMappings) {
      if (fieldEdition.get(m.fromFieldId) !== r.fromEditionId) problems.push(editionsIntegrityTexts.mappingField(m.fromFieldId, to.name));
      for (const id of m.toFieldIds)
        if (fieldEdition.get(id) !== r.toEditionId) problems.push(editionsIntegrityTexts.mappingField(id, to.name));
    }
  }
  for (const d of doc.fortschreibungDrafts)
    if (!editions.has(d.fromEditionId)) problems.push(editionsIntegrityTexts.draftSource(d.edition.name || de.editions.unnamedDraft));
  return problems;
}
