import { useEffect, useMemo, useState } from 'react';
import { COMPARE_CATEGORIES, type CompareCategory, type ComparedMeasure, type EditionComparison } from '@shared/editions/editionCompare';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';
import { TabList } from '../../ui/TabList';
import './editions.css';

const editionsCompareUiTexts = de.editions.ui.compare;
const editionsDocumentColumnsTexts = de.editions.document.columns;
/** Rows shown per category; the exports carry all. */
const ROW_LIMIT = 500;
const fieldLabels = de.ui.measure.field as Record<string, string>;

/**
 * Comparison of two Fassungen: counts per category and per Handlungsfeld, what became of the Handlungsfelder,
 * and the measures of one category at a time (links open them); export as Excel table or Word annex.
 */
export function CompareView({ fromId, toId }: { fromId: string; toId: string }) {
  const { reference, navigate } = useApp();
  const [comparison, setComparison] = useState<EditionComparison | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [category, setCategory] = useState<CompareCategory>('changed');
  const [open, setOpen] = useState(false);
  const [exported, setExported] = useState<{ kind: 'success' | 'error'; text: string; path?: string } | null>(null);

  useEffect(() => {
    let cancelled = false;
    setError(null);
    call('compareEditions', { fromId, toId })
      .then((result) => {
        if (cancelled) return;
        setComparison(result);
        setCategory(COMPARE_CATEGORIES.find((k) => result.counts[k] > 0) ?? 'changed');
      })
      .catch((e) => setError(errorMessage(e)));
    return () => {
      cancelled = true;
    };
  }, [fromId, toId]);

  const fieldName = useMemo(() => {
    const map = new Map(reference?.actionFields.map((f) => [f.id, `${f.code} ${f.name}`]) ?? []);
    return (id: string | undefined) => (id ? (map.get(id) ?? de.editions.document.unknownField) : '');
  }, [reference]);

  const back = (
    <button type="button" onClick={() => void navigate({ name: 'editions' })}>
      {editionsCompareUiTexts.back}
    </button>
  );
  if (error)
    return (
      <section aria-labelledby="compare-title">
        <div className="view-head">
          <h1 id="compare-title">{de.editions.ui.compareTitle}</h1>
          {back}
        </div>
        <Notice kind="error">{error}</Notice>
      </section>
    );
  if (!comparison) return <p>{de.ui.loading}</p>;

  const exportAs = async (format: 'xlsx' | 'docx') => {
    try {
      const result = await call('exportEditionComparison', { fromId, toId, format, open });
      if (result) setExported({ kind: 'success', text: editionsCompareUiTexts.exported, path: result.path });
    } catch (e) {
      setExported({ kind: 'error', text: errorMessage(e) });
    }
  };
  const rows = comparison.rows.filter((r) => r.category === category);
  const link = (m: ComparedMeasure | null) =>
    m ? (
      <a
        href={`#massnahme-${m.id}`}
        onClick={(e) => {
          e.preventDefault();
          void navigate({ name: 'measure', id: m.id });
        }}
      >
        {m.number} {m.title}
      </a>
    ) : (
      ''
    );
  const from = comparison.from.name;
  const to = comparison.to.name;

  return (
    <section aria-labelledby="compare-title" className="edition-compare">
      <div className="view-head">
        <h1 id="compare-title">{editionsCompareUiTexts.title(from, to)}</h1>
        {back}
      </div>
      <div className="export-buttons" role="group" aria-label={editionsCompareUiTexts.exportLabel}>
        <button type="button" onClick={() => void exportAs('xlsx')}>
          {editionsCompareUiTexts.exportXlsx}
        </button>
        <button type="button" onClick={() => void exportAs('docx')}>
          {editionsCompareUiTexts.exportDocx}
        </button>
        <label className="checkbox">
          <input type="checkbox" checked={open} onChange={(e) => setOpen(e.target.checked)} />
          {editionsCompareUiTexts.openAfter}
        </label>
      </div>
      {exported ? (
        <Notice kind={exported.kind}>
          {exported.text} {exported.path ? <span className="path">{exported.path}</span> : null}
        </Notice>
      ) : null}

      <div className="compare-overview">
        <table className="data compact">
          <caption>{editionsCompareUiTexts.countsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{editionsDocumentColumnsTexts.category}</th>
              <th scope="col" className="num">
                {editionsDocumentColumnsTexts.count}
              </th>
            </tr>
          </thead>
          <tbody>
            {COMPARE_CATEGORIES.map((k) => (
              <tr key={k}>
                <th scope="row">{de.editions.categories[k]}</th>
                <td className="num">{comparison.counts[k]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="data compact">
          <caption>{editionsCompareUiTexts.fieldsCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{editionsDocumentColumnsTexts.change}</th>
              <th scope="col">{editionsCompareUiTexts.oldEditionLabel(from)}</th>
              <th scope="col">{editionsCompareUiTexts.newEditionLabel(to)}</th>
            </tr>
          </thead>
          <tbody>
            {comparison.fieldChanges.map((f, i) => (
              <tr key={i}>
                <th scope="row">{de.editions.fieldChangeKinds[f.kind]}</th>
                <td>{f.from.map((x) => `${x.code} ${x.name}`).join('; ') || '—'}</td>
                <td>{f.to.map((x) => `${x.code} ${x.name}`).join('; ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table className="data">
          <caption>{editionsCompareUiTexts.byFieldCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{editionsDocumentColumnsTexts.field}</th>
              {COMPARE_CATEGORIES.map((k) => (
                <th key={k} scope="col" className="num">
                  {de.editions.categories[k]}
                </th>
              ))}
              <th scope="col" className="num">
                {de.editions.document.total}
              </th>
            </tr>
          </thead>
          <tbody>
            {comparison.byField.map((f) => (
              <tr key={f.fieldId}>
                <th scope="row">{f.editionId === comparison.to.id ? `${f.code} ${f.name}` : `${f.code} ${f.name} (${from})`}</th>
                {COMPARE_CATEGORIES.map((k) => (
                  <td key={k} className="num">
                    {f.counts[k]}
                  </td>
                ))}
                <td className="num">{f.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <TabList
        label={editionsCompareUiTexts.categoriesLabel}
        idPrefix="cmp"
        panelId="cmp-panel"
        tabs={COMPARE_CATEGORIES}
        selected={category}
        onSelect={setCategory}
        render={(k) => editionsCompareUiTexts.categoryTab(de.editions.categories[k], comparison.counts[k])}
      />
      <div role="tabpanel" id="cmp-panel" aria-labelledby={`cmp-tab-${category}`}>
        {rows.length === 0 ? (
          <p>{de.editions.document.none}</p>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">{editionsCompareUiTexts.rowsCaption(de.editions.categories[category])}</caption>
              <thead>
                <tr>
                  <th scope="col">{editionsCompareUiTexts.oldEditionLabel(from)}</th>
                  <th scope="col">{editionsDocumentColumnsTexts.oldField}</th>
                  <th scope="col">{editionsCompareUiTexts.newEditionLabel(to)}</th>
                  <th scope="col">{editionsDocumentColumnsTexts.newField}</th>
                  <th scope="col">
                    {category === 'ended' ? editionsDocumentColumnsTexts.reason : editionsDocumentColumnsTexts.changedFields}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, ROW_LIMIT).map((r, i) => (
                  <tr key={`${r.old?.id ?? ''}-${r.new?.id ?? ''}-${i}`}>
                    <td>{link(r.old)}</td>
                    <td>{fieldName(r.old?.fieldId)}</td>
                    <td>{link(r.new)}</td>
                    <td>{fieldName(r.new?.fieldId)}</td>
                    <td>{category === 'ended' ? r.reason : r.changedFields.map((f) => fieldLabels[f] ?? f).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {rows.length > ROW_LIMIT ? <p className="hint">{editionsCompareUiTexts.limited(ROW_LIMIT, rows.length)}</p> : null}
      </div>
    </section>
  );
}
