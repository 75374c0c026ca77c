import { Alert, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import type { Schema } from '../../api/types';
import { submitThenReload, useApiList } from '../../hooks/useApiList';
import type { StoredSession } from '../../session/session';
import { ConsoleTable } from '../ConsoleTable';
import { filtersOf } from '../filters';
import { PageTitle } from '../PageTitle';
import { HistoryDrawer, type HistoryTarget } from './master-data/HistoryDrawer';

type NumberRule = Schema<'NumberRule'>;

type Fields = Omit<NumberRule, 'id'>;

const EMPTY: Fields = { name: '', kind: 'lot', pattern: '{SITE}{YYMMDD}{SEQ:4}', reset: 'day', siteCode: '', lineCode: '', check: 'none' };
const choices = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

/**
 * Lot, serial and document number rules. The server refuses a rule whose numbers could repeat
 * within a reset period or break GS1's 20 characters, and says why; only an administrator adds one.
 */
export function NumberRulesPage({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const list = useApiList<NumberRule>(session.token, '/api/number-rules', 'rules');
  const [form] = Form.useForm<Fields>();
  const canEdit = session.user.roles.includes('admin');
  // Who may restore master data (server/http/access.ts); a regulated field also needs a QC signature.
  const canRestore = session.user.roles.some((r) => r === 'labeladmin' || r === 'qc' || r === 'supervisor' || r === 'admin');
  const [history, setHistory] = useState<HistoryTarget | null>(null);

  async function add(rule: Fields) {
    if (await submitThenReload(() => api('/api/number-rules', { method: 'POST', token: session.token, body: JSON.stringify({ ...rule, siteCode: rule.siteCode ?? '', lineCode: rule.lineCode ?? '' }) }), list)) form.resetFields();
  }

  return (
    <section data-testid="number-rules">
      <PageTitle>{t('numberRules.title')}</PageTitle>
      {list.error && <Alert type="error" role="alert" showIcon title={list.error} className="console-alert" />}
      <ConsoleTable<NumberRule>
        name="number-rule-table"
        title={t('numberRules.title')}
        rowKey="id"
        dataSource={list.items}
        columns={[
          { key: 'name', title: t('numberRules.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name) },
          { key: 'kind', title: t('numberRules.kind'), dataIndex: 'kind', filters: filtersOf(list.items, (r) => r.kind, (v) => v), onFilter: (v, r) => r.kind === v },
          { key: 'pattern', title: t('numberRules.pattern'), render: (_, r) => <Typography.Text code>{r.pattern}</Typography.Text> },
          { key: 'reset', title: t('numberRules.reset'), dataIndex: 'reset' },
          { key: 'siteCode', title: t('numberRules.siteCode'), render: (_, r) => r.siteCode || '—' },
          { key: 'lineCode', title: t('numberRules.lineCode'), render: (_, r) => r.lineCode || '—' },
          { key: 'check', title: t('numberRules.check'), dataIndex: 'check' },
          {
            key: 'history',
            title: t('masterData.history'),
            render: (_, r) => (
              <Button size="small" onClick={() => setHistory({ kind: 'number-rules', id: r.id, name: r.name })} aria-label={t('masterData.historyOf', { name: r.name })}>
                {t('masterData.history')}
              </Button>
            ),
          },
        ]}
      />
      {canEdit && (
        <Card size="small" title={t('numberRules.add')} className="console-card">
          <Form<Fields> form={form} layout="vertical" initialValues={EMPTY} onFinish={(v) => void add(v)} className="console-form-grid">
            <Form.Item name="name" label={t('numberRules.name')} rules={[{ required: true, message: t('consoleForm.required') }, { pattern: /^[a-z0-9][a-z0-9-]{0,39}$/, message: t('numberRules.nameRule') }]}>
              <Input spellCheck={false} />
            </Form.Item>
            <Form.Item name="kind" label={t('numberRules.kind')}>
              <Select options={choices(['lot', 'serial', 'document'])} />
            </Form.Item>
            <Form.Item name="pattern" label={t('numberRules.pattern')} extra={t('numberRules.help')} rules={[{ required: true, whitespace: true, message: t('consoleForm.required') }, { max: 100 }]}>
              <Input spellCheck={false} />
            </Form.Item>
            <Form.Item name="reset" label={t('numberRules.reset')}>
              <Select options={choices(['day', 'month', 'year', 'never'])} />
            </Form.Item>
            <Form.Item name="siteCode" label={t('numberRules.siteCode')} rules={[{ max: 10 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="lineCode" label={t('numberRules.lineCode')} rules={[{ max: 10 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="check" label={t('numberRules.check')}>
              <Select options={choices(['none', 'mod10', 'mod37'])} />
            </Form.Item>
            <Form.Item label=" ">
              <Button type="primary" htmlType="submit">
                {t('numberRules.add')}
              </Button>
            </Form.Item>
          </Form>
        </Card>
      )}
      <HistoryDrawer token={session.token} target={history} canRestore={canRestore} onClose={() => setHistory(null)} onRestored={() => void list.reload()} />
    </section>
  );
}
