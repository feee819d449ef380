import type { Lab, ProposalFields } from './labs';

/**
 * The lab date an Anregung raised at a Quartierslabor belongs to: the latest date on or before `today`
 * (the Werkstatt just held); before the first one has taken place the first date; null without dates.
 */
export function labSessionDate(sessions: readonly { date: string }[], today: string): string | null {
  const dates = sessions.map((s) => s.date).sort();
  const held = dates.filter((d) => d <= today);
  return held.at(-1) ?? dates[0] ?? null;
}

/**
 * What a new Anregung takes over from its Quartierslabor: source, lab, district, area and the date of
 * receipt – the given lab date, else the lab's latest date held, else `today`.
 */
export function proposalFromLab(
  lab: Pick<Lab, 'id' | 'district' | 'quarter' | 'sessions'>,
  today: string,
  sessionDate?: string,
): Partial<ProposalFields> {
  return {
    source: 'quartierslabor',
    labId: lab.id,
    district: lab.district,
    area: lab.quarter,
    receivedOn: sessionDate ?? labSessionDate(lab.sessions, today) ?? today,
  };
}
