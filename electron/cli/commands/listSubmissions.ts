import type { RegisterDocument } from '@shared/register/register';
import { formatPrintNumber, type Submission } from '@shared/submissions/submission';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { writeLines, type Command } from '../command';
import { loadForDisplay, resolveStore } from '../registerFile';
import { renderTable } from '../table';
import { cli } from '@shared/i18n/cli';

/** A submission as printed with `--json`. */
export interface ListedSubmission {
  id: string;
  printNumber: string;
  date: string | null;
  kind: Submission['kind'];
  kindLabel: string;
  subject: string;
  status: Submission['status'];
  statusLabel: string;
  isPublic: boolean;
  linkedMeasures: number;
  updatedAt: string;
}

const naturalOrder = new Intl.Collator('de-DE', { numeric: true, sensitivity: 'base' });

/** Submissions not in the Papierkorb: numbered ones by Drucksache-Nr., then drafts, newest first. */
export function activeSubmissions(doc: RegisterDocument): Submission[] {
  return doc.submissions
    .filter((s) => !s.deletedAt)
    .sort((a, b) => {
      const na = formatPrintNumber(a);
      const nb = formatPrintNumber(b);
      if (na && nb) return naturalOrder.compare(na, nb);
      if (na || nb) return na ? -1 : 1;
      return b.updatedAt.localeCompare(a.updatedAt);
    });
}

export function toListedSubmission(s: Submission): ListedSubmission {
  return {
    id: s.id,
    printNumber: formatPrintNumber(s),
    date: s.date,
    kind: s.kind,
    kindLabel: de.submission.kinds[s.kind],
    subject: s.subject,
    status: s.status,
    statusLabel: de.submission.statuses[s.status],
    isPublic: s.isPublic,
    linkedMeasures: s.linkedMeasureIds.length,
    updatedAt: s.updatedAt,
  };
}

export function renderSubmissionList(doc: RegisterDocument): string[] {
  const list = activeSubmissions(doc);
  if (list.length === 0) return [cli.submissions.none];
  const body = list.map((s) => [
    formatPrintNumber(s) || de.submission.noNumber,
    formatDate(s.date),
    de.submission.kinds[s.kind],
    s.subject,
    de.submission.statuses[s.status],
    s.isPublic ? de.submission.publicLabel : de.submission.nonPublicLabel,
    String(s.linkedMeasureIds.length),
  ]);
  const align = ['left', 'left', 'left', 'left', 'left', 'left', 'right'] as const;
  return [...renderTable([[...cli.submissions.headers], ...body], { align, header: true }), '', cli.submissions.total(list.length)];
}

/** `list submissions --store FILE [--json]`. */
export const listSubmissionsCommand: Command = {
  name: 'list submissions',
  summary: cli.commands.listSubmissions,
  options: {
    store: { kind: 'value', required: true, valueName: cli.options.storeValue, help: cli.options.store },
    json: { kind: 'flag', help: cli.options.json },
  },
  async run({ options, io, env }) {
    const { doc } = await loadForDisplay(resolveStore(env, options.required('store')), io);
    if (options.flag('json')) io.out.write(`${JSON.stringify(activeSubmissions(doc).map(toListedSubmission), null, 2)}\n`);
    else writeLines(io.out, renderSubmissionList(doc));
    return 0;
  },
};
