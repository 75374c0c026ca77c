import { DRILL_PASS_BAND } from '../recall/drill';
import { mean, measured, rate } from './arithmetic';

/*
 * Every KPI Lotline reports, in one place: what it is called in both languages, its unit, the
 * formula a person reads under the figure, which way is better, and the pure sum from the inputs
 * the server gathered to the figure. The server gathers inputs (server/kpi); nothing here reads.
 */

export type KpiUnit = 'percent' | 'per_1000' | 'hours' | 'ms' | 'days' | 'count' | 'ratio';
/** Which way the figure should move; `none` where both ways are a risk (days of supply). */
export type KpiBetter = 'higher' | 'lower' | 'none';

export interface Localized {
  en: string;
  'zh-CN': string;
}

export interface KpiDefinition<Input extends string> {
  label: Localized;
  unit: KpiUnit;
  better: KpiBetter;
  /** The band the figure should lie in, inclusive, where there is one. */
  target?: { min: number; max: number };
  formula: Localized;
  /** What each input counts, in the order a person checks them. */
  inputs: Record<Input, Localized>;
  /** The figure; null when the inputs give nothing to stand on (no labels, no recall, no stock). */
  compute(inputs: Readonly<Record<Input, number>>): number | null;
}

const define = <Input extends string>(kpi: KpiDefinition<Input>) => kpi;

// Recall KPIs speak only of real recalls (drills have their own): with none in the period, none of them has a figure.
const ifRecalls = (recalls: number, value: number | null) => (recalls > 0 ? value : null);

const respondedBy = (day: number) =>
  define({
    label: { en: `Consignees responded by day ${day}`, 'zh-CN': `第 ${day} 天内已回复的收货方` },
    unit: 'percent',
    better: 'higher',
    formula: {
      en: `Of the consignees of recalls opened in the period whose day ${day} has come, the share whose first reply was recorded within ${day} × 24 hours of the recall opening × 100.`,
      'zh-CN': `本期开启的召回中、已到第 ${day} 天的收货方里，在召回开启后 ${day} × 24 小时内记录了首次回复的比例 × 100。`,
    },
    inputs: {
      recalls: { en: 'Recalls opened in the period', 'zh-CN': '本期开启的召回' },
      consignees: { en: `Their consignees whose day ${day} has come`, 'zh-CN': `已到第 ${day} 天的收货方` },
      responded: { en: `Of those, replied by day ${day}`, 'zh-CN': `其中第 ${day} 天内回复的` },
    },
    compute: (i) => ifRecalls(i.recalls, rate(i.responded, i.consignees, 100)),
  });

