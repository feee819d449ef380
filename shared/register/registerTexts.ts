import { countOf } from '@shared/core/coreTexts';
/** Texts of the register: measures, reference lists, statuses, integrity, Papierkorb. Part of `de` (shared/i18n/de.ts), German first. */
import { formatInteger } from '@shared/core/format';

export const integrityTexts = {
  duplicateId: (what: string, id: string) => `${what} mit der Kennung ${id} kommt mehrfach vor.`,
  currentEditionMissing: 'Die aktuelle Fassung fehlt in der Liste der Fassungen.',
  fieldWithoutEdition: (code: string) => `Handlungsfeld ${code} gehört zu keiner vorhandenen Fassung.`,
} as const;

export const registerTexts = {
  title: 'Maßnahmen',
  newMeasure: 'Neue Maßnahme',
  search: 'Suche',
  searchPlaceholder: 'Nummer, Titel, Text, Stelle, Bezirk …',
  filterActionField: 'Handlungsfeld',
  filterStatus: 'Status',
  filterOrgUnit: 'Stelle (federführend oder beteiligt)',
  filterDistrict: 'Stadtbezirk',
  all: 'alle',
  resetFilters: 'Filter zurücksetzen',
  count: (shown: number, total: number) => (shown === total ? `${total} Maßnahmen` : `${shown} von ${total} Maßnahmen`),
  tableCaption: 'Register der Maßnahmen',
  col: {
    number: 'Nr.',
    title: 'Titel',
    actionField: 'Handlungsfeld',
    status: 'Status',
    lead: 'Federführung',
    districts: 'Stadtbezirke',
    period: 'Zeitraum',
    budget: 'Budget geplant',
  },
  sortAsc: 'aufsteigend sortiert',
  sortDesc: 'absteigend sortiert',
  empty: 'Keine Maßnahme passt zu Suche und Filtern.',
  allDistricts: 'alle 12 Bezirke',
} as const;

