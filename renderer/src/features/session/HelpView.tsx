import { Fragment } from 'react';
import { de } from '@shared/i18n/de';
import { useApp } from '../../appState';

export function HelpView() {
  const { session } = useApp();
  return (
    <section aria-labelledby="help-title">
      <h1 id="help-title">{de.ui.help.title}</h1>
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
