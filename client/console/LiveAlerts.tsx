import { App, Button } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { deviceHealth, listDevices, watchConsole } from '../api/console';
import { listPrinters } from '../api/printing';
import { deadlineAlerts } from '../api/recall-reports';
import type { StoredSession } from '../session/session';
import { formatTime } from '../util/format-time';
import { alertSources, newAlerts, standingAlerts, type LiveAlert } from './live-alerts';

/** Printer state is polled by the spool, not streamed: look again this often even without a change event. */
const POLL_MS = 10_000;

/**
 * Raises a notification for each new live alert (a printer out of paper, a recall deadline, a
 * blocked handheld) on whatever console page is open. Sits once in the console layout.
 */
export function LiveAlerts({ session }: { session: StoredSession }) {
  const { t, i18n } = useTranslation();
  const { notification } = App.useApp();
  const announced = useRef<Set<string>>(new Set());
  // The latest translator, read when an alert arrives, so a language switch does not restart the watch.
  const say = useRef({ t, language: i18n.resolvedLanguage });
  useEffect(() => {
    say.current = { t, language: i18n.resolvedLanguage };
  });

  useEffect(() => {
    const sources = alertSources(session.user.roles);
    const abort = new AbortController();
    const open = (page: string, key: string) => {
      notification.destroy(key);
      location.hash = `#/${page}`;
    };
    const show = (alert: LiveAlert) => {
      const { t: tr, language } = say.current;
      // Bottom right: an alert that stays until dealt with must not cover the header's controls.
      const common = { key: alert.key, duration: false as const, placement: 'bottomRight' as const, role: 'alert' as const, props: { 'data-testid': `live-alert-${alert.kind}` } };
      if (alert.kind === 'printer') {
        notification.warning({
          ...common,
          title: tr('consoleAlerts.printerTitle', { printer: alert.printer, state: tr(`labels.state.${alert.state}`) }),
          description: alert.since ? tr('consoleAlerts.printerBody', { since: formatTime(language, alert.since, 'dateTimeSeconds') }) : null,
          actions: <Button size="small" onClick={() => open('labels', alert.key)}>{tr('consoleAlerts.open')}</Button>,
        });
      } else if (alert.kind === 'deadline') {
        (alert.state === 'overdue' ? notification.error : notification.warning)({
          ...common,
          title: tr('consoleAlerts.deadlineTitle', { number: alert.caseNumber, state: tr(`recall.clocks.states.${alert.state}`) }),
          description: `${tr(`recall.clocks.kind.${alert.deadline}`)} · ${tr('recall.alerts.dueOn', { day: alert.dueOn })}`,
          actions: <Button size="small" onClick={() => open('recall', alert.key)}>{tr('consoleAlerts.open')}</Button>,
        });
      } else {
        notification.error({
          ...common,
          title: tr('consoleAlerts.deviceTitle', { device: alert.device }),
          description: tr('console.pushFailing', { failures: alert.failures, reason: tr(`errors.${alert.code}`, { defaultValue: alert.message }) }),
          actions: <Button size="small" onClick={() => open('devices', alert.key)}>{tr('consoleAlerts.open')}</Button>,
        });
      }
    };
    const check = async () => {
      const token = session.token;
      // A source that fails this time is left out; its alerts stay announced until it answers again.
      const [printers, deadlines, devices, health] = await Promise.all([
        sources.printers ? listPrinters(token).catch(() => undefined) : undefined,
        sources.deadlines ? deadlineAlerts(token).catch(() => undefined) : undefined,
        sources.devices ? listDevices(token).then((r) => r.devices).catch(() => undefined) : undefined,
        sources.devices ? deviceHealth(token).then((r) => r.devices).catch(() => undefined) : undefined,
      ]);
      if (abort.signal.aborted) return;
      const standing = standingAlerts({ printers, deadlines, devices, health });
      const kept = [...announced.current].filter((key) => (key.startsWith('printer:') && !printers) || (key.startsWith('deadline:') && !deadlines) || (key.startsWith('device:') && !health));
      const { fresh, remember } = newAlerts(announced.current, standing);
      announced.current = new Set([...remember, ...kept]);
      fresh.forEach(show);
    };
    const first = setTimeout(() => void check(), 0);
    const timer = setInterval(() => void check(), POLL_MS);
    let pending: ReturnType<typeof setTimeout> | undefined;
    if (session.user.roles.some((role) => role !== 'operator')) {
      watchConsole(session.token, () => {
        pending ??= setTimeout(() => {
          pending = undefined;
          void check();
        }, 500);
      }, abort.signal);
    }
    return () => {
      abort.abort();
      clearTimeout(first);
      clearInterval(timer);
      if (pending) clearTimeout(pending);
    };
  }, [session.token, session.user.roles, notification]);

  return null;
}