export const measureTexts = {
  newTitle: 'Neue Maßnahme',
  editTitle: (n: string) => `Maßnahme ${n} bearbeiten`,
  save: 'Maßnahme speichern',
  cancel: 'Abbrechen',
  edit: 'Bearbeiten',
  delete: 'In den Papierkorb …',
  deleteConfirm: (n: string, t: string) => `Maßnahme ${n} „${t}“ in den Papierkorb legen? Sie kann dort wiederhergestellt werden.`,
  back: 'Zurück zur Liste',
  details: 'Angaben',
  history: 'Verlauf',
  saved: (n: string) => `Maßnahme ${n} wurde gespeichert.`,
  deleted: (n: string) => `Maßnahme ${n} liegt jetzt im Papierkorb.`,
  problems: (n: number) => (n === 1 ? 'Bitte prüfen Sie 1 Feld:' : `Bitte prüfen Sie ${n} Felder:`),
  sections: {
    basics: 'Grunddaten',
    goals: 'Ziele',
    status: 'Status',
    responsibility: 'Zuständigkeit',
    place: 'Ort',
    dates: 'Zeitraum',
    budget: 'Finanzen',
    origin: 'Herkunft und Beschlusslage',
    milestones: 'Meilensteine',
    tags: 'Schlagworte',
  },
  field: {
    number: 'Nummer',
    title: 'Titel',
    shortText: 'Kurzbeschreibung',
    description: 'Beschreibung',
    preventionGoal: 'Präventionsziel',
    projectGoal: 'Projektziel',
    actionFieldId: 'Handlungsfeld',
    type: 'Art',
    status: 'Status',
    statusReason: 'Begründung zum Status',
    linkedMeasureId: 'Verknüpfte Maßnahme (zusammengeführt mit / ersetzt durch)',
    parentMeasureId: 'Übergeordnete Maßnahme',
    weight: 'Gewicht für den Umsetzungsgrad',
    leadOrgUnitId: 'Federführende Stelle',
    involvedOrgUnitIds: 'Beteiligte Stellen und Partner',
    districts: 'Stadtbezirke',
    quarter: 'Quartier (optional)',
    plannedStart: 'Geplanter Beginn',
    plannedEnd: 'Geplantes Ende',
    actualStart: 'Tatsächlicher Beginn',
    actualEnd: 'Tatsächliches Ende',
    budget: 'Budget je Jahr',
    origin: 'Herkunft',
    originKind: 'Herkunft',
    originReference: 'Bezug (z. B. Kapitel, Antrag, Anregung)',
    originPrintNumber: 'Drucksache-Nr. der Herkunft',
    decisions: 'Beschlüsse',
    milestones: 'Meilensteine',
    tags: 'Schlagworte (durch Komma getrennt)',
    year: 'Jahr',
    planned: 'geplant (€)',
    approved: 'bewilligt (€)',
    spent: 'ausgegeben (€)',
    fundingSource: 'Finanzierung',
    budgetPosition: 'Haushaltsposition',
    printNumber: 'Drucksache-Nr.',
    body: 'Gremium',
    date: 'Datum',
    kind: 'Art',
    note: 'Bemerkung',
    milestoneTitle: 'Meilenstein',
    dueDate: 'fällig am',
    doneDate: 'erledigt am',
    predecessor: 'Vorgänger (Fortschreibung)',
  },
  none: '— keine —',
  dateHint: 'TT.MM.JJJJ',
  moneyHint: 'z. B. 12.500,00',
  printNumberHint: 'z. B. 12534-18',
  parentHint: 'Teilmaßnahmen gehen in den Umsetzungsgrad der übergeordneten Maßnahme ein.',
  weightHint: 'Standard 1; höher zählt stärker (z. B. 2).',
  milestoneOpen: 'offen',
  addBudget: 'Jahr hinzufügen',
  addDecision: 'Beschluss hinzufügen',
  addMilestone: 'Meilenstein hinzufügen',
  remove: 'Entfernen',
  removeRow: (what: string, n: number) => `${what} ${n} entfernen`,
  invalidDate: 'Bitte ein Datum im Format TT.MM.JJJJ eingeben.',
  invalidMoney: 'Bitte einen Betrag wie 12.500,00 eingeben.',
  negativeMoney: 'Der Betrag darf nicht negativ sein. Bitte 0 oder einen Betrag wie 12.500,00 eingeben.',
  invalidYear: 'Bitte ein Jahr wie 2025 eingeben.',
  unsavedTitle: 'Ungespeicherte Änderungen',
  unsavedText: 'Sie haben Änderungen, die noch nicht gespeichert sind. Wirklich verwerfen?',
  discard: 'Änderungen verwerfen',
  keepEditing: 'Weiter bearbeiten',
  readOnlyHint: 'Das Register ist nur zum Lesen geöffnet.',
  created: 'angelegt',
  updated: 'zuletzt geändert',
  version: 'Version',
  notFound: 'Diese Maßnahme gibt es nicht (mehr).',
} as const;

/** How the measure's Verlauf names its fields and words its recorded values (labels as on the detail page, no form hints). */
export const measureHistoryTexts = {
  field: {
    quarter: 'Quartier',
    tags: 'Schlagworte',
    budget: 'Budget',
    linkedMeasureId: 'Verknüpfte Maßnahme',
    weight: 'Gewicht',
    deletedAt: 'in den Papierkorb gelegt am',
    name: 'Name',
  } as Record<string, string>,
  unknown: '(nicht mehr vorhanden)',
  yes: 'ja',
  no: 'nein',
  budgetLine: (year: number | string, parts: string[]) => `${year}: ${parts.length > 0 ? parts.join(', ') : 'ohne Beträge'}`,
  planned: (amount: string) => `geplant ${amount}`,
  approved: (amount: string) => `bewilligt ${amount}`,
  spent: (amount: string) => `ausgegeben ${amount}`,
  milestone: (title: string, due: string, done: string) =>
    `${title}${due ? ` (fällig ${due}` : ''}${due && done ? `, erledigt ${done})` : done ? ` (erledigt ${done})` : due ? ')' : ''}`,
  printNumber: (n: string) => `DS-Nr. ${n}`,
} as const;

