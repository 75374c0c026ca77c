import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { explainGap, readReconciliation } from '../api/recall-recovery';
import { failureText, useApiRead } from '../hooks/useApiRead';
import type { StoredSession } from '../session/session';
import { formatTime } from '../util/format-time';
import { RecallDisposition } from './RecallDisposition';
import { SignForm, type Signature } from './SignForm';

const GAP_MEANINGS = ['reviewed', 'approved'] as const;

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
  const { t, i18n } = useTranslation();
  const { value: found, error, setError, reload: load } = useApiRead(useCallback(() => readReconciliation(session.token, caseId), [session.token, caseId]));
  const [explaining, setExplaining] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const time = (iso: string) => formatTime(i18n.resolvedLanguage, iso, 'dateTimeSeconds');

  async function explain(code: string, signature: Signature): Promise<boolean> {
    setBusy(true);
    try {
      await explainGap(session.token, caseId, { customerCode: code, explanation: signature.reason, meaning: signature.meaning, password: signature.password });
      setExplaining(null);
      await load();
      return true;
    } catch (e) {
      setError(failureText(e));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="recall-reconciliation" aria-labelledby="recall-reconciliation-title" data-testid="recall-reconciliation">
      <h4 id="recall-reconciliation-title">{t('recall.reconciliation.title')}</h4>
      <button type="button" className="secondary" onClick={() => void load()} data-testid="recall-reconciliation-refresh">
        {t('recall.reconciliation.refresh')}
      </button>
      {error && (
        <p className="scan-message error" role="alert" data-testid="recall-reconciliation-error">
          {error}
        </p>
      )}
      {found && (
        <>
          <p className={`scan-message ${found.closable ? 'good' : 'warning'}`} data-testid="recall-reconciliation-verdict">
            {found.closable
              ? t('recall.reconciliation.closable', { accounted: found.accounted, shipped: found.shipped, percent: found.percent ?? '—' })
              : t('recall.reconciliation.gaps', { count: found.openGaps.length, accounted: found.accounted, shipped: found.shipped, percent: found.percent ?? '—' })}
          </p>
          <table className="grid" data-testid="recall-reconciliation-table">
            <thead>
              <tr>
                <th scope="col">{t('recall.reconciliation.consignee')}</th>
                <th scope="col">{t('recall.reconciliation.shipped')}</th>
                <th scope="col">{t('recall.reconciliation.returned')}</th>
                <th scope="col">{t('recall.reconciliation.destroyed')}</th>
                <th scope="col">{t('recall.reconciliation.corrected')}</th>
                <th scope="col">{t('recall.reconciliation.onHand')}</th>
                <th scope="col">{t('recall.reconciliation.lost')}</th>
                <th scope="col">{t('recall.reconciliation.gap')}</th>
                <th scope="col">{t('recall.reconciliation.answer')}</th>
              </tr>
            </thead>
            <tbody>
              {found.consignees.map((c) => (
                <tr key={c.customerId} data-testid={`reconciliation-${c.code}`} data-gap={c.gap}>
                  <th scope="row">
                    {c.code} · {c.name}
                  </th>
                  <td>{c.shipped}</td>
                  <td>{c.returned}</td>
                  <td>{c.destroyed}</td>
                  <td>{c.corrected}</td>
                  <td>{c.onHand}</td>
                  <td>{c.lost}</td>
                  <td>
                    {c.gap === 0 ? (
                      t('recall.reconciliation.none')
                    ) : c.explained ? (
                      t('recall.reconciliation.explained', { gap: c.gap, name: c.explained.signerName })
                    ) : (
                      <>
                        <strong>{t('recall.reconciliation.open', { gap: c.gap })}</strong>
                        {editable && (
                          <button type="button" className="secondary" onClick={() => setExplaining(c.code)} data-testid={`explain-gap-${c.code}`}>
                            {t('recall.reconciliation.explain')}
                          </button>
                        )}
                      </>
                    )}
                  </td>
                  <td>{c.reply ? t(`recall.reconciliation.answered.${c.reply.channel}`, { time: time(c.reply.recordedAt), name: c.reply.recorderName }) : t('recall.reconciliation.notAnswered')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {explaining && (
            <SignForm
              key={explaining}
              title={t('recall.reconciliation.explainTitle', { code: explaining, gap: found.consignees.find((c) => c.code === explaining)?.gap ?? 0 })}
              meanings={GAP_MEANINGS}
              signer={session.user.displayName}
              submitLabel={t('recall.reconciliation.signExplanation')}
              busy={busy}
              testId="gap-sign-form"
              onSign={(signature) => explain(explaining, signature)}
            />
          )}
          {found.flaggedReturns.length > 0 && (
            <>
              <h5>{t('recall.reconciliation.flagged')}</h5>
              <ul data-testid="recall-flagged-returns">
                {found.flaggedReturns.map((f) => (
                  <li key={f.opId}>{t(`recall.reconciliation.flag.${f.flag}`, { lot: f.lotNumber, qty: f.qty, code: f.customerCode })}</li>
                ))}
              </ul>
            </>
          )}
          {found.dispositions.length > 0 && (
            <p className="hint" data-testid="recall-dispositions">
              {found.dispositions.map((d) => t(`recall.disposition.done.${d.action}`, { qty: d.qty })).join(' · ')}
            </p>
          )}
          {editable && <RecallDisposition session={session} caseId={caseId} lots={lots} onRecorded={load} />}
        </>
      )}
    </section>
  );
}
