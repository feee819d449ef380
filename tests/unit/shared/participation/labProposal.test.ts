import { describe, expect, it } from 'vitest';
import { labSessionDate, proposalFromLab } from '@shared/participation/labProposal';

const session = (date: string) => ({ date });
const lab = {
  id: 'lab-1',
  district: 'IN' as const,
  quarter: 'Nordmarkt',
  sessions: [
    { id: 's1', date: '2027-03-10', place: '', invitedCount: null, attendingCount: null, note: '' },
    { id: 's2', date: '2027-05-12', place: '', invitedCount: null, attendingCount: null, note: '' },
    { id: 's3', date: '2027-09-01', place: '', invitedCount: null, attendingCount: null, note: '' },
  ],
};

describe('labSessionDate', () => {
  it('is the latest date held on or before today, whatever the order entered', () => {
    expect(labSessionDate([session('2027-05-12'), session('2027-03-10'), session('2027-09-01')], '2027-06-01')).toBe('2027-05-12');
  });

  it('counts a date held today', () => {
    expect(labSessionDate([session('2027-03-10'), session('2027-06-01')], '2027-06-01')).toBe('2027-06-01');
  });

  it('is the first date before any has been held', () => {
    expect(labSessionDate([session('2027-09-01'), session('2027-07-01')], '2027-06-01')).toBe('2027-07-01');
  });

  it('is null without dates', () => {
    expect(labSessionDate([], '2027-06-01')).toBeNull();
  });
});

describe('proposalFromLab', () => {
  it('takes over lab, district, area and the date of the lab held last', () => {
    expect(proposalFromLab(lab, '2027-06-01')).toEqual({
      source: 'quartierslabor',
      labId: 'lab-1',
      district: 'IN',
      area: 'Nordmarkt',
      receivedOn: '2027-05-12',
    });
  });

  it('takes the lab date it is raised for', () => {
    expect(proposalFromLab(lab, '2027-06-01', '2027-03-10').receivedOn).toBe('2027-03-10');
  });

  it('falls back to today for a lab without dates', () => {
    expect(proposalFromLab({ ...lab, sessions: [] }, '2027-06-01').receivedOn).toBe('2027-06-01');
  });
});
