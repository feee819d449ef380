import { useCallback, useEffect, useRef, useState } from 'react';
import type { RegisterReference, RevisionInfo } from '@shared/contract';
import { de } from '@shared/i18n/de';
import { orgUnitLabel } from '@shared/register/orgUnit';
import type { Submission } from '@shared/submissions/submission';
import { diffLines, type FieldDiff, type LineChange } from '@shared/submissions/submissionDiff';
import { formatDateTime } from '@shared/core/format';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';
import { fieldLabel } from './submissionForm';

const submissionsRevisionsTexts = de.ui.submissions.revisions;

/**
 * Versionen: every save kept a revision. Two chosen revisions are compared field by field, long texts line
 * by line ("+ eingefügt", "− entfernt" written out, not told by colour); any revision can be restored
 * as a new version.
 */
export function RevisionsPanel({
  submission,
  isDirty,
  onRestored,
}: {
  submission: Submission;
  isDirty: () => boolean;
  onRestored: (saved: Submission, version: number) => void;
}) {
  const { save, confirm, readOnly, reference } = useApp();
  const [revisions, setRevisions] = useState<RevisionInfo[] | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [result, setResult] = useState<{ from: RevisionInfo; to: RevisionInfo; diffs: FieldDiff[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    const list = await call('listSubmissionRevisions', { id: submission.id });
    setRevisions(list);
    setChosen((current) =>
      current.length === 2 && current.every((c) => list.some((r) => r.id === c)) ? current : list.slice(0, 2).map((r) => r.id),
    );
  }, [submission.id]);

  useEffect(() => {
    load().catch((e) => setError(errorMessage(e)));
  }, [load, submission.version]);

  // A new comparison takes the focus, so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  if (error && !revisions) return <Notice kind="error">{error}</Notice>;
  if (!revisions || !reference) return <p>{de.ui.loading}</p>;
  if (revisions.length === 0) return <p>{submissionsRevisionsTexts.empty}</p>;

  const toggle = (id: string, on: boolean) =>
    setChosen((current) => {
      if (!on) return current.filter((c) => c !== id);
      // A third choice replaces the one chosen first, so two stay chosen.
      const next = [...current.filter((c) => c !== id), id];
      return next.length > 2 ? next.slice(next.length - 2) : next;
    });

  const compare = async () => {
    setError(null);
    const picked = revisions.filter((r) => chosen.includes(r.id)).sort((a, b) => a.version - b.version);
    if (picked.length !== 2) return;
    const [from, to] = picked as [RevisionInfo, RevisionInfo];
    try {
      const diffs = await call('compareSubmissionRevisions', { id: submission.id, fromRevisionId: from.id, toRevisionId: to.id });
      setResult({ from, to, diffs });
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const restore = async (revision: RevisionInfo) => {
    const ok = await confirm({
      title: submissionsRevisionsTexts.restoreTitle,
      text: isDirty()
        ? submissionsRevisionsTexts.restoreConfirmDirty(revision.version)
        : submissionsRevisionsTexts.restoreConfirm(revision.version),
      confirmLabel: submissionsRevisionsTexts.restore,
    });
    if (!ok) return;
    setError(null);
    try {
      const saved = await save(
        () => call('restoreSubmissionRevision', { id: submission.id, version: submission.version, revisionId: revision.id }),
        { text: () => de.ui.submissions.revisions.restored(revision.version) },
      );
      setResult(null);
      onRestored(saved.value, revision.version);
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section aria-labelledby="revisions-title" className="revisions">
      <h2 id="revisions-title">{submissionsRevisionsTexts.title}</h2>
      <p>{submissionsRevisionsTexts.intro}</p>
      {error ? <Notice kind="error">{error}</Notice> : null}
      <table className="data compact">
        <caption className="visually-hidden">{submissionsRevisionsTexts.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{submissionsRevisionsTexts.select}</th>
            <th scope="col">{submissionsRevisionsTexts.version}</th>
            <th scope="col">{submissionsRevisionsTexts.savedAt}</th>
            <th scope="col">{submissionsRevisionsTexts.user}</th>
            <th scope="col">
              <span className="visually-hidden">{submissionsRevisionsTexts.restore}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {revisions.map((r) => (
            <tr key={r.id}>
              <td>
                <input
                  type="checkbox"
                  aria-label={submissionsRevisionsTexts.selectLabel(r.version)}
                  checked={chosen.includes(r.id)}
                  onChange={(e) => toggle(r.id, e.target.checked)}
                />
              </td>
              <td>
                {submissionsRevisionsTexts.version} {r.version} {r.version === submission.version ? submissionsRevisionsTexts.current : ''}
              </td>
              <td className="nowrap">{formatDateTime(r.savedAt)}</td>
              <td>{r.user}</td>
              <td>
                {r.version !== submission.version ? (
                  <button
                    type="button"
                    disabled={readOnly}
                    aria-label={submissionsRevisionsTexts.restoreLabel(r.version)}
                    onClick={() => void restore(r)}
                  >
                    {submissionsRevisionsTexts.restore}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="buttons">
        <button
          type="button"
          className="primary"
          disabled={chosen.length !== 2}
          aria-describedby={chosen.length !== 2 ? 'compare-hint' : undefined}
          onClick={() => void compare()}
        >
          {submissionsRevisionsTexts.compare}
        </button>
        {chosen.length !== 2 ? (
          <span id="compare-hint" className="hint">
            {submissionsRevisionsTexts.compareHint}
          </span>
        ) : null}
      </div>
      {result ? (
        <div className="diff-result">
          <h3 ref={resultRef} tabIndex={-1}>
            {submissionsRevisionsTexts.resultTitle(result.from.version, result.to.version)}
          </h3>
          {result.diffs.length === 0 ? <p>{submissionsRevisionsTexts.noDifference}</p> : null}
          {result.diffs.map((d) => (
            <FieldChange key={d.field} diff={d} reference={reference} />
          ))}
        </div>
      ) : null}
    </section>
  );
}

/** Stored keys and ids shown as the words the form uses. */
function readable(field: FieldDiff['field'], text: string, reference: RegisterReference): string {
  const submissionTexts = de.submission;
  const unit = (id: string) => {
    const u = reference.orgUnits.find((x) => x.id === id);
    return u ? orgUnitLabel(u) : id;
  };
  switch (field) {
    case 'kind':
      return submissionTexts.kinds[text as keyof typeof submissionTexts.kinds] ?? text;
    case 'status':
      return submissionTexts.statuses[text as keyof typeof submissionTexts.statuses] ?? text;
    case 'climateImpact':
      return submissionTexts.climate[text as keyof typeof submissionTexts.climate] ?? text;
    case 'isPublic':
      return text === 'true' ? submissionTexts.publicLabel : text === 'false' ? submissionTexts.nonPublicLabel : text;
    case 'departmentOrgUnitId':
    case 'leadOrgUnitId':
      return text ? unit(text) : text;
    case 'involvedOrgUnitIds':
    case 'linkedMeasureIds': {
      try {
        const ids = JSON.parse(text || '[]') as string[];
        return field === 'involvedOrgUnitIds' ? ids.map(unit).join('\n') : ids.join('\n');
      } catch {
        return text;
      }
    }
    default:
      return text;
  }
}

/** Runs of unchanged lines longer than this are shortened to their first and last lines. */
const CONTEXT = 2;

function FieldChange({ diff, reference }: { diff: FieldDiff; reference: RegisterReference }) {
  const before = readable(diff.field, diff.before, reference);
  const after = readable(diff.field, diff.after, reference);
  const lines = shorten(diffLines(before, after));
  return (
    <section className="field-diff">
      <h4>{fieldLabel(diff.field)}</h4>
      <ul className="diff">
        {lines.map((line, i) =>
          line.kind === 'skipped' ? (
            <li key={i} className="diff-skipped">
              {submissionsRevisionsTexts.skipped(line.count)}
            </li>
          ) : line.kind === 'added' ? (
            <li key={i} className="diff-added">
              <span className="diff-mark">{submissionsRevisionsTexts.added}:</span>{' '}
              <ins>{line.text || submissionsRevisionsTexts.emptyValue}</ins>
            </li>
          ) : line.kind === 'removed' ? (
            <li key={i} className="diff-removed">
              <span className="diff-mark">{submissionsRevisionsTexts.removed}:</span>{' '}
              <del>{line.text || submissionsRevisionsTexts.emptyValue}</del>
            </li>
          ) : (
            <li key={i} className="diff-same">
              <span className="visually-hidden">{submissionsRevisionsTexts.unchanged}: </span>
              {line.text}
            </li>
          ),
        )}
      </ul>
    </section>
  );
}

type ShownLine = LineChange | { kind: 'skipped'; count: number };

function shorten(lines: LineChange[]): ShownLine[] {
  const out: ShownLine[] = [];
  let i = 0;
  while (i < lines.length) {
    if (lines[i]!.kind !== 'same') {
      // A changed passage reads best as "what was removed", then "what was inserted".
      let j = i;
      while (j < lines.length && lines[j]!.kind !== 'same') j++;
      const hunk = lines.slice(i, j);
      out.push(...hunk.filter((l) => l.kind === 'removed'), ...hunk.filter((l) => l.kind === 'added'));
      i = j;
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j]!.kind === 'same') j++;
    const run = lines.slice(i, j);
    const keepStart = i === 0 ? 0 : CONTEXT;
    const keepEnd = j === lines.length ? 0 : CONTEXT;
    if (run.length > keepStart + keepEnd + 1) {
      out.push(
        ...run.slice(0, keepStart),
        { kind: 'skipped', count: run.length - keepStart - keepEnd },
        ...run.slice(run.length - keepEnd),
      );
    } else out.push(...run);
    i = j;
  }
  return out;
}
