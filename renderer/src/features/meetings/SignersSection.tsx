import { NO_PERSON, type PersonName } from '@shared/participation/participation';
import { personNatural } from '@shared/participation/personName';
import { de } from '@shared/i18n/de';
import { TextField } from '../../ui/fields';
import { meetingFieldId, type MeetingForm } from './meetingForm';
import { useFocusLater } from './useFocusLater';

const t = de.meetingsUi.editor.signers;
const f = de.meetingsUi.editor.field;
const MAX_CO_SIGNERS = 10;

/** One person in parts: title, given name, family name (the documents print "Dr. Marion Beispiel"). */
function PersonFields(props: {
  path: string;
  legend: string;
  value: PersonName;
  onChange: (next: PersonName) => void;
  problemOf: (field: string) => string | undefined;
  disabled: boolean;
}) {
  const { path, legend, value, onChange, problemOf, disabled } = props;
  const common = (part: keyof PersonName) => ({ id: meetingFieldId(`${path}.${part}`), error: problemOf(`${path}.${part}`), disabled });
  return (
    <fieldset className="person-fields">
      <legend>{legend}</legend>
      <TextField
        {...common('title')}
        label={t.title}
        hint={t.titleHint}
        value={value.title}
        onChange={(v) => onChange({ ...value, title: v })}
        className="field-title"
        maxLength={60}
      />
      <TextField
        {...common('given')}
        label={t.given}
        value={value.given}
        onChange={(v) => onChange({ ...value, given: v })}
        maxLength={120}
      />
      <TextField
        {...common('family')}
        label={t.family}
        value={value.family}
        onChange={(v) => onChange({ ...value, family: v })}
        maxLength={120}
      />
    </fieldset>
  );
}

/** Chair, recorder and the members named to co-sign: each gets a signature line under the Niederschrift. */
export function SignersSection(props: {
  form: MeetingForm;
  update: (patch: Partial<MeetingForm>) => void;
  problemOf: (field: string) => string | undefined;
  disabled: boolean;
}) {
  const { form, update, problemOf, disabled } = props;
  const focusLater = useFocusLater();
  const setCoSigner = (i: number, next: PersonName) => update({ coSigners: form.coSigners.map((p, j) => (j === i ? next : p)) });
  const add = () => {
    update({ coSigners: [...form.coSigners, { ...NO_PERSON }] });
    focusLater(meetingFieldId(`coSigners.${form.coSigners.length}.given`));
  };
  const remove = (i: number) => {
    const next = form.coSigners.filter((_, j) => j !== i);
    update({ coSigners: next });
    focusLater(next.length > 0 ? meetingFieldId(`coSigners.${Math.min(i, next.length - 1)}.given`) : 'mt-cosigner-add');
  };
  return (
    <>
      <p className="hint">{t.intro}</p>
      <div className="signers">
        <PersonFields
          path="chair"
          legend={f.chair}
          value={form.chair}
          onChange={(chair) => update({ chair })}
          problemOf={problemOf}
          disabled={disabled}
        />
        <PersonFields
          path="recorder"
          legend={f.recorder}
          value={form.recorder}
          onChange={(recorder) => update({ recorder })}
          problemOf={problemOf}
          disabled={disabled}
        />
      </div>
      <div role="group" aria-labelledby="mt-cosigners-label" className="co-signers">
        <h3 id="mt-cosigners-label">{t.coSigners}</h3>
        {form.coSigners.length === 0 ? <p className="muted">{t.noCoSigners}</p> : null}
        <ol className="co-signer-list">
          {form.coSigners.map((person, i) => (
            <li key={i} className="add-row">
              <PersonFields
                path={`coSigners.${i}`}
                legend={t.coSigner(i + 1)}
                value={person}
                onChange={(next) => setCoSigner(i, next)}
                problemOf={problemOf}
                disabled={disabled}
              />
              <button
                type="button"
                disabled={disabled}
                aria-label={t.removeCoSigner(i + 1, personNatural(person))}
                onClick={() => remove(i)}
              >
                {de.meetingsUi.remove}
              </button>
            </li>
          ))}
        </ol>
        <button type="button" id="mt-cosigner-add" disabled={disabled || form.coSigners.length >= MAX_CO_SIGNERS} onClick={add}>
          {t.addCoSigner}
        </button>
      </div>
    </>
  );
}
