import { describe, expect, it } from 'vitest';
import { buildLetter, lettersProducts } from '../../../domain/recall';
import { letterPage } from './page';
import { replyDonePage, replyFormPage, replyRefusedPage, EMPTY_FORM } from './reply-page';

const HOSTILE = '<script>alert(1)</script>"\'&';

const letter = (lang: 'en' | 'zh-CN') =>
  buildLetter({
    jurisdiction: 'EU',
    lang,
    caseNumber: 'RC20260001',
    classes: { fda: null, nmpa: null, euFsca: true },
    depth: 'retail',
    reason: HOSTILE,
    healthHazard: 'none',
    strategy: '',
    consignee: { code: 'EXPORT-EU', name: `Clinic ${HOSTILE}` },
    products: lettersProducts([{ gtin: '06901234000016', model: 'SYR-5ML', name: 'Syringe', nameZh: '注射器', uom: 'EA', lotNumber: 'S1', serial: null, qty: 3 }]),
    reply: { code: '7K3M-9QXT-2HWN-4RBD-8FZA', url: 'https://plant.example/reply/7K3M-9QXT-2HWN-4RBD-8FZA' },
    date: '2026-12-01',
  });

describe('the printable letter', () => {
  it('escapes everything from the record and carries the print CSS, the QR as SVG and the link', () => {
    const html = letterPage(letter('en'));
    expect(html).not.toContain('<script>');
    expect(html).toContain('Clinic &lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('@media print');
    expect(html).toMatch(/<svg[^>]*viewBox/);
    expect(html).toContain('<a href="https://plant.example/reply/7K3M-9QXT-2HWN-4RBD-8FZA">');
    expect(letterPage(letter('zh-CN'))).toContain('<html lang="zh-CN">');
  });
});

describe('the reply page', () => {
  const view = { caseNumber: 'RC20260001', consignee: HOSTILE, products: lettersProducts([{ gtin: '06901234000016', model: 'm', name: HOSTILE, nameZh: null, uom: 'EA', lotNumber: HOSTILE, serial: null, qty: 3 }]), shipped: 3 };

  it('labels every input, escapes what it shows back, and has no script', () => {
    const html = replyFormPage('en', view, '/reply/X?lang=en', '/reply/X?lang=zh-CN', { ...EMPTY_FORM, note: HOSTILE }, [HOSTILE]);
    expect(html).not.toContain('<script');
    expect(html).not.toContain(HOSTILE);
    for (const id of [...html.matchAll(/<(?:input|textarea) id="([^"]+)"/g)].map((m) => m[1])) expect(html).toContain(`<label for="${id}">`);
    expect(html).toContain('role="alert"');
  });

  it('speaks Chinese, and falls back to the server’s words for a refusal it has no translation of', () => {
    expect(replyDonePage('zh-CN', 'RC1', '2026-12-01T02:46:00.000Z')).toContain('收到时间 2026-12-01 02:46 UTC');
    expect(replyRefusedPage('zh-CN', { code: 'reply_code_used', message: 'x' }, null)).toContain('此回复码已使用过');
    expect(replyRefusedPage('zh-CN', { code: 'invalid_text', message: 'note cannot be stored' }, null)).toContain('note cannot be stored');
  });
});
