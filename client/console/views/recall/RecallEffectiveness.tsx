import { Alert, Button, Col, Input, Row, Space, Table, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { drawConsignees, readEffectiveness, recordCheck, recordContact, type CaseEffectiveness, type CheckedConsignee, type CheckRecord, type ContactRecord, type EffectivenessCheck } from '../../../api/recall-effectiveness';
import { failureText, useApiRead } from '../../../hooks/useApiRead';
import type { StoredSession } from '../../../session/session';
import { rowAttributes } from '../../row-attributes';
import { useTime } from '../../useTime';
import { EffectivenessCheckForm, EffectivenessContactForm } from './EffectivenessForms';

interface Props {
  session: StoredSession;
  caseId: string;
}

/** The effectiveness checks of an open case: the draw of consignees, where each stands on the follow-up ladder, and the forms to record contacts and checks. */
export function RecallEffectiveness({ session, caseId }: Props) {
  const { t } = useTranslation();
  const { value: state, setValue: setState, error, setError } = useApiRead(useCallback(() => readEffectiveness(session.token, caseId), [session.token, caseId]));
  const [seed, setSeed] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ key: 'contactRecorded' | 'checkRecorded'; customer: string } | null>(null);
  const time = useTime('dateTime');

  async function run(action: () => Promise<CaseEffectiveness>, done: typeof notice): Promise<boolean> {
    setBusy(true);
    try {
      setState(await action());
      setError(null);
      setNotice(done);
      return true;
    } catch (e) {
      setError(failureText(e));
      setNotice(null);
      return false;
    } finally {
      setBusy(false);
    }
  }

  const reply = (c: CheckedConsignee) => (c.reply ? t(`recall.effectiveness.replied.${c.reply.channel}`, { time: time(c.reply.at) }) : t('recall.effectiveness.noReply'));
  const lastContact = (c: CheckedConsignee) => {
    const last = c.contacts.at(-1);
    return last ? `${t(`recall.effectiveness.step.${last.step}`)} · ${time(last.at)}` : '—';
  };
  const lastCheck = (check: EffectivenessCheck | undefined) => {
    if (!check) return '—';
    if (!check.reached) return t('recall.effectiveness.checkNotReached', { time: time(check.checkedAt) });
    const parts = [
      t(check.receivedNotice ? 'recall.effectiveness.noticeReceived' : 'recall.effectiveness.noticeNotReceived'),
      t(check.followedInstructions ? 'recall.effectiveness.followed' : 'recall.effectiveness.notFollowed'),
      ...(check.onHand !== null ? [t('recall.effectiveness.onHandCount', { qty: check.onHand })] : []),
    ];
    return `${parts.join(' · ')} (${time(check.checkedAt)})`;
  };
  const next = (c: CheckedConsignee) => {
    const e = c.escalation;
    switch (e.state) {
      case 'responded':
        return <span>{t('recall.effectiveness.nextNone')}</span>;
      case 'not_contacted':
        return (
          <Typography.Text strong type="danger">
            {t('recall.effectiveness.overdue', { what: t('recall.effectiveness.step.letter') })}
          </Typography.Text>
        );
      case 'due':
        return (
          <Typography.Text strong type="danger">
            {t('recall.effectiveness.overdue', { what: t('recall.effectiveness.dueSince', { step: t(`recall.effectiveness.step.${e.next}`), time: time(e.dueAt) }) })}
          </Typography.Text>
        );
      case 'waiting':
        return <span>{t('recall.effectiveness.dueAt', { step: t(`recall.effectiveness.step.${e.next}`), time: time(e.dueAt) })}</span>;
      case 'exhausted':
        return <span>{t('recall.effectiveness.exhausted', { time: time(e.since) })}</span>;
    }
  };

  const draw = state?.draw ?? null;
  return (
    <section aria-labelledby="recall-effectiveness-title" data-testid="recall-effectiveness">
      <Typography.Title level={4} id="recall-effectiveness-title">
        {t('recall.effectiveness.title')}
      </Typography.Title>
      {error && <Alert type="error" role="alert" showIcon title={<span data-testid="effectiveness-error">{error}</span>} className="console-alert" />}
      {notice && <Alert type="success" role="status" showIcon title={<span data-testid="effectiveness-notice">{t(`recall.effectiveness.${notice.key}`, { customer: notice.customer })}</span>} className="console-alert" />}
      {state && !draw && (
        <>
          <Typography.Paragraph type="secondary">{state.level ? t('recall.effectiveness.drawHint', { level: state.level }) : t('recall.effectiveness.noLevel')}</Typography.Paragraph>
          <Space wrap align="end" className="console-card">
            <label className="recall-seed">
              <span>{t('recall.effectiveness.seed')}</span>
              <Input name="effectiveness-seed" value={seed} maxLength={200} placeholder={state.caseNumber} onChange={(e) => setSeed(e.target.value)} style={{ width: 260, maxWidth: '100%' }} />
            </label>
            <Button type="primary" loading={busy} disabled={!state.level} onClick={() => void run(() => drawConsignees(session.token, caseId, seed.trim() || undefined), null)} data-testid="effectiveness-draw">
              {t('recall.effectiveness.draw')}
            </Button>
          </Space>
        </>
      )}
      {draw && (
        <Typography.Paragraph>
          <span data-testid="effectiveness-draw-summary">{t('recall.effectiveness.drawn', { required: draw.required, consignees: draw.consignees, level: draw.level, percent: draw.percent, seed: draw.seed, by: draw.drawnBy, time: time(draw.drawnAt) })}</span>
        </Typography.Paragraph>
      )}
      {draw && state && state.consignees.length === 0 && <Typography.Paragraph type="secondary">{t('recall.effectiveness.noneDrawn')}</Typography.Paragraph>}
      {draw && state && state.consignees.length > 0 && (
        <>
          <Table<CheckedConsignee>
            size="small"
            rowKey="customerId"
            pagination={state.consignees.length > 20 ? { defaultPageSize: 20 } : false}
            dataSource={state.consignees}
            data-testid="effectiveness-table"
            className="console-card"
            onRow={(c) => rowAttributes({ 'data-testid': `effectiveness-${c.code}` })}
            columns={[
              { key: 'customer', title: t('recall.scope.customer'), render: (_, c) => `${c.code} · ${c.name}`, sorter: (a, b) => a.code.localeCompare(b.code) },
              { key: 'reply', title: t('recall.effectiveness.reply'), render: (_, c) => <span data-testid={`effectiveness-reply-${c.code}`}>{reply(c)}</span> },
              { key: 'contact', title: t('recall.effectiveness.lastContact'), render: (_, c) => <span data-testid={`effectiveness-contact-${c.code}`}>{lastContact(c)}</span> },
              { key: 'next', title: t('recall.effectiveness.nextStep'), render: (_, c) => <span data-testid={`effectiveness-next-${c.code}`}>{next(c)}</span> },
              { key: 'check', title: t('recall.effectiveness.lastCheck'), render: (_, c) => <span data-testid={`effectiveness-check-${c.code}`}>{lastCheck(c.checks.at(-1))}</span> },
            ]}
          />
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <EffectivenessContactForm consignees={state.consignees} busy={busy} onRecord={(contact: ContactRecord) => run(() => recordContact(session.token, caseId, contact), { key: 'contactRecorded', customer: contact.customerCode })} />
            </Col>
            <Col xs={24} lg={12}>
              <EffectivenessCheckForm consignees={state.consignees} busy={busy} onRecord={(check: CheckRecord) => run(() => recordCheck(session.token, caseId, check), { key: 'checkRecorded', customer: check.customerCode })} />
            </Col>
          </Row>
        </>
      )}
    </section>
  );
}