/** The small "Status ändern" dialog on the measure's page (no trip through the whole form). */
export const statusChangeTexts = {
  open: 'Status ändern …',
  title: (n: string) => `Status von ${n} ändern`,
  intro: (current: string) => `Derzeit: ${current}. Die Änderung wird im Verlauf festgehalten.`,
  status: 'Neuer Status',
  reason: 'Begründung zum Status',
  reasonRequired: 'Begründung zum Status (erforderlich)',
  link: 'Verknüpfte Maßnahme',
  startDate: 'Tatsächlicher Beginn',
  endDate: 'Tatsächliches Ende',
  save: 'Status speichern',
  cancel: 'Abbrechen',
  unchanged: 'Der Status ist unverändert; es wurde nichts gespeichert.',
  saved: (n: string, label: string) => `Status von ${n} ist jetzt „${label}“.`,
} as const;

/** Selecting measures in the list and "Status ändern für Auswahl": one audited change per measure, all or nothing. */
export const bulkStatusTexts = {
  open: 'Status ändern für Auswahl …',
  selectRow: (number: string, title: string) => `${number} ${title} auswählen`,
  selectAll: 'Alle angezeigten Maßnahmen auswählen',
  selectColumn: 'Auswahl',
  selected: (count: number) => (count === 0 ? 'Keine Maßnahme ausgewählt' : `${formatInteger(count)} ausgewählt`),
  clear: 'Auswahl aufheben',
  keyHint: 'Auswählen: Kästchen, oder Umschalt+Leertaste bzw. Strg+Leertaste in der Zeile.',
  tooMany: (max: number) => `Höchstens ${formatInteger(max)} Maßnahmen auf einmal – bitte die Auswahl verkleinern.`,
  title: (count: number) => (count === 1 ? 'Status für 1 Maßnahme ändern' : `Status für ${formatInteger(count)} Maßnahmen ändern`),
  intro: 'Jede gewählte Maßnahme erhält ihre eigene Änderung im Verlauf. Gespeichert wird nur, wenn alle den Regeln genügen – sonst keine.',
  chosen: 'Gewählte Maßnahmen',
  more: (count: number) => `… und ${formatInteger(count)} weitere`,
  status: 'Neuer Status',
  chooseStatus: '– bitte wählen –',
  reason: 'Begründung zum Status',
  reasonRequired: 'Begründung zum Status (erforderlich)',
  reasonHint: 'Ersetzt die bisherige Begründung jeder gewählten Maßnahme.',
  link: 'Verknüpfte Maßnahme',
  startDate: 'Tatsächlicher Beginn',
  endDate: 'Tatsächliches Ende',
  dateHint: 'Gilt nur für Maßnahmen, bei denen noch kein Datum erfasst ist.',
  save: 'Status für alle speichern',
  cancel: 'Abbrechen',
  saved: (changed: number, unchanged: number, label: string) =>
    `${changed === 1 ? '1 Maßnahme hat' : `${formatInteger(changed)} Maßnahmen haben`} jetzt den Status „${label}“.${
      unchanged > 0
        ? ` ${unchanged === 1 ? '1 Maßnahme war' : `${formatInteger(unchanged)} Maßnahmen waren`} schon so und blieb${unchanged === 1 ? '' : 'en'} unverändert.`
        : ''
    }`,
  // Main's answers (the dialog lists each problem as "Nummer Titel: Grund").
  refused: (count: number) =>
    `Es wurde nichts gespeichert – ${count === 1 ? '1 Maßnahme lässt' : `${formatInteger(count)} Maßnahmen lassen`} sich so nicht ändern:`,
  problem: (label: string, message: string) => `${label}: ${message}`,
  unknownLabel: (id: string) => `Maßnahme mit der Kennung ${id}`,
  unknown: 'Diese Maßnahme gibt es nicht (mehr).',
  inTrash: 'Sie liegt im Papierkorb.',
  changed: 'Sie wurde inzwischen an anderer Stelle geändert.',
  reloaded: 'Die Liste zeigt jetzt den gespeicherten Stand. Bitte die Auswahl prüfen und erneut speichern.',
  noneSelected: 'Bitte mindestens eine Maßnahme auswählen.',
  duplicate: 'Eine Maßnahme ist mehrfach in der Auswahl.',
} as const;

