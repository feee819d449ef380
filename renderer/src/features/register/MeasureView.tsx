import { useEffect, useState } from 'react';
import { de } from '@shared/i18n/de';
import { districtName } from '@shared/register/districts';
import type { Measure } from '@shared/register/measure';
import { orgUnitLabel } from '@shared/register/orgUnit';
import { formatDate, formatDateTime, formatMoney } from '@shared/core/format';
import { call, errorMessage } from '../../api';
import { useApp } from '../../appState';
import { Notice } from '../../ui/Notice';
import { IndicatorsPanel } from '../evaluation/IndicatorsPanel';
import { MeasureFigures, useMeasureEvaluation } from '../evaluation/MeasureFigures';
import { HistoryTable } from '../../ui/HistoryTable';
import { measureHistory } from './history';
import { measureOverdue } from '@shared/overview/overview';
import { localDay } from '@shared/core/calendar';
import { StatusDialog } from './StatusDialog';
import { EditionNote, MeasureLineage } from '../editions/MeasureLineage';
import { isReplacedEdition } from '../editions/editionInfo';
import { ItemReviewPanel } from '../review/ItemReviewPanel';
import { MeasureParticipation } from '../proposals/MeasureParticipation';
import { TabList } from '../../ui/TabList';
import { ListStepper } from '../../ui/ListStepper';
import { LISTS, updateListPlace } from '../../ui/listMemory';

const measureTexts = de.ui.measure;
const f = measureTexts.field;
const MEASURE_TABS = ['details', 'indicators', 'history'] as const;

