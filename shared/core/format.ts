/** German formatting of dates, money and percentages, the same in the UI, the CLI and documents. */

const money = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });
const integer = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });

/** `2025-12-31` → `31.12.2025`; empty for null. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

/** ISO timestamp → `31.12.2025, 14:32` in local time. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function formatTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Cents → `1.234,56 €`. */
export function formatMoney(cents: number | null | undefined): string {
  if (cents === null || cents === undefined) return '';
  return money.format(cents / 100);
}

export function formatInteger(n: number): string {
  return integer.format(n);
}

const oneDecimal = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * A file size as a reader expects it: whole KB below 1 MB (at least 1 KB, rounded up), above with one
 * decimal in MB or GB ("2,4 MB", never "2.426 KB"). Binary units, as Windows Explorer counts them.
 */
export function formatFileSize(bytes: number): string {
  const kb = bytes / 1024;
  if (kb < 1000) return `${integer.format(Math.max(1, Math.ceil(kb)))} KB`;
  const mb = kb / 1024;
  if (mb < 1000) return `${oneDecimal.format(Math.max(1, mb))} MB`;
  return `${oneDecimal.format(mb / 1024)} GB`;
}

export function formatPercent(value: number): string {
  return `${integer.format(value)} %`;
}

/** `31.12.2025` → `2025-12-31`; null when not a real date. Accepts one-digit day and month. */
export function parseGermanDate(text: string): string | null {
  const match = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text);
  if (!match) return null;
  const iso = `${match[3]}-${match[2]!.padStart(2, '0')}-${match[1]!.padStart(2, '0')}`;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? iso : null;
}

/** `1.234,56` or `1234,5` or `1234` (optionally with €) → cents; null when not an amount. */
export function parseGermanMoney(text: string): number | null {
  const cleaned = text.replace(/\s|€|\u00a0/g, '');
  if (cleaned === '') return null;
  if (!/^\d{1,3}(\.\d{3})*(,\d{1,2})?$|^\d+(,\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.replace(/\./g, '').split(',');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}
