import { Alert, Button, Col, Image, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { emulatorFormats, listPrintJobs, listPrinters, listTemplateVersions, reprintJob, resolveJob, setEmulatorState, type PrintJob, type Printer } from '../../api/printing';
import type { StoredSession } from '../../session/session';
import { ConsoleTable } from '../ConsoleTable';
import { filtersOf } from '../filters';
import { PageTitle } from '../PageTitle';
import { ReasonModal } from '../ReasonModal';
import { rowAttributes } from '../row-attributes';
import { useLive } from '../useLive';
import { byTime, useTime } from '../useTime';
import { LabelPrintForm } from './labels/LabelPrintForm';
import { LabelTemplates } from './labels/LabelTemplates';
import { RfidPrinterPolicy } from './labels/RfidPrinterPolicy';
import { RfidReconciliation } from './labels/RfidReconciliation';

const EMULATOR_STATES = [
  ['ready', { online: true, paperOut: false, headOpen: false, paused: false }],
  ['paperOut', { paperOut: true }],
  ['headOpen', { headOpen: true }],
  ['offline', { online: false }],
] as const;
const JOB_COLOR: Record<PrintJob['status'], string> = { queued: 'blue', printing: 'blue', in_printer: 'cyan', printed: 'green', uncertain: 'orange', cancelled: 'default', voided: 'red' };

type Asking = { job: PrintJob; action: 'printed' | 'reprint' | 'cancel' | 'again' };

/**
 * Labels: the printers and their state, printing and reprinting by lot, the jobs in doubt, and
 * the template versions — drafted by the label admin, approved by QC under a signature, previewed
 * as they will print.
 */
export function LabelsPage({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const time = useTime();
  const roles = session.user.roles;
  const live = useLive(session.token, async (token) => {
    const [printers, versions, jobs] = await Promise.all([listPrinters(token), listTemplateVersions(token), listPrintJobs(token)]);
    return { printers, versions, jobs, formats: await emulatorFormats(token).catch(() => null) };
  });
  const [notice, setNotice] = useState<string | null>(null);
  const [asking, setAsking] = useState<Asking | null>(null);
  const { reload } = live;
  // Printer state comes from the spool's ~HS checks, not the change stream: a few seconds of lag is what a person notices anyway.
  useEffect(() => {
    const timer = setInterval(() => void reload(), 3000);
    return () => clearInterval(timer);
  }, [reload]);

  const run = async (fn: () => Promise<unknown>, done: string): Promise<boolean> => {
    try {
      await fn();
      setNotice(done);
      await live.reload();
      return true;
    } catch (e) {
      setNotice(null);
      live.fail(e);
      return false;
    }
  };
  const printers = live.data?.printers ?? [];
  const jobs = live.data?.jobs ?? [];
  const formats = live.data?.formats;
  const canReprint = roles.includes('supervisor') || roles.includes('labeladmin');

  return (
    <section data-testid="labels-console">
      <PageTitle>{t('labels.title')}</PageTitle>
      {live.error && <Alert type="error" role="alert" showIcon closable title={live.error} className="console-alert" />}
      {notice && !live.error && <Alert type="success" role="status" showIcon title={<span data-testid="labels-notice">{notice}</span>} className="console-alert" />}
      <Row gutter={[20, 0]}>
        <Col xs={24} xl={14}>
          <ConsoleTable<Printer>
            name="printers"
            title={t('labels.printers')}
            rowKey="id"
            dataSource={printers}
            pagination={false}
            minWidth={520}
            onRow={(p) => rowAttributes({ 'data-alerting': p.alerting ? 'true' : undefined })}
            extra={
              formats && (
                <Space wrap size="small">
                  {EMULATOR_STATES.map(([name, state]) => (
                    <Button key={name} size="small" onClick={() => void run(() => setEmulatorState(session.token, state), t(`labels.emulator.${name}`))}>
                      {t(`labels.emulator.${name}`)}
                    </Button>
                  ))}
                </Space>
              )
            }
            columns={[
              {
                key: 'name',
                title: t('labels.printer'),
                render: (_, p) => (
                  <>
                    <Typography.Text strong>{p.name}</Typography.Text>
                    <div>
                      <Typography.Text type="secondary">
                        {p.host !== null && `${p.host}:${p.port} · `}
                        {p.dpi} dpi
                      </Typography.Text>
                    </div>
                  </>
                ),
              },
              {
                key: 'state',
                title: t('console.status'),
                render: (_, p) => (
                  <>
                    <Tag color={p.state === 'ready' ? 'green' : 'orange'} data-testid={`printer-state-${p.name}`}>
                      {t(`labels.state.${p.state}`)}
                    </Tag>
                    {p.alerting && p.notReadySince && <Typography.Text type="danger">{t('labels.alert', { since: time(p.notReadySince) })}</Typography.Text>}
                  </>
                ),
              },
              { key: 'queue', title: t('console.queue'), render: (_, p) => t('labels.queue', { queued: p.queued, uncertain: p.uncertain }) },
              { key: 'rfid', title: t('rfid.policy'), render: (_, p) => <RfidPrinterPolicy token={session.token} printer={p} canEdit={roles.includes('labeladmin') || roles.includes('admin')} onSaved={(done) => void run(async () => undefined, done)} /> },
            ]}
          />
          <LabelPrintForm session={session} printers={printers} versions={live.data?.versions ?? []} onPrinted={(n, warnings) => void run(async () => undefined, [t('labels.queued', { count: n }), ...warnings].join(' · '))} onError={live.fail} />
        </Col>
        <Col xs={24} xl={10}>
          <LabelTemplates session={session} versions={live.data?.versions ?? []} run={run} onError={live.fail} />
        </Col>
      </Row>
      <ConsoleTable<PrintJob>
        name="print-jobs"
        title={t('labels.jobs')}
        rowKey="id"
        dataSource={jobs}
        onRow={(j) => rowAttributes({ className: `job-${j.status}`, 'data-status': j.status })}
        columns={[
          { key: 'label', title: t('console.lot'), render: (_, j) => `${j.lotNumber ?? '—'}${j.serial ? ` · ${j.serial}` : ''}${j.copies > 1 ? ` ×${j.copies}` : ''}`, sorter: (a, b) => (a.lotNumber ?? '').localeCompare(b.lotNumber ?? '') },
          { key: 'created', title: t('console.when'), render: (_, j) => time(j.createdAt), sorter: byTime((j) => j.createdAt), defaultSortOrder: 'descend' },
          { key: 'printer', title: t('labels.printer'), render: (_, j) => `${j.printer} · ${j.template} v${j.templateVersion}`, filters: filtersOf(jobs, (j) => j.printer, (v) => v), onFilter: (v, j) => j.printer === v },
          {
            key: 'status',
            title: t('console.status'),
            width: 260,
            render: (_, j) => (
              <div data-testid={`job-status-${j.serial ?? j.id}`}>
                <Tag color={JOB_COLOR[j.status]}>{t(`labels.status.${j.status}`)}</Tag>
                {j.reprintOf && <div>{t('labels.reprintOf', { reason: j.reprintReason ?? '' })}</div>}
                {j.lastError && <Typography.Text type="secondary">{j.lastError}</Typography.Text>}
              </div>
            ),
            filters: filtersOf(jobs, (j) => j.status, (v) => t(`labels.status.${v}`)),
            onFilter: (v, j) => j.status === v,
          },
          {
            key: 'actions',
            title: t('console.actions'),
            render: (_, j) => (
              <Space size="small" wrap>
                {j.status === 'uncertain' &&
                  (['printed', 'reprint', 'cancel'] as const).map((action) => (
                    <Button key={action} size="small" onClick={() => setAsking({ job: j, action })}>
                      {t(`labels.resolve.${action}`)}
                    </Button>
                  ))}
                {j.status === 'printed' && canReprint && (
                  <Button size="small" onClick={() => setAsking({ job: j, action: 'again' })}>
                    {t('labels.reprint')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <RfidReconciliation session={session} />
      {formats && formats.length > 0 && (
        <section data-testid="emulator-formats" aria-label={t('labels.emulatorPrinted')}>
          <Typography.Title level={2} className="console-subtitle">
            {t('labels.emulatorPrinted')}
          </Typography.Title>
          <Space wrap>{formats.map((f) => (f.png ? <Image key={f.seq} width={200} src={`data:image/png;base64,${f.png}`} alt={t('labels.printedLabel', { seq: f.seq })} /> : null))}</Space>
        </section>
      )}
      <ReasonModal
        open={asking !== null}
        title={asking ? (asking.action === 'again' ? t('labels.reprint') : t(`labels.resolve.${asking.action}`)) : ''}
        onClose={() => setAsking(null)}
        onReason={async (reason) => {
          if (!asking) return;
          const { job, action } = asking;
          if (action === 'again') await run(() => reprintJob(session.token, job.id, reason), t('labels.reprinted'));
          else await run(() => resolveJob(session.token, job.id, action, reason), t('labels.settled'));
          setAsking(null);
        }}
      />
    </section>
  );
}
