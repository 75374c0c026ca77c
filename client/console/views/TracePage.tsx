import { Alert, Button, Card, Drawer, Form, Input, Select, Spin, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readScan } from '../../../domain/gs1';
import { ApiError } from '../../api/client';
import { findLots, traceLot, type Trace, type TraceLot } from '../../api/lots';
import { localName } from '../../i18n/local-name';
import { useWedgeScan } from '../../scanning/useWedgeScan';
import { labelFromElements } from '../../screens/receive-label';
import type { StoredSession } from '../../session/session';
import { ConsoleTable } from '../ConsoleTable';
import { filtersOf } from '../filters';
import { LotHistory } from '../LotHistory';
import { PageTitle } from '../PageTitle';
import { byTime, useTime } from '../useTime';
import { SerialPath } from './trace/SerialPath';

// ECharts and the ELK layout load with the graph, not with the console: only this page draws it.
const TraceGraph = lazy(() => import('./trace/TraceGraph').then((m) => ({ default: m.TraceGraph })));

type Direction = Trace['direction'];
type Stock = Trace['stock'][number];
type Shipment = Trace['shipments'][number];
type HeldIn = Trace['containers'][number];

/**
 * Where did this lot (or one serial of it) go, or what went into it: a graph of lots and
 * customers, the serial's path, the same facts as tables below, and any lot's history in a drawer.
 */
