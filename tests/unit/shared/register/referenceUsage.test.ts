import { describe, expect, it } from 'vitest';
import { countOf } from '@shared/core/coreTexts';
import { actionFieldRefusal, orgUnitRefusal, statusRefusal, type UsingMeasure } from '@shared/register/referenceUsage';

const measure = (patch: Partial<UsingMeasure>): UsingMeasure => ({
  actionFieldId: 'hf1',
  status: 'geplant',
  leadOrgUnitId: null,
  involvedOrgUnitIds: [],
  deletedAt: null,
  ...patch,
});
const STATUSES = [
  { key: 'geplant', label: 'geplant', active: true },
  { key: 'ruht', label: 'ruht', active: true },
  { key: 'ersetzt', label: 'ersetzt durch', active: true },
];

describe('countOf', () => {
  it('puts the noun in the right number, the count in German digits', () => {
    expect(countOf(0, 'Maßnahme', 'Maßnahmen')).toBe('0 Maßnahmen');
    expect(countOf(1, 'Maßnahme', 'Maßnahmen')).toBe('1 Maßnahme');
    expect(countOf(2, 'Maßnahme', 'Maßnahmen')).toBe('2 Maßnahmen');
    expect(countOf(1200, 'Maßnahme', 'Maßnahmen')).toBe('1.200 Maßnahmen');
  });
});

describe('actionFieldRefusal', () => {
  it('is null for an unused Handlungsfeld', () => {
    expect(actionFieldRefusal([measure({ actionFieldId: 'hf2' })], 'hf1')).toBeNull();
  });

  it('counts one measure in the singular', () => {
    expect(actionFieldRefusal([measure({})], 'hf1')).toBe(
      'Das Handlungsfeld wird noch von 1 Maßnahme verwendet und kann nicht gelöscht werden.',
    );
  });

  it('counts measures in the Papierkorb too, and says how many', () => {
    expect(actionFieldRefusal([measure({}), measure({}), measure({ deletedAt: '2027-01-01T00:00:00Z' })], 'hf1')).toBe(
      'Das Handlungsfeld wird noch von 3 Maßnahmen verwendet (davon 1 im Papierkorb) und kann nicht gelöscht werden.',
    );
  });
});

describe('orgUnitRefusal', () => {
  it('counts lead and involved once per measure', () => {
    const users = [measure({ leadOrgUnitId: 'fb66', involvedOrgUnitIds: ['fb66'] }), measure({ involvedOrgUnitIds: ['fb32', 'fb66'] })];
    expect(orgUnitRefusal(users, 'fb66')).toBe(
      'Die Organisationseinheit wird noch von 2 Maßnahmen verwendet und kann nicht gelöscht werden.',
    );
    expect(orgUnitRefusal(users, 'fb01')).toBeNull();
  });
});

describe('statusRefusal', () => {
  it('refuses a status in use, with the count', () => {
    expect(statusRefusal([measure({})], STATUSES[0]!, STATUSES)).toMatch(/^Der Status „geplant“ wird noch von 1 Maßnahme verwendet/);
  });

  it('refuses the statuses merging and replacing rely on, even unused', () => {
    expect(statusRefusal([], STATUSES[2]!, STATUSES)).toMatch(/^Der Status „ersetzt durch“ wird für das Zusammenführen/);
  });

  it('refuses the last active status', () => {
    const onlyOne = [STATUSES[1]!, { ...STATUSES[0]!, active: false }];
    expect(statusRefusal([], STATUSES[1]!, onlyOne)).toBe('Mindestens ein Status muss aktiv bleiben.');
  });

  it('lets an unused, ordinary status go', () => {
    expect(statusRefusal([measure({})], STATUSES[1]!, STATUSES)).toBeNull();
  });
});
