import { Alert, Button, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { acknowledgeDeadlineAlert, deadlineAlerts, lastDrill } from '../../api/recall-reports';
import { getRecall, listRecalls, type FrozenScope, type RecallCase, type RecallStep } from '../../api/recalls';
import type { StoredSession } from '../../session/session';
import { PageTitle } from '../PageTitle';
import { useLive } from '../useLive';
import { useTime } from '../useTime';
import { RecallCaseDetail } from './recall/RecallCaseDetail';
import { RecallCaseList } from './recall/RecallCaseList';
import { NewRecall } from './recall/NewRecall';
import { RecallDeadlineAlerts } from './recall/RecallDeadlineAlerts';
import { StartDrill } from './recall/StartDrill';

type Shown = { case: RecallCase; transitions: RecallStep[]; scope: FrozenScope };

/** Recalls: every case with its state, a new case or a drill from one scanned or typed input, and one case in detail. */
export function RecallPage({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const time = useTime();
  const live = useLive(session.token, async (token) => {
    const [cases, drill, alerts] = await Promise.all([listRecalls(token), lastDrill(token), deadlineAlerts(token)]);
    return { cases, drill, alerts };
  });
  const [shown, setShown] = useState<Shown | null>(null);
  const [drawing, setDrawing] = useState<'recall' | 'drill'>('recall');
  const [notice, setNotice] = useState<string | null>(null);
  const { reload, fail } = live;
  const last = live.data?.drill ?? null;

  const show = useCallback(
    async (id: string, withNotice: string | null = null) => {
      try {
        // The list is read again with the case, so the list never shows an older state than the case below it.
        const [one] = await Promise.all([getRecall(session.token, id), reload()]);
        setShown(one);
        setNotice(withNotice);
      } catch (e) {
        fail(e);
      }
    },
    [session.token, reload, fail],
  );

  return (
    <section data-testid="recall-console">
      <PageTitle
        extra={
          <Space wrap>
            <Button
              onClick={() => {
                setShown(null);
                setDrawing('recall');
              }}
              data-testid="recall-new"
            >
              {t('recall.new')}
            </Button>
            <Button
              onClick={() => {
                setShown(null);
                setDrawing('drill');
              }}
              data-testid="drill-new"
            >
              {t('recall.drillRun.start')}
            </Button>
          </Space>
        }
      >
        {t('recall.title')}
      </PageTitle>
      <Typography.Paragraph type="secondary" data-testid="last-drill">
        {last
          ? t('recall.drillRun.last', { number: last.caseNumber, at: time(last.stopwatch.startedAt), percent: last.percent === null ? '—' : last.percent.toFixed(2), verdict: t(last.passed ? 'recall.drillRun.pass' : 'recall.drillRun.fail') })
          : live.data
            ? t('recall.drillRun.never')
            : ''}
      </Typography.Paragraph>
      {live.error && <Alert type="error" role="alert" showIcon title={live.error} className="console-alert" />}
      <RecallDeadlineAlerts
        alerts={live.data?.alerts ?? []}
        onOpen={(id) => void show(id)}
        onAcknowledge={(id) => void acknowledgeDeadlineAlert(session.token, id).then(reload, fail)}
      />
      <RecallCaseList cases={live.data?.cases ?? []} loading={!live.data} shownId={shown?.case.id ?? null} onOpen={(id) => void show(id)} />
      {shown ? (
        <RecallCaseDetail key={shown.case.id} session={session} recall={shown} notice={notice} onChanged={() => show(shown.case.id)} />
      ) : drawing === 'drill' ? (
        <StartDrill token={session.token} onDone={(drill) => void show(drill.caseId)} />
      ) : (
        <NewRecall session={session} onSaved={(made, refusal) => void show(made.id, refusal)} />
      )}
    </section>
  );
}
