import { describe, expect, it } from 'vitest';
import { editionLine } from '@main/editions/editionCompareData';

/** The Fassung line in the head of the Fassungsvergleich (Word and Excel): each fact once, no contradiction. */
describe('editionLine', () => {
  it('a decided Fassung: number and decision date, no state word after it', () => {
    expect(editionLine({ name: 'Masterplan 2019', printNumber: '13511-19', decidedOn: '2019-03-28', state: 'beschlossen' })).toBe(
      'Masterplan 2019, Drucksache Nr. 13511-19, beschlossen am 28.03.2019',
    );
  });

  it('a draft whose name already says "(Entwurf)" and that carries a decision date: "Entwurf" once, no "beschlossen am"', () => {
    const line = editionLine({ name: 'Masterplan 2.0 (Entwurf)', printNumber: null, decidedOn: '2022-12-15', state: 'entwurf' });
    expect(line).toBe('Masterplan 2.0, Entwurf');
    expect(line).not.toContain('beschlossen');
  });

  it('a replaced Fassung keeps its decision date and says that it was replaced', () => {
    expect(editionLine({ name: 'Masterplan 2019', printNumber: null, decidedOn: '2019-03-28', state: 'abgeloest' })).toBe(
      'Masterplan 2019, beschlossen am 28.03.2019, abgelöst',
    );
  });

  it('decided without a recorded date: the state word stands', () => {
    expect(editionLine({ name: 'Masterplan 2019', printNumber: null, decidedOn: null, state: 'beschlossen' })).toBe(
      'Masterplan 2019, beschlossen',
    );
  });
});
