import { de } from '@shared/i18n/de';
import { actionFieldRefusal } from '@shared/register/referenceUsage';
import type { ActionField } from '@shared/editions/edition';
import { call } from '../../api';
import { useApp } from '../../appState';
import { TextArea, TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { InlineForm } from './InlineForm';
import { useListEditor } from './useListEditor';
import { usedBy } from './usedBy';
import { useMemo } from 'react';
import { DataTable, useTableSort, type Column } from '../../ui/DataTable';
import { LISTS } from '../../ui/listMemory';

const actionFieldsTexts = de.ui.actionFields;
type Draft = Omit<ActionField, 'id'> & { id: string | null };

/** Handlungsfelder of the current edition: add, rename, describe; delete only when unused. */
export function ActionFieldsView() {
  const { reference, rows, readOnly } = useApp();
  const { draft, start, close, message, submit: run, remove: runRemove, draftField } = useListEditor<Draft>('af-code');
  const fields = useMemo(
    () => (reference ? reference.actionFields.filter((f) => f.editionId === reference.currentEditionId) : []),
    [reference],
  );
  const counts = useMemo(() => usedBy(rows, (r) => [r.actionFieldId]), [rows]);
  const columns = actionFieldColumns({
    count: (f) => counts.get(f.id) ?? 0,
    disabled: readOnly,
    editing: draft !== null,
    edit: (f) => start({ ...f }),
    remove: (f) => void remove(f),
  });
  const { sort, onSort, sorted } = useTableSort(LISTS.actionFields, columns, fields);
  if (!reference) return null;
  const edition = reference.editions.find((e) => e.id === reference.currentEditionId);

  const submit = async () => {
    if (!draft) return;
    const { id, ...fieldsOnly } = draft;
    await run(() => call('saveActionField', { id, fields: fieldsOnly }), actionFieldsTexts.saved);
  };
  function remove(f: ActionField) {
    return runRemove(
      { title: actionFieldsTexts.delete, text: actionFieldsTexts.deleteConfirm(`${f.code} ${f.name}`) },
      () => call('deleteActionField', { id: f.id }),
      actionFieldsTexts.deleted,
      actionFieldRefusal(rows, f.id),
    );
  }

  return (
    <section aria-labelledby="fields-title">
      <div className="view-head">
        <h1 id="fields-title">{actionFieldsTexts.title}</h1>
        <button
          type="button"
          className="primary"
          disabled={readOnly || draft !== null}
          onClick={() =>
            start({
              id: null,
              editionId: reference.currentEditionId,
              code: `HF${fields.length + 1}`,
              name: '',
              description: '',
              guidingGoal: '',
            })
          }
        >
          {actionFieldsTexts.add}
        </button>
      </div>
      <p>
        {actionFieldsTexts.intro} {actionFieldsTexts.edition}: {edition?.name}
      </p>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {draft && (
        <InlineForm
          id="af-form"
          label={actionFieldsTexts.save}
          saveLabel={actionFieldsTexts.save}
          onSubmit={() => void submit()}
          onCancel={close}
        >
          <TextField id="af-code" label={actionFieldsTexts.code} required {...draftField('code')} className="field-narrow" />
          <TextField id="af-name" label={actionFieldsTexts.name} required {...draftField('name')} className="field-wide" />
          <TextField id="af-goal" label={actionFieldsTexts.guidingGoal} {...draftField('guidingGoal')} className="field-wide" />
          <TextArea id="af-description" label={actionFieldsTexts.description} {...draftField('description')} />
        </InlineForm>
      )}
      <DataTable
        listKey={LISTS.actionFields}
        caption={actionFieldsTexts.title}
        columns={columns}
        rows={sorted}
        rowKey={(f) => f.id}
        sort={sort}
        onSort={onSort}
        className="table-flow"
        tableClassName="with-buttons"
        selectedId={draft?.id ?? null}
        emptyText={actionFieldsTexts.empty}
      />
    </section>
  );
}

/**
 * The Handlungsfelder's columns (issue 15: the shared table): Kürzel names the row, the Leitziel gives way
 * first on a narrow pane (its full text on hover and in the focused row), the buttons always stay.
 */
function actionFieldColumns(p: {
  count: (f: ActionField) => number;
  disabled: boolean;
  editing: boolean;
  edit: (f: ActionField) => void;
  remove: (f: ActionField) => void;
}): Column<ActionField>[] {
  return [
    { key: 'code', label: actionFieldsTexts.code, width: 90, fixed: true, rowHeader: true, text: (f) => f.code },
    { key: 'name', label: actionFieldsTexts.name, width: 260, grow: true, fixed: true, text: (f) => f.name },
    { key: 'goal', label: actionFieldsTexts.guidingGoal, width: 380, priority: 3, text: (f) => f.guidingGoal },
    {
      key: 'measures',
      label: actionFieldsTexts.measures,
      width: 110,
      numeric: true,
      priority: 2,
      text: (f) => String(p.count(f)),
      sortValue: p.count,
    },
    {
      key: 'actions',
      label: de.ui.actionsColumn,
      hideLabel: true,
      width: 210,
      fixed: true,
      sortable: false,
      cellClass: 'buttons',
      text: () => '',
      cell: (f) => (
        <>
          <button type="button" disabled={p.disabled || p.editing} aria-label={`${f.code} ${de.ui.measure.edit}`} onClick={() => p.edit(f)}>
            {de.ui.measure.edit}
          </button>
          <button type="button" disabled={p.disabled} aria-label={`${f.code} ${actionFieldsTexts.delete}`} onClick={() => p.remove(f)}>
            {actionFieldsTexts.delete}
          </button>
        </>
      ),
    },
  ];
}
