import { de } from '@shared/i18n/de';

/**
 * "<what> mit der Kennung <id> kommt mehrfach vor." for each id after its first place (an id three times
 * is named twice). Shared by the integrity checks of the register and of Gremien & Beteiligung.
 */
export function duplicateIdProblems(what: string, ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  for (const id of ids) {
    if (seen.has(id)) problems.push(de.integrity.duplicateId(what, id));
    seen.add(id);
  }
  return problems;
}
