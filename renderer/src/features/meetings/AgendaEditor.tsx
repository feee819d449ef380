import { useState } from 'react';
import { AGENDA_KINDS, type AgendaItem } from '@shared/participation/participation';
import { de } from '@shared/i18n/de';
import { useApp } from '../../appState';
import { SelectField, TextArea, TextField } from '../../ui/fields';
import { LinkPicker, type LinkOption } from './LinkPicker';
import { emptyAgendaItem, meetingFieldId, moveItem, nextAgendaNumber, renumberAgenda } from './meetingForm';
import { useFocusLater } from './useFocusLater';

const meetingsTexts = de.meetingsUi;
const t = meetingsTexts.agenda;
const f = t.field;

export interface AgendaLinkOptions {
  measures: readonly LinkOption[];
  submissions: readonly LinkOption[];
  recommendations: readonly LinkOption[];
}

/**
 * The Tagesordnung: one group per TOP (number, subject, kind, öffentlich, explanation, linked measures,
 * Ratsvorlagen and Empfehlungen), moved with buttons, added, removed and renumbered. Every change is
 * announced in a status line; the focus stays on the moved item's button.
 */
export function AgendaEditor(props: {
  agenda: AgendaItem[];
  onChange: (agenda: AgendaItem[], options?: { structural: boolean }) => void;
  problemOf: (field: string) => string | undefined;
  disabled: boolean;
  options: AgendaLinkOptions;
  /** Recommendations pointing at each TOP (they keep it from being removed). */
  recommendationsPerItem: ReadonlyMap<string, number>;
}) {
  const { agenda, onChange, problemOf, disabled, options, recommendationsPerItem } = props;
  const { confirm } = useApp();
  const [announcement, setAnnouncement] = useState('');
  const focusLater = useFocusLater();

  const setItem = (i: number, patch: Partial<AgendaItem>) => onChange(agenda.map((item, j) => (j === i ? { ...item, ...patch } : item)));
  const common = (i: number, field: string) => ({
    id: meetingFieldId(`agenda.${i}.${field}`),
    error: problemOf(`agenda.${i}.${field}`),
    disabled,
  });
  const label = (item: AgendaItem, i: number) => t.label(item.number.trim() || String(i + 1));

  const move = (i: number, delta: -1 | 1) => {
    const item = agenda[i]!;
    const next = moveItem(agenda, i, delta);
    onChange(next, { structural: true });
    const position = i + delta + 1;
    setAnnouncement(t.moved(label(item, i), position));
    // Keep the focus on the same button of the moved item; at the top or bottom the other one takes it.
    const atEdge = (delta === -1 && position === 1) || (delta === 1 && position === next.length);
    const button = `${atEdge ? (delta === -1 ? 'down' : 'up') : delta === -1 ? 'up' : 'down'}-${item.id}`;
    focusLater(`mt-agenda-${button}`);
  };

  const remove = async (i: number) => {
    const item = agenda[i]!;
    const users = recommendationsPerItem.get(item.id) ?? 0;
    if (users > 0) {
      await confirm({ title: t.removeTitle, text: t.removeRefused(label(item, i), users), alert: true });
      return;
    }
    const hasContent =
      [item.description, item.minutes, item.result].some((x) => x.trim()) ||
      item.measureIds.length + item.submissionIds.length + item.recommendationIds.length > 0;
    if (hasContent && !(await confirm({ title: t.removeTitle, text: t.removeConfirm(label(item, i)), confirmLabel: t.removeTitle })))
      return;
    const next = agenda.filter((_, j) => j !== i);
    onChange(next, { structural: true });
    const neighbour = next[Math.min(i, next.length - 1)];
    focusLater(neighbour ? meetingFieldId(`agenda.${Math.min(i, next.length - 1)}.title`) : 'mt-agenda-add');
  };

  const add = () => {
    const item = emptyAgendaItem(crypto.randomUUID(), nextAgendaNumber(agenda));
    onChange([...agenda, item], { structural: true });
    focusLater(meetingFieldId(`agenda.${agenda.length}.title`));
  };

  const renumber = () => {
    onChange(renumberAgenda(agenda), { structural: true });
    setAnnouncement(t.renumbered);
  };

  return (
    <div id="mt-agenda" tabIndex={-1} className="agenda-editor">
      <p className="hint">{t.intro}</p>
      {problemOf('agenda') ? (
        <p className="field-error">
          {de.ui.errorPrefix} {problemOf('agenda')}
        </p>
      ) : null}
      {agenda.length === 0 ? <p className="muted">{t.empty}</p> : null}
      <ol className="agenda-list">
        {agenda.map((item, i) => {
          const name = label(item, i);
          return (
            <li key={item.id}>
              <fieldset className="agenda-item">
                <legend>{t.legend(item.number.trim() || String(i + 1), item.title.trim())}</legend>
                <div className="grid">
                  <TextField
                    {...common(i, 'number')}
                    label={f.number}
                    required
                    hint={t.numberHint}
                    value={item.number}
                    onChange={(v) => setItem(i, { number: v })}
                    className="field-narrow"
                    maxLength={12}
                  />
                  <TextField
                    {...common(i, 'title')}
                    label={f.title}
                    required
                    value={item.title}
                    onChange={(v) => setItem(i, { title: v })}
                    className="field-title"
                    maxLength={300}
                  />
                  <SelectField
                    {...common(i, 'kind')}
                    label={f.kind}
                    value={item.kind}
                    options={AGENDA_KINDS.map((k) => ({ value: k, label: de.participation.agendaKinds[k] }))}
                    onChange={(v) => setItem(i, { kind: v as AgendaItem['kind'] })}
                  />
                  <label className="checkbox field-checkbox">
                    <input
                      id={meetingFieldId(`agenda.${i}.isPublic`)}
                      type="checkbox"
                      checked={item.isPublic}
                      disabled={disabled}
                      onChange={(e) => setItem(i, { isPublic: e.target.checked })}
                    />
                    {f.isPublic}
                  </label>
                  <TextArea
                    {...common(i, 'description')}
                    label={f.description}
                    value={item.description}
                    onChange={(v) => setItem(i, { description: v })}
                    rows={2}
                  />
                  <div className="agenda-links">
                    <LinkPicker
                      id={`mt-agenda-${item.id}-measures`}
                      fieldId={meetingFieldId(`agenda.${i}.measureIds`)}
                      label={f.measureIds}
                      what={t.measures}
                      owner={name}
                      options={options.measures}
                      measures
                      selected={item.measureIds}
                      onChange={(ids) => setItem(i, { measureIds: ids })}
                      disabled={disabled}
                      error={problemOf(`agenda.${i}.measureIds`)}
                    />
                    <LinkPicker
                      id={`mt-agenda-${item.id}-submissions`}
                      fieldId={meetingFieldId(`agenda.${i}.submissionIds`)}
                      label={f.submissionIds}
                      what={t.submissions}
                      owner={name}
                      options={options.submissions}
                      selected={item.submissionIds}
                      onChange={(ids) => setItem(i, { submissionIds: ids })}
                      disabled={disabled}
                      error={problemOf(`agenda.${i}.submissionIds`)}
                    />
                    <LinkPicker
                      id={`mt-agenda-${item.id}-recommendations`}
                      fieldId={meetingFieldId(`agenda.${i}.recommendationIds`)}
                      label={f.recommendationIds}
                      what={t.recommendations}
                      owner={name}
                      options={options.recommendations}
                      selected={item.recommendationIds}
                      onChange={(ids) => setItem(i, { recommendationIds: ids })}
                      disabled={disabled}
                      error={problemOf(`agenda.${i}.recommendationIds`)}
                    />
                  </div>
                </div>
                <div className="row-buttons agenda-buttons">
                  <button
                    type="button"
                    id={`mt-agenda-up-${item.id}`}
                    disabled={disabled || i === 0}
                    aria-label={t.upLabel(name)}
                    onClick={() => move(i, -1)}
                  >
                    {t.up}
                  </button>
                  <button
                    type="button"
                    id={`mt-agenda-down-${item.id}`}
                    disabled={disabled || i === agenda.length - 1}
                    aria-label={t.downLabel(name)}
                    onClick={() => move(i, 1)}
                  >
                    {t.down}
                  </button>
                  <button type="button" disabled={disabled} aria-label={t.removeLabel(name)} onClick={() => void remove(i)}>
                    {meetingsTexts.remove}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <div className="buttons">
        <button type="button" id="mt-agenda-add" disabled={disabled || agenda.length >= 300} onClick={add}>
          {t.add}
        </button>
        <button type="button" disabled={disabled || agenda.length === 0} onClick={renumber}>
          {t.renumber}
        </button>
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </div>
  );
}
