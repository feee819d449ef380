import type { Measure } from './measure';
import type { StatusDefinition } from './status';

/**
 * A status as a document prints it. The link states read "zusammengeführt mit" / "ersetzt durch": with the
 * linked measure they name it ("zusammengeführt mit HF2-04 Nachbarschaftskampagne"); without one (link lost,
 * measure in the Papierkorb) the dangling connector is left out rather than printed as "… mit" and nothing.
 */
export function statusText(
  definition: Pick<StatusDefinition, 'label' | 'requiresLink'> | undefined,
  fallback: string,
  target: Pick<Measure, 'number' | 'title'> | null,
): string {
  if (!definition) return fallback;
  if (!definition.requiresLink) return definition.label;
  if (target) return `${definition.label} ${target.number} ${target.title}`;
  return definition.label.replace(/\s+(mit|durch|von|in)$/u, '');
}
