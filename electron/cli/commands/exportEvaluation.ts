import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { prepareEvaluation, type EvaluationExportInput, type EvaluationFilters } from '@main/evaluation/evaluationData';
import { ExportTargetExistsError, writeExportFile } from '@main/export/writeExportFile';
import { districtCodeByName, DISTRICTS } from '@shared/register/districts';
import type { EvaluationRound } from '@shared/evaluation/evaluation';
import type { RegisterDocument } from '@shared/register/register';
import { de } from '@shared/i18n/de';
import { cli } from '@shared/i18n/cli';
import { CliFailure, UsageError, writeLines, type Command, type CommandContext, type CommandOptions } from '../command';
import { loadForDisplay, resolveStore } from '../registerFile';
import { writeExportRecordingPersonalData } from '../recordPersonalDataExport';
import { USER_OPTION } from '../cliUser';
import { writeInWorker } from '../progress';
import { projectRoot } from '../projectRoot';

/**
 * Shared by `export evaluation` (Excel) and `export evaluation-report` (Word): choosing the round and
 * the filters, checking the target, writing, and the lines printed afterwards.
 */

const ROOT = projectRoot();

/** The program version from package.json (printed in the Legende and the report). */
export function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '';
  } catch {
    return '';
  }
}

const sortKey = (r: EvaluationRound) => r.date ?? r.cutOffDate ?? r.createdAt.slice(0, 10);

/**
 * The round a call names: by id, else by exact name (ignoring case). Without --round the newest one (by
 * date, else cut-off date, else creation); none when the register has no round. Unknown → exit 1.
 */
export function chooseRound(doc: RegisterDocument, value: string | undefined): { round: EvaluationRound | null; newest: boolean } {
  if (value === undefined) {
    const newest = [...doc.evaluationRounds].sort(
      (a, b) => sortKey(b).localeCompare(sortKey(a)) || b.createdAt.localeCompare(a.createdAt),
    )[0];
    return { round: newest ?? null, newest: newest !== undefined };
  }
  const byId = doc.evaluationRounds.find((r) => r.id === value);
  if (byId) return { round: byId, newest: false };
  const wanted = value.trim().toLowerCase();
  const byName = doc.evaluationRounds.filter((r) => r.name.trim().toLowerCase() === wanted);
  if (byName.length === 1) return { round: byName[0]!, newest: false };
  if (byName.length > 1)
    throw new CliFailure([
      cli.evaluation.ambiguousRound(value),
      cli.evaluation.availableRounds(byName.map((r) => cli.evaluation.roundListEntry(r.id, r.name)).join(', ')),
    ]);
  const list = doc.evaluationRounds.map((r) => cli.evaluation.roundListEntry(r.id, r.name)).join(', ');
  throw new CliFailure([cli.evaluation.unknownRound(value), list ? cli.evaluation.availableRounds(list) : cli.evaluation.noRounds]);
}

/** --field (code or id, the current edition first), --district (code or name), --status (key or label). */
export function chooseFilters(doc: RegisterDocument, options: CommandOptions): EvaluationFilters {
  const filters: EvaluationFilters = {};
  const field = options.value('field');
  if (field !== undefined) {
    const wanted = field.trim().toLowerCase();
    const current = doc.actionFields.filter((f) => f.editionId === doc.currentEditionId);
    const found =
      doc.actionFields.find((f) => f.id === field) ??
      current.find((f) => f.code.toLowerCase() === wanted) ??
      doc.actionFields.find((f) => f.code.toLowerCase() === wanted);
    if (!found)
      throw new CliFailure([
        cli.evaluation.unknownField(field),
        cli.evaluation.availableFields(current.map((f) => `${f.code} (${f.name})`).join(', ')),
      ]);
    filters.actionFieldId = found.id;
  }
  const district = options.value('district');
  if (district !== undefined) {
    const code = DISTRICTS.find((d) => d.code.toLowerCase() === district.trim().toLowerCase())?.code ?? districtCodeByName(district);
    if (!code) throw new UsageError(cli.evaluation.unknownDistrict(district, DISTRICTS.map((d) => d.code).join(', ')));
    filters.district = code;
  }
  const status = options.value('status');
  if (status !== undefined) {
    const wanted = status.trim().toLowerCase();
    const found = doc.statuses.find((s) => s.key === wanted) ?? doc.statuses.find((s) => s.label.toLowerCase() === wanted);
    if (!found)
      throw new CliFailure([
        cli.evaluation.unknownStatus(status),
        cli.evaluation.availableStatuses(doc.statuses.map((s) => s.key).join(', ')),
      ]);
    filters.status = found.key;
  }
  return filters;
}

/** The --out target, resolved; a wrong extension is a usage error (exit 2). */
export function outTarget({ options, env }: CommandContext, extension: string): string {
  const out = options.required('out');
  if (path.extname(out).toLowerCase() !== extension) throw new UsageError(cli.evaluation.badExtension('--out', extension));
  return resolveStore(env, out);
}

