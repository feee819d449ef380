/** App-wide texts: validation messages, API errors, navigation, dialogs, help. Part of `de` (shared/i18n/de.ts), German first. */

/** "1 Maßnahme", "3 Maßnahmen", "1.200 Maßnahmen": a count with the noun in the right number. */
export function countOf(n: number, one: string, many: string): string {
  return `${n.toLocaleString('de-DE')} ${n === 1 ? one : many}`;
}

export const validationTexts = {
  id: 'Ungültige Kennung.',
  tooLong: (max: number) => `Bitte höchstens ${max.toLocaleString('de-DE')} Zeichen eingeben.`,
  controlChars: 'Der Text enthält Steuerzeichen, die nicht gespeichert werden können. Bitte entfernen Sie sie.',
  invisibleChars:
    'Der Text enthält unsichtbare Zeichen (Richtungsumkehr, Zeichen ohne Breite oder Steuerzeichen), die Inhalte verfälscht anzeigen können. Bitte geben Sie den Text neu ein oder fügen Sie ihn als reinen Text ein.',
  lineBreak: 'Bitte keinen Zeilenumbruch in diesem Feld.',
  unknownField: (name: string) => `Unbekanntes Feld „${name}“.`,
  date: 'Bitte ein gültiges Datum im Format TT.MM.JJJJ eingeben.',
  dateTime: 'Ungültiger Zeitpunkt.',
  cents: 'Bitte einen Betrag mit höchstens zwei Nachkommastellen eingeben.',
  notNegative: 'Der Betrag darf nicht negativ sein.',
  amountTooLarge: 'Der Betrag ist unrealistisch groß.',
  year: 'Bitte ein Jahr zwischen 1990 und 2100 eingeben.',
  printNumber: 'Die Drucksache-Nr. hat die Form 12345-18 oder 12345-18-E1.',
  nameRequired: 'Bitte einen Namen eingeben.',
  codeRequired: 'Bitte ein Kürzel eingeben.',
  code: 'Das Kürzel darf nur Buchstaben, Ziffern, Punkt und Bindestrich enthalten.',
  bodyRequired: 'Bitte das Gremium angeben.',
  titleRequired: 'Bitte einen Titel eingeben.',
  numberRequired: 'Bitte eine Maßnahmennummer eingeben (z. B. HF2-07).',
  measureNumber: 'Die Nummer darf nur Buchstaben, Ziffern, Punkt und Bindestrich enthalten (z. B. HF2-07).',
  emptyTag: 'Leere Schlagworte sind nicht möglich.',
  unknownStatus: 'Dieser Status ist nicht in der Statusliste.',
  statusReasonRequired: (label: string) => `Für den Status „${label}“ ist eine Begründung erforderlich.`,
  linkRequired: (label: string) => `Für den Status „${label}“ bitte die andere Maßnahme auswählen.`,
  linkSelf: 'Eine Maßnahme kann nicht auf sich selbst verweisen.',
  linkMissing: 'Die verknüpfte Maßnahme gibt es nicht (mehr).',
  unknownActionField: 'Bitte ein Handlungsfeld auswählen.',
  unknownOrgUnit: 'Diese Organisationseinheit ist nicht (mehr) in der Liste.',
  leadAlsoInvolved: 'Die federführende Stelle steht bereits fest und muss nicht zusätzlich als beteiligt eingetragen werden.',
  numberTaken: (n: string) => `Die Nummer ${n} ist bereits vergeben.`,
  endBeforeStart: 'Das Ende liegt vor dem Beginn.',
  budgetYearTwice: 'Jedes Jahr darf je Finanzierungsquelle nur einmal vorkommen.',
  duplicateEntry: 'Ein Eintrag kommt doppelt vor.',
  weight: 'Bitte ein Gewicht größer als 0 (höchstens 1.000) eingeben.',
  parentSelf: 'Eine Maßnahme kann nicht ihre eigene Teilmaßnahme sein.',
  parentMissing: 'Die übergeordnete Maßnahme gibt es nicht (mehr).',
  parentCycle: 'Die übergeordnete Maßnahme ist bereits eine Teilmaßnahme dieser Maßnahme (Kreis).',
  invalidField: 'Ungültige Eingabe.',
} as const;

