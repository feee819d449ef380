import { de } from '@shared/i18n/de';
import { actionFieldRefusal } from '@shared/register/referenceUsage';
import type { ActionField } from '@shared/editions/edition';
import { call } from '../../api';
import { useApp } from '../../appState';
import { TextArea, TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { InlineForm } from './InlineForm';
import { useListEditor } from './useListEditor';

const actionFieldsTexts = de.ui.actionFields;
type Draft = Omit<ActionField, 'id'> & { id: string | null };

/** Handlungsfelder of the current edition: add, rename, describe; delete only when unused. */
export function ActionFieldsView() {
  const { reference, rows, readOnly } = useApp();
  const { draft, setDraft, setProblems, message, submit: run, remove: runRemove, draftField } = useListEditor<Draft>('af-code');
  if (!reference) return null;
  const fields = reference.actionFields.filter((f) => f.editionId === reference.currentEditionId);
  const edition = reference.editions.find((e) => e.id === reference.currentEditionId);
  const count = (id: string) => rows.filter((r) => !r.deletedAt && r.actionFieldId === id).length;

  const submit = async () => {
    if (!draft) return;
    const { id, ...fieldsOnly } = draft;
    await run(() => call('saveActionField', { id, fields: fieldsOnly }), actionFieldsTexts.saved);
  };
  const remove = (f: ActionField) =>
    runRemove(
      { title: actionFieldsTexts.delete, text: actionFieldsTexts.deleteConfirm(`${f.code} ${f.name}`) },
      () => call('deleteActionField', { id: f.id }),
      actionFieldsTexts.deleted,
      actionFieldRefusal(rows, f.id),
    );

  return (
    <section aria-labelledby="fields-title">
      <div className="view-head">
        <h1 id="fields-title">{actionFieldsTexts.title}</h1>
        <button
          type="button"
          className="primary"
          disabled={readOnly || draft !== null}
          onClick={() =>
            setDraft({
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
          onCancel={() => (setDraft(null), setProblems({}))}
        >
          <TextField id="af-code" label={actionFieldsTexts.code} required {...draftField('code')} className="field-narrow" />
          <TextField id="af-name" label={actionFieldsTexts.name} required {...draftField('name')} className="field-wide" />
          <TextField id="af-goal" label={actionFieldsTexts.guidingGoal} {...draftField('guidingGoal')} className="field-wide" />
          <TextArea id="af-description" label={actionFieldsTexts.description} {...draftField('description')} />
        </InlineForm>
      )}
      <table className="data">
        <caption className="visually-hidden">{actionFieldsTexts.title}</caption>
        <thead>
          <tr>
            <th scope="col">{actionFieldsTexts.code}</th>
            <th scope="col">{actionFieldsTexts.name}</th>
            <th scope="col">{actionFieldsTexts.guidingGoal}</th>
            <th scope="col" className="num">
              {actionFieldsTexts.measures}
            </th>
            <th scope="col">
              <span className="visually-hidden">{de.ui.actionsColumn}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {fields.map((f) => (
            <tr key={f.id}>
              <td>{f.code}</td>
              <td>{f.name}</td>
              <td>{f.guidingGoal}</td>
              <td className="num">{count(f.id)}</td>
              <td className="buttons">
                <button
                  type="button"
                  disabled={readOnly || draft !== null}
                  aria-label={`${f.code} ${de.ui.measure.edit}`}
                  onClick={() => setDraft({ ...f })}
                >
                  {de.ui.measure.edit}
                </button>
                <button
                  type="button"
                  disabled={readOnly}
                  aria-label={`${f.code} ${actionFieldsTexts.delete}`}
                  onClick={() => void remove(f)}
                >
                  {actionFieldsTexts.delete}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