export const KPIS = {
  label_print_success_rate: define({
    label: { en: 'Label print success rate', 'zh-CN': '标签打印成功率' },
    unit: 'percent',
    better: 'higher',
    formula: {
      en: 'Labels the printer itself confirmed printed ÷ labels requested in the period that left the spool (printed, in doubt or cancelled) × 100. Labels still queued or in the printer are not yet judged; a label a person had to settle is not a success.',
      'zh-CN': '打印机自行确认已打印的标签 ÷ 本期请求且已离开打印队列的标签（已打印、存疑或已取消）× 100。仍在队列或打印机中的标签尚不计入；需人工判定的标签不算成功。',
    },
    inputs: {
      requested: { en: 'Labels requested in the period', 'zh-CN': '本期请求的标签' },
      finished: { en: 'Of those, out of the spool', 'zh-CN': '其中已离开打印队列的' },
      printerConfirmed: { en: 'Of those, confirmed by the printer', 'zh-CN': '其中打印机确认已打印的' },
    },
    compute: (i) => rate(i.printerConfirmed, i.finished, 100),
  }),
  label_waste_per_1000: define({
    label: { en: 'Label waste per 1,000 good labels', 'zh-CN': '每千张合格标签的浪费' },
    unit: 'per_1000',
    better: 'lower',
    formula: {
      en: '(voided + reprinted + test labels) ÷ good labels × 1,000. Voided: labels of jobs in doubt a person cancelled in the period; reprinted: labels printed again (a reprint, or a job in doubt printed again) requested in the period; test: Lotline has no test print, so none; good: labels printed in the period that no reprint replaced.',
      'zh-CN': '（作废 + 重打 + 测试标签）÷ 合格标签 × 1,000。作废：本期被人工取消的存疑作业的标签；重打：本期请求的重打标签（重打或存疑后再打）；测试：Lotline 没有测试打印，故为 0；合格：本期已打印且未被重打替换的标签。',
    },
    inputs: {
      voided: { en: 'Voided labels', 'zh-CN': '作废标签' },
      reprinted: { en: 'Reprinted labels', 'zh-CN': '重打标签' },
      test: { en: 'Test labels', 'zh-CN': '测试标签' },
      good: { en: 'Good labels', 'zh-CN': '合格标签' },
    },
    compute: (i) => rate(i.voided + i.reprinted + i.test, i.good, 1000),
  }),
  reprint_rate: define({
    label: { en: 'Reprint rate', 'zh-CN': '重打率' },
    unit: 'percent',
    better: 'lower',
    formula: {
      en: 'Reprinted labels requested in the period ÷ all labels requested in the period (reprints included) × 100.',
      'zh-CN': '本期请求的重打标签 ÷ 本期请求的全部标签（含重打）× 100。',
    },
    inputs: {
      reprinted: { en: 'Reprinted labels requested', 'zh-CN': '请求的重打标签' },
      requested: { en: 'Labels requested', 'zh-CN': '请求的标签' },
    },
    compute: (i) => rate(i.reprinted, i.requested, 100),
  }),
  printer_downtime: define({
    label: { en: 'Printer downtime', 'zh-CN': '打印机停机时间' },
    unit: 'hours',
    better: 'lower',
    formula: {
      en: 'Sum over the active printers of the time within the period (up to now) their status answer said offline, paper out, head open, paused or not ready, in hours. Time before a printer was first heard from is not counted.',
      'zh-CN': '在用打印机在本期内（至当前）状态为离线、缺纸、打印头打开、暂停或未就绪的时间之和，单位小时。首次收到打印机状态之前的时间不计。',
    },
    inputs: {
      printers: { en: 'Active printers', 'zh-CN': '在用打印机' },
      downHours: { en: 'Hours not ready', 'zh-CN': '未就绪小时数' },
    },
    compute: (i) => (i.printers > 0 ? measured(i.downHours, 1) : null),
  }),
  qc_release_cycle_time: define({
    label: { en: 'QC release cycle time', 'zh-CN': 'QC 放行周期' },
    unit: 'hours',
    better: 'lower',
    formula: {
      en: 'Mean, over the lots QC released from quarantine under signature in the period, of the hours from the lot arriving in quarantine to the release signature.',
      'zh-CN': '本期由 QC 签名从待检放行的批次，从批次进入待检到放行签名的平均小时数。',
    },
    inputs: {
      releases: { en: 'Signed releases from quarantine', 'zh-CN': '签名放行（自待检）' },
      totalHours: { en: 'Hours waited, summed', 'zh-CN': '等待小时数合计' },
    },
    compute: (i) => mean(i.totalHours, i.releases),
  }),
  trace_time_p95: define({
    label: { en: 'Trace time (p95)', 'zh-CN': '追溯耗时（p95）' },
    unit: 'ms',
    better: 'lower',
    formula: {
      en: "95th percentile, by nearest rank, of the time the server took to answer the traces it served in the period: the rank-th fastest of them, rank = ⌈0.95 × traces⌉.",
      'zh-CN': '本期服务器所答复追溯请求耗时的第 95 百分位（最近秩法）：第 rank 快的一次，rank = ⌈0.95 × 追溯次数⌉。',
    },
    inputs: {
      traces: { en: 'Traces served', 'zh-CN': '已答复的追溯' },
      rank: { en: 'Rank of the 95th percentile', 'zh-CN': '第 95 百分位的秩' },
      msAtRank: { en: 'Milliseconds of that trace', 'zh-CN': '该次追溯的毫秒数' },
    },
    compute: (i) => measured(i.msAtRank, i.traces),
  }),
  recall_letters_sent_days: define({
    label: { en: 'Recall initiation to letters sent', 'zh-CN': '召回启动至通知发出' },
    unit: 'days',
    better: 'lower',
    formula: {
      en: 'Mean, over the recalls opened in the period whose letters were recorded as sent, of the days from the plant day the recall opened to the first day letters were sent. No recall in the period: no figure.',
      'zh-CN': '本期开启且已记录发出通知的召回，从召回开启日到首次发出通知日的平均天数。本期无召回则无数值。',
    },
    inputs: {
      recalls: { en: 'Recalls opened in the period', 'zh-CN': '本期开启的召回' },
      withLetters: { en: 'Of those, letters sent', 'zh-CN': '其中已发出通知的' },
      totalDays: { en: 'Days to letters, summed', 'zh-CN': '至发出通知天数合计' },
    },
    compute: (i) => ifRecalls(i.recalls, mean(i.totalDays, i.withLetters)),
  }),
  recall_responded_by_day_3: respondedBy(3),
  recall_responded_by_day_7: respondedBy(7),
  recall_responded_by_day_14: respondedBy(14),
  recall_quantity_recovered: define({
    label: { en: 'Recall quantity recovered', 'zh-CN': '召回数量回收率' },
    unit: 'percent',
    better: 'higher',
    formula: {
      en: 'Quantity returned since opening and matched to recalls opened in the period ÷ the quantity their consignees held when each opened (shipped less returned before) × 100.',
      'zh-CN': '本期开启的召回自开启以来退回并匹配的数量 ÷ 开启时收货方持有的数量（已发货减开启前已退回）× 100。',
    },
    inputs: {
      recalls: { en: 'Recalls opened in the period', 'zh-CN': '本期开启的召回' },
      outstanding: { en: 'Quantity at consignees at opening', 'zh-CN': '开启时收货方持有数量' },
      recovered: { en: 'Quantity returned since', 'zh-CN': '此后退回数量' },
    },
    compute: (i) => ifRecalls(i.recalls, rate(i.recovered, i.outstanding, 100)),
  }),
  mock_recall_time: define({
    label: { en: 'Mock recall time', 'zh-CN': '模拟召回用时' },
    unit: 'ms',
    better: 'lower',
    formula: {
      en: 'Mean, over the mock recalls started in the period, of the milliseconds from the start to the mass balance being ready (scope and consignee list before it).',
      'zh-CN': '本期开始的模拟召回，从开始到物料平衡完成（范围与收货方清单在其之前）的平均毫秒数。',
    },
    inputs: {
      drills: { en: 'Mock recalls', 'zh-CN': '模拟召回' },
      totalMs: { en: 'Milliseconds, summed', 'zh-CN': '毫秒数合计' },
    },
    compute: (i) => mean(i.totalMs, i.drills),
  }),
  mock_recall_accounted: define({
    label: { en: 'Mock recall quantity accounted for', 'zh-CN': '模拟召回数量核算率' },
    unit: 'percent',
    better: 'none',
    target: { min: DRILL_PASS_BAND.min, max: DRILL_PASS_BAND.max },
    formula: {
      en: `Quantity the books account for ÷ quantity brought in, over the scopes of the mock recalls started in the period × 100. More than 100 is as much a finding as less: a drill passes at ${DRILL_PASS_BAND.min}–${DRILL_PASS_BAND.max}.`,
      'zh-CN': `本期开始的模拟召回范围内，账面可核算数量 ÷ 入库（或生产）数量 × 100。超过 100 与不足同样是问题：演练合格范围为 ${DRILL_PASS_BAND.min}–${DRILL_PASS_BAND.max}。`,
    },
    inputs: {
      drills: { en: 'Mock recalls', 'zh-CN': '模拟召回' },
      broughtIn: { en: 'Quantity brought in', 'zh-CN': '入库（或生产）数量' },
      accounted: { en: 'Quantity accounted for', 'zh-CN': '可核算数量' },
    },
    compute: (i) => (i.drills > 0 ? rate(i.accounted, i.broughtIn, 100) : null),
  }),
  inventory_turnover: define({
    label: { en: 'Inventory turnover', 'zh-CN': '库存周转次数' },
    unit: 'ratio',
    better: 'higher',
    formula: {
      en: 'Quantity issued in the period (shipped to customers + consumed into produced lots) ÷ average on-hand. On-hand: the ledger quantity in every location but scrap; its average is the mean of the on-hand at the end of each day of the period (up to now for today).',
      'zh-CN': '本期发出数量（发货给客户 + 生产消耗）÷ 平均在库量。在库量：除报废库位外所有库位的台账数量；平均值为本期每天日终在库量的平均（今天取当前）。',
    },
    inputs: {
      shipped: { en: 'Quantity shipped', 'zh-CN': '发货数量' },
      consumed: { en: 'Quantity consumed', 'zh-CN': '消耗数量' },
      averageOnHand: { en: 'Average on-hand', 'zh-CN': '平均在库量' },
    },
    compute: (i) => rate(i.shipped + i.consumed, i.averageOnHand),
  }),
  days_of_supply: define({
    label: { en: 'Days of supply', 'zh-CN': '库存可供天数' },
    unit: 'days',
    better: 'none',
    formula: {
      en: 'On-hand at the end of the period ÷ average daily issues, where average daily issues = (shipped + consumed in the period) ÷ days in the period. No issues: no figure.',
      'zh-CN': '期末在库量 ÷ 日均发出量，日均发出量 =（本期发货 + 消耗）÷ 本期天数。无发出则无数值。',
    },
    inputs: {
      onHand: { en: 'On-hand at the end of the period', 'zh-CN': '期末在库量' },
      issued: { en: 'Quantity issued (shipped + consumed)', 'zh-CN': '发出数量（发货 + 消耗）' },
      days: { en: 'Days in the period', 'zh-CN': '本期天数' },
    },
    compute: (i) => {
      const daily = rate(i.issued, i.days);
      return daily === null ? null : rate(i.onHand, daily);
    },
  }),
  lots_without_expiry: define({
    label: { en: 'Lots without expiry date', 'zh-CN': '无有效期的批次' },
    unit: 'count',
    better: 'lower',
    formula: {
      en: 'Lots that existed by the end of the period and have no expiry date today. A lot without one cannot be labelled (GS1 AI 17) nor picked first-expiry-first-out.',
      'zh-CN': '期末前已存在、且当前没有有效期的批次数。没有有效期的批次无法打印标签（GS1 AI 17），也无法按先到期先出拣货。',
    },
    inputs: {
      lots: { en: 'Lots', 'zh-CN': '批次' },
      withoutExpiry: { en: 'Without expiry date', 'zh-CN': '无有效期' },
    },
    compute: (i) => measured(i.withoutExpiry, 1),
  }),
  shipments_without_consignee_address: define({
    label: { en: 'Shipments without consignee address', 'zh-CN': '缺少收货方地址的发货' },
    unit: 'count',
    better: 'lower',
    formula: {
      en: 'Shipments in the period to a customer with no address on file: a recall letter to them has nowhere to go.',
      'zh-CN': '本期发往未登记地址客户的发货数：召回通知无处寄送。',
    },
    inputs: {
      shipments: { en: 'Shipments', 'zh-CN': '发货' },
      withoutAddress: { en: 'To a customer without address', 'zh-CN': '客户无地址' },
    },
    compute: (i) => measured(i.withoutAddress, 1),
  }),
};

export type KpiId = keyof typeof KPIS;
export type KpiInputs<K extends KpiId> = Parameters<(typeof KPIS)[K]['compute']>[0];

export const KPI_IDS = Object.keys(KPIS) as KpiId[];

export const isKpiId = (id: string): id is KpiId => Object.hasOwn(KPIS, id);

/** The figure of one KPI from its inputs. */
export function computeKpi<K extends KpiId>(id: K, inputs: KpiInputs<K>): number | null {
  const kpi = KPIS[id] as KpiDefinition<string>;
  return kpi.compute(inputs as Readonly<Record<string, number>>);
}
