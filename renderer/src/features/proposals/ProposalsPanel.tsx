import { useEffect, useMemo, useState } from 'react';
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
import { DataTable, type Column } from '../../ui/DataTable';
import { LISTS, listPlace, updateListPlace } from '../../ui/listMemory';
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
  const filters = useListFilter<ProposalFilter>(
    EMPTY_PROPOSAL_FILTER,
    () => ({ ...EMPTY_PROPOSAL_FILTER, ...presets.filter.peek() }),
    LISTS.proposals,
  );
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

  const columns = useMemo(
    () =>
      proposalColumns({
        labById,
        unitById,
        measureNumber,
        withContact,
        open: (id) => {
          updateListPlace(LISTS.proposals, { selectedId: id });
          void navigate({ name: 'proposal', id });
        },
      }),
    [labById, unitById, measureNumber, withContact, navigate],
  );
  useEffect(() => updateListPlace(LISTS.proposals, { order: shown.map((x) => x.id) }), [shown]);

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
      <DataTable
        listKey={LISTS.proposals}
        caption={proposalsListTexts.caption}
        columns={columns}
        rows={shown}
        rowKey={(x) => x.id}
        virtual
        className="proposals-scroll"
        selectedId={listPlace(LISTS.proposals).selectedId}
        emptyText={proposalsListTexts.empty}
      />
      <TrashList
        items={trashed.map((x) => ({ id: x.id, label: participationTexts.privacyLabels.proposal(x.number), deletedAt: x.deletedAt! }))}
        disabled={readOnly}
        onRestore={(id) => void restore(id)}
      />
    </div>
  );
}

/** The Anregungen's columns; Status and Nr. stay longest, Kontakt and Kategorie give way first at 1366 px. */
function proposalColumns(ctx: {
  labById: Map<string, Lab>;
  unitById: Map<string, string>;
  measureNumber: Map<string, string>;
  withContact: Set<string>;
  open: (id: string) => void;
}): Column<Proposal>[] {
  const source = (x: Proposal) => {
    const lab = x.labId ? ctx.labById.get(x.labId) : undefined;
    return lab ? `${participationTexts.proposalSources[x.source]}: ${lab.name}` : participationTexts.proposalSources[x.source];
  };
  const state = (x: Proposal) => {
    const measure = x.measureId ? (ctx.measureNumber.get(x.measureId) ?? '') : '';
    return x.state === 'uebernommen' && measure
      ? proposalsListTexts.stateWithMeasure(participationTexts.proposalStates[x.state], measure)
      : participationTexts.proposalStates[x.state];
  };
  return [
    {
      key: 'number',
      label: c.number,
      width: 100,
      fixed: true,
      text: (x) => x.number,
      cell: (x) => (
        <a
          href={`#anregung-${x.id}`}
          onClick={(e) => {
            e.preventDefault();
            ctx.open(x.id);
          }}
        >
          {x.number}
        </a>
      ),
    },
    { key: 'receivedOn', label: c.receivedOn, width: 96, priority: 2, text: (x) => formatDate(x.receivedOn) },
    { key: 'source', label: c.source, width: 150, priority: 4, text: source },
    {
      key: 'place',
      label: c.place,
      width: 150,
      priority: 3,
      text: (x) => [x.district ? districtName(x.district) : '', x.area].filter(Boolean).join(' – '),
    },
    { key: 'category', label: c.category, width: 120, priority: 5, text: (x) => x.category },
    { key: 'text', label: c.text, width: 200, grow: true, fixed: true, text: (x) => excerpt(x.text) },
    {
      key: 'assigned',
      label: c.assigned,
      width: 140,
      priority: 3,
      text: (x) => (x.assignedOrgUnitId ? (ctx.unitById.get(x.assignedOrgUnitId) ?? '') : ''),
    },
    // Wide enough for the longest state with its measure ("übernommen in Maßnahme HF10-12"), never cut.
    { key: 'state', label: c.state, width: 240, priority: 1, text: state },
    {
      key: 'feedback',
      label: c.feedback,
      width: 116,
      priority: 4,
      text: (x) => (x.feedbackOn ? formatDate(x.feedbackOn) : proposalsListTexts.feedbackOpen),
    },
    {
      key: 'contact',
      label: c.contact,
      width: 76,
      priority: 6,
      text: (x) => (ctx.withContact.has(x.id) ? proposalsListTexts.contactYes : proposalsListTexts.contactNo),
    },
  ];
}
