/** Texts of the shared list parts: the table (columns, sorting, truncated cells), scroll regions, previous/next. */
export const listTexts = {
  /** Name of a scrollable area that holds no caption of its own. */
  scrollRegion: 'Rollbarer Bereich',
  scrollRegionOf: (what: string) => `${what} (rollbar)`,
  columns: 'Spalten …',
  columnsTitle: 'Spalten anzeigen und Breite wählen',
  columnVisible: (label: string) => `${label} anzeigen`,
  columnWidth: (label: string) => `Breite von ${label} in Pixeln`,
  columnsReset: 'Standard wiederherstellen',
  columnsClose: 'Schließen',
  resizeHandle: (label: string) => `Breite von ${label} ändern`,
  /** Said for the header row, the one Tab stop over all sort buttons. */
  sortHint: 'Spaltenköpfe: Pfeiltasten wählen die Spalte, Eingabetaste sortiert.',
  sortedAscending: 'aufsteigend sortiert',
  sortedDescending: 'absteigend sortiert',
  sortBy: (label: string) => `Nach ${label} sortieren`,
  previous: 'Vorherige',
  next: 'Nächste',
  previousTitle: (label: string) => `Vorherige in der Liste: ${label} (Alt+Bild auf)`,
  nextTitle: (label: string) => `Nächste in der Liste: ${label} (Alt+Bild ab)`,
  position: (index: number, total: number) => `${index} von ${total} in der gefilterten Liste`,
  opened: (label: string, index: number, total: number) => `${label} geöffnet, ${index} von ${total}`,
} as const;
