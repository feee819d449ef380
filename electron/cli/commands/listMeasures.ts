import { DISTRICTS, districtName, type DistrictCode } from '@shared/register/districts';
import type { Measure } from '@shared/register/measure';
import type { RegisterDocument } from '@shared/register/register';
import { sortRows, toMeasureRow, type MeasureRow } from '@shared/register/search';
import { formatDate, formatMoney } from '@shared/core/format';
import { writeLines, type Command } from '../command';
import { loadForDisplay, resolveStore } from '../registerFile';
import { renderTable } from '../table';
import { cli } from '@shared/i18n/cli';

/** A register row as printed with `--json`: the table's row (it carries no search text). */
export type ListedMeasure = MeasureRow;

/** Active measures (not in the Papierkorb) in number order, with their rows. */
export function activeRows(doc: RegisterDocument): { row: MeasureRow; measure: Measure }[] {
  const lookup = { actionFields: doc.actionFields, orgUnits: doc.orgUnits, statuses: doc.statuses };
  const active = doc.measures.filter((m) => !m.deletedAt);
  const byId = new Map(active.map((m) => [m.id, m]));
  const rows = sortRows(
    active.map((m) => toMeasureRow(m, lookup)),
    'number',
    'asc',
  );
  return rows.map((row) => ({ row, measure: byId.get(row.id)! }));
}

export function toListed(row: MeasureRow): ListedMeasure {
  return { ...row };
}

/** `01.06.2019–31.12.2021`, `ab 01.06.2019`, `bis 31.12.2021` or empty. */
export function formatPeriod(start: string | null, end: string | null): string {
  if (start && end) return `${formatDate(start)}–${formatDate(end)}`;
  if (start) return cli.list.from(formatDate(start));
  if (end) return cli.list.until(formatDate(end));
  return '';
}

/** District names; all twelve are summed up, as many city-wide measures list every district. */
export function formatDistricts(codes: readonly DistrictCode[]): string {
  if (DISTRICTS.every((d) => codes.includes(d.code))) return cli.list.allDistricts;
  return codes.map(districtName).join(', ');
}

export function renderMeasureList(doc: RegisterDocument): string[] {
  const entries = activeRows(doc);
  if (entries.length === 0) return [cli.list.none];
  const codeOf = new Map(doc.actionFields.map((f) => [f.id, f.code]));
  const body = entries.map(({ row, measure }) => [
    row.number,
    row.title,
    codeOf.get(row.actionFieldId) ?? '',
    row.statusLabel,
    row.leadLabel,
    formatDistricts(row.districts),
    formatPeriod(row.plannedStart, row.plannedEnd),
    // No planned amount at all is shown as empty, not as 0,00 €.
    measure.budget.some((b) => b.plannedCents !== null) ? formatMoney(row.budgetPlannedCents) : '',
  ]);
  const align = ['left', 'left', 'left', 'left', 'left', 'left', 'left', 'right'] as const;
  const table = renderTable([[...cli.list.headers], ...body], { align, header: true });
  return [...table, '', cli.list.total(entries.length)];
}

/** `list measures --store FILE [--json]`. */
export const listMeasuresCommand: Command = {
  name: 'list measures',
  summary: cli.commands.listMeasures,
  options: {
    store: { kind: 'value', required: true, valueName: cli.options.storeValue, help: cli.options.store },
    json: { kind: 'flag', help: cli.options.json },
  },
  async run({ options, io, env }) {
    const { doc } = await loadForDisplay(resolveStore(env, options.required('store')), io);
    if (options.flag('json'))
      io.out.write(
        `${JSON.stringify(
          activeRows(doc).map(({ row }) => toListed(row)),
          null,
          2,
        )}\n`,
      );
    else writeLines(io.out, renderMeasureList(doc));
    return 0;
  },
};
