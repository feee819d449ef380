import { useDeferredValue, useMemo, useState } from 'react';
import { de } from '../../../../../shared/i18n/de';
import { foldForSearch, type MeasureRow } from '../../../../../shared/domain/search';
import { EditorSection, keepFocusInSection, type SectionProps } from './common';

const e = de.ui.submissions.editor;
const t = e.measures;
const MAX_SHOWN = 100;

/** Verknüpfte Maßnahmen: search the register, tick the measures; the ticked ones are listed as a table. */
export function MeasuresSection({ form, update, readOnly, rows }: SectionProps & { rows: readonly MeasureRow[] }) {
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const active = useMemo(() => rows.filter((r) => !r.deletedAt), [rows]);
  const matches = useMemo(() => {
    const words = foldForSearch(deferred).split(/\s+/).filter(Boolean);
    return words.length === 0 ? active : active.filter((r) => words.every((w) => r.haystack.includes(w)));
  }, [active, deferred]);
  const shown = matches.slice(0, MAX_SHOWN);
  const selected = new Set(form.linkedMeasureIds);
  const toggle = (id: string, on: boolean) => update({ linkedMeasureIds: on ? [...form.linkedMeasureIds, id] : form.linkedMeasureIds.filter((x) => x !== id) });
  const byId = new Map(rows.map((r) => [r.id, r]));

  return (
    <EditorSection name="measures">
      <div id="f-linkedMeasureIds" className="measure-picker" tabIndex={-1}>
        <label className="inline-label search">
          {t.search}
          <input id="measure-picker-search" type="search" value={query} placeholder={t.searchPlaceholder} aria-describedby="measure-picker-count" onChange={(ev) => setQuery(ev.target.value)} />
        </label>
        <p id="measure-picker-count" className="count" role="status">
          {t.resultsCount(shown.length, matches.length)}
        </p>
        <fieldset className="picker-list" disabled={readOnly}>
          <legend className="visually-hidden">{t.results}</legend>
          <ul>
            {shown.map((r) => (
              <li key={r.id}>
                <label className="checkbox">
                  <input type="checkbox" checked={selected.has(r.id)} onChange={(ev) => toggle(r.id, ev.target.checked)} />
                  <span className="nowrap">{r.number}</span> {r.title}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        {form.linkedMeasureIds.length === 0 ? (
          <p className="muted">{t.noneSelected}</p>
        ) : (
          <table className="data compact linked-measures">
            <caption>{t.selectedCaption(form.linkedMeasureIds.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{t.number}</th>
                <th scope="col">{t.title}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">
                  <span className="visually-hidden">{e.remove}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {form.linkedMeasureIds.map((id) => {
                const r = byId.get(id);
                return (
                  <tr key={id}>
                    <td className="nowrap">{r?.number ?? ''}</td>
                    <td>{r ? r.title : t.unknown}</td>
                    <td>{r?.deletedAt ? `${r.statusLabel} (${de.ui.trash.title})` : (r?.statusLabel ?? '')}</td>
                    <td>
                      <button type="button" disabled={readOnly} aria-label={t.remove(r?.number ?? id)} onClick={(ev) => {
                          keepFocusInSection(ev.currentTarget);
                          toggle(id, false);
                        }}>
                        {e.remove}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </div>
    </EditorSection>
  );
}