/** The measure's own page: what its status percentage means, and that it is overdue (as text, not colour only). */
export const measurePageTexts = {
  statusValue: (label: string, percent: number) => `${label} (Richtwert ${percent} %)`,
  statusPercentHint:
    'Der Richtwert des Status zählt nur, solange es keine Meilensteine oder Teilmaßnahmen gibt; sonst wird der Umsetzungsgrad oben aus ihnen berechnet.',
  overdueTitle: 'Überfällig',
  overdueEnd: (date: string) => `Das geplante Ende (${date}) ist überschritten.`,
  overdueMilestones: (items: string[]) =>
    items.length === 1 ? `Offener Meilenstein über der Frist: ${items[0]}.` : `Offene Meilensteine über der Frist: ${items.join('; ')}.`,
  milestone: (title: string, date: string) => `„${title}“ (fällig am ${date})`,
} as const;

export const typesTexts = { projekt: 'Projekt', massnahme: 'Maßnahme', daueraufgabe: 'Daueraufgabe' } as const;

export const fundingSourcesTexts = { haushalt: 'Haushalt', foerdermittel: 'Fördermittel', dritte: 'Dritte' } as const;

export const originKindsTexts = {
  masterplan: 'Masterplan-Text',
  ratsantrag: 'Ratsantrag',
  quartierslabor: 'Anregung aus Quartierslabor',
  vollversammlung: 'Empfehlung der Vollversammlung',
  sonstige: 'Sonstige',
} as const;

export const decisionKindsTexts = {
  beschluss: 'Beschluss',
  empfehlung: 'Empfehlung',
  kenntnisnahme: 'Kenntnisnahme',
  auftrag: 'Prüfauftrag',
} as const;

export const orgUnitKindsTexts = {
  verwaltung: 'Verwaltung',
  polizei: 'Polizei',
  partner: 'Partner',
  politik: 'Politik',
  sonstige: 'Sonstige',
} as const;

export const trashTexts = {
  title: 'Papierkorb',
  intro: 'Gelöschte Maßnahmen bleiben hier erhalten und können wiederhergestellt werden.',
  empty: 'Der Papierkorb ist leer.',
  deletedAt: 'gelöscht am',
  restore: 'Wiederherstellen',
  restoreLabel: (n: string) => `Maßnahme ${n} wiederherstellen`,
  restored: (n: string) => `Maßnahme ${n} wurde wiederhergestellt.`,
} as const;

export const actionFieldsTexts = {
  title: 'Handlungsfelder',
  intro: 'Handlungsfelder der aktuellen Fassung. Ein Handlungsfeld mit Maßnahmen kann nicht gelöscht werden.',
  add: 'Handlungsfeld hinzufügen',
  code: 'Kürzel',
  name: 'Name',
  description: 'Beschreibung',
  guidingGoal: 'Leitziel',
  measures: 'Maßnahmen',
  save: 'Handlungsfeld speichern',
  delete: 'Löschen',
  deleteConfirm: (name: string) => `Handlungsfeld „${name}“ löschen?`,
  saved: 'Handlungsfeld gespeichert.',
  deleted: 'Handlungsfeld gelöscht.',
  edition: 'Fassung',
} as const;

export const orgUnitsTexts = {
  title: 'Organisationseinheiten und Partner',
  intro:
    'Ämter, Dezernate und Partner, wie sie in Dortmunder Dokumenten erscheinen. Nur die Kürzel FB 32 (Ordnungsamt) und FB 37 (Feuerwehr) sind bestätigt.',
  add: 'Stelle hinzufügen',
  code: 'Kürzel',
  name: 'Name',
  kind: 'Art',
  validFrom: 'gültig ab',
  validTo: 'gültig bis',
  measures: 'Maßnahmen',
  save: 'Stelle speichern',
  delete: 'Löschen',
  deleteConfirm: (name: string) => `„${name}“ löschen?`,
  saved: 'Stelle gespeichert.',
  deleted: 'Stelle gelöscht.',
} as const;

