import { DownloadOutlined } from '@ant-design/icons';
import { Button, Progress, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { exportPath, type FigureQuery } from '../../../api/dashboard';
import { downloadExport, type DownloadProgress } from './download';

type Format = 'csv' | 'xlsx';

/** CSV and XLSX of every row behind a figure, one download at a time, with its progress. */
export function ExportButtons({ query, token }: { query: FigureQuery; token: string }) {
  const { t } = useTranslation();
  const [running, setRunning] = useState<Format | null>(null);
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  const start = async (format: Format) => {
    abort.current = new AbortController();
    setRunning(format);
    setProgress(null);
    setOutcome(null);
    try {
      const name = await downloadExport(exportPath(query, format), token, setProgress, abort.current.signal);
      setOutcome({ ok: true, text: t('dashboard.exported', { file: name }) });
    } catch (e) {
      if (!abort.current.signal.aborted) setOutcome({ ok: false, text: e instanceof ApiError ? e.message : String(e) });
    } finally {
      setRunning(null);
    }
  };
  const percent = progress?.rows != null && progress.total ? Math.min(100, Math.round((progress.rows / progress.total) * 100)) : null;
  return (
    <Space wrap data-testid="drill-exports">
      {(['csv', 'xlsx'] as const).map((format) => (
        <Button key={format} icon={<DownloadOutlined />} loading={running === format} disabled={running !== null && running !== format} onClick={() => void start(format)} data-testid={`export-${format}`}>
          {t(`dashboard.export.${format}`)}
        </Button>
      ))}
      {running && (
        <Space data-testid="export-progress" aria-live="polite">
          {percent !== null && <Progress type="circle" size={28} percent={percent} aria-label={t('dashboard.exportProgress')} />}
          <Typography.Text>
            {progress?.rows != null
              ? t('dashboard.exportRows', { rows: progress.rows, total: progress.total ?? '?' })
              : t('dashboard.exportBytes', { kb: Math.round((progress?.bytes ?? 0) / 1024) })}
          </Typography.Text>
        </Space>
      )}
      {!running && outcome && (
        <Typography.Text type={outcome.ok ? 'success' : 'danger'} role={outcome.ok ? 'status' : 'alert'} data-testid="export-outcome">
          {outcome.text}
        </Typography.Text>
      )}
    </Space>
  );
}