export const apiTexts = {
  badRequest: 'Die Anfrage hatte ein ungültiges Format und wurde nicht ausgeführt.',
  unknownMethod: 'Unbekannte Funktion.',
  forbiddenSender: 'Anfrage aus unbekannter Quelle abgelehnt.',
  notFound: 'Der Eintrag wurde nicht gefunden. Vielleicht wurde er inzwischen gelöscht.',
  conflict: 'Der Eintrag wurde inzwischen geändert. Bitte laden Sie ihn neu; Ihre Eingaben bleiben im Formular.',
  validation: 'Bitte prüfen Sie die markierten Felder.',
  inUseActionField: (n: number, inTrash: number) =>
    `Das Handlungsfeld wird noch von ${countOf(n, 'Maßnahme', 'Maßnahmen')} verwendet${inTrash > 0 ? ` (davon ${inTrash} im Papierkorb)` : ''} und kann nicht gelöscht werden.`,
  inUseOrgUnit: (n: number, inTrash: number) =>
    `Die Organisationseinheit wird noch von ${countOf(n, 'Maßnahme', 'Maßnahmen')} verwendet${inTrash > 0 ? ` (davon ${inTrash} im Papierkorb)` : ''} und kann nicht gelöscht werden.`,
  hasSubMeasures: (n: number) =>
    `Die Maßnahme hat ${countOf(n, 'Teilmaßnahme', 'Teilmaßnahmen')}. Bitte ordnen Sie diese zuerst einer anderen Maßnahme zu oder löschen Sie sie.`,
  noRegister: 'Es ist kein Register geöffnet.',
  internal: 'Ein unerwarteter Fehler ist aufgetreten. Es wurde nichts geändert.',
  notInTrash: 'Die Maßnahme ist nicht im Papierkorb.',
} as const;

export const navTexts = {
  label: 'Hauptnavigation',
  register: 'Maßnahmen',
  trash: 'Papierkorb',
  actionFields: 'Handlungsfelder',
  orgUnits: 'Organisationseinheiten',
  settings: 'Einstellungen',
  help: 'Hilfe',
} as const;

export const errorTexts = {
  title: 'Das Register kann nicht geöffnet werden',
  backups: 'Verfügbare Sicherungen',
  restore: (when: string) => `Sicherung vom ${when} wiederherstellen`,
  restoreHint:
    'Die beschädigte Datei wird dabei nicht gelöscht, sondern als Kopie „…_beschaedigt.json“ im Sicherungsordner aufbewahrt (Aufbewahrung wie die Sicherungen).',
  restoreConfirmTitle: 'Sicherung wiederherstellen?',
  restoreConfirm: (file: string, when: string, folder: string) =>
    `Die Datei „${file}“ wird durch die Sicherung vom ${when} ersetzt. Änderungen nach diesem Zeitpunkt sind danach nicht mehr im Register. Der bisherige Inhalt wird als Kopie „…_beschaedigt.json“ im Ordner „${folder}“ aufbewahrt.`,
  restoreConfirmMissing: (file: string, when: string) =>
    `Die fehlende Datei „${file}“ wird aus der Sicherung vom ${when} wiederhergestellt.`,
  restoreConfirmLabel: 'Wiederherstellen',
  retry: 'Erneut versuchen',
  createEmpty: 'Neues, leeres Register hier anlegen',
  createEmptyConfirm: (file: string) =>
    `An diesem Ort wird ein neues, leeres Register „${file}“ angelegt. Falls das bisherige Register nur vorübergehend nicht erreichbar ist, wählen Sie besser „Erneut versuchen“.`,
  openOther: 'Andere Datei öffnen …',
  reason: {
    start: 'beim Start',
    migration: 'vor Formatumwandlung',
    restore: 'vor Wiederherstellung',
    beschaedigt: 'beschädigte Datei',
  } as Record<string, string>,
} as const;

