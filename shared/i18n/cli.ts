/**
 * German texts of the command line; all user-visible text lives in shared/i18n/. Messages about the
 * register file itself come from de.ts (`de.store`, `de.integrity`, …) so they read the same as in the app.
 */
const count = (n: number, one: string, many: string) => `${n.toLocaleString('de-DE')} ${n === 1 ? one : many}`;

export const cli = {
  program: 'masterplan',
  title: 'masterplan – Kommandozeile zum Masterplan-Register Kommunale Sicherheit',
  usageHeading: 'Aufruf:',
  usageLine: 'masterplan <Befehl> [Optionen]',
  commandsHeading: 'Befehle:',
  optionsHeading: 'Optionen:',
  helpOption: 'Diese Hilfe anzeigen',
  exitCodes: 'Rückgabewerte: 0 = in Ordnung, 1 = abgelehnt oder Datei ungültig, 2 = falscher Aufruf.',
  commandHelpHint: (command: string) => `Hilfe zu einem Befehl: masterplan ${command} --help`,

  usage: {
    prefix: 'masterplan:',
    hint: 'Aufruf und Befehle: masterplan --help',
    noCommand: 'Bitte einen Befehl angeben.',
    unknownCommand: (words: string) => `Unbekannter Befehl „${words}“.`,
    incompleteCommand: (words: string, options: string[]) => `Unvollständiger Befehl „${words}“. Möglich: ${options.join(', ')}.`,
    optionBeforeCommand: (option: string) => `Die Option ${option} steht vor dem Befehl. Bitte zuerst den Befehl angeben.`,
    unknownOption: (option: string, command: string) => `Unbekannte Option ${option} für „${command}“.`,
    missingValue: (option: string, valueName: string) => `Bei ${option} fehlt der Wert (${valueName}).`,
    noValueExpected: (option: string) => `Die Option ${option} erwartet keinen Wert.`,
    repeated: (option: string) => `Die Option ${option} ist mehrfach angegeben.`,
    missingOption: (option: string, valueName: string) => `Die Option ${option} ${valueName} fehlt.`,
    unexpectedArgument: (arg: string, command: string) => `Unerwartetes Argument „${arg}“ für „${command}“.`,
  },

  options: {
    store: 'Pfad der Registerdatei (.json)',
    storeValue: 'DATEI',
    sample: 'Beispieldaten statt eines leeren Registers',
    json: 'Ausgabe als JSON (Beträge in Cent) statt als Tabelle',
  },

  commands: {
    init: 'Legt ein neues Register an; eine vorhandene Datei wird nie überschrieben.',
    validate: 'Prüft eine Registerdatei, ohne sie zu verändern.',
    stats: 'Zählt Maßnahmen nach Status, Handlungsfeld und Stadtbezirk und summiert die Budgets.',
    listMeasures: 'Listet die Maßnahmen auf (ohne Papierkorb).',
  },

  file: {
    isDirectory: 'Unter diesem Pfad liegt ein Ordner, keine Datei.',
    migrationNote: (from: number, to: number) =>
      `Hinweis: Die Datei hat das ältere Dateiformat ${from}. Die Anwendung wandelt sie beim nächsten Öffnen in Format ${to} um (vorher legt sie eine Sicherung an). Die Datei wurde hier nicht verändert.`,
    integrityWarning: (n: number) =>
      `Warnung: Das Register hat ${count(n, 'Unstimmigkeit', 'Unstimmigkeiten')}. Einzelheiten: masterplan validate --store DATEI`,
  },

  init: {
    created: (file: string) => `Register angelegt: ${file}`,
    emptyContent: (fields: number, units: number) =>
      `Inhalt: leeres Register mit ${count(fields, 'Handlungsfeld', 'Handlungsfeldern')} und ${count(units, 'Organisationseinheit', 'Organisationseinheiten')}.`,
    sampleContent: (measures: number) => `Inhalt: Beispieldaten mit ${count(measures, 'Maßnahme', 'Maßnahmen')}.`,
    registerId: (id: string) => `Registerkennung: ${id}`,
    exists: (file: string) => `Es wurde nichts angelegt. An diesem Ort gibt es bereits eine Datei: ${file}`,
    sampleMissing: (file: string, problem: string) => `Die Beispieldaten „${file}“ können nicht gelesen werden. ${problem}`,
    failed: (problem: string) => `Das Register wurde nicht angelegt. ${problem}`,
  },

  validate: {
    valid: (measures: number, deleted: number, fields: number, units: number, audit: number) =>
      `Register ist gültig: ${count(measures, 'Maßnahme', 'Maßnahmen')}` +
      (deleted > 0 ? ` (davon ${deleted.toLocaleString('de-DE')} im Papierkorb)` : '') +
      `, ${count(fields, 'Handlungsfeld', 'Handlungsfelder')}, ${count(units, 'Organisationseinheit', 'Organisationseinheiten')}, ${count(audit, 'Protokolleintrag', 'Protokolleinträge')}.`,
    file: (file: string) => `Datei: ${file}`,
    invalid: (file: string) => `Register ist nicht gültig: ${file}`,
    inconsistent: (file: string, n: number) =>
      `Register hat ${count(n, 'Unstimmigkeit', 'Unstimmigkeiten')}: ${file}\n(Die Anwendung öffnet es, zeigt diese aber als Warnung an.)`,
  },

  stats: {
    register: 'Register',
    file: 'Datei',
    sample: ' (Beispieldaten)',
    measures: 'Maßnahmen',
    active: 'aktiv',
    deleted: 'im Papierkorb',
    total: 'gesamt',
    byStatus: 'Nach Status (ohne Papierkorb)',
    byActionField: 'Nach Handlungsfeld (ohne Papierkorb)',
    byDistrict: 'Nach Stadtbezirk (ohne Papierkorb; eine Maßnahme kann mehrere Bezirke betreffen)',
    withoutDistrict: 'ohne Stadtbezirk',
    unknownActionField: '(unbekanntes Handlungsfeld)',
    budget: 'Budget (ohne Papierkorb)',
    planned: 'geplant',
    approved: 'bewilligt',
    spent: 'ausgegeben',
  },

  list: {
    headers: ['Nr.', 'Titel', 'HF', 'Status', 'Federführung', 'Stadtbezirke', 'Zeitraum', 'Budget geplant'],
    allDistricts: 'alle Stadtbezirke',
    none: 'Das Register enthält keine Maßnahmen (ohne Papierkorb).',
    total: (n: number) => `${count(n, 'Maßnahme', 'Maßnahmen')} (ohne Papierkorb)`,
    from: (date: string) => `ab ${date}`,
    until: (date: string) => `bis ${date}`,
  },

  unexpected: (message: string) => `Unerwarteter Fehler: ${message}`,
} as const;
