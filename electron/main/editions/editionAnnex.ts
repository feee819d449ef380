/**
 * "Anlage: Vergleich der Fassungen" – the Word annex for the submission that adopts a new Fassung, on the
 * shared document base (DIN 5008 page, de-DE, built-in headings, repeating table header rows, real lists).
 *
 * Layout: title and the two Fassungen; 1 Überblick (counts per category, with a legend); 2 Maßnahmen je
 * Handlungsfeld; 3 Handlungsfelder (kept, renamed, merged, split, new); then one numbered section per
 * category of measures with its table ("Keine Maßnahmen in dieser Kategorie." when empty).
 *
 * Pure: data in, .docx bytes out.
 */
import type { Document, Paragraph, Table } from 'docx';
import { formatDate } from '@shared/core/format';
import { de } from '@shared/i18n/de';
import { localIsoDate, prepareCompareExport, type EditionCompareExportInput } from './editionCompareData';
import {
  createBaseDocument,
  dataTable,
  heading,
  labelLine,
  packDocument,
  para,
  SectionNumbers,
  title,
  type DocumentProperties,
} from '@main/export/documentBase';

const editionsDocumentTexts = de.editions.document;

export function prepareEditionAnnex(input: EditionCompareExportInput): { document: Document; properties: DocumentProperties } {
  const data = prepareCompareExport(input);
  const c = editionsDocumentTexts.columns;
  const numbers = new SectionNumbers();
  const count = (n: number) => n.toLocaleString('de-DE');
  const children: (Paragraph | Table)[] = [
    title(editionsDocumentTexts.title),
    labelLine(editionsDocumentTexts.fromEdition, data.fromLine),
    labelLine(editionsDocumentTexts.toEdition, data.toLine),
    heading(1, editionsDocumentTexts.sections.summary, numbers.next(1)),
    para(editionsDocumentTexts.summaryIntro(data.from.name, data.to.name)),
    dataTable(
      [
        { header: c.category, weight: 70 },
        { header: c.count, weight: 30, align: 'right' },
      ],
      data.counts.map((x) => [x.label, count(x.count)]),
      { totalRows: [{ label: editionsDocumentTexts.total, values: [count(data.total)] }] },
    ),
    heading(2, editionsDocumentTexts.legendTitle, numbers.next(2)),
    dataTable(
      [
        { header: c.category, weight: 30 },
        { header: editionsDocumentTexts.legendTitle, weight: 70 },
      ],
      editionsDocumentTexts.legend,
    ),
    // Categories as rows and Handlungsfelder (by code) as columns: the long category names need the width.
    heading(1, editionsDocumentTexts.sections.byField, numbers.next(1)),
    para(editionsDocumentTexts.byFieldHint),
    dataTable(
      [
        { header: c.category, weight: 30 },
        ...data.byField.map((f) => ({ header: f.code, weight: Math.max(8, 70 / (data.byField.length + 1)), align: 'right' as const })),
        { header: editionsDocumentTexts.total, weight: 10, align: 'right' },
      ],
      data.byFieldColumns.map((label, k) => [label, ...data.byField.map((f) => count(f.counts[k]!)), count(data.counts[k]!.count)]),
      { totalRows: [{ label: editionsDocumentTexts.total, values: [...data.byField.map((f) => count(f.total)), count(data.total)] }] },
    ),
    heading(1, editionsDocumentTexts.sections.fields, numbers.next(1)),
    dataTable(
      [
        { header: c.change, weight: 20 },
        { header: c.before, weight: 40 },
        { header: c.after, weight: 40 },
      ],
      data.fieldChanges.map((f) => [f.kind, f.from || '—', f.to || '—']),
    ),
  ];
  for (const table of data.categories) {
    children.push(heading(1, `${table.label} (${count(table.rows.length)})`, numbers.next(1)));
    if (table.rows.length === 0) {
      children.push(para(editionsDocumentTexts.none));
      continue;
    }
    const keep = table.columns.map((col, i) => (col.excelOnly ? -1 : i)).filter((i) => i >= 0);
    children.push(
      dataTable(
        keep.map((i) => ({ header: table.columns[i]!.header, weight: table.columns[i]!.width })),
        table.rows.map((row) => keep.map((i) => row[i] ?? '')),
      ),
    );
  }
  const generated = formatDate(localIsoDate(input.generatedAt));
  const properties: DocumentProperties = {
    title: `${editionsDocumentTexts.title}: ${editionsDocumentTexts.subtitle(data.from.name, data.to.name)}`,
    subject: editionsDocumentTexts.propertiesSubject(data.from.name, data.to.name),
    creator: editionsDocumentTexts.author,
    keywords: [...editionsDocumentTexts.keywords, ...(data.to.printNumber ? [data.to.printNumber] : [])],
    description: editionsDocumentTexts.propertiesDescription(generated),
    lastModifiedBy: editionsDocumentTexts.author,
    created: input.generatedAt,
    modified: input.generatedAt,
  };
  const document = createBaseDocument(
    {
      properties,
      header: {
        left: data.to.printNumber ? editionsDocumentTexts.runningHeader(data.to.printNumber) : editionsDocumentTexts.runningHeaderNoNumber,
      },
      footerLeft: editionsDocumentTexts.generatedOn(generated),
      children,
    },
    { page: editionsDocumentTexts.page, of: editionsDocumentTexts.pageOf },
  );
  return { document, properties };
}

/** The annex as .docx bytes. */
export async function buildEditionAnnexDocx(input: EditionCompareExportInput): Promise<Buffer> {
  const { document, properties } = prepareEditionAnnex(input);
  return packDocument(document, properties);
}
