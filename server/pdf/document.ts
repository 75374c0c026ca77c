import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';

/** One font for every script a letter or report prints: product names, consignee addresses and the
 * notices themselves mix Chinese and Latin text, and a PDF reader without the font must still show it. */
const BODY_FONT = 'NotoSansSC';
const FONT_URL = new URL('./fonts/NotoSansSC-Regular.otf', import.meta.url);

let fontBytes: Buffer | undefined;
function bodyFont(): Buffer {
  fontBytes ??= readFileSync(FONT_URL);
  return fontBytes;
}

export interface PdfInfo {
  title: string;
  author: string;
  subject?: string;
  /** BCP 47 tag of the document's language, read out by screen readers. */
  lang: 'en' | 'zh-CN';
  /** Fixed so that the same letter rendered twice is the same file (a regulator may ask which copy was sent). */
  createdAt: Date;
}

export type PdfPage = PDFKit.PDFDocument;

/** Renders one PDF on A4 with the CJK font embedded as a subset of the glyphs used. */
export async function renderPdf(info: PdfInfo, draw: (doc: PdfPage) => void): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    lang: info.lang,
    displayTitle: true,
    info: { Title: info.title, Author: info.author, ...(info.subject ? { Subject: info.subject } : {}), Creator: 'Lotline', Producer: 'Lotline', CreationDate: info.createdAt, ModDate: info.createdAt },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(BODY_FONT, bodyFont());
  doc.font(BODY_FONT);
  draw(doc);
  doc.end();
  return done;
}
