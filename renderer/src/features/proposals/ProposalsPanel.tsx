import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import { DISTRICTS, districtName } from '@shared/register/districts';
import { PROPOSAL_SOURCES, PROPOSAL_STATES, type Lab, type Proposal } from '@shared/participation/labs';
import { orgUnitLabel } from '@shared/register/orgUnit';
import { EMPTY_PROPOSAL_FILTER, filterProposals, prepareProposals, type ProposalFilter } from '@shared/participation/participationLists';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import type { ProposalListItem } from '@shared/participation/participationContract';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { FilterBar, FilterSelect, useListFilter } from '../../ui/FilterBar';
import { Notice } from '../../ui/Notice';
import { ExportBar } from './ExportBar';
import { presets } from './presets';
import { excerpt } from './proposalForm';
import { TrashList } from './TrashList';
import { useLists } from './useLists';
import './proposals.css';

const proposalsListTexts = de.proposalsUi.list;
const c = proposalsListTexts.col;
const participationTexts = de.participation;
const ROW_HEIGHT = 32;
const COLUMNS = [
  { key: 'number', label: c.number, className: 'col-number' },
  { key: 'receivedOn', label: c.receivedOn, className: 'col-date' },
  { key: 'source', label: c.source, className: 'col-source' },
  { key: 'place', label: c.place, className: 'col-place' },
  { key: 'category', label: c.category, className: 'col-category' },
  { key: 'text', label: c.text, className: 'col-text' },
  { key: 'assigned', label: c.assigned, className: 'col-assigned' },
  { key: 'state', label: c.state, className: 'col-state' },
  { key: 'feedback', label: c.feedback, className: 'col-feedback' },
  { key: 'contact', label: c.contact, className: 'col-contact' },
] as const;

/** Newest first: the clerk works on what came in last. */
function newestFirst(list: readonly ProposalListItem[]): ProposalListItem[] {
  return [...list].sort((a, b) => b.receivedOn.localeCompare(a.receivedOn) || b.number.localeCompare(a.number, 'de', { numeric: true }));
}

/**
 * "Anregungen" tab: every Anregung with search and filters, virtualised so thousands of rows stay quick.
 * The searchable text is folded once per list (prepareProposals) and filtered on each keystroke.
 */
