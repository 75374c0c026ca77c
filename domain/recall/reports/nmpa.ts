import type { ReportFacts } from './facts';
import { day, pct, qty, type ReportDocument, type ReportSection } from './model';
import { totals } from './common';

const LEVEL = ['一级', '二级', '三级'] as const;
const DEPTH: Record<string, string> = { wholesale: '批发', retail: '零售', user: '使用者' };

const levelOf = (f: ReportFacts): string => (f.case.terms.classes.nmpa ? LEVEL[f.case.terms.classes.nmpa - 1]! : '—');

function productZh(f: ReportFacts): ReportSection {
  return {
    heading: '产品信息',
    table: { columns: ['产品名称', '英文名称', 'GTIN', 'UDI-DI'], rows: f.products.map((p) => [p.nameZh ?? p.name, p.name, p.gtin, p.udiDi ?? p.gtin]) },
  };
}

function lotsZh(f: ReportFacts): ReportSection {
  return {
    heading: '涉及批号及序列号',
    table: { columns: ['批号', 'GTIN', '生产/入库数量', '已发出数量', '库存数量', '序列号'], rows: f.lots.map((l) => [l.lotNumber, l.gtin, qty(l.broughtIn), qty(l.shippedOut), qty(l.inStock), l.serials.join(' ')]) },
  };
}

function firmZh(f: ReportFacts): ReportSection {
  const m = f.manufacturer;
  return {
    heading: '企业信息',
    fields: [
      ['企业名称', m?.nameZh ?? m?.name ?? '未设置'],
      ['地址', m?.address ?? ''],
      ['联系人', m?.contact ?? ''],
      ['注册证编号', m?.nmpaRegistration ?? '—'],
    ],
  };
}

function consigneesZh(f: ReportFacts): ReportSection {
  return {
    heading: '召回实施情况（按收货单位）',
    table: {
      columns: ['收货单位编码', '收货单位', '发货数量', '退回数量', '销毁数量', '纠正数量', '现存数量', '差额', '回复日期'],
      rows: f.consignees.map((c) => [c.code, c.name, qty(c.shipped), qty(c.returned), qty(c.destroyed), qty(c.corrected), qty(c.onHand), qty(c.gap), c.answeredAt ? day(c.answeredAt) : '未回复']),
    },
  };
}

/** 医疗器械召回事件报告表 (医疗器械召回管理办法 第十八条): what is recalled, why, how far and at what level. */
export function nmpaEventReport(f: ReportFacts): ReportDocument {
  const t = totals(f);
  return {
    kind: 'nmpa-event',
    lang: 'zh-CN',
    title: `医疗器械召回事件报告表 ${f.case.number}`,
    reference: f.case.number,
    generatedAt: f.generatedAt,
    sections: [
      firmZh(f),
      productZh(f),
      lotsZh(f),
      {
        heading: '召回信息',
        fields: [
          ['召回编号', f.case.number],
          ['召回级别', levelOf(f)],
          ['召回启动日期', day(f.case.openedAt)],
          ['召回深度', DEPTH[f.case.terms.depth ?? ''] ?? '—'],
          ['生产/入库数量', qty(t.manufactured)],
          ['已销售数量', qty(t.distributed)],
          ['收货单位数量', f.consignees.length],
        ],
      },
      { heading: '召回原因', text: f.case.terms.reason },
      { heading: '健康危害评估', text: f.case.terms.healthHazard || '—' },
      { heading: '召回措施', text: f.case.terms.strategy || '—' },
    ],
  };
}

/** 召回计划实施情况报告 (第二十条): progress of the plan, consignee by consignee. */
export function nmpaProgressReport(f: ReportFacts): ReportDocument {
  const answered = f.consignees.filter((c) => c.answered).length;
  return {
    kind: 'nmpa-progress',
    lang: 'zh-CN',
    title: `召回计划实施情况报告 ${f.case.number}`,
    reference: f.case.number,
    generatedAt: f.generatedAt,
    sections: [
      firmZh(f),
      {
        heading: '实施进展',
        fields: [
          ['召回编号', f.case.number],
          ['召回级别', levelOf(f)],
          ['已通知收货单位', f.notices.reduce((s, n) => s + n.count, 0)],
          ['通知日期及方式', f.notices.map((n) => `${n.sentOn} ${n.method}`).join('；') || '尚未通知'],
          ['已回复收货单位', answered],
          ['未回复收货单位', f.consignees.length - answered],
          ['已发货数量', qty(f.reconciliation.shipped)],
          ['已核实数量', `${qty(f.reconciliation.accounted)}（${pct(f.reconciliation.percent)}）`],
        ],
      },
      consigneesZh(f),
      {
        heading: '召回产品处理情况',
        table: { columns: ['处理方式', '数量'], rows: f.dispositions.map((d) => [DISPOSAL[d.action] ?? d.action, qty(d.qty)]) },
      },
    ],
  };
}

const DISPOSAL: Record<string, string> = { destroy: '销毁', rework: '返工', relabel: '重新贴标', return_to_supplier: '退回供应商' };

/** 召回总结评估报告 (第二十三条): the outcome of the recall and whether it worked. */
export function nmpaSummaryReport(f: ReportFacts): ReportDocument {
  const gaps = f.consignees.filter((c) => c.gap !== 0);
  return {
    kind: 'nmpa-summary',
    lang: 'zh-CN',
    title: `召回总结评估报告 ${f.case.number}`,
    reference: f.case.number,
    generatedAt: f.generatedAt,
    sections: [
      firmZh(f),
      productZh(f),
      {
        heading: '召回结果',
        fields: [
          ['召回编号', f.case.number],
          ['召回级别', levelOf(f)],
          ['召回启动日期', day(f.case.openedAt)],
          ['召回完成日期', day(f.case.closedAt)],
          ['已发货数量', qty(f.reconciliation.shipped)],
          ['已核实数量', qty(f.reconciliation.accounted)],
          ['召回完成率', pct(f.reconciliation.percent)],
          ['存在差额的收货单位', gaps.length],
        ],
      },
      consigneesZh(f),
      {
        heading: '差额说明',
        table: { columns: ['收货单位编码', '差额', '说明'], rows: gaps.map((c) => [c.code, qty(c.gap), c.explained ?? '未说明']) },
      },
      { heading: '召回原因', text: f.case.terms.reason },
      { heading: '召回效果评价', text: f.reconciliation.percent === 100 ? '全部召回产品已核实。' : `已核实 ${pct(f.reconciliation.percent)}，差额见上表。` },
    ],
  };
}
