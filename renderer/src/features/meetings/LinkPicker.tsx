import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { foldForSearch } from '@shared/register/search';
import { de } from '@shared/i18n/de';
import { useFocusLater } from './useFocusLater';
import { useMeasureSearch } from '../../ui/useMeasureSearch';
import { MeasurePickFilters, useMeasurePick } from '../../ui/MeasurePickFilters';
import { useApp } from '../../appState';

const meetingsPickerTexts = de.meetingsUi.picker;
const MAX_SHOWN = 100;

export interface LinkOption {
  id: string;
  label: string;
  /** Folded text the search matches against (defaults to the folded label). */
  haystack?: string;
}

/**
 * Links to other entries (measures, Ratsvorlagen, Empfehlungen): the linked ones as a list with a remove
 * button each; "… auswählen" opens a search with check boxes (at most 100 shown, so long registers stay
 * quick). `fieldId` is the anchor the problem list links to. For measures the search has the filters of the
 * one measure picker (renderer/src/ui/MeasurePickFilters.tsx: current Fassung by default, Handlungsfeld,
 * Stadtbezirk, Status).
 */
export function LinkPicker(props: {
  id: string;
  fieldId: string;
  /** The group's visible name ("Verknüpfte Maßnahmen"); defaults to `what`. */
  label?: string;
  what: string;
  owner: string;
  options: readonly LinkOption[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
  disabled?: boolean;
  error?: string | undefined;
  /** The options are measures (ids): the search runs over all their fields in main's index, not over the labels. */
  measures?: boolean;
}) {
  const { id, fieldId, label, what, owner, options, selected, onChange, disabled, error, measures } = props;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const openButton = useRef<HTMLButtonElement>(null);
  const focusLater = useFocusLater();
  const prepared = useMemo(() => options.map((o) => ({ option: o, haystack: o.haystack ?? foldForSearch(o.label) })), [options]);
  const measureSearch = useMeasureSearch(measures ? deferred : '', options);
  const { rows } = useApp();
  const pick = useMeasurePick(measures ? rows : []);
  const offered = useMemo(() => {
    if (!measures) return prepared;
    const ids = new Set(pick.active.map((r) => r.id));
    return prepared.filter((x) => ids.has(x.option.id));
  }, [prepared, measures, pick.active]);
  const matches = useMemo(() => {
    if (measureSearch.matches) return offered.filter((x) => measureSearch.matches!.has(x.option.id));
    const words = foldForSearch(deferred).split(/\s+/).filter(Boolean);
    return words.length === 0 || measures ? offered : offered.filter((x) => words.every((w) => x.haystack.includes(w)));
  }, [offered, deferred, measures, measureSearch.matches]);
  const shown = matches.slice(0, MAX_SHOWN);
  const byId = useMemo(() => new Map(options.map((o) => [o.id, o])), [options]);
  const fieldOfMeasure = useMemo(() => new Map(measures ? rows.map((r) => [r.id, r.actionFieldId]) : []), [rows, measures]);
  /** Measures of another Fassung than the current one say which, as in the one measure picker. */
  const note = (value: string) => {
    const field = fieldOfMeasure.get(value);
    return field ? pick.editionNote(field) : '';
  };
  const chosen = new Set(selected);
  const toggle = (value: string, on: boolean) => onChange(on ? [...selected, value] : selected.filter((x) => x !== value));
  const labelId = `${id}-label`;
  const errorId = `${fieldId}-error`;

  return (
    <div
      className="link-field field-wide"
      id={fieldId}
      tabIndex={-1}
      aria-labelledby={labelId}
      role="group"
      aria-describedby={error ? errorId : undefined}
    >
      <span id={labelId} className="link-label">
        {label ?? what}
      </span>
      {selected.length === 0 ? (
        <span className="muted"> {meetingsPickerTexts.none}</span>
      ) : (
        <ul className="link-list" aria-labelledby={labelId}>
          {selected.map((value) => {
            const text = byId.get(value)?.label ?? meetingsPickerTexts.unknown;
            return (
              <li key={value}>
                <span>{text}</span>
                <button
                  type="button"
                  className="small"
                  disabled={disabled}
                  aria-label={meetingsPickerTexts.removeLabel(text)}
                  onClick={(e) => {
                    // Keep the focus in the group when the row (and its button) disappears.
                    const group = e.currentTarget.closest<HTMLElement>('.link-field');
                    toggle(value, false);
                    focusLater(() => group?.querySelector<HTMLElement>('.link-list button, .link-open'));
                  }}
                >
                  {de.meetingsUi.remove}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {error ? (
        <span id={errorId} className="field-error">
          {de.ui.errorPrefix} {error}
        </span>
      ) : null}
      <div>
        <button
          ref={openButton}
          type="button"
          className="link-open"
          disabled={disabled}
          aria-expanded={open}
          aria-controls={open ? `${id}-picker` : undefined}
          aria-label={open ? undefined : meetingsPickerTexts.openLabel(what, owner)}
          onClick={() => {
            setOpen(!open);
            if (!open) focusLater(`${id}-search`);
          }}
        >
          {open ? meetingsPickerTexts.close : meetingsPickerTexts.open(what)}
        </button>
      </div>
      {open ? (
        <div
          id={`${id}-picker`}
          className="link-picker"
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              e.stopPropagation();
              setOpen(false);
              openButton.current?.focus();
            }
          }}
        >
          <label className="inline-label">
            {meetingsPickerTexts.searchLabel(what)}
            <input
              id={`${id}-search`}
              type="search"
              value={query}
              aria-describedby={`${id}-count`}
              onChange={(e) => setQuery(e.target.value)}
            />
          </label>
          {measures ? <MeasurePickFilters idPrefix={id} pick={pick} /> : null}
          <p id={`${id}-count`} className="count" role="status">
            {meetingsPickerTexts.count(shown.length, matches.length)}
          </p>
          <fieldset className="picker-list" disabled={disabled}>
            <legend className="visually-hidden">{meetingsPickerTexts.results(what)}</legend>
            <ul>
              {shown.map(({ option }) => (
                <li key={option.id}>
                  <label className="checkbox">
                    <input type="checkbox" checked={chosen.has(option.id)} onChange={(e) => toggle(option.id, e.target.checked)} />
                    {option.label}
                    {note(option.id)}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        </div>
      ) : null}
    </div>
  );
}