export async function refuseExisting(target: string, force: boolean): Promise<void> {
  if (force) return;
  const exists = await fs.lstat(target).then(
    () => true,
    () => false,
  );
  if (exists) throw new CliFailure(cli.export.exists(target).split('\n'));
}

export async function writeTarget(target: string, bytes: Uint8Array, force: boolean): Promise<void> {
  try {
    await writeExportFile(target, bytes, { overwrite: force });
  } catch (error) {
    if (error instanceof ExportTargetExistsError) throw new CliFailure(cli.export.exists(target).split('\n'));
    if (error instanceof Error) throw new CliFailure([error.message]);
    throw error;
  }
}

export const kilobytes = (bytes: number) => de.submission.document.kilobytes(Math.max(1, Math.ceil(bytes / 1024)));

/** Loads the register and builds the export input from the call (round, filters, personal data). */
export async function evaluationInput(
  ctx: CommandContext,
  withFilters: boolean,
): Promise<{ input: EvaluationExportInput; newest: boolean }> {
  const store = resolveStore(ctx.env, ctx.options.required('store'));
  const { doc } = await loadForDisplay(store, ctx.io);
  const { round, newest } = chooseRound(doc, ctx.options.value('round'));
  const filters = withFilters ? chooseFilters(doc, ctx.options) : {};
  return {
    input: {
      doc,
      roundId: round?.id ?? null,
      filters,
      includePersonalData: withFilters && ctx.options.flag('with-personal-data'),
      registerPath: store,
      appVersion: appVersion(),
      generatedAt: ctx.env.now(),
    },
    newest,
  };
}

/**
 * What was written and from what: round, filters, counts, then `recorded` (the audit-trail line of a
 * personal-data export); notes (empty selection, personal data) on stderr.
 */
export function report(
  ctx: CommandContext,
  input: EvaluationExportInput,
  newest: boolean,
  target: string,
  bytes: number,
  recorded: string[] = [],
): void {
  const data = prepareEvaluation(input);
  const round = data.round;
  const lines = [
    cli.export.written(target, kilobytes(bytes)),
    round ? (newest ? cli.evaluation.newestRound(round.name) : cli.evaluation.round(round.name)) : cli.evaluation.noRound,
  ];
  if (data.filterParts.length > 0) lines.push(cli.evaluation.filters(data.filterParts.join('; ')));
  lines.push(
    cli.evaluation.content(
      data.rows.length,
      data.indicators.length,
      data.indicators.reduce((n, e) => n + e.values.length, 0),
    ),
  );
  writeLines(ctx.io.out, [...lines, ...recorded]);
  const notes: string[] = [];
  if (data.rows.length === 0) notes.push(cli.evaluation.empty);
  if (input.includePersonalData) notes.push(cli.evaluation.personalData);
  writeLines(ctx.io.err, notes);
}

/**
 * `export evaluation --store FILE [--round ID] [--field HF] [--district CODE] [--status KEY]
 * [--with-personal-data] --out FILE.xlsx [--force]`: the Excel evaluation tables. An unknown round,
 * Handlungsfeld or status is exit 1, a wrong district or file extension exit 2; nothing is written then,
 * nor over an existing file without --force. --with-personal-data is recorded in the register's audit
 * trail under its lock; a register open in the app is refused before the file is written.
 */
export const exportEvaluationCommand: Command = {
  name: 'export evaluation',
  summary: cli.commands.exportEvaluation,
  options: {
    store: { kind: 'value', required: true, valueName: cli.options.storeValue, help: cli.options.store },
    round: { kind: 'value', valueName: cli.options.roundValue, help: cli.options.round },
    field: { kind: 'value', valueName: cli.options.fieldValue, help: cli.options.field },
    district: { kind: 'value', valueName: cli.options.districtValue, help: cli.options.district },
    status: { kind: 'value', valueName: cli.options.statusValue, help: cli.options.status },
    'with-personal-data': { kind: 'flag', help: cli.options.withPersonalData },
    out: { kind: 'value', required: true, valueName: cli.options.outXlsxValue, help: cli.options.outXlsx },
    force: { kind: 'flag', help: cli.options.force },
    ...USER_OPTION,
  },
  async run(ctx) {
    const target = outTarget(ctx, '.xlsx');
    const force = ctx.options.flag('force');
    const { input, newest } = await evaluationInput(ctx, true);
    await refuseExisting(target, force);
    const bytes = await writeInWorker(ctx.io, { kind: 'evaluation', input, register: { doc: input.doc } });
    const recorded = await writeExportRecordingPersonalData(
      ctx,
      { storePath: input.registerPath, target, personalData: input.includePersonalData === true },
      () => writeTarget(target, bytes, force),
    );
    report(ctx, input, newest, target, bytes.length, recorded);
    return 0;
  },
};