export const helpTexts = {
  title: 'Hilfe',
  guides: 'Wie mache ich …?',
  forThisScreen: 'zu dieser Ansicht',
  aboutData: 'Wo die Daten liegen',
  keys: 'Tastenkürzel',
  key: 'Taste',
  function: 'Funktion',
  shortcuts: [
    ['Alt+Pos1', 'Übersicht'],
    ['Strg+1 … Strg+5', 'Maßnahmen, Ratsvorlagen, Evaluation, Fassungen, Gremien & Beteiligung (Menü Ansicht)'],
    ['Strg+N', 'Neue Maßnahme'],
    ['Strg+F', 'Suche in den Maßnahmen'],
    ['Strg+O', 'Register öffnen'],
    ['Strg+S', 'Formular speichern'],
    ['Esc', 'Bearbeitung abbrechen'],
    ['F1', 'Hilfe zur aktuellen Ansicht'],
  ] as [string, string][],
  topics: [
    [
      'Gremien & Beteiligung',
      'Gremien mit ihren Mitgliedern, Sitzungen mit Tagesordnung und Niederschrift (Word: Einladung und Niederschrift), Empfehlungen der Vollversammlung, Quartierslabore mit ihren Anregungen und die Beschlussverfolgung mit Halbjahresbericht (Excel und Mitteilung).',
    ],
    [
      'Datenschutz',
      'Teilnahmen werden nur als Anzahl und Organisation erfasst. Kontakte für Rückmeldungen werden nur mit dokumentierter Einwilligung und getrennt von der Anregung gespeichert. Die Ansicht „Datenschutz“ zeigt, was nach den Aufbewahrungsfristen zu löschen oder zu anonymisieren ist. Ausgaben enthalten personenbezogene Daten nur, wenn Sie das ausdrücklich wählen; das wird im Änderungsprotokoll vermerkt.',
    ],
  ] as [string, string][],
  dataText:
    'Das Register wird als eine JSON-Datei gespeichert. Jede Änderung wird sofort dauerhaft gespeichert und im Verlauf protokolliert. Bei jedem Start wird eine Sicherung angelegt. Ist das Register auf einem anderen Rechner geöffnet, öffnet es sich hier nur zum Lesen.',
} as const;

export const dialogTexts = { confirm: 'Ja, fortfahren', cancel: 'Abbrechen', close: 'Schließen', errorTitle: 'Fehler' } as const;

export const noticePrefixTexts = { info: 'Hinweis:', success: 'Erledigt:', error: 'Fehler:', warning: 'Achtung:' } as const;

/** The one confirmation after a save (renderer/src/ui/SaveConfirmation.tsx), with "Rückgängig" where possible. */
export const saveFeedbackTexts = {
  region: 'Bestätigung',
  undo: 'Rückgängig',
  undoLabel: (text: string) => `Rückgängig: ${text}`,
  undoing: 'Wird rückgängig gemacht …',
  undone: (text: string) => `Rückgängig gemacht: ${text}`,
  undoFailed: (reason: string) => `Konnte nicht rückgängig gemacht werden: ${reason}`,
  dismiss: 'Bestätigung schließen',
} as const;

/** The shared date field and its calendar (renderer/src/ui/DateField.tsx). */
export const dateFieldTexts = {
  hint: 'TT.MM.JJJJ – auch 1.6.27, 2027-06-01, heute oder +14',
  invalid: (text: string) =>
    `„${text}“ ist kein Datum. Bitte z. B. 31.12.2025 eingeben (auch 1.6.27, 2027-06-01, heute oder +14 für in 14 Tagen).`,
  open: (label: string) => `Kalender für „${label}“ öffnen`,
  title: (label: string) => `Datum wählen: ${label}`,
  previousMonth: 'Vorheriger Monat',
  nextMonth: 'Nächster Monat',
  today: 'Heute',
  chosen: 'gewählt',
  cancel: 'Abbrechen',
  help: 'Pfeiltasten: Tag wechseln · Bild auf/ab: Monat · Home/Ende: Wochenanfang/-ende · Eingabe: übernehmen · Esc: schließen',
  months: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  weekdays: ['Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag', 'Sonntag'],
  weekdaysShort: ['Mo', 'Di', 'Mi', 'Do', 'Fr', 'Sa', 'So'],
} as const;
