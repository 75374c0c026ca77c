import type { FdaClass, Jurisdiction, NmpaClass, RecallDepth } from './case';

export const LETTER_LANGS = ['en', 'zh-CN'] as const;
export type LetterLang = (typeof LETTER_LANGS)[number];

/** The letter's language when none is asked for: NMPA's notice in Chinese, FDA's and the EU's in English. */
export const defaultLetterLang = (jurisdiction: Jurisdiction): LetterLang => (jurisdiction === 'CN' ? 'zh-CN' : 'en');

/** One lot (and its serials) as it went to the consignee, summed over the frozen shipment lines. */
export interface LetterLot {
  lotNumber: string;
  serials: readonly string[];
  qty: number;
}

export interface LetterProduct {
  name: string;
  nameZh: string | null;
  /** The item number the consignee orders by: the model. */
  model: string;
  /** UDI-DI, the GTIN of the device. */
  gtin: string;
  uom: string;
  lots: readonly LetterLot[];
}

export interface LetterInput {
  jurisdiction: Jurisdiction;
  lang: LetterLang;
  caseNumber: string;
  classes: { fda: FdaClass | null; nmpa: NmpaClass | null; euFsca: boolean };
  depth: RecallDepth | null;
  reason: string;
  healthHazard: string;
  strategy: string;
  consignee: { code: string; name: string };
  products: readonly LetterProduct[];
  /** The one-time code and the page it opens. */
  reply: { code: string; url: string };
  /** The day the letter is dated, YYYY-MM-DD. */
  date: string;
}

export interface LetterTable {
  columns: string[];
  rows: string[][];
}

export interface LetterSection {
  heading: string;
  paragraphs: string[];
  table?: LetterTable;
}

/** A blank of the reply form: a label and whether it wants a quantity or a list. */
export interface ReplyFormField {
  label: string;
  kind: 'qty' | 'list';
}

export interface Letter {
  lang: LetterLang;
  jurisdiction: Jurisdiction;
  title: string;
  /** Lines under the title: case number, date, addressee. */
  meta: string[];
  sections: LetterSection[];
  replyForm: { heading: string; intro: string; fields: ReplyFormField[]; code: string; url: string; codeLabel: string; linkLabel: string };
  /** Totals the tests and the console can check against the shipment lines. */
  shippedTotal: number;
}

export class LetterError extends Error {
  override name = 'LetterError';
  constructor(
    readonly code: 'no_lines' | 'no_code',
    message: string,
  ) {
    super(message);
  }
}

const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// C0 and C1 controls (NUL among them) and the bidi overrides that could reorder a printed name.
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from the record as a letter may print it: a lone surrogate (which no font can draw and a PDF
 * cannot encode) becomes U+FFFD, control characters and bidi overrides are dropped, and a tab or
 * line break becomes a space. Full-width letters and CJK stay as they are: the font has them.
 */
export function printableText(text: string): string {
  return text.replace(LONE_SURROGATES, '\uFFFD').replace(UNPRINTABLE, '').replace(/[\t\n\r]+/g, ' ');
}

const qtyText = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(3).replace(/0+$/, ''));

interface Words {
  title: Record<Jurisdiction, string>;
  reference: Record<Jurisdiction, string>;
  caseNo: string;
  date: string;
  to: string;
  classLine: (input: LetterInput) => string | null;
  products: string;
  productsIntro: string;
  columns: string[];
  reason: string;
  hazard: string;
  action: string;
  actionSteps: string[];
  passOn: string;
  passOnText: (depth: RecallDepth | null) => string;
  reply: string;
  replyIntro: string;
  fields: ReplyFormField[];
  codeLabel: string;
  linkLabel: string;
  total: string;
  eu: { transmission: string; transmissionText: string };
  none: string;
}

