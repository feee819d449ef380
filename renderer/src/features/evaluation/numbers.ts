import { formatPercent } from '@shared/core/format';

/** German numbers in the evaluation screens: "1.234,5" in and out, percentages of the computed degrees. */

const display = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 3 });
const compactMoney = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** 1234.5 → "1.234,5"; empty for null. */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : display.format(value);
}

/** Whole euros without cents, for chart axes and bar labels ("125.000 €"). */
export function formatEuros(cents: number): string {
  return compactMoney.format(Math.round(cents / 100));
}

/** A computed degree (0–1.5) as whole percent: 0.823 → "82 %". */
export function degreePercent(degree: number): string {
  return formatPercent(Math.round(degree * 100));
}

export type ParsedNumber = { ok: true; value: number | null } | { ok: false; reason: 'invalid' | 'tooLarge' };

/**
 * "1.234,5", "1234,5", "-3", "0,25" → number; empty → null. Points only as thousands separators in groups
 * of three ("12.5" is refused rather than guessed); a leading minus or the Unicode minus sign is accepted.
 */
export function parseGermanNumber(text: string): ParsedNumber {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^\u2212/, '-');
  if (cleaned === '') return { ok: true, value: null };
  if (!/^[-+]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/.test(cleaned)) return { ok: false, reason: 'invalid' };
  const value = Number(cleaned.replace(/\./g, '').replace(',', '.'));
  if (!Number.isFinite(value)) return { ok: false, reason: 'invalid' };
  if (Math.abs(value) >= 1e15) return { ok: false, reason: 'tooLarge' };
  return { ok: true, value };
}

/** Value with its unit: "81 Fälle", "46 %". */
export function withUnit(value: number | null, unit: string): string {
  if (value === null) return '';
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

/** Axis ticks at round steps (1, 2, 2.5, 5 × 10^n) covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0];
  if (min === max) {
    const pad = Math.abs(min) > 0 ? Math.abs(min) * 0.1 : 1;
    min -= pad;
    max += pad;
  }
  const rough = (max - min) / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * power).find((s) => s >= rough) ?? 10 * power;
  const start = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = start; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks[ticks.length - 1]! < max) ticks.push(Number((ticks[ticks.length - 1]! + step).toPrecision(12)));
  return ticks;
}
