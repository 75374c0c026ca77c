import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api/client';

interface WorkOrder {
  id: string;
  number: string;
  gtin: string;
  itemName: string;
  lotNumber: string | null;
  plannedQty: number | null;
  lineCode: string | null;
  status: string;
}

interface Item {
  gtin: string;
  sku: string;
  name: string;
}

/** Opening work orders: the finished lot is numbered at once, so the traveller can carry it to the line. */
export function WorkOrders({ token }: { token: string }) {
  const { t } = useTranslation();
  const [orders, setOrders] = useState<WorkOrder[]>([]);
  const [items, setItems] = useState<Item[]>([]);
  const [gtin, setGtin] = useState('');
  const [qty, setQty] = useState('');
  const [line, setLine] = useState('');
  const [error, setError] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    try {
      const [w, i] = await Promise.all([api<{ workOrders: WorkOrder[] }>('/api/work-orders', { token }), api<{ items: Item[] }>('/api/items', { token })]);
      setOrders(w.workOrders);
      setItems(i.items);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, [token]);
  useEffect(() => {
    const first = setTimeout(() => void refresh(), 0);
    return () => clearTimeout(first);
  }, [refresh]);

  async function create(event: FormEvent) {
    event.preventDefault();
    try {
      await api('/api/work-orders', { method: 'POST', token, body: JSON.stringify({ gtin, ...(Number(qty) > 0 ? { plannedQty: Number(qty) } : {}), ...(line.trim() ? { lineCode: line.trim() } : {}) }) });
      setQty('');
      setError(null);
      await refresh();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  return (
    <div data-testid="work-orders">
      <h3>{t('workOrders.title')}</h3>
      {error && (
        <p className="scan-message error" role="alert">
          {error}
        </p>
      )}
      <form className="inline-form" onSubmit={(e) => void create(e)}>
        <select aria-label={t('produce.item')} value={gtin} onChange={(e) => setGtin(e.target.value)} required>
          <option value="">{t('produce.chooseItem')}</option>
          {items.map((i) => (
            <option key={i.gtin} value={i.gtin}>
              {i.sku} · {i.name}
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
          {orders.map((o) => (
            <tr key={o.id}>
              <td>{o.number}</td>
              <td>{o.itemName}</td>
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
