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
    baseUrl:
      'OParl-Basisadresse: wo die exportierten Dateien veröffentlicht werden (bei --format oparl; ohne sie gilt die aus den Einstellungen der App)',
    baseUrlValue: 'URL',
    includeUnpublished: 'Bei --format oparl auch eine nichtöffentliche oder nicht freigegebene Vorlage ausgeben',
    force: 'Eine vorhandene Zieldatei überschreiben',
    from: 'Die Tabelle, aus der importiert wird (.xlsx, .xls, .ods oder .csv)',
    fromValue: 'TABELLE',
    dryRun: 'Probelauf: jede Zeile prüfen und das Ergebnis zeigen, aber nichts schreiben',
    sheet: 'Tabellenblatt, aus dem importiert wird (ohne Angabe das erste)',
    sheetValue: 'BLATT',
    round: 'Kennung oder Name der Evaluationsrunde; ohne Angabe die neueste Runde',
    roundValue: 'KENNUNG',
    field: 'Nur dieses Handlungsfeld (Kürzel wie HF2 oder Kennung)',
    fieldValue: 'HF',
    district: 'Nur Maßnahmen in diesem Stadtbezirk (Kürzel wie IN oder Name)',
    districtValue: 'BEZIRK',
    status: 'Nur Maßnahmen mit diesem Status (Schlüssel wie in_umsetzung oder Bezeichnung)',
    statusValue: 'STATUS',
    withPersonalData:
      'Auch personenbezogene Daten exportieren (Spalte „Bewertet von“, vollständiger Pfad der Registerdatei); wird im Änderungsprotokoll des Registers vermerkt, dazu darf das Register nicht geöffnet sein',
    outXlsx: 'Zieldatei (.xlsx)',
    outXlsxValue: 'DATEI.xlsx',
    outDocx: 'Zieldatei (.docx)',
    outDocxValue: 'DATEI.docx',
    user: 'Name für das Änderungsprotokoll und die Sperre (ohne Angabe: der Name aus den Einstellungen der App, sonst der vollständige Name des Benutzerkontos; nie der Anmeldename)',
    userValue: '"VORNAME NAME"',
  },

  commands: {
    init: 'Legt ein neues Register an; eine vorhandene Datei wird nie überschrieben.',
    validate: 'Prüft eine Registerdatei, ohne sie zu verändern.',
    stats: 'Zählt Maßnahmen nach Status, Handlungsfeld und Stadtbezirk und summiert die Budgets.',
    listMeasures: 'Listet die Maßnahmen auf (ohne Papierkorb).',
    listSubmissions: 'Listet die Ratsvorlagen auf (ohne Papierkorb).',
    importMeasures: 'Importiert neue Maßnahmen aus einer Tabelle; alle Zeilen oder keine. Spalten werden an den Überschriften erkannt.',
    importValues:
      'Importiert Istwerte von Kennzahlen (Maßnahme, Kennzahl, Jahr, Wert) aus einer Tabelle; vorhandene Werte desselben Jahres werden ersetzt.',
    importProposals:
      'Importiert Anregungen (Eingang, Text, Quelle, Quartierslabor, Status …) aus einer Tabelle; alle Zeilen oder keine. Leere Nummern werden vergeben, Spalten mit Namen oder Kontaktdaten nie übernommen.',
    exportSubmission: 'Exportiert eine Ratsvorlage als Word-Dokument oder als OParl-JSON; eine unvollständige Vorlage nur mit --draft.',
    exportEvaluation:
      'Exportiert die Evaluationstabellen einer Runde als Excel-Arbeitsmappe (Übersicht, Maßnahmen, Kennzahlen, Finanzen, Stadtbezirke, Legende).',
    exportEvaluationReport: 'Exportiert den Evaluationsbericht einer Runde als Word-Dokument für die Gremien.',
  },

  submissions: {
    headers: ['Drucksache-Nr.', 'Datum', 'Vorlagenart', 'Betreff', 'Status', 'Öffentlichkeit', 'Maßnahmen'],
    none: 'Das Register enthält keine Vorlagen (ohne Papierkorb).',
    total: (n: number) => `${count(n, 'Vorlage', 'Vorlagen')} (ohne Papierkorb)`,
  },

  export: {
    /** Progress on stderr (terminal only) while a workbook is written. */
    writingWorkbook: 'Excel-Datei wird geschrieben …',
    idOrNumber: 'Bitte genau eine der Optionen --id oder --number angeben.',
    badNumber: (value: string) => `„${value}“ ist keine Drucksache-Nr. (Form 12345-18 oder 12345-18-E1).`,
    badFormat: (value: string) => `Unbekanntes Format „${value}“. Möglich: docx, oparl.`,
    baseUrlMissing:
      'Für --format oparl fehlt die OParl-Basisadresse: --base-url URL angeben oder sie in der App unter Einstellungen eintragen (dort gilt sie für alle Exporte dieses Benutzers).',
    baseUrlFromSettings: (url: string) => `OParl-Basisadresse aus den Einstellungen: ${url}`,
    baseUrlOnlyOparl: '--base-url gilt nur mit --format oparl.',
    includeUnpublishedHint: 'Mit --include-unpublished wird sie trotzdem als OParl ausgegeben.',
    extensionMismatch: (file: string, extension: string) =>
      `„${file}“ passt nicht zum Format: erwartet wird eine Datei mit der Endung ${extension} (oder ein Name ohne Endung, sie wird dann ergänzt).`,
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

  evaluation: {
    unknownRound: (value: string) => `Es wurde nichts geschrieben. Es gibt keine Evaluationsrunde „${value}“.`,
    availableRounds: (list: string) => `Vorhandene Runden: ${list}`,
    noRounds: 'Das Register enthält keine Evaluationsrunde.',
    roundListEntry: (id: string, name: string) => `${id} („${name}“)`,
    ambiguousRound: (value: string) =>
      `Es wurde nichts geschrieben. Mehrere Evaluationsrunden heißen „${value}“; bitte die Kennung angeben.`,
    unknownField: (value: string) => `Es wurde nichts geschrieben. Es gibt kein Handlungsfeld „${value}“.`,
    availableFields: (list: string) => `Vorhandene Handlungsfelder: ${list}`,
    unknownStatus: (value: string) => `Es wurde nichts geschrieben. Es gibt keinen Status „${value}“.`,
    availableStatuses: (list: string) => `Vorhandene Status: ${list}`,
    unknownDistrict: (value: string, list: string) => `Unbekannter Stadtbezirk „${value}“. Möglich: ${list}.`,
    badExtension: (option: string, extension: string) => `Die Zieldatei (${option}) muss auf ${extension} enden.`,
    round: (name: string) => `Evaluationsrunde: ${name}`,
    newestRound: (name: string) => `Evaluationsrunde: ${name} (die neueste; eine andere mit --round KENNUNG)`,
    noRound: 'Evaluationsrunde: keine (das Register enthält keine Runde; ohne Bewertungen exportiert)',
    content: (measures: number, indicators: number, values: number) =>
      `Inhalt: ${count(measures, 'Maßnahme', 'Maßnahmen')}, ${count(indicators, 'Kennzahl', 'Kennzahlen')}, ${count(values, 'Wert', 'Werte')}.`,
    filters: (list: string) => `Filter: ${list}`,
    empty: 'Hinweis: Keine Maßnahme entspricht der Auswahl; die Tabellen enthalten nur die Überschriften.',
    personalData:
      'Hinweis: Die Datei enthält personenbezogene Daten (Spalte „Bewertet von“ und den vollständigen Pfad der Registerdatei). Bitte nur für den dienstlichen Gebrauch weitergeben und nicht veröffentlichen.',
  },

  import: {
    fileRefused: (file: string) => `Es wurde nichts importiert. Die Tabelle „${file}“ kann nicht gelesen werden:`,
    source: (file: string, sheet: string, headerRow: number, rows: number) =>
      `Tabelle: ${file}, Blatt „${sheet}“, Überschriften in Zeile ${headerRow.toLocaleString('de-DE')}, ${count(rows, 'Datenzeile', 'Datenzeilen')}`,
    csvSource: (file: string, separator: string, encoding: string, rows: number) =>
      `Tabelle: ${file} (CSV, Trennzeichen ${separator}, ${encoding}), ${count(rows, 'Datenzeile', 'Datenzeilen')}`,
    mapping: 'Zuordnung der Spalten:',
    mappingLine: (field: string, header: string) => `  ${field} ← ${header}`,
    unmapped: (headers: string) => `Nicht verwendete Spalten: ${headers}`,
    mappingProblems: 'Es wurde nichts importiert. Die Spalten passen nicht:',
    foundHeaders: (headers: string) => `Gefundene Überschriften: ${headers}`,
    rowsWithErrors: (errors: number, rows: number) =>
      `Es wurde nichts importiert. ${count(errors, 'Zeile', 'Zeilen')} von ${rows.toLocaleString('de-DE')} ${errors === 1 ? 'hat' : 'haben'} Fehler:`,
    fixHint: 'Bitte korrigieren Sie die Tabelle und rufen Sie den Befehl erneut auf (mit --dry-run nur prüfen).',
    noRows: 'Es wurde nichts importiert. Die Tabelle enthält unter den Überschriften keine Datenzeilen.',
    rowsHeading: 'Zeilen:',
    row: (row: number, summary: string) => `  Zeile ${row.toLocaleString('de-DE')}: ${summary}`,
    moreRows: (n: number) => `  … und ${count(n, 'weitere Zeile', 'weitere Zeilen')}`,
    measuresSummary: (n: number) => `Ergebnis: ${count(n, 'neue Maßnahme', 'neue Maßnahmen')}.`,
    proposalsSummary: (n: number) => `Ergebnis: ${count(n, 'neue Anregung', 'neue Anregungen')}.`,
    valuesSummary: (added: number, replaced: number, unchanged: number) =>
      `Ergebnis: ${count(added, 'Wert neu', 'Werte neu')}, ${count(replaced, 'Wert ersetzt', 'Werte ersetzt')}, ${count(unchanged, 'Wert unverändert', 'Werte unverändert')}.`,
    dryRun: 'Probelauf: Es wurde nichts geschrieben. Ohne --dry-run wird so importiert.',
    written: (rows: number, file: string, id: string) =>
      `Importiert: ${count(rows, 'Zeile', 'Zeilen')} in ${file} (Import-Kennung ${id}; in der Anwendung unter Evaluation → Import rückgängig zu machen).`,
    locked: (user: string, host: string, since: string) =>
      `Es wurde nichts importiert. Das Register ist gerade von ${user} auf ${host} geöffnet (seit ${since}). Bitte dort schließen oder den Import in der Anwendung ausführen.`,
    staleLockTaken: (user: string, host: string) => `Hinweis: Die veraltete Sperre von ${user} auf ${host} wurde übernommen.`,
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
    participation: 'Gremien & Beteiligung (ohne Papierkorb)',
    meetings: 'Sitzungen',
    upcomingMeetings: 'davon ab heute',
    openRecommendations: 'Empfehlungen offen oder in Bearbeitung',
    labs: 'Quartierslabore',
    proposalsInState: (state: string) => `Anregungen ${state}`,
    decisions: 'Beschlüsse in der Beschlussverfolgung',
    openDecisions: 'davon nicht erledigt oder aufgehoben',
    overdueDecisions: 'davon überfällig',
  },

  list: {
    headers: ['Nr.', 'Titel', 'HF', 'Status', 'Federführung', 'Stadtbezirke', 'Zeitraum', 'Budget geplant'],
    allDistricts: 'alle Stadtbezirke',
    none: 'Das Register enthält keine Maßnahmen (ohne Papierkorb).',
    total: (n: number) => `${count(n, 'Maßnahme', 'Maßnahmen')} (ohne Papierkorb)`,
    from: (date: string) => `ab ${date}`,
    until: (date: string) => `bis ${date}`,
  },

  /** `review create` and `review merge` (offline review, docs/review.md). */
  review: {
    commands: {
      create: 'Erstellt ein Prüfpaket (.mpreview) mit ausgewählten Maßnahmen und Vorlagen und vermerkt den Versand im Register.',
      merge:
        'Liest ein zurückgekommenes Prüfpaket ein: zeigt zuerst jede Anmerkung und übernimmt dann, was ohne Entscheidung übernommen werden kann.',
    },
    options: {
      reviewer: 'Name der prüfenden Person',
      reviewerValue: 'NAME',
      measures: 'Maßnahmen nach Nummer, durch Komma getrennt (z. B. HF1-01,HF2-07)',
      measuresValue: 'NR,…',
      submissions: 'Ratsvorlagen nach Kennung oder Drucksache-Nr., durch Komma getrennt',
      submissionsValue: 'KENNUNG,…',
      due: 'Fälligkeitsdatum',
      dueValue: 'TT.MM.JJJJ',
      message: 'Nachricht an die prüfende Person',
      messageValue: 'TEXT',
      out: 'Zieldatei des Prüfpakets (.mpreview)',
      outValue: 'DATEI.mpreview',
      from: 'Das zurückgekommene Prüfpaket (.mpreview)',
      fromValue: 'DATEI.mpreview',
      dryRun: 'Probelauf: die Vorschau zeigen, aber nichts schreiben',
      acceptUnrecorded: 'Ein Paket einlesen, dessen Versand das Register nicht vermerkt hat (dann wird kein Vorschlag übernommen)',
      force: 'Eine vorhandene Zieldatei überschreiben',
    },
    noItems: 'Bitte mit --measures und/oder --submissions angeben, was geprüft werden soll.',
    badDue: (value: string) => `„${value}“ ist kein Datum im Format TT.MM.JJJJ.`,
    outExtension: 'Die Zieldatei muss auf .mpreview enden.',
    unknownMeasures: (list: string) =>
      `Diese Maßnahmen gibt es nicht (oder sie liegen im Papierkorb): ${list}. Eine Übersicht zeigt: masterplan list measures --store DATEI`,
    unknownSubmissions: (list: string) =>
      `Diese Vorlagen gibt es nicht (oder sie liegen im Papierkorb): ${list}. Eine Übersicht zeigt: masterplan list submissions --store DATEI`,
    exists: (file: string) => `Es wurde nichts geschrieben. Die Datei gibt es bereits: ${file}\nZum Überschreiben bitte --force angeben.`,
    locked: (user: string, host: string, since: string) =>
      `Es wurde nichts geschrieben. Das Register ist geöffnet von ${user} auf ${host} seit ${since}. Bitte dort schließen und erneut versuchen.`,
    staleLockTaken: (user: string, host: string) => `Hinweis: Die veraltete Sperre von ${user} auf ${host} wurde übernommen.`,
    created: (file: string, items: number, reviewer: string) =>
      `Prüfpaket geschrieben: ${file} (${count(items, 'Eintrag', 'Einträge')} für ${reviewer})`,
    due: (date: string) => `fällig am ${date}`,
    packageId: (id: string) => `Paketkennung: ${id}`,
    refused: (file: string) => `Das Prüfpaket „${file}“ wird nicht übernommen; es wurde nichts geschrieben.`,
    previewHeading: (reviewer: string, returned: string) => `Prüfung durch ${reviewer}, zurückgegeben am ${returned}:`,
    duplicate: (date: string, user: string) => `Dieses Prüfpaket wurde bereits am ${date} von ${user} eingelesen. Es wird nichts geändert.`,
    notRecorded:
      'Hinweis: Das Register hat keinen Eintrag über den Versand dieses Pakets. Die Prüfsumme ist keine Unterschrift; das Paket kann nachgemacht sein.',
    unrecordedRefused:
      'Das Register hat keinen Eintrag über den Versand dieses Pakets; es wird nicht eingelesen. Wenn Sie sicher sind, woher es stammt: --accept-unrecorded (dann wird kein Vorschlag übernommen, nur Kommentare eingetragen; Vorschläge entscheiden Sie in der App).',
    noEntries: '  (keine Anmerkungen)',
    entry: (item: string, kind: string, where: string, outcome: string) => `  ${item} · ${kind}${where ? ` · ${where}` : ''}: ${outcome}`,
    text: (text: string) => `      „${text}“`,
    values: (base: string, current: string, proposed: string) =>
      `      Stand im Paket: ${base} | jetzt: ${current} | Vorschlag: ${proposed}`,
    itemProblems: (item: string, problems: string) => `  Achtung bei ${item}: ${problems}`,
    summary: (entries: number, applied: number, open: number, reported: number) =>
      `${count(entries, 'Anmerkung', 'Anmerkungen')}: ${applied} werden übernommen, ${open} bleiben als offene Kommentare zur Entscheidung im Programm, ${reported} nur gemeldet.`,
    dryRun: 'Probelauf: Es wurde nichts geschrieben.',
    written: (applied: number, file: string, id: string) =>
      `Übernommen: ${count(applied, 'Anmerkung', 'Anmerkungen')} in ${file} (Import ${id}; rückgängig zu machen in der Anwendung unter Prüfungen).`,
    nothingWritten: 'Es wurde nichts geschrieben.',
  },

  /** `list editions`, `export editions` (issue 6). */
  editions: {
    listSummary: 'Listet die Fassungen des Masterplans auf (Stand, Drucksache, Handlungsfelder, Maßnahmen).',
    exportSummary: 'Exportiert den Vergleich zweier Fassungen als Excel-Tabelle (.xlsx) oder Word-Anlage (.docx).',
    from: 'Kennung der bisherigen Fassung (siehe list editions)',
    to: 'Kennung der neuen Fassung, die aus ihr fortgeschrieben wurde',
    idValue: 'KENNUNG',
    out: 'Zieldatei; die Endung bestimmt das Format: .xlsx (Excel) oder .docx (Word)',
    headers: ['Kennung', 'Name', 'Drucksache-Nr.', 'Beschlossen am', 'Stand', 'HF', 'Maßnahmen', 'aus Fassung'],
    current: ' (aktuell)',
    total: (n: number) => `${count(n, 'Fassung', 'Fassungen')}; die aktuelle ist mit (aktuell) markiert.`,
    drafts: (n: number) => `${count(n, 'begonnene Fortschreibung', 'begonnene Fortschreibungen')} (noch nicht angewendet).`,
    badExtension: (file: string) => `Die Zieldatei „${file}“ muss auf .xlsx oder .docx enden.`,
    unknownEdition: (id: string) =>
      `Es gibt keine Fassung mit der Kennung ${id}. Eine Übersicht zeigt: masterplan list editions --store DATEI`,
    summary: (counts: string) => `Vergleich: ${counts}`,
  },

  /** `export session`, `export proposals`, `export tracking` (Gremien & Beteiligung). */
  participation: {
    commands: {
      session: 'Exportiert die Einladung mit Tagesordnung oder die Niederschrift einer Sitzung als Word-Dokument.',
      proposals:
        'Exportiert die Anregungen und Quartierslabore als Excel-Arbeitsmappe (Übersicht je Stadtbezirk, Anregungen, Quartierslabore).',
      tracking: 'Exportiert die Beschlussverfolgung (Frist, federführend, Stand) als Excel-Tabelle, auf Wunsch für ein Halbjahr.',
    },
    options: {
      id: 'Kennung der Sitzung',
      kind: 'einladung (Einladung mit Tagesordnung) oder niederschrift',
      kindValue: 'einladung|niederschrift',
      part: 'nur Niederschrift: oeffentlich (Standard, zur Veröffentlichung) oder nichtoeffentlich (eigenes Dokument)',
      partValue: 'oeffentlich|nichtoeffentlich',
      personalData:
        'Auch die Kontakte für die Rückmeldung exportieren (personenbezogene Daten: Name, Kanal, Kontakt, Einwilligung); wird im Änderungsprotokoll des Registers vermerkt, dazu darf das Register nicht geöffnet sein',
      halfYear: 'Nur dieses Halbjahr, z. B. 2026-1 (1. Halbjahr 2026) oder 2026-2; ohne Angabe alle Beschlüsse',
      halfYearValue: 'JJJJ-H',
    },
    badKind: (value: string) => `Unbekannte Art „${value}“. Möglich: einladung, niederschrift.`,
    badPart: (value: string) => `Unbekannter Teil „${value}“. Möglich (nur mit --kind niederschrift): oeffentlich, nichtoeffentlich.`,
    badHalfYear: (value: string) => `„${value}“ ist kein Halbjahr. Bitte in der Form 2026-1 oder 2026-2 angeben.`,
    unknownMeeting: (id: string) => `Es wurde nichts geschrieben. Es gibt keine Sitzung mit der Kennung „${id}“.`,
    meetingInTrash: (id: string) => `Es wurde nichts geschrieben. Die Sitzung „${id}“ liegt im Papierkorb.`,
    availableMeetings: (list: string) => `Vorhandene Sitzungen: ${list}`,
    moreMeetings: (n: number) => `… und ${count(n, 'weitere', 'weitere')}`,
    noMeetings: 'Das Register enthält keine Sitzung.',
    meetingListEntry: (id: string, body: string, number: string, date: string) => `${id} (${body}, ${number}, ${date})`,
    meeting: (kind: string, body: string, number: string, date: string) => `${kind}: ${body}, ${number} am ${date}`,
    /** On stderr: which sender the letter carries (the app's setting "Absender für Briefe"). */
    senderFromSettings: (address: string, contact: string) =>
      `Absender für Briefe aus den Einstellungen: ${address}${contact ? ` (Ansprechpartner/in: ${contact})` : ''}`,
    senderExample: (address: string) =>
      `Absender für Briefe: Beispielangaben (${address}), es sind noch keine eigenen gespeichert. Bitte prüfen und in der App unter Einstellungen eintragen, bevor Sie den Brief versenden.`,
    proposalsContent: (proposals: number, labs: number) =>
      `Inhalt: ${count(proposals, 'Anregung', 'Anregungen')} (ohne Papierkorb), ${count(labs, 'Quartierslabor', 'Quartierslabore')}.`,
    personalData:
      'Hinweis: Die Datei enthält personenbezogene Daten (Kontakte für die Rückmeldung). Bitte nur für den dienstlichen Gebrauch weitergeben, nicht veröffentlichen und nach Gebrauch löschen.',
    period: (label: string) => `Zeitraum: ${label}`,
    allPeriods: 'Zeitraum: alle Beschlüsse (ein Halbjahr mit --halbjahr 2026-1)',
    trackingContent: (rows: number, overdue: number) =>
      `Inhalt: ${count(rows, 'Beschluss', 'Beschlüsse')}, davon ${overdue.toLocaleString('de-DE')} überfällig.`,
  },

  /** `export evaluation --with-personal-data`, `export proposals --mit-personenbezug`: the choice goes into the audit trail. */
  personalDataRecord: {
    locked: (user: string, host: string, since: string) =>
      `Es wurde nichts geschrieben. Das Register ist geöffnet von ${user} auf ${host} seit ${since}. Ein Export mit personenbezogenen Daten wird im Änderungsprotokoll des Registers vermerkt; das geht nur, wenn es nirgends geöffnet ist. Bitte dort schließen und erneut versuchen, ohne personenbezogene Daten exportieren oder den Export in der Anwendung ausführen.`,
    staleLockTaken: (user: string, host: string) => `Hinweis: Die veraltete Sperre von ${user} auf ${host} wurde übernommen.`,
    nothingWritten: 'Es wurde nichts geschrieben.',
    recorded: (file: string) => `Im Änderungsprotokoll des Registers vermerkt: Export mit personenbezogenen Daten („${file}“).`,
    notRecorded: (reason: string) =>
      `Der Export mit personenbezogenen Daten konnte nicht im Änderungsprotokoll des Registers vermerkt werden. ${reason}`,
    removed: (file: string) => `Die Datei wurde deshalb wieder gelöscht: ${file}`,
    notRemoved: (file: string) => `Die Datei konnte nicht wieder gelöscht werden. Bitte löschen Sie sie selbst: ${file}`,
  },

  unexpected: (message: string) => `Unerwarteter Fehler: ${message}`,
} as const;
