import { helpGuideForView } from '@shared/core/helpGuides';
import type { View } from '../../appState';

/** The task guide F1 opens from this screen; on Gremien & Beteiligung the open tab decides. */
export function helpTopicFor(view: View): string | undefined {
  if (view.name === 'participation') {
    const byTab: Record<string, string> = { proposals: 'anregung', labs: 'anregung', tracking: 'beschluss' };
    return byTab[view.tab ?? 'meetings'] ?? 'sitzung';
  }
  return helpGuideForView[view.name];
}
