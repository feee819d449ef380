/**
 * The one measure picker's filters (renderer/src/ui/MeasurePicker.tsx): Fassung (the current one unless
 * the clerk picks another), Handlungsfeld, Stadtbezirk and Status. Measures in the Papierkorb are never
 * offered. An empty filter value means "alle".
 */
export interface MeasurePickFilter {
  editionId: string;
  actionFieldId: string;
  district: string;
  status: string;
}

export interface PickableRow {
  id: string;
  actionFieldId: string;
  districts: readonly string[];
  status: string;
  deletedAt: string | null;
}

export function pickMeasures<R extends PickableRow>(
  rows: readonly R[],
  filter: MeasurePickFilter,
  /** Handlungsfeld id → its Fassung. */
  editionOf: ReadonlyMap<string, string>,
): R[] {
  return rows.filter(
    (r) =>
      !r.deletedAt &&
      (!filter.editionId || editionOf.get(r.actionFieldId) === filter.editionId) &&
      (!filter.actionFieldId || r.actionFieldId === filter.actionFieldId) &&
      (!filter.district || r.districts.includes(filter.district)) &&
      (!filter.status || r.status === filter.status),
  );
}
