import { de } from '@shared/i18n/de';
import { orgUnitRefusal } from '@shared/register/referenceUsage';
import { ORG_UNIT_KINDS, orgUnitLabel, type OrgUnit } from '@shared/register/orgUnit';
import { formatDate } from '@shared/core/format';
import { call } from '../../api';
import { useApp } from '../../appState';
import { SelectField, TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { InlineForm } from './InlineForm';
import { useListEditor } from './useListEditor';
import { DateField } from '../../ui/DateField';
import { readDateEntry } from '../../ui/dateEntry';
import { useMemo } from 'react';
import { DataTable, useTableSort, type Column } from '../../ui/DataTable';
import { LISTS } from '../../ui/listMemory';
import { usedBy } from './usedBy';

const orgUnitsTexts = de.ui.orgUnits;
const NO_UNITS: readonly OrgUnit[] = [];
type Draft = { id: string | null; code: string; name: string; kind: OrgUnit['kind']; validFrom: string; validTo: string };

/** Offices and partners: the user-maintained table measures refer to. */
export function OrgUnitsView() {
  const { reference, rows, readOnly } = useApp();
  const {
    draft,
    setDraft,
    setProblems,
    start,
    close,
    message,
    submit: run,
    remove: runRemove,
    draftField,
  } = useListEditor<Draft>('ou-name');
  const counts = useMemo(() => usedBy(rows, (r) => [r.leadOrgUnitId, ...r.involvedOrgUnitIds]), [rows]);
  const columns = orgUnitColumns({
    count: (u) => counts.get(u.id) ?? 0,
    disabled: readOnly,
    editing: draft !== null,
    edit: (u) =>
      start({
        id: u.id,
        code: u.code,
        name: u.name,
        kind: u.kind,
        validFrom: formatDate(u.validFrom),
        validTo: formatDate(u.validTo),
      }),
    remove: (u) => void remove(u),
  });
  const { sort, onSort, sorted } = useTableSort(LISTS.orgUnits, columns, reference?.orgUnits ?? NO_UNITS);
  if (!reference) return null;

  const submit = async () => {
    if (!draft) return;
    const local: Record<string, string> = {};
    const date = (text: string, key: string) => {
      if (!text.trim()) return null;
      const iso = readDateEntry(text);
      if (!iso) local[key] = de.ui.measure.invalidDate;
      return iso;
    };
    const fields = {
      code: draft.code,
      name: draft.name,
      kind: draft.kind,
      validFrom: date(draft.validFrom, 'validFrom'),
      validTo: date(draft.validTo, 'validTo'),
    };
    if (Object.keys(local).length > 0) return setProblems(local);
    await run(() => call('saveOrgUnit', { id: draft.id, fields }), orgUnitsTexts.saved);
  };
  function remove(u: OrgUnit) {
    return runRemove(
      { title: orgUnitsTexts.delete, text: orgUnitsTexts.deleteConfirm(orgUnitLabel(u)) },
      () => call('deleteOrgUnit', { id: u.id }),
      orgUnitsTexts.deleted,
      orgUnitRefusal(rows, u.id),
    );
  }

  return (
    <section aria-labelledby="units-title">
      <div className="view-head">
        <h1 id="units-title">{orgUnitsTexts.title}</h1>
        <button
          type="button"
          className="primary"
          disabled={readOnly || draft !== null}
          onClick={() => start({ id: null, code: '', name: '', kind: 'verwaltung', validFrom: '', validTo: '' })}
        >
          {orgUnitsTexts.add}
        </button>
      </div>
      <p>{orgUnitsTexts.intro}</p>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {draft && (
        <InlineForm id="ou-form" label={orgUnitsTexts.save} saveLabel={orgUnitsTexts.save} onSubmit={() => void submit()} onCancel={close}>
          <TextField id="ou-name" label={orgUnitsTexts.name} required {...draftField('name')} className="field-wide" />
          <TextField id="ou-code" label={orgUnitsTexts.code} {...draftField('code')} className="field-narrow" />
          <SelectField
            id="ou-kind"
            label={orgUnitsTexts.kind}
            value={draft.kind}
            options={ORG_UNIT_KINDS.map((k) => ({ value: k, label: de.ui.orgUnitKinds[k] }))}
            onChange={(v) => setDraft({ ...draft, kind: v as OrgUnit['kind'] })}
          />
          <DateField id="ou-from" label={orgUnitsTexts.validFrom} {...draftField('validFrom')} className="field-narrow" />
          <DateField id="ou-to" label={orgUnitsTexts.validTo} {...draftField('validTo')} className="field-narrow" />
        </InlineForm>
      )}
      <DataTable
        listKey={LISTS.orgUnits}
        caption={orgUnitsTexts.title}
        columns={columns}
        rows={sorted}
        rowKey={(u) => u.id}
        sort={sort}
        onSort={onSort}
        className="table-flow"
        tableClassName="with-buttons"
        selectedId={draft?.id ?? null}
        emptyText={orgUnitsTexts.empty}
      />
    </section>
  );
}

/**
 * The Organisationseinheiten's columns (issue 15: the shared table): the name names the row and takes the
 * room left; the validity dates give way first on a narrow pane; dates sort by their ISO value.
 */
function orgUnitColumns(p: {
  count: (u: OrgUnit) => number;
  disabled: boolean;
  editing: boolean;
  edit: (u: OrgUnit) => void;
  remove: (u: OrgUnit) => void;
}): Column<OrgUnit>[] {
  return [
    { key: 'name', label: orgUnitsTexts.name, width: 260, grow: true, fixed: true, rowHeader: true, text: (u) => u.name },
    { key: 'code', label: orgUnitsTexts.code, width: 90, priority: 1, text: (u) => u.code },
    { key: 'kind', label: orgUnitsTexts.kind, width: 110, priority: 2, text: (u) => de.ui.orgUnitKinds[u.kind] },
    {
      key: 'from',
      label: orgUnitsTexts.validFrom,
      width: 100,
      priority: 4,
      text: (u) => formatDate(u.validFrom),
      sortValue: (u) => u.validFrom ?? '',
    },
    {
      key: 'to',
      label: orgUnitsTexts.validTo,
      width: 100,
      priority: 4,
      text: (u) => formatDate(u.validTo),
      sortValue: (u) => u.validTo ?? '',
    },
    {
      key: 'measures',
      label: orgUnitsTexts.measures,
      width: 110,
      numeric: true,
      priority: 3,
      text: (u) => String(p.count(u)),
      sortValue: p.count,
    },
    {
      key: 'actions',
      label: de.ui.actionsColumn,
      hideLabel: true,
      width: 200,
      fixed: true,
      sortable: false,
      cellClass: 'buttons',
      text: () => '',
      cell: (u) => (
        <>
          <button type="button" disabled={p.disabled || p.editing} aria-label={`${u.name} ${de.ui.measure.edit}`} onClick={() => p.edit(u)}>
            {de.ui.measure.edit}
          </button>
          <button type="button" disabled={p.disabled} aria-label={`${u.name} ${orgUnitsTexts.delete}`} onClick={() => p.remove(u)}>
            {orgUnitsTexts.delete}
          </button>
        </>
      ),
    },
  ];
}
