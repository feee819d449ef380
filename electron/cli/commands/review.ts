import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { RegisterDocument } from '@shared/register/register';
import { formatFieldValue, type ReadingContext } from '@shared/review/reviewFields';
import { applyMerge, planMerge, ReviewMergeError, type MergePlan, type PlanEntry } from '@shared/review/reviewMerge';
import { recordPackageSent } from '@shared/review/reviewOverview';
import {
  buildReviewPackage,
  PackageRequestError,
  REVIEW_FILE_EXTENSION,
  ReviewPackageError,
  type VerifiedPackage,
} from '@shared/review/reviewPackage';
import { parsePrintNumber } from '@shared/submissions/submission';
import { formatDate, formatDateTime, parseGermanDate } from '@shared/core/format';
import { cli } from '@shared/i18n/cli';
import { de } from '@shared/i18n/de';
import { readPackageFile, sha256, writePackageFile } from '@main/review/packageFile';
import { describeIoError } from '@main/store/ioErrors';
import { CliFailure, UsageError, writeLines, type CliEnv, type Command } from '../command';
import { loadForDisplay, resolveStore } from '../registerFile';
import { withWritableRegister } from '../writableRegister';
import { USER_OPTION } from '../cliUser';

const t = cli.review;

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}

function env(cliEnv: CliEnv, user: string) {
  return { user, now: cliEnv.now().toISOString(), newId: cliEnv.newId };
}

/** Measure numbers and submission ids/print numbers → ids; unknown ones are a refusal naming them. */
function resolveItems(doc: RegisterDocument, measures: string[], submissions: string[]): { measureIds: string[]; submissionIds: string[] } {
  const active = doc.measures.filter((m) => !m.deletedAt);
  const missingMeasures: string[] = [];
  const measureIds = measures.flatMap((n) => {
    const found = active.find((m) => m.number.toLowerCase() === n.toLowerCase() || m.id === n);
    if (!found) missingMeasures.push(n);
    return found ? [found.id] : [];
  });
  const activeSubmissions = doc.submissions.filter((s) => !s.deletedAt);
  const missingSubmissions: string[] = [];
  const submissionIds = submissions.flatMap((value) => {
    const number = parsePrintNumber(value);
    const found = activeSubmissions.find(
      (s) => s.id === value || (number !== null && s.printNumberBase === number.base && s.printNumberSuffix === number.suffix),
    );
    if (!found) missingSubmissions.push(value);
    return found ? [found.id] : [];
  });
  const problems = [
    ...(missingMeasures.length > 0 ? [t.unknownMeasures(missingMeasures.join(', '))] : []),
    ...(missingSubmissions.length > 0 ? [t.unknownSubmissions(missingSubmissions.join(', '))] : []),
  ];
  if (problems.length > 0) throw new CliFailure([...problems, t.nothingWritten]);
  return { measureIds, submissionIds };
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}

/**
 * `review create --store FILE --reviewer NAME (--measures N1,N2,… | --submissions ID,…) [--due TT.MM.JJJJ]
 * [--message TEXT] --out FILE.mpreview [--force]`: writes the package durably, then records it as sent
 * in the register (under the register's lock). A refusal writes nothing.
 */
