import { Alert, Button, Card, Form, Input, InputNumber, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Schema } from '../../api/types';
import { submitThenReload, useApiList } from '../../hooks/useApiList';
import { localName } from '../../i18n/local-name';
import type { StoredSession } from '../../session/session';
import { ConsoleTable } from '../ConsoleTable';
import { filtersOf } from '../filters';
import { PageTitle } from '../PageTitle';

type WorkOrder = Schema<'WorkOrder'>;
type Item = Schema<'Item'>;

interface Fields {
  gtin: string;
  plannedQty?: number | null;
  lineCode?: string;
}

/** Opening work orders: the finished lot is numbered at once, so the traveller can carry it to the line. */
export function WorkOrdersPage({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const orders = useApiList<WorkOrder>(session.token, '/api/work-orders', 'workOrders');
  const items = useApiList<Item>(session.token, '/api/items', 'items');
  const [form] = Form.useForm<Fields>();
  const [opened, setOpened] = useState<string | null>(null);

  async function open({ gtin, plannedQty, lineCode }: Fields) {
    const body = { gtin, ...(plannedQty ? { plannedQty } : {}), ...(lineCode?.trim() ? { lineCode: lineCode.trim() } : {}) };
    let made: WorkOrder | undefined;
    const ok = await submitThenReload(async () => {
      made = await api<WorkOrder>('/api/work-orders', { method: 'POST', token: session.token, body: JSON.stringify(body) });
    }, orders);
    if (ok && made) {
      form.resetFields(['plannedQty']);
      setOpened(t('workOrders.opened', { number: made.number, lot: made.lotNumber ?? '—' }));
    }
  }

  return (
    <section data-testid="work-orders">
      <PageTitle>{t('workOrders.title')}</PageTitle>
      {orders.error && <Alert type="error" role="alert" showIcon title={orders.error} className="console-alert" />}
      {opened && !orders.error && <Alert type="success" role="status" showIcon title={opened} className="console-alert" />}
      <Card size="small" className="console-card">
        <Form<Fields> form={form} layout="inline" onFinish={(v) => void open(v)}>
          <Form.Item name="gtin" label={t('produce.item')} rules={[{ required: true, message: t('produce.chooseItem') }]}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              placeholder={t('produce.chooseItem')}
              style={{ width: 320, maxWidth: '100%' }}
              options={items.items.map((i) => ({ value: i.gtin, label: `${i.sku} · ${localName(i.name, i.nameZh)}` }))}
            />
          </Form.Item>
          <Form.Item name="plannedQty" label={t('workOrders.planned')} rules={[{ type: 'number', min: 1, max: 1e9 }]}>
            <InputNumber min={1} max={1e9} style={{ width: 140, maxWidth: '100%' }} />
          </Form.Item>
          <Form.Item name="lineCode" label={t('workOrders.line')} rules={[{ max: 20 }]}>
            <Input style={{ width: 120, maxWidth: '100%' }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('workOrders.open')}
          </Button>
        </Form>
      </Card>
      <ConsoleTable<WorkOrder>
        name="work-order-table"
        title={t('workOrders.title')}
        rowKey="id"
        dataSource={orders.items}
        columns={[
          { key: 'number', title: t('workOrders.number'), dataIndex: 'number', sorter: (a, b) => a.number.localeCompare(b.number) },
          { key: 'item', title: t('produce.item'), render: (_, o) => localName(o.itemName, o.itemNameZh), filters: filtersOf(orders.items, (o) => o.gtin, (g) => { const o = orders.items.find((x) => x.gtin === g); return o ? localName(o.itemName, o.itemNameZh) : g; }), onFilter: (v, o) => o.gtin === v },
          { key: 'lot', title: t('console.lot'), render: (_, o) => o.lotNumber ?? '—' },
          { key: 'planned', title: t('workOrders.planned'), render: (_, o) => o.plannedQty ?? '—', sorter: (a, b) => (a.plannedQty ?? 0) - (b.plannedQty ?? 0), align: 'end' },
          { key: 'line', title: t('workOrders.line'), render: (_, o) => o.lineCode ?? '—', filters: filtersOf(orders.items, (o) => o.lineCode ?? '—', (v) => v), onFilter: (v, o) => (o.lineCode ?? '—') === v },
          { key: 'status', title: t('workOrders.status'), render: (_, o) => <Tag>{o.status}</Tag>, filters: filtersOf(orders.items, (o) => o.status, (v) => v), onFilter: (v, o) => o.status === v },
        ]}
      />
    </section>
  );
}
