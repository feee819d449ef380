import { useCallback, useEffect, useState } from 'react';
import type { EditionSummary } from '@shared/editions/fortschreibung';
import type { FortschreibungDraftInfo } from '@shared/editions/fortschreibungModel';
import { formatDate, formatDateTime, parseGermanDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import './editions.css';

const t = de.editions.ui;
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
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(notice ? { kind: 'success', text: notice } : null);
  const [deciding, setDeciding] = useState<{ id: string; printNumber: string; date: string; problems: Record<string, string> } | null>(null);
  const [pair, setPair] = useState<{ fromId: string; toId: string }>(compare ?? { fromId: '', toId: '' });

  const load = useCallback(async () => {
    const [list, draftList] = await Promise.all([call('listEditions', {}), call('listFortschreibungDrafts', {})]);
    setEditions(list);
    setDrafts(draftList);
    setPair((p) => {
      if (p.fromId && p.toId) return p;
      const current = list.find((e) => e.isCurrent);
      const target = current?.sourceEditionId ? current : list.find((e) => e.sourceEditionId);
      return target?.sourceEditionId ? { fromId: target.sourceEditionId, toId: target.edition.id } : { fromId: list[0]?.edition.id ?? '', toId: list[1]?.edition.id ?? list[0]?.edition.id ?? '' };
    });
  }, []);

  useEffect(() => {
    load().catch((e) => setMessage({ kind: 'error', text: errorMessage(e) }));
  }, [load, reference]);

  if (!editions) return message ? <Notice kind={message.kind}>{message.text}</Notice> : <p>{de.ui.loading}</p>;
  const nameOf = (id: string | null) => editions.find((e) => e.edition.id === id)?.edition.name ?? '';

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
    if (!(await confirm({ title: t.deleteTitle, text: t.deleteConfirm(s.edition.name, s.measureCount), confirmLabel: t.deleteTitle }))) return;
    await run(() => call('deleteEdition', { id: s.edition.id }), t.deleted(s.edition.name));
  };

  const discard = async (d: FortschreibungDraftInfo) => {
    const name = d.name || de.editions.unnamedDraft;
    if (!(await confirm({ title: t.discardTitle, text: t.discardConfirm(name), confirmLabel: t.discardTitle }))) return;
    await run(() => call('discardFortschreibungDraft', { id: d.id }), t.discarded);
  };

  const submitDecision = async () => {
    if (!deciding) return;
    const problems: Record<string, string> = {};
    const decidedOn = parseGermanDate(deciding.date);
    if (!PRINT_NUMBER.test(deciding.printNumber.trim())) problems.printNumber = t.invalidPrintNumber;
    if (!decidedOn) problems.date = t.invalidDate;
    if (Object.keys(problems).length > 0 || !decidedOn) {
      setDeciding({ ...deciding, problems });
      return;
    }
    const name = nameOf(deciding.id);
    if (await run(() => call('decideEdition', { id: deciding.id, printNumber: deciding.printNumber.trim(), decidedOn }), t.decided(name))) setDeciding(null);
  };

  return (
    <section aria-labelledby="editions-title" className="editions">
      <div className="view-head">
        <h1 id="editions-title">{t.title}</h1>
      </div>
      <p>{t.intro}</p>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {compare && message?.kind === 'success' ? (
        <p>
          <button type="button" onClick={() => void navigate({ name: 'editionCompare', fromId: compare.fromId, toId: compare.toId })}>
            {t.showCompare}
          </button>
        </p>
      ) : null}
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">{t.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.col.name}</th>
              <th scope="col">{t.col.printNumber}</th>
              <th scope="col">{t.col.decidedOn}</th>
              <th scope="col">{t.col.state}</th>
              <th scope="col" className="num">
                {t.col.fields}
              </th>
              <th scope="col" className="num">
                {t.col.measures}
              </th>
              <th scope="col">{t.col.source}</th>
              <th scope="col">
                <span className="visually-hidden">{de.ui.actionsColumn}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {editions.map((s) => (
              <tr key={s.edition.id} aria-current={s.isCurrent ? 'true' : undefined}>
                <th scope="row">
                  {s.edition.name}
                  {s.isCurrent ? (
                    <>
                      {' '}
                      <span className="badge badge-current">{t.current}</span>
                    </>
                  ) : null}
                </th>
                <td>{s.edition.printNumber ?? ''}</td>
                <td>{formatDate(s.edition.decidedOn)}</td>
                <td>{de.editions.states[s.edition.state]}</td>
                <td className="num">{s.fieldCount}</td>
                <td className="num">{s.measureCount}</td>
                <td>{nameOf(s.sourceEditionId)}</td>
                <td>
                  <div className="buttons">
                    <button type="button" disabled={readOnly || s.isCurrent} aria-label={t.setCurrentLabel(s.edition.name)} onClick={() => void run(() => call('setCurrentEdition', { id: s.edition.id }), t.currentSet(s.edition.name))}>
                      {t.setCurrent}
                    </button>
                    <button
                      type="button"
                      disabled={readOnly || s.edition.state === 'abgeloest'}
                      aria-label={t.decideLabel(s.edition.name)}
                      onClick={() => setDeciding({ id: s.edition.id, printNumber: s.edition.printNumber ?? '', date: formatDate(s.edition.decidedOn), problems: {} })}
                    >
                      {t.decide}
                    </button>
                    <button type="button" disabled={readOnly} aria-label={t.startLabel(s.edition.name)} onClick={() => void start(s.edition.id)}>
                      {t.startFortschreibung}
                    </button>
                    <button type="button" className="danger" disabled={readOnly || s.edition.state !== 'entwurf' || editions.length === 1} aria-label={t.deleteLabel(s.edition.name)} onClick={() => void remove(s)}>
                      {t.delete}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {deciding && (
        <form
          className="inline-form"
          aria-labelledby="decide-title"
          onSubmit={(e) => {
            e.preventDefault();
            void submitDecision();
          }}
        >
          <h2 id="decide-title">{t.decideTitle(nameOf(deciding.id))}</h2>
          <p>{t.decideIntro}</p>
          <div className="grid">
            <TextField
              id="decide-printNumber"
              label={t.printNumber}
              required
              value={deciding.printNumber}
              hint={de.ui.measure.printNumberHint}
              error={deciding.problems.printNumber}
              onChange={(v) => setDeciding({ ...deciding, printNumber: v })}
              className="field-number"
            />
            <TextField id="decide-date" label={t.decidedOn} required value={deciding.date} hint={t.dateHint} error={deciding.problems.date} onChange={(v) => setDeciding({ ...deciding, date: v })} className="field-narrow" />
          </div>
          <div className="buttons">
            <button type="button" onClick={() => setDeciding(null)}>
              {de.ui.dialog.cancel}
            </button>
            <button type="submit" className="primary">
              {t.decideSave}
            </button>
          </div>
        </form>
      )}

      <h2>{t.draftsTitle}</h2>
      {drafts.length === 0 ? (
        <p>{t.noDrafts}</p>
      ) : (
        <table className="data">
          <caption className="visually-hidden">{t.draftsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.draftCol.name}</th>
              <th scope="col">{t.draftCol.source}</th>
              <th scope="col">{t.draftCol.saved}</th>
              <th scope="col">{t.draftCol.by}</th>
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
                    <button type="button" className="primary" aria-label={t.resumeLabel(name)} onClick={() => void navigate({ name: 'fortschreibung', id: d.id })}>
                      {t.resume}
                    </button>
                    <button type="button" className="danger" disabled={readOnly} aria-label={t.discardLabel(name)} onClick={() => void discard(d)}>
                      {t.discard}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h2 id="compare-title">{t.compareTitle}</h2>
      <form
        className="filters"
        aria-labelledby="compare-title"
        onSubmit={(e) => {
          e.preventDefault();
          void navigate({ name: 'editionCompare', fromId: pair.fromId, toId: pair.toId });
        }}
      >
        <label>
          {t.compareFrom}
          <select value={pair.fromId} onChange={(e) => setPair({ ...pair, fromId: e.target.value })}>
            {editions.map((s) => (
              <option key={s.edition.id} value={s.edition.id}>
                {s.edition.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.compareTo}
          <select value={pair.toId} onChange={(e) => setPair({ ...pair, toId: e.target.value })}>
            {editions.map((s) => (
              <option key={s.edition.id} value={s.edition.id}>
                {s.edition.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={!pair.fromId || !pair.toId}>
          {t.compareButton}
        </button>
      </form>
      <p className="hint">{t.compareHint}</p>
    </section>
  );
}
