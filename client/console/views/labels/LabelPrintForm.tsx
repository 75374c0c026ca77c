import { Button, Card, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/client';
import { findLots } from '../../../api/lots';
import { printLabels, type Printer, type TemplateVersion } from '../../../api/printing';
import type { StoredSession } from '../../../session/session';

interface Fields {
  lot: string;
  template: string;
  printer: string;
  quantity: number;
}

/** Prints labels for one lot on a chosen printer with an approved template. */
export function LabelPrintForm({ session, printers, versions, onPrinted, onError }: { session: StoredSession; printers: Printer[]; versions: TemplateVersion[]; onPrinted(count: number, warnings: string[]): void; onError(e: unknown): void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const approved = versions.filter((v) => v.status === 'approved');
  const required = { required: true, message: t('consoleForm.required') };

  async function submit({ lot, template, printer, quantity }: Fields) {
    try {
      const lots = await findLots(session.token, lot.trim());
      if (lots.length !== 1) throw new ApiError(404, 'not_found', t(lots.length === 0 ? 'lots.notFound' : 'trace.ambiguous', { lot }));
      const queued = await printLabels(session.token, { lotId: lots[0]!.id, template, printer, quantity });
      // A warning (an item with no UDI record to check the label against) rides along with the count.
      onPrinted(queued.jobIds.length, queued.warnings);
    } catch (e) {
      onError(e);
    }
  }

  return (
    <Card size="small" title={t('labels.print')} className="console-card">
      <Form<Fields> form={form} layout="vertical" initialValues={{ template: 'lot-gs1', quantity: 1 }} onFinish={(v) => void submit(v)} data-testid="print-form" className="console-form-grid">
        <Form.Item name="lot" label={t('trace.lot')} rules={[{ ...required, whitespace: true }, { max: 20 }]}>
          <Input name="lot" placeholder={t('qc.findLot')} spellCheck={false} />
        </Form.Item>
        <Form.Item name="template" label={t('labels.template')} rules={[required]}>
          <Select data-testid="print-template" options={approved.map((v) => ({ value: v.name, label: `${v.name} v${v.version}` }))} />
        </Form.Item>
        <Form.Item name="printer" label={t('labels.printer')} rules={[required]}>
          <Select data-testid="print-printer" options={printers.map((p) => ({ value: p.name, label: p.name }))} />
        </Form.Item>
        <Form.Item name="quantity" label={t('labels.quantity')} rules={[required, { type: 'number', min: 1, max: 10_000 }]}>
          <InputNumber name="quantity" min={1} max={10_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label=" ">
          <Button type="primary" htmlType="submit">
            {t('labels.printButton')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
