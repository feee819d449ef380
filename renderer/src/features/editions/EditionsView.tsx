import { useCallback, useEffect, useState } from 'react';
import type { EditionSummary } from '@shared/editions/fortschreibung';
import type { FortschreibungDraftInfo } from '@shared/editions/fortschreibungModel';
import { formatDate, formatDateTime } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { TextField } from '../../ui/fields';
import { DataTable, useTableSort, type Column } from '../../ui/DataTable';
import { LISTS } from '../../ui/listMemory';
import { Notice } from '../../ui/Notice';
import './editions.css';
import { DateField } from '../../ui/DateField';
import { readDateEntry } from '../../ui/dateEntry';

const editionsUiTexts = de.editions.ui;
const PRINT_NUMBER = /^\d{5}-\d{2}(-E[1-9]\d?)?$/;

/**
 * "Fassungen": every edition of the masterplan with its state, Drucksache and counts; the current one
 * marked in words. From here: make one current, record its council decision, delete a draft edition, begin
 * or resume a Fortschreibung, and compare two editions.
 */
export function EditionsView({ notice, compare }: { notice?: string; compare?: { fromId: string; toId: string } }) {
  const { readOnly, save, navigate, confirm, reference } = useApp();
  const [editions, setEditions] = useState<EditionSummary[] | null>(null);
  const [drafts, setDrafts] = useState<FortschreibungDraftInfo[]>([]);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(
    notice ? { kind: 'success', text: notice } : null,
  );
  const [deciding, setDeciding] = useState<{ id: string; printNumber: string; date: string; problems: Record<string, string> } | null>(
    null,
  );
  const [pair, setPair] = useState<{ fromId: string; toId: string }>(compare ?? { fromId: '', toId: '' });

  const load = useCallback(async () => {
    const [list, draftList] = await Promise.all([call('listEditions', {}), call('listFortschreibungDrafts', {})]);
    setEditions(list);
    setDrafts(draftList);
    setPair((p) => {
      if (p.fromId && p.toId) return p;
      const current = list.find((e) => e.isCurrent);
      const target = current?.sourceEditionId ? current : list.find((e) => e.sourceEditionId);
      return target?.sourceEditionId
        ? { fromId: target.sourceEditionId, toId: target.edition.id }
        : { fromId: list[0]?.edition.id ?? '', toId: list[1]?.edition.id ?? list[0]?.edition.id ?? '' };
    });
  }, []);

  useEffect(() => {
    load().catch((e) => setMessage({ kind: 'error', text: errorMessage(e) }));
  }, [load, reference]);

  const list = editions ?? [];
  const nameOf = (id: string | null) => list.find((e) => e.edition.id === id)?.edition.name ?? '';

  const run = async (job: () => Promise<{ savedAt: string }>, success: string) => {
    try {
      await save(job);
      setMessage({ kind: 'success', text: success });
      await load();
      return true;
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
      return false;
    }
  };

  const start = async (fromEditionId: string) => {
    try {
      const saved = await save(() => call('startFortschreibung', { fromEditionId }));
      await navigate({ name: 'fortschreibung', id: saved.value.id });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };

  const remove = async (s: EditionSummary) => {
    if (
      !(await confirm({
        title: editionsUiTexts.deleteTitle,
        text: editionsUiTexts.deleteConfirm(s.edition.name, s.measureCount),
        confirmLabel: editionsUiTexts.deleteTitle,
      }))
    )
      return;
    await run(() => call('deleteEdition', { id: s.edition.id }), editionsUiTexts.deleted(s.edition.name));
  };

  const discard = async (d: FortschreibungDraftInfo) => {
    const name = d.name || de.editions.unnamedDraft;
    if (
      !(await confirm({
        title: editionsUiTexts.discardTitle,
        text: editionsUiTexts.discardConfirm(name),
        confirmLabel: editionsUiTexts.discardTitle,
      }))
    )
      return;
    await run(() => call('discardFortschreibungDraft', { id: d.id }), editionsUiTexts.discarded);
  };

  const submitDecision = async () => {
    if (!deciding) return;
    const problems: Record<string, string> = {};
    const decidedOn = readDateEntry(deciding.date);
    if (!PRINT_NUMBER.test(deciding.printNumber.trim())) problems.printNumber = editionsUiTexts.invalidPrintNumber;
    if (!decidedOn) problems.date = editionsUiTexts.invalidDate;
    if (Object.keys(problems).length > 0 || !decidedOn) {
      setDeciding({ ...deciding, problems });
      return;
    }
    const name = nameOf(deciding.id);
    if (
      await run(
        () => call('decideEdition', { id: deciding.id, printNumber: deciding.printNumber.trim(), decidedOn }),
        editionsUiTexts.decided(name),
      )
    )
      setDeciding(null);
  };

  const columns: Column<EditionSummary>[] = [
    {
      key: 'name',
      label: editionsUiTexts.col.name,
      width: 300,
      grow: true,
      fixed: true,
      rowHeader: true,
      text: (s) => (s.isCurrent ? `${s.edition.name} ${editionsUiTexts.current}` : s.edition.name),
      sortValue: (s) => s.edition.name,
      cell: (s) => (
        <>
          {s.edition.name}
          {s.isCurrent ? (
            <>
              {' '}
              <span className="badge badge-current">{editionsUiTexts.current}</span>
            </>
          ) : null}
        </>
      ),
    },
    { key: 'printNumber', label: editionsUiTexts.col.printNumber, width: 110, priority: 3, text: (s) => s.edition.printNumber ?? '' },
    {
      key: 'decidedOn',
      label: editionsUiTexts.col.decidedOn,
      width: 110,
      priority: 3,
      text: (s) => formatDate(s.edition.decidedOn),
      sortValue: (s) => s.edition.decidedOn ?? '',
    },
    { key: 'state', label: editionsUiTexts.col.state, width: 110, priority: 1, text: (s) => de.editions.states[s.edition.state] },
    {
      key: 'fields',
      label: editionsUiTexts.col.fields,
      width: 110,
      numeric: true,
      priority: 4,
      text: (s) => String(s.fieldCount),
      sortValue: (s) => s.fieldCount,
    },
    {
      key: 'measures',
      label: editionsUiTexts.col.measures,
      width: 110,
      numeric: true,
      priority: 2,
      text: (s) => String(s.measureCount),
      sortValue: (s) => s.measureCount,
    },
    { key: 'source', label: editionsUiTexts.col.source, width: 180, priority: 5, text: (s) => nameOf(s.sourceEditionId) },
    {
      key: 'actions',
      label: de.ui.actionsColumn,
      hideLabel: true,
      width: 400,
      fixed: true,
      sortable: false,
      text: () => '',
      cell: (s) => (
        <div className="buttons">
          <button
            type="button"
            disabled={readOnly || s.isCurrent}
            aria-label={editionsUiTexts.setCurrentLabel(s.edition.name)}
            onClick={() => void run(() => call('setCurrentEdition', { id: s.edition.id }), editionsUiTexts.currentSet(s.edition.name))}
          >
            {editionsUiTexts.setCurrent}
          </button>
          <button
            type="button"
            disabled={readOnly || s.edition.state === 'abgeloest'}
            aria-label={editionsUiTexts.decideLabel(s.edition.name)}
            onClick={() =>
              setDeciding({
                id: s.edition.id,
                printNumber: s.edition.printNumber ?? '',
                date: formatDate(s.edition.decidedOn),
                problems: {},
              })
            }
          >
            {editionsUiTexts.decide}
          </button>
          <button
            type="button"
            disabled={readOnly}
            aria-label={editionsUiTexts.startLabel(s.edition.name)}
            onClick={() => void start(s.edition.id)}
          >
            {editionsUiTexts.startFortschreibung}
          </button>
          <button
            type="button"
            className="danger"
            disabled={readOnly || s.edition.state !== 'entwurf' || list.length === 1}
            aria-label={editionsUiTexts.deleteLabel(s.edition.name)}
            onClick={() => void remove(s)}
          >
            {editionsUiTexts.delete}
          </button>
        </div>
      ),
    },
  ];
  const { sort, onSort, sorted } = useTableSort(LISTS.editions, columns, list);

  if (!editions) return message ? <Notice kind={message.kind}>{message.text}</Notice> : <p>{de.ui.loading}</p>;
  return (
    <section aria-labelledby="editions-title" className="editions">
      <div className="view-head">
        <h1 id="editions-title">{editionsUiTexts.title}</h1>
      </div>
      <p>{editionsUiTexts.intro}</p>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {compare && message?.kind === 'success' ? (
        <p>
          <button type="button" onClick={() => void navigate({ name: 'editionCompare', fromId: compare.fromId, toId: compare.toId })}>
            {editionsUiTexts.showCompare}
          </button>
        </p>
      ) : null}
      <DataTable
        listKey={LISTS.editions}
        caption={editionsUiTexts.tableCaption}
        columns={columns}
        rows={sorted}
        rowKey={(s) => s.edition.id}
        sort={sort}
        onSort={onSort}
        className="table-flow"
        tableClassName="with-buttons"
        rowCurrent={(s) => s.isCurrent}
        emptyText={de.ui.loading}
      />
      {deciding && (
        <form
          className="inline-form"
          aria-labelledby="decide-title"
          onSubmit={(e) => {
            e.preventDefault();
            void submitDecision();
          }}
        >
          <h2 id="decide-title">{editionsUiTexts.decideTitle(nameOf(deciding.id))}</h2>
          <p>{editionsUiTexts.decideIntro}</p>
          <div className="grid">
            <TextField
              id="decide-printNumber"
              label={editionsUiTexts.printNumber}
              required
              value={deciding.printNumber}
              hint={de.ui.measure.printNumberHint}
              error={deciding.problems.printNumber}
              onChange={(v) => setDeciding({ ...deciding, printNumber: v })}
              className="field-number"
            />
            <DateField
              id="decide-date"
              label={editionsUiTexts.decidedOn}
              required
              value={deciding.date}
              error={deciding.problems.date}
              onChange={(v) => setDeciding({ ...deciding, date: v })}
              className="field-narrow"
            />
          </div>
          <div className="buttons">
            <button type="button" onClick={() => setDeciding(null)}>
              {de.ui.dialog.cancel}
            </button>
            <button type="submit" className="primary">
              {editionsUiTexts.decideSave}
            </button>
          </div>
        </form>
      )}

      <h2>{editionsUiTexts.draftsTitle}</h2>
      {drafts.length === 0 ? (
        <p>{editionsUiTexts.noDrafts}</p>
      ) : (
        <table className="data">
          <caption className="visually-hidden">{editionsUiTexts.draftsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{editionsUiTexts.draftCol.name}</th>
              <th scope="col">{editionsUiTexts.draftCol.source}</th>
              <th scope="col">{editionsUiTexts.draftCol.saved}</th>
              <th scope="col">{editionsUiTexts.draftCol.by}</th>
              <th scope="col">
                <span className="visually-hidden">{de.ui.actionsColumn}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {drafts.map((d) => {
              const name = d.name || de.editions.unnamedDraft;
              return (
                <tr key={d.id}>
                  <th scope="row">{name}</th>
                  <td>{nameOf(d.fromEditionId) || de.editions.problems.sourceMissing}</td>
                  <td>{formatDateTime(d.updatedAt)}</td>
                  <td>{d.createdBy}</td>
                  <td className="buttons">
                    <button
                      type="button"
                      className="primary"
                      aria-label={editionsUiTexts.resumeLabel(name)}
                      onClick={() => void navigate({ name: 'fortschreibung', id: d.id })}
                    >
                      {editionsUiTexts.resume}
                    </button>
                    <button
                      type="button"
                      className="danger"
                      disabled={readOnly}
                      aria-label={editionsUiTexts.discardLabel(name)}
                      onClick={() => void discard(d)}
                    >
                      {editionsUiTexts.discard}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h2 id="compare-title">{editionsUiTexts.compareTitle}</h2>
      <form
        className="filters"
        aria-labelledby="compare-title"
        onSubmit={(e) => {
          e.preventDefault();
          void navigate({ name: 'editionCompare', fromId: pair.fromId, toId: pair.toId });
        }}
      >
        <label>
          {editionsUiTexts.compareFrom}
          <select value={pair.fromId} onChange={(e) => setPair({ ...pair, fromId: e.target.value })}>
            {editions.map((s) => (
              <option key={s.edition.id} value={s.edition.id}>
                {s.edition.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {editionsUiTexts.compareTo}
          <select value={pair.toId} onChange={(e) => setPair({ ...pair, toId: e.target.value })}>
            {editions.map((s) => (
              <option key={s.edition.id} value={s.edition.id}>
                {s.edition.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={!pair.fromId || !pair.toId}>
          {editionsUiTexts.compareButton}
        </button>
      </form>
      <p className="hint">{editionsUiTexts.compareHint}</p>
    </section>
  );
}
