import type { ProposalFields } from '../../../../shared/domain/labs';
import type { ProposalFilter } from '../../../../shared/domain/participationLists';

/**
 * Hand-overs between the screens of this area that the view state does not carry: the district a row of
 * the overview filters the Anregungen by, the Quartierslabor a new Anregung starts from, and a message to
 * show after a screen re-opened itself (a new entry saved under its id). Each is read once by the screen
 * it is meant for (`peek` while rendering, `clear` once mounted, so React's double render sees it too).
 */
let filterPreset: Partial<ProposalFilter> | null = null;
let proposalPreset: Partial<ProposalFields> | null = null;
let flash: string | null = null;

export const presets = {
  setFilter(value: Partial<ProposalFilter>): void {
    filterPreset = value;
  },
  peekFilter(): Partial<ProposalFilter> | null {
    return filterPreset;
  },
  clearFilter(): void {
    filterPreset = null;
  },
  setProposal(value: Partial<ProposalFields>): void {
    proposalPreset = value;
  },
  peekProposal(): Partial<ProposalFields> | null {
    return proposalPreset;
  },
  clearProposal(): void {
    proposalPreset = null;
  },
  setFlash(text: string): void {
    flash = text;
  },
  peekFlash(): string | null {
    return flash;
  },
  clearFlash(): void {
    flash = null;
  },
};
