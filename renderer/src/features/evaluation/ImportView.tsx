import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportFileInfo } from '@shared/contract';
import type { ImportRecord } from '@shared/evaluation/evaluation';
import {
  IMPORT_FIELDS_BY_KIND,
  IMPORT_KINDS,
  leftOutColumns,
  REQUIRED_IMPORT_FIELDS,
  type ColumnMapping,
  type ImportField,
  type ImportKind,
  type ImportPreview,
} from '@shared/import/importMapping';
import { columnLetter } from '@shared/import/importTexts';
import { formatDateTime } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';
import { RadioGroup } from '../../ui/fields';

const evaluationImportTexts = de.ui.evaluation.import;
const MAX_ROWS_SHOWN = 500;

/**
 * Spreadsheet import: choose a file (read in main), what it holds, the sheet, which column is which
 * field (pre-filled from the headers), a dry-run preview with an error per row and field, then all or
 * nothing. Below, the imports so far, each undoable. `preselectedKind` (e.g. from the Anregungen list)
 * wins over the kind suggested from the headers.
 */
export function ImportView({ preselectedKind = null }: { preselectedKind?: ImportKind | null }) {
  const { save, confirm, readOnly } = useApp();
  const [info, setInfo] = useState<ImportFileInfo | null>(null);
  const [kind, setKind] = useState<ImportKind>(preselectedKind ?? 'values');
  const [sheet, setSheet] = useState('');
  /** What the user set; null: the suggestion from the headers. */
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [checking, setChecking] = useState(false);
  const [onlyErrors, setOnlyErrors] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [imports, setImports] = useState<ImportRecord[] | null>(null);
  const request = useRef(0);
  const fileTitle = useRef<HTMLHeadingElement>(null);
  const focusFile = useRef(false);

  // A newly chosen file: the focus moves to its heading, where the settings for it begin.
  useEffect(() => {
    if (info && focusFile.current) {
      focusFile.current = false;
      fileTitle.current?.focus();
    }
  }, [info]);

  const loadImports = useCallback(async () => {
    try {
      setImports(await call('listImports', {}));
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  }, []);
  useEffect(() => void loadImports(), [loadImports]);

  // The dry run follows every change of kind, sheet and mapping; an older answer never overwrites a newer one.
  useEffect(() => {
    if (!info) return;
    const id = ++request.current;
    setChecking(true);
    call('previewImport', { token: info.token, kind, mapping, sheet: sheet || null })
      .then((p) => {
        if (id !== request.current) return;
        setPreview(p);
      })
      .catch((e) => {
        if (id !== request.current) return;
        setPreview(null);
        setMessage({ kind: 'error', text: errorMessage(e) });
      })
      .finally(() => id === request.current && setChecking(false));
  }, [info, kind, sheet, mapping]);

  const choose = async () => {
    setMessage(null);
    setBusy(true);
    try {
      const chosen = await call('chooseImportFile', {});
      if (!chosen) return;
      setPreview(null);
      setMapping(null);
      setKind(preselectedKind ?? chosen.suggestedKind);
      setSheet(chosen.sheet);
      setOnlyErrors(false);
      focusFile.current = true;
      setInfo(chosen);
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const reset = () => {
    request.current++;
    setInfo(null);
    setPreview(null);
    setMapping(null);
    setChecking(false);
  };

  const shownMapping: ColumnMapping = mapping ?? preview?.mapping ?? (info && sheet === info.sheet ? info.suggestedMapping[kind] : {});
  const headers = preview?.headers ?? (info && sheet === info.sheet ? info.headers : []);
  const ready = !!preview && !checking && preview.kind === kind && preview.canCommit;

  const commit = async () => {
    if (!info || !preview) return;
    setMessage(null);
    setBusy(true);
    try {
      const saved = await save(() => call('commitImport', { token: info.token, kind, mapping: shownMapping, sheet: sheet || null }));
      reset();
      setMessage({
        kind: 'success',
        text: evaluationImportTexts.committed(de.import.kinds[saved.value.kind], saved.value.fileName, saved.value.rowCount),
      });
      await loadImports();
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const undo = async (record: ImportRecord) => {
    const when = formatDateTime(record.at);
    const text =
      record.kind === 'proposals'
        ? evaluationImportTexts.undoConfirmProposals(record.fileName, when)
        : evaluationImportTexts.undoConfirm(de.import.kinds[record.kind], record.fileName, when);
    if (!(await confirm({ title: evaluationImportTexts.undoTitle, text, confirmLabel: evaluationImportTexts.undo }))) return;
    setMessage(null);
    try {
      await save(() => call('undoImport', { id: record.id }));
      setMessage({ kind: 'success', text: evaluationImportTexts.undone(record.fileName) });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
    await loadImports();
  };

  const rows = preview ? (onlyErrors ? preview.rows.filter((r) => !r.ok) : preview.rows) : [];
  const fields = IMPORT_FIELDS_BY_KIND[kind];
  // Columns with a person's name or contact data are never offered (Anregungen).
  const hiddenColumns = new Set(leftOutColumns(headers, kind));
  const setColumn = (field: ImportField, value: string) => {
    const next: ColumnMapping = { ...shownMapping };
    if (value === '') delete next[field];
    else next[field] = Number(value);
    setMapping(next);
  };

  return (
    <div className="import-view">
      <div className="view-head">
        <h2 id="import-title">{evaluationImportTexts.title}</h2>
        <button type="button" className={info ? undefined : 'primary'} disabled={readOnly || busy} onClick={() => void choose()}>
          {info ? evaluationImportTexts.chooseOther : evaluationImportTexts.choose}
        </button>
      </div>
      <p className="intro">{evaluationImportTexts.intro}</p>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {busy && !info ? <p role="status">{evaluationImportTexts.reading}</p> : null}

      {info ? (
        <section className="import-work" aria-labelledby="import-file-title">
          <h3 id="import-file-title" ref={fileTitle} tabIndex={-1}>
            {evaluationImportTexts.fileTitle}:{' '}
            {evaluationImportTexts.fileLine(info.fileName, evaluationImportTexts.formats[info.format], info.dataRows)}
          </h3>
          {info.csv ? (
            <p className="muted">
              {evaluationImportTexts.csvLine(
                evaluationImportTexts.separators[info.csv.separator] ?? info.csv.separator,
                info.csv.encoding.toUpperCase(),
              )}
            </p>
          ) : null}
          <div className="grid import-settings">
            <RadioGroup
              id="import-kind"
              label={evaluationImportTexts.kind}
              hint={evaluationImportTexts.kindHint}
              value={kind}
              options={IMPORT_KINDS.map((k) => ({ value: k, label: de.import.kinds[k] }))}
              onChange={(k) => {
                setKind(k);
                setMapping(null);
              }}
              className="import-kind"
            />
            {info.sheets.length > 1 ? (
              <div className="field">
                <label htmlFor="import-sheet">{evaluationImportTexts.sheet}</label>
                <select
                  id="import-sheet"
                  value={sheet}
                  onChange={(e) => {
                    setSheet(e.target.value);
                    setMapping(null);
                    setPreview(null);
                  }}
                >
                  {info.sheets.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
          </div>
          {preview ? <p className="muted">{evaluationImportTexts.headerRow(preview.headerRow)}</p> : null}

          <h4 id="import-mapping-title">{evaluationImportTexts.mappingTitle}</h4>
          <p className="hint">{evaluationImportTexts.mappingHint}</p>
          <table className="data compact mapping-table">
            <caption className="visually-hidden">{evaluationImportTexts.mappingCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{evaluationImportTexts.colField}</th>
                <th scope="col">{evaluationImportTexts.colColumn}</th>
              </tr>
            </thead>
            <tbody>
              {fields.map((field) => {
                const required = REQUIRED_IMPORT_FIELDS[kind].includes(field);
                const value = shownMapping[field];
                return (
                  <tr key={field}>
                    <th scope="row">
                      <label htmlFor={`import-map-${field}`}>
                        {de.import.fields[field]}
                        {required ? (
                          <>
                            <span aria-hidden="true"> *</span>
                            <span className="visually-hidden"> {evaluationImportTexts.requiredMark}</span>
                          </>
                        ) : null}
                      </label>
                    </th>
                    <td>
                      <select
                        id={`import-map-${field}`}
                        value={value === undefined ? '' : String(value)}
                        onChange={(e) => setColumn(field, e.target.value)}
                      >
                        <option value="">{evaluationImportTexts.notImported}</option>
                        {headers.map((h, i) =>
                          hiddenColumns.has(i) ? null : (
                            <option key={i} value={String(i)}>
                              {evaluationImportTexts.columnOption(columnLetter(i), h)}
                            </option>
                          ),
                        )}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>

          {preview && preview.kind === kind && preview.leftOut.length > 0 ? (
            <Notice kind="info">{de.import.mapping.personalLeftOut(preview.leftOut)}</Notice>
          ) : null}

          <h4 id="import-preview-title">{evaluationImportTexts.previewTitle}</h4>
          <div aria-live="polite" className="import-status">
            {checking ? <p>{evaluationImportTexts.checking}</p> : null}
            {preview && !checking ? (
              <>
                {preview.problems.length > 0 ? (
                  <div className="error-summary" role="alert">
                    <ul>
                      {preview.problems.map((p) => (
                        <li key={p}>{p}</li>
                      ))}
                    </ul>
                  </div>
                ) : (
                  <p className="import-counts">
                    <strong>{evaluationImportTexts.counts(preview.counts.rows, preview.counts.ok, preview.counts.errors)}</strong>{' '}
                    {preview.kind === 'measures'
                      ? evaluationImportTexts.countsMeasures(preview.counts.newMeasures)
                      : preview.kind === 'proposals'
                        ? evaluationImportTexts.countsProposals(preview.counts.newProposals)
                        : evaluationImportTexts.countsValues(
                            preview.counts.newValues,
                            preview.counts.replacedValues,
                            preview.counts.unchangedValues,
                          )}
                  </p>
                )}
              </>
            ) : null}
          </div>
          {preview && !checking && preview.problems.length === 0 && preview.skipped.length > 0 ? (
            <details className="import-skipped">
              <summary>{de.import.skippedSummary(preview.skipped.length)}</summary>
              <ul>
                {preview.skipped.map((row) => (
                  <li key={row.rowNumber}>{de.import.skipped.line(row.rowNumber, row.reason)}</li>
                ))}
              </ul>
            </details>
          ) : null}
          {preview && preview.problems.length === 0 && preview.rows.length > 0 ? (
            <>
              <label className="checkbox">
                <input type="checkbox" checked={onlyErrors} onChange={(e) => setOnlyErrors(e.target.checked)} />
                {evaluationImportTexts.onlyErrors}
              </label>
              {rows.length === 0 ? (
                <p className="muted">{evaluationImportTexts.noErrorRows}</p>
              ) : (
                <div className="preview-scroll" tabIndex={0} role="region" aria-label={evaluationImportTexts.previewCaption}>
                  <table className="data preview-table">
                    <caption className="visually-hidden">{evaluationImportTexts.previewCaption}</caption>
                    <thead>
                      <tr>
                        <th scope="col" className="num">
                          {evaluationImportTexts.colRow}
                        </th>
                        <th scope="col">{evaluationImportTexts.colState}</th>
                        <th scope="col">{evaluationImportTexts.colResult}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.slice(0, MAX_ROWS_SHOWN).map((r) => (
                        <tr key={r.rowNumber} className={r.ok ? undefined : 'row-error'}>
                          <td className="num">{r.rowNumber}</td>
                          <td className="nowrap">
                            <span className={r.ok ? 'state-ok' : 'state-error'}>
                              <span aria-hidden="true">{r.ok ? '✓ ' : '✗ '}</span>
                              {r.ok ? evaluationImportTexts.rowOk : evaluationImportTexts.rowError}
                            </span>
                          </td>
                          <td>
                            <span className="summary">{r.summary}</span>
                            {r.errors.length > 0 ? (
                              <ul className="row-errors">
                                {r.errors.map((err, i) => (
                                  <li key={i}>
                                    {err.column ? `${de.import.location(r.rowNumber, err.column)}: ${err.message}` : err.message}
                                  </li>
                                ))}
                              </ul>
                            ) : null}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              {rows.length > MAX_ROWS_SHOWN ? <p className="muted">{evaluationImportTexts.moreRows(MAX_ROWS_SHOWN, rows.length)}</p> : null}
            </>
          ) : null}
          <div className="buttons import-actions">
            <button type="button" onClick={reset} disabled={busy}>
              {evaluationImportTexts.discard}
            </button>
            <button
              type="button"
              className="primary"
              disabled={!ready || busy || readOnly}
              aria-describedby="import-commit-hint"
              onClick={() => void commit()}
            >
              {evaluationImportTexts.commit}
            </button>
            <span id="import-commit-hint" className="hint">
              {preview && !checking
                ? ready
                  ? evaluationImportTexts.commitReady(preview.counts.rows)
                  : evaluationImportTexts.commitBlocked
                : ''}
            </span>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="imports-title" className="imports-list">
        <h3 id="imports-title">{evaluationImportTexts.listTitle}</h3>
        {!imports ? (
          <p>{de.ui.loading}</p>
        ) : imports.length === 0 ? (
          <p className="muted">{evaluationImportTexts.listEmpty}</p>
        ) : (
          <table className="data compact">
            <caption className="visually-hidden">{evaluationImportTexts.listCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{evaluationImportTexts.colAt}</th>
                <th scope="col">{evaluationImportTexts.colKind}</th>
                <th scope="col">{evaluationImportTexts.colFile}</th>
                <th scope="col" className="num">
                  {evaluationImportTexts.colRows}
                </th>
                <th scope="col">{evaluationImportTexts.colUser}</th>
                <th scope="col">{evaluationImportTexts.colStatus}</th>
                <th scope="col">
                  <span className="visually-hidden">{de.ui.actionsColumn}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {imports.map((r) => (
                <tr key={r.id}>
                  <td className="nowrap">{formatDateTime(r.at)}</td>
                  <td>{de.import.kinds[r.kind]}</td>
                  <td>{r.fileName}</td>
                  <td className="num">{r.rowCount.toLocaleString('de-DE')}</td>
                  <td>{r.user}</td>
                  <td>{r.undoneAt ? evaluationImportTexts.undoneAt(formatDateTime(r.undoneAt)) : evaluationImportTexts.active}</td>
                  <td>
                    {r.undoneAt ? null : (
                      <button
                        type="button"
                        disabled={readOnly}
                        aria-label={evaluationImportTexts.undoLabel(r.fileName, formatDateTime(r.at))}
                        onClick={() => void undo(r)}
                      >
                        {evaluationImportTexts.undo}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
