/** Texts of the desktop shell (main process): menu entries, Über, crash and hang dialogs. */
export const shellTexts = {
  menuAbout: 'Ü&ber Masterplan-Register',
  menuLogFolder: '&Protokollordner öffnen',
  aboutTitle: 'Über Masterplan-Register',
  aboutMessage: (version: string) => `Masterplan-Register ${version}`,
  aboutDetail: (o: { version: string; electron: string; register: string; dataFolder: string; logFolder: string }) =>
    [
      'Masterplan Kommunale Sicherheit – Register der Stadt Dortmund',
      '',
      `Version: ${o.version} (Electron ${o.electron})`,
      `Register: ${o.register}`,
      `Datenordner: ${o.dataFolder}`,
      `Protokolle: ${o.logFolder}`,
      '',
      'Mitgelieferte Bibliotheken und ihre Lizenzen: „Lizenzen anzeigen“.',
    ].join('\n'),
  noRegister: '(kein Register geöffnet)',
  aboutOk: 'OK',
  aboutLicenses: 'Lizenzen anzeigen',
  licensesMissing: 'Die Lizenzliste fehlt in dieser Installation.',
  crashTitle: 'Ansicht abgestürzt',
  crashMessage: 'Die Ansicht des Masterplan-Registers wurde unerwartet beendet.',
  crashDetail: 'Alles, was bereits gespeichert war, ist erhalten. Nicht gespeicherte Eingaben im offenen Formular gehen verloren.',
  hangTitle: 'Ansicht reagiert nicht',
  hangMessage: 'Die Ansicht des Masterplan-Registers reagiert gerade nicht.',
  hangDetail: 'Sie können warten oder die Ansicht neu laden. Bereits Gespeichertes bleibt erhalten.',
  reload: 'Neu laden',
  wait: 'Warten',
  quit: 'Beenden',
  /** Shown for a moment while a screen's code loads for the first time. */
  loading: 'Wird geladen …',
  /** Browser harness only: the path prompt standing in for a native file dialog. */
  harnessPick: {
    file: 'Pfad der Datei (im Browser gibt es keinen Dateidialog):',
    registerOpen: 'Register öffnen – Pfad der Registerdatei (.json):',
    registerNew: 'Neues Register – Pfad der neuen Registerdatei (.json):',
    attachment: 'Anlage hinzufügen – Pfad der Datei:',
    image: 'Logo wählen – Pfad des Bildes (PNG, JPEG):',
    importFile: 'Tabelle importieren – Pfad der Datei (.xlsx, .xls, .ods, .csv):',
    reviewOpen: 'Prüfpaket öffnen – Pfad des Prüfpakets (.mpreview):',
    reviewImport: 'Rückläufer einlesen – Pfad des Prüfpakets (.mpreview):',
  },
} as const;
