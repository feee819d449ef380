/** Texts of the register file: opening, lock, backups, migration. Part of `de` (shared/i18n/de.ts), German first. */

/** Largest register file in MiB (binary: 1 MiB = 1.048.576 Byte); the store's limit is derived from it. */
export const MAX_REGISTER_MIB = 200;

export const storeTexts = {
  notARegister: 'Die Datei enthält kein Masterplan-Register.',
  noSchemaVersion: 'Die Datei enthält keine gültige Formatversion (schemaVersion).',
  newerVersion: (found: number, supported: number) =>
    `Die Datei wurde mit einer neueren Programmversion gespeichert (Format ${found}, dieses Programm kennt bis Format ${supported}). Bitte aktualisieren Sie das Programm.`,
  noMigration: (from: number) => `Für das Dateiformat ${from} gibt es keine Umwandlung.`,
  empty: 'Die Datei ist leer.',
  binary: 'Die Datei ist keine Textdatei (sie enthält Binärdaten).',
  tooLarge: (mib: number) =>
    `Die Datei ist mit ${mib.toLocaleString('de-DE')} MiB zu groß für ein Register (höchstens ${MAX_REGISTER_MIB.toLocaleString('de-DE')} MiB).`,
  damaged: (line: number, column: number) => `Die Datei ist beschädigt oder unvollständig (Zeile ${line}, Zeichen ${column}).`,
  damagedNoPosition: 'Die Datei ist beschädigt oder unvollständig.',
  invalid: (count: number, first: string) =>
    count === 1
      ? `Die Datei enthält einen ungültigen Eintrag: ${first}`
      : `Die Datei enthält ${count} ungültige Einträge, zuerst: ${first}`,
  openFailed: (file: string, problem: string) => `Das Register „${file}“ kann nicht geöffnet werden. ${problem}`,
  notFound: 'Die Datei wurde nicht gefunden.',
  noPermission: 'Sie haben keine Berechtigung für diese Datei oder diesen Ordner.',
  diskFull: 'Der Datenträger ist voll. Bitte schaffen Sie Platz und speichern Sie erneut.',
  readOnlyFs: 'Der Speicherort ist schreibgeschützt.',
  busy: 'Die Datei ist durch ein anderes Programm gesperrt (z. B. Virenscanner oder Synchronisierung). Bitte versuchen Sie es gleich noch einmal.',
  writeFailed: (reason: string) =>
    `Die Änderung wurde nicht gespeichert. ${reason} Ihre Eingaben sind noch da; der zuletzt gespeicherte Stand ist unverändert.`,
  unknownIo: (code: string) =>
    `Die Datei konnte nicht gelesen oder geschrieben werden (Systemmeldung ${code}). Bitte versuchen Sie es erneut oder wenden Sie sich an die IT.`,
  fileTooBigForDisk: 'Die Datei ist zu groß für diesen Speicherort (das Dateisystem erlaubt keine so großen Dateien).',
  isFolder: 'An dieser Stelle liegt ein Ordner, keine Datei.',
  notAFolder: 'Ein Teil des Pfads ist eine Datei, kein Ordner.',
  tooManyOpenFiles: 'Es sind zu viele Dateien gleichzeitig geöffnet. Bitte schließen Sie andere Programme und versuchen Sie es erneut.',
  nameTooLong: 'Der Dateiname oder Pfad ist zu lang.',
  deviceUnreachable: 'Der Speicherort antwortet nicht (Netzlaufwerk getrennt oder Datenträgerfehler).',
  linkLoop: 'Der Pfad enthält eine Verknüpfung, die auf sich selbst zeigt.',
  retryHint: 'Am Inhalt der Datei ist nichts beschädigt. Beheben Sie die Ursache und wählen Sie „Erneut versuchen“.',
  missing: (file: string) =>
    `Das Register „${file}“ wurde hier schon benutzt, ist aber nicht mehr vorhanden (gelöscht, verschoben oder das Netzlaufwerk ist nicht verbunden). Es wird nicht neu angelegt, ohne dass Sie es wählen.`,
  cannotWrite: (reason: string) => `Änderungen können an diesem Speicherort nicht gespeichert werden. ${reason}`,
  backupFailed: (reason: string) => `Die Sicherung beim Öffnen konnte nicht angelegt werden; deshalb wird nicht geändert. ${reason}`,
  restoreFailed: (reason: string) => `Die Sicherung wurde nicht wiederhergestellt; die Registerdatei ist unverändert. ${reason}`,
  restoreNotOffered: 'Eine Wiederherstellung ist nur für eine beschädigte oder fehlende Registerdatei möglich.',
  commitInvalid: (first: string, count: number) =>
    `Die Änderung wurde nicht gespeichert, weil das Register danach nicht mehr lesbar wäre: ${/[.!?]$/.test(first) ? first : `${first}.`}${count > 1 ? ` (${count} Probleme insgesamt)` : ''} Der zuletzt gespeicherte Stand ist unverändert.`,
  commitTooLarge: (mib: number, max: number) =>
    `Die Änderung wurde nicht gespeichert: Das Register würde ${mib.toLocaleString('de-DE')} MiB groß und damit größer als die zulässigen ${max.toLocaleString('de-DE')} MiB. Bitte leeren Sie den Papierkorb, entfernen Sie nicht mehr benötigte Importe oder archivieren Sie abgeschlossene Fassungen in einem eigenen Register.`,
  createNotOffered: 'Ein neues Register wird hier nur angelegt, wenn die Registerdatei fehlt.',
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
