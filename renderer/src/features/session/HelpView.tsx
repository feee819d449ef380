import { Fragment, useEffect } from 'react';
import { helpGuides } from '@shared/core/helpGuides';
import { de } from '@shared/i18n/de';
import { useApp } from '../../appState';

/**
 * The Hilfe: short task guides ("Wie lege ich eine Ratsvorlage an?"), then general notes and the keys.
 * Opened with F1 from a screen, the guide for that screen's task comes first and has the focus.
 */
export function HelpView({ topic }: { topic?: string | undefined }) {
  const { session } = useApp();
  const first = helpGuides.find((g) => g.id === topic);
  const guides = first ? [first, ...helpGuides.filter((g) => g !== first)] : helpGuides;
  useEffect(() => {
    if (first) document.getElementById(`guide-${first.id}`)?.focus();
  }, [first]);
  return (
    <section aria-labelledby="help-title">
      <h1 id="help-title">{de.ui.help.title}</h1>
      <h2>{de.ui.help.guides}</h2>
      {guides.map((g) => (
        <section key={g.id} className="help-guide" aria-labelledby={`guide-${g.id}`}>
          <h3 id={`guide-${g.id}`} tabIndex={-1}>
            {g.title}
            {g === first ? <span className="hint"> – {de.ui.help.forThisScreen}</span> : null}
          </h3>
          <ol>
            {g.steps.map((step) => (
              <li key={step}>{step}</li>
            ))}
          </ol>
        </section>
      ))}
      <h2>{de.ui.help.aboutData}</h2>
      <p>{de.ui.help.dataText}</p>
      {session?.state === 'open' ? (
        <p>
          {de.ui.registerFile}: <span className="path">{session.path}</span>
        </p>
      ) : null}
      {de.ui.help.topics.map(([title, text]) => (
        <Fragment key={title}>
          <h2>{title}</h2>
          <p>{text}</p>
        </Fragment>
      ))}
      <h2>{de.ui.help.keys}</h2>
      <table className="data compact">
        <caption className="visually-hidden">{de.ui.help.keys}</caption>
        <thead>
          <tr>
            <th scope="col">{de.ui.help.key}</th>
            <th scope="col">{de.ui.help.function}</th>
          </tr>
        </thead>
        <tbody>
          {de.ui.help.shortcuts.map(([key, what]) => (
            <tr key={key}>
              <td>
                <kbd>{key}</kbd>
              </td>
              <td>{what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