export const statusesTexts = {
  title: 'Statusliste',
  intro:
    'Die Status, die eine Maßnahme haben kann, mit ihrem Standard-Fortschritt. Die Reihenfolge hier gilt überall: in den Auswahllisten, in der Übersicht und in der Auswertung. Ein Status, den Maßnahmen verwenden, kann nicht gelöscht werden; setzen Sie ihn auf „nicht aktiv“, dann steht er nicht mehr zur Auswahl.',
  openFromSettings: 'Statusliste bearbeiten',
  settingsHint: 'Die Status der Maßnahmen, ihr Standard-Fortschritt und ihre Reihenfolge.',
  backToSettings: 'Zurück zu den Einstellungen',
  add: 'Status hinzufügen',
  position: 'Reihenfolge',
  label: 'Bezeichnung',
  defaultPercent: 'Standard-%',
  defaultPercentField: 'Standard-Fortschritt in %',
  defaultPercentHint: 'Ganze Zahl von 0 bis 100',
  requiresReason: 'Begründung nötig',
  requiresLink: 'Verknüpfung nötig',
  requiresLinkHint: 'Die Maßnahme muss dann auf eine andere Maßnahme verweisen (z. B. „ersetzt durch“).',
  active: 'aktiv',
  activeHint: 'Nicht aktive Status stehen bei neuen Eingaben nicht mehr zur Auswahl; Maßnahmen behalten ihren Status.',
  measures: 'Maßnahmen',
  yes: 'ja',
  no: 'nein',
  edit: 'Bearbeiten',
  moveUp: 'Nach oben',
  moveDown: 'Nach unten',
  delete: 'Löschen',
  save: 'Status speichern',
  saved: 'Status gespeichert.',
  deleted: 'Status gelöscht.',
  moved: 'Reihenfolge geändert.',
  deleteConfirm: (label: string) => `Status „${label}“ löschen?`,
  percentRange: 'Bitte eine ganze Zahl von 0 bis 100 eingeben.',
  labelTaken: (label: string) => `Einen Status „${label}“ gibt es bereits. Bitte eine andere Bezeichnung wählen.`,
  linkKept: (label: string) =>
    `Für „${label}“ muss eine Verknüpfung nötig bleiben: Das Zusammenführen und Ersetzen von Maßnahmen beruht darauf.`,
  lastActive: 'Mindestens ein Status muss aktiv bleiben.',
  inUse: (label: string, n: number, inTrash: number) =>
    `Der Status „${label}“ wird noch von ${countOf(n, 'Maßnahme', 'Maßnahmen')} verwendet (in allen Fassungen${inTrash > 0 ? `, davon ${inTrash} im Papierkorb` : ''}) und kann nicht gelöscht werden. Setzen Sie ihn stattdessen auf „nicht aktiv“.`,
  builtInKept: (label: string) =>
    `Der Status „${label}“ wird für das Zusammenführen und Ersetzen von Maßnahmen gebraucht und kann nicht gelöscht werden. Setzen Sie ihn stattdessen auf „nicht aktiv“.`,
} as const;

/** The filters of the one measure picker (renderer/src/ui/MeasurePicker.tsx). */
export const measurePickerTexts = {
  filters: 'Auswahl eingrenzen',
  // Named apart from a form's own fields (a Beschluss or a Vorlage has its own "Status").
  edition: 'Fassung der Maßnahmen',
  actionField: 'Handlungsfeld der Maßnahmen',
  district: 'Stadtbezirk der Maßnahmen',
  status: 'Status der Maßnahmen',
  all: 'alle',
  allEditions: 'alle Fassungen',
  current: (name: string) => `${name} (aktuell)`,
  /** After a measure of another Fassung than the current one. */
  ofEdition: (name: string) => `Fassung: ${name}`,
} as const;
