import { Alert, Button, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { explainGap, readReconciliation, type CaseReconciliation } from '../../../api/recall-recovery';
import { useApiRead } from '../../../hooks/useApiRead';
import type { StoredSession } from '../../../session/session';
import { rowAttributes } from '../../row-attributes';
import { useTime } from '../../useTime';
import { RecallDisposition } from './RecallDisposition';
import { SignModal } from './SignModal';

const GAP_MEANINGS = ['reviewed', 'approved'] as const;

type Row = CaseReconciliation['consignees'][number];

interface Props {
  session: StoredSession;
  caseId: string;
  /** Closed cases show their figures; only a case in recovery takes explanations and dispositions. */
  editable: boolean;
  lots: readonly { lotId: string; lotNumber: string }[];
}

/**
 * Where every unit shipped stands, per consignee: shipped − (returned + destroyed + corrected + on
 * hand + lost). A case closes only when each gap is zero or explained and signed, so the gaps
 * are where QA signs their explanations.
 */
export function RecallReconciliation({ session, caseId, editable, lots }: Props) {
  const { t } = useTranslation();
  const time = useTime();
  const { value: found, error, reload } = useApiRead(useCallback(() => readReconciliation(session.token, caseId), [session.token, caseId]));
  const [explaining, setExplaining] = useState<Row | null>(null);
  const figure = (key: 'shipped' | 'returned' | 'destroyed' | 'corrected' | 'onHand' | 'lost', title: string) => ({ key, title, dataIndex: key, align: 'end' as const });

  return (
    <section aria-labelledby="recall-reconciliation-title" data-testid="recall-reconciliation">
      <div className="console-table-head">
        <Typography.Title level={4} id="recall-reconciliation-title">
          {t('recall.reconciliation.title')}
        </Typography.Title>
        <Button onClick={() => void reload()} data-testid="recall-reconciliation-refresh">
          {t('recall.reconciliation.refresh')}
        </Button>
      </div>
      {error && <Alert type="error" role="alert" showIcon title={<span data-testid="recall-reconciliation-error">{error}</span>} className="console-alert" />}
      {found && (
        <>
          <div data-testid="recall-reconciliation-verdict" className="console-alert">
            <Alert
              type={found.closable ? 'success' : 'warning'}
              showIcon
              title={
                found.closable
                  ? t('recall.reconciliation.closable', { accounted: found.accounted, shipped: found.shipped, percent: found.percent ?? '—' })
                  : t('recall.reconciliation.gaps', { count: found.openGaps.length, accounted: found.accounted, shipped: found.shipped, percent: found.percent ?? '—' })
              }
            />
          </div>
          <Table<Row>
            size="small"
            rowKey="customerId"
            pagination={found.consignees.length > 20 ? { defaultPageSize: 20 } : false}
            dataSource={found.consignees}
            data-testid="recall-reconciliation-table"
            onRow={(c) => rowAttributes({ 'data-testid': `reconciliation-${c.code}`, 'data-gap': String(c.gap) })}
            columns={[
              { key: 'consignee', title: t('recall.reconciliation.consignee'), render: (_, c) => `${c.code} · ${c.name}`, sorter: (a, b) => a.code.localeCompare(b.code) },
              figure('shipped', t('recall.reconciliation.shipped')),
              figure('returned', t('recall.reconciliation.returned')),
              figure('destroyed', t('recall.reconciliation.destroyed')),
              figure('corrected', t('recall.reconciliation.corrected')),
              figure('onHand', t('recall.reconciliation.onHand')),
              figure('lost', t('recall.reconciliation.lost')),
              {
                key: 'gap',
                title: t('recall.reconciliation.gap'),
                sorter: (a, b) => a.gap - b.gap,
                render: (_, c) =>
                  c.gap === 0 ? (
                    t('recall.reconciliation.none')
                  ) : c.explained ? (
                    t('recall.reconciliation.explained', { gap: c.gap, name: c.explained.signerName })
                  ) : (
                    <>
                      <Typography.Text strong>{t('recall.reconciliation.open', { gap: c.gap })}</Typography.Text>{' '}
                      {editable && (
                        <Button size="small" onClick={() => setExplaining(c)} data-testid={`explain-gap-${c.code}`}>
                          {t('recall.reconciliation.explain')}
                        </Button>
                      )}
                    </>
                  ),
              },
              {
                key: 'answer',
                title: t('recall.reconciliation.answer'),
                render: (_, c) => (c.reply ? t(`recall.reconciliation.answered.${c.reply.channel}`, { time: time(c.reply.recordedAt), name: c.reply.recorderName }) : t('recall.reconciliation.notAnswered')),
              },
            ]}
          />
          {found.flaggedReturns.length > 0 && (
            <>
              <Typography.Title level={5}>{t('recall.reconciliation.flagged')}</Typography.Title>
              <ul data-testid="recall-flagged-returns">
                {found.flaggedReturns.map((f) => (
                  <li key={f.opId}>{t(`recall.reconciliation.flag.${f.flag}`, { lot: f.lotNumber, qty: f.qty, code: f.customerCode })}</li>
                ))}
              </ul>
            </>
          )}
          {found.dispositions.length > 0 && (
            <Typography.Paragraph>
              <span data-testid="recall-dispositions">{found.dispositions.map((d) => t(`recall.disposition.done.${d.action}`, { qty: d.qty })).join(' · ')}</span>
            </Typography.Paragraph>
          )}
          {editable && <RecallDisposition session={session} caseId={caseId} lots={lots} onRecorded={reload} />}
          <SignModal
            open={explaining !== null}
            title={explaining ? t('recall.reconciliation.explainTitle', { code: explaining.code, gap: explaining.gap }) : ''}
            meanings={GAP_MEANINGS}
            signer={session.user.displayName}
            submitLabel={t('recall.reconciliation.signExplanation')}
            testId="gap-sign-form"
            onClose={() => setExplaining(null)}
            onSign={async (signature) => {
              if (!explaining) return;
              await explainGap(session.token, caseId, { customerCode: explaining.code, explanation: signature.reason, meaning: signature.meaning, password: signature.password });
              await reload();
            }}
          />
        </>
      )}
    </section>
  );
}
