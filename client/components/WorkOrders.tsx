import { localName } from '../i18n/local-name';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { submitThenReload, useApiList } from '../hooks/useApiList';

interface WorkOrder {
  id: string;
  number: string;
  gtin: string;
  itemName: string;
  itemNameZh: string | null;
  lotNumber: string | null;
  plannedQty: number | null;
  lineCode: string | null;
  status: string;
}

interface Item {
  gtin: string;
  sku: string;
  name: string;
  nameZh: string | null;
}

/** Opening work orders: the finished lot is numbered at once, so the traveller can carry it to the line. */
export function WorkOrders({ token }: { token: string }) {
  const { t } = useTranslation();
  const orders = useApiList<WorkOrder>(token, '/api/work-orders', 'workOrders');
  const items = useApiList<Item>(token, '/api/items', 'items');
  const [gtin, setGtin] = useState('');
  const [qty, setQty] = useState('');
  const [line, setLine] = useState('');

  async function create(event: FormEvent) {
    event.preventDefault();
    const body = { gtin, ...(Number(qty) > 0 ? { plannedQty: Number(qty) } : {}), ...(line.trim() ? { lineCode: line.trim() } : {}) };
    if (await submitThenReload(() => api('/api/work-orders', { method: 'POST', token, body: JSON.stringify(body) }), orders)) setQty('');
  }

  return (
    <div data-testid="work-orders">
      <h3>{t('workOrders.title')}</h3>
      {orders.error && (
        <p className="scan-message error" role="alert">
          {orders.error}
        </p>
      )}
      <form className="inline-form" onSubmit={(e) => void create(e)}>
        <select aria-label={t('produce.item')} value={gtin} onChange={(e) => setGtin(e.target.value)} required>
          <option value="">{t('produce.chooseItem')}</option>
          {items.items.map((i) => (
            <option key={i.gtin} value={i.gtin}>
              {i.sku} · {localName(i.name, i.nameZh)}
            </option>
          ))}
        </select>
        <input aria-label={t('workOrders.planned')} placeholder={t('workOrders.planned')} inputMode="decimal" value={qty} onChange={(e) => setQty(e.target.value)} />
        <input aria-label={t('workOrders.line')} placeholder={t('workOrders.line')} value={line} onChange={(e) => setLine(e.target.value)} />
        <button type="submit" className="primary">
          {t('workOrders.open')}
        </button>
      </form>
      <table className="grid">
        <thead>
          <tr>
            <th>{t('workOrders.number')}</th>
            <th>{t('produce.item')}</th>
            <th>{t('console.lot')}</th>
            <th>{t('workOrders.planned')}</th>
            <th>{t('workOrders.line')}</th>
          </tr>
        </thead>
        <tbody>
          {orders.items.map((o) => (
            <tr key={o.id}>
              <td>{o.number}</td>
              <td>{localName(o.itemName, o.itemNameZh)}</td>
              <td>{o.lotNumber ?? '—'}</td>
              <td>{o.plannedQty ?? '—'}</td>
              <td>{o.lineCode ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
