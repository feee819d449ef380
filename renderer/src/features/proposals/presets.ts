import type { ProposalFields } from '@shared/participation/labs';
import type { ProposalFilter } from '@shared/participation/participationLists';
import { handOver } from '../../ui/handOver';

/**
 * Hand-overs between the screens of this area: the district a row of the overview filters the Anregungen
 * by, and the Quartierslabor a new Anregung starts from. (The confirmation after saving a new entry is the
 * app's one confirmation, ui/SaveConfirmation.tsx, which outlasts the step to the entry's own screen.)
 */
export const presets = {
  filter: handOver<Partial<ProposalFilter>>(),
  proposal: handOver<Partial<ProposalFields>>(),
};
