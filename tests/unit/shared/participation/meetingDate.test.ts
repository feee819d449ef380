import { describe, expect, it } from 'vitest';
import { suggestMeetingDate, usualWeekday } from '@shared/participation/meetingDate';

// 2027-06-01 is a Tuesday; three weeks later, 2027-06-22, is a Tuesday too.
const TODAY = '2027-06-01';

describe('usualWeekday', () => {
  it('is null without sessions', () => {
    expect(usualWeekday([])).toBeNull();
  });

  it('is the weekday most sessions fell on', () => {
    // Two Thursdays (2027-03-04, 2027-04-01), one Monday (2027-05-03).
    expect(usualWeekday(['2027-03-04', '2027-04-01', '2027-05-03'])).toBe(4);
  });

  it('breaks a tie by the latest session', () => {
    // One Thursday (2027-03-04), one Monday (2027-05-03): the Monday is more recent.
    expect(usualWeekday(['2027-05-03', '2027-03-04'])).toBe(1);
  });
});

describe('suggestMeetingDate', () => {
  it('is three weeks ahead when the body has no sessions yet', () => {
    expect(suggestMeetingDate([], TODAY)).toBe('2027-06-22');
  });

  it('is the first usual weekday at least three weeks ahead', () => {
    // Thursdays: the first Thursday on or after 22.06.2027 is 24.06.2027.
    expect(suggestMeetingDate(['2027-03-04', '2027-04-01', '2027-05-06'], TODAY)).toBe('2027-06-24');
  });

  it('keeps the day three weeks ahead when it already is the usual weekday', () => {
    expect(suggestMeetingDate(['2027-05-04', '2027-05-18'], TODAY)).toBe('2027-06-22');
  });

  it('goes into the next week for a weekday earlier in the week', () => {
    // Mondays: 22.06.2027 is a Tuesday, so the next Monday is 28.06.2027.
    expect(suggestMeetingDate(['2027-05-03', '2027-05-10'], TODAY)).toBe('2027-06-28');
  });

  it('crosses a month and a year end', () => {
    // 2027-12-15 (Wednesday) + 21 days = 2028-01-05 (Wednesday); Fridays → 2028-01-07.
    expect(suggestMeetingDate(['2027-11-05', '2027-11-19'], '2027-12-15')).toBe('2028-01-07');
  });
});
