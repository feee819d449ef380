import { addDays } from '@shared/core/calendar';

/** How far ahead a new Sitzung is planned by default: invitations go out about two weeks before. */
export const NEW_MEETING_WEEKS_AHEAD = 3;

/** 0 = Sunday … 6 = Saturday, of an ISO date (in UTC, so no time zone shifts the day). */
function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/**
 * The weekday most of the body's past sessions fell on; on a tie the one of the latest session among the
 * tied (the body's current habit). Null without any session.
 */
export function usualWeekday(sessionDates: readonly string[]): number | null {
  const counts = new Map<number, { count: number; latest: string }>();
  for (const date of sessionDates) {
    const day = weekday(date);
    const seen = counts.get(day);
    counts.set(day, { count: (seen?.count ?? 0) + 1, latest: seen && seen.latest > date ? seen.latest : date });
  }
  let best: { day: number; count: number; latest: string } | null = null;
  for (const [day, { count, latest }] of counts) {
    if (!best || count > best.count || (count === best.count && latest > best.latest)) best = { day, count, latest };
  }
  return best?.day ?? null;
}

/**
 * The date a new Sitzung of a body starts with: the first of the body's usual weekday at least
 * `NEW_MEETING_WEEKS_AHEAD` weeks after `today`; without past sessions simply that many weeks ahead.
 */
export function suggestMeetingDate(sessionDates: readonly string[], today: string): string {
  const earliest = addDays(today, NEW_MEETING_WEEKS_AHEAD * 7);
  const day = usualWeekday(sessionDates);
  if (day === null) return earliest;
  return addDays(earliest, (day - weekday(earliest) + 7) % 7);
}
