import { summarizeEditions, type EditionSummary } from '@shared/editions/fortschreibung';
import type { RegisterDocument } from '@shared/register/register';
import { formatDate } from '@shared/core/format';
import { cli } from '@shared/i18n/cli';
import { de } from '@shared/i18n/de';
import { writeLines, type Command } from '../command';
import { loadForDisplay, resolveStore } from '../registerFile';
import { renderTable } from '../table';

/** A Fassung as printed with `--json`. */
export interface ListedEdition {
  id: string;
  name: string;
  printNumber: string | null;
  decidedOn: string | null;
  state: EditionSummary['edition']['state'];
  stateLabel: string;
  current: boolean;
  actionFields: number;
  measures: number;
  sourceEditionId: string | null;
  successorIds: string[];
  drafts: number;
}

export function toListedEdition(s: EditionSummary): ListedEdition {
  return {
    id: s.edition.id,
    name: s.edition.name,
    printNumber: s.edition.printNumber,
    decidedOn: s.edition.decidedOn,
    state: s.edition.state,
    stateLabel: de.editions.states[s.edition.state],
    current: s.isCurrent,
    actionFields: s.fieldCount,
    measures: s.measureCount,
    sourceEditionId: s.sourceEditionId,
    successorIds: s.successorIds,
    drafts: s.draftIds.length,
  };
}

export function renderEditionList(doc: RegisterDocument): string[] {
  const list = summarizeEditions(doc);
  const body = list.map((s) => [
    s.edition.id,
    s.edition.name + (s.isCurrent ? cli.editions.current : ''),
    s.edition.printNumber ?? '',
    formatDate(s.edition.decidedOn),
    de.editions.states[s.edition.state],
    String(s.fieldCount),
    String(s.measureCount),
    s.sourceEditionId ?? '',
  ]);
  const align = ['left', 'left', 'left', 'left', 'left', 'right', 'right', 'left'] as const;
  const lines = [...renderTable([[...cli.editions.headers], ...body], { align, header: true }), '', cli.editions.total(list.length)];
  if (doc.fortschreibungDrafts.length > 0) lines.push(cli.editions.drafts(doc.fortschreibungDrafts.length));
  return lines;
}

/** `list editions --store FILE [--json]`. */
export const listEditionsCommand: Command = {
  name: 'list editions',
  summary: cli.editions.listSummary,
  options: {
    store: { kind: 'value', required: true, valueName: cli.options.storeValue, help: cli.options.store },
    json: { kind: 'flag', help: cli.options.json },
  },
  async run({ options, io, env }) {
    const { doc } = await loadForDisplay(resolveStore(env, options.required('store')), io);
    if (options.flag('json')) io.out.write(`${JSON.stringify(summarizeEditions(doc).map(toListedEdition), null, 2)}\n`);
    else writeLines(io.out, renderEditionList(doc));
    return 0;
  },
};
