import { de } from '@shared/i18n/de';
import type { ActionField } from '@shared/editions/edition';
import { call } from '../../api';
import { useApp } from '../../appState';
import { TextArea, TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { InlineForm } from './InlineForm';
import { useListEditor } from './useListEditor';

const t = de.ui.actionFields;
type Draft = Omit<ActionField, 'id'> & { id: string | null };

/** Handlungsfelder of the current edition: add, rename, describe; delete only when unused. */
export function ActionFieldsView() {
  const { reference, rows, readOnly } = useApp();
  const { draft, setDraft, problems, setProblems, message, submit: run, remove: runRemove } = useListEditor<Draft>('af-code');
  if (!reference) return null;
  const fields = reference.actionFields.filter((f) => f.editionId === reference.currentEditionId);
  const edition = reference.editions.find((e) => e.id === reference.currentEditionId);
  const count = (id: string) => rows.filter((r) => !r.deletedAt && r.actionFieldId === id).length;

  const submit = async () => {
    if (!draft) return;
    const { id, ...fieldsOnly } = draft;
    await run(() => call('saveActionField', { id, fields: fieldsOnly }), t.saved);
  };
  const remove = (f: ActionField) => runRemove({ title: t.delete, text: t.deleteConfirm(`${f.code} ${f.name}`) }, () => call('deleteActionField', { id: f.id }), t.deleted);

  return (
    <section aria-labelledby="fields-title">
      <div className="view-head">
        <h1 id="fields-title">{t.title}</h1>
        <button
          type="button"
          className="primary"
          disabled={readOnly || draft !== null}
          onClick={() => setDraft({ id: null, editionId: reference.currentEditionId, code: `HF${fields.length + 1}`, name: '', description: '', guidingGoal: '' })}
        >
          {t.add}
        </button>
      </div>
      <p>
        {t.intro} {t.edition}: {edition?.name}
      </p>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {draft && (
        <InlineForm id="af-form" label={t.save} saveLabel={t.save} onSubmit={() => void submit()} onCancel={() => (setDraft(null), setProblems({}))}>
            <TextField id="af-code" label={t.code} required value={draft.code} error={problems.code} onChange={(v) => setDraft({ ...draft, code: v })} className="field-narrow" />
            <TextField id="af-name" label={t.name} required value={draft.name} error={problems.name} onChange={(v) => setDraft({ ...draft, name: v })} className="field-wide" />
            <TextField id="af-goal" label={t.guidingGoal} value={draft.guidingGoal} error={problems.guidingGoal} onChange={(v) => setDraft({ ...draft, guidingGoal: v })} className="field-wide" />
            <TextArea id="af-description" label={t.description} value={draft.description} error={problems.description} onChange={(v) => setDraft({ ...draft, description: v })} />
        </InlineForm>
      )}
      <table className="data">
        <caption className="visually-hidden">{t.title}</caption>
        <thead>
          <tr>
            <th scope="col">{t.code}</th>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.guidingGoal}</th>
            <th scope="col" className="num">
              {t.measures}
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
                <button type="button" disabled={readOnly || draft !== null} aria-label={`${f.code} ${de.ui.measure.edit}`} onClick={() => setDraft({ ...f })}>
                  {de.ui.measure.edit}
                </button>
                <button type="button" disabled={readOnly} aria-label={`${f.code} ${t.delete}`} onClick={() => void remove(f)}>
                  {t.delete}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
