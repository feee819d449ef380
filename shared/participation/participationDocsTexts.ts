/**
 * Texts of the documents and workbooks of Gremien & Beteiligung (`de.participationDocs`): Einladung mit
 * Tagesordnung and Niederschrift (Word), the Anregungen and Beschlussverfolgung workbooks (Excel), the
 * draft Mitteilung of the Beschlussverfolgung, and the file names the save dialog suggests.
 * Self-contained (de.ts mounts it), so the state labels come from `de.participation` where used.
 */
const n = (value: number) => value.toLocaleString('de-DE');
const count = (value: number, one: string, many: string) => `${n(value)} ${value === 1 ? one : many}`;

/** First word of a feminine noun phrase ("Vollversammlung …", "Bezirksvertretung …", "Arbeitsgruppe …"). */
const FEMININE = /(ung|e|schaft|heit|keit|ion|tät|konferenz|kammer|runde)$/i;

/** "Rat" → "Rats", "Ausschuss" → "Ausschusses", "Lenkungskreis" → "Lenkungskreises". */
function genitiveNoun(word: string): string {
  if (/(s|ß|x|z)$/i.test(word)) return `${word}es`;
  return `${word}s`;
}

/**
 * The body's name after "Sitzung": "der Vollversammlung …", "des Ausschusses für …", "des Rats der
 * Stadt", "des Hauptausschusses und Ältestenrats". A heuristic on the first noun; body names are
 * editable data, so the clerk can still reword the document in Word.
 */
export function bodyGenitive(name: string): string {
  const words = name.trim().split(/\s+/);
  const first = words[0] ?? '';
  if (first === '') return name;
  if (FEMININE.test(first)) return `der ${name.trim()}`;
  const out = [genitiveNoun(first), ...words.slice(1)];
  // "Hauptausschuss und Ältestenrat": the second noun of the pair is inflected as well.
  if (words[1] === 'und' && words[2] && /^[A-ZÄÖÜ]/.test(words[2]) && !FEMININE.test(words[2])) out[2] = genitiveNoun(words[2]);
  return `des ${out.join(' ')}`;
}

/** "Quartierslabor Nordstadt – Nordmarkt" → "im Quartierslabor Nordstadt – Nordmarkt"; another name → "im Quartierslabor „…“". */
function labPhrase(name: string): string {
  return /^quartierslabor\b/i.test(name.trim()) ? `im ${name.trim()}` : `im Quartierslabor „${name.trim()}“`;
}

