/** The progress bar of long Excel exports (renderer/src/features/export). */
export const exportProgressTexts = {
  /** Announced once when the bar appears (the percent itself is not read out on every step). */
  started: 'Die Excel-Datei wird geschrieben. Das kann bei großen Registern einige Sekunden dauern.',
  label: 'Fortschritt des Exports',
  percent: (percent: number) => `${percent} %`,
  /** Before the first rows are written: the register is read and the sheets composed. */
  preparing: 'wird vorbereitet …',
  cancel: 'Abbrechen',
  cancelling: 'Wird abgebrochen …',
  cancelled: 'Der Export wurde abgebrochen. Es wurde keine Datei gespeichert.',
} as const;
