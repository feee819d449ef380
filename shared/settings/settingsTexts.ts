/** Texts of the settings and the document logo. Part of `de` (shared/i18n/de.ts), German first. */

export const settingsTexts = {
  title: 'Einstellungen',
  displayName: 'Anzeigename im Änderungsprotokoll',
  displayNameHint: (user: string) => `Leer lassen, um den Windows-Benutzernamen zu verwenden (${user}).`,
  backupKeepLast: 'Anzahl der neuesten Sicherungen, die aufbewahrt werden',
  backupKeepDays: 'Zusätzlich je Tag eine Sicherung aufbewahren, für so viele Tage',
  oparlBaseUrl: 'OParl-Basisadresse',
  oparlBaseUrlHint:
    'Adresse, unter der exportierte OParl-Dateien veröffentlicht werden, z. B. https://ratsinfo.dortmund.de/oparl/masterplan',
  save: 'Einstellungen speichern',
  saved: 'Einstellungen gespeichert.',
  wholeNumber: (min: number, max: number) => `Bitte eine ganze Zahl von ${min} bis ${max} eingeben.`,
  logoTitle: 'Logo für Word-Dokumente',
  logoNone: 'Kein Logo gewählt; Ratsvorlagen erscheinen ohne Logo.',
  logoCurrent: (file: string) => `Gewählt: ${file}`,
  logoAlt: 'Alternativtext des Logos',
  logoAltHint: 'Wird von Screenreadern vorgelesen (Barrierefreiheit).',
  logoAltDefault: 'Logo der Stadt Dortmund',
  logoChoose: 'Logo wählen …',
  logoRemove: 'Logo entfernen',
  logoSaved: 'Logo gespeichert. Es erscheint im Kopf der Word-Ratsvorlagen.',
  logoRemoved: 'Logo entfernt.',
  storeLocation: 'Speicherort des Registers',
  backupLocation: 'Sicherungen liegen im Ordner „<Name>-Sicherungen“ neben der Registerdatei.',
  openRegister: 'Register öffnen …',
  newRegister: 'Neues Register …',
} as const;

export const logoTexts = {
  missing: (file: string) => `Das Logo „${file}“ wurde nicht gefunden. Bitte wählen Sie es in den Einstellungen neu.`,
  tooLarge: 'Das Logo ist größer als 5 MiB.',
  notAnImage: 'Das Logo muss ein PNG- oder JPEG-Bild sein.',
  altRequired: 'Bitte beschreiben Sie das Logo in einem Alternativtext (z. B. „Logo der Stadt Dortmund“).',
} as const;
