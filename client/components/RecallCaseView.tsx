import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextRecallStates, recallMeanings, type RecallState } from '../../domain/recall';
import { ApiError } from '../api/client';
import { moveRecall, openRecall, type FrozenScope, type RecallCase, type RecallStep } from '../api/recalls';
import { accountedPercent } from '../screens/recall-form';
import type { StoredSession } from '../session/session';
import { formatTime } from '../util/format-time';
import { MassBalance } from './MassBalance';
import { RecallCaseExtras } from './RecallCaseExtras';
import { RecallConsignees } from './RecallConsignees';
import { RecallDevices } from './RecallDevices';
import { RecallEffectiveness } from './RecallEffectiveness';
import { RecallFlaggedOps } from './RecallFlaggedOps';
import { RecallLetters } from './RecallLetters';
import { RecallReconciliation } from './RecallReconciliation';
import { ScopeDiff } from './ScopeDiff';
import { SignForm, type Signature } from './SignForm';

interface Props {
  session: StoredSession;
  recall: { case: RecallCase; transitions: RecallStep[]; scope: FrozenScope };
  notice: string | null;
  onChanged(): Promise<void>;
}

/** One case: its terms, every signed step, the scope it froze when it opened, and the steps it may take next, each signed. */
export function RecallCaseView({ session, recall, notice, onChanged }: Props) {
  const { t, i18n } = useTranslation();
  const { case: c, transitions, scope } = recall;
  const [to, setTo] = useState<RecallState | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const time = (iso: string | null) => (iso ? formatTime(i18n.resolvedLanguage, iso, 'dateTimeSeconds') : '—');
  const terms = c.terms;
  const classes = [
    terms.classes.fda ? t('recall.class.fda', { class: terms.classes.fda }) : null,
    terms.classes.nmpa ? t(`recall.class.nmpa${terms.classes.nmpa}`) : null,
    terms.classes.euFsca ? t('recall.form.euFsca') : null,
  ].filter(Boolean);

  async function sign(signature: Signature): Promise<boolean> {
    if (!to) return false;
    setBusy(true);
    try {
      const step = { ...signature, version: c.version };
      if (to === 'open') await openRecall(session.token, c.id, step);
      else await moveRecall(session.token, c.id, to, step);
      setTo(null);
      setError(null);
      await onChanged();
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return (
    <div data-testid="recall-case">
      <h3>
        {c.number} <span className={`status-pill ${c.state}`} data-testid="recall-state">{t(`recall.state.${c.state}`)}</span> {c.drill && <span className="status-pill">{t('recall.drill')}</span>}
      </h3>
      {notice && (
        <p className="scan-message warning" role="alert">
          {notice}
        </p>
      )}
      {error && (
        <p className="scan-message error" role="alert" data-testid="recall-step-error">
          {error}
        </p>
      )}
      <dl className="facts">
        <div>
          <dt>{t('recall.form.reason')}</dt>
          <dd>{terms.reason}</dd>
        </div>
        <div>
          <dt>{t('recall.form.healthHazard')}</dt>
          <dd>{terms.healthHazard || '—'}</dd>
        </div>
        <div>
          <dt>{t('recall.form.strategy')}</dt>
          <dd>{terms.strategy || '—'}</dd>
        </div>
        <div>
          <dt>{t('recall.form.jurisdictions')}</dt>
          <dd>{[...terms.jurisdictions.map((j) => t(`recall.jurisdiction.${j}`)), ...classes].join(' · ') || '—'}</dd>
        </div>
        <div>
          <dt>{t('recall.form.depth')}</dt>
          <dd>{terms.depth ? t(`recall.depth.${terms.depth}`) : '—'}</dd>
        </div>
        <div>
          <dt>{t('recall.form.effectiveness')}</dt>
          <dd>{terms.effectiveness ? `${t(`recall.level.${terms.effectiveness.level}`)}${terms.effectiveness.percent !== null ? ` (${terms.effectiveness.percent} %)` : ''}` : '—'}</dd>
        </div>
        <div>
          <dt>{t('recall.list.owner')}</dt>
          <dd>{c.owner.name}</dd>
        </div>
        <div>
          <dt>{t('recall.list.openedAt')}</dt>
          <dd>{time(c.openedAt)}</dd>
        </div>
      </dl>
      <div className="actions">
        {nextRecallStates(c.state).map((s) => (
          <button key={s} type="button" className={to === s ? 'primary' : 'secondary'} onClick={() => setTo(s)} data-testid={`recall-to-${s}`}>
            {t(`recall.action.${s}`)}
          </button>
        ))}
      </div>
      <RecallCaseExtras token={session.token} recall={c} />
      {to && <SignForm key={to} title={t('recall.signTitle', { number: c.number, state: t(`recall.state.${to}`) })} meanings={recallMeanings(to)} signer={session.user.displayName} submitLabel={t(`recall.action.${to}`)} busy={busy} onSign={sign} />}
      <h4>{t('recall.steps')}</h4>
      {transitions.length === 0 ? (
        <p className="hint">{t('recall.noSteps')}</p>
      ) : (
        <table className="grid" data-testid="recall-steps">
          <thead>
            <tr>
              <th>{t('recall.step.to')}</th>
              <th>{t('qc.meaning')}</th>
              <th>{t('qc.reason')}</th>
              <th>{t('recall.step.signedBy')}</th>
              <th>{t('recall.step.signedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {transitions.map((s) => (
              <tr key={s.number}>
                <td>
                  {t(`recall.state.${s.from}`)} → {t(`recall.state.${s.to}`)}
                </td>
                <td>{t(`lots.meaning.${s.meaning}`)}</td>
                <td>{s.reason}</td>
                <td>{s.signerName}</td>
                <td>{time(s.signedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!c.drill && c.state !== 'draft' && (
        <section aria-labelledby="recall-devices-title">
          <h4 id="recall-devices-title">{t('recall.devices.title')}</h4>
          <RecallDevices token={session.token} caseId={c.id} />
        </section>
      )}
      {!c.drill && c.state !== 'draft' && c.state !== 'cancelled' && <RecallFlaggedOps key={`${c.id}-${c.version}`} token={session.token} caseId={c.id} />}
      <h4>{t('recall.frozen')}</h4>
      {scope.lots.length === 0 ? (
        <p className="hint">{t('recall.notFrozen')}</p>
      ) : (
        <>
          <p className="hint" data-testid="recall-frozen-summary">
            {t('recall.frozenSummary', { lots: scope.lots.length, consignees: scope.consignees.length, lines: scope.shipmentLines })}
          </p>
          <h4>{t('recall.scope.consignees')}</h4>
          <RecallConsignees consignees={scope.consignees} testId="recall-frozen-consignees" />
          <h4>{t('recall.balance.title')}</h4>
          <MassBalance rows={scope.lots} percent={accountedPercent(scope.broughtIn, scope.unaccounted)} testId="recall-frozen-balance" />
          <ScopeDiff token={session.token} caseId={recall.case.id} />
        </>
      )}
      {!c.drill && (c.state === 'open' || c.state === 'recovering') && <RecallLetters key={c.id} session={session} caseId={c.id} />}
      {!c.drill && (c.state === 'open' || c.state === 'recovering' || c.state === 'closed') && <RecallReconciliation key={`${c.id}-${c.version}`} session={session} caseId={c.id} editable={c.state !== 'closed'} lots={scope.lots} />}
      {(c.state === 'open' || c.state === 'recovering') && <RecallEffectiveness key={`effectiveness-${c.id}`} session={session} caseId={c.id} />}
    </div>
  );
}
