/** Texts of the settings and the document logo. Part of `de` (shared/i18n/de.ts), German first. */

export const settingsTexts = {
  title: 'Einstellungen',
  displayName: 'Anzeigename im Änderungsprotokoll',
  displayNameHint: 'Ihr Name, wie er im Verlauf, in Ratsvorlagen (Bearbeiter/in) und in Prüfpaketen erscheint.',
  office: 'Dienststelle',
  workingAs: 'Bearbeiter/in:',
  officeHint: 'Optional, z. B. „FB 32 Ordnungsamt“.',
  /** The name where none has been given yet: never the Windows login. */
  noName: 'Name nicht angegeben',
  withOffice: (name: string, office: string) => (office.trim() ? `${name} (${office.trim()})` : name),
  firstStart: {
    title: 'Willkommen beim Masterplan-Register',
    intro:
      'Bitte sagen Sie uns, wer hier arbeitet. Ihr Name erscheint im Verlauf jeder Änderung, in Ratsvorlagen als Bearbeiter/in und in Prüfpaketen. Sie können ihn später in den Einstellungen ändern.',
    name: 'Ihr Name',
    nameHint: 'Vor- und Nachname, z. B. Erika Mustermann',
    nameRequired: 'Bitte geben Sie Ihren Namen ein.',
    prefilled: 'Vorgeschlagen aus Ihrem Benutzerkonto; bitte prüfen.',
    save: 'Speichern und beginnen',
    later: 'Später',
    saved: (name: string) => `Willkommen, ${name}. Ihr Name wurde gespeichert.`,
  },
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
  letterTitle: 'Absender für Briefe',
  letterIntro:
    'Briefkopf, Rücksendeangabe und Informationsblock der Briefe (Einladung, Rückmeldung an Bürgerinnen und Bürger) nach DIN 5008. Gilt für diesen Computer.',
  letterExample:
    'Beispielangaben: Diese Absenderdaten sind ein Beispiel (Anschrift und Zentrale des Rathauses Dortmund). Bitte prüfen und ergänzen Sie sie, bevor Sie Briefe versenden.',
  letterSave: 'Absender speichern',
  letterSaved: 'Absender gespeichert. Er erscheint in allen Briefen.',
  letterFields: {
    organisation: 'Behörde (z. B. Stadt Dortmund)',
    office: 'Amt',
    unit: 'Stelle (optional)',
    street: 'Straße und Hausnummer oder Postfach',
    postalCode: 'Postleitzahl',
    town: 'Ort',
    contactName: 'Ansprechpartner/in (Vor- und Nachname)',
    phone: 'Telefon',
    email: 'E-Mail',
    reference: 'Zeichen (optional)',
  },
  letterHints: {
    contactName: 'Steht im Informationsblock und unter „Im Auftrag“; leer lassen, wenn Briefe ohne Namen hinausgehen.',
    phone: 'z. B. 0231 50-12345',
  },
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

/** Validation messages of the letter sender (Einstellungen). */
export const letterSenderTexts = {
  validation: {
    required: 'Bitte ausfüllen; die Angabe steht im Briefkopf.',
    postalCode: 'Bitte eine Postleitzahl aus fünf Ziffern angeben, z. B. 44135.',
    phone: 'Bitte eine Telefonnummer aus Ziffern angeben, z. B. 0231 50-12345.',
    email: 'Bitte eine E-Mail-Adresse wie name@stadtdo.de angeben.',
  },
} as const;

/** What the letter layout (DIN 5008 Form B) prints, and why it refuses an address. */
export const letterTexts = {
  info: {
    contact: 'Ansprechpartner/in',
    phone: 'Telefon',
    email: 'E-Mail',
    date: 'Datum',
    reference: 'Zeichen',
    yourMessage: 'Ihre Nachricht vom',
  },
  closing: 'Mit freundlichen Grüßen',
  onBehalf: 'Im Auftrag',
  /** Page 2 and later: "Stadt Dortmund · Ordnungsamt – Schreiben vom 20.03.2026". */
  followUpHeader: (sender: string, date: string) => `${sender} – Schreiben vom ${date}`,
  addressTooLong: (lines: number, max: number) =>
    `Die Anschrift ergibt ${lines} Zeilen; in das Anschriftfeld eines Fensterumschlags passen höchstens ${max} (DIN 5008). Bitte kürzen Sie die Anschrift beim Kontakt, es wurde kein Brief erstellt.`,
  logoAlt: 'Logo',
} as const;
