/**
 * German texts of shared work on one register (Mehrplatzbetrieb): write lock, following others'
 * changes, who is working, edge cases of a network folder. See docs/multi-user.md.
 */
export const multiUser = {
  lockBusy: (user: string, host: string) =>
    `Das Register wird gerade von ${user} (${host}) gespeichert und blieb länger als erwartet gesperrt. Ihre Änderung wurde nicht gespeichert; Ihre Eingaben sind noch da. Bitte speichern Sie gleich noch einmal.`,
  lockBusyUnknown:
    'Das Register ist gerade zum Speichern gesperrt und blieb länger als erwartet gesperrt. Ihre Änderung wurde nicht gespeichert; Ihre Eingaben sind noch da. Bitte speichern Sie gleich noch einmal.',
  lockLost:
    'Die Schreibsperre wurde während des Speicherns von einem anderen Arbeitsplatz übernommen (dieser Rechner hat zu lange nicht reagiert). Ihre Änderung wurde nicht gespeichert; Ihre Eingaben sind noch da.',
  unknownHolder: 'unbekannt',
  staleLockNote: (user: string, host: string) => `Verwaiste Schreibsperre von ${user} (${host}) aufgehoben`,
  registerGone:
    'Die Registerdatei ist nicht mehr an ihrem Ort (umbenannt, verschoben oder gelöscht, oder die Netzwerkfreigabe ist nicht erreichbar). Ihre Änderung wurde nicht gespeichert; Ihre Eingaben sind noch da.',
  registerReplaced: 'Die Registerdatei wurde ersetzt (z. B. durch eine Sicherung). Das Programm hat den neuen Stand eingelesen.',
  journalDamaged: (line: number) =>
    `Das Änderungsprotokoll der Registerdatei ist ab Zeile ${line} beschädigt. Es wurden nur die Änderungen davor eingelesen.`,
  journalNewer:
    'Ein anderer Arbeitsplatz arbeitet mit einer neueren Programmversion an diesem Register. Bitte aktualisieren Sie das Programm; bis dahin ist das Register hier nur zum Lesen geöffnet.',
  legacyLock: (user: string, host: string) =>
    `${user} (${host}) arbeitet mit einer älteren Programmversion an diesem Register. Bis diese geschlossen oder aktualisiert ist, ist das Register hier nur zum Lesen geöffnet.`,
  migrationWaits:
    'Das Register hat ein älteres Format und wird umgestellt, sobald Sie allein damit arbeiten. Bis dahin ist es hier nur zum Lesen geöffnet. Bitte bitten Sie die anderen, das Programm zu schließen.',
  readOnlyChosen: 'Sie haben das Register nur zum Lesen geöffnet.',
  backupCopy: (registerName: string, takenAt: string) =>
    `Diese Datei ist eine Sicherung des Registers „${registerName}“ vom ${takenAt}. Sie ist nur zum Lesen geöffnet, damit keine Änderung in der Sicherung statt im Register landet. Wer mit diesem Stand weiterarbeiten will, kopiert die Datei an einen anderen Ort und öffnet die Kopie.`,
  changedBy: (user: string, time: string) => `Geändert von ${user} um ${time}`,
  changedElsewhere:
    'Dieser Eintrag wurde inzwischen an einem anderen Arbeitsplatz geändert. Wenn Sie speichern, wird das abgelehnt; Ihre Eingaben bleiben im Formular.',
  presenceTitle: 'Wer arbeitet am Register',
  presenceCount: (n: number) => (n === 1 ? 'Nur Sie arbeiten am Register' : `${n} Personen arbeiten am Register`),
  presenceEntry: (user: string, host: string, since: string) => `${user} auf ${host}, seit ${since}`,
  presenceYou: '(Sie)',
  presenceClose: 'Schließen',
};
