import { useEffect, useState } from 'react';
import type { Lab } from '@shared/participation/labs';
import type { Meeting } from '@shared/participation/participation';
import type { ProposalListItem } from '@shared/participation/participationContract';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';

export interface Lists {
  labs: Lab[] | null;
  proposals: ProposalListItem[] | null;
  meetings: Meeting[] | null;
  error: string | null;
}

/**
 * The lists of Quartierslabore, Anregungen (and, when asked, sessions), loaded again after every save
 * (a save reloads the app's measure rows, which this follows).
 */
export function useLists(options: { meetings?: boolean } = {}): Lists {
  const { rows } = useApp();
  const withMeetings = options.meetings ?? false;
  const [lists, setLists] = useState<Lists>({ labs: null, proposals: null, meetings: null, error: null });
  useEffect(() => {
    let cancelled = false;
    Promise.all([call('listLabs', {}), call('listProposals', {}), withMeetings ? call('listMeetings', {}) : Promise.resolve(null)])
      .then(([labs, proposals, meetings]) => !cancelled && setLists({ labs, proposals, meetings, error: null }))
      .catch((e) => !cancelled && setLists((l) => ({ ...l, error: errorMessage(e) })));
    return () => {
      cancelled = true;
    };
  }, [rows, withMeetings]);
  return lists;
}
