/** Short task guides of the Hilfe (German), each reachable with F1 from the screens it describes. */
export interface HelpGuide {
  id: string;
  title: string;
  steps: string[];
}

export const helpGuides: HelpGuide[] = [
  {
    id: 'massnahme',
    title: 'Wie lege ich eine Maßnahme an?',
    steps: [
      'Öffnen Sie „Maßnahmen“ und wählen Sie „Neue Maßnahme“ (Strg+N).',
      'Wählen Sie das Handlungsfeld; die Nummer wird vorgeschlagen. Füllen Sie mindestens Titel und Status aus.',
      'Speichern Sie mit „Maßnahme speichern“ (Strg+S). Fehlt etwas, führt die Liste oben mit Links zu den Feldern.',
    ],
  },
  {
    id: 'status',
    title: 'Wie ändere ich den Status einer Maßnahme?',
    steps: [
      'Öffnen Sie die Maßnahme und wählen Sie „Status ändern …“.',
      'Wählen Sie den neuen Status; wo er es verlangt, geben Sie eine Begründung an. Bei „in Umsetzung“ wird der tatsächliche Beginn, bei „umgesetzt“, „verstetigt“ und „eingestellt“ das tatsächliche Ende erfasst.',
      'Mit „Status speichern“ ist die Änderung gespeichert und steht im Verlauf. Esc schließt den Dialog ohne Änderung.',
    ],
  },
  {
    id: 'datum',
    title: 'Wie gebe ich ein Datum ein?',
    steps: [
      'Schreiben Sie 31.12.2025, kürzer 1.6.27 oder 2027-06-01; „heute“ und „+14“ (in 14 Tagen) gehen auch. Beim Verlassen des Feldes wird daraus TT.MM.JJJJ.',
      'Oder öffnen Sie den Kalender mit dem Knopf neben dem Feld: Pfeiltasten wechseln den Tag, Bild auf/ab den Monat, Eingabe übernimmt, Esc schließt.',
    ],
  },
  {
    id: 'ratsvorlage',
    title: 'Wie lege ich eine Ratsvorlage an?',
    steps: [
      'Öffnen Sie „Ratsvorlagen“ und wählen Sie „Neue Vorlage“. Wählen Sie die Art der Vorlage und geben Sie den Betreff an; dann „Vorlage anlegen“.',
      'Füllen Sie die Abschnitte aus; die Gliederung links springt zu ihnen, die Vorschau zeigt das Dokument.',
      'Die Vollständigkeitsprüfung nennt, was noch fehlt. Danach erzeugen Sie das Word-Dokument mit „Exportieren (Word) …“.',
    ],
  },
  {
    id: 'pruefpaket',
    title: 'Wie schicke ich ein Prüfpaket?',
    steps: [
      'Öffnen Sie „Prüfungen“ und wählen Sie „Neues Prüfpaket“.',
      'Geben Sie die prüfende Person und eine Frist an, wählen Sie die Maßnahmen und Ratsvorlagen aus; die Suche über der Liste hilft beim Finden.',
      'Speichern Sie das Paket und schicken Sie die Datei per E-Mail. Kommt es zurück, lesen Sie es unter „Prüfungen“ mit „Rückläufer einlesen …“ ein und übernehmen die Anmerkungen einzeln.',
    ],
  },
  {
    id: 'sitzung',
    title: 'Wie erfasse ich eine Sitzung?',
    steps: [
      'Öffnen Sie „Gremien & Beteiligung“, Reiter „Sitzungen“, und wählen Sie „Neue Sitzung“.',
      'Wählen Sie das Gremium; Datum, Beginn und Ort vorbereiten, dann die Tagesordnung (TOP) anlegen.',
      'Nach der Sitzung tragen Sie Anwesenheit und Niederschrift ein. Einladung und Niederschrift erzeugen Sie als Word-Datei.',
    ],
  },
  {
    id: 'anregung',
    title: 'Wie erfasse ich eine Anregung und mache daraus eine Maßnahme?',
    steps: [
      'Öffnen Sie „Gremien & Beteiligung“, Reiter „Anregungen“, und wählen Sie „Neue Anregung“. Quelle (z. B. Quartierslabor), Text und Stadtbezirk angeben, speichern.',
      'Nach der Prüfung setzen Sie den Stand. Wird die Anregung übernommen, legen Sie mit „Maßnahme aus Anregung anlegen“ die Maßnahme an; beide bleiben verknüpft.',
      'Vergessen Sie die Rückmeldung an die Bürgerinnen und Bürger nicht (Rückmeldung und Datum).',
    ],
  },
  {
    id: 'beschluss',
    title: 'Wie verfolge ich einen Beschluss?',
    steps: [
      'Öffnen Sie „Gremien & Beteiligung“, Reiter „Beschlussverfolgung“, und legen Sie den Beschluss mit Drucksache, Gremium, Datum und Frist an.',
      'Halten Sie Stand und Status aktuell; überfällige Beschlüsse erscheinen in der Übersicht.',
    ],
  },
  {
    id: 'evaluation',
    title: 'Wie bewerte ich Maßnahmen in einer Evaluationsrunde?',
    steps: [
      'Öffnen Sie „Evaluation“ und legen Sie eine Runde mit Stichtag an.',
      'Bewerten Sie je Maßnahme den Umsetzungsstand und tragen Sie die Kennzahlen zum Stichtag ein.',
      'Das Dashboard zeigt Umsetzungs- und Zielerreichungsgrad; Excel- und Word-Ausgaben finden Sie dort.',
    ],
  },
  {
    id: 'fortschreibung',
    title: 'Wie schreibe ich den Masterplan fort?',
    steps: [
      'Öffnen Sie „Fassungen“ und starten Sie die Fortschreibung. Der Assistent führt durch Fassung, Handlungsfelder, Maßnahmen und Prüfung.',
      'Die neue Fassung beginnt als Entwurf; den Beschluss tragen Sie später in der Übersicht der Fassungen ein.',
    ],
  },
];

/** Which guide F1 opens on which screen (the view's name); other screens open the Hilfe at its start. */
export const helpGuideForView: Record<string, string> = {
  register: 'massnahme',
  new: 'massnahme',
  edit: 'massnahme',
  measure: 'status',
  trash: 'massnahme',
  submissions: 'ratsvorlage',
  submission: 'ratsvorlage',
  reviews: 'pruefpaket',
  meeting: 'sitzung',
  participation: 'sitzung',
  proposal: 'anregung',
  lab: 'anregung',
  decision: 'beschluss',
  evaluation: 'evaluation',
  indicator: 'evaluation',
  editions: 'fortschreibung',
  fortschreibung: 'fortschreibung',
};
