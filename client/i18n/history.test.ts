import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../api/lots';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import { describeHistory } from './history';

const event = (kind: HistoryEvent['kind'], action: string, details: Record<string, unknown>): HistoryEvent => ({ at: '2026-11-30T08:00:00Z', kind, action, actor: 'qa', summary: 'english summary', details });

beforeAll(async () => {
  await i18n.init({ resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } }, lng: 'zh-CN', interpolation: { escapeValue: false } });
});

describe('describeHistory', () => {
  const zh = i18n.getFixedT('zh-CN');
  it('says a refused signature without a status change that never happened', () => {
    const failed = event('status', 'signature.failed', { before: null, after: { meaning: 'release' }, reason: null, meaning: null });
    expect(describeHistory(zh, failed)).toBe('签名被拒绝（密码错误），状态未变');
    expect(describeHistory(i18n.getFixedT('en'), failed)).not.toContain('?');
  });

  it("reads the demo plant's opening stock, consumption and shipment as receipt, consumption and shipment", () => {
    const en = i18n.getFixedT('en');
    const lines = [
      event('move', 'demo.opening_balance', { qty: 14500, from: null, to: 'A-01-01' }),
      event('move', 'demo.consumption', { qty: 2500, from: 'A-01-01', to: null }),
      event('move', 'demo.shipment', { qty: 100, from: 'B-02-01', to: null }),
    ];
    expect(lines.map((l) => describeHistory(en, l))).toEqual(lines.map((l) => describeHistory(en, { ...l, action: { 'demo.opening_balance': 'op.receive', 'demo.consumption': 'op.produce', 'demo.shipment': 'op.ship' }[l.action]! })));
    expect(lines.map((l) => describeHistory(en, l)).join(' ')).not.toContain('demo');
  });

  it('names the pallet and its ship notice of a receipt by SSCC, in both languages', () => {
    const pallet = event('move', 'op.receive_container', { qty: 24, from: null, to: 'RCV-01', sscc: '069012340009999998', notice: 'ASN-H1' });
    expect(describeHistory(i18n.getFixedT('en'), pallet)).toBe('received 24 on pallet (00)069012340009999998 from notice ASN-H1 at RCV-01');
    expect(describeHistory(zh, pallet)).toBe('按托盘 (00)069012340009999998 收货 24，发货通知 ASN-H1，至 RCV-01');
    expect(describeHistory(zh, { ...pallet, details: { ...pallet.details, notice: null } })).toBe('按托盘 (00)069012340009999998 收货 24 至 RCV-01');
  });

  it('says every kind of line in Chinese with its figures', () => {
    const lines = [
      event('move', 'op.pick', { qty: 300, from: 'B-02-01', to: 'SHP-01' }),
      event('move', 'op.produce', { qty: 2500, from: 'A-01-01', to: null }),
      event('status', 'lot.status', { before: { status: 'quarantine' }, after: { status: 'released' }, reason: 'COA ok' }),
      event('genealogy', 'made_from', { lotNumber: 'PP2410A', qty: 2500 }),
      event('shipment', 'shipped', { shipment: 'SH-1', customerName: '北京医药', qty: 100 }),
      event('return', 'returned', { customerName: '北京医药', qty: 5, to: 'QA-HOLD' }),
      event('exception', 'negative_stock', { status: 'open', message: 'english', params: { lotNumber: 'X1', locationCode: 'A-01-01', after: -5 } }),
      event('alert', 'near_expiry', { windowDays: 90, expiresOn: '2027-01-01' }),
    ];
    const said = lines.map((l) => describeHistory(zh, l));
    expect(said).toEqual([
      '从 B-02-01 拣货 300 至 SHP-01',
      '从 A-01-01 消耗 2500',
      '待检 → 已放行: COA ok',
      '由批号 PP2410A 制成（2500）',
      '发货单 SH-1 发往 北京医药：100',
      '北京医药 退回：5 至 QA-HOLD',
      '批号 X1 在 A-01-01 的库存变为 -5，将由主管处理（待处理）',
      '距失效不足 90 天（2027-01-01）',
    ]);
  });
});
