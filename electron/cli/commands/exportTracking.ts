import { localDay } from '@shared/core/calendar';
import { countByState, halfYearRange, trackingRows, type HalfYear } from '@shared/participation/trackingReport';
import { cli } from '@shared/i18n/cli';
import { UsageError, writeLines, type Command } from '../command';
import { loadForDisplay, resolveStore } from '../registerFile';
import { writeInWorker } from '../progress';
import { appVersion, kilobytes, outTarget, refuseExisting, writeTarget } from './exportEvaluation';

const t = cli.participation;

/** "2026-1" → 1. Halbjahr 2026; anything else is a usage error (exit 2). */
export function parseHalfYear(value: string): HalfYear {
  const match = /^(\d{4})-([12])$/.exec(value.trim());
  const year = match ? Number(match[1]) : 0;
  if (!match || year < 1990 || year > 2100) throw new UsageError(t.badHalfYear(value));
  return { year, half: match[2] === '1' ? 1 : 2 };
}

/**
 * `export tracking --store FILE --out FILE.xlsx [--halbjahr 2026-1] [--force]`: the Beschlussverfolgung
 * as Excel, for one half-year or (without --halbjahr) every decision. Overdue is judged against today
 * (or the end of a past half-year). Never over an existing file without --force.
 */
export const exportTrackingCommand: Command = {
  name: 'export tracking',
  summary: t.commands.tracking,
  options: {
    store: { kind: 'value', required: true, valueName: cli.options.storeValue, help: cli.options.store },
    halbjahr: { kind: 'value', valueName: t.options.halfYearValue, help: t.options.halfYear },
    out: { kind: 'value', required: true, valueName: cli.options.outXlsxValue, help: cli.options.outXlsx },
    force: { kind: 'flag', help: cli.options.force },
  },
  async run(ctx) {
    const { options, io, env } = ctx;
    const value = options.value('halbjahr');
    const period = value === undefined ? null : parseHalfYear(value);
    const target = outTarget(ctx, '.xlsx');
    const force = options.flag('force');
    const { doc } = await loadForDisplay(resolveStore(env, options.required('store')), io);
    await refuseExisting(target, force);
    const now = env.now();
    const today = localDay(now);
    const bytes = await writeInWorker(ctx.io, {
      kind: 'tracking',
      input: { period, today, generatedAt: now, appVersion: appVersion() },
      register: { doc },
    });
    await writeTarget(target, bytes, force);
    const rows = trackingRows(doc, today, period);
    writeLines(io.out, [
      cli.export.written(target, kilobytes(bytes.length)),
      period ? t.period(halfYearRange(period).label) : t.allPeriods,
      t.trackingContent(rows.length, countByState(rows).overdue),
    ]);
    return 0;
  },
};
