import type { ProposalFields } from '@shared/participation/labs';
import type { ProposalFilter } from '@shared/participation/participationLists';
import { handOver } from '../../ui/handOver';

/**
 * Hand-overs between the screens of this area: the district a row of the overview filters the Anregungen
 * by, the Quartierslabor a new Anregung starts from, and a message to show after a screen re-opened
 * itself (a new entry saved under its id).
 */
export const presets = {
  filter: handOver<Partial<ProposalFilter>>(),
  proposal: handOver<Partial<ProposalFields>>(),
  flash: handOver<string>(),
};
