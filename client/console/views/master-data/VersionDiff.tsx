import { Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Schema } from '../../../api/types';

type FieldChange = Schema<'MasterDataChange'>;

const shown = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'string' ? value : JSON.stringify(value));

/** Two versions side by side, field by field; the regulated fields marked as the server judges them. */
export function VersionDiff({ token, path, versions, initial }: { token: string; path: string; versions: readonly number[]; initial: { from: number; to: number } }) {
  const { t } = useTranslation();
  const [range, setRange] = useState(initial);
  // The answer remembers the range it is for: a new range shows loading until its own answer comes.
  const [answer, setAnswer] = useState<{ for: string; changes: FieldChange[] | null; error: string | null } | null>(null);
  const asked = `${path}/diff?from=${range.from}&to=${range.to}`;
  useEffect(() => {
    let live = true;
    api<{ changes: FieldChange[] }>(asked, { token }).then(
      (a) => live && setAnswer({ for: asked, changes: a.changes, error: null }),
      (e: unknown) => live && setAnswer({ for: asked, changes: null, error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [token, asked]);
  const current = answer?.for === asked ? answer : null;
  const changes = current?.changes ?? null;
  const error = current?.error ?? null;
  const options = versions.map((v) => ({ value: v, label: t('masterData.versionN', { version: v }) }));
  return (
    <section data-testid="master-data-diff" aria-label={t('masterData.compare')}>
      <Space wrap>
        <Typography.Text strong>{t('masterData.compare')}</Typography.Text>
        <Select aria-label={t('masterData.from')} value={range.from} options={options} onChange={(from) => setRange((r) => ({ ...r, from }))} style={{ minWidth: 120 }} />
        <Select aria-label={t('masterData.to')} value={range.to} options={options} onChange={(to) => setRange((r) => ({ ...r, to }))} style={{ minWidth: 120 }} />
      </Space>
      {error && <Typography.Paragraph type="danger">{error}</Typography.Paragraph>}
      <Table<FieldChange>
        size="small"
        rowKey="field"
        loading={current === null}
        dataSource={changes ?? []}
        pagination={false}
        locale={{ emptyText: t('masterData.noChanges') }}
        columns={[
          { key: 'field', title: t('masterData.field'), render: (_, c) => <Space size={4}><Typography.Text code>{c.field}</Typography.Text>{c.regulated && <Tag color="orange">{t('masterData.regulated')}</Tag>}</Space> },
          { key: 'before', title: t('masterData.before'), render: (_, c) => shown(c.before) },
          { key: 'after', title: t('masterData.after'), render: (_, c) => shown(c.after) },
        ]}
      />
    </section>
  );
}
