import { de } from '../../../../shared/i18n/de';
import { BODY_KINDS, type Body } from '../../../../shared/domain/body';
import { call } from '../../api';
import { useApp } from '../../appState';
import { SelectField, TextField } from '../../ui/fields';
import { Notice } from '../../ui/Notice';
import { InlineForm } from './InlineForm';
import { useListEditor } from './useListEditor';

const t = de.ui.bodies;
type Draft = { id: string | null; name: string; shortName: string; kind: Body['kind']; active: boolean };

/** Gremien: the editable list of bodies the Beratungsfolge of submissions chooses from. */
export function BodiesView() {
  const { reference, readOnly } = useApp();
  const { draft, setDraft, problems, message, start, close, submit: run, remove: runRemove } = useListEditor<Draft>('body-name');
  if (!reference) return null;

  const submit = async () => {
    if (!draft) return;
    const { id, ...fields } = draft;
    await run(() => call('saveBody', { id, fields }), t.saved);
  };
  const remove = (b: Body) => runRemove({ title: t.delete, text: t.deleteConfirm(b.name) }, () => call('deleteBody', { id: b.id }), t.deleted);

  return (
    <section aria-labelledby="bodies-title">
      <div className="view-head">
        <h1 id="bodies-title">{t.title}</h1>
        <button type="button" className="primary" disabled={readOnly || draft !== null} onClick={() => start({ id: null, name: '', shortName: '', kind: 'ausschuss', active: true })}>
          {t.add}
        </button>
      </div>
      <p>{t.intro}</p>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {draft && (
        <InlineForm id="body-form" label={t.formAdd} heading={draft.id ? t.formEdit(reference.bodies.find((b) => b.id === draft.id)?.name ?? draft.name) : t.formAdd} saveLabel={t.save} saveDisabled={readOnly} onSubmit={() => void submit()} onCancel={close}>
            <TextField id="body-name" label={t.name} required value={draft.name} error={problems.name} onChange={(v) => setDraft({ ...draft, name: v })} className="field-wide" maxLength={200} />
            <TextField id="body-short" label={t.shortName} value={draft.shortName} error={problems.shortName} onChange={(v) => setDraft({ ...draft, shortName: v })} className="field-narrow" maxLength={40} />
            <SelectField id="body-kind" label={t.kind} value={draft.kind} options={BODY_KINDS.map((k) => ({ value: k, label: t.kinds[k] }))} onChange={(v) => setDraft({ ...draft, kind: v as Body['kind'] })} />
            <label className="checkbox field-checkbox">
              <input type="checkbox" checked={draft.active} onChange={(e) => setDraft({ ...draft, active: e.target.checked })} />
              {t.activeLabel}
            </label>
        </InlineForm>
      )}
      <table className="data">
        <caption className="visually-hidden">{t.title}</caption>
        <thead>
          <tr>
            <th scope="col">{t.name}</th>
            <th scope="col">{t.shortName}</th>
            <th scope="col">{t.kind}</th>
            <th scope="col">{t.active}</th>
            <th scope="col">
              <span className="visually-hidden">{t.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {reference.bodies.map((b) => (
            <tr key={b.id}>
              <td>{b.name}</td>
              <td>{b.shortName}</td>
              <td>{t.kinds[b.kind]}</td>
              <td>{b.active ? t.activeYes : <span className="muted">{t.activeNo}</span>}</td>
              <td className="buttons">
                <button type="button" disabled={readOnly || draft !== null} aria-label={t.editLabel(b.name)} onClick={() => start({ id: b.id, name: b.name, shortName: b.shortName, kind: b.kind, active: b.active })}>
                  {t.edit}
                </button>
                <button type="button" disabled={readOnly} aria-label={t.deleteLabel(b.name)} onClick={() => void remove(b)}>
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
