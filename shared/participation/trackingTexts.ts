/**
 * Texts of the Beschlussverfolgung screens, the Datenschutz view and the Papierkorb entries of Gremien &
 * Beteiligung, mounted into de.ts as `de.trackingUi`. Words for states and kinds come from
 * `de.participation`.
 */
const n = (value: number) => value.toLocaleString('de-DE');
const plural = (count: number, one: string, many: string) => `${n(count)} ${count === 1 ? one : many}`;

export const trackingTexts = {
  panel: {
    heading: 'Beschlussverfolgung',
    intro:
      'Beschlüsse, Anträge, Anfragen und Prüfaufträge der Gremien zum Masterplan: wer sie gestellt hat, bis wann sie zu erledigen sind, wer federführend ist und was daraus geworden ist.',
    newDecision: 'Neuer Beschluss',
    overdueHeading: (count: number) => `Überfällig (${n(count)})`,
    overdueIntro: 'Die Frist ist abgelaufen, der Beschluss ist aber weder erledigt noch aufgehoben.',
    overdueNone: 'Keine Frist ist überschritten.',
    overdueCaption: 'Überfällige Beschlüsse, älteste Frist zuerst',
    overdue: 'überfällig',
    listHeading: 'Alle Beschlüsse',
    tableCaption: 'Beschlüsse in der Beschlussverfolgung',
    // Soft hyphens (\u00AD): in the narrow columns of the list a head breaks at a syllable, not anywhere.
    col: {
      printNumber: 'Druck\u00ADsache',
      body: 'Gremium',
      decidedOn: 'Datum',
      requestingGroup: 'antrag\u00ADstellend',
      subject: 'Gegenstand',
      dueDate: 'Frist',
      responsible: 'feder\u00ADführend',
      measures: 'Maß\u00ADnahmen',
      state: 'Status',
      lastUpdate: 'letzte Aktuali\u00ADsierung',
    },
    filters: 'Beschlüsse filtern',
    search: 'Suche',
    searchPlaceholder: 'Drucksache, Gegenstand, Antragsteller …',
    filterState: 'Status',
    filterBody: 'Gremium',
    filterResponsible: 'federführend',
    onlyOverdue: 'nur überfällige',
    onlyPeriod: 'nur Einträge des Berichtshalbjahrs',
    all: 'alle',
    allOpen: 'alle nicht abgeschlossenen',
    resetFilters: 'Filter zurücksetzen',
    count: (shown: number, total: number) =>
      shown === total ? plural(total, 'Beschluss', 'Beschlüsse') : `${n(shown)} von ${plural(total, 'Beschluss', 'Beschlüssen')}`,
    noneYet: 'Noch keine Beschlüsse erfasst. Mit „Neuer Beschluss“ legen Sie den ersten an.',
    noneMatch: 'Kein Beschluss passt zu den Filtern.',
    report: {
      heading: 'Halbjahresbericht an den Rat',
      period: 'Berichtshalbjahr',
      hint: 'Der Bericht enthält alle Beschlüsse, die bis zum Ende des Halbjahrs gefasst wurden, außer denen, die schon vor seinem Beginn erledigt oder aufgehoben waren.',
      inPeriod: (count: number, label: string) => `${plural(count, 'Beschluss', 'Beschlüsse')} im ${label}`,
      openAfter: 'Nach dem Export öffnen',
      exportExcel: 'Excel exportieren …',
      createMitteilung: 'Mitteilung entwerfen',
      busy: 'Wird erstellt …',
      written: (file: string) => `Gespeichert unter ${file}`,
      cancelled: 'Der Export wurde abgebrochen; es wurde keine Datei geschrieben.',
    },
  },

  editor: {
    newTitle: 'Neuer Beschluss',
    editTitle: (printNumber: string) => `Beschluss DS-Nr. ${printNumber}`,
    label: (printNumber: string, subject: string) => `Beschluss DS-Nr. ${printNumber} „${subject}“`,
    back: 'Zurück zur Beschlussverfolgung',
    save: 'Speichern',
    delete: 'In den Papierkorb …',
    /** The one confirmation after a save (ui/SaveConfirmation.tsx): says which Beschluss. */
    saved: (printNumber: string) => `Beschluss DS-Nr. ${printNumber} gespeichert.`,
    notFound: 'Diesen Beschluss gibt es nicht (mehr).',
    inTrash: 'Dieser Beschluss liegt im Papierkorb. Stellen Sie ihn dort wieder her, um ihn zu bearbeiten.',
    conflictReload: 'Gespeicherten Stand laden (Eingaben verwerfen)',
    sections: { decision: 'Beschluss', implementation: 'Umsetzung und Stand', measures: 'Verknüpfte Maßnahmen' },
    field: {
      printNumber: 'Drucksache-Nr.',
      bodyId: 'Gremium',
      decidedOn: 'Datum des Beschlusses',
      kind: 'Art',
      requestingGroup: 'antragstellend',
      subject: 'Gegenstand',
      decisionText: 'Beschlusstext',
      dueDate: 'Frist',
      responsibleOrgUnitId: 'federführend',
      measureIds: 'Verknüpfte Maßnahmen',
      state: 'Status',
      stateText: 'Aktueller Stand',
      lastUpdateOn: 'Letzte Aktualisierung',
    },
    hints: {
      printNumber: 'Form 12345-18, Ergänzungen 12345-18-E1',
      date: 'TT.MM.JJJJ',
      dueDate: 'TT.MM.JJJJ; leer lassen, wenn keine Frist gesetzt ist',
      requestingGroup: 'z. B. „CDU, SPD, Bündnis 90/Die Grünen“ oder „Verwaltung“',
      stateText: 'So erscheint der Stand in der Halbjahrestabelle und in der Mitteilung.',
    },
    lastUpdateHint: 'Wird beim Speichern gesetzt, wenn sich Status oder Stand ändern.',
    lastUpdateNew: 'wird beim ersten Speichern gesetzt',
    chooseBody: 'Bitte wählen',
    noOrgUnit: 'keine Angabe',
    inactiveBody: (name: string) => `${name} (nicht aktiv)`,
    bodyRequired: 'Bitte das Gremium angeben.',
    decidedOnRequired: 'Bitte das Datum des Beschlusses angeben.',
    problems: (count: number) =>
      count === 1 ? 'Ein Feld muss noch korrigiert werden:' : `${n(count)} Felder müssen noch korrigiert werden:`,
    deleteTitle: 'In den Papierkorb',
    deleteConfirm: (label: string) => `${label} in den Papierkorb legen? Er kann dort wiederhergestellt werden.`,
    measures: {
      search: 'Maßnahmen suchen',
      searchPlaceholder: 'Nummer, Titel oder Stichwort',
      results: 'Gefundene Maßnahmen zum Verknüpfen',
      resultsCount: (shown: number, total: number) =>
        shown === total
          ? `${plural(total, 'Maßnahme', 'Maßnahmen')} gefunden`
          : `${n(shown)} von ${n(total)} gefundenen Maßnahmen angezeigt`,
      noneSelected: 'Keine Maßnahme verknüpft.',
      selectedCaption: (count: number) => `Verknüpfte Maßnahmen (${n(count)})`,
      number: 'Nummer',
      title: 'Titel',
      status: 'Status',
      remove: 'Entfernen',
      removeLabel: (number: string) => `Maßnahme ${number} entfernen`,
      inTrash: (status: string) => `${status} (im Papierkorb)`,
      unknown: 'Diese Maßnahme gibt es nicht (mehr).',
    },
  },

  /** "Status ändern …" on a tracked decision: state, state in words and Frist in one small dialog. */
  stateDialog: {
    open: 'Status ändern …',
    title: (printNumber: string) => `Status von Beschluss DS-Nr. ${printNumber} ändern`,
    intro: (current: string) => `Derzeit: ${current}. Die Änderung wird im Verlauf festgehalten.`,
    lastUpdate: (today: string) => `Ändern sich Status oder Stand, wird die letzte Aktualisierung auf heute (${today}) gesetzt.`,
    state: 'Neuer Status',
    stateText: 'Aktueller Stand',
    stateTextHint: 'So erscheint der Stand in der Halbjahrestabelle und in der Mitteilung.',
    dueDate: 'Frist',
    dueDateHint: 'Leer lassen, wenn keine Frist gesetzt ist.',
    save: 'Status speichern',
    cancel: 'Abbrechen',
    unchanged: 'Status, Stand und Frist sind unverändert; es wurde nichts gespeichert.',
    saved: (printNumber: string, state: string) => `Status von Beschluss DS-Nr. ${printNumber} ist jetzt „${state}“.`,
    saveFirst: 'Status ändern: erst die Eingaben im Formular speichern oder verwerfen.',
  },

  /** The "Verlauf" of a tracked decision. */
  history: {
    caption: 'Änderungen an diesem Beschluss, neueste zuerst',
    unknown: 'nicht mehr vorhanden',
  },

  privacy: {
    title: 'Datenschutz',
    intro:
      'Welche personenbezogenen Daten das Register enthält, wie lange sie aufbewahrt werden und was jetzt zu löschen oder zu anonymisieren ist.',
    dataHeading: 'Personenbezogene Daten im Register',
    data: [
      {
        term: 'Kontakte für Rückmeldungen',
        text: 'Name und E-Mail-Adresse, Telefonnummer oder Anschrift von Bürgerinnen und Bürgern, die eine Rückmeldung zu ihrer Anregung wünschen. Sie werden nur mit dokumentierter Einwilligung gespeichert, getrennt von der Anregung aufbewahrt, in keine Ausgabe übernommen und nach der Rückmeldung und einer Karenzzeit gelöscht.',
      },
      {
        term: 'Namen von Delegierten',
        text: 'Namen der Delegierten und ihrer Stellvertretungen in den Gremien, etwa der Vollversammlung. Es sind Angaben zur öffentlichen Funktion; nach dem Ende der Amtszeit und einer Frist werden die Namen anonymisiert, die entsendende Organisation bleibt stehen.',
      },
      {
        term: 'Texte von Anregungen',
        text: 'Anregungen aus Quartierslaboren, der Vollversammlung oder Eingaben nach § 24 GO NRW können politische Meinungen erkennen lassen (Art. 9 DSGVO). Sie enthalten keine Namen und keine Hausanschriften; Text, Begründung und Rückmeldung abgeschlossener Anregungen werden nach einer Frist anonymisiert.',
      },
      {
        term: 'Änderungsprotokoll',
        text: 'Das Protokoll nennt, wer wann was geändert hat (Anmeldename). Gelöschte oder anonymisierte Angaben erscheinen darin nicht; vermerkt wird nur, dass und warum gelöscht oder anonymisiert wurde.',
      },
    ],
    legalBasis:
      'Rechtsgrundlage ist Art. 6 Abs. 1 Buchst. e DSGVO in Verbindung mit § 3 DSG NRW, für Kontakte die Einwilligung der Person. Teilnahmen an Sitzungen und Quartierslaboren werden nur als Anzahl und mit den Namen von Organisationen erfasst, nicht mit Namen von Personen.',
    retentionHeading: 'Aufbewahrungsfristen',
    retentionIntro:
      'Die Fristen gelten für alle, die dieses Register nutzen (Löschkonzept nach DIN 66398). Nach ihrem Ablauf erscheinen die Einträge unten als fällig.',
    retention: {
      contactGraceDays: {
        label: 'Kontakte für Rückmeldungen löschen nach',
        unit: 'Tagen',
        hint: 'gerechnet ab dem Datum der Rückmeldung an die Person',
        max: 3650,
      },
      memberMonthsAfterTerm: {
        label: 'Namen von Delegierten anonymisieren nach',
        unit: 'Monaten',
        hint: 'gerechnet ab dem Ende der Amtszeit',
        max: 240,
      },
      proposalYearsAfterClosing: {
        label: 'Texte abgeschlossener Anregungen anonymisieren nach',
        unit: 'Jahren',
        hint: 'gerechnet ab dem Abschluss (übernommen, erledigt oder abgelehnt)',
        max: 30,
      },
    },
    retentionInvalid: (max: number) => `Bitte eine ganze Zahl von 0 bis ${n(max)} eingeben.`,
    saveRetention: 'Fristen speichern',
    retentionSaved: 'Die Aufbewahrungsfristen wurden gespeichert.',
    dueHeading: 'Fällige Löschungen und Anonymisierungen',
    contactsStored: (count: number) =>
      count === 0
        ? 'Es sind keine Kontakte für Rückmeldungen gespeichert.'
        : count === 1
          ? 'Gespeichert ist 1 Kontakt für Rückmeldungen.'
          : `Gespeichert sind ${n(count)} Kontakte für Rückmeldungen.`,
    nothingDue: 'Zurzeit ist nichts zu löschen oder zu anonymisieren.',
    dueCaption: (count: number) => `Fällige Einträge (${n(count)})`,
    col: { select: 'Auswahl', kind: 'Art der Daten', label: 'Eintrag', dueSince: 'fällig seit', action: 'Vorgehen' },
    selectAll: 'Alle auswählen',
    selectItem: (label: string) => `${label} auswählen`,
    selectedCount: (count: number, total: number) => `${n(count)} von ${n(total)} ausgewählt`,
    archiveHint:
      'Vor dem Löschen: Unterlagen von bleibendem Wert sind nach dem Archivgesetz Nordrhein-Westfalen (ArchivG NRW) dem Stadtarchiv anzubieten. Klären Sie mit dem Stadtarchiv, ob es die Angaben übernehmen möchte, bevor Sie löschen oder anonymisieren.',
    apply: 'Ausgewählte löschen bzw. anonymisieren …',
    backupsHeading: 'Sicherungen',
    backupsIntro: (keepLast: number, keepDays: number) =>
      `Sicherungen enthalten den Stand ihres Zeitpunkts – auch Daten, die seitdem gelöscht oder anonymisiert wurden. Sie werden beim Öffnen des Registers und nach jedem Löschen hier entfernt, sobald sie älter als ${plural(keepDays, 'Tag', 'Tage')} sind und nicht mehr zu den letzten ${n(keepLast)} gehören (Einstellungen).`,
    backupsNone: 'Es gibt keine Sicherungen dieses Registers.',
    backupsCaption: (count: number) => `${plural(count, 'Sicherung', 'Sicherungen')} mit Daten bis zu ihrer Entfernung`,
    backupsCol: { createdAt: 'Angelegt', kind: 'Art', holds: 'Enthält die Daten bis' },
    backupKinds: {
      start: 'beim Öffnen',
      migration: 'vor Formatumwandlung',
      restore: 'vor Wiederherstellung',
      beschaedigt: 'Kopie einer beschädigten Datei',
    } as Record<string, string>,
    backupHolds: (date: string, newerNeeded: number) =>
      newerNeeded > 0
        ? `frühestens ${date} und bis ${plural(newerNeeded, 'weitere Sicherung', 'weitere Sicherungen')} angelegt wurden`
        : `frühestens ${date}`,
    confirmTitle: 'Löschen und anonymisieren',
    confirmText: (toDelete: number, toAnonymise: number) => {
      const parts = [
        toDelete > 0 ? `${plural(toDelete, 'Kontakt wird', 'Kontakte werden')} gelöscht` : '',
        toAnonymise > 0 ? `${plural(toAnonymise, 'Eintrag wird', 'Einträge werden')} anonymisiert` : '',
      ].filter(Boolean);
      return `${parts.join(' und ')}. Das kann nicht rückgängig gemacht werden.`;
    },
    confirmLabel: 'Endgültig löschen bzw. anonymisieren',
    done: (deleted: number, anonymised: number) =>
      `${plural(deleted, 'Kontakt', 'Kontakte')} gelöscht, ${plural(anonymised, 'Eintrag', 'Einträge')} anonymisiert.`,
    readOnly: 'Das Register ist nur zum Lesen geöffnet: Fristen, Löschungen und Anonymisierungen sind hier nicht möglich.',
  },

  trash: {
    intro:
      'Gelöschte Maßnahmen, Sitzungen, Empfehlungen, Quartierslabore, Anregungen und Beschlüsse bleiben hier erhalten und können wiederhergestellt werden. Gelöschte Ratsvorlagen finden Sie unter „Ratsvorlagen“.',
    groups: {
      measures: 'Maßnahmen',
      meetings: 'Sitzungen',
      recommendations: 'Empfehlungen',
      labs: 'Quartierslabore',
      proposals: 'Anregungen',
      decisions: 'Beschlüsse (Beschlussverfolgung)',
    },
    heading: (group: string, count: number) => `${group} (${n(count)})`,
    caption: (group: string) => `${group} im Papierkorb`,
    col: { entry: 'Eintrag', detail: 'Angaben', deletedAt: 'gelöscht am' },
    labels: {
      meeting: (number: string, body: string, date: string) => `Sitzung „${number}“ (${body}) vom ${date}`,
      recommendation: (number: string, title: string) => `Empfehlung ${number} „${title}“`,
      lab: (name: string) => `Quartierslabor „${name}“`,
      proposal: (number: string) => `Anregung ${number}`,
      decision: (printNumber: string, subject: string) => `Beschluss DS-Nr. ${printNumber} „${subject}“`,
    },
    details: {
      recommendation: (addressee: string, date: string) => `an ${addressee}, ${date}`,
      proposal: (source: string, date: string, state: string) => `${source}, eingegangen am ${date}, ${state}`,
      decision: (body: string, date: string, state: string) => `${body}, ${date}, ${state}`,
      lab: (district: string, quarter: string) => (quarter ? `${district}, ${quarter}` : district),
    },
    restoreLabel: (label: string) => `${label} wiederherstellen`,
    restored: (label: string) => `${label} wurde wiederhergestellt.`,
    refused: (label: string, reason: string) => `${label} kann nicht wiederhergestellt werden: ${reason}`,
    loadFailed: (reason: string) => `Die gelöschten Einträge aus Gremien & Beteiligung konnten nicht geladen werden: ${reason}`,
  },
};
