import { useDeferredValue, useMemo, useState } from 'react';
import type { MeasureRow } from '@shared/register/search';
import { useMeasureSearch } from './useMeasureSearch';
import { de } from '@shared/i18n/de';
import { MeasurePickFilters, useMeasurePick } from './MeasurePickFilters';

/** At most this many hits are listed, so long registers stay quick; the count line says when more match. */
const MAX_SHOWN = 100;

/** The texts of the picker; each caller passes its own i18n block (they differ in wording, not in shape). */
export interface MeasurePickerTexts {
  search: string;
  searchPlaceholder: string;
  /** Hidden legend of the check boxes. */
  results: string;
  resultsCount: (shown: number, total: number) => string;
  selectedCaption: (count: number) => string;
  noneSelected: string;
  number: string;
  title: string;
  status: string;
  /** Hidden heading of the button column. */
  actionsColumn: string;
  remove: string;
  removeLabel: (number: string) => string;
  /** The status of a linked measure that is in the Papierkorb. */
  inTrash: (status: string) => string;
  unknown: string;
}

/**
 * "Maßnahmen verknüpfen": search the register, tick measures (measures in the Papierkorb are not offered);
 * the linked ones are listed as a table with an "Entfernen" button each. Ids: `${idPrefix}-count` for the
 * count line, `searchId` (default `${idPrefix}-search`) for the search field; `id` makes the whole picker
 * a focusable jump target for the problem list. After a remove the focus goes to the search field unless
 * `onRemoved` takes care of it.
 */
export function MeasurePicker(props: {
  idPrefix: string;
  id?: string;
  searchId?: string;
  className?: string;
  rows: readonly MeasureRow[];
  selectedIds: readonly string[];
  onChange: (ids: string[]) => void;
  disabled: boolean;
  error?: string | undefined;
  texts: MeasurePickerTexts;
  onRemoved?: (button: HTMLElement) => void;
}) {
  const { idPrefix, id, className, rows, selectedIds, onChange, disabled, error, texts: m, onRemoved } = props;
  const searchId = props.searchId ?? `${idPrefix}-search`;
  const countId = `${idPrefix}-count`;
  const errorId = `${searchId}-error`;
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const pick = useMeasurePick(rows);
  const { active, editionNote } = pick;
  const search = useMeasureSearch(deferred, rows);
  const matches = useMemo(() => (search.matches ? active.filter((r) => search.matches!.has(r.id)) : active), [active, search.matches]);
  const shown = matches.slice(0, MAX_SHOWN);
  const chosen = new Set(selectedIds);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const toggle = (value: string, on: boolean) => onChange(on ? [...selectedIds, value] : selectedIds.filter((x) => x !== value));

  return (
    <div id={id} className={className ? `measure-picker ${className}` : 'measure-picker'} tabIndex={id ? -1 : undefined}>
      <label className="inline-label search">
        {m.search}
        <input
          id={searchId}
          type="search"
          value={query}
          placeholder={m.searchPlaceholder}
          aria-describedby={error ? `${countId} ${errorId}` : countId}
          aria-invalid={error ? true : undefined}
          onChange={(ev) => setQuery(ev.target.value)}
        />
      </label>
      <MeasurePickFilters idPrefix={idPrefix} pick={pick} />
      {error ? (
        <span id={errorId} className="field-error">
          {de.ui.errorPrefix} {error}
        </span>
      ) : null}
      <p id={countId} className="count" role="status">
        {m.resultsCount(shown.length, matches.length)}
      </p>
      <fieldset className="picker-list" disabled={disabled}>
        <legend className="visually-hidden">{m.results}</legend>
        <ul>
          {shown.map((r) => (
            <li key={r.id}>
              <label className="checkbox">
                <input type="checkbox" checked={chosen.has(r.id)} onChange={(ev) => toggle(r.id, ev.target.checked)} />
                <span className="nowrap">{r.number}</span> {r.title}
                {editionNote(r.actionFieldId)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      {selectedIds.length === 0 ? (
        <p className="muted">{m.noneSelected}</p>
      ) : (
        <table className="data compact linked-measures">
          <caption>{m.selectedCaption(selectedIds.length)}</caption>
          <thead>
            <tr>
              <th scope="col">{m.number}</th>
              <th scope="col">{m.title}</th>
              <th scope="col">{m.status}</th>
              <th scope="col">
                <span className="visually-hidden">{m.actionsColumn}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {selectedIds.map((value) => {
              const r = byId.get(value);
              return (
                <tr key={value}>
                  <td className="nowrap">{r?.number ?? ''}</td>
                  <td>{r ? `${r.title}${editionNote(r.actionFieldId)}` : m.unknown}</td>
                  <td>{r ? (r.deletedAt ? m.inTrash(r.statusLabel) : r.statusLabel) : ''}</td>
                  <td>
                    <button
                      type="button"
                      disabled={disabled}
                      aria-label={m.removeLabel(r?.number ?? value)}
                      onClick={(ev) => {
                        const button = ev.currentTarget;
                        toggle(value, false);
                        // The button goes away with its row: the focus stays where the caller wants it, else in the picker.
                        if (onRemoved) onRemoved(button);
                        else document.getElementById(searchId)?.focus();
                      }}
                    >
                      {m.remove}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
