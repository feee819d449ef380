import { de } from '@shared/i18n/de';
import { useApp } from '../appState';
import { SelectField } from './fields';
import { MeasurePickFilters, useMeasurePick } from './MeasurePickFilters';

const pt = de.ui.measurePicker;

/**
 * The single-choice form of the one measure picker ("übernommen in Maßnahme", "zusammengeführt mit",
 * übergeordnete Maßnahme): the shared filters (current Fassung by default, Handlungsfeld, Stadtbezirk,
 * Status) above one select, whose entries say the Fassung of a measure from another one. The measure
 * chosen stays offered whatever the filters say (even from the Papierkorb), so filtering never changes
 * the value. The select's id is `id` (the problem list's anchor); the filters' ids start with `${id}-filter`.
 */
export function MeasureSelect(props: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  emptyLabel: string;
  error?: string | undefined;
  hint?: string;
  required?: boolean;
  disabled?: boolean;
  /** Measures not offered (the measure itself, the ones being changed). */
  exclude?: ReadonlySet<string>;
  /** Where a screen has two of these: whose filters they are (their labels must differ). */
  of?: string;
}) {
  const { id, label, value, onChange, emptyLabel, error, hint, required, disabled, exclude, of } = props;
  const { rows } = useApp();
  const pick = useMeasurePick(rows);
  const { active, editionNote } = pick;
  const offered = active.filter((r) => !exclude?.has(r.id));
  const chosen = value && !offered.some((r) => r.id === value) ? rows.find((r) => r.id === value) : undefined;
  const options = (chosen ? [chosen, ...offered] : offered).map((r) => ({
    value: r.id,
    label: `${r.number} ${r.title}${editionNote(r.actionFieldId)}${r.deletedAt ? ` (${pt.inTrash})` : ''}`,
  }));
  return (
    <div className="field-wide measure-select">
      <MeasurePickFilters idPrefix={`${id}-filter`} pick={pick} of={of} disabled={disabled} />
      <SelectField
        id={id}
        label={label}
        hint={hint ? `${hint} ${pt.offered(offered.length)}` : pt.offered(offered.length)}
        value={value}
        error={error}
        emptyLabel={emptyLabel}
        options={options}
        onChange={onChange}
        required={required}
        disabled={disabled}
      />
    </div>
  );
}
