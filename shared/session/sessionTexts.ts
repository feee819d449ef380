/** Texts of the register file: opening, lock, backups, migration. Part of `de` (shared/i18n/de.ts), German first. */

export const storeTexts = {
  notARegister: 'Die Datei enthält kein Masterplan-Register.',
  noSchemaVersion: 'Die Datei enthält keine gültige Formatversion (schemaVersion).',
  newerVersion: (found: number, supported: number) =>
    `Die Datei wurde mit einer neueren Programmversion gespeichert (Format ${found}, dieses Programm kennt bis Format ${supported}). Bitte aktualisieren Sie das Programm.`,
  noMigration: (from: number) => `Für das Dateiformat ${from} gibt es keine Umwandlung.`,
  empty: 'Die Datei ist leer.',
  binary: 'Die Datei ist keine Textdatei (sie enthält Binärdaten).',
  tooLarge: (mb: number) => `Die Datei ist mit ${mb.toLocaleString('de-DE')} MB zu groß für ein Register.`,
  damaged: (line: number, column: number) => `Die Datei ist beschädigt oder unvollständig (Zeile ${line}, Zeichen ${column}).`,
  damagedNoPosition: 'Die Datei ist beschädigt oder unvollständig.',
  invalid: (count: number, first: string) =>
    count === 1 ? `Die Datei enthält einen ungültigen Eintrag: ${first}` : `Die Datei enthält ${count} ungültige Einträge, zuerst: ${first}`,
  openFailed: (file: string, problem: string) => `Das Register „${file}“ kann nicht geöffnet werden. ${problem}`,
  notFound: 'Die Datei wurde nicht gefunden.',
  noPermission: 'Sie haben keine Berechtigung für diese Datei oder diesen Ordner.',
  diskFull: 'Der Datenträger ist voll. Bitte schaffen Sie Platz und speichern Sie erneut.',
  readOnlyFs: 'Der Speicherort ist schreibgeschützt.',
  busy: 'Die Datei ist durch ein anderes Programm gesperrt (z. B. Virenscanner oder Synchronisierung). Bitte versuchen Sie es gleich noch einmal.',
  writeFailed: (reason: string) => `Die Änderung wurde nicht gespeichert. ${reason} Ihre Eingaben sind noch da; der zuletzt gespeicherte Stand ist unverändert.`,
  unknownIo: (code: string) => `Unerwarteter Dateifehler (${code}).`,
  offerBackup: (when: string) => `Sie können die Sicherung vom ${when} öffnen.`,
  noBackup: 'Es gibt keine gültige Sicherung dieser Datei. Sie können eine andere Datei öffnen.',
  lockStale: (who: string, host: string, last: string) =>
    `Die Sperre von ${who} auf ${host} ist veraltet (letztes Lebenszeichen ${last}). Vermutlich ist das Programm dort abgestürzt.`,
  lockTakenOver: 'Die Sperre wurde übernommen. Sie können das Register jetzt bearbeiten.',
  lockNotStale: 'Die Sperre ist noch aktiv und kann nicht übernommen werden.',
  readOnly: 'Das Register ist nur zum Lesen geöffnet. Die Änderung wurde nicht gespeichert.',
  lockLost: 'Die Sperre dieses Registers wurde von einer anderen Sitzung übernommen. Das Register ist jetzt nur zum Lesen geöffnet.',
  existsAlready: 'An diesem Ort gibt es bereits eine Datei. Bitte wählen Sie einen anderen Namen.',
} as const;
