import type { SubmissionRow } from '@shared/contract';
import type { AgendaItem, Meeting, RecommendationRecord } from '@shared/participation/participation';
import { de } from '@shared/i18n/de';
import { TextArea } from '../../ui/fields';
import { meetingFieldId, type MeetingForm, type RecommendationForm as RecFormState } from './meetingForm';
import { RecommendationForm } from './RecommendationForm';

const meetingsTexts = de.meetingsUi;
const t = meetingsTexts.minutes;
const f = meetingsTexts.agenda.field;

/**
 * Niederschrift: the course and the result of each TOP, the Empfehlungen made there, and the button that
 * opens the recommendation form pre-filled with session, TOP, body and date.
 */
export function MinutesSection(props: {
  form: MeetingForm;
  setItem: (i: number, patch: Partial<AgendaItem>) => void;
  problemOf: (field: string) => string | undefined;
  disabled: boolean;
  busy: boolean;
  recommendations: readonly RecommendationRecord[];
  recForm: { agendaItemId: string; initial: RecFormState } | null;
  meetings: readonly Meeting[];
  submissions: readonly SubmissionRow[];
  recommendationNumbers: readonly string[];
  onCreateRecommendation: (agendaItemId: string) => void;
  onRecommendationSaved: (saved: RecommendationRecord) => void;
  onRecommendationCancel: () => void;
  onRecommendationDirty: (dirty: boolean) => void;
}) {
  const { form, setItem, problemOf, disabled, busy, recommendations, recForm } = props;

  return (
    <>
      <p className="hint">{t.intro}</p>
      {form.agenda.length === 0 ? <p className="muted">{meetingsTexts.agenda.empty}</p> : null}
      {form.agenda.map((item, i) => {
        const label = meetingsTexts.agenda.label(item.number.trim() || String(i + 1));
        const headingId = `mt-minutes-${item.id}`;
        const made = recommendations.filter((r) => r.agendaItemId === item.id);
        return (
          <section key={item.id} className="minutes-item" aria-labelledby={headingId}>
            <h3 id={headingId}>{meetingsTexts.agenda.legend(item.number.trim() || String(i + 1), item.title.trim())}</h3>
            <div className="grid">
              <TextArea
                id={meetingFieldId(`agenda.${i}.minutes`)}
                error={problemOf(`agenda.${i}.minutes`)}
                disabled={disabled}
                label={f.minutes}
                value={item.minutes}
                onChange={(v) => setItem(i, { minutes: v })}
                rows={4}
              />
              <TextArea
                id={meetingFieldId(`agenda.${i}.result`)}
                error={problemOf(`agenda.${i}.result`)}
                disabled={disabled}
                label={f.result}
                value={item.result}
                onChange={(v) => setItem(i, { result: v })}
                rows={2}
              />
            </div>
            <div className="top-recs">
              <h4 id={`${headingId}-recs`}>{t.fromTop}</h4>
              {made.length === 0 ? (
                <p className="muted">{t.noneFromTop}</p>
              ) : (
                <ul aria-labelledby={`${headingId}-recs`}>
                  {made.map((r) => (
                    <li key={r.id}>{t.recommendationLine(r.number, r.title, de.participation.recommendationStates[r.state])}</li>
                  ))}
                </ul>
              )}
              {recForm?.agendaItemId === item.id ? (
                <RecommendationForm
                  idPrefix={`mt-rec-${item.id}`}
                  record={null}
                  initial={recForm.initial}
                  meetings={props.meetings}
                  submissions={props.submissions}
                  existingNumbers={props.recommendationNumbers}
                  onSaved={props.onRecommendationSaved}
                  onCancel={props.onRecommendationCancel}
                  onDirtyChange={props.onRecommendationDirty}
                />
              ) : (
                <button
                  type="button"
                  id={`mt-rec-create-${item.id}`}
                  disabled={disabled || busy || recForm !== null}
                  aria-label={t.createRecommendationLabel(label)}
                  onClick={() => props.onCreateRecommendation(item.id)}
                >
                  {t.createRecommendation}
                </button>
              )}
            </div>
          </section>
        );
      })}
    </>
  );
}
