import { localName } from '../i18n/local-name';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { readScan } from '../../domain/gs1';
import { ApiError } from '../api/client';
import { findLots, traceLot, type Trace } from '../api/lots';
import { LotTimeline } from '../components/LotTimeline';
import { useWedgeScan } from '../scanning/useWedgeScan';
import type { StoredSession } from '../session/session';
import { labelFromElements } from './receive-label';
import { NODE_H, NODE_W, layoutTrace } from './trace-layout';
import { formatTime } from '../util/format-time';

/** Where did this lot go, or what went into it: a graph of lots and customers, the same facts as tables beside it, and any lot's history. */
export function TraceScreen({ session }: { session: StoredSession }) {
  const { t, i18n } = useTranslation();
  const [lotNumber, setLotNumber] = useState('');
  const [gtin, setGtin] = useState<string | null>(null);
  const [direction, setDirection] = useState<'forward' | 'backward'>('forward');
  const [trace, setTrace] = useState<Trace | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const graph = useMemo(() => (trace ? layoutTrace(trace) : null), [trace]);
  const lotById = useMemo(() => new Map((trace?.lots ?? []).map((l) => [l.id, l])), [trace]);

  async function run(number: string, withGtin: string | null, dir: 'forward' | 'backward') {
    try {
      const found = await findLots(session.token, number, withGtin);
      if (found.length === 0) return setError(t('lots.notFound', { lot: number }));
      if (found.length > 1) return setError(t('trace.ambiguous', { lot: number }));
      const result = await traceLot(session.token, found[0]!.id, dir);
      setTrace(result);
      setSelected(result.root);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  useWedgeScan((scan) => {
    const result = readScan(scan, { checkAssociations: false });
    if (!result.ok || result.kind === 'text') return;
    const label = labelFromElements(result.elements);
    if (!label?.lotNumber) return;
    setLotNumber(label.lotNumber);
    setGtin(label.gtin);
    void run(label.lotNumber, label.gtin, direction);
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (lotNumber.trim()) void run(lotNumber.trim(), gtin, direction);
  };
  const center = (id: string) => {
    const node = graph?.nodes.find((n) => n.id === id);
    return node ? { x: node.x + NODE_W / 2, y: node.y + NODE_H / 2, node } : null;
  };
  const date = (iso: string) => formatTime(i18n.resolvedLanguage, iso, 'date');

  return (
    <section className="screen trace" data-testid="trace-screen">
      <h2>{t('trace.title')}</h2>
      <form className="inline-form" onSubmit={submit}>
        <input
          aria-label={t('trace.lot')}
          placeholder={t('trace.lot')}
          value={lotNumber}
          onChange={(e) => {
            setLotNumber(e.target.value);
            setGtin(null);
          }}
          data-testid="trace-lot"
        />
        <select aria-label={t('trace.direction')} value={direction} onChange={(e) => setDirection(e.target.value as 'forward' | 'backward')} data-testid="trace-direction">
          <option value="forward">{t('trace.forward')}</option>
          <option value="backward">{t('trace.backward')}</option>
        </select>
        <button type="submit" className="primary" data-testid="trace-run">
          {t('trace.run')}
        </button>
      </form>
      {error && (
        <p className="scan-message error" role="alert">
          {error}
        </p>
      )}
      {trace && graph && (
        <>
          <p className="hint" data-testid="trace-summary">
            {t(trace.direction === 'forward' ? 'trace.summaryForward' : 'trace.summaryBackward', {
              lots: trace.lots.length - 1,
              customers: new Set(trace.shipments.map((s) => s.customerCode)).size,
              locations: new Set(trace.stock.map((s) => s.locationCode)).size,
            })}
            {trace.truncated && ` ${t('trace.truncated')}`}
          </p>
          <div className="trace-graph">
            <svg width={graph.width} height={graph.height} viewBox={`0 0 ${graph.width} ${graph.height}`} role="img" aria-label={t('trace.graph')} data-testid="trace-graph">
              {graph.links.map((link, i) => {
                const a = center(link.from);
                const b = center(link.to);
                if (!a || !b) return null;
                const [x1, x2] = a.x < b.x ? [a.x + NODE_W / 2, b.x - NODE_W / 2] : [a.x - NODE_W / 2, b.x + NODE_W / 2];
                return (
                  <g key={i} className="trace-link">
                    <path d={`M${x1},${a.y} C${(x1 + x2) / 2},${a.y} ${(x1 + x2) / 2},${b.y} ${x2},${b.y}`} />
                    <text x={(x1 + x2) / 2} y={(a.y + b.y) / 2 - 4}>
                      {link.label}
                    </text>
                  </g>
                );
              })}
              {graph.nodes.map((node) => (
                <g
                  key={node.id}
                  className={`trace-node ${node.kind} ${node.status ?? ''} ${selected === node.id ? 'selected' : ''}`}
                  transform={`translate(${node.x},${node.y})`}
                  onClick={() => node.kind === 'lot' && setSelected(node.id)}
                  data-testid={`node-${node.label}`}
                >
                  <rect width={NODE_W} height={NODE_H} rx={6} />
                  <text x={8} y={19} className="node-label">
                    {node.label}
                  </text>
                  <text x={8} y={37} className="node-sub">
                    {node.sub.length > 24 ? `${node.sub.slice(0, 23)}…` : node.sub}
                  </text>
                </g>
              ))}
            </svg>
          </div>
          <div className="console-columns">
            <div>
              <h3>{t('trace.lots')}</h3>
              <table className="grid" data-testid="trace-lots">
                <thead>
                  <tr>
                    <th>{t('trace.depth')}</th>
                    <th>{t('console.lot')}</th>
                    <th>{t('qc.item')}</th>
                    <th>{t('lookup.status')}</th>
                    <th>{t('lots.expires')}</th>
                    <th>{t('qc.supplierLot')}</th>
                  </tr>
                </thead>
                <tbody>
                  {trace.lots.map((l) => (
                    <tr key={l.id} className={selected === l.id ? 'selected' : ''} onClick={() => setSelected(l.id)}>
                      <td>{l.depth}</td>
                      <td>{l.lotNumber}</td>
                      <td>{localName(l.itemName, l.itemNameZh)}</td>
                      <td>{t(`lots.status.${l.status}`)}</td>
                      <td>{l.expiresOn ?? '—'}</td>
                      <td>{l.supplierLot ? `${l.supplierLot} (${l.supplier ?? ''})` : '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <h3>{t('trace.stock')}</h3>
              <table className="grid" data-testid="trace-stock">
                <tbody>
                  {trace.stock.map((s, i) => (
                    <tr key={i}>
                      <td>{lotById.get(s.lotId)?.lotNumber}</td>
                      <td>{s.locationCode}</td>
                      <td>{s.locationName}</td>
                      <td>{s.qty}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {trace.direction === 'forward' && (
                <>
                  <h3>{t('trace.shipments')}</h3>
                  <table className="grid" data-testid="trace-shipments">
                    <tbody>
                      {trace.shipments.map((s, i) => (
                        <tr key={i}>
                          <td>{date(s.shippedAt)}</td>
                          <td>{s.shipment}</td>
                          <td>{s.customerName}</td>
                          <td>{lotById.get(s.lotId)?.lotNumber}</td>
                          <td>{s.qty}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </>
              )}
            </div>
            {selected && (
              <div>
                <h3>
                  {t('lots.history')}: {lotById.get(selected)?.lotNumber}
                </h3>
                <LotTimeline token={session.token} lotId={selected} />
              </div>
            )}
          </div>
        </>
      )}
    </section>
  );
}
