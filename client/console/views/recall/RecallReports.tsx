import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Jurisdiction } from '../../../../domain/recall';
import { reportsFor, type ReportKind } from '../../../../domain/recall/reports';
import { downloadReport } from '../../../api/recall-reports';
import { failureText } from '../../../hooks/useApiRead';

/** The reports a case can give, each as PDF or CSV; only those of the jurisdictions it names. */
export function RecallReports({ token, caseId, jurisdictions, kinds, onGenerated }: { token: string; caseId: string; jurisdictions: readonly Jurisdiction[]; kinds?: readonly ReportKind[]; onGenerated?(): void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const shown = kinds ?? reportsFor(jurisdictions);
  async function get(kind: ReportKind, format: 'pdf' | 'csv') {
    try {
      await downloadReport(token, caseId, kind, format);
      setError(null);
      // A report can meet a regulator's clock: the clocks shown beside it are read again.
      onGenerated?.();
    } catch (e) {
      setError(failureText(e));
    }
  }
  return (
    <div data-testid="recall-reports">
      {error && <Alert type="error" role="alert" showIcon title={error} className="console-alert" />}
      <ul className="recall-report-list">
        {shown.map((kind) => (
          <li key={kind}>
            <span>{t(`recall.reports.kind.${kind}`)}</span>{' '}
            <Button type="link" size="small" onClick={() => void get(kind, 'pdf')} data-testid={`report-${kind}-pdf`} aria-label={`${t(`recall.reports.kind.${kind}`)} PDF`}>
              PDF
            </Button>{' '}
            <Button type="link" size="small" onClick={() => void get(kind, 'csv')} data-testid={`report-${kind}-csv`} aria-label={`${t(`recall.reports.kind.${kind}`)} CSV`}>
              CSV
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
