import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckedConsignee, EffectivenessCheck } from '../../domain/recall';
import { drawConsignees, readEffectiveness, recordCheck, recordContact, type CaseEffectiveness, type CheckRecord, type ContactRecord } from '../api/recall-effectiveness';
import { failureText, useApiRead } from '../hooks/useApiRead';
import type { StoredSession } from '../session/session';
import { formatTime } from '../util/format-time';
import { EffectivenessCheckForm } from './EffectivenessCheckForm';
import { EffectivenessContactForm } from './EffectivenessContactForm';

interface Props {
  session: StoredSession;
  caseId: string;
}

/** The effectiveness checks of an open case: the draw of consignees, where each stands on the follow-up ladder, and the forms to record contacts and checks. */
export function RecallEffectiveness({ session, caseId }: Props) {
  const { t, i18n } = useTranslation();
  const { value: state, setValue: setState, error, setError } = useApiRead(useCallback(() => readEffectiveness(session.token, caseId), [session.token, caseId]));
  const [seed, setSeed] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ key: 'contactRecorded' | 'checkRecorded'; customer: string } | null>(null);
  const time = (iso: string) => formatTime(i18n.resolvedLanguage, iso, 'dateTime');

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
          <strong className="effectiveness-overdue">
            {t('recall.effectiveness.overdue', { what: t('recall.effectiveness.step.letter') })}
          </strong>
        );
      case 'due':
        return (
          <strong className="effectiveness-overdue">
            {t('recall.effectiveness.overdue', { what: t('recall.effectiveness.dueSince', { step: t(`recall.effectiveness.step.${e.next}`), time: time(e.dueAt) }) })}
          </strong>
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
      <h4 id="recall-effectiveness-title">{t('recall.effectiveness.title')}</h4>
      {error && (
        <p className="scan-message error" role="alert" data-testid="effectiveness-error">
          {error}
        </p>
      )}
      {notice && (
        <p className="scan-message good" role="status" data-testid="effectiveness-notice">
          {t(`recall.effectiveness.${notice.key}`, { customer: notice.customer })}
        </p>
      )}
      {state && !draw && (
        <>
          <p className="hint">{state.level ? t('recall.effectiveness.drawHint', { level: state.level }) : t('recall.effectiveness.noLevel')}</p>
          <div className="actions">
            <label>
              <span className="field-label">{t('recall.effectiveness.seed')}</span>
              <input type="text" name="effectiveness-seed" value={seed} maxLength={200} placeholder={state.caseNumber} onChange={(e) => setSeed(e.target.value)} />
            </label>
            <button type="button" className="primary" disabled={busy || !state.level} onClick={() => void run(() => drawConsignees(session.token, caseId, seed.trim() || undefined), null)} data-testid="effectiveness-draw">
              {t('recall.effectiveness.draw')}
            </button>
          </div>
        </>
      )}
      {draw && (
        <p className="hint" data-testid="effectiveness-draw-summary">
          {t('recall.effectiveness.drawn', { required: draw.required, consignees: draw.consignees, level: draw.level, percent: draw.percent, seed: draw.seed, by: draw.drawnBy, time: time(draw.drawnAt) })}
        </p>
      )}
      {draw && state && state.consignees.length === 0 && <p className="hint">{t('recall.effectiveness.noneDrawn')}</p>}
      {draw && state && state.consignees.length > 0 && (
        <>
          <table className="grid" data-testid="effectiveness-table">
            <thead>
              <tr>
                <th scope="col">{t('recall.scope.customer')}</th>
                <th scope="col">{t('recall.effectiveness.reply')}</th>
                <th scope="col">{t('recall.effectiveness.lastContact')}</th>
                <th scope="col">{t('recall.effectiveness.nextStep')}</th>
                <th scope="col">{t('recall.effectiveness.lastCheck')}</th>
              </tr>
            </thead>
            <tbody>
              {state.consignees.map((c) => (
                <tr key={c.customerId} data-testid={`effectiveness-${c.code}`}>
                  <td>
                    {c.code} · {c.name}
                  </td>
                  <td data-testid={`effectiveness-reply-${c.code}`}>{reply(c)}</td>
                  <td data-testid={`effectiveness-contact-${c.code}`}>{lastContact(c)}</td>
                  <td data-testid={`effectiveness-next-${c.code}`}>{next(c)}</td>
                  <td data-testid={`effectiveness-check-${c.code}`}>{lastCheck(c.checks.at(-1))}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="effectiveness-forms">
            <EffectivenessContactForm consignees={state.consignees} busy={busy} onRecord={(contact: ContactRecord) => run(() => recordContact(session.token, caseId, contact), { key: 'contactRecorded', customer: contact.customerCode })} />
            <EffectivenessCheckForm consignees={state.consignees} busy={busy} onRecord={(check: CheckRecord) => run(() => recordCheck(session.token, caseId, check), { key: 'checkRecorded', customer: check.customerCode })} />
          </div>
        </>
      )}
    </section>
  );
}
