/** The lines every exported Excel workbook shares (title block, footer); electron/main/export/houseWorkbook.ts. */
export const workbookTexts = {
  register: (name: string) => `Register: ${name}`,
  stand: (date: string) => `Stand ${date}`,
  filters: (text: string) => `Filter: ${text}`,
  period: (text: string) => `Zeitraum: ${text}`,
  sample: 'Beispieldaten – nicht für Entscheidungen verwenden',
  annex: (printNumber: string) => `Anlage zur Drucksache Nr. ${printNumber}`,
  separator: ' · ',
  cancelled: 'Der Export wurde abgebrochen; es wurde keine Datei geschrieben.',
} as const;
