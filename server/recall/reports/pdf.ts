import type { ReportDocument, ReportSection } from '../../../domain/recall/reports';
import { renderPdf, type PdfPage } from '../../pdf/document';

const BODY = 10;
const SMALL = 7.5;

function ensureRoom(doc: PdfPage, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function drawTable(doc: PdfPage, table: NonNullable<ReportSection['table']>): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const colWidth = width / table.columns.length;
  const drawRow = (cells: readonly (string | number | null)[], header: boolean) => {
    doc.fontSize(SMALL);
    const texts = cells.map((c) => (c === null ? '' : String(c)));
    const height = Math.max(...texts.map((t) => doc.heightOfString(t || ' ', { width: colWidth - 4 }))) + 3;
    ensureRoom(doc, height);
    const y = doc.y;
    texts.forEach((t, i) => doc.fillColor(header ? '#333333' : '#000000').text(t, left + i * colWidth, y, { width: colWidth - 4 }));
    doc.moveTo(left, y + height - 1).lineTo(left + width, y + height - 1).lineWidth(0.3).strokeColor(header ? '#666666' : '#cccccc').stroke();
    doc.x = left;
    doc.y = y + height;
  };
  drawRow(table.columns, true);
  for (const r of table.rows) drawRow(r, false);
  if (table.rows.length === 0) drawRow(['—'], false);
  doc.fillColor('#000000');
}

/** A report on A4 in the embedded CJK font: headings, labelled fields, running text and tables. */
export function renderReportPdf(report: ReportDocument): Promise<Buffer> {
  return renderPdf({ title: report.title, author: 'Lotline', subject: report.reference, lang: report.lang, createdAt: new Date(report.generatedAt) }, (doc) => {
    doc.fontSize(15).text(report.title);
    doc.fontSize(SMALL).fillColor('#444444').text(`${report.reference} · ${report.generatedAt}`).fillColor('#000000');
    doc.moveDown();
    for (const section of report.sections) {
      ensureRoom(doc, 40);
      doc.fontSize(12).text(section.heading);
      doc.moveDown(0.2);
      doc.fontSize(BODY);
      if (section.text !== undefined) doc.text(section.text).moveDown(0.3);
      for (const [label, value] of section.fields ?? []) doc.text(`${label}: ${value === null ? '—' : String(value)}`);
      if (section.table) drawTable(doc, section.table);
      doc.moveDown();
    }
  });
}
