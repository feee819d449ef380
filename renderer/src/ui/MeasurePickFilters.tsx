import { useMemo, useState } from 'react';
import { de } from '@shared/i18n/de';
import { DISTRICTS } from '@shared/register/districts';
import { pickMeasures, type MeasurePickFilter, type PickableRow } from '@shared/register/measurePick';
import { useApp } from '../appState';

const pt = de.ui.measurePicker;

/** The filter state of a measure picker and what it offers: `active` are the rows the filters let through. */
export interface MeasurePick<R extends PickableRow> {
  filter: MeasurePickFilter;
  setPart: (patch: Partial<MeasurePickFilter>) => void;
  active: R[];
  /** " (Fassung: …)" after a measure of another Fassung than the current one, else "". */
  editionNote: (actionFieldId: string) => string;
}

/**
 * The filters every measure picker shares (pure rule: shared/register/measurePick.ts): the current Fassung
 * by default, because the clerk almost always means its measures; older ones on request.
 */
export function useMeasurePick<R extends PickableRow>(rows: readonly R[]): MeasurePick<R> {
  const { reference } = useApp();
  const currentEditionId = reference?.currentEditionId ?? '';
  const [filter, setFilter] = useState<MeasurePickFilter>({ editionId: currentEditionId, actionFieldId: '', district: '', status: '' });
  const editionOf = useMemo(() => new Map((reference?.actionFields ?? []).map((f) => [f.id, f.editionId])), [reference]);
  const editionName = useMemo(() => new Map((reference?.editions ?? []).map((e) => [e.id, e.name])), [reference]);
  const active = useMemo(() => pickMeasures(rows, filter, editionOf), [rows, filter, editionOf]);
  // A Handlungsfeld belongs to one Fassung: another Fassung starts with all of its fields.
  const setPart = (patch: Partial<MeasurePickFilter>) =>
    setFilter((f) => ({ ...f, ...patch, ...(patch.editionId !== undefined ? { actionFieldId: '' } : {}) }));
  const editionNote = (actionFieldId: string) => {
    const edition = editionOf.get(actionFieldId);
    return edition && edition !== currentEditionId ? ` (${pt.ofEdition(editionName.get(edition) ?? '')})` : '';
  };
  return { filter, setPart, active, editionNote };
}

/** The four filter selects (ids `${idPrefix}-editionId`, `-actionFieldId`, `-district`, `-status`) in one wrapping row. */
export function MeasurePickFilters<R extends PickableRow>({ idPrefix, pick }: { idPrefix: string; pick: MeasurePick<R> }) {
  const { reference } = useApp();
  const currentEditionId = reference?.currentEditionId ?? '';
  const { filter, setPart, editionNote } = pick;
  const fieldOptions = (reference?.actionFields ?? []).filter((f) => !filter.editionId || f.editionId === filter.editionId);
  const select = (key: keyof MeasurePickFilter, label: string, options: { value: string; label: string }[], allLabel: string) => (
    // An explicit label: one wrapped around the select would put every option into the select's name.
    <span className="inline-label" key={key}>
      <label htmlFor={`${idPrefix}-${key}`}>{label}</label>
      <select id={`${idPrefix}-${key}`} value={filter[key]} onChange={(ev) => setPart({ [key]: ev.target.value })}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </span>
  );
  return (
    <fieldset className="picker-filters">
      <legend className="visually-hidden">{pt.filters}</legend>
      {select(
        'editionId',
        pt.edition,
        (reference?.editions ?? []).map((e) => ({ value: e.id, label: e.id === currentEditionId ? pt.current(e.name) : e.name })),
        pt.allEditions,
      )}
      {select(
        'actionFieldId',
        pt.actionField,
        fieldOptions.map((f) => ({ value: f.id, label: `${f.code} ${f.name}${editionNote(f.id)}` })),
        pt.all,
      )}
      {select(
        'district',
        pt.district,
        DISTRICTS.map((d) => ({ value: d.code, label: d.name })),
        pt.all,
      )}
      {select(
        'status',
        pt.status,
        (reference?.statuses ?? []).map((x) => ({ value: x.key, label: x.label })),
        pt.all,
      )}
    </fieldset>
  );
}
