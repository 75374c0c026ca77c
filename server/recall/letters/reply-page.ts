import type { LetterLang } from '../../../domain/recall';
import type { PublicReplyView } from './public-reply';

/** Rows of sub-consignees the phone form offers; a longer list goes in the note or to QA. */
export const SUB_ROWS = 4;

const TEXT = {
  en: {
    title: 'Recall reply',
    intro: (n: string) => `Recall ${n}: tell us what you did with the units we sent you. No account is needed.`,
    to: 'Consignee',
    shipped: 'Sent to you',
    product: 'Product',
    lot: 'Lot',
    serials: 'Serial numbers',
    qty: 'Quantity',
    onHand: 'Quantity still on hand',
    returned: 'Quantity returned to us',
    destroyed: 'Quantity destroyed',
    sub: 'Passed on to other customers',
    subHint: 'Name each customer you passed units on to and how many.',
    subName: (i: number) => `Customer ${i + 1}: name`,
    subQty: (i: number) => `Customer ${i + 1}: quantity`,
    note: 'Note (optional)',
    send: 'Send reply',
    once: 'The code answers once: check the figures before you send.',
    done: 'Thank you. Your reply was received.',
    doneAt: (at: string) => `Received ${at} UTC. You can close this page.`,
    refused: 'The reply could not be sent',
    other: '中文',
    problem: 'Please correct the form:',
    notQty: (label: string) => `${label}: enter a number of zero or more, with at most three decimals.`,
    refusals: {} as Record<string, string>,
  },
  'zh-CN': {
    title: '召回回执',
    intro: (n: string) => `召回 ${n}：请告知我们发给贵单位的产品的处理情况。无需账号。`,
    to: '收货单位',
    shipped: '发往贵单位的产品',
    product: '产品',
    lot: '批号',
    serials: '序列号',
    qty: '数量',
    onHand: '现有库存数量',
    returned: '已退回数量',
    destroyed: '已销毁数量',
    sub: '已转发给其他客户',
    subHint: '请填写已转发产品的每个客户名称及数量。',
    subName: (i: number) => `客户 ${i + 1}：名称`,
    subQty: (i: number) => `客户 ${i + 1}：数量`,
    note: '备注（选填）',
    send: '提交回执',
    once: '回复码只能使用一次：提交前请核对数字。',
    done: '谢谢。我们已收到您的回执。',
    doneAt: (at: string) => `收到时间 ${at} UTC。您可以关闭此页面。`,
    refused: '回执未能提交',
    other: 'English',
    problem: '请更正以下内容：',
    notQty: (label: string) => `${label}：请填写零或以上的数字，最多三位小数。`,
    refusals: {
      reply_code_unknown: '没有与此回复码对应的待回复召回。请核对信函上的回复码后重试。',
      reply_code_used: '此回复码已使用过。每个回复码只能答复一次；如需更正，请联系发信单位。',
      rate_limited: '此地址尝试回复码的次数过多，请稍后再试。',
      case_not_recovering: '此召回已不再接收回执。',
      invalid_reply: '回执无法记录：请填写数量，若全部为零请在备注中说明原因。',
    } as Record<string, string>,
  },
} as const;

export type ReplyPageText = (typeof TEXT)[LetterLang];
export const replyPageText = (lang: LetterLang): ReplyPageText => TEXT[lang];

const e = (text: string) => text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const CSS = `
* { box-sizing: border-box; }
body { font-family: system-ui, 'Noto Sans SC', 'Noto Sans CJK SC', sans-serif; margin: 0; padding: 1rem; color: #111; background: #fff; font-size: 1.05rem; line-height: 1.45; }
main { max-width: 32rem; margin: 0 auto; }
h1 { font-size: 1.4rem; margin: 0.2rem 0 0.6rem; }
h2 { font-size: 1.1rem; margin: 1.2rem 0 0.4rem; }
.lang { float: right; padding: 0.6rem 0.2rem; color: #0b4f9c; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
th, td { border-bottom: 1px solid #999; padding: 0.35rem 0.25rem; text-align: left; vertical-align: top; }
label { display: block; font-weight: 600; margin: 0.9rem 0 0.3rem; }
input, textarea { display: block; width: 100%; font-size: 1.2rem; min-height: 3rem; padding: 0.5rem 0.6rem; border: 2px solid #555; border-radius: 6px; color: #111; background: #fff; }
textarea { min-height: 5rem; }
fieldset { border: 1px solid #999; border-radius: 6px; margin: 1rem 0; padding: 0.4rem 0.8rem 0.8rem; }
legend { font-weight: 700; padding: 0 0.3rem; }
.hint { color: #333; margin: 0.3rem 0; }
button { display: block; width: 100%; margin: 1.4rem 0 0.6rem; min-height: 3.2rem; font-size: 1.2rem; font-weight: 700; color: #fff; background: #0b4f9c; border: 0; border-radius: 6px; }
.alert { border: 2px solid #a4001d; color: #a4001d; background: #fff4f5; padding: 0.6rem 0.8rem; border-radius: 6px; }
.done { border: 2px solid #126b2e; color: #0d4f21; background: #f1fbf3; padding: 0.8rem; border-radius: 6px; }
`;