export const reviewCreateCommand: Command = {
  name: 'review create',
  summary: t.commands.create,
  options: {
    store: { kind: 'value', required: true, valueName: cli.options.storeValue, help: cli.options.store },
    reviewer: { kind: 'value', required: true, valueName: t.options.reviewerValue, help: t.options.reviewer },
    measures: { kind: 'value', valueName: t.options.measuresValue, help: t.options.measures },
    submissions: { kind: 'value', valueName: t.options.submissionsValue, help: t.options.submissions },
    due: { kind: 'value', valueName: t.options.dueValue, help: t.options.due },
    message: { kind: 'value', valueName: t.options.messageValue, help: t.options.message },
    out: { kind: 'value', required: true, valueName: t.options.outValue, help: t.options.out },
    force: { kind: 'flag', help: t.options.force },
    ...USER_OPTION,
  },
  async run(ctx) {
    const { options, io, env: cliEnv } = ctx;
    const measures = list(options.value('measures'));
    const submissions = list(options.value('submissions'));
    if (measures.length === 0 && submissions.length === 0) throw new UsageError(t.noItems);
    const dueText = options.value('due');
    const dueDate = dueText === undefined ? null : parseGermanDate(dueText);
    if (dueText !== undefined && dueDate === null) throw new UsageError(t.badDue(dueText));
    const out = resolveStore(cliEnv, options.required('out'));
    if (!out.toLowerCase().endsWith(`.${REVIEW_FILE_EXTENSION}`)) throw new UsageError(t.outExtension);
    if (!options.flag('force') && (await exists(out))) throw new CliFailure(t.exists(out).split('\n'));
    const storePath = resolveStore(cliEnv, options.required('store'));

    // Checked read-only first: a wrong choice must not even lead to a migration being written.
    const { doc } = await loadForDisplay(storePath, io);
    resolveItems(doc, measures, submissions);

    return withWritableRegister(ctx, storePath, t, async (store, user) => {
      const e = env(cliEnv, user);
      let pkg: VerifiedPackage;
      try {
        const chosen = resolveItems(store.doc, measures, submissions);
        pkg = buildReviewPackage(
          store.doc,
          {
            ...chosen,
            packageId: cliEnv.newId(),
            createdAt: e.now,
            createdBy: e.user,
            reviewer: options.required('reviewer'),
            dueDate,
            message: options.value('message') ?? '',
          },
          sha256,
        );
      } catch (error) {
        if (error instanceof PackageRequestError) throw new CliFailure([...error.problems.map((p) => p.message), t.nothingWritten]);
        throw error;
      }
      try {
        await writePackageFile(out, pkg);
      } catch (error) {
        throw new CliFailure([de.review.file.writeFailed(describeIoError(error))]);
      }
      try {
        await store.commit((current) => recordPackageSent(current, pkg, path.basename(out), e));
      } catch (error) {
        await fs.rm(out, { force: true }).catch(() => undefined);
        throw error;
      }
      writeLines(io.out, [
        t.created(out, pkg.items.length, pkg.reviewer),
        ...(pkg.dueDate ? [t.due(formatDate(pkg.dueDate))] : []),
        t.packageId(pkg.packageId),
      ]);
      return 0;
    });
  },
};

function contextOf(doc: RegisterDocument): ReadingContext {
  return {
    actionFields: doc.actionFields,
    orgUnits: doc.orgUnits,
    statuses: doc.statuses,
    bodies: doc.bodies,
    measureLabels: doc.measures.map((m) => ({ id: m.id, number: m.number, title: m.title })),
  };
}

function outcomeText(e: PlanEntry): string {
  const reviewOutcomesTexts = de.review.outcomes;
  switch (e.outcome) {
    case 'commentOnOlder':
      return reviewOutcomesTexts.commentOnOlder(formatDateTime(e.basedOn?.updatedAt));
    case 'voteNeedsConfirmation':
      return reviewOutcomesTexts.voteNeedsConfirmation(formatDateTime(e.basedOn?.updatedAt));
    default:
      return reviewOutcomesTexts[e.outcome];
  }
}

/** The preview as lines: every entry with item, kind, field, what happens, and the values of proposals. */
export function previewLines(plan: MergePlan, doc: RegisterDocument): string[] {
  const ctx = contextOf(doc);
  const show = (e: PlanEntry, value: unknown) =>
    (e.field ? formatFieldValue(e.itemKind, e.field, value, ctx) : '') || de.review.values.empty;
  const lines = [t.previewHeading(plan.reviewer, formatDateTime(plan.returnedAt))];
  if (plan.duplicateOf) lines.push(t.duplicate(formatDateTime(plan.duplicateOf.at), plan.duplicateOf.user));
  if (plan.notRecorded) lines.push(t.notRecorded);
  if (plan.entries.length === 0) lines.push(t.noEntries);
  for (const e of plan.entries) {
    const kind =
      e.entryKind === 'vote' && e.vote ? `${de.review.entryKinds.vote} „${de.review.votes[e.vote]}“` : de.review.entryKinds[e.entryKind];
    const where = e.fieldLabel ? de.review.ui.preview.onField(e.fieldLabel) : '';
    lines.push(t.entry(e.itemLabel, kind, where, outcomeText(e)));
    if (e.text.trim()) lines.push(t.text(e.text.trim().replace(/\s+/g, ' ').slice(0, 300)));
    if (e.entryKind === 'suggestion') lines.push(t.values(show(e, e.base), show(e, e.current), show(e, e.proposed)));
  }
  for (const item of plan.items) if (item.problems.length > 0) lines.push(t.itemProblems(item.label, item.problems.join(' ')));
  if (!plan.duplicateOf) {
    const applied = plan.entries.filter(
      (e) => ['comment', 'commentOnOlder', 'vote'].includes(e.outcome) || e.defaultDecision === 'accept',
    ).length;
    const open = plan.entries.filter((e) => e.defaultDecision === 'later').length;
    lines.push(t.summary(plan.entries.length, applied, open, plan.entries.length - applied - open));
  }
  return lines;
}

