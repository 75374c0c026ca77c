import { Alert, Button, Drawer, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { Schema } from '../../../api/types';
import { useTime } from '../../useTime';
import { RestoreForm } from './RestoreForm';
import { VersionDiff } from './VersionDiff';

type History = Schema<'MasterDataHistory'>;
type Version = History['versions'][number];

/** Which record's history to show: its kind as the API path names it, its id, and a name for the title. */
export interface HistoryTarget {
  kind: 'items' | 'locations' | 'number-rules' | 'customers' | 'suppliers' | 'packaging-specs';
  id: string;
  name: string;
}

/** Every version of a master-data record with who, when and why; a diff of any two; restore of an earlier one. */
export function HistoryDrawer({ token, target, canRestore, onClose, onRestored }: { token: string; target: HistoryTarget | null; canRestore: boolean; onClose(): void; onRestored(): void }) {
  const { t } = useTranslation();
  return (
    <Drawer open={target !== null} onClose={onClose} size={720} title={target ? t('masterData.title', { name: target.name }) : ''} data-testid="master-data-history">
      {target && <HistoryBody key={`${target.kind}/${target.id}`} token={token} path={`/api/master-data/${target.kind}/${target.id}`} canRestore={canRestore} onRestored={onRestored} />}
    </Drawer>
  );
}

function HistoryBody({ token, path, canRestore, onRestored }: { token: string; path: string; canRestore: boolean; onRestored(): void }) {
  const { t } = useTranslation();
  const time = useTime();
  const [history, setHistory] = useState<History | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    api<History>(`${path}/versions`, { token }).then(
      (h) => live && setHistory(h),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [path, token]);

  const numbers = useMemo(() => history?.versions.map((v) => v.version) ?? [], [history]);
  if (error) return <Alert type="error" role="alert" showIcon title={error} className="console-alert" />;
  if (!history) return null;
  const current = history.currentVersion;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Table<Version>
        size="small"
        rowKey="version"
        dataSource={[...history.versions].reverse()}
        pagination={{ pageSize: 10, size: 'small', showSizeChanger: false }}
        columns={[
          { key: 'version', title: t('masterData.version'), render: (_, v) => <Space size={4}>{v.version}{v.version === current && <Tag color="blue">{t('masterData.current')}</Tag>}</Space> },
          { key: 'changedAt', title: t('masterData.changedAt'), render: (_, v) => time(v.changedAt) },
          { key: 'changedBy', title: t('masterData.changedBy'), dataIndex: 'changedBy' },
          {
            key: 'reason',
            title: t('masterData.reason'),
            render: (_, v) => (
              <Space direction="vertical" size={0}>
                <span>{v.reason}</span>
                {v.restoredFrom !== null && <Typography.Text type="secondary">{t('masterData.restoredFrom', { version: v.restoredFrom })}</Typography.Text>}
                {v.signature && <Typography.Text type="secondary">{t('masterData.signedBy', { name: v.signature.signedBy })}</Typography.Text>}
              </Space>
            ),
          },
          { key: 'change', title: t('masterData.change'), render: (_, v) => <Space size={4}>{t(`masterData.changes.${v.change}`)}{v.regulated && <Tag color="orange">{t('masterData.regulated')}</Tag>}</Space> },
          {
            key: 'restore',
            title: t('masterData.restore'),
            render: (_, v) =>
              canRestore && v.version !== current && v.change !== 'deleted' ? (
                <Button size="small" onClick={() => setRestoring(v.version)} aria-label={t('masterData.restoreVersion', { version: v.version })}>
                  {t('masterData.restore')}
                </Button>
              ) : null,
          },
        ]}
      />
      {restoring !== null && (
        <RestoreForm
          key={`${restoring}/${current}`}
          token={token}
          path={path}
          version={restoring}
          current={current}
          onRestored={(next) => {
            setHistory(next);
            setRestoring(null);
            onRestored();
          }}
        />
      )}
      {numbers.length > 1 && <VersionDiff key={current} token={token} path={path} versions={numbers} initial={{ from: current - 1, to: current }} />}
    </Space>
  );
}
