import { describe, expect, it } from 'vitest';
import { pdfPageTexts } from '../test-support/pdf-text.js';
import { renderPdf } from './document.js';

const info = { title: '医疗器械召回通知', author: 'Lotline', lang: 'zh-CN', createdAt: new Date('2026-12-01T00:00:00Z') } as const;

describe('renderPdf', () => {
  it('writes Chinese and Latin text a reader can extract again', async () => {
    const pdf = await renderPdf(info, (doc) => {
      doc.fontSize(16).text('医疗器械召回通知 / Urgent Field Safety Notice');
      doc.fontSize(10).text('批号 LOT-2026-0001，数量 1,200 件；全角：ＡＢＣ１２３');
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const [text] = await pdfPageTexts(pdf);
    expect(text).toContain('医疗器械召回通知');
    expect(text).toContain('Urgent Field Safety Notice');
    expect(text).toContain('LOT-2026-0001');
    expect(text).toContain('ＡＢＣ１２３');
  });

  it('embeds only the glyphs used, not the whole font', async () => {
    const pdf = await renderPdf(info, (doc) => doc.text('召回 recall'));
    expect(pdf.length).toBeLessThan(100_000);
  });

  it('renders the same document to the same bytes', async () => {
    const draw = (doc: PDFKit.PDFDocument) => doc.text('同一封信 the same letter');
    expect(Buffer.compare(await renderPdf(info, draw), await renderPdf(info, draw))).toBe(0);
  });
});
