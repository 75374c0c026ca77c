import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Input, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IMPORT_KINDS } from '../../../domain/import';
import { ApiError } from '../../api/client';
import { commitImport, downloadImportReport, dryRunImport, listImportProfiles, uploadImport, type ImportCommit, type ImportDryRun, type ImportJob, type ImportKind, type ImportMappingProfile } from '../../api/imports';
import type { StoredSession } from '../../session/session';
import { PageTitle } from '../PageTitle';
import { DryRunReport } from './import/DryRunReport';
import { MappingTable } from './import/MappingTable';

/** Legacy data in: upload, map the columns, dry run, read the report, commit all or the valid rows. */
export function ImportPage({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ImportKind>('lots');
  const [job, setJob] = useState<ImportJob | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [profiles, setProfiles] = useState<ImportMappingProfile[]>([]);
  const [saveAs, setSaveAs] = useState('');
  const [dryRun, setDryRun] = useState<ImportDryRun | null>(null);
  const [validOnly, setValidOnly] = useState(false);
  const [committed, setCommitted] = useState<ImportCommit | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const upload = (file: File) =>
    run(async () => {
      setDryRun(null);
      setCommitted(null);
      const made = await uploadImport(session.token, kind, file);
      setJob(made);
      setMapping(made.suggestedMapping);
      setProfiles(await listImportProfiles(session.token, kind));
    });
  const check = () =>
    run(async () => {
      setCommitted(null);
      setDryRun(await dryRunImport(session.token, job!.id, mapping, saveAs.trim() || undefined));
      if (saveAs.trim()) setProfiles(await listImportProfiles(session.token, kind));
    });
  const commit = () =>
    run(async () => {
      setCommitted(await commitImport(session.token, job!.id, validOnly));
    });
  const report = () =>
    run(async () => {
      const { blob, fileName } = await downloadImportReport(session.token, job!.id);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = fileName;
      link.click();
      URL.revokeObjectURL(link.href);
    });
  const blocked = dryRun !== null && dryRun.summary.errors > 0 && !validOnly;

  return (
    <section data-testid="import-page">
      <PageTitle>{t('import.title')}</PageTitle>
      <Typography.Paragraph>{t('import.intro')}</Typography.Paragraph>
      {error && <Alert type="error" role="alert" showIcon title={error} className="console-alert" data-testid="import-error" />}
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Space wrap>
          <label htmlFor="import-kind">{t('import.kind')}</label>
          <Select<ImportKind>
            id="import-kind"
            data-testid="import-kind"
            value={kind}
            style={{ minWidth: 180 }}
            onChange={(k) => {
              setKind(k);
              setJob(null);
              setDryRun(null);
            }}
            options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`import.kinds.${k}`) }))}
          />
        </Space>
        <Upload.Dragger
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          disabled={busy}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
          data-testid="import-upload"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined aria-hidden />
          </p>
          <p className="ant-upload-text">{t('import.drop')}</p>
          <p className="ant-upload-hint">{t('import.formats')}</p>
        </Upload.Dragger>
        {job && (
          <>
            <Typography.Text data-testid="import-file">
              {t('import.file', { name: job.fileName, rows: job.rows, format: job.format.toUpperCase(), encoding: job.encoding ?? '—' })}
            </Typography.Text>
            {job.looksLike && <Alert type="warning" showIcon title={t('import.looksLike', { kind: t(`import.kinds.${job.looksLike}`) })} />}
            <Space wrap>
              <Select
                aria-label={t('import.profile')}
                placeholder={t('import.profile')}
                style={{ minWidth: 200 }}
                allowClear
                options={profiles.map((p) => ({ value: p.name, label: p.name }))}
                onChange={(name: string | undefined) => {
                  const found = profiles.find((p) => p.name === name);
                  setMapping(found ? found.mapping : job.suggestedMapping);
                }}
              />
              <Input aria-label={t('import.saveAs')} placeholder={t('import.saveAs')} value={saveAs} maxLength={60} onChange={(e) => setSaveAs(e.target.value)} style={{ width: 220 }} />
            </Space>
            <MappingTable job={job} mapping={mapping} onChange={setMapping} />
            <Space wrap>
              <Button type="primary" onClick={() => void check()} loading={busy} data-testid="import-dry-run-button">
                {t('import.dryRun')}
              </Button>
              {dryRun && (
                <Button onClick={() => void report()} data-testid="import-report">
                  {t('import.downloadReport')}
                </Button>
              )}
            </Space>
          </>
        )}
        {dryRun && <DryRunReport dryRun={dryRun} />}
        {dryRun && !committed && (
          <Space wrap>
            <Checkbox checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)} data-testid="import-valid-only">
              {t('import.validOnly')}
            </Checkbox>
            <Button type="primary" danger={validOnly} disabled={blocked || dryRun.summary.toWrite === 0} onClick={() => void commit()} loading={busy} data-testid="import-commit">
              {t('import.commit', { rows: dryRun.summary.toWrite })}
            </Button>
            {blocked && <Typography.Text>{t('import.blocked', { errors: dryRun.summary.errors })}</Typography.Text>}
          </Space>
        )}
        {committed && (
          <Alert
            data-testid="import-committed"
            type={committed.partial ? 'warning' : 'success'}
            showIcon
            title={committed.partial ? t('import.partial', { written: committed.written, skipped: committed.skipped }) : t('import.done', { written: committed.written, already: committed.alreadyImported })}
          />
        )}
      </Space>
    </section>
  );
}
