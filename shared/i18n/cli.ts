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
    id: 'Kennung der Vorlage (siehe list submissions --json)',
    idValue: 'KENNUNG',
    number: 'Drucksache-Nr. der Vorlage, z. B. 12534-18 oder 12534-18-E1',
    numberValue: 'NNNNN-JJ[-E1]',
    out: 'Zieldatei (.docx, bei --format oparl .json)',
    outValue: 'DATEI',
    format: 'docx (Word, Voreinstellung) oder oparl (OParl-1.1-JSON, dazu die Word-Datei daneben)',
    formatValue: 'docx|oparl',
    draft: 'Auch eine unvollständige Vorlage exportieren; sie wird in der Kopfzeile als ENTWURF gekennzeichnet',
    force: 'Eine vorhandene Zieldatei überschreiben',
  },

  commands: {
    init: 'Legt ein neues Register an; eine vorhandene Datei wird nie überschrieben.',
    validate: 'Prüft eine Registerdatei, ohne sie zu verändern.',
    stats: 'Zählt Maßnahmen nach Status, Handlungsfeld und Stadtbezirk und summiert die Budgets.',
    listMeasures: 'Listet die Maßnahmen auf (ohne Papierkorb).',
    listSubmissions: 'Listet die Ratsvorlagen auf (ohne Papierkorb).',
    exportSubmission: 'Exportiert eine Ratsvorlage als Word-Dokument oder als OParl-JSON; eine unvollständige Vorlage nur mit --draft.',
  },

  submissions: {
    headers: ['Drucksache-Nr.', 'Datum', 'Vorlagenart', 'Betreff', 'Status', 'Öffentlichkeit', 'Maßnahmen'],
    none: 'Das Register enthält keine Vorlagen (ohne Papierkorb).',
    total: (n: number) => `${count(n, 'Vorlage', 'Vorlagen')} (ohne Papierkorb)`,
  },

  export: {
    idOrNumber: 'Bitte genau eine der Optionen --id oder --number angeben.',
    badNumber: (value: string) => `„${value}“ ist keine Drucksache-Nr. (Form 12345-18 oder 12345-18-E1).`,
    badFormat: (value: string) => `Unbekanntes Format „${value}“. Möglich: docx, oparl.`,
    notFound: (what: string) => `Es gibt keine Vorlage ${what}. Eine Übersicht zeigt: masterplan list submissions --store DATEI`,
    inTrash: (what: string) => `Die Vorlage ${what} liegt im Papierkorb und wird nicht exportiert.`,
    byId: (id: string) => `mit der Kennung ${id}`,
    byNumber: (number: string) => `mit der Drucksache-Nr. ${number}`,
    exists: (file: string) => `Es wurde nichts geschrieben. Die Datei gibt es bereits: ${file}\nZum Überschreiben bitte --force angeben.`,
    incomplete: (n: number) =>
      `Es wurde nichts geschrieben. Die Vorlage ist noch nicht vollständig (${count(n, 'Punkt', 'Punkte')} offen):`,
    draftHint: 'Mit --draft wird sie trotzdem exportiert und als ENTWURF gekennzeichnet.',
    draftNote: (n: number) => `Hinweis: als ENTWURF exportiert; ${count(n, 'Punkt ist', 'Punkte sind')} noch offen.`,
    written: (file: string, kb: string) => `Geschrieben: ${file} (${kb})`,
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
