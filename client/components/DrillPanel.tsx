import { useTranslation } from 'react-i18next';
import { DRILL_PASS_BAND, formatStopwatch } from '../../domain/recall';
import type { Drill } from '../api/recall-reports';
import { RecallReports } from './RecallReports';

/** A mock recall's result: the server's stopwatch to each part of the answer, and the verdict against the pass band. */
export function DrillPanel({ token, drill }: { token: string; drill: Drill }) {
  const { t } = useTranslation();
  return (
    <section className="drill-panel" data-testid="drill-panel" aria-labelledby="drill-panel-title">
      <h4 id="drill-panel-title">
        {t('recall.drillRun.result', { number: drill.caseNumber })}{' '}
        <span className={`status-pill ${drill.passed ? 'drill-pass' : 'drill-fail'}`} data-testid="drill-verdict">
          {t(drill.passed ? 'recall.drillRun.pass' : 'recall.drillRun.fail')}
        </span>
      </h4>
      <p className="hint">{t('recall.drillRun.scope', { described: drill.scopeDescribed, lots: drill.lots, consignees: drill.consignees })}</p>
      <table className="grid" data-testid="drill-stopwatch">
        <thead>
          <tr>
            <th>{t('recall.drillRun.part')}</th>
            <th>{t('recall.drillRun.sinceStart')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>{t('recall.drillRun.scopeReady')}</td>
            <td>{formatStopwatch(drill.timings.scopeMs)}</td>
          </tr>
          <tr>
            <td>{t('recall.drillRun.consigneesReady')}</td>
            <td>{formatStopwatch(drill.timings.consigneesMs)}</td>
          </tr>
          <tr>
            <td>{t('recall.drillRun.balanceReady')}</td>
            <td>{formatStopwatch(drill.timings.balanceMs)}</td>
          </tr>
        </tbody>
      </table>
      <p data-testid="drill-accounted">
        {t('recall.drillRun.accounted', { accounted: drill.accounted, broughtIn: drill.broughtIn, percent: drill.percent === null ? '—' : drill.percent.toFixed(2), min: DRILL_PASS_BAND.min, max: DRILL_PASS_BAND.max })}
      </p>
      <RecallReports token={token} caseId={drill.caseId} jurisdictions={[]} kinds={['drill']} />
    </section>
  );
}