const EN: Words = {
  title: { US: 'URGENT: MEDICAL DEVICE RECALL', CN: 'Medical Device Recall Notice', EU: 'URGENT FIELD SAFETY NOTICE' },
  reference: {
    US: 'This recall communication follows 21 CFR 7.49.',
    CN: 'This notice is given under the Administrative Measures for Medical Device Recalls (医疗器械召回管理办法).',
    EU: 'Field Safety Notice under Regulation (EU) 2017/745 Art. 89, with the content of MDCG 2023-3.',
  },
  caseNo: 'Recall number',
  date: 'Date',
  to: 'To',
  classLine: (i) => {
    if (i.jurisdiction === 'US') return i.classes.fda ? `FDA recall class ${i.classes.fda}` : null;
    if (i.jurisdiction === 'CN') return i.classes.nmpa ? `NMPA recall class ${['I', 'II', 'III'][i.classes.nmpa - 1]}` : null;
    return i.classes.euFsca ? 'Field Safety Corrective Action (FSCA)' : null;
  },
  products: 'Affected products',
  productsIntro: 'Our records show that the following units were shipped to you:',
  columns: ['Product', 'Model / item', 'UDI-DI (GTIN)', 'Lot', 'Serial numbers', 'Quantity shipped to you'],
  reason: 'Reason for the recall',
  hazard: 'Risk to health',
  action: 'What you must do',
  actionSteps: [
    'Stop using and stop distributing the affected units at once.',
    'Find every affected unit in your stock and set it apart, marked as recalled.',
    'Return or destroy the units as described below, and keep a record of what you did.',
    'Answer with the reply form below, even if you have none of the units left.',
  ],
  passOn: 'Passing this notice on',
  passOnText: (depth) =>
    `If you have passed any of these units on to other customers, send them a copy of this notice at once and list them on the reply form with the quantities you sent them.${depth ? ` This recall extends to the ${depth} level.` : ''}`,
  reply: 'Reply form',
  replyIntro: 'Answer online with the code below (no account needed), or fill in this form and send it back to us.',
  fields: [
    { label: 'Quantity still on hand', kind: 'qty' },
    { label: 'Quantity returned to us', kind: 'qty' },
    { label: 'Quantity destroyed', kind: 'qty' },
    { label: 'Passed on to (name and quantity of each sub-consignee)', kind: 'list' },
  ],
  codeLabel: 'Your reply code',
  linkLabel: 'Reply online',
  total: 'Total',
  eu: {
    transmission: 'Transmission of this Field Safety Notice',
    transmissionText: 'This notice must be passed on to everyone in your organisation who needs to know, and to every organisation the devices went to. The competent authority of your country has been informed of this action.',
  },
  none: '—',
};

const ZH: Words = {
  title: { US: '紧急：医疗器械召回', CN: '医疗器械召回通知', EU: '紧急现场安全通知' },
  reference: {
    US: '本召回通知依据美国联邦法规 21 CFR 7.49 发出。',
    CN: '本通知依据《医疗器械召回管理办法》发出。',
    EU: '本现场安全通知依据欧盟法规 (EU) 2017/745 第 89 条发出，内容符合 MDCG 2023-3。',
  },
  caseNo: '召回编号',
  date: '日期',
  to: '致',
  classLine: (i) => {
    if (i.jurisdiction === 'US') return i.classes.fda ? `FDA ${i.classes.fda} 类召回` : null;
    if (i.jurisdiction === 'CN') return i.classes.nmpa ? `${['一', '二', '三'][i.classes.nmpa - 1]}级召回` : null;
    return i.classes.euFsca ? '现场安全纠正措施 (FSCA)' : null;
  },
  products: '涉及产品',
  productsIntro: '根据我们的记录，以下产品已发往贵单位：',
  columns: ['产品名称', '型号 / 物料号', 'UDI-DI (GTIN)', '批号', '序列号', '发往贵单位数量'],
  reason: '召回原因',
  hazard: '健康危害',
  action: '需采取的措施',
  actionSteps: ['立即停止使用和销售涉及产品。', '清点库存中所有涉及产品，单独存放并标明“已召回”。', '按下述要求退回或销毁产品，并保留处理记录。', '即使已无库存，也请通过下方回执答复。'],
  passOn: '向下游传达',
  passOnText: (depth) =>
    `如贵单位已将涉及产品转售或分发给其他客户，请立即将本通知转发给他们，并在回执中列明其名称及数量。${depth ? `本次召回级别至${{ wholesale: '批发', retail: '零售', user: '使用者' }[depth]}层级。` : ''}`,
  reply: '回执',
  replyIntro: '请使用下方回复码在线答复（无需账号），或填写本回执后寄回。',
  fields: [
    { label: '现有库存数量', kind: 'qty' },
    { label: '已退回数量', kind: 'qty' },
    { label: '已销毁数量', kind: 'qty' },
    { label: '已转发给（下游收货单位名称及数量）', kind: 'list' },
  ],
  codeLabel: '回复码',
  linkLabel: '在线答复',
  total: '合计',
  eu: {
    transmission: '本现场安全通知的传达',
    transmissionText: '请将本通知传达给贵单位内所有需要知悉的人员，以及产品流向的所有单位。贵国主管当局已获知本次措施。',
  },
  none: '—',
};

/**
 * The content of one recall letter to one consignee: the regulator's title and reference, the
 * units that consignee was sent (and only those), what is wrong, what to do, whom to pass it on
 * to, and the reply form with the one-time code. Pure: the PDF and the printable page draw it.
 */
