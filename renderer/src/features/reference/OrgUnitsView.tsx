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

const orgUnitsTexts = de.ui.orgUnits;
type Draft = { id: string | null; code: string; name: string; kind: OrgUnit['kind']; validFrom: string; validTo: string };

/** Offices and partners: the user-maintained table measures refer to. */
export function OrgUnitsView() {
  const { reference, rows, readOnly } = useApp();
  const { draft, setDraft, setProblems, message, submit: run, remove: runRemove, draftField } = useListEditor<Draft>('ou-name');
  if (!reference) return null;
  const count = (id: string) => rows.filter((r) => !r.deletedAt && (r.leadOrgUnitId === id || r.involvedOrgUnitIds.includes(id))).length;

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
  const remove = (u: OrgUnit) =>
    runRemove(
      { title: orgUnitsTexts.delete, text: orgUnitsTexts.deleteConfirm(orgUnitLabel(u)) },
      () => call('deleteOrgUnit', { id: u.id }),
      orgUnitsTexts.deleted,
      orgUnitRefusal(rows, u.id),
    );

  return (
    <section aria-labelledby="units-title">
      <div className="view-head">
        <h1 id="units-title">{orgUnitsTexts.title}</h1>
        <button
          type="button"
          className="primary"
          disabled={readOnly || draft !== null}
          onClick={() => setDraft({ id: null, code: '', name: '', kind: 'verwaltung', validFrom: '', validTo: '' })}
        >
          {orgUnitsTexts.add}
        </button>
      </div>
      <p>{orgUnitsTexts.intro}</p>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {draft && (
        <InlineForm
          id="ou-form"
          label={orgUnitsTexts.save}
          saveLabel={orgUnitsTexts.save}
          onSubmit={() => void submit()}
          onCancel={() => (setDraft(null), setProblems({}))}
        >
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
      <table className="data">
        <caption className="visually-hidden">{orgUnitsTexts.title}</caption>
        <thead>
          <tr>
            <th scope="col">{orgUnitsTexts.name}</th>
            <th scope="col">{orgUnitsTexts.code}</th>
            <th scope="col">{orgUnitsTexts.kind}</th>
            <th scope="col">{orgUnitsTexts.validFrom}</th>
            <th scope="col">{orgUnitsTexts.validTo}</th>
            <th scope="col" className="num">
              {orgUnitsTexts.measures}
            </th>
            <th scope="col">
              <span className="visually-hidden">{de.ui.actionsColumn}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {reference.orgUnits.map((u) => (
            <tr key={u.id}>
              <td>{u.name}</td>
              <td>{u.code}</td>
              <td>{de.ui.orgUnitKinds[u.kind]}</td>
              <td>{formatDate(u.validFrom)}</td>
              <td>{formatDate(u.validTo)}</td>
              <td className="num">{count(u.id)}</td>
              <td className="buttons">
                <button
                  type="button"
                  disabled={readOnly || draft !== null}
                  aria-label={`${u.name} ${de.ui.measure.edit}`}
                  onClick={() =>
                    setDraft({
                      id: u.id,
                      code: u.code,
                      name: u.name,
                      kind: u.kind,
                      validFrom: formatDate(u.validFrom),
                      validTo: formatDate(u.validTo),
                    })
                  }
                >
                  {de.ui.measure.edit}
                </button>
                <button type="button" disabled={readOnly} aria-label={`${u.name} ${orgUnitsTexts.delete}`} onClick={() => void remove(u)}>
                  {orgUnitsTexts.delete}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
