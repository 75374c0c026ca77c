import { Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { startDrill, type Drill } from '../../../api/recall-reports';
import { failureText } from '../../../hooks/useApiRead';

/** Starts a mock recall of one lot: the server times it and keeps the result; nothing is held or sent. */
export function StartDrill({ token, onDone }: { token: string; onDone(drill: Drill): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(lot: string) {
    // Blank and unknown lots are said in the same place: under the field, where the next try is typed.
    if (lot === '') return setError(t('recall.drillRun.lotRequired'));
    setBusy(true);
    try {
      onDone(await startDrill(token, lot));
      setError(null);
    } catch (e) {
      setError(failureText(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card className="console-card" title={t('recall.drillRun.title')}>
      <Typography.Paragraph type="secondary">{t('recall.drillRun.hint')}</Typography.Paragraph>
      <Form layout="inline" onFinish={({ lot }: { lot?: string }) => void run((lot ?? '').trim())} data-testid="drill-start">
        <Form.Item name="lot" label={t('recall.form.lotNumber')} validateStatus={error ? 'error' : ''} help={error ? <span data-testid="drill-error">{error}</span> : undefined}>
          <Input name="drill-lot" autoComplete="off" style={{ width: 240, maxWidth: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="drill-run">
          {t('recall.drillRun.run')}
        </Button>
      </Form>
    </Card>
  );
}
