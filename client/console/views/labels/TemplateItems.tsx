import { Alert, Button, Card, List, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { submitThenReload, useApiList } from '../../../hooks/useApiList';
import { localName } from '../../../i18n/local-name';
import type { StoredSession } from '../../../session/session';

type TemplateItem = Schema<'LabelTemplateItem'>;
type Item = Schema<'Item'>;

/**
 * The items a template prints for, each against its UDI device record: approving a version of
 * the template is refused while it disagrees with any of them. Label admins assign and remove.
 */
export function TemplateItems({ session, template }: { session: StoredSession; template: string }) {
  const { t } = useTranslation();
  const assigned = useApiList<TemplateItem>(session.token, `/api/template-items?template=${encodeURIComponent(template)}`, 'items');
  const catalog = useApiList<Item>(session.token, '/api/items', 'items');
  const [choice, setChoice] = useState<string | null>(null);
  const canAssign = session.user.roles.includes('labeladmin');
  const taken = new Set(assigned.items.map((a) => a.itemId));

  const assign = (itemId: string) =>
    void submitThenReload(() => api('/api/template-items', { method: 'POST', token: session.token, body: JSON.stringify({ template, itemId }) }), assigned).then((ok) => ok && setChoice(null));
  const remove = (itemId: string) => void submitThenReload(() => api(`/api/template-items/${encodeURIComponent(template)}/${itemId}`, { method: 'DELETE', token: session.token }), assigned);

  return (
    <Card size="small" title={t('labels.items.title')} className="console-card" data-testid="template-items">
      {assigned.error && <Alert type="error" role="alert" showIcon closable title={assigned.error} className="console-alert" onClose={() => assigned.setError(null)} />}
      <List
        size="small"
        dataSource={assigned.items}
        locale={{ emptyText: t('labels.items.none') }}
        renderItem={(a) => (
          <List.Item
            data-testid={`template-item-${a.sku}`}
            actions={
              canAssign
                ? [
                    <Button key="remove" size="small" onClick={() => remove(a.itemId)}>
                      {t('labels.items.remove')}
                    </Button>,
                  ]
                : []
            }
          >
            <Space wrap size="small">
              <Typography.Text strong>{a.sku}</Typography.Text>
              <Typography.Text type="secondary">{a.name}</Typography.Text>
              {a.udiDi === null ? (
                <Tag>{t('labels.items.noRecord')}</Tag>
              ) : (
                <>
                  <Typography.Text code>{a.udiDi}</Typography.Text>
                  <Tag color={a.published ? 'green' : 'orange'}>{t(a.published ? 'labels.items.published' : 'labels.items.unpublished')}</Tag>
                  {a.mismatches.length === 0 && <Tag color="green">{t('labels.items.agrees')}</Tag>}
                  {a.mismatches.map((m) => (
                    <Tag color="red" key={`${m.code}-${m.ai}`} data-testid="udi-mismatch">
                      {t(`labels.items.${m.code}`, { ai: m.ai })}
                    </Tag>
                  ))}
                </>
              )}
            </Space>
          </List.Item>
        )}
      />
      {canAssign && (
        <Space.Compact className="console-card">
          <Select
            showSearch
            optionFilterProp="label"
            placeholder={t('labels.items.pick')}
            value={choice}
            onChange={setChoice}
            style={{ minWidth: 280 }}
            data-testid="template-item-pick"
            options={catalog.items.filter((i) => !taken.has(i.id)).map((i) => ({ value: i.id, label: `${i.sku} · ${localName(i.name, i.nameZh)}` }))}
          />
          <Button type="primary" disabled={choice === null} onClick={() => choice && assign(choice)} data-testid="template-item-assign">
            {t('labels.items.assign')}
          </Button>
        </Space.Compact>
      )}
    </Card>
  );
}
