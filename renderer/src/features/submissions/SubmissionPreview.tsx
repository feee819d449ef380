import { Fragment, memo, type ReactNode } from 'react';
import type { RegisterReference } from '@shared/contract';
import { de } from '@shared/i18n/de';
import { orgUnitLabel } from '@shared/register/orgUnit';
import type { Block, Run } from '@shared/core/richText';
import type { MeasureRow } from '@shared/register/search';
import { formatPrintNumber, type SubmissionFields } from '@shared/submissions/submission';
import { formatDate, formatMoney } from '@shared/core/format';

const submissionsEditorPreviewTexts = de.ui.submissions.editor.preview;
const submissionTexts = de.submission;

/**
 * The document as it will read, built as semantic HTML from the same blocks the Word export uses
 * (headings, lists, tables; React elements only, never injected HTML). It is its own text alternative.
 */
export const SubmissionPreview = memo(function SubmissionPreview({
  fields,
  reference,
  rows,
}: {
  fields: SubmissionFields;
  reference: RegisterReference;
  rows: readonly MeasureRow[];
}) {
  const unit = (id: string | null) => {
    const u = reference.orgUnits.find((x) => x.id === id);
    return u ? orgUnitLabel(u) : '';
  };
  const body = (id: string | null) => reference.bodies.find((b) => b.id === id)?.name ?? '';
  const number = formatPrintNumber(fields);
  const head: [string, string][] = [
    [submissionsEditorPreviewTexts.printNumber, number || submissionsEditorPreviewTexts.noNumber],
    [submissionsEditorPreviewTexts.date, formatDate(fields.date)],
    [submissionsEditorPreviewTexts.kind, submissionTexts.kinds[fields.kind]],
    [submissionsEditorPreviewTexts.visibility, fields.isPublic ? submissionTexts.publicLabel : submissionTexts.nonPublicLabel],
    [submissionsEditorPreviewTexts.department, unit(fields.departmentOrgUnitId)],
    [submissionsEditorPreviewTexts.lead, unit(fields.leadOrgUnitId)],
    [submissionsEditorPreviewTexts.involved, fields.involvedOrgUnitIds.map(unit).filter(Boolean).join('; ')],
    [submissionsEditorPreviewTexts.author, fields.author],
    [submissionsEditorPreviewTexts.fileReference, fields.fileReference],
  ];
  const financeSum = (key: 'investiveCents' | 'consumptiveCents') => fields.finances.rows.reduce((sum, r) => sum + (r[key] ?? 0), 0);
  const measures = fields.linkedMeasureIds.map((id) => rows.find((r) => r.id === id)).filter((r): r is MeasureRow => r !== undefined);

  return (
    <section className="doc-preview" aria-labelledby="preview-title" tabIndex={0}>
      <h2 id="preview-title">{submissionsEditorPreviewTexts.title}</h2>
      <div className="doc-page" lang="de">
        {!fields.isPublic ? <p className="doc-nonpublic">{submissionTexts.nonPublicLabel}</p> : null}
        <dl className="doc-head">
          {head
            .filter(([, v]) => v !== '')
            .map(([k, v]) => (
              <div key={k}>
                <dt>{k}:</dt>
                <dd>{v}</dd>
              </div>
            ))}
        </dl>
        <p className="doc-subject">
          <strong>{submissionsEditorPreviewTexts.subject}:</strong> {fields.subject || submissionsEditorPreviewTexts.empty}
        </p>

        <h3>{submissionTexts.sections.consultations}</h3>
        {fields.consultations.length === 0 ? (
          <p className="muted">{submissionsEditorPreviewTexts.empty}</p>
        ) : (
          <table className="doc-table">
            <thead>
              <tr>
                <th scope="col">{submissionsEditorPreviewTexts.consultationCol.body}</th>
                <th scope="col">{submissionsEditorPreviewTexts.consultationCol.date}</th>
                <th scope="col">{submissionsEditorPreviewTexts.consultationCol.role}</th>
                <th scope="col">{submissionsEditorPreviewTexts.consultationCol.result}</th>
              </tr>
            </thead>
            <tbody>
              {fields.consultations.map((c) => (
                <tr key={c.id}>
                  <td>{body(c.bodyId)}</td>
                  <td className="nowrap">{formatDate(c.sessionDate)}</td>
                  <td className="nowrap">{submissionTexts.roles[c.role]}</td>
                  <td className="words">{c.result === 'offen' ? '' : submissionTexts.results[c.result]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <h3>{submissionTexts.sections.resolution}</h3>
        {fields.resolutions.length === 0 ? <p className="muted">{submissionsEditorPreviewTexts.empty}</p> : null}
        {fields.resolutions.map((r, i) => (
          <div key={`${r.bodyId ?? 'all'}-${i}`}>
            {r.bodyId ? <h4>{body(r.bodyId)}</h4> : null}
            <p className="doc-pre">{r.text}</p>
          </div>
        ))}

        <h3>{submissionTexts.sections.statement}</h3>
        {fields.statement.length === 0 ? (
          <p className="muted">{submissionsEditorPreviewTexts.empty}</p>
        ) : (
          <Blocks blocks={fields.statement} />
        )}

        <h3>{submissionTexts.sections.finances}</h3>
        {!fields.finances.hasImpact ? (
          <p>{submissionTexts.financesNone}</p>
        ) : (
          <>
            <table className="doc-table">
              <thead>
                <tr>
                  <th scope="col">{submissionsEditorPreviewTexts.financeCol.year}</th>
                  <th scope="col" className="num">
                    {submissionsEditorPreviewTexts.financeCol.investive}
                  </th>
                  <th scope="col" className="num">
                    {submissionsEditorPreviewTexts.financeCol.consumptive}
                  </th>
                </tr>
              </thead>
              <tbody>
                {fields.finances.rows.map((r, i) => (
                  <tr key={i}>
                    <td>{Number.isFinite(r.year) && r.year > 0 ? r.year : ''}</td>
                    <td className="num">{formatMoney(r.investiveCents ?? 0)}</td>
                    <td className="num">{formatMoney(r.consumptiveCents ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{submissionsEditorPreviewTexts.financeTotal}</th>
                  <td className="num">{formatMoney(financeSum('investiveCents'))}</td>
                  <td className="num">{formatMoney(financeSum('consumptiveCents'))}</td>
                </tr>
              </tfoot>
            </table>
            {fields.finances.coverage ? (
              <p className="doc-pre">
                <strong>{submissionsEditorPreviewTexts.coverage}:</strong> {fields.finances.coverage}
              </p>
            ) : null}
          </>
        )}

        <h3>{submissionTexts.sections.personnel}</h3>
        <p className="doc-pre">{fields.personnel.trim() || submissionTexts.personnelNone}</p>

        <h3>{submissionTexts.sections.climate}</h3>
        <p>
          {fields.climateImpact
            ? submissionsEditorPreviewTexts.climate(submissionTexts.climate[fields.climateImpact])
            : submissionsEditorPreviewTexts.climateOpen}
        </p>
        {fields.climateReason ? <p className="doc-pre">{fields.climateReason}</p> : null}

        {fields.extraSections.map((x) => (
          <div key={x.id}>
            <h3>{x.title || submissionsEditorPreviewTexts.empty}</h3>
            <Blocks blocks={x.body} />
          </div>
        ))}

        {fields.cosignatures.length > 0 ? (
          <>
            <h3>{submissionTexts.sections.cosignatures}</h3>
            <table className="doc-table">
              <thead>
                <tr>
                  <th scope="col">{submissionsEditorPreviewTexts.cosignCol.org}</th>
                  <th scope="col">{submissionsEditorPreviewTexts.cosignCol.person}</th>
                  <th scope="col">{submissionsEditorPreviewTexts.cosignCol.date}</th>
                  <th scope="col">{submissionsEditorPreviewTexts.cosignCol.vote}</th>
                </tr>
              </thead>
              <tbody>
                {fields.cosignatures.map((c) => (
                  <tr key={c.id}>
                    <td>{unit(c.orgUnitId)}</td>
                    <td>{c.person}</td>
                    <td className="nowrap">{formatDate(c.date)}</td>
                    <td>{submissionTexts.votes[c.vote]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}

        {fields.attachments.length > 0 ? (
          <>
            <h3>{submissionTexts.sections.attachments}</h3>
            <ol>
              {fields.attachments.map((a) => (
                <li key={a.id}>{a.title}</li>
              ))}
            </ol>
          </>
        ) : null}

        {measures.length > 0 ? (
          <>
            <h3>{submissionTexts.sections.measures}</h3>
            <table className="doc-table">
              <thead>
                <tr>
                  <th scope="col">{submissionsEditorPreviewTexts.measureCol.number}</th>
                  <th scope="col">{submissionsEditorPreviewTexts.measureCol.title}</th>
                  <th scope="col">{submissionsEditorPreviewTexts.measureCol.status}</th>
                </tr>
              </thead>
              <tbody>
                {measures.map((m) => (
                  <tr key={m.id}>
                    <td className="nowrap">{m.number}</td>
                    <td>{m.title}</td>
                    <td>{m.statusLabel}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : null}
      </div>
    </section>
  );
});

/** Rich-text blocks as HTML; the text's own headings sit below the section heading (h4–h6). */
export function Blocks({ blocks }: { blocks: readonly Block[] }) {
  return (
    <>
      {blocks.map((b, i) => {
        switch (b.type) {
          case 'heading': {
            const Tag = (['h4', 'h5', 'h6'] as const)[b.level - 1]!;
            return <Tag key={i}>{b.text}</Tag>;
          }
          case 'paragraph':
            return (
              <p key={i}>
                <Runs runs={b.runs} />
              </p>
            );
          case 'bulletList':
            return (
              <ul key={i}>
                {b.items.map((item, j) => (
                  <li key={j}>
                    <Runs runs={item} />
                  </li>
                ))}
              </ul>
            );
          case 'numberedList':
            return (
              <ol key={i}>
                {b.items.map((item, j) => (
                  <li key={j}>
                    <Runs runs={item} />
                  </li>
                ))}
              </ol>
            );
          case 'table':
            return <RichTable key={i} rows={b.rows} />;
        }
      })}
    </>
  );
}

/** Text with its line breaks (Umschalt+Eingabe in the editor, several lines in a cell), as in the Word file. */
function Lines({ text }: { text: string }): ReactNode {
  return text.split('\n').map((line, i) => (
    <Fragment key={i}>
      {i > 0 ? <br /> : null}
      {line}
    </Fragment>
  ));
}

function Runs({ runs }: { runs: readonly Run[] }): ReactNode {
  return runs.map((r, i) => {
    const text = <Lines text={r.text} />;
    const italic = r.italic ? <em>{text}</em> : text;
    return r.bold ? <strong key={i}>{italic}</strong> : <span key={i}>{italic}</span>;
  });
}

/** The first row is the header row, as in the Word export. */
function RichTable({ rows }: { rows: readonly (readonly string[])[] }) {
  const [header, ...body] = rows;
  const width = Math.max(...rows.map((r) => r.length));
  const pad = (row: readonly string[]) => [...row, ...Array<string>(width - row.length).fill('')];
  return (
    <table className="doc-table">
      <thead>
        <tr>
          {pad(header ?? []).map((cell, i) => (
            <th key={i} scope="col">
              <Lines text={cell} />
            </th>
          ))}
        </tr>
      </thead>
      {body.length > 0 ? (
        <tbody>
          {body.map((row, i) => (
            <tr key={i}>
              {pad(row).map((cell, j) => (
                <td key={j}>
                  <Lines text={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      ) : null}
    </table>
  );
}
