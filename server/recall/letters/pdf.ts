import bwipjs from 'bwip-js/node';
import type { Letter, LetterTable } from '../../../domain/recall';
import { renderPdf, type PdfPage } from '../../pdf/document';

// Share of the text width per column of the products table: product, model, UDI-DI, lot, serials, quantity.
const COLUMN_SHARES = [0.22, 0.13, 0.17, 0.13, 0.2, 0.15];

function drawTable(doc: PdfPage, table: LetterTable): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const widths = COLUMN_SHARES.map((s) => s * width);
  const bottom = doc.page.height - doc.page.margins.bottom;
  const row = (cells: string[], size: number) => {
    doc.fontSize(size);
    const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell || ' ', { width: widths[i]! - 4 }))) + 4;
    if (doc.y + height > bottom) doc.addPage();
    const top = doc.y;
    let x = left;
    cells.forEach((cell, i) => {
      doc.text(cell, x, top + 2, { width: widths[i]! - 4, lineBreak: true });
      x += widths[i]!;
    });
    doc.moveTo(left, top + height).lineTo(left + width, top + height).lineWidth(0.5).strokeColor('#888888').stroke();
    doc.x = left;
    doc.y = top + height;
  };
  row(table.columns, 8);
  for (const cells of table.rows) row(cells, 9);
  doc.moveDown(0.5);
}

/** The letter as a PDF: the QR of the reply link is drawn from a PNG made here, the text in the embedded font. */
export async function letterPdf(letter: Letter, issuer: { plant: string; createdAt: Date }): Promise<Buffer> {
  const qr: Buffer = await bwipjs.toBuffer({ bcid: 'qrcode', text: letter.replyForm.url, scale: 3 });
  return renderPdf({ title: `${letter.title} ${letter.meta[0] ?? ''}`.trim(), author: issuer.plant, subject: letter.title, lang: letter.lang, createdAt: issuer.createdAt }, (doc) => {
    const left = doc.page.margins.left;
    doc.fontSize(16).text(letter.title, { align: 'left' });
    doc.moveDown(0.5);
    doc.fontSize(10);
    for (const line of letter.meta) doc.text(line);
    for (const section of letter.sections) {
      doc.moveDown(0.8);
      doc.x = left;
      doc.fontSize(12).text(section.heading);
      doc.moveDown(0.2);
      doc.fontSize(10);
      for (const paragraph of section.paragraphs) doc.text(paragraph);
      if (section.table) {
        doc.moveDown(0.3);
        drawTable(doc, section.table);
      }
    }
    const form = letter.replyForm;
    doc.addPage();
    doc.fontSize(14).text(form.heading);
    // The form may travel back on paper, apart from the letter: it names the case and the consignee itself.
    doc.fontSize(10).text(letter.meta.slice(0, 3).filter((_, i) => i !== 1).join('    '));
    doc.moveDown(0.3);
    doc.fontSize(10).text(form.intro);
    doc.moveDown(0.5);
    const top = doc.y;
    doc.image(qr, left, top, { fit: [110, 110] });
    doc.fontSize(10).text(`${form.codeLabel}:`, left + 125, top);
    doc.fontSize(16).text(form.code, left + 125);
    doc.fontSize(10).text(`${form.linkLabel}: ${form.url}`, left + 125, undefined, { link: form.url });
    doc.x = left;
    doc.y = Math.max(doc.y, top + 115);
    doc.moveDown(0.5);
    for (const field of form.fields) {
      doc.fontSize(10).text(`${field.label}: ${field.kind === 'qty' ? '______________' : ''}`);
      if (field.kind === 'list') for (let i = 0; i < 4; i++) doc.text('________________________________________    ________');
      doc.moveDown(0.4);
    }
  });
}
