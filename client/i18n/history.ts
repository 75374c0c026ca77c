import type { TFunction } from 'i18next';
import type { HistoryEvent } from '../api/lots';
import { describeProblem } from './outcome';

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const MOVE_VERBS = ['op.receive', 'op.pick', 'op.move', 'op.ship', 'op.return'];
/** The demo plant's opening stock, consumption and shipment read as what they stand for. */
const DEMO_VERBS: Record<string, string> = { 'demo.opening_balance': 'receive', 'demo.consumption': 'consumed', 'demo.shipment': 'ship' };

/**
 * One line of a lot's history in the user's language, from its kind, action and details; the
 * server's English summary is the fallback for an action this app has no words for.
 */
export function describeHistory(t: TFunction, e: HistoryEvent): string {
  const d = e.details;
  switch (e.kind) {
    case 'move': {
      if (e.action === 'op.receive_container') return t(d.notice ? 'history.move.receiveContainer' : 'history.move.receiveContainerNoNotice', { qty: Number(d.qty), sscc: text(d.sscc), notice: text(d.notice), to: text(d.to) });
      const verb = e.action === 'op.produce' ? (d.from ? 'consumed' : 'produced') : MOVE_VERBS.includes(e.action) ? e.action.slice(3) : (DEMO_VERBS[e.action] ?? null);
      if (!verb) return e.summary;
      return t(`history.move.${verb}`, { qty: Number(d.qty), from: text(d.from), to: text(d.to) });
    }
    case 'status': {
      if (e.action === 'signature.failed') return t('history.signatureFailed');
      const before = (d.before as { status?: string } | null)?.status;
      const after = (d.after as { status?: string } | null)?.status;
      if (!before || !after) return e.summary;
      const line = t('history.status', { from: t(`lots.status.${before}`), to: t(`lots.status.${after}`) });
      return d.reason ? `${line}: ${text(d.reason)}` : line;
    }
    case 'genealogy':
      return t(e.action === 'made_from' ? 'history.madeFrom' : 'history.wentInto', { lot: text(d.lotNumber), qty: Number(d.qty) });
    case 'shipment':
      return t('history.shipment', { shipment: text(d.shipment), customer: text(d.customerName), qty: Number(d.qty) });
    case 'return':
      return t('history.return', { customer: text(d.customerName), qty: Number(d.qty), to: text(d.to) });
    case 'exception': {
      const said = describeProblem(t, { code: e.action, params: (d.params ?? {}) as Record<string, string | number | null> });
      return t('history.exception', { what: said ?? text(d.message), status: t(`history.exceptionStatus.${text(d.status)}`, { defaultValue: text(d.status) }) });
    }
    case 'alert':
      return e.action === 'expired' ? t('history.expired', { date: text(d.expiresOn) }) : t('history.nearExpiry', { days: Number(d.windowDays), date: text(d.expiresOn) });
    default:
      return e.summary;
  }
}