export function ProposalsPanel() {
  const { navigate, readOnly, reference, rows, save } = useApp();
  const { labs, proposals, error } = useLists();
  const filters = useListFilter<ProposalFilter>(EMPTY_PROPOSAL_FILTER, () => ({ ...EMPTY_PROPOSAL_FILTER, ...presets.filter.peek() }));
  const { value: filter, set } = filters;
  const [presetDistrict] = useState(() => presets.filter.peek()?.district ?? '');
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  useEffect(() => presets.filter.clear(), []);

  const sorted = useMemo(() => newestFirst(proposals ?? []), [proposals]);
  const prepared = useMemo(() => prepareProposals(sorted), [sorted]);
  // Typing stays responsive with thousands of Anregungen: the table follows the deferred filter.
  const shown = useMemo(() => filterProposals(prepared, filters.deferred), [prepared, filters.deferred]);

  const withContact = useMemo(() => new Set(sorted.filter((x) => x.hasContact).map((x) => x.id)), [sorted]);
  const labById = useMemo(() => new Map((labs ?? []).map((l) => [l.id, l])), [labs]);
  const unitById = useMemo(() => new Map((reference?.orgUnits ?? []).map((u) => [u.id, orgUnitLabel(u)])), [reference]);
  const measureNumber = useMemo(() => new Map(rows.map((r) => [r.id, r.number])), [rows]);
  const categories = useMemo(() => {
    const all = new Set<string>(participationTexts.proposalCategories);
    for (const x of prepared) if (x.item.category) all.add(x.item.category);
    return [...all].sort((a, b) => a.localeCompare(b, 'de'));
  }, [prepared]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  if (error) return <Notice kind="error">{error}</Notice>;
  if (!proposals || !labs) return <p>{de.ui.loading}</p>;

  const liveLabs = labs.filter((l) => !l.deletedAt).sort((a, b) => a.name.localeCompare(b.name, 'de'));
  const trashed = sorted.filter((x) => x.deletedAt);

  const restore = async (id: string) => {
    const item = trashed.find((x) => x.id === id);
    if (!item) return;
    setMessage(null);
    try {
      await save(() => call('restoreProposal', { id }));
      setMessage({ kind: 'success', text: de.proposalsUi.restored(participationTexts.privacyLabels.proposal(item.number)) });
    } catch (e) {
      setMessage({ kind: 'error', text: errorMessage(e) });
    }
  };

  return (
    <div className="proposals-area proposals-list">
      <div className="view-head">
        <h2 id="proposals-title">{proposalsListTexts.title}</h2>
        <div className="buttons">
          <button
            type="button"
            disabled={readOnly}
            onClick={() => void navigate({ name: 'evaluation', tab: 'import', importKind: 'proposals' })}
          >
            {proposalsListTexts.importProposals}
          </button>
          <button type="button" className="primary" disabled={readOnly} onClick={() => void navigate({ name: 'proposal', id: null })}>
            {proposalsListTexts.newProposal}
          </button>
        </div>
      </div>
      <ExportBar />
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {presetDistrict && filter.district === presetDistrict ? (
        <p className="hint">{proposalsListTexts.presetDistrict(districtName(presetDistrict))}</p>
      ) : null}
      <FilterBar
        filters={filters}
        label={proposalsListTexts.search}
        searchLabel={proposalsListTexts.search}
        placeholder={proposalsListTexts.searchPlaceholder}
        resetLabel={proposalsListTexts.resetFilters}
        count={proposalsListTexts.count(shown.length, prepared.length)}
      >
        <FilterSelect
          label={proposalsListTexts.filterState}
          allLabel={de.proposalsUi.all}
          value={filter.state}
          onChange={(v) => set({ state: v as ProposalFilter['state'] })}
          options={PROPOSAL_STATES.map((s) => ({ value: s, label: participationTexts.proposalStates[s] }))}
        />
        <FilterSelect
          label={proposalsListTexts.filterSource}
          allLabel={de.proposalsUi.all}
          value={filter.source}
          onChange={(v) => set({ source: v as ProposalFilter['source'] })}
          options={PROPOSAL_SOURCES.map((s) => ({ value: s, label: participationTexts.proposalSources[s] }))}
        />
        <FilterSelect
          label={proposalsListTexts.filterDistrict}
          allLabel={de.proposalsUi.all}
          value={filter.district}
          onChange={(v) => set({ district: v as ProposalFilter['district'] })}
          options={DISTRICTS.map((d) => ({ value: d.code, label: d.name }))}
        />
        <FilterSelect
          label={proposalsListTexts.filterLab}
          allLabel={de.proposalsUi.all}
          value={filter.labId}
          onChange={(v) => set({ labId: v })}
          options={liveLabs.map((l) => ({ value: l.id, label: l.name }))}
        />
        <FilterSelect
          label={proposalsListTexts.filterCategory}
          allLabel={de.proposalsUi.all}
          value={filter.category}
          onChange={(v) => set({ category: v })}
          options={categories.map((x) => ({ value: x, label: x }))}
        />
        <FilterSelect
          label={proposalsListTexts.filterOrgUnit}
          allLabel={de.proposalsUi.all}
          value={filter.assignedOrgUnitId}
          onChange={(v) => set({ assignedOrgUnitId: v })}
          options={(reference?.orgUnits ?? []).map((u) => ({ value: u.id, label: orgUnitLabel(u) }))}
        />
      </FilterBar>
      <div className="table-scroll proposals-scroll" ref={scrollRef}>
        <table className="data proposals-table" aria-rowcount={shown.length + 1}>
          <caption className="visually-hidden">{proposalsListTexts.caption}</caption>
          <thead>
            <tr aria-rowindex={1}>
              {COLUMNS.map((col) => (
                <th key={col.key} scope="col" className={col.className}>
                  {col.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {paddingTop > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={COLUMNS.length} ref={(el) => void (el && (el.style.height = `${paddingTop}px`))} />
              </tr>
            )}
            {items.map((item) => {
              const x = shown[item.index]!;
              return (
                <Row
                  key={x.id}
                  proposal={x}
                  index={item.index}
                  lab={x.labId ? labById.get(x.labId) : undefined}
                  unit={x.assignedOrgUnitId ? (unitById.get(x.assignedOrgUnitId) ?? '') : ''}
                  measure={x.measureId ? (measureNumber.get(x.measureId) ?? '') : ''}
                  hasContact={withContact.has(x.id)}
                  onOpen={() => void navigate({ name: 'proposal', id: x.id })}
                />
              );
            })}
            {paddingBottom > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={COLUMNS.length} ref={(el) => void (el && (el.style.height = `${paddingBottom}px`))} />
              </tr>
            )}
          </tbody>
        </table>
        {shown.length === 0 && <p className="empty">{proposalsListTexts.empty}</p>}
      </div>
      <TrashList
        items={trashed.map((x) => ({ id: x.id, label: participationTexts.privacyLabels.proposal(x.number), deletedAt: x.deletedAt! }))}
        disabled={readOnly}
        onRestore={(id) => void restore(id)}
      />
    </div>
  );
}

function Row(props: {
  proposal: Proposal;
  index: number;
  lab: Lab | undefined;
  unit: string;
  measure: string;
  hasContact: boolean;
  onOpen: () => void;
}) {
  const { proposal: x, index, lab, unit, measure, hasContact, onOpen } = props;
  const source = lab ? `${participationTexts.proposalSources[x.source]}: ${lab.name}` : participationTexts.proposalSources[x.source];
  const place = [x.district ? districtName(x.district) : '', x.area].filter(Boolean).join(' – ');
  const state =
    x.state === 'uebernommen' && measure
      ? proposalsListTexts.stateWithMeasure(participationTexts.proposalStates[x.state], measure)
      : participationTexts.proposalStates[x.state];
  const text = excerpt(x.text);
  return (
    <tr aria-rowindex={index + 2} onDoubleClick={onOpen}>
      <td className="col-number">
        <a
          href={`#anregung-${x.id}`}
          onClick={(e) => {
            e.preventDefault();
            onOpen();
          }}
        >
          {x.number}
        </a>
      </td>
      <td className="col-date">{formatDate(x.receivedOn)}</td>
      <td title={source}>{source}</td>
      <td title={place}>{place}</td>
      <td title={x.category}>{x.category}</td>
      <td title={text}>{text}</td>
      <td title={unit}>{unit}</td>
      <td title={state}>{state}</td>
      <td className="col-date">{x.feedbackOn ? formatDate(x.feedbackOn) : proposalsListTexts.feedbackOpen}</td>
      <td>{hasContact ? proposalsListTexts.contactYes : proposalsListTexts.contactNo}</td>
    </tr>
  );
}
