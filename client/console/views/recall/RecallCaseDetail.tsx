import { Alert, Button, Card, Descriptions, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { nextRecallStates, recallMeanings, type RecallState } from '../../../../domain/recall';
import type { CaseClocks } from '../../../api/recall-reports';
import { moveRecall, openRecall, type FrozenScope, type RecallCase, type RecallStep } from '../../../api/recalls';
import { accountedPercent } from '../../../screens/recall-form';
import type { StoredSession } from '../../../session/session';
import { useTime } from '../../useTime';
import { ConsigneeTable } from './ConsigneeTable';
import { EmptyText } from './EmptyText';
import { LettersSent } from './LettersSent';
import { MassBalanceTable } from './MassBalanceTable';
import { recallStateColour } from './recall-colours';
import { RecallCaseExtras } from './RecallCaseExtras';
import { RecallDevices } from './RecallDevices';
import { RecallEffectiveness } from './RecallEffectiveness';
import { RecallFlaggedOps } from './RecallFlaggedOps';
import { RecallLetters } from './RecallLetters';
import { RecallReconciliation } from './RecallReconciliation';
import { ScopeDiff } from './ScopeDiff';
import { SignModal } from './SignModal';

interface Props {
  session: StoredSession;
  recall: { case: RecallCase; transitions: RecallStep[]; scope: FrozenScope };
  notice: string | null;
  onChanged(): Promise<void>;
}

/** One case: its terms and signed steps, the next steps (each signed in a modal), and what it gathers, a tab each. */
export function RecallCaseDetail({ session, recall, notice, onChanged }: Props) {
  const { t } = useTranslation();
  const time = useTime();
  const { case: c, transitions, scope } = recall;
  const [to, setTo] = useState<RecallState | null>(null);
  const [clocks, setClocks] = useState<CaseClocks | null>(null);
  const terms = c.terms;
  const running = c.state === 'open' || c.state === 'recovering';
  const classes = [
    terms.classes.fda ? t('recall.class.fda', { class: terms.classes.fda }) : null,
    terms.classes.nmpa ? t(`recall.class.nmpa${terms.classes.nmpa}`) : null,
    terms.classes.euFsca ? t('recall.form.euFsca') : null,
  ].filter(Boolean);

  const tabs: { key: string; label: string; children: ReactNode }[] = [
    {
      key: 'overview',
      label: t('recall.tabs.overview'),
      children: (
        <>
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} className="console-card">
            <Descriptions.Item label={t('recall.form.reason')}>{terms.reason}</Descriptions.Item>
            <Descriptions.Item label={t('recall.form.healthHazard')}>{terms.healthHazard || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('recall.form.strategy')}>{terms.strategy || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('recall.form.jurisdictions')}>{[...terms.jurisdictions.map((j) => t(`recall.jurisdiction.${j}`)), ...classes].join(' · ') || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('recall.form.depth')}>{terms.depth ? t(`recall.depth.${terms.depth}`) : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('recall.form.effectiveness')}>
              {terms.effectiveness ? `${t(`recall.level.${terms.effectiveness.level}`)}${terms.effectiveness.percent !== null ? ` (${terms.effectiveness.percent} %)` : ''}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('recall.list.owner')}>{c.owner.name}</Descriptions.Item>
            <Descriptions.Item label={t('recall.list.openedAt')}>{time(c.openedAt)}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={4}>{t('recall.steps')}</Typography.Title>
          <Table<RecallStep>
            size="small"
            rowKey="number"
            pagination={false}
            dataSource={transitions}
            locale={{ emptyText: <EmptyText>{t('recall.noSteps')}</EmptyText> }}
            data-testid="recall-steps"
            columns={[
              { key: 'to', title: t('recall.step.to'), render: (_, s) => `${t(`recall.state.${s.from}`)} → ${t(`recall.state.${s.to}`)}` },
              { key: 'meaning', title: t('qc.meaning'), render: (_, s) => t(`lots.meaning.${s.meaning}`) },
              { key: 'reason', title: t('qc.reason'), dataIndex: 'reason' },
              { key: 'signer', title: t('recall.step.signedBy'), dataIndex: 'signerName' },
              { key: 'at', title: t('recall.step.signedAt'), render: (_, s) => time(s.signedAt) },
            ]}
          />
          <RecallCaseExtras token={session.token} recall={c} onClocks={setClocks} />
        </>
      ),
    },
    {
      key: 'scope',
      label: t('recall.tabs.scope'),
      children:
        scope.lots.length === 0 ? (
          <Typography.Paragraph type="secondary">{t('recall.notFrozen')}</Typography.Paragraph>
        ) : (
          <>
            <Typography.Paragraph>
              <span data-testid="recall-frozen-summary">{t('recall.frozenSummary', { lots: scope.lots.length, consignees: scope.consignees.length, lines: scope.shipmentLines })}</span>
            </Typography.Paragraph>
            <ScopeDiff token={session.token} caseId={c.id} />
            <Typography.Title level={4}>{t('recall.balance.title')}</Typography.Title>
            <MassBalanceTable rows={scope.lots} percent={accountedPercent(scope.broughtIn, scope.unaccounted)} testId="recall-frozen-balance" />
            <Typography.Title level={4}>{t('recall.scope.consignees')}</Typography.Title>
            <ConsigneeTable consignees={scope.consignees} testId="recall-frozen-consignees" />
          </>
        ),
    },
  ];
  if (!c.drill && c.state !== 'draft') {
    tabs.push({
      key: 'devices',
      label: t('recall.tabs.devices'),
      children: (
        <section aria-labelledby="recall-devices-title">
          <Typography.Title level={4} id="recall-devices-title">
            {t('recall.devices.title')}
          </Typography.Title>
          <RecallDevices token={session.token} caseId={c.id} />
          {c.state !== 'cancelled' && <RecallFlaggedOps key={`${c.id}-${c.version}`} token={session.token} caseId={c.id} />}
        </section>
      ),
    });
  }
  if (!c.drill && running) {
    tabs.push({
      key: 'letters',
      label: t('recall.tabs.letters'),
      children: (
        <>
          <LettersSent token={session.token} recall={c} deadlines={(clocks?.clocks ?? []).map((d) => d.kind)} consignees={scope.consignees.length} />
          <RecallLetters key={c.id} token={session.token} caseId={c.id} />
        </>
      ),
    });
  }
  if (!c.drill && (running || c.state === 'closed')) {
    tabs.push({
      key: 'reconciliation',
      label: t('recall.tabs.reconciliation'),
      children: (
        <RecallReconciliation key={`${c.id}-${c.version}`} session={session} caseId={c.id} editable={c.state !== 'closed'} lots={scope.lots} />
      ),
    });
  }
  if (running) {
    tabs.push({
      key: 'effectiveness',
      label: t('recall.tabs.effectiveness'),
      children: (
        <RecallEffectiveness key={`effectiveness-${c.id}`} session={session} caseId={c.id} />
      ),
    });
  }

  return (
    <Card className="console-card recall-detail" data-testid="recall-case">
      <Typography.Title level={3} className="recall-detail-title">
        {c.number}{' '}
        <Tag color={recallStateColour(c.state)} data-testid="recall-state">
          {t(`recall.state.${c.state}`)}
        </Tag>
        {c.drill && <Tag>{t('recall.drill')}</Tag>}
      </Typography.Title>
      {notice && <Alert type="warning" role="alert" showIcon title={notice} className="console-alert" />}
      <Space wrap className="console-card">
        {nextRecallStates(c.state).map((s) => (
          <Button key={s} type={s === 'cancelled' ? 'default' : 'primary'} danger={s === 'cancelled'} onClick={() => setTo(s)} data-testid={`recall-to-${s}`}>
            {t(`recall.action.${s}`)}
          </Button>
        ))}
      </Space>
      <Tabs items={tabs} destroyOnHidden={false} />
      <SignModal
        open={to !== null}
        title={to ? t('recall.signTitle', { number: c.number, state: t(`recall.state.${to}`) }) : ''}
        meanings={to ? recallMeanings(to) : []}
        signer={session.user.displayName}
        submitLabel={to ? t(`recall.action.${to}`) : ''}
        onClose={() => setTo(null)}
        onSign={async (signature) => {
          if (!to) return;
          const step = { ...signature, version: c.version };
          if (to === 'open') await openRecall(session.token, c.id, step);
          else await moveRecall(session.token, c.id, to, step);
          await onChanged();
        }}
      />
    </Card>
  );
}
