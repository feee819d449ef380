import type { Rating } from '@shared/evaluation/evaluation';
import type { GoalAttainment, Implementation } from '@shared/evaluation/progress';
import { formatPercent } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { degreePercent } from './numbers';

const evaluationUiTexts = de.ui.evaluation;

/** "grün – erfolgreich": the word carries the meaning, the coloured dot is only decoration. */
export function ratingText(rating: Rating): string {
  return evaluationUiTexts.rating(evaluationUiTexts.lightWords[rating], de.evaluation.ratings[rating]);
}

export function RatingLabel({ rating }: { rating: Rating | null }) {
  if (!rating) return <span className="rating rating-none">{evaluationUiTexts.notAssessed}</span>;
  return (
    <span className={`rating rating-${rating}`}>
      <span className="light" aria-hidden="true">
        ●
      </span>{' '}
      {ratingText(rating)}
    </span>
  );
}

/** "überwiegend erreicht (82 %)", or "nicht bewertbar" without a number. */
export function goalText(goal: Pick<GoalAttainment, 'degree' | 'level'>): string {
  const word = de.evaluation.goalLevels[goal.level];
  return goal.degree === null ? word : evaluationUiTexts.goal(word, degreePercent(goal.degree));
}

export function GoalLabel({ goal }: { goal: Pick<GoalAttainment, 'degree' | 'level'> }) {
  return <span className={`goal goal-${goal.level}`}>{goalText(goal)}</span>;
}

/** "50 % (aus dem Status)". */
export function implementationText(implementation: Implementation): string {
  return evaluationUiTexts.implementation(
    formatPercent(implementation.percent),
    de.evaluation.implementationSources[implementation.source],
  );
}
