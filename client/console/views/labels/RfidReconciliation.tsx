import { Alert, Button, Card, Empty, Space, Statistic, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listRfidRuns, reconcileRun, type RfidRun, type TagRecord } from '../../../api/rfid';
import type { StoredSession } from '../../../session/session';
import { ConsoleTable } from '../../ConsoleTable';
import { rowAttributes } from '../../row-attributes';
import { useLive } from '../../useLive';
import { byTime, useTime } from '../../useTime';
import { RfidResolveModal } from './RfidResolveModal';

const OUTCOME_COLOR: Record<TagRecord['outcome'], string> = { encoded: 'green', voided: 'red', uncertain: 'orange' };

function Counts({ counts }: { counts: RfidRun['reconciliation'] }) {
  const { t } = useTranslation();
  return (
    <Space size="large" wrap data-testid="rfid-counts">
      {(['printed', 'encoded', 'voided', 'uncertain'] as const).map((key) => (
        <Statistic key={key} title={t(`rfid.${key}`)} value={counts[key]} data-testid={`rfid-${key}`} />
      ))}
      <Tag color={counts.balanced ? 'green' : 'red'} data-testid="rfid-balanced">
        {t(counts.balanced ? 'rfid.balanced' : 'rfid.unbalanced')}
      </Tag>
      {counts.pending > 0 && <Typography.Text type="secondary">{t('rfid.pending', { count: counts.pending })}</Typography.Text>}
    </Space>
  );
}

/**
 * RFID reconciliation of print runs: per run, labels printed = tags encoded + serials voided +
 * labels uncertain, the voided and uncertain labels with the EPC intended and what was read, and
 * for supervisors and label admins the settlement of an uncertain label by its tag.
 */
export function RfidReconciliation({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const time = useTime();
  const [opened, setOpened] = useState<RfidRun | null>(null);
  const openedId = useRef<string | null>(null);
  const [settling, setSettling] = useState<TagRecord | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const live = useLive(session.token, async (token) => {
    const runs = await listRfidRuns(token);
    return { runs, detail: openedId.current ? await reconcileRun(token, openedId.current) : null };
  });
  const { reload } = live;
  // A read-back settles in the spool, not through a change the console streams: look again now and then, as the labels page does.
  useEffect(() => {
    const timer = setInterval(() => void reload(), 3000);
    return () => clearInterval(timer);
  }, [reload]);
  const open = (run: RfidRun) => {
    openedId.current = run.runId;
    setOpened(run);
    setNotice(null);
    void reload();
  };
  const roles = session.user.roles;
  const canSettle = roles.includes('supervisor') || roles.includes('labeladmin');
  const runs = live.data?.runs ?? [];
  const detail = live.data?.detail && live.data.detail.id === opened?.runId ? live.data.detail : null;
  const shown = (detail?.tags ?? []).filter((tag) => tag.outcome !== 'encoded');
  const epc = (hex: string) => (
    <Typography.Text code className="rfid-epc">
      {hex}
    </Typography.Text>
  );

  return (
    <section data-testid="rfid-reconciliation" aria-label={t('rfid.title')}>
      {live.error && <Alert type="error" role="alert" showIcon title={live.error} className="console-alert" />}
      <ConsoleTable<RfidRun>
        name="rfid-runs"
        title={t('rfid.runs')}
        rowKey="runId"
        dataSource={runs}
        pagination={false}
        minWidth={720}
        onRow={(r) => rowAttributes({ 'data-run': r.lotNumber ?? r.runId, 'data-uncertain': r.reconciliation.uncertain > 0 ? 'true' : undefined })}
        columns={[
          { key: 'lot', title: t('console.lot'), render: (_, r) => r.lotNumber ?? '—' },
          { key: 'requested', title: t('rfid.requested'), render: (_, r) => time(r.requestedAt), sorter: byTime((r) => r.requestedAt), defaultSortOrder: 'descend' },
          { key: 'printer', title: t('labels.printer'), render: (_, r) => `${r.printer} · ${r.template}` },
          { key: 'labels', title: t('rfid.labelsCount'), render: (_, r) => r.labels },
          {
            key: 'counts',
            title: `${t('rfid.printed')} = ${t('rfid.encoded')} + ${t('rfid.voided')} + ${t('rfid.uncertain')}`,
            render: (_, r) => {
              const c = r.reconciliation;
              return (
                <Space size="small" wrap>
                  <span>{`${c.printed} = ${c.encoded} + ${c.voided} + ${c.uncertain}`}</span>
                  <Tag color={c.balanced ? 'green' : 'red'}>{t(c.balanced ? 'rfid.balanced' : 'rfid.unbalanced')}</Tag>
                </Space>
              );
            },
          },
          {
            key: 'open',
            title: t('console.actions'),
            render: (_, r) => (
              <Button size="small" onClick={() => open(r)} data-testid={`rfid-open-${r.lotNumber ?? r.runId}`} aria-pressed={opened?.runId === r.runId}>
                {t('rfid.open')}
              </Button>
            ),
          },
        ]}
      />
      {!opened && <Typography.Paragraph type="secondary">{t('rfid.choose')}</Typography.Paragraph>}
      {opened && (
        <Card size="small" className="console-card" title={t('rfid.details', { lot: opened.lotNumber ?? opened.runId })} data-testid="rfid-run-detail">
          {notice && <Alert type="success" role="status" showIcon title={<span data-testid="rfid-notice">{notice}</span>} className="console-alert" />}
          {detail && <Counts counts={detail} />}
          <ConsoleTable<TagRecord>
            name="rfid-labels"
            title={t('rfid.title')}
            rowKey={(tag) => `${tag.jobId}:${tag.serial}`}
            dataSource={shown}
            pagination={false}
            minWidth={820}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rfid.none')} /> }}
            onRow={(tag) => rowAttributes({ 'data-serial': tag.serial, 'data-outcome': tag.outcome })}
            columns={[
              { key: 'serial', title: t('rfid.serial'), render: (_, tag) => tag.serial },
              { key: 'outcome', title: t('rfid.outcome'), render: (_, tag) => <Tag color={OUTCOME_COLOR[tag.outcome]}>{t(`rfid.${tag.outcome}`)}</Tag> },
              { key: 'intended', title: t('rfid.epcIntended'), render: (_, tag) => epc(tag.epc) },
              { key: 'read', title: t('rfid.epcRead'), render: (_, tag) => (tag.readBack ? epc(tag.readBack) : <Typography.Text type="secondary">{t(tag.readBack === null ? 'rfid.notRead' : 'rfid.noTag')}</Typography.Text>) },
              {
                key: 'reason',
                title: t('rfid.reason'),
                render: (_, tag) => (
                  <>
                    {tag.reason && <div>{t(`rfid.reasons.${tag.reason}`)}</div>}
                    {tag.detail && <Typography.Text type="secondary">{tag.detail}</Typography.Text>}
                  </>
                ),
              },
              {
                key: 'settle',
                title: t('console.actions'),
                render: (_, tag) =>
                  tag.outcome === 'uncertain' &&
                  canSettle && (
                    <Button size="small" type="primary" onClick={() => setSettling(tag)} data-testid={`rfid-resolve-${tag.serial}`}>
                      {t('rfid.resolve')}
                    </Button>
                  ),
              },
            ]}
          />
        </Card>
      )}
      <RfidResolveModal
        token={session.token}
        label={settling}
        onClose={() => setSettling(null)}
        onSettled={(message) => {
          setSettling(null);
          setNotice(message);
          void reload();
        }}
      />
    </section>
  );
}
