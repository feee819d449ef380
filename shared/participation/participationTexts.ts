/**
 * Texts of Gremien & Beteiligung shared by every layer (`de.participation`): the words for the states and
 * kinds of members, sessions, recommendations, Quartierslabore, Anregungen, tracked decisions and
 * personal data, their validation messages and the standard opening items of a Dortmund session.
 * Screens and documents add their own blocks beside this one.
 */
const n = (value: number) => value.toLocaleString('de-DE');

export const participationTexts = {
  memberRoles: {
    vorsitz: 'Vorsitz',
    stellv_vorsitz: 'Stellvertretender Vorsitz',
    mitglied: 'Mitglied',
    beratend: 'Beratendes Mitglied',
    geschaeftsfuehrung: 'Geschäftsführung',
  },
  meetingStates: {
    geplant: 'geplant',
    eingeladen: 'eingeladen',
    durchgefuehrt: 'durchgeführt',
    abgeschlossen: 'Niederschrift genehmigt',
  },
  agendaKinds: { standard: 'Regularien', sache: 'Sachthema' },
  /** Dortmund sessions open with these items (DOMAIN.md §3); pre-filled in every new session. */
  standardAgenda: [
    'Benennung eines Mitglieds zur Mitunterzeichnung der Niederschrift',
    'Hinweis auf das Mitwirkungsverbot gem. §§ 31 und 43 Abs. 2 GO NRW',
    'Feststellung der Tagesordnung',
    'Genehmigung der Niederschrift über die letzte Sitzung',
  ],
  addressees: { rat: 'Rat', ausschuss: 'Ausschuss', lenkungskreis: 'Lenkungskreis', verwaltung: 'Verwaltung' },
  recommendationStates: {
    offen: 'offen',
    in_bearbeitung: 'in Bearbeitung',
    umgesetzt: 'umgesetzt',
    teilweise_umgesetzt: 'teilweise umgesetzt',
    abgelehnt: 'nicht übernommen',
  },
  proposalSources: {
    quartierslabor: 'Quartierslabor',
    vollversammlung: 'Vollversammlung',
    eingabe: 'Eingabe nach § 24 GO NRW',
    sonstige: 'Sonstige',
  },
  proposalStates: {
    eingegangen: 'eingegangen',
    in_pruefung: 'in Prüfung',
    uebernommen: 'übernommen in Maßnahme',
    erledigt: 'erledigt',
    abgelehnt: 'abgelehnt',
  },
  /** Suggestions for the category of an Anregung (the field stays free text). */
  proposalCategories: [
    'Sauberkeit',
    'Beleuchtung',
    'Angstraum',
    'Verkehr',
    'Nachbarschaft',
    'Präsenz von Ordnungsdienst und Polizei',
    'Jugend',
    'Sucht und Drogen',
    'Sonstiges',
  ],
  decisionKinds: { beschluss: 'Beschluss', antrag: 'Antrag', anfrage: 'Anfrage', pruefauftrag: 'Prüfauftrag' },
  decisionStates: {
    offen: 'offen',
    in_bearbeitung: 'in Bearbeitung',
    erledigt: 'erledigt',
    zurueckgestellt: 'zurückgestellt',
    aufgehoben: 'aufgehoben',
  },
  contactChannels: { email: 'E-Mail', telefon: 'Telefon', post: 'Post' },
  privacyKinds: {
    contact: 'Kontakt für Rückmeldung',
    member: 'Namen von Delegierten',
    proposal: 'Text einer Anregung',
  },
  privacyLabels: {
    contact: (proposalNumber: string) => `Kontakt zur Anregung ${proposalNumber}`,
    member: (body: string, organisation: string) => `${body}: Delegierte von ${organisation}`,
    proposal: (number: string) => `Anregung ${number}`,
  },
  privacyActions: { delete: 'löschen', anonymise: 'anonymisieren' },
  anonymised: '[anonymisiert]',
  retentionLabel: 'Aufbewahrungsfristen',
  /** The hub screen and the menu. */
  ui: {
    nav: 'Gremien & Beteiligung',
    heading: 'Gremien & Beteiligung',
    tabsLabel: 'Bereiche von Gremien & Beteiligung',
    tabs: {
      bodies: 'Gremien',
      meetings: 'Sitzungen',
      recommendations: 'Empfehlungen',
      labs: 'Quartierslabore',
      proposals: 'Anregungen',
      tracking: 'Beschlussverfolgung',
    },
    privacyNav: 'Datenschutz',
    menuParticipation: 'G&remien && Beteiligung',
    menuPrivacy: '&Datenschutz',
  },
  halfYear: (year: number, half: 1 | 2) => `${half}. Halbjahr ${year}`,

  validation: {
    closedOnlyByFinalising:
      'Den Stand „abgeschlossen“ setzt „Niederschrift abschließen“ (Abschnitt Dokumente); dabei wird der Stand der Empfehlungen und Beschlüsse festgehalten.',
    coSignerNameRequired: 'Bitte den Namen der Person angeben, die mitunterzeichnet (oder die Zeile entfernen).',
    finaliseInTrash: 'Die Sitzung liegt im Papierkorb; ihre Niederschrift kann nicht abgeschlossen werden.',
    alreadyFinalised: (date: string) => `Die Niederschrift ist bereits am ${date} abgeschlossen worden.`,
    signersMissing: (roles: string) =>
      `Vor dem Abschluss bitte ${roles} eintragen: die Niederschrift nennt sie unter den Unterschriftszeilen.`,
    organisationRequired: 'Bitte die entsendende Organisation angeben.',
    meetingNumberRequired: 'Bitte die Sitzungsnummer angeben (z. B. „3. Sitzung“).',
    time: 'Bitte eine Uhrzeit im Format HH:MM eingeben (z. B. 16:00).',
    endBeforeStart: 'Das Ende liegt vor dem Beginn.',
    agendaNumber: 'Die TOP-Nummer besteht aus Ziffern, mit einem Punkt für Unterpunkte (z. B. „5“ oder „5.1“).',
    agendaTitleRequired: 'Bitte den Gegenstand des Tagesordnungspunkts angeben.',
    numberRequired: 'Bitte eine Nummer angeben.',
    textRequired: 'Bitte den Text eingeben.',
    subjectRequired: 'Bitte den Gegenstand angeben.',
    homeAddress:
      'Bitte keine Hausanschrift angeben – nur Stadtbezirk oder Bereich (z. B. „Umfeld Nordmarkt“). Kontaktdaten gehören in den Kontakt für Rückmeldung.',
    consentRequired: 'Ein Kontakt darf nur mit dokumentierter Einwilligung gespeichert werden.',
    contactValueRequired: 'Bitte die E-Mail-Adresse, Telefonnummer oder Anschrift für die Rückmeldung angeben.',
    contactNameRequired: 'Bitte den Namen angeben.',
    labRequired: 'Bitte das Quartierslabor angeben, aus dem die Anregung stammt.',
    measureRequired: 'Bitte die Maßnahme angeben, in die die Anregung übernommen wurde.',
    reasonRequired: 'Für eine Ablehnung ist eine Begründung erforderlich.',
    feedbackTextRequired: 'Bitte den Text der Rückmeldung angeben, wenn ein Rückmeldedatum eingetragen ist.',
    transition: (from: string, to: string) => `Der Status kann nicht von „${from}“ auf „${to}“ wechseln.`,
    unknownBody: 'Dieses Gremium gibt es nicht (mehr).',
    unknownMeasure: 'Diese Maßnahme gibt es nicht (mehr).',
    unknownSubmission: 'Diese Ratsvorlage gibt es nicht (mehr).',
    unknownRecommendation: 'Diese Empfehlung gibt es nicht (mehr).',
    unknownLab: 'Dieses Quartierslabor gibt es nicht (mehr).',
    unknownMeeting: 'Diese Sitzung gibt es nicht (mehr).',
    unknownAgendaItem: 'Diesen Tagesordnungspunkt gibt es in der Sitzung nicht.',
    unknownOrgUnit: 'Diese Organisationseinheit gibt es nicht (mehr).',
    numberTaken: (number: string) => `Die Nummer „${number}“ ist bereits vergeben.`,
    meetingNumberTaken: (number: string) => `Die Sitzung „${number}“ gibt es für dieses Gremium bereits.`,
    duplicateAgendaNumber: (number: string) => `Die TOP-Nummer „${number}“ kommt mehrfach vor.`,
    countTooLarge: 'Die Zahl ist unrealistisch groß.',
    attendingAboveInvited: 'Es können nicht mehr Personen teilgenommen haben als eingeladen waren.',
    duplicateOrganisation: 'Diese Organisation steht schon in der Liste.',
  },

  /** Warnings of the integrity check (a file edited outside the app). */
  integrity: {
    kinds: {
      member: 'Mitglied',
      meeting: 'Sitzung',
      recommendation: 'Empfehlung',
      lab: 'Quartierslabor',
      proposal: 'Anregung',
      contact: 'Kontakt',
      decision: 'Beschluss',
      body: 'Gremium',
      measure: 'Maßnahme',
      submission: 'Vorlage',
      orgUnit: 'Organisationseinheit',
    },
    member: (organisation: string) => `Mitglied „${organisation}“`,
    meeting: (number: string, date: string) => `Sitzung „${number}“ vom ${date}`,
    recommendation: (number: string) => `Empfehlung ${number}`,
    proposal: (number: string) => `Anregung ${number}`,
    decision: (printNumber: string) => `Beschluss DS ${printNumber}`,
    missing: (where: string, what: string, id: string) =>
      `${where} verweist auf einen Eintrag, der nicht im Register steht (${what} ${id}).`,
    contactWithoutProposal: 'Ein Kontakt für Rückmeldungen gehört zu keiner vorhandenen Anregung.',
    twoContacts: (number: string) => `Zur Anregung ${number} sind mehrere Kontakte gespeichert; erlaubt ist einer.`,
  },

  /** Audit trail of "Niederschrift abschließen": what the record holds (counts, no names). */
  recordSummary: (recommendations: number, decisions: number) =>
    `Stand festgehalten: ${recommendations} ${recommendations === 1 ? 'Empfehlung' : 'Empfehlungen'}, ${decisions} ${decisions === 1 ? 'Beschluss' : 'Beschlüsse'}`,
  errors: {
    meetingFinalised: (date: string) =>
      `Die Niederschrift dieser Sitzung ist am ${date} abgeschlossen worden; die Sitzung ist damit ein Protokoll und kann nicht mehr geändert werden.`,
    labInUse: (count: number) =>
      `Das Quartierslabor kann nicht gelöscht werden: ${n(count)} ${count === 1 ? 'Anregung verweist' : 'Anregungen verweisen'} darauf.`,
    meetingInUse: (count: number) =>
      `Die Sitzung kann nicht gelöscht werden: ${n(count)} ${count === 1 ? 'Empfehlung oder Anregung verweist' : 'Empfehlungen oder Anregungen verweisen'} darauf.`,
    bodyInUse: (count: number) =>
      `Das Gremium kann nicht gelöscht werden: Es wird an ${n(count)} ${count === 1 ? 'Stelle' : 'Stellen'} verwendet (Beratungsfolge, Mitglieder, Sitzungen oder Beschlussverfolgung). Setzen Sie es stattdessen auf „nicht aktiv“.`,
    proposalAlreadyTaken: 'Diese Anregung ist bereits in eine Maßnahme übernommen.',
    proposalClosedForMeasure:
      'Aus einer abgelehnten oder erledigten Anregung kann keine Maßnahme entstehen. Bitte setzen Sie sie zuerst wieder auf „in Prüfung“.',
    anonymisedReadOnly: 'Dieser Eintrag ist anonymisiert und kann nicht mehr bearbeitet werden.',
    nothingDue: 'Für die gewählten Einträge ist keine Löschung oder Anonymisierung fällig.',
  },
};