/**
 * `review merge --store FILE --from FILE.mpreview [--dry-run] [--accept-unrecorded]`: verifies the package,
 * prints the preview and applies it with the default decisions. A package the register has no record of
 * sending is refused unless `--accept-unrecorded` is given; then no proposal is accepted by default (else: proposals on unchanged items accepted; votes and proposals
 * on changed items kept as open comments to decide in the app). A refused package: exit 1, nothing written.
 */
export const reviewMergeCommand: Command = {
  name: 'review merge',
  summary: t.commands.merge,
  options: {
    store: { kind: 'value', required: true, valueName: cli.options.storeValue, help: cli.options.store },
    from: { kind: 'value', required: true, valueName: t.options.fromValue, help: t.options.from },
    'dry-run': { kind: 'flag', help: t.options.dryRun },
    'accept-unrecorded': { kind: 'flag', help: t.options.acceptUnrecorded },
    ...USER_OPTION,
  },
  async run(ctx) {
    const { options, io, env: cliEnv } = ctx;
    const storePath = resolveStore(cliEnv, options.required('store'));
    const from = resolveStore(cliEnv, options.required('from'));
    const acceptUnrecorded = options.flag('accept-unrecorded');
    const fileName = path.basename(from);
    let pkg: VerifiedPackage;
    try {
      pkg = await readPackageFile(from);
    } catch (error) {
      if (error instanceof ReviewPackageError) throw new CliFailure([t.refused(fileName), `  – ${error.message}`]);
      throw error;
    }
    const plan = (doc: RegisterDocument): MergePlan => {
      try {
        return planMerge(doc, pkg, fileName);
      } catch (error) {
        if (error instanceof ReviewPackageError) throw new CliFailure([t.refused(fileName), `  – ${error.message}`]);
        throw error;
      }
    };
    const { doc } = await loadForDisplay(storePath, io);
    const preview = plan(doc);
    writeLines(io.out, previewLines(preview, doc));
    if (options.flag('dry-run')) {
      writeLines(io.out, [t.dryRun]);
      return 0;
    }
    if (preview.duplicateOf) return 0;
    // A package this register never sent may be forged (its checksum is no signature): only on request,
    // and then its proposals stay open (planMerge selects none of them).
    if (preview.notRecorded && !acceptUnrecorded) throw new CliFailure([t.refused(fileName), `  – ${t.unrecordedRefused}`]);

    return withWritableRegister(ctx, storePath, t, async (store, user) => {
      try {
        const { result } = await store.commit((current) => {
          // Planned again under the lock: the app may have saved since the preview above.
          const planned = plan(current);
          if (planned.notRecorded && !acceptUnrecorded) throw new ReviewMergeError(t.unrecordedRefused);
          const merged = applyMerge(current, planned, {}, env(cliEnv, user));
          return { doc: merged.doc, result: merged };
        });
        if (result.importRecord) writeLines(io.out, [t.written(result.appliedCount, path.basename(storePath), result.importRecord.id)]);
        return 0;
      } catch (error) {
        if (error instanceof ReviewMergeError) throw new CliFailure([t.refused(fileName), `  – ${error.message}`]);
        throw error;
      }
    });
  },
};
