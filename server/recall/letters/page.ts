import bwipjs from 'bwip-js/node';
import type { Letter } from '../../../domain/recall';

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const PRINT_CSS = `
body { font-family: 'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; color: #111; line-height: 1.45; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.1rem; margin-top: 1.5rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { border: 1px solid #666; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
.meta p { margin: 0.1rem 0; }
.reply { display: flex; gap: 1.5rem; align-items: flex-start; border: 2px solid #111; padding: 1rem; }
.reply svg { width: 9rem; height: 9rem; flex: none; }
.code { font-size: 1.6rem; font-weight: bold; letter-spacing: 0.08em; }
.blank { display: inline-block; min-width: 10rem; border-bottom: 1px solid #111; }
@media print { body { margin: 0; max-width: none; } .reply-form { break-before: page; } a { color: inherit; } }
`;

/** The same letter as a printable page, served by the server: print CSS, the QR as SVG, no script. */
export function letterPage(letter: Letter): string {
  const e = escapeHtml;
  const qr = bwipjs.toSVG({ bcid: 'qrcode', text: letter.replyForm.url });
  const form = letter.replyForm;
  const sections = letter.sections
    .map((s) => {
      const table = s.table
        ? `<table><thead><tr>${s.table.columns.map((c) => `<th scope="col">${e(c)}</th>`).join('')}</tr></thead><tbody>${s.table.rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`
        : '';
      return `<section><h2>${e(s.heading)}</h2>${s.paragraphs.map((p) => `<p>${e(p)}</p>`).join('')}${table}</section>`;
    })
    .join('\n');
  const fields = form.fields.map((f) => `<p>${e(f.label)}: <span class="blank">&nbsp;</span></p>`).join('');
  return `<!doctype html>
<html lang="${letter.lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(letter.title)} ${e(letter.meta[0] ?? '')}</title><style>${PRINT_CSS}</style></head>
<body>
<main>
<h1>${e(letter.title)}</h1>
<div class="meta">${letter.meta.map((m) => `<p>${e(m)}</p>`).join('')}</div>
${sections}
<section class="reply-form"><h2>${e(form.heading)}</h2><p>${e(form.intro)}</p>
<div class="reply"><div role="img" aria-label="QR ${e(form.url)}">${qr}</div><div><p>${e(form.codeLabel)}:</p><p class="code">${e(form.code)}</p><p>${e(form.linkLabel)}: <a href="${e(form.url)}">${e(form.url)}</a></p></div></div>
${fields}
</section>
</main>
</body>
</html>
`;
}
