import { Alert, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { caseDeadlines, caseDrill, type CaseClocks, type Drill } from '../../../api/recall-reports';
import type { RecallCase } from '../../../api/recalls';
import { failureText } from '../../../hooks/useApiRead';
import { DrillPanel } from './DrillPanel';
import { RecallClocks } from './RecallClocks';
import { RecallReports } from './RecallReports';

/** What a case adds once it runs: its deadline clocks and its reports, or for a drill its stopwatch and verdict. */
export function RecallCaseExtras({ token, recall, onClocks }: { token: string; recall: RecallCase; onClocks?(clocks: CaseClocks): void }) {
  const { t } = useTranslation();
  const [clocks, setClocks] = useState<CaseClocks | null>(null);
  const [drill, setDrill] = useState<Drill | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generated, setGenerated] = useState(0);
  const { id, drill: isDrill, openedAt, version } = recall;

  useEffect(() => {
    let live = true;
    const load = async () => {
      try {
        if (isDrill) {
          const found = await caseDrill(token, id).catch((e: unknown) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e)));
          if (live) setDrill(found);
        } else if (openedAt) {
          const found = await caseDeadlines(token, id);
          if (live) {
            setClocks(found);
            onClocks?.(found);
          }
        }
      } catch (e) {
        if (live) setError(failureText(e));
      }
    };
    void load();
    return () => {
      live = false;
    };
  }, [token, id, isDrill, openedAt, version, generated, onClocks]);

  return (
    <>
      {error && <Alert type="error" role="alert" showIcon title={error} className="console-alert" />}
      {drill && <DrillPanel token={token} drill={drill} />}
      {clocks && (
        <>
          <Typography.Title level={4}>{t('recall.clocks.title')}</Typography.Title>
          <RecallClocks clocks={clocks} />
        </>
      )}
      {openedAt && (
        <>
          <Typography.Title level={4}>{t('recall.reports.title')}</Typography.Title>
          <RecallReports token={token} caseId={id} jurisdictions={recall.terms.jurisdictions} onGenerated={() => setGenerated((n) => n + 1)} />
        </>
      )}
    </>
  );
}
