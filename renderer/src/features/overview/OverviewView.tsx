import { useEffect, useState } from 'react';
import type { OverdueMeasure, Overview } from '@shared/overview/overview';
import { formatDate, formatInteger } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { call, errorMessage } from '../../api';
import { useApp, type View } from '../../appState';
import { Notice } from '../../ui/Notice';
import './overview.css';

const overviewTexts = de.overviewUi;

/**
 * Übersicht, the start screen: what needs attention today (overdue measures and decisions, open reviews,
 * next sessions, waiting Anregungen, personal data due) and the register's counts by status and
 * Handlungsfeld. Every entry leads to the screen where the work is done.
 */
export function OverviewView() {
  const { rows, navigate, firstScreenShown } = useApp();
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);

  // Every save reloads the app's lists; the Übersicht follows.
  useEffect(() => {
    let cancelled = false;
    call('getOverview', {})
      .then((o) => !cancelled && (setOverview(o), setError(null)))
      .catch((e) => !cancelled && setError(errorMessage(e)));
    return () => {
      cancelled = true;
    };
  }, [rows]);

  // The start's second step (backup, integrity check) waits until this first screen stands.
  useEffect(() => {
    if (overview || error) firstScreenShown();
  }, [overview, error, firstScreenShown]);

  const go = (view: View) => () => void navigate(view);

  return (
    <section className="overview" aria-labelledby="overview-title">
      <div className="view-head">
        <h1 id="overview-title">{overviewTexts.title}</h1>
      </div>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {!overview ? (
        error ? null : (
          <p>{de.ui.loading}</p>
        )
      ) : (
        <>
          <p className="muted">{overviewTexts.intro(formatDate(overview.today))}</p>
          <div className="overview-grid">
            <OverdueDecisions
              overview={overview}
              open={(id) => void navigate({ name: 'decision', id })}
              showAll={go({ name: 'participation', tab: 'tracking' })}
            />
            <section className="overview-card" aria-labelledby="overview-reviews">
              <h2 id="overview-reviews">{overviewTexts.reviews.heading}</h2>
              <p>{overviewTexts.reviews.open(overview.reviews.open)}</p>
              {overview.reviews.open > 0 ? <p>{overviewTexts.reviews.overdue(overview.reviews.overdue)}</p> : null}
              {overview.reviews.overdueItems.length > 0 ? (
                <ul className="overview-list">
                  {overview.reviews.overdueItems.map((r) => (
                    <li key={r.id}>{overviewTexts.reviews.item(r.reviewer, formatDate(r.dueDate), r.itemCount)}</li>
                  ))}
                </ul>
              ) : null}
              <button type="button" onClick={go({ name: 'reviews' })}>
                {overviewTexts.reviews.showAll}
              </button>
            </section>
            <section className="overview-card" aria-labelledby="overview-proposals">
              <h2 id="overview-proposals">{overviewTexts.proposals.heading}</h2>
              <p>{overviewTexts.proposals.waiting(overview.proposals.waiting)}</p>
              {overview.proposals.waiting > 0 ? (
                <p>{overviewTexts.proposals.waitingWithoutFeedback(overview.proposals.waitingWithoutFeedback)}</p>
              ) : null}
              {overview.proposals.decidedWithoutFeedback > 0 ? (
                <p>{overviewTexts.proposals.decidedWithoutFeedback(overview.proposals.decidedWithoutFeedback)}</p>
              ) : null}
              <button type="button" onClick={go({ name: 'participation', tab: 'proposals' })}>
                {overviewTexts.proposals.showAll}
              </button>
            </section>
            <section className="overview-card" aria-labelledby="overview-privacy">
              <h2 id="overview-privacy">{overviewTexts.privacy.heading}</h2>
              <p>{overviewTexts.privacy.due(overview.privacyDue)}</p>
              <button type="button" onClick={go({ name: 'privacy' })}>
                {overviewTexts.privacy.showAll}
              </button>
            </section>
          </div>
          <div className="overview-wide-blocks">
            <NextMeetings overview={overview} open={(id) => void navigate({ name: 'meeting', id })} />
            <OverdueMeasures
              overview={overview}
              open={(id) => void navigate({ name: 'measure', id })}
              showRegister={go({ name: 'register' })}
            />
          </div>
          <Counts overview={overview} />
        </>
      )}
    </section>
  );
}

