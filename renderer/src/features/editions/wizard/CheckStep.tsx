import { useEffect, useRef } from 'react';
import { MEASURE_DECISIONS } from '@shared/editions/fortschreibungModel';
import type { FieldProblem } from '@shared/register/rules';
import { de } from '@shared/i18n/de';
import { problemTarget } from '../editionInfo';
import type { StepProps } from './stepProps';

const editionsWizardTexts = de.editions.ui.wizard;

/**
 * Step 4: what will be created, the check (problems as links to the control to fix, in the wizard's order)
 * and "Fortschreibung anwenden". The check runs when the step opens.
 */
export function CheckStep(
  props: StepProps & {
    problems: FieldProblem[] | null;
    busy: boolean;
    onCheck: () => void;
    onApply: () => void;
    onGoTo: (path: string) => void;
  },
) {
  const { fields, problems, busy, onCheck, onApply, onGoTo, readOnly } = props;
  const summaryRef = useRef<HTMLDivElement>(null);
  const checkedOnce = useRef(false);
  useEffect(() => {
    if (checkedOnce.current) return;
    checkedOnce.current = true;
    onCheck();
  }, [onCheck]);
  useEffect(() => {
    if (problems && problems.length > 0) summaryRef.current?.focus();
  }, [problems]);
  const counts = MEASURE_DECISIONS.map((a) => [a, fields.decisions.filter((d) => d.action === a).length] as const);
  return (
    <>
      <h2>{editionsWizardTexts.checkTitle}</h2>
      <p>{editionsWizardTexts.summary(fields.edition.name.trim() || de.editions.unnamedDraft, fields.fields.length)}</p>
      <table className="data compact">
        <caption>{editionsWizardTexts.summaryCounts}</caption>
        <tbody>
          {counts.map(([action, n]) => (
            <tr key={action}>
              <th scope="row">{de.editions.actions[action].replace(' …', '')}</th>
              <td className="num">{n}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="buttons">
        <button type="button" id="fs-check" disabled={busy} onClick={onCheck}>
          {busy ? editionsWizardTexts.checking : editionsWizardTexts.check}
        </button>
        <button type="button" className="primary" disabled={readOnly || busy || problems === null || problems.length > 0} onClick={onApply}>
          {editionsWizardTexts.apply}
        </button>
      </div>
      {problems && problems.length === 0 ? (
        <p role="status" className="check-ok">
          {editionsWizardTexts.noProblems}
        </p>
      ) : null}
      {problems && problems.length > 0 ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={summaryRef} aria-labelledby="fs-problems-title">
          <p id="fs-problems-title">{editionsWizardTexts.problems(problems.length)}</p>
          <ul>
            {problems.map((p, i) => (
              <li key={`${p.field}-${i}`}>
                <a
                  href={`#${problemTarget(p.field).elementId}`}
                  onClick={(e) => {
                    e.preventDefault();
                    onGoTo(p.field);
                  }}
                >
                  {editionsWizardTexts.problemIn(editionsWizardTexts.steps[problemTarget(p.field).step]!, p.message)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
