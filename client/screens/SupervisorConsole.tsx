import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { DeviceTokenQr } from '../components/DeviceTokenQr';
import { describeOutcome, describeProblem } from '../i18n/outcome';
import type { OpProblem } from '../../sync';
import { deviceHealth, enrolDevice, listDevices, listExceptions, listOps, resolveException, revokeDevice, watchConsole, type Device, type DeviceHealth, type OpSummary, type StockException } from '../api/console';
import { listPickLists, type PickList } from '../api/pick-lists';
import { NumberRules } from '../components/NumberRules';
import { PickLists } from '../components/PickLists';
import { WorkOrders } from '../components/WorkOrders';
import type { StoredSession } from '../session/session';
import { formatTime } from '../util/format-time';

/** Supervisors: the handhelds and their sync state, the exception queue, and the ops as they arrive. */
export function SupervisorConsole({ session }: { session: StoredSession }) {
  const { t, i18n } = useTranslation();
  const [devices, setDevices] = useState<Device[]>([]);
  const [health, setHealth] = useState<Map<string, DeviceHealth>>(new Map());
  const [exceptions, setExceptions] = useState<StockException[]>([]);
  const [ops, setOps] = useState<OpSummary[]>([]);
  const [pickLists, setPickLists] = useState<PickList[]>([]);
  const [newDevice, setNewDevice] = useState('');
  const [issuedToken, setIssuedToken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const time = (iso: string | null) => (iso ? formatTime(i18n.resolvedLanguage, iso, 'dateTimeSeconds') : '—');

  const refresh = useCallback(async () => {
    try {
      const [d, h, e, o, p] = await Promise.all([listDevices(session.token), deviceHealth(session.token), listExceptions(session.token), listOps(session.token), listPickLists(session.token)]);
      setDevices(d.devices);
      setHealth(new Map(h.devices.map((x) => [x.deviceId, x])));
      setExceptions(e.exceptions);
      setOps(o.ops.slice(0, 30));
      setPickLists(p.pickLists);
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }, [session.token]);

  useEffect(() => {
    const abort = new AbortController();
    const first = setTimeout(() => void refresh(), 0);
    let pending: ReturnType<typeof setTimeout> | undefined;
    // Live: every committed change refreshes the console, coalesced to at most twice a second.
    watchConsole(session.token, () => {
      pending ??= setTimeout(() => {
        pending = undefined;
        void refresh();
      }, 500);
    }, abort.signal);
    return () => {
      abort.abort();
      clearTimeout(first);
      if (pending) clearTimeout(pending);
    };
  }, [refresh, session.token]);

  const act = async (e: StockException, action: 'accept' | 'adjust' | 'reverse') => {
    const reason = window.prompt(t('console.reasonPrompt'));
    if (!reason?.trim()) return;
    try {
      await resolveException(session.token, e, action, reason.trim());
      await refresh();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };

  return (
    <section className="screen console" data-testid="supervisor-console">
      <h2>{t('console.title')}</h2>
      {error && (
        <p className="scan-message error" role="alert">
          {error}
        </p>
      )}
      <h3>
        {t('console.exceptions')} <span className="count-badge" data-testid="exception-count">{exceptions.length}</span>
      </h3>
      <table className="grid" data-testid="exception-table">
        <thead>
          <tr>
            <th>{t('console.when')}</th>
            <th>{t('console.kind')}</th>
            <th>{t('console.lot')}</th>
            <th>{t('console.device')}</th>
            <th>{t('console.detail')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {exceptions.map((e) => (
            <tr key={e.id} data-kind={e.kind}>
              <td>{time(e.createdAt)}</td>
              <td>{t(`console.kinds.${e.kind}`, { defaultValue: e.kind })}</td>
              <td>
                {e.lotNumber ?? '—'} {e.locationCode ? `@ ${e.locationCode}` : ''}
              </td>
              <td>
                {e.deviceName} · {e.username}
              </td>
              <td>{describeProblem(t, { code: e.kind, params: e.details as OpProblem['params'] }) ?? String(e.details.message ?? '')}</td>
              <td className="actions">
                <button type="button" className="secondary" onClick={() => void act(e, 'accept')}>
                  {t('console.accept')}
                </button>
                <button type="button" className="secondary" onClick={() => void act(e, 'adjust')}>
                  {t('console.adjust')}
                </button>
                <button type="button" className="secondary" onClick={() => void act(e, 'reverse')}>
                  {t('console.reverse')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <PickLists pickLists={pickLists} />

      <h3>{t('console.devices')}</h3>
      <form
        className="inline-form"
        onSubmit={(ev) => {
          ev.preventDefault();
          if (!newDevice.trim()) return;
          void enrolDevice(session.token, newDevice.trim()).then((r) => {
            setIssuedToken(r.token);
            setNewDevice('');
            return refresh();
          });
        }}
      >
        <input placeholder={t('console.deviceName')} value={newDevice} onChange={(e) => setNewDevice(e.target.value)} />
        <button type="submit" className="secondary">
          {t('console.enrol')}
        </button>
      </form>
      {issuedToken && <DeviceTokenQr token={issuedToken} />}
      <table className="grid" data-testid="device-table">
        <thead>
          <tr>
            <th>{t('console.device')}</th>
            <th>{t('console.lastSeen')}</th>
            <th>{t('console.appVersion')}</th>
            <th>{t('console.queue')}</th>
            <th>{t('console.errors')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {devices.map((d) => {
            const h = health.get(d.id);
            return (
              <tr key={d.id} className={d.revokedAt ? 'revoked' : ''}>
                <td>
                  {d.name} {h?.lastUser ? `· ${h.lastUser}` : ''}
                </td>
                <td>{time(d.lastSeenAt)}</td>
                <td>{d.appVersion ?? '—'}</td>
                <td>{d.queueDepth ?? '—'}</td>
                <td>
                  {h ? `${h.openExceptions} / ${h.rejectedOps}` : '—'}
                  {h?.pushFailing && (
                    <div className="hint sync-blocked" data-testid="push-failing">
                      {t('console.pushFailing', { failures: h.pushFailing.failures, reason: t(`errors.${h.pushFailing.code}`, { defaultValue: h.pushFailing.message }) })} · {time(h.pushFailing.at)}
                    </div>
                  )}
                </td>
                <td>
                  {d.revokedAt ? (
                    t('console.revoked')
                  ) : (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => {
                        const reason = window.prompt(t('console.reasonPrompt'));
                        if (reason?.trim()) void revokeDevice(session.token, d.id, reason.trim()).then(refresh);
                      }}
                    >
                      {t('console.revoke')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>

      <h3>{t('console.ops')}</h3>
      <table className="grid" data-testid="ops-table">
        <tbody>
          {ops.map((o) => (
            <tr key={o.id} data-status={o.status}>
              <td>{time(o.receivedAt)}</td>
              <td>{t(`ops.type.${o.type}`, { defaultValue: o.type })}</td>
              <td>
                {o.deviceName} · {o.username}
              </td>
              <td>{t(`ops.status.${o.status}`, { defaultValue: o.status })}</td>
              <td>{describeOutcome(t, { message: o.message ?? '', problems: o.problems }) ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <WorkOrders token={session.token} />
      <NumberRules token={session.token} canEdit={session.user.roles.includes('admin')} />
    </section>
  );
}
