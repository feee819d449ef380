/** Texts of the audit trail (Verlauf). Part of `de` (shared/i18n/de.ts), German first. */

export const historyTexts = {
  title: 'Verlauf',
  empty: 'Noch keine Änderungen aufgezeichnet.',
  loadOlder: (n: number) =>
    n === 1 ? 'Älteren Eintrag laden (1 weiterer)' : `Ältere Einträge laden (${n.toLocaleString('de-DE')} weitere)`,
  caption: 'Änderungen an dieser Maßnahme, neueste zuerst',
  when: 'Wann',
  who: 'Wer',
  what: 'Was',
  field: 'Feld',
  old: 'vorher',
  new: 'nachher',
  actions: {
    create: 'angelegt',
    update: 'geändert',
    delete: 'in den Papierkorb gelegt',
    restore: 'wiederhergestellt',
    migrate: 'Format umgewandelt',
    import: 'importiert',
    undo: 'Import rückgängig gemacht',
    comment: 'kommentiert (Prüfung)',
    vote: 'Votum (Prüfung)',
    resolve: 'Kommentar erledigt/geöffnet',
    export: 'exportiert (mit personenbezogenen Daten)',
    anonymise: 'anonymisiert (Aufbewahrungsfrist abgelaufen)',
  },
  emptyValue: '(leer)',
} as const;

export const auditTexts = {
  migrated: (from: number, to: number) => `Dateiformat von Version ${from} auf ${to} umgewandelt`,
} as const;
