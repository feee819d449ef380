import { describe, expect, it } from 'vitest';
import { nameParts, naturalName } from '@shared/participation/personName';
import { newMeetingFields } from '@shared/participation/participationRules';
import { de } from '@shared/i18n/de';

describe('names in natural order', () => {
  it.each([
    ['Dr. Beispiel, Marion', 'Dr. Marion Beispiel'],
    ['Probst, Sabine', 'Sabine Probst'],
    ['Prof. Dr. Muster, Eva', 'Prof. Dr. Eva Muster'],
    ['Dipl.-Ing. Lindner, Kai', 'Dipl.-Ing. Kai Lindner'],
    ['von Berg, Anna', 'Anna von Berg'],
    ['Vorsitzende Beispiel', 'Vorsitzende Beispiel'],
    ['  Hartmann ,  Jens  ', 'Jens Hartmann'],
    ['', ''],
  ])('%s → %s', (list, natural) => {
    expect(naturalName(list)).toBe(natural);
  });

  it('keeps the parts apart', () => {
    expect(nameParts('Dr. Beispiel, Marion')).toEqual({ titles: 'Dr.', given: 'Marion', family: 'Beispiel' });
  });
});

describe('opening TOPs', () => {
  it('a constituent session has no "Genehmigung der Niederschrift"; later sessions do', () => {
    const titles = (first: boolean) =>
      newMeetingFields('gremium-x', '2026-01-01', (i) => `t${i}`, { firstSession: first }).agenda.map((a) => `${a.number} ${a.title}`);
    expect(titles(true)).toEqual(de.participation.standardAgenda.slice(0, 3).map((t, i) => `${i + 1} ${t}`));
    expect(titles(false)).toHaveLength(4);
    expect(titles(false)[3]).toBe('4 Genehmigung der Niederschrift über die letzte Sitzung');
  });
});
