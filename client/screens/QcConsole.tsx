import { localName } from '../i18n/local-name';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { allowedMeanings, nextStatuses, type LotStatus, type SignatureMeaning } from '../../domain/lots';
import { ApiError } from '../api/client';
import { watchConsole } from '../api/console';
import { acknowledgeAlert, changeStatus, findLots, getLot, openAlerts, qcQueue, uploadEvidence, type LotAlert, type LotSummary, type QcQueueEntry, type QcResult, type Signed } from '../api/lots';
import { LotTimeline } from '../components/LotTimeline';
import { SignatureFields } from '../components/SignatureFields';
import type { StoredSession } from '../session/session';
import { formatTime } from '../util/format-time';

const emptyResult = (): QcResult => ({ test: '', value: '', unit: '', pass: true });

/**
 * QC: the inspection queue, and for any lot the decisions the status machine allows, each
 * signed by re-entering the password and choosing what the signature means.
 */
export function QcConsole({ session }: { session: StoredSession }) {
  const { t, i18n } = useTranslation();
  const [queue, setQueue] = useState<QcQueueEntry[]>([]);
  const [alerts, setAlerts] = useState<LotAlert[]>([]);
  const [lot, setLot] = useState<LotSummary | null>(null);
  const [search, setSearch] = useState('');
  const [to, setTo] = useState<LotStatus | null>(null);
  const [meaning, setMeaning] = useState<SignatureMeaning | ''>('');
  const [reason, setReason] = useState('');
  const [password, setPassword] = useState('');
  const [results, setResults] = useState<QcResult[]>([]);
  const [files, setFiles] = useState<File[]>([]);
  const [signed, setSigned] = useState<Signed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [version, setVersion] = useState(0);
  const fail = (e: unknown) => setError(e instanceof ApiError ? e.message : String(e));
  const time = (iso: string) => formatTime(i18n.resolvedLanguage, iso, 'dateTimeSeconds');

  const refresh = useCallback(async () => {
    try {
      const [q, a] = await Promise.all([qcQueue(session.token), openAlerts(session.token)]);
      setQueue(q);
      setAlerts(a);
    } catch (e) {
      fail(e);
    }
  }, [session.token]);

  useEffect(() => {
    const abort = new AbortController();
    const first = setTimeout(() => void refresh(), 0);
    watchConsole(session.token, () => void refresh(), abort.signal);
    return () => {
      abort.abort();
      clearTimeout(first);
    };
  }, [refresh, session.token]);

  async function open(id: string) {
    try {
      setLot(await getLot(session.token, id));
      setTo(null);
      setSigned(null);
      setError(null);
    } catch (e) {
      fail(e);
    }
  }

  async function find(event: FormEvent) {
    event.preventDefault();
    if (!search.trim()) return;
    try {
      const found = await findLots(session.token, search.trim());
      if (found.length === 0) return setError(t('lots.notFound', { lot: search.trim() }));
      await open(found[0]!.id);
    } catch (e) {
      fail(e);
    }
  }

  function choose(status: LotStatus) {
    setTo(status);
    setMeaning(allowedMeanings(status)[0] ?? '');
    setReason('');
    setPassword('');
    setResults(status === 'released' || status === 'rejected' ? [emptyResult()] : []);
    setFiles([]);
    setSigned(null);
  }

  async function sign(event: FormEvent) {
    event.preventDefault();
    if (!lot || !to || !meaning) return;
    setBusy(true);
    try {
      const attachments = [];
      for (const file of files) attachments.push(await uploadEvidence(session.token, file));
      const filled = results.filter((r) => r.test.trim() !== '');
      const outcome = await changeStatus(session.token, lot.id, { to, meaning, reason: reason.trim(), password, version: lot.version, results: filled, attachments });
      setSigned(outcome);
      setTo(null);
      setPassword('');
      setLot(await getLot(session.token, lot.id));
      setVersion((v) => v + 1);
      setError(null);
      await refresh();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="screen qc" data-testid="qc-console">
      <h2>{t('qc.title')}</h2>
      {error && (
        <p className="scan-message error" role="alert">
          {error}
        </p>
      )}
      <div className="console-columns">
        <div>
          <h3>
            {t('qc.queue')} <span className="count-badge" data-testid="qc-queue-count">{queue.length}</span>
          </h3>
          <table className="grid" data-testid="qc-queue">
            <thead>
              <tr>
                <th>{t('console.lot')}</th>
                <th>{t('qc.item')}</th>
                <th>{t('qc.supplierLot')}</th>
                <th>{t('qc.onHand')}</th>
                <th>{t('qc.waiting')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.map((q) => (
                <tr key={q.id} className={lot?.id === q.id ? 'selected' : ''}>
                  <td>
                    <button type="button" className="link" onClick={() => void open(q.id)}>
                      {q.lotNumber}
                    </button>
                  </td>
                  <td>{localName(q.itemName, q.itemNameZh)}</td>
                  <td>{q.supplierLot ?? '—'}</td>
                  <td>
                    {q.onHand} {q.locations.join(', ')}
                  </td>
                  <td>{time(q.waitingSince)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {alerts.length > 0 && (
            <>
              <h3>
                {t('qc.alerts')} <span className="count-badge">{alerts.length}</span>
              </h3>
              <table className="grid" data-testid="alerts">
                <tbody>
                  {alerts.map((a) => (
                    <tr key={a.id}>
                      <td>
                        <button type="button" className="link" onClick={() => void open(a.lotId)}>
                          {a.lotNumber}
                        </button>
                      </td>
                      <td>{localName(a.itemName, a.itemNameZh)}</td>
                      <td>{a.kind === 'expired' ? t('qc.alertExpired', { date: a.expiresOn }) : t('qc.alertNear', { days: a.windowDays, date: a.expiresOn })}</td>
                      <td>
                        <button type="button" className="secondary" onClick={() => void acknowledgeAlert(session.token, a.id).then(refresh, fail)}>
                          {t('qc.acknowledge')}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <form onSubmit={(e) => void find(e)} className="inline-form">
            <input aria-label={t('qc.findLot')} placeholder={t('qc.findLot')} value={search} onChange={(e) => setSearch(e.target.value)} />
            <button type="submit" className="secondary">
              {t('qc.open')}
            </button>
          </form>
        </div>
        {lot && (
          <div data-testid="qc-lot">
            <h3>
              {t('console.lot')} {lot.lotNumber} <span className={`status-pill ${lot.status}`}>{t(`lots.status.${lot.status}`)}</span>
            </h3>
            <p className="hint">
              {localName(lot.itemName, lot.itemNameZh)} · GTIN {lot.gtin} · {t('lots.expires')} {lot.expiresOn ?? '—'} · {lot.supplierLot ? `${t('qc.supplierLot')} ${lot.supplierLot}` : t(`lots.origin.${lot.origin}`)}
            </p>
            {signed && (
              <p className="scan-message good" role="status" data-testid="signed">
                {t('qc.signed', { to: t(`lots.status.${signed.to}`), name: signed.signature.name, time: time(signed.signature.signedAt), meaning: t(`lots.meaning.${signed.signature.meaning}`) })}
              </p>
            )}
            <div className="actions">
              {nextStatuses(lot.status).map((s) => (
                <button key={s} type="button" className={to === s ? 'primary' : 'secondary'} onClick={() => choose(s)} data-testid={`to-${s}`}>
                  {t(`qc.action.${s}`)}
                </button>
              ))}
            </div>
            {to && (
              <form className="sign-form" onSubmit={(e) => void sign(e)} data-testid="sign-form">
                <h4>{t('qc.signTitle', { to: t(`lots.status.${to}`) })}</h4>
                {results.length > 0 && (
                  <fieldset>
                    <legend>{t('qc.results')}</legend>
                    {results.map((r, i) => (
                      <div key={i} className="result-row">
                        <input aria-label={t('qc.test')} placeholder={t('qc.test')} value={r.test} onChange={(e) => setResults((rs) => rs.map((x, j) => (j === i ? { ...x, test: e.target.value } : x)))} />
                        <input aria-label={t('qc.value')} placeholder={t('qc.value')} value={r.value} onChange={(e) => setResults((rs) => rs.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
                        <input aria-label={t('qc.unit')} placeholder={t('qc.unit')} value={r.unit ?? ''} onChange={(e) => setResults((rs) => rs.map((x, j) => (j === i ? { ...x, unit: e.target.value } : x)))} />
                        <label>
                          <input type="checkbox" checked={r.pass ?? false} onChange={(e) => setResults((rs) => rs.map((x, j) => (j === i ? { ...x, pass: e.target.checked } : x)))} /> {t('qc.pass')}
                        </label>
                      </div>
                    ))}
                    <button type="button" className="secondary" onClick={() => setResults((rs) => [...rs, emptyResult()])}>
                      {t('qc.addResult')}
                    </button>
                  </fieldset>
                )}
                <label>
                  <span className="field-label">{t('qc.evidence')}</span>
                  <input type="file" multiple onChange={(e) => setFiles([...(e.target.files ?? [])])} />
                </label>
                <SignatureFields
                  meanings={allowedMeanings(to)}
                  meaning={meaning}
                  onMeaning={setMeaning}
                  reason={reason}
                  onReason={setReason}
                  reasonName="reason"
                  password={password}
                  onPassword={setPassword}
                  signer={session.user.displayName}
                  submitLabel={t('qc.sign')}
                  busy={busy}
                />
              </form>
            )}
            <h4>{t('lots.history')}</h4>
            <LotTimeline token={session.token} lotId={lot.id} refreshKey={version} />
          </div>
        )}
      </div>
    </section>
  );
}
