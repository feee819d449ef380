/**
 * Texts of the structured text editor (Sachverhalt, further sections): toolbar, keyboard help, paste
 * notes and limits. Kept apart from de.ts so the editor's wording lives in one small module.
 */
const n = (value: number) => value.toLocaleString('de-DE');

export const richTextEditorTexts = {
  toolbar: (label: string) => `Formatierung für „${label}“`,
  paragraph: 'Text',
  paragraphLabel: 'Text (normaler Absatz, Strg+Alt+0)',
  heading: (level: 1 | 2 | 3) => `Überschrift ${level}`,
  headingLabel: (level: 1 | 2 | 3) => `Überschrift ${level} (Strg+Alt+${level})`,
  bold: 'F',
  boldLabel: 'Fett (Strg+B)',
  italic: 'K',
  italicLabel: 'Kursiv (Strg+I)',
  bullet: 'Aufzählung',
  bulletLabel: 'Aufzählung',
  numbered: 'Nummerierung',
  numberedLabel: 'Nummerierung',
  table: 'Tabelle',
  tableLabel: 'Tabelle einfügen (2 Spalten, Kopfzeile und eine Zeile)',
  rowAdd: 'Zeile hinzufügen',
  rowAddLabel: 'Zeile hinzufügen (unterhalb)',
  rowRemove: 'Zeile entfernen',
  rowRemoveLabel: 'Zeile entfernen',
  columnAdd: 'Spalte hinzufügen',
  columnAddLabel: 'Spalte hinzufügen (rechts)',
  columnRemove: 'Spalte entfernen',
  columnRemoveLabel: 'Spalte entfernen',
  tableRemove: 'Tabelle entfernen',
  help:
    'Strg+B fett, Strg+I kursiv, Strg+Alt+1 bis 3 Überschriften, Strg+Alt+0 normaler Text, Umschalt+Eingabe neue Zeile im Absatz. ' +
    'In Tabellen springt Tab zur nächsten Zelle, Umschalt+Tab zurück; nach der letzten Zelle verlässt Tab das Textfeld. ' +
    'Aus Word oder LibreOffice Eingefügtes behält Überschriften, Listen, Tabellen, Fett- und Kursivschrift; andere Formatierung entfällt.',
  pasted: 'Eingefügt.',
  notes: {
    imagesDropped: 'Bilder wurden nicht übernommen – bitte fügen Sie sie als Anlage bei (Abschnitt „Anlagen“).',
    listsFlattened: 'Verschachtelte Listen wurden auf eine Ebene gebracht; die Unterpunkte folgen ihrem Oberpunkt.',
    longHeadingAsParagraph: 'Eine Überschrift mit mehr als 500 Zeichen wurde als Absatz eingefügt.',
  },
  refused: {
    prefix: 'Nicht eingefügt:',
    imageOnly: 'Bilder können in den Text nicht eingefügt werden. Bitte fügen Sie das Bild als Anlage bei (Abschnitt „Anlagen“).',
    empty: 'Die Zwischenablage enthält keinen Text.',
    columns: (max: number) => `Die Tabelle hätte mehr als ${n(max)} Spalten. Bitte teilen Sie sie auf.`,
    rows: (max: number) => `Die Tabelle hätte mehr als ${n(max)} Zeilen. Bitte teilen Sie sie auf oder fügen Sie sie als Anlage bei.`,
    cell: (max: number) => `Eine Tabellenzelle hätte mehr als ${n(max)} Zeichen.`,
    items: (max: number) => `Eine Liste hätte mehr als ${n(max)} Punkte.`,
    blocks: (max: number) => `Der Text hätte mehr als ${n(max)} Absätze.`,
    tooLong: 'Der Text wäre für diesen Abschnitt zu umfangreich.',
    unchanged: 'Der bisherige Text ist unverändert.',
  },
  changes: {
    caption: (label: string) => `Änderungen am Text „${label}“, Absatz für Absatz`,
    same: 'unverändert',
    removed: '− entfernt',
    added: '+ eingefügt',
    none: 'Keine Änderung am Text.',
  },
};
