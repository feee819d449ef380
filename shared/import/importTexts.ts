/**
 * Texts of the spreadsheet import (`de.import`): file problems, field names for the column mapping,
 * row messages and the preview summaries. Kept in its own file and mounted into de.ts, like every other
 * user-visible text reachable as `de.import.…`.
 */
const n = (value: number) => value.toLocaleString('de-DE');
const plural = (count: number, one: string, many: string) => `${n(count)} ${count === 1 ? one : many}`;

export const importTexts = {
  kinds: { measures: 'Maßnahmen', values: 'Kennzahlenwerte', proposals: 'Anregungen' },

  file: {
    unsupportedType: (extension: string) =>
      `Dateien vom Typ „${extension || 'ohne Endung'}“ können nicht importiert werden. Möglich sind Excel (.xlsx, .xls), LibreOffice (.ods) und CSV (.csv).`,
    isDirectory: 'Unter diesem Pfad liegt ein Ordner, keine Datei.',
    empty: 'Die Datei ist leer.',
    tooLarge: (mib: number, maxMib: number) =>
      `Die Datei ist mit ${n(mib)} MiB zu groß für einen Import (höchstens ${n(maxMib)} MiB). Bitte teilen Sie sie auf.`,
    unpackedTooLarge: (maxMb: number) =>
      `Die Datei wird beim Entpacken größer als ${n(maxMb)} MiB und wird deshalb nicht gelesen. Bitte speichern Sie nur die benötigte Tabelle in einer neuen Datei.`,
    encrypted:
      'Die Arbeitsmappe ist mit einem Kennwort geschützt. Bitte öffnen Sie sie in Excel oder LibreOffice, speichern Sie sie ohne Kennwort und importieren Sie sie dann.',
    notSpreadsheet:
      'Die Datei ist keine lesbare Tabelle (Excel, LibreOffice oder CSV). Vielleicht ist sie beschädigt oder hat eine falsche Endung.',
    tooManyRows: (max: number, count: number | null) =>
      `Die Tabelle hat ${count !== null && count > max ? n(count) : `mehr als ${n(max)}`} Zeilen; importiert werden höchstens ${n(max)}. Bitte teilen Sie sie auf.`,
    tooManyCells: 'Die Tabelle enthält zu viele gefüllte Zellen für einen Import. Bitte teilen Sie sie auf.',
    sheetNotFound: (sheet: string) => `Das Tabellenblatt „${sheet}“ gibt es in der Datei nicht.`,
    noFittingSheet: (kind: string, sheets: readonly string[]) =>
      `Kein Tabellenblatt hat die Spalten für ${kind}. Die Datei enthält: ${sheets.map((s) => `„${s}“`).join(', ')}. Bitte wählen Sie das Blatt (in der Befehlszeile mit --sheet).`,
    sheetEmpty: (sheet: string) => `Das Tabellenblatt „${sheet}“ ist leer.`,
    timeout: (seconds: number) =>
      `Das Lesen der Datei hat länger als ${seconds === 1 ? '1 Sekunde' : `${n(seconds)} Sekunden`} gedauert und wurde abgebrochen. Die Datei ist zu groß oder ungewöhnlich aufgebaut.`,
    outOfMemory: 'Die Datei braucht zum Lesen zu viel Arbeitsspeicher und wurde nicht gelesen. Bitte teilen Sie sie auf.',
    unreadable: 'Die Datei konnte nicht gelesen werden. Es wurde nichts geändert.',
    expired: 'Die gewählte Datei ist nicht mehr geladen. Bitte wählen Sie sie erneut aus.',
  },

  /** Names of the importable fields, as the mapping dialog and the messages show them. */
  fields: {
    number: 'Nummer',
    title: 'Titel',
    actionField: 'Handlungsfeld',
    type: 'Art',
    status: 'Status',
    statusReason: 'Begründung zum Status',
    leadOrgUnit: 'Federführung',
    involvedOrgUnits: 'Beteiligte',
    districts: 'Stadtbezirke',
    quarter: 'Quartier / Ort',
    plannedStart: 'Beginn',
    plannedEnd: 'Ende',
    budget: 'Budget geplant',
    budgetYear: 'Haushaltsjahr',
    shortText: 'Kurzbeschreibung',
    description: 'Beschreibung',
    preventionGoal: 'Präventionsziel',
    projectGoal: 'Projektziel',
    tags: 'Schlagworte',
    measureNumber: 'Maßnahme (Nummer)',
    indicatorName: 'Kennzahl',
    year: 'Jahr',
    value: 'Wert',
    period: 'Zeitraum',
    note: 'Bemerkung',
    receivedOn: 'Eingang (Datum)',
    source: 'Quelle',
    lab: 'Quartierslabor',
    text: 'Anregung (Text)',
    category: 'Kategorie',
    district: 'Stadtbezirk',
    area: 'Bereich / Ort',
    assignedOrgUnit: 'Zuständige Stelle',
    state: 'Status',
    stateReason: 'Begründung',
    measure: 'Übernommen in Maßnahme (Nummer)',
    feedbackText: 'Rückmeldung',
    feedbackOn: 'Rückmeldung am',
  },

  mapping: {
    missingColumns: (labels: string[]) =>
      labels.length === 1
        ? `Die Pflichtspalte „${labels[0]}“ ist keiner Spalte zugeordnet.`
        : `Diese Pflichtspalten sind keiner Spalte zugeordnet: ${labels.map((l) => `„${l}“`).join(', ')}.`,
    columnOutOfRange: (label: string) => `Die Spalte für „${label}“ gibt es in der Tabelle nicht.`,
    wrongKind: (label: string) => `„${label}“ gehört nicht zu dieser Importart.`,
    noHeader: 'Die Tabelle hat keine Überschriftenzeile.',
    personalColumn: (header: string) =>
      `Die Spalte „${header}“ enthält Namen oder Kontaktdaten von Personen und wird nicht importiert. Bitte ordnen Sie das Feld einer anderen Spalte zu.`,
    personalLeftOut: (headers: string[]) =>
      `${headers.length === 1 ? `Die Spalte ${headers.map((h) => `„${h}“`).join(', ')} wird` : `Die Spalten ${headers.map((h) => `„${h}“`).join(', ')} werden`} absichtlich nicht übernommen: Namen und Kontaktdaten von Bürgerinnen und Bürgern werden nicht importiert. Ein Kontakt für die Rückmeldung wird nur mit dokumentierter Einwilligung in der Anwendung bei der Anregung erfasst.`,
    column: (index: number) => `Spalte ${columnLetter(index)}`,
  },

  skippedSummary: (count: number) =>
    count === 1
      ? '1 Zeile ist keine Datenzeile und wird übersprungen'
      : `${n(count)} Zeilen sind keine Datenzeilen und werden übersprungen`,
  /** Rows below the header that are not data, listed as skipped in the preview. */
  skipped: {
    blank: 'leere Zeile',
    total: (word: string) => `Summenzeile („${word.length > 40 ? `${word.slice(0, 39)}…` : word}“)`,
    note: 'Quellenangabe oder Fußnote',
    line: (row: number, reason: string) => `Zeile ${n(row)} übersprungen: ${reason}`,
  },
  location: (row: number, column: string | null) => (column ? `Zeile ${n(row)}, Spalte „${column}“` : `Zeile ${n(row)}`),

  row: {
    required: (label: string) => `Bitte ${label === 'Titel' ? 'einen Titel' : `„${label}“`} angeben.`,
    number: 'Bitte eine Maßnahmennummer eingeben (z. B. HF2-07).',
    notText: 'Hier wird ein Text erwartet.',
    date: 'Bitte ein Datum im Format TT.MM.JJJJ eingeben.',
    amount: 'Bitte einen Betrag in Euro eingeben (z. B. 1.234,56).',
    negativeAmount: 'Der Betrag darf nicht negativ sein.',
    numberValue: 'Bitte eine Zahl eingeben (z. B. 1.234,5).',
    percentNotUnit: (text: string, unit: string) =>
      `„${text}“ ist ein Prozentwert, die Kennzahl zählt aber ${unit ? `in „${unit}“` : 'nicht in Prozent'}. Bitte die Zahl in der Einheit der Kennzahl eingeben.`,
    year: 'Bitte ein Jahr zwischen 1990 und 2100 eingeben.',
    valueRequired: 'Bitte einen Wert eingeben.',
    unknownActionField: (value: string, known: string[]) =>
      `Das Handlungsfeld „${value}“ gibt es in der aktuellen Fassung nicht. Möglich: ${known.join(', ')}.`,
    unknownStatus: (value: string, known: string[]) => `Den Status „${value}“ gibt es nicht. Möglich: ${known.join(', ')}.`,
    unknownOrgUnit: (value: string) =>
      `Die Organisationseinheit „${value}“ ist nicht in der Liste (Kürzel oder Name, z. B. „FB 32“ oder „Ordnungsamt“).`,
    unknownDistrict: (value: string) => `„${value}“ ist kein Dortmunder Stadtbezirk.`,
    unknownType: (value: string) => `Die Art „${value}“ ist unbekannt. Möglich: Projekt, Maßnahme, Daueraufgabe.`,
    numberExists: (number: string) => `Die Nummer ${number} ist im Register bereits vorhanden.`,
    numberTwice: (number: string, row: number) => `Die Nummer ${number} steht schon in Zeile ${n(row)} dieser Datei.`,
    budgetYearMissing: 'Für das Budget fehlt das Jahr: bitte eine Spalte „Haushaltsjahr“ zuordnen oder einen Beginn angeben.',
    measureNotFound: (number: string) => `Es gibt keine Maßnahme mit der Nummer ${number}.`,
    measureDeleted: (number: string) => `Die Maßnahme ${number} liegt im Papierkorb; für sie werden keine Werte importiert.`,
    indicatorNotFound: (name: string, number: string, known: string[]) =>
      `Die Maßnahme ${number} hat keine Kennzahl „${name}“.` +
      (known.length > 0 ? ` Vorhanden: ${known.map((k) => `„${k}“`).join(', ')}.` : ' Sie hat noch keine Kennzahlen.'),
    valueTwice: (row: number) => `Für diese Kennzahl und dieses Jahr steht schon in Zeile ${n(row)} dieser Datei ein Wert.`,
    tooManyValues: 'Die Kennzahl hätte dann mehr als 200 Werte.',
    receivedOnRequired: 'Bitte das Eingangsdatum angeben (TT.MM.JJJJ).',
    unknownLab: (value: string, known: string[]) =>
      `Das Quartierslabor „${value}“ gibt es im Register nicht.` +
      (known.length > 0
        ? ` Vorhanden: ${known.map((k) => `„${k}“`).join(', ')}.`
        : ' Im Register ist noch kein Quartierslabor angelegt; bitte legen Sie es zuerst in der Anwendung an.'),
    unknownProposalState: (value: string) =>
      `Den Status „${value}“ gibt es für Anregungen nicht. Möglich: eingegangen, in Prüfung, übernommen, erledigt, abgelehnt.`,
    proposalMeasureNotFound: (number: string) => `In der aktuellen Fassung gibt es keine Maßnahme mit der Nummer ${number}.`,
    proposalMeasureElsewhere: (number: string) => `Die Maßnahme ${number} liegt im Papierkorb oder gehört nicht zur aktuellen Fassung.`,
  },

  summary: {
    measure: (number: string, title: string) => `neu: ${number} ${title}`,
    proposal: (number: string, excerpt: string, numbered: boolean) =>
      `neu: ${number || '(ohne Nummer)'}${numbered ? ' (Nummer vergeben)' : ''} – ${excerpt}`,
    valueNew: (what: string, value: string) => `${what}: neu ${value}`,
    valueReplaced: (what: string, before: string, after: string) => `${what}: ersetzt ${before} → ${after}`,
    valueUnchanged: (what: string, value: string) => `${what}: unverändert ${value}`,
    valueTarget: (number: string, indicator: string, year: number, period: string) =>
      `${number} · ${indicator} · ${period ? `${period} (${year})` : year}`,
  },

  commit: {
    hasErrors: (rows: number) =>
      `${plural(rows, 'Zeile hat', 'Zeilen haben')} Fehler. Es wurde nichts importiert. Bitte korrigieren Sie die Datei und versuchen Sie es erneut.`,
    noRows: 'Die Tabelle enthält keine Datenzeilen. Es wurde nichts importiert.',
    mappingProblems: 'Die Zuordnung der Spalten ist unvollständig. Es wurde nichts importiert.',
  },

  undo: {
    notFound: 'Diesen Import gibt es nicht.',
    alreadyUndone: 'Dieser Import wurde bereits rückgängig gemacht.',
    measuresChanged: (numbers: string[]) =>
      `Der Import kann nicht rückgängig gemacht werden: ${numbers.length === 1 ? 'die Maßnahme' : 'die Maßnahmen'} ${numbers.join(', ')} ${numbers.length === 1 ? 'wurde' : 'wurden'} seitdem geändert. Bitte bearbeiten oder löschen Sie sie einzeln.`,
    indicatorsChanged: (names: string[]) =>
      `Der Import kann nicht rückgängig gemacht werden: die Werte von ${names.join(', ')} wurden seitdem geändert (vielleicht durch einen späteren Import; diesen zuerst rückgängig machen).`,
    proposalsChanged: (numbers: string[]) =>
      `Der Import kann nicht rückgängig gemacht werden: ${numbers.length === 1 ? 'die Anregung' : 'die Anregungen'} ${numbers.join(', ')} ${numbers.length === 1 ? 'wurde' : 'wurden'} seitdem bearbeitet, gelöscht oder anonymisiert. Bitte bearbeiten oder löschen Sie sie einzeln.`,
    proposalsLinked: (numbers: string[]) =>
      `Der Import kann nicht rückgängig gemacht werden: zu ${numbers.length === 1 ? 'der Anregung' : 'den Anregungen'} ${numbers.join(', ')} ${numbers.length === 1 ? 'ist' : 'sind'} inzwischen ein Kontakt für die Rückmeldung gespeichert.`,
    hasSubMeasures: (numbers: string[]) =>
      `Der Import kann nicht rückgängig gemacht werden: ${numbers.join(', ')} ${numbers.length === 1 ? 'hat' : 'haben'} inzwischen Teilmaßnahmen oder Verknüpfungen.`,
  },

  audit: {
    label: (kind: string, fileName: string) => `Import ${kind} aus „${fileName}“`,
  },
} as const;

/** 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let i = index + 1; i > 0; i = Math.floor((i - 1) / 26)) letters = String.fromCharCode(65 + ((i - 1) % 26)) + letters;
  return letters;
}
