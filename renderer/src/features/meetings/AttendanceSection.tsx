import { de } from '@shared/i18n/de';
import { TextField } from '../../ui/fields';
import { meetingFieldId, type MeetingForm } from './meetingForm';
import { useFocusLater } from './useFocusLater';

const meetingsAttendanceTexts = de.meetingsUi.attendance;

/**
 * Anwesenheit as counts and attending organisations, never names. The organisations of the body's members
 * are offered as quick picks.
 */
export function AttendanceSection(props: {
  form: MeetingForm;
  update: (patch: Partial<MeetingForm>) => void;
  problemOf: (field: string) => string | undefined;
  disabled: boolean;
  memberOrganisations: readonly string[];
}) {
  const { form, update, problemOf, disabled, memberOrganisations } = props;
  const focusLater = useFocusLater();
  const listed = new Set(form.organisations.map((o) => o.trim().toLowerCase()));
  const missing = memberOrganisations.filter((o) => !listed.has(o.toLowerCase()));
  const setOrg = (i: number, value: string) => update({ organisations: form.organisations.map((o, j) => (j === i ? value : o)) });
  const focusRow = (i: number) => focusLater(meetingFieldId(`attendance.organisations.${i}`));
  const add = (values: string[]) => {
    if (values.length === 0) return;
    update({ organisations: [...form.organisations, ...values] });
    if (values.length === 1 && values[0] === '') focusRow(form.organisations.length);
  };
  const remove = (i: number) => {
    const next = form.organisations.filter((_, j) => j !== i);
    update({ organisations: next });
    if (next.length > 0) focusRow(Math.min(i, next.length - 1));
    else focusLater('mt-attendance-add');
  };
  const common = (field: string) => ({ id: meetingFieldId(field), error: problemOf(field), disabled });

  return (
    <>
      <p className="hint">{meetingsAttendanceTexts.intro}</p>
      <div className="grid">
        <TextField
          {...common('attendance.members')}
          label={meetingsAttendanceTexts.members}
          value={form.members}
          onChange={(v) => update({ members: v })}
          className="field-count"
          maxLength={9}
        />
        <TextField
          {...common('attendance.guests')}
          label={meetingsAttendanceTexts.guests}
          value={form.guests}
          onChange={(v) => update({ guests: v })}
          className="field-count"
          maxLength={9}
        />
      </div>
      <div
        id={meetingFieldId('attendance.organisations')}
        tabIndex={-1}
        role="group"
        aria-labelledby="mt-orgs-label"
        className="attendance-orgs"
      >
        <h3 id="mt-orgs-label">{meetingsAttendanceTexts.organisations}</h3>
        {problemOf('attendance.organisations') ? (
          <p className="field-error">
            {de.ui.errorPrefix} {problemOf('attendance.organisations')}
          </p>
        ) : null}
        {form.organisations.length === 0 ? <p className="muted">{meetingsAttendanceTexts.none}</p> : null}
        <ol className="org-list">
          {form.organisations.map((o, i) => (
            <li key={i} className="add-row">
              <TextField
                {...common(`attendance.organisations.${i}`)}
                label={meetingsAttendanceTexts.organisationLabel(i + 1)}
                value={o}
                onChange={(v) => setOrg(i, v)}
                className="field-org"
                maxLength={200}
              />
              <button
                type="button"
                disabled={disabled}
                aria-label={meetingsAttendanceTexts.removeLabel(i + 1, o.trim())}
                onClick={() => remove(i)}
              >
                {de.meetingsUi.remove}
              </button>
            </li>
          ))}
        </ol>
        <button type="button" id="mt-attendance-add" disabled={disabled || form.organisations.length >= 300} onClick={() => add([''])}>
          {meetingsAttendanceTexts.add}
        </button>
      </div>
      <div className="quick-picks" role="group" aria-labelledby="mt-quick-label">
        <h3 id="mt-quick-label">{meetingsAttendanceTexts.quickPicks}</h3>
        {memberOrganisations.length === 0 ? (
          <p className="muted">{meetingsAttendanceTexts.noMembers}</p>
        ) : (
          <ul className="chips">
            {missing.map((o) => (
              <li key={o}>
                <button
                  type="button"
                  disabled={disabled}
                  aria-label={meetingsAttendanceTexts.quickPickLabel(o)}
                  onClick={(e) => {
                    // The button disappears with the pick: the focus moves on to the next pick.
                    const next = e.currentTarget.closest('li')?.nextElementSibling?.querySelector('button');
                    add([o]);
                    focusLater(() => (next && next.isConnected && !next.disabled ? next : document.getElementById('mt-attendance-add')));
                  }}
                >
                  <span aria-hidden="true">+ </span>
                  {o}
                </button>
              </li>
            ))}
            <li>
              <button type="button" disabled={disabled || missing.length === 0} onClick={() => add(missing)}>
                {meetingsAttendanceTexts.quickPickAll}
              </button>
            </li>
          </ul>
        )}
      </div>
    </>
  );
}
