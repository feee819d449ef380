/**
 * `masterplan`: the command line of the Masterplan-Register. Plain Node (no Electron); reads and writes
 * register files with the same store code as the app. Started by masterplan.mjs, or in-process via main().
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from './args';
import { userSettingsPath } from './userSettings';
import { CliFailure, UsageError, writeLines, type CliEnv, type CliIo, type Command } from './command';
import { initCommand } from './commands/init';
import { exportSubmissionCommand } from './commands/exportSubmission';
import { exportEvaluationCommand } from './commands/exportEvaluation';
import { exportEvaluationReportCommand } from './commands/exportEvaluationReport';
import { importMeasuresCommand, importProposalsCommand, importValuesCommand } from './commands/importData';
import { listMeasuresCommand } from './commands/listMeasures';
import { exportEditionsCommand } from './commands/exportEditions';
import { exportProposalsCommand } from './commands/exportProposals';
import { exportSessionCommand } from './commands/exportSession';
import { exportTrackingCommand } from './commands/exportTracking';
import { listEditionsCommand } from './commands/listEditions';
import { reviewCreateCommand, reviewMergeCommand } from './commands/review';
import { listSubmissionsCommand } from './commands/listSubmissions';
import { statsCommand } from './commands/stats';
import { validateCommand } from './commands/validate';
import { projectRoot } from './projectRoot';
import { renderTable } from './table';
import { cli } from '@shared/i18n/cli';

export type { CliEnv, CliIo } from './command';

/** Every command, keyed by the words typed after `masterplan`; new ones (`review create` …) go here. */
export const COMMANDS: readonly Command[] = [
  initCommand,
  validateCommand,
  statsCommand,
  listMeasuresCommand,
  listSubmissionsCommand,
  exportSubmissionCommand,
  exportEvaluationCommand,
  exportEvaluationReportCommand,
  importMeasuresCommand,
  importValuesCommand,
  importProposalsCommand,
  reviewCreateCommand,
  reviewMergeCommand,
  listEditionsCommand,
  exportEditionsCommand,
  exportSessionCommand,
  exportProposalsCommand,
  exportTrackingCommand,
];

const ROOT = projectRoot();

export function defaultEnv(): CliEnv {
  return {
    cwd: process.cwd(),
    samplePath: path.join(ROOT, 'resources', 'sample-register.json'),
    now: () => new Date(),
    newId: () => randomUUID(),
    settingsPath: userSettingsPath(),
  };
}

/** Runs one call and returns the exit code: 0 done, 1 refused or invalid data, 2 wrong call. */
export async function main(
  argv: string[],
  io: CliIo = { out: process.stdout, err: process.stderr },
  env: Partial<CliEnv> = {},
): Promise<number> {
  const fullEnv: CliEnv = { ...defaultEnv(), ...env };
  try {
    const parsed = parseArgs(argv, COMMANDS);
    if (parsed.kind === 'help') {
      writeLines(io.out, overallHelp());
      return 0;
    }
    if (parsed.kind === 'commandHelp') {
      writeLines(io.out, commandHelp(parsed.command));
      return 0;
    }
    return await parsed.command.run({ options: parsed.options, io, env: fullEnv });
  } catch (error) {
    if (error instanceof UsageError) {
      // No arguments at all: show the overview, but still as a wrong call.
      if (argv.length === 0) writeLines(io.err, [...overallHelp(), '', `${cli.usage.prefix} ${error.message}`]);
      else writeLines(io.err, [`${cli.usage.prefix} ${error.message}`, cli.usage.hint]);
      return 2;
    }
    if (error instanceof CliFailure) {
      writeLines(io.err, error.lines);
      return 1;
    }
    writeLines(io.err, [cli.unexpected(error instanceof Error ? error.message : String(error))]);
    if (process.env.MASTERPLAN_DEBUG && error instanceof Error && error.stack) writeLines(io.err, [error.stack]);
    return 1;
  }
}

function optionLabel(name: string, spec: Command['options'][string]): string {
  const text = spec.kind === 'value' ? `--${name} ${spec.valueName ?? ''}` : `--${name}`;
  return spec.required ? text : `[${text}]`;
}

function synopsis(command: Command): string {
  return [cli.program, command.name, ...Object.entries(command.options).map(([name, spec]) => optionLabel(name, spec))].join(' ');
}

export function overallHelp(): string[] {
  const options = new Map<string, string>();
  for (const command of COMMANDS)
    for (const [name, spec] of Object.entries(command.options)) {
      const label = spec.kind === 'value' ? `--${name} ${spec.valueName ?? ''}` : `--${name}`;
      if (!options.has(label)) options.set(label, spec.help);
    }
  options.set('--help, -h', cli.helpOption);
  return [
    cli.title,
    '',
    cli.usageHeading,
    `  ${cli.usageLine}`,
    '',
    cli.commandsHeading,
    ...COMMANDS.flatMap((c) => [`  ${synopsis(c)}`, `      ${c.summary}`]),
    '',
    cli.optionsHeading,
    ...renderTable([...options], { indent: '  ' }),
    '',
    cli.commandHelpHint('<Befehl>'),
    cli.exitCodes,
  ];
}

export function commandHelp(command: Command): string[] {
  const rows = Object.entries(command.options).map(([name, spec]) => [
    spec.kind === 'value' ? `--${name} ${spec.valueName ?? ''}` : `--${name}`,
    spec.help,
  ]);
  rows.push(['--help, -h', cli.helpOption]);
  return [
    command.summary,
    '',
    cli.usageHeading,
    `  ${synopsis(command)}`,
    '',
    cli.optionsHeading,
    ...renderTable(rows, { indent: '  ' }),
    '',
    cli.exitCodes,
  ];
}
