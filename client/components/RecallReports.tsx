import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Jurisdiction } from '../../domain/recall';
import { reportsFor, type ReportKind } from '../../domain/recall/reports';
import { ApiError } from '../api/client';
import { downloadReport } from '../api/recall-reports';

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
      setError(e instanceof ApiError ? e.message : String(e));
    }
  }
  return (
    <div data-testid="recall-reports">
      {error && (
        <p className="scan-message error" role="alert">
          {error}
        </p>
      )}
      <ul className="report-list">
        {shown.map((kind) => (
          <li key={kind}>
            <span>{t(`recall.reports.kind.${kind}`)}</span>{' '}
            <button type="button" className="link" onClick={() => void get(kind, 'pdf')} data-testid={`report-${kind}-pdf`} aria-label={`${t(`recall.reports.kind.${kind}`)} PDF`}>
              PDF
            </button>{' '}
            <button type="button" className="link" onClick={() => void get(kind, 'csv')} data-testid={`report-${kind}-csv`} aria-label={`${t(`recall.reports.kind.${kind}`)} CSV`}>
              CSV
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
