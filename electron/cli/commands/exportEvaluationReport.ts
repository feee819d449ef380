import { buildEvaluationReportDocx } from '@main/evaluation/evaluationReport';
import { cli } from '@shared/i18n/cli';
import type { Command } from '../command';
import { evaluationInput, outTarget, refuseExisting, report, writeTarget } from './exportEvaluation';

/**
 * `export evaluation-report --store FILE [--round ID] --out FILE.docx [--force]`: the Word evaluation
 * report for committees. Without --round the newest round; an unknown round is exit 1 and writes
 * nothing, as does an existing target without --force. Assessor names never appear in the report.
 */
export const exportEvaluationReportCommand: Command = {
  name: 'export evaluation-report',
  summary: cli.commands.exportEvaluationReport,
  options: {
    store: { kind: 'value', required: true, valueName: cli.options.storeValue, help: cli.options.store },
    round: { kind: 'value', valueName: cli.options.roundValue, help: cli.options.round },
    out: { kind: 'value', required: true, valueName: cli.options.outDocxValue, help: cli.options.outDocx },
    force: { kind: 'flag', help: cli.options.force },
  },
  async run(ctx) {
    const target = outTarget(ctx, '.docx');
    const force = ctx.options.flag('force');
    const { input, newest } = await evaluationInput(ctx, false);
    await refuseExisting(target, force);
    const bytes = await buildEvaluationReportDocx(input);
    await writeTarget(target, bytes, force);
    report(ctx, input, newest, target, bytes.length);
    return 0;
  },
};