function shell(lang: LetterLang, title: string, body: string, other: string | null): string {
  const t = replyPageText(lang);
  const toggle = other ? `<a class="lang" href="${e(other)}" lang="${lang === 'en' ? 'zh-CN' : 'en'}">${t.other}</a>` : '';
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><meta name="referrer" content="no-referrer"><title>${e(title)}</title><style>${CSS}</style></head>
<body><main>${toggle}${body}</main></body>
</html>
`;
}

export interface ReplyFormValues {
  onHand: string;
  returned: string;
  destroyed: string;
  sub: { name: string; qty: string }[];
  note: string;
}

export const EMPTY_FORM: ReplyFormValues = { onHand: '', returned: '', destroyed: '', sub: [], note: '' };

/** The phone form: what the consignee was sent, and the blanks of the letter's reply form. */
export function replyFormPage(lang: LetterLang, view: PublicReplyView, action: string, otherLang: string, values: ReplyFormValues, problems: string[]): string {
  const t = replyPageText(lang);
  const rows = view.products
    .flatMap((p) => p.lots.map((l) => `<tr><td>${e(lang === 'zh-CN' && p.nameZh ? p.nameZh : p.name)}<br>${e(p.gtin)}</td><td>${e(l.lotNumber)}</td><td>${e(l.serials.join(', ') || '—')}</td><td>${l.qty} ${e(p.uom)}</td></tr>`))
    .join('');
  const input = (name: string, label: string, value: string, mode: 'decimal' | 'text') =>
    `<label for="${name}">${e(label)}</label><input id="${name}" name="${name}" ${mode === 'decimal' ? 'inputmode="decimal" autocomplete="off"' : 'autocomplete="organization"'} value="${e(value)}">`;
  const subs = Array.from({ length: SUB_ROWS }, (_, i) => input(`subName${i}`, t.subName(i), values.sub[i]?.name ?? '', 'text') + input(`subQty${i}`, t.subQty(i), values.sub[i]?.qty ?? '', 'decimal')).join('');
  const alert = problems.length > 0 ? `<div class="alert" role="alert" data-testid="reply-problems"><p>${e(t.problem)}</p><ul>${problems.map((p) => `<li>${e(p)}</li>`).join('')}</ul></div>` : '';
  const body = `<h1>${e(t.title)}</h1>
<p>${e(t.intro(view.caseNumber))}</p>
<p>${e(t.to)}: <strong data-testid="reply-consignee">${e(view.consignee)}</strong></p>
<h2>${e(t.shipped)}</h2>
<table data-testid="reply-lots"><thead><tr><th scope="col">${e(t.product)}</th><th scope="col">${e(t.lot)}</th><th scope="col">${e(t.serials)}</th><th scope="col">${e(t.qty)}</th></tr></thead><tbody>${rows}</tbody></table>
${alert}
<form method="post" action="${e(action)}" novalidate>
${input('onHand', t.onHand, values.onHand, 'decimal')}
${input('returned', t.returned, values.returned, 'decimal')}
${input('destroyed', t.destroyed, values.destroyed, 'decimal')}
<fieldset><legend>${e(t.sub)}</legend><p class="hint">${e(t.subHint)}</p>${subs}</fieldset>
<label for="note">${e(t.note)}</label><textarea id="note" name="note">${e(values.note)}</textarea>
<p class="hint">${e(t.once)}</p>
<button type="submit">${e(t.send)}</button>
</form>`;
  return shell(lang, `${t.title} ${view.caseNumber}`, body, otherLang);
}

export function replyDonePage(lang: LetterLang, caseNumber: string, answeredAt: string): string {
  const t = replyPageText(lang);
  return shell(lang, `${t.title} ${caseNumber}`, `<h1>${e(t.title)}</h1><div class="done" role="status" data-testid="reply-done"><p>${e(t.done)}</p><p>${e(t.doneAt(answeredAt.slice(0, 16).replace('T', ' ')))}</p></div>`, null);
}

/** A refusal (unknown code, code used, too many tries) in the page's language, the server's own words when there is no translation. */
export function replyRefusedPage(lang: LetterLang, refusal: { code: string; message: string }, otherLang: string | null): string {
  const t = replyPageText(lang);
  const message = t.refusals[refusal.code] ?? refusal.message;
  return shell(lang, t.title, `<h1>${e(t.title)}</h1><div class="alert" role="alert" data-testid="reply-refused"><p>${e(t.refused)}</p><p>${e(message)}</p></div>`, otherLang);
}