export const participationDocsTexts = {
  /** Parts of the file names the save dialog suggests (joined with "_", unsafe characters removed). */
  fileNames: {
    einladung: 'Einladung',
    niederschrift: 'Niederschrift',
    proposals: 'Anregungen',
    tracking: 'Beschlussverfolgung',
    trackingAll: 'Stand',
    /** Never the person's name: "Rueckmeldung_A-2026-002.docx". */
    feedbackLetter: 'Rueckmeldung',
  },

  weekdays: ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'],
  /** "Donnerstag, 12.03.2026". */
  dateWithWeekday: (weekday: string, date: string) => `${weekday}, ${date}`,
  time: (hhmm: string) => `${hhmm} Uhr`,
  /** DIN 5008 letter date: "Dortmund, 01.03.2026". */
  letterDate: (city: string, date: string) => `${city}, ${date}`,
  timeRange: (from: string, to: string) => `${from} bis ${to} Uhr`,

  meeting: {
    /** "3" or "3." → "3. Sitzung"; a number typed with its word ("3. Sitzung", "Sondersitzung") stays. */
    sessionLabel: (number: string) => (/^\d+\.?$/.test(number.trim()) ? `${number.trim().replace(/\.$/, '')}. Sitzung` : number.trim()),
    titles: {
      einladung: (number: string, body: string) => `Einladung zur ${number} ${bodyGenitive(body)}`,
      niederschrift: (number: string, body: string) => `Niederschrift über die ${number} ${bodyGenitive(body)}`,
    },
    subjects: { einladung: 'Einladung mit Tagesordnung', niederschrift: 'Niederschrift' },
    runningHeader: (kind: string, body: string, number: string, date: string) => `${kind} · ${body} · ${number} am ${date}`,
    nonPublicMark: 'enthält nichtöffentlichen Teil',
    keywords: ['Masterplan Kommunale Sicherheit', 'Sitzung'],
    description: (date: string, version: string) => `Erstellt am ${date} mit dem Masterplan-Register ${version}`.trim(),
    generatedOn: (date: string) => `Erstellt am ${date}`,
    page: 'Seite',
    pageOf: 'von',
    empty: '—',
    field: {
      body: 'Gremium',
      number: 'Sitzung',
      date: 'Datum',
      time: 'Uhrzeit',
      start: 'Beginn',
      end: 'Ende',
      place: 'Ort',
      members: 'Anwesende Mitglieder',
      guests: 'Gäste und Verwaltung',
      organisations: 'Vertretene Organisationen',
      result: 'Ergebnis',
      submissions: 'Vorlage',
      measures: 'Maßnahmen',
    },
    agenda: 'Tagesordnung',
    publicPart: 'Öffentlicher Teil',
    nonPublicPart: 'Nichtöffentlicher Teil',
    noAgenda: 'Die Tagesordnung enthält noch keine Punkte.',
    columns: { top: 'TOP', subject: 'Gegenstand', submissions: 'Vorlage', measures: 'Maßnahmen' },
    /** "TOP 5.1". */
    top: (number: string) => `TOP ${number}`,
    topHeading: (number: string, title: string) => `TOP ${number} ${title}`,
    notes: 'Erläuterungen zur Tagesordnung',
    nonPublicItem: '(nichtöffentlich)',
    noNumber: 'ohne Nr.',
    attendance: 'Anwesenheit',
    noOrganisations: 'Es sind keine Organisationen erfasst.',
    proceedings: 'Verlauf der Sitzung',
    noMinutes: 'Keine Aufzeichnung.',
    salutation: 'Sehr geehrte Damen und Herren,',
    /** The invitation's text when the clerk wrote none (after the salutation, so lower case). */
    defaultInvitation: (session: string, bodyGenitive: string) =>
      `hiermit lade ich Sie herzlich zur ${session} ${bodyGenitive} ein. Die Sitzung findet statt:`,
    /** The Anschriftzone of an Einladung: the body's members, one line each part. */
    addressees: (bodyGenitive: string) => ['An die Mitglieder', bodyGenitive],
    /** The last sentence of an Einladung, right above the close (unless the invitation text already asks it). */
    absenceNotice: 'Sollten Sie an der Sitzung nicht teilnehmen können, bitte ich um rechtzeitige Nachricht.',
    closing: 'Mit freundlichen Grüßen',
    chairRole: 'Vorsitz',
    recommendation: (number: string, addressee: string, title: string) => `Empfehlung ${number} an: ${addressee} – ${title}`,
    recommendations: 'Empfehlungen der Sitzung',
    noRecommendations: 'In dieser Sitzung wurden keine Empfehlungen beschlossen.',
    recommendationColumns: { number: 'Nr.', addressee: 'An', title: 'Empfehlung', top: 'TOP', state: 'Stand' },
    signatures: 'Unterschriften',
    chair: 'Vorsitz',
    recorder: 'Schriftführung',
    signatureLine: 'Unterschrift: ____________________',
    /** A meeting id that names no meeting (or one in the Papierkorb). */
    unknownMeeting: (id: string) => `Die Sitzung „${id}“ gibt es nicht (mehr).`,
    notHeld: (date: string, state: string) =>
      `Die Sitzung am ${date} hat noch nicht stattgefunden (Stand „${state}“). Eine Niederschrift gibt es erst, wenn die Sitzung als durchgeführt eingetragen ist.`,
    noNonPublicPart: 'Diese Sitzung hat keinen nichtöffentlichen Teil.',
    partTitle: (title: string, part: string) => `${title} – ${part}`,
    draftMark: 'ENTWURF',
    nonPublicOnly: 'nichtöffentlich',
    coSigner: 'Mitunterzeichnung',
    decisions: 'Beschlüsse der Sitzung',
    decisionColumns: { printNumber: 'Drucksache Nr.', subject: 'Gegenstand', state: 'Stand' },
    draftNote:
      'Entwurf: Die Niederschrift ist noch nicht abgeschlossen. Der Stand der Empfehlungen und Beschlüsse ist der vom Tag des Drucks.',
    recordNote: (date: string) => `Abgeschlossen am ${date}. Der Stand der Empfehlungen und Beschlüsse ist der vom Tag des Abschlusses.`,
    nonPublicFileSuffix: 'nichtoeffentlicher_Teil',
    city: 'Dortmund',
  },

  proposals: {
    sheets: { overview: 'Übersicht', proposals: 'Anregungen', labs: 'Quartierslabore' },
    title: 'Anregungen und Quartierslabore',
    subject: 'Anregungen aus Quartierslaboren, Vollversammlung und Eingaben mit ihrem Stand',
    author: 'Masterplan-Register',
    company: 'Stadt Dortmund',
    keywords: 'Masterplan Kommunale Sicherheit; Anregungen; Quartierslabore',
    comments: (date: string) => `Erstellt am ${date}`,
    stand: 'Stand',
    byDistrict: 'Nach Stadtbezirk',
    byState: 'Nach Status',
    bySource: 'Nach Quelle',
    withoutDistrict: 'ohne Stadtbezirk',
    total: 'Summe',
    count: 'Anzahl',
    measuresNote: 'Maßnahmen: verschiedene Maßnahmen, in die Anregungen übernommen wurden (in der Summe jede nur einmal).',
    trashNote: 'Anregungen im Papierkorb sind nicht enthalten.',
    personalData: 'Personenbezogene Daten',
    personalDataOn: 'enthalten (Kontakte für die Rückmeldung, mit Einwilligung) – nur für den dienstlichen Gebrauch',
    personalDataOff: 'nicht enthalten',
    exportedAt: 'Exportiert am',
    appVersion: 'Programmversion',
    register: 'Register',
    sample: 'Beispieldaten',
    overviewColumns: {
      district: 'Stadtbezirk',
      labs: 'Quartierslabore',
      labSessions: 'Termine',
      invited: 'Eingeladene',
      attending: 'Teilnehmende',
      proposals: 'Anregungen',
      measures: 'Maßnahmen',
    },
    columns: {
      number: 'Nr.',
      receivedOn: 'Eingang',
      source: 'Quelle',
      lab: 'Quartierslabor',
      district: 'Stadtbezirk',
      area: 'Bereich',
      category: 'Kategorie',
      text: 'Anregung',
      assigned: 'zuständig',
      state: 'Status',
      stateReason: 'Begründung',
      measure: 'Maßnahme',
      measureTitle: 'Maßnahmentitel',
      feedback: 'Rückmeldung',
      feedbackOn: 'Rückmeldung am',
      contactName: 'Name',
      contactChannel: 'Kanal',
      contactValue: 'Kontakt',
      consentOn: 'Einwilligung am',
    },
    labColumns: {
      name: 'Quartierslabor',
      district: 'Stadtbezirk',
      quarter: 'Quartier',
      format: 'Format',
      sessions: 'Termine',
      first: 'erster Termin',
      last: 'letzter Termin',
      dates: 'Termine (Datum, Ort)',
      invited: 'Eingeladene',
      attending: 'Teilnehmende',
      topics: 'Themen',
      proposals: 'Anregungen',
    },
    sessionEntry: (date: string, place: string) => (place ? `${date} (${place})` : date),
  },

  tracking: {
    sheets: { table: 'Beschlussverfolgung', summary: 'Zusammenfassung' },
    title: (period: string) => `Beschlussverfolgung Masterplan Kommunale Sicherheit – ${period}`,
    allDecisions: 'alle Beschlüsse',
    stand: 'Stand',
    subject: 'Halbjährliche Übersicht der Beschlüsse und Aufträge zum Masterplan mit ihrem Stand',
    author: 'Masterplan-Register',
    company: 'Stadt Dortmund',
    keywords: 'Masterplan Kommunale Sicherheit; Beschlussverfolgung',
    comments: (date: string) => `Erstellt am ${date}`,
    columns: {
      printNumber: 'Drucksache',
      body: 'Gremium',
      decidedOn: 'Datum',
      kind: 'Art',
      requestingGroup: 'antragstellende Fraktion(en)',
      subject: 'Gegenstand',
      decisionText: 'Beschluss',
      dueDate: 'Frist',
      responsible: 'federführend',
      measures: 'Maßnahmen',
      state: 'Status',
      stateText: 'Sachstand',
      lastUpdateOn: 'letzte Aktualisierung',
      overdue: 'überfällig',
    },
    yes: 'ja',
    no: 'nein',
    summaryColumns: { item: 'Stand', count: 'Anzahl' },
    total: 'Beschlüsse insgesamt',
    overdue: 'davon überfällig',
    overdueNote: (date: string) => `Überfällig: Frist vor dem ${date} verstrichen und nicht erledigt oder aufgehoben.`,
    period: 'Zeitraum',
    exportedAt: 'Exportiert am',
    appVersion: 'Programmversion',
    register: 'Register',
  },

  /** The Rückmeldung to a citizen as a DIN 5008 letter (Word). Neutral: no gender guessed from the name. */
  feedbackLetter: {
    title: (number: string) => `Rückmeldung zur Anregung ${number}`,
    subject: 'Rückmeldung auf eine Anregung',
    keywords: ['Masterplan Kommunale Sicherheit', 'Anregung', 'Rückmeldung'],
    description: (date: string, version: string) => `Erstellt am ${date} mit dem Masterplan-Register ${version}`.trim(),
    runningHeader: (sender: string, number: string) => `${sender} · Rückmeldung zur Anregung ${number}`,
    page: 'Seite',
    pageOf: 'von',
    /** Sender line when no office is assigned, and the city in the date line. */
    city: 'Stadt Dortmund',
    dateLine: (date: string) => `Dortmund, ${date}`,
    /** "Ihre Anregung A-2026-002 vom 07.03.2026" (+ " im Quartierslabor …"). */
    letterSubject: (number: string, receivedOn: string, lab: string | null) =>
      `Ihre Anregung ${number} vom ${receivedOn}${lab ? ` ${labPhrase(lab)}` : ''}`,
    salutation: (name: string) => `Guten Tag ${name},`,
    quoteIntro: 'vielen Dank für Ihre Anregung. Sie lautete:',
    /** The Anregung's text in quotation marks; a long one is cut at a word with "[…]". */
    quote: (text: string, cut: boolean) => `„${text}${cut ? ' […]' : ''}“`,
    state: {
      uebernommen: (measure: string | null) =>
        measure
          ? `Ihre Anregung wurde in die Maßnahme ${measure} des Masterplans Kommunale Sicherheit übernommen.`
          : 'Ihre Anregung wurde in eine Maßnahme des Masterplans Kommunale Sicherheit übernommen.',
      measure: (number: string, title: string) => `${number} „${title}“`,
      abgelehnt: 'Ihre Anregung konnte nach eingehender Prüfung leider nicht übernommen werden.',
      reason: (reason: string) => `Begründung: ${reason}`,
      erledigt: 'Ihre Anregung ist erledigt.',
      in_pruefung: 'Ihre Anregung wird zurzeit geprüft.',
      eingegangen: 'Ihre Anregung ist bei uns eingegangen und wird geprüft.',
    },
    privacyNote: 'Ihre Kontaktdaten haben wir nur für diese Rückmeldung gespeichert; sie werden danach gelöscht.',
    closing: 'Mit freundlichen Grüßen',
    unknownProposal: 'Diese Anregung gibt es nicht (mehr); es wurde kein Brief erstellt.',
    inTrash: 'Diese Anregung liegt im Papierkorb; es wurde kein Brief erstellt.',
    anonymised: 'Diese Anregung ist anonymisiert; eine Rückmeldung als Brief ist nicht mehr möglich.',
    noContact: 'Für diese Anregung ist kein Kontakt für die Rückmeldung hinterlegt; es wurde kein Brief erstellt.',
    noFeedback:
      'Die Anregung hat noch keinen Text der Rückmeldung. Tragen Sie ihn ein und speichern Sie die Anregung, dann kann der Brief erstellt werden.',
  },

  mitteilung: {
    subject: (period: string) => `Beschlussverfolgung Masterplan Kommunale Sicherheit – Sachstand ${period}`,
    resolution: (period: string) =>
      `Der Rat der Stadt nimmt den Sachstand der Beschlussverfolgung zum Masterplan Kommunale Sicherheit für das ${period} zur Kenntnis.`,
    intro: (period: string, from: string, to: string) =>
      `Die Verwaltung berichtet halbjährlich über den Stand der Beschlüsse, Anträge und Prüfaufträge zum Masterplan Kommunale Sicherheit. Dieser Bericht umfasst das ${period} (${from} bis ${to}): alle bis zum ${to} gefassten Beschlüsse, die zu Beginn des Zeitraums noch nicht erledigt waren.`,
    countsIntro: (total: number) =>
      `Im Berichtszeitraum ${total === 1 ? 'wird' : 'werden'} ${count(total, 'Beschluss', 'Beschlüsse')} verfolgt:`,
    countLine: (state: string, value: number) => `${state}: ${n(value)}`,
    overdueLine: (value: number) => `davon überfällig (Frist verstrichen): ${n(value)}`,
    none: 'Im Berichtszeitraum gibt es keine Beschlüsse in der Beschlussverfolgung.',
    tableIntro: 'Die Beschlüsse im Einzelnen:',
    header: ['Drucksache', 'Gegenstand', 'Frist', 'federführend', 'Status', 'Sachstand'],
    overdue: (state: string) => `${state} (überfällig)`,
    noDue: 'ohne Frist',
    climateReason: 'Die Mitteilung dient der Information; unmittelbare Auswirkungen auf den Klimaschutz ergeben sich nicht.',
  },
};