export function TracePage({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const date = useTime('date');
  const [form] = Form.useForm<{ lot: string; serial: string; direction: Direction }>();
  const [gtin, setGtin] = useState<string | null>(null);
  const [trace, setTrace] = useState<Trace | null>(null);
  const [runs, setRuns] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lotById = useMemo(() => new Map((trace?.lots ?? []).map((l) => [l.id, l])), [trace]);

  async function run(number: string, withGtin: string | null, direction: Direction, serial: string | null) {
    try {
      const found = await findLots(session.token, number, withGtin);
      if (found.length === 0) return setError(t('lots.notFound', { lot: number }));
      if (found.length > 1) return setError(t('trace.ambiguous', { lot: number }));
      setTrace(await traceLot(session.token, found[0]!.id, direction, serial));
      setRuns((n) => n + 1);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }

  // A scanned label carries the GTIN too, which settles a lot number that several items share.
  useWedgeScan((scan) => {
    const result = readScan(scan, { checkAssociations: false });
    if (!result.ok || result.kind === 'text') return;
    const label = labelFromElements(result.elements);
    if (!label?.lotNumber) return;
    form.setFieldsValue({ lot: label.lotNumber, serial: label.serial ?? '' });
    setGtin(label.gtin);
    void run(label.lotNumber, label.gtin, form.getFieldValue('direction') as Direction, label.serial);
  });

  const lotLink = (lotId: string, text: string | undefined) => (
    <Button type="link" size="small" onClick={() => setSelected(lotId)}>
      {text ?? '—'}
    </Button>
  );

  return (
    <section data-testid="trace-screen">
      <PageTitle>{t('trace.title')}</PageTitle>
      <Card size="small" className="console-card">
        <Form form={form} layout="inline" initialValues={{ lot: '', serial: '', direction: 'forward' }} onFinish={({ lot, serial, direction }) => void run(lot.trim(), gtin, direction, serial.trim() || null)}>
          <Form.Item name="lot" label={t('trace.lot')} rules={[{ required: true, whitespace: true, message: t('consoleForm.required') }, { max: 20 }]}>
            <Input data-testid="trace-lot" onChange={() => setGtin(null)} spellCheck={false} style={{ width: 220, maxWidth: '100%' }} />
          </Form.Item>
          <Form.Item name="serial" label={t('trace.serial')} rules={[{ max: 20, message: t('trace.serialTooLong') }, { pattern: /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/, message: t('trace.serialCharacters') }]}>
            <Input data-testid="trace-serial" spellCheck={false} style={{ width: 200, maxWidth: '100%' }} />
          </Form.Item>
          <Form.Item name="direction" label={t('trace.direction')}>
            <Select
              data-testid="trace-direction"
              style={{ width: 240, maxWidth: '100%' }}
              options={[
                { value: 'forward', label: t('trace.forward') },
                { value: 'backward', label: t('trace.backward') },
              ]}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" data-testid="trace-run">
            {t('trace.run')}
          </Button>
        </Form>
      </Card>
      {error && <Alert type="error" role="alert" showIcon title={error} className="console-alert" />}
      {trace && (
        <>
          <Alert
            type="info"
            className="console-alert"
            data-testid="trace-summary"
            title={`${t(trace.direction === 'forward' ? 'trace.summaryForward' : 'trace.summaryBackward', {
              lots: trace.lots.length - 1,
              customers: new Set(trace.shipments.map((s) => s.customerCode)).size,
              locations: new Set(trace.stock.map((s) => s.locationCode)).size,
            })}${trace.truncated ? ` ${t('trace.truncated')}` : ''}`}
          />
          {trace.serial !== null && <SerialPath trace={trace} onOpenLot={setSelected} />}
          <Card size="small" className="console-card">
            <Suspense fallback={<Spin aria-label={t('trace.laying')} />}>
              <TraceGraph key={runs} trace={trace} onOpenLot={setSelected} />
            </Suspense>
          </Card>
          <ConsoleTable<TraceLot>
            name="trace-lots"
            title={t('trace.lots')}
            rowKey="id"
            dataSource={trace.lots}
            columns={[
              { key: 'lot', title: t('console.lot'), render: (_, l) => lotLink(l.id, l.lotNumber), sorter: (a, b) => a.lotNumber.localeCompare(b.lotNumber) },
              { key: 'depth', title: t('trace.depth'), dataIndex: 'depth', sorter: (a, b) => a.depth - b.depth, defaultSortOrder: 'ascend' },
              { key: 'item', title: t('qc.item'), render: (_, l) => localName(l.itemName, l.itemNameZh) },
              { key: 'status', title: t('lookup.status'), render: (_, l) => <Tag>{t(`lots.status.${l.status}`)}</Tag>, filters: filtersOf(trace.lots, (l) => l.status, (s) => t(`lots.status.${s}`)), onFilter: (s, l) => l.status === s },
              { key: 'expires', title: t('lots.expires'), render: (_, l) => l.expiresOn ?? '—', sorter: (a, b) => (a.expiresOn ?? '').localeCompare(b.expiresOn ?? '') },
              { key: 'supplierLot', title: t('qc.supplierLot'), render: (_, l) => (l.supplierLot ? `${l.supplierLot} (${l.supplier ?? ''})` : '—') },
            ]}
          />
          <ConsoleTable<Stock>
            name="trace-stock"
            title={t('trace.stock')}
            rowKey={(s) => `${s.lotId}-${s.locationCode}`}
            dataSource={trace.stock}
            minWidth={560}
            columns={[
              { key: 'lot', title: t('console.lot'), render: (_, s) => lotLink(s.lotId, lotById.get(s.lotId)?.lotNumber) },
              { key: 'location', title: t('trace.location'), render: (_, s) => `${s.locationCode} · ${s.locationName}`, filters: filtersOf(trace.stock, (s) => s.locationCode, (v) => v), onFilter: (v, s) => s.locationCode === v },
              { key: 'qty', title: t('trace.qty'), dataIndex: 'qty', align: 'end', sorter: (a, b) => a.qty - b.qty },
            ]}
          />
          {trace.direction === 'forward' && (
            <ConsoleTable<Shipment>
              name="trace-shipments"
              title={t('trace.shipments')}
              rowKey={(s) => `${s.shipment}-${s.lotId}`}
              dataSource={trace.shipments}
              minWidth={640}
              columns={[
                { key: 'shipment', title: t('trace.shipment'), dataIndex: 'shipment' },
                { key: 'shipped', title: t('trace.shipped'), render: (_, s) => date(s.shippedAt), sorter: byTime((s) => s.shippedAt) },
                { key: 'customer', title: t('trace.customer'), dataIndex: 'customerName', filters: filtersOf(trace.shipments, (s) => s.customerName, (v) => v), onFilter: (v, s) => s.customerName === v },
                { key: 'lot', title: t('console.lot'), render: (_, s) => lotLink(s.lotId, lotById.get(s.lotId)?.lotNumber) },
                { key: 'qty', title: t('trace.qty'), dataIndex: 'qty', align: 'end', sorter: (a, b) => a.qty - b.qty },
              ]}
            />
          )}
          {trace.containers.length > 0 && (
            <ConsoleTable<HeldIn>
              name="trace-containers"
              title={t('trace.containers')}
              rowKey={(c) => `${c.sscc}-${c.lotId}`}
              dataSource={trace.containers}
              minWidth={720}
              columns={[
                { key: 'sscc', title: t('trace.sscc'), dataIndex: 'sscc', width: 200 },
                { key: 'level', title: t('trace.level'), render: (_, c) => t(`trace.containerLevels.${c.level}`), filters: filtersOf(trace.containers, (c) => c.level, (v) => t(`trace.containerLevels.${v}`)), onFilter: (v, c) => c.level === v },
                { key: 'outermost', title: t('trace.outermost'), width: 200, render: (_, c) => (c.outermost === c.sscc ? '—' : c.outermost), sorter: (a, b) => a.outermost.localeCompare(b.outermost) },
                { key: 'lot', title: t('console.lot'), render: (_, c) => lotLink(c.lotId, lotById.get(c.lotId)?.lotNumber) },
                { key: 'qty', title: t('trace.qty'), dataIndex: 'qty', align: 'end', sorter: (a, b) => a.qty - b.qty },
                { key: 'serials', title: t('trace.serials'), dataIndex: 'serials', align: 'end' },
                { key: 'shipped', title: t('trace.shipped'), render: (_, c) => (c.shippedAt ? date(c.shippedAt) : t('trace.notShipped')), sorter: byTime((c) => c.shippedAt ?? '') },
              ]}
            />
          )}
        </>
      )}
      <Drawer open={selected !== null} onClose={() => setSelected(null)} size={640} title={`${t('lots.history')}: ${selected ? (lotById.get(selected)?.lotNumber ?? '') : ''}`}>
        {selected && (
          <>
            <Typography.Paragraph type="secondary">{lotById.get(selected) ? localName(lotById.get(selected)!.itemName, lotById.get(selected)!.itemNameZh) : ''}</Typography.Paragraph>
            <LotHistory token={session.token} lotId={selected} />
          </>
        )}
      </Drawer>
    </section>
  );
}