export function buildLetter(input: LetterInput): Letter {
  if (input.products.every((p) => p.lots.length === 0)) throw new LetterError('no_lines', `No units of recall ${input.caseNumber} were shipped to ${input.consignee.code}.`);
  if (!input.reply.code || !input.reply.url) throw new LetterError('no_code', 'A recall letter carries its reply code and link.');
  const w = input.lang === 'zh-CN' ? ZH : EN;
  const p = printableText;
  const name = (product: LetterProduct) => p(input.lang === 'zh-CN' && product.nameZh ? product.nameZh : product.name);
  const rows: string[][] = [];
  let shippedTotal = 0;
  for (const product of input.products) {
    for (const lot of product.lots) {
      shippedTotal += lot.qty;
      rows.push([name(product), p(product.model), product.gtin, p(lot.lotNumber), lot.serials.length > 0 ? lot.serials.map(p).join(', ') : w.none, `${qtyText(lot.qty)} ${p(product.uom)}`]);
    }
  }
  shippedTotal = Math.round(shippedTotal * 1000) / 1000;
  const uoms = new Set(input.products.map((x) => x.uom));
  if (rows.length > 1) rows.push([w.total, '', '', '', '', `${qtyText(shippedTotal)}${uoms.size === 1 ? ` ${p([...uoms][0]!)}` : ''}`]);
  const classLine = w.classLine(input);
  const sections: LetterSection[] = [
    { heading: w.products, paragraphs: [w.productsIntro], table: { columns: w.columns, rows } },
    { heading: w.reason, paragraphs: [p(input.reason)] },
    { heading: w.hazard, paragraphs: [p(input.healthHazard) || w.none] },
    { heading: w.action, paragraphs: [...w.actionSteps.map((s, i) => `${i + 1}. ${s}`), ...(input.strategy ? [p(input.strategy)] : [])] },
    { heading: w.passOn, paragraphs: [w.passOnText(input.depth)] },
  ];
  if (input.jurisdiction === 'EU') sections.push({ heading: w.eu.transmission, paragraphs: [w.eu.transmissionText] });
  return {
    lang: input.lang,
    jurisdiction: input.jurisdiction,
    title: w.title[input.jurisdiction],
    meta: [
      `${w.caseNo}: ${p(input.caseNumber)}`,
      `${w.date}: ${input.date}`,
      `${w.to}: ${p(input.consignee.name)} (${p(input.consignee.code)})`,
      ...(classLine ? [classLine] : []),
      w.reference[input.jurisdiction],
    ],
    sections,
    replyForm: { heading: w.reply, intro: w.replyIntro, fields: w.fields, code: input.reply.code, url: input.reply.url, codeLabel: w.codeLabel, linkLabel: w.linkLabel },
    shippedTotal,
  };
}

/** A consignee's letters as the console lists them: its reply code's state and each letter printed. */
export interface ConsigneeLetters {
  customerId: string;
  code: string;
  name: string;
  shipped: number;
  /** When the reply code was issued, and when it was answered with. */
  replyCode: { issuedAt: string; answeredAt: string | null } | null;
  letters: { jurisdiction: Jurisdiction; lang: LetterLang; format: 'pdf' | 'html'; issuedAt: string; issuerName: string }[];
}

export interface CaseLetters {
  jurisdictions: Jurisdiction[];
  consignees: ConsigneeLetters[];
}

/** Frozen shipment lines of one consignee, as rows: each line once, with its product. */
export interface ConsigneeLine {
  gtin: string;
  model: string;
  name: string;
  nameZh: string | null;
  uom: string;
  lotNumber: string;
  serial: string | null;
  qty: number;
}

/** Groups a consignee's shipment lines by product and lot, summing quantities and listing serials in order. */
export function lettersProducts(lines: readonly ConsigneeLine[]): LetterProduct[] {
  const products = new Map<string, { product: Omit<LetterProduct, 'lots'>; lots: Map<string, { serials: string[]; qty: number }> }>();
  for (const line of lines) {
    let entry = products.get(line.gtin);
    if (!entry) products.set(line.gtin, (entry = { product: { name: line.name, nameZh: line.nameZh, model: line.model, gtin: line.gtin, uom: line.uom }, lots: new Map() }));
    let lot = entry.lots.get(line.lotNumber);
    if (!lot) entry.lots.set(line.lotNumber, (lot = { serials: [], qty: 0 }));
    lot.qty = Math.round((lot.qty + line.qty) * 1000) / 1000;
    if (line.serial) lot.serials.push(line.serial);
  }
  return [...products.values()]
    .sort((a, b) => a.product.gtin.localeCompare(b.product.gtin))
    .map(({ product, lots }) => ({
      ...product,
      lots: [...lots.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([lotNumber, l]) => ({ lotNumber, serials: [...l.serials].sort(), qty: l.qty })),
    }));
}
