import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { getRecall, listRecalls, type FrozenScope, type RecallCase, type RecallStep } from '../api/recalls';
import { acknowledgeDeadlineAlert, deadlineAlerts, lastDrill, type DeadlineAlert, type Drill } from '../api/recall-reports';
import { NewRecall } from '../components/NewRecall';
import { RecallDeadlineAlerts } from '../components/RecallDeadlineAlerts';
import { StartDrill } from '../components/StartDrill';
import { RecallCaseView } from '../components/RecallCaseView';
import type { StoredSession } from '../session/session';
import { formatTime } from '../util/format-time';

type Shown = { case: RecallCase; transitions: RecallStep[]; scope: FrozenScope };

/** Recalls: every case with its state, a new case from one scanned or typed input, and a case's signed steps. */
export function RecallConsole({ session }: { session: StoredSession }) {
  const { t, i18n } = useTranslation();
  const [cases, setCases] = useState<RecallCase[]>([]);
  const [shown, setShown] = useState<Shown | null>(null);
  const [drawing, setDrawing] = useState<'recall' | 'drill'>('recall');
  const [last, setLast] = useState<Drill | null>(null);
  const [alerts, setAlerts] = useState<DeadlineAlert[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const time = (iso: string | null) => (iso ? formatTime(i18n.resolvedLanguage, iso, 'dateTimeSeconds') : '—');
  const fail = (e: unknown) => setError(e instanceof ApiError ? e.message : String(e));

  const refresh = useCallback(async () => {
    try {
      const [all, drill, warnings] = await Promise.all([listRecalls(session.token), lastDrill(session.token), deadlineAlerts(session.token)]);
      setCases(all);
      setLast(drill);
      setAlerts(warnings);
      setError(null);
    } catch (e) {
      fail(e);
    }
  }, [session.token]);

  useEffect(() => {
    const first = setTimeout(() => void refresh(), 0);
    return () => clearTimeout(first);
  }, [refresh]);

  async function show(id: string, withNotice: string | null = null) {
    try {
      // The list and the case are read together, so the list never shows an older state than the case below it.
      const [one, all, drill, warnings] = await Promise.all([getRecall(session.token, id), listRecalls(session.token), lastDrill(session.token), deadlineAlerts(session.token)]);
      setCases(all);
      setLast(drill);
      setAlerts(warnings);
      setShown(one);
      setNotice(withNotice);
      setError(null);
    } catch (e) {
      fail(e);
    }
  }

  async function acknowledge(id: string) {
    try {
      await acknowledgeDeadlineAlert(session.token, id);
      setAlerts(await deadlineAlerts(session.token));
    } catch (e) {
      fail(e);
    }
  }

  return (
    <section className="screen recall" data-testid="recall-console">
      <h2>{t('recall.title')}</h2>
      <p className="hint" data-testid="last-drill">
        {last
          ? t('recall.drillRun.last', { number: last.caseNumber, at: time(last.stopwatch.startedAt), percent: last.percent === null ? '—' : last.percent.toFixed(2), verdict: t(last.passed ? 'recall.drillRun.pass' : 'recall.drillRun.fail') })
          : t('recall.drillRun.never')}
      </p>
      {error && (
        <p className="scan-message error" role="alert">
          {error}
        </p>
      )}
      <RecallDeadlineAlerts alerts={alerts} onOpen={(id) => void show(id)} onAcknowledge={(id) => void acknowledge(id)} />
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setShown(null);
            setDrawing('recall');
          }}
          data-testid="recall-new"
        >
          {t('recall.new')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setShown(null);
            setDrawing('drill');
          }}
          data-testid="drill-new"
        >
          {t('recall.drillRun.start')}
        </button>
      </div>
      <table className="grid" data-testid="recall-cases">
        <thead>
          <tr>
            <th>{t('recall.list.number')}</th>
            <th>{t('recall.list.state')}</th>
            <th>{t('recall.form.reason')}</th>
            <th>{t('recall.list.owner')}</th>
            <th>{t('recall.list.openedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {cases.length === 0 && (
            <tr>
              <td colSpan={5} className="hint">
                {t('recall.list.none')}
              </td>
            </tr>
          )}
          {cases.map((c) => (
            <tr key={c.id} className={shown?.case.id === c.id ? 'selected' : ''}>
              <td>
                <button type="button" className="link" onClick={() => void show(c.id)}>
                  {c.number}
                </button>
                {c.drill && ` · ${t('recall.drill')}`}
              </td>
              <td>
                <span className={`status-pill ${c.state}`}>{t(`recall.state.${c.state}`)}</span>
              </td>
              <td>{c.terms.reason}</td>
              <td>{c.owner.name}</td>
              <td>{time(c.openedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {shown ? (
        <RecallCaseView key={shown.case.id} session={session} recall={shown} notice={notice} onChanged={() => show(shown.case.id)} />
      ) : drawing === 'drill' ? (
        <StartDrill token={session.token} onDone={(drill) => void show(drill.caseId)} />
      ) : (
        <NewRecall session={session} onSaved={(made, refusal) => void show(made.id, refusal)} />
      )}
    </section>
  );
}
