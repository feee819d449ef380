/**
 * Texts of the Übersicht (start screen), mounted into de.ts as `de.overviewUi`. Words for statuses come
 * from the register's status list, those for session states from `de.participation`.
 */
const n = (value: number) => value.toLocaleString('de-DE');
const plural = (count: number, one: string, many: string) => `${n(count)} ${count === 1 ? one : many}`;

export const overviewTexts = {
  nav: 'Übersicht',
  menu: 'Ü&bersicht',
  title: 'Übersicht',
  intro: (today: string) => `Was heute (${today}) Aufmerksamkeit braucht, und wie das Register aussieht.`,
  edition: (name: string, count: number) => `${name}: ${plural(count, 'Maßnahme', 'Maßnahmen')} (ohne Papierkorb)`,
  counts: {
    heading: 'Maßnahmen nach Status und Handlungsfeld',
    byStatus: 'Maßnahmen nach Status',
    byActionField: 'Maßnahmen nach Handlungsfeld',
    colStatus: 'Status',
    colActionField: 'Handlungsfeld',
    colCount: 'Anzahl',
    total: 'Zusammen',
  },
  overdue: {
    heading: (total: number) => `Überfällige Maßnahmen (${n(total)})`,
    intro: 'Das geplante Ende oder ein Meilenstein liegt zurück, die Maßnahme ist aber weder umgesetzt noch eingestellt.',
    none: 'Nichts überfällig.',
    caption: (shown: number, total: number) =>
      shown === total
        ? 'Überfällige Maßnahmen, älteste Frist zuerst'
        : `Überfällige Maßnahmen, älteste Frist zuerst (die ersten ${n(shown)} von ${n(total)})`,
    colNumber: 'Nr.',
    colTitle: 'Titel',
    colStatus: 'Status',
    colWhat: 'Was ist überfällig',
    plannedEnd: (date: string) => `Ende geplant am ${date}`,
    milestone: (title: string, date: string) => `Meilenstein „${title}“ fällig am ${date}`,
    moreMilestones: (count: number) => `und ${plural(count, 'weiterer Meilenstein', 'weitere Meilensteine')}`,
    more: (count: number) =>
      `${plural(count, 'weitere überfällige Maßnahme ist', 'weitere überfällige Maßnahmen sind')} hier nicht aufgeführt.`,
    showRegister: 'Zur Liste der Maßnahmen',
  },
  decisions: {
    heading: (total: number) => `Überfällige Beschlüsse (${n(total)})`,
    none: 'Kein Beschluss ist überfällig.',
    item: (printNumber: string, body: string) => (body ? `Drucksache ${printNumber}, ${body}` : `Drucksache ${printNumber}`),
    due: (date: string) => `Frist ${date} – überfällig`,
    more: (count: number) => `und ${plural(count, 'weiterer', 'weitere')} in der Beschlussverfolgung`,
    showAll: 'Zur Beschlussverfolgung',
  },
  reviews: {
    heading: 'Offene Prüfungen',
    open: (count: number) =>
      count === 0
        ? 'Kein Prüfpaket ist unterwegs.'
        : `${plural(count, 'Prüfpaket ist', 'Prüfpakete sind')} versandt und noch nicht zurück.`,
    overdue: (count: number) =>
      count === 0 ? 'Keines ist überfällig.' : `Davon ${count === 1 ? 'ist 1' : `sind ${n(count)}`} überfällig:`,
    item: (reviewer: string, date: string, items: number) =>
      `${reviewer}, fällig am ${date} (${plural(items, 'Eintrag', 'Einträge')}) – überfällig`,
    showAll: 'Zu den Prüfungen',
  },
  meetings: {
    heading: 'Nächste Sitzungen',
    none: 'Keine Sitzung geplant.',
    caption: (shown: number, total: number) =>
      shown === total
        ? 'Nächste Sitzungen, früheste zuerst'
        : `Nächste Sitzungen, früheste zuerst (die ersten ${n(shown)} von ${n(total)})`,
    colBody: 'Gremium',
    colNumber: 'Sitzung',
    colDate: 'Datum',
    colTime: 'Beginn',
    colPlace: 'Ort',
    colState: 'Stand',
    time: (time: string) => `${time} Uhr`,
  },
  proposals: {
    heading: 'Anregungen',
    waiting: (count: number) =>
      count === 0
        ? 'Keine Anregung wartet auf Bearbeitung.'
        : `${plural(count, 'Anregung wartet', 'Anregungen warten')} auf Bearbeitung (eingegangen oder in Prüfung).`,
    waitingWithoutFeedback: (count: number) => `Davon ${count === 1 ? 'hat 1' : `haben ${n(count)}`} noch keine Rückmeldung erhalten.`,
    decidedWithoutFeedback: (count: number) =>
      `${plural(count, 'entschiedene Anregung hat', 'entschiedene Anregungen haben')} noch keine Rückmeldung an die Bürgerinnen und Bürger.`,
    showAll: 'Zu den Anregungen',
  },
  privacy: {
    heading: 'Datenschutz',
    due: (count: number) =>
      count === 0
        ? 'Keine personenbezogenen Daten sind zu löschen oder zu anonymisieren.'
        : `${plural(count, 'Eintrag ist', 'Einträge sind')} nach Ablauf der Frist zu löschen oder zu anonymisieren.`,
    showAll: 'Zum Datenschutz',
  },
};