function OverdueMeasures({ overview, open, showRegister }: { overview: Overview; open: (id: string) => void; showRegister: () => void }) {
  const { total, items } = overview.overdueMeasures;
  return (
    <section className="overview-card overview-attention" aria-labelledby="overview-overdue">
      <h2 id="overview-overdue">{overviewTexts.overdue.heading(total)}</h2>
      {total === 0 ? (
        <p>{overviewTexts.overdue.none}</p>
      ) : (
        <>
          <p className="hint">{overviewTexts.overdue.intro}</p>
          <div className="table-wrap">
            <table className="data">
              <caption>{overviewTexts.overdue.caption(items.length, total)}</caption>
              <thead>
                <tr>
                  <th scope="col">{overviewTexts.overdue.colNumber}</th>
                  <th scope="col">{overviewTexts.overdue.colTitle}</th>
                  <th scope="col">{overviewTexts.overdue.colStatus}</th>
                  <th scope="col">{overviewTexts.overdue.colWhat}</th>
                </tr>
              </thead>
              <tbody>
                {items.map((m) => (
                  <tr key={m.id}>
                    <td className="nowrap">{m.number}</td>
                    <td>
                      <a
                        href={`#massnahme-${m.id}`}
                        onClick={(e) => {
                          e.preventDefault();
                          open(m.id);
                        }}
                      >
                        {m.title}
                      </a>
                    </td>
                    <td>{m.statusLabel}</td>
                    <td>
                      <WhatIsOverdue measure={m} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {total > items.length ? <p>{overviewTexts.overdue.more(total - items.length)}</p> : null}
          <button type="button" onClick={showRegister}>
            {overviewTexts.overdue.showRegister}
          </button>
        </>
      )}
    </section>
  );
}

function WhatIsOverdue({ measure }: { measure: OverdueMeasure }) {
  const lines: string[] = [];
  if (measure.plannedEnd) lines.push(overviewTexts.overdue.plannedEnd(formatDate(measure.plannedEnd)));
  for (const ms of measure.milestones) lines.push(overviewTexts.overdue.milestone(ms.title, formatDate(ms.dueDate)));
  const more = measure.milestoneCount - measure.milestones.length;
  if (more > 0) lines.push(overviewTexts.overdue.moreMilestones(more));
  return (
    <ul className="overview-what">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}

function OverdueDecisions({ overview, open, showAll }: { overview: Overview; open: (id: string) => void; showAll: () => void }) {
  const { total, items } = overview.overdueDecisions;
  return (
    <section className={total > 0 ? 'overview-card overview-attention' : 'overview-card'} aria-labelledby="overview-decisions">
      <h2 id="overview-decisions">{overviewTexts.decisions.heading(total)}</h2>
      {total === 0 ? (
        <p>{overviewTexts.decisions.none}</p>
      ) : (
        <ul className="overview-list">
          {items.map((d) => (
            <li key={d.id}>
              <a
                href={`#beschluss-${d.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  open(d.id);
                }}
              >
                {d.subject}
              </a>
              <span className="overview-meta">{overviewTexts.decisions.item(d.printNumber, d.body)}</span>
              <span className="overview-meta overview-late">{overviewTexts.decisions.due(formatDate(d.dueDate))}</span>
            </li>
          ))}
        </ul>
      )}
      {total > items.length ? <p>{overviewTexts.decisions.more(total - items.length)}</p> : null}
      <button type="button" onClick={showAll}>
        {overviewTexts.decisions.showAll}
      </button>
    </section>
  );
}

function NextMeetings({ overview, open }: { overview: Overview; open: (id: string) => void }) {
  const { total, items } = overview.nextMeetings;
  return (
    <section className="overview-card" aria-labelledby="overview-meetings">
      <h2 id="overview-meetings">{overviewTexts.meetings.heading}</h2>
      {total === 0 ? (
        <p>{overviewTexts.meetings.none}</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption>{overviewTexts.meetings.caption(items.length, total)}</caption>
            <thead>
              <tr>
                <th scope="col">{overviewTexts.meetings.colDate}</th>
                <th scope="col">{overviewTexts.meetings.colTime}</th>
                <th scope="col">{overviewTexts.meetings.colBody}</th>
                <th scope="col">{overviewTexts.meetings.colNumber}</th>
                <th scope="col">{overviewTexts.meetings.colPlace}</th>
                <th scope="col">{overviewTexts.meetings.colState}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((m) => (
                <tr key={m.id}>
                  <td className="nowrap">{formatDate(m.date)}</td>
                  <td className="nowrap">{m.startTime ? overviewTexts.meetings.time(m.startTime) : ''}</td>
                  <td>{m.body}</td>
                  <td>
                    <a
                      href={`#sitzung-${m.id}`}
                      onClick={(e) => {
                        e.preventDefault();
                        open(m.id);
                      }}
                    >
                      {m.number}
                    </a>
                  </td>
                  <td>{m.place}</td>
                  <td>{de.participation.meetingStates[m.state]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Counts({ overview }: { overview: Overview }) {
  const c = overviewTexts.counts;
  return (
    <section className="overview-counts" aria-labelledby="overview-counts">
      <h2 id="overview-counts">{c.heading}</h2>
      <p className="muted">{overviewTexts.edition(overview.edition.name, overview.measureCount)}</p>
      <div className="overview-count-tables">
        <CountTable
          caption={c.byStatus}
          head={c.colStatus}
          items={overview.byStatus.map((s) => ({ key: s.key, label: s.label, count: s.count }))}
          total={overview.measureCount}
        />
        <CountTable
          caption={c.byActionField}
          head={c.colActionField}
          items={overview.byActionField.map((f) => ({ key: f.id, label: `${f.code} ${f.name}`, count: f.count }))}
          total={overview.measureCount}
        />
      </div>
    </section>
  );
}

function CountTable({
  caption,
  head,
  items,
  total,
}: {
  caption: string;
  head: string;
  items: { key: string; label: string; count: number }[];
  total: number;
}) {
  return (
    <table className="data compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" className="num">
            {overviewTexts.counts.colCount}
          </th>
        </tr>
      </thead>
      <tbody>
        {items.map((s) => (
          <tr key={s.key}>
            <th scope="row">{s.label}</th>
            <td className="num">{formatInteger(s.count)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{overviewTexts.counts.total}</th>
          <td className="num">{formatInteger(total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
