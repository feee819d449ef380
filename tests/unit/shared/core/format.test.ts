import { describe, expect, it } from 'vitest';
import { formatDate, formatFileSize, formatMoney, formatPercent, parseGermanDate, parseGermanMoney } from '@shared/core/format';

// Intl (full ICU in Node 20) puts a NO-BREAK SPACE (U+00A0) between amount and €; written out so a
// plain space in the expectation cannot pass by accident.
const NBSP = '\u00a0';

describe('formatDate', () => {
  it('turns ISO dates into TT.MM.JJJJ', () => {
    expect(formatDate('2025-12-31')).toBe('31.12.2025');
    expect(formatDate('2025-01-02T10:00:00.000Z')).toBe('02.01.2025');
  });

  it('is empty for null/undefined/empty and leaves foreign text alone', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('')).toBe('');
    expect(formatDate('demnächst')).toBe('demnächst');
  });
});

describe('formatMoney', () => {
  it('formats cents as German euros with thousands dot and decimal comma', () => {
    expect(formatMoney(123456)).toBe(`1.234,56${NBSP}€`);
    expect(formatMoney(0)).toBe(`0,00${NBSP}€`);
    expect(formatMoney(5)).toBe(`0,05${NBSP}€`);
    expect(formatMoney(100_000_000_00)).toBe(`100.000.000,00${NBSP}€`);
  });

  it('is empty for a missing amount', () => {
    expect(formatMoney(null)).toBe('');
    expect(formatMoney(undefined)).toBe('');
  });
});

describe('formatPercent', () => {
  it('writes a space before %', () => {
    expect(formatPercent(50)).toBe('50 %');
  });
});

describe('parseGermanDate', () => {
  it.each([
    ['31.12.2025', '2025-12-31'],
    ['1.2.2025', '2025-02-01'],
    [' 29.02.2024 ', '2024-02-29'],
  ])('%j → %s', (text, iso) => {
    expect(parseGermanDate(text)).toBe(iso);
  });

  it.each(['30.02.2025', '29.02.2023', '32.01.2025', '01.13.2025', '00.01.2025', '2025-12-31', '31.12.25', '31,12,2025', '', 'morgen'])(
    'refuses %j',
    (text) => {
      expect(parseGermanDate(text)).toBeNull();
    },
  );
});

describe('parseGermanMoney', () => {
  it.each([
    ['1.234,56', 123456],
    ['1234,5', 123450],
    ['1234', 123400],
    ['0,05', 5],
    ['1.234.567', 123456700],
    [`1.234,56${NBSP}€`, 123456],
    ['12 €', 1200],
  ])('%j → %d cents', (text, cents) => {
    expect(parseGermanMoney(text)).toBe(cents);
  });

  it('reads back what formatMoney writes', () => {
    for (const cents of [0, 1, 99, 100, 123456, 987654321]) expect(parseGermanMoney(formatMoney(cents))).toBe(cents);
  });

  it.each(['', '   ', '€', '1,234', '12.34', '1.23,45', '1234,567', '-5', 'zehn', '1,2,3', '12,'])('refuses %j', (text) => {
    expect(parseGermanMoney(text)).toBeNull();
  });
});

describe('formatFileSize', () => {
  it.each([
    [0, '1 KB'],
    [1, '1 KB'],
    [1024, '1 KB'],
    [1025, '2 KB'],
    [812 * 1024, '812 KB'],
    [999 * 1024, '999 KB'],
    // The slip of the Anlagen list: 2.426 KB is printed as MB.
    [2426 * 1024, '2,4 MB'],
    [1000 * 1024, '1,0 MB'],
    [1536 * 1024 * 1024, '1,5 GB'],
  ])('%d bytes → %s', (bytes, text) => {
    expect(formatFileSize(bytes)).toBe(text);
  });
});