/** Read view of one measure with its history; edit and Papierkorb from here. */
export function MeasureView({ id, tab }: { id: string; tab: 'details' | 'indicators' | 'history' }) {
  const { reference, navigate, save, confirm, readOnly, rows } = useApp();
  const [measure, setMeasure] = useState<Measure | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [changingStatus, setChangingStatus] = useState(false);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const evaluation = useMeasureEvaluation(measure);

  useEffect(() => {
    call('getMeasure', { id })
      .then(setMeasure)
      .catch((e) => setError(errorMessage(e)));
  }, [id, rows]);

  if (error) return <Notice kind="error">{error}</Notice>;
  if (!measure || !reference) return <p>{de.ui.loading}</p>;

  const unit = (uid: string | null) => {
    const u = reference.orgUnits.find((x) => x.id === uid);
    return u ? orgUnitLabel(u) : '';
  };
  const field = reference.actionFields.find((x) => x.id === measure.actionFieldId);
  const status = reference.statuses.find((s) => s.key === measure.status);
  const linked = rows.find((r) => r.id === measure.linkedMeasureId);
  const late = measure.deletedAt ? null : measureOverdue(measure, reference.statuses, localDay());
  // Measures of an abgelöste Fassung are history: no edit, no Papierkorb.
  const replaced = isReplacedEdition(reference, measure.actionFieldId);

  const remove = async () => {
    const ok = await confirm({
      title: measureTexts.delete.replace(' …', ''),
      text: measureTexts.deleteConfirm(measure.number, measure.title),
      confirmLabel: measureTexts.delete.replace(' …', ''),
    });
    if (!ok) return;
    try {
      // Undo takes it out of the Papierkorb again, only as it was moved there (the move adds one version).
      await save(() => call('deleteMeasure', { id: measure.id, version: measure.version }), {
        text: () => measureTexts.deleted(measure.number),
        undo: () => call('restoreMeasure', { id: measure.id, version: measure.version + 1 }),
      });
      await navigate({ name: 'register' });
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };

  const rowsOf: [string, React.ReactNode][] = [
    [f.actionFieldId, field ? `${field.code} ${field.name}` : ''],
    [f.type, de.ui.types[measure.type]],
    [
      f.status,
      status ? (
        <>
          {de.ui.measurePage.statusValue(status.label, status.defaultPercent)}
          <span className="hint block">{de.ui.measurePage.statusPercentHint}</span>
        </>
      ) : (
        measure.status
      ),
    ],
    [f.statusReason, measure.statusReason],
    [f.linkedMeasureId, linked ? `${linked.number} ${linked.title}` : ''],
    [f.leadOrgUnitId, unit(measure.leadOrgUnitId)],
    [f.involvedOrgUnitIds, measure.involvedOrgUnitIds.map(unit).join('; ')],
    [f.districts, measure.districts.map(districtName).join(', ')],
    [de.ui.measureHistory.field.quarter!, measure.quarter],
    [f.plannedStart, formatDate(measure.plannedStart)],
    [f.plannedEnd, formatDate(measure.plannedEnd)],
    [f.actualStart, formatDate(measure.actualStart)],
    [f.actualEnd, formatDate(measure.actualEnd)],
    [f.shortText, measure.shortText],
    [f.description, measure.description],
    [f.preventionGoal, measure.preventionGoal],
    [f.projectGoal, measure.projectGoal],
    [
      f.originKind,
      `${de.ui.originKinds[measure.origin.kind]}${measure.origin.reference ? ` – ${measure.origin.reference}` : ''}${measure.origin.printNumber ? ` (DS-Nr. ${measure.origin.printNumber})` : ''}`,
    ],
    [de.ui.measureHistory.field.tags!, measure.tags.join(', ')],
    [measureTexts.created, formatDateTime(measure.createdAt)],
    [measureTexts.updated, `${formatDateTime(measure.updatedAt)} (${measureTexts.version} ${measure.version})`],
  ];

  return (
    <article aria-labelledby="measure-title">
      <div className="view-head">
        <h1 id="measure-title">
          {measure.number} {measure.title}
        </h1>
        <div className="buttons">
          <ListStepper
            listKey={LISTS.register}
            id={id}
            labelOf={(other) => {
              const row = rows.find((r) => r.id === other);
              return row ? `${row.number} ${row.title}` : '';
            }}
            onGo={(other) => void navigate({ name: 'measure', id: other, tab })}
          />
          <button
            type="button"
            onClick={() => {
              updateListPlace(LISTS.register, { selectedId: id, focusSelected: true });
              void navigate({ name: 'register' });
            }}
          >
            {measureTexts.back}
          </button>
          <button
            type="button"
            disabled={readOnly || !!measure.deletedAt || replaced}
            aria-haspopup="dialog"
            onClick={() => {
              setConfirmation(null);
              setChangingStatus(true);
            }}
          >
            {de.ui.statusChange.open}
          </button>
          <button
            type="button"
            className="primary"
            disabled={readOnly || !!measure.deletedAt || replaced}
            onClick={() => void navigate({ name: 'edit', id })}
          >
            {measureTexts.edit}
          </button>
          <button type="button" className="danger" disabled={readOnly || !!measure.deletedAt || replaced} onClick={() => void remove()}>
            {measureTexts.delete}
          </button>
        </div>
      </div>
      {message ? <Notice kind="error">{message}</Notice> : null}
      <p className="confirmation" role="status" aria-live="polite">
        {confirmation}
      </p>
      {changingStatus ? (
        <StatusDialog
          measure={measure}
          onClose={(text) => {
            setChangingStatus(false);
            if (text) setConfirmation(text);
          }}
        />
      ) : null}
      {late ? (
        <Notice kind="warning">
          <strong>{de.ui.measurePage.overdueTitle}:</strong>{' '}
          {[
            late.plannedEnd ? de.ui.measurePage.overdueEnd(formatDate(late.plannedEnd)) : '',
            late.missed.length > 0
              ? de.ui.measurePage.overdueMilestones(late.missed.map((m) => de.ui.measurePage.milestone(m.title, formatDate(m.dueDate))))
              : '',
          ]
            .filter(Boolean)
            .join(' ')}
        </Notice>
      ) : null}
      <EditionNote actionFieldId={measure.actionFieldId} />
      {evaluation.error ? <Notice kind="error">{evaluation.error}</Notice> : null}
      <MeasureFigures evaluation={evaluation} />
      <ItemReviewPanel kind="measure" id={id} />
      <TabList
        label={measure.number}
        idPrefix="measure"
        tabs={MEASURE_TABS}
        selected={tab}
        onSelect={(t) => void navigate({ name: 'measure', id, tab: t })}
        render={(t) =>
          t === 'details'
            ? measureTexts.details
            : t === 'history'
              ? measureTexts.history
              : evaluation.indicators
                ? de.ui.evaluation.indicators.tabCount(evaluation.indicators.length)
                : de.ui.evaluation.indicators.tab
        }
      />
      {tab === 'details' ? (
        <div role="tabpanel" id="measure-panel-details" aria-labelledby="measure-tab-details">
          <dl className="details">
            {rowsOf
              .filter(([, v]) => v !== '' && v !== null)
              .map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
          </dl>
          <MeasureLineage id={measure.id} />
          <MeasureParticipation measureId={measure.id} />
          {measure.budget.length > 0 && (
            <table className="data compact">
              <caption>{f.budget}</caption>
              <thead>
                <tr>
                  <th scope="col">{f.year}</th>
                  <th scope="col" className="num">
                    {f.planned}
                  </th>
                  <th scope="col" className="num">
                    {f.approved}
                  </th>
                  <th scope="col" className="num">
                    {f.spent}
                  </th>
                  <th scope="col">{f.fundingSource}</th>
                  <th scope="col">{f.budgetPosition}</th>
                </tr>
              </thead>
              <tbody>
                {measure.budget.map((b) => (
                  <tr key={`${b.year}-${b.fundingSource}`}>
                    <td>{b.year}</td>
                    <td className="num">{formatMoney(b.plannedCents)}</td>
                    <td className="num">{formatMoney(b.approvedCents)}</td>
                    <td className="num">{formatMoney(b.spentCents)}</td>
                    <td>{de.ui.fundingSources[b.fundingSource]}</td>
                    <td>{b.budgetPosition}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {measure.decisions.length > 0 && (
            <table className="data compact">
              <caption>{f.decisions}</caption>
              <thead>
                <tr>
                  <th scope="col">{f.printNumber}</th>
                  <th scope="col">{f.body}</th>
                  <th scope="col">{f.date}</th>
                  <th scope="col">{f.kind}</th>
                  <th scope="col">{f.note}</th>
                </tr>
              </thead>
              <tbody>
                {measure.decisions.map((d, i) => (
                  <tr key={i}>
                    <td>{d.printNumber ? `DS-Nr. ${d.printNumber}` : ''}</td>
                    <td>{d.body}</td>
                    <td>{formatDate(d.date)}</td>
                    <td>{de.ui.decisionKinds[d.kind]}</td>
                    <td>{d.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {measure.milestones.length > 0 && (
            <table className="data compact">
              <caption>{f.milestones}</caption>
              <thead>
                <tr>
                  <th scope="col">{f.milestoneTitle}</th>
                  <th scope="col">{f.dueDate}</th>
                  <th scope="col">{f.doneDate}</th>
                </tr>
              </thead>
              <tbody>
                {measure.milestones.map((x, i) => (
                  <tr key={i}>
                    <td>{x.title}</td>
                    <td>{formatDate(x.dueDate)}</td>
                    <td>{x.doneDate ? formatDate(x.doneDate) : measureTexts.milestoneOpen}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ) : tab === 'indicators' ? (
        <div role="tabpanel" id="measure-panel-indicators" aria-labelledby="measure-tab-indicators">
          {evaluation.indicators ? <IndicatorsPanel measure={measure} indicators={evaluation.indicators} /> : <p>{de.ui.loading}</p>}
        </div>
      ) : (
        <div role="tabpanel" id="measure-panel-history" aria-labelledby="measure-tab-history">
          <HistoryTable entityId={id} {...measureHistory({ reference, rows })} />
        </div>
      )}
    </article>
  );
}
