import { Alert, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadlineKind } from '../../../../domain/recall';
import { caseEvents, recordLettersSent, type CaseEvent } from '../../../api/recall-reports';
import type { RecallCase } from '../../../api/recalls';
import { failureText, useApiRead } from '../../../hooks/useApiRead';
import { EmptyText } from './EmptyText';
import { useTime } from '../../useTime';

const METHODS = ['letter', 'email', 'fax', 'courier', 'visit'] as const;

type Fields = { deadline: DeadlineKind; on: Dayjs; method: (typeof METHODS)[number]; count: number; note?: string };

interface Props {
  token: string;
  recall: RecallCase;
  /** The case's clocks a notice can meet; the NMPA consignee notice first when the case has one. */
  deadlines: readonly DeadlineKind[];
  consignees: number;
}

/**
 * The day the notices went out, how and to how many consignees: it meets the clock waiting for
 * them and starts the "initiation to letters sent" KPI. Neither before the case opened nor in the future.
 */
export function LettersSent({ token, recall, deadlines, consignees }: Props) {
  const { t } = useTranslation();
  const time = useTime();
  const { value: events, reload } = useApiRead(useCallback(() => caseEvents(token, recall.id), [token, recall.id]));
  const [form] = Form.useForm<Fields>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const sent = (events ?? []).filter((e) => e.kind === 'letters_sent');
  const opened = recall.openedAt ? dayjs(recall.openedAt).startOf('day') : null;
  const ordered = [...deadlines].sort((a, b) => Number(b === 'nmpa_notice') - Number(a === 'nmpa_notice'));

  return (
    <section data-testid="letters-sent" aria-labelledby="letters-sent-title">
      <div className="console-table-head">
        <Typography.Title level={4} id="letters-sent-title">
          {t('recall.lettersSent.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setOpen(true)} disabled={ordered.length === 0} data-testid="letters-sent-record">
          {t('recall.lettersSent.record')}
        </Button>
      </div>
      {ordered.length === 0 && <Typography.Paragraph type="secondary">{t('recall.lettersSent.noClock')}</Typography.Paragraph>}
      <Table<CaseEvent>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={sent}
        locale={{ emptyText: <EmptyText>{t('recall.lettersSent.none')}</EmptyText> }}
        data-testid="letters-sent-table"
        columns={[
          { key: 'on', title: t('recall.lettersSent.on'), dataIndex: 'happenedOn' },
          { key: 'method', title: t('recall.lettersSent.method'), render: (_, e) => (e.detail.method ? t(`recall.lettersSent.methods.${e.detail.method}`, { defaultValue: e.detail.method }) : '—') },
          { key: 'count', title: t('recall.lettersSent.count'), render: (_, e) => e.detail.count ?? '—' },
          { key: 'deadline', title: t('recall.clocks.deadline'), render: (_, e) => (e.deadline ? t(`recall.clocks.kind.${e.deadline}`) : '—') },
          { key: 'by', title: t('recall.lettersSent.recordedBy'), render: (_, e) => `${e.recorderName} · ${time(e.recordedAt)}` },
        ]}
      />
      <Modal
        title={t('recall.lettersSent.modalTitle', { number: recall.number })}
        open={open}
        destroyOnHidden
        okText={t('recall.lettersSent.record')}
        cancelText={t('consoleForm.cancel')}
        confirmLoading={busy}
        onCancel={() => {
          setOpen(false);
          setError(null);
        }}
        onOk={() => form.submit()}
        data-testid="letters-sent-modal"
      >
        {error && <Alert type="error" role="alert" showIcon title={error} className="console-alert" data-testid="letters-sent-error" />}
        <Form<Fields>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ deadline: ordered[0], on: dayjs(), method: 'letter', count: consignees > 0 ? consignees : undefined }}
          onFinish={async ({ on, note, ...fields }) => {
            setBusy(true);
            try {
              await recordLettersSent(token, recall.id, { ...fields, on: on.format('YYYY-MM-DD'), ...(note?.trim() ? { note: note.trim() } : {}) });
              setOpen(false);
              setError(null);
              await reload();
            } catch (e) {
              setError(failureText(e));
            } finally {
              setBusy(false);
            }
          }}
        >
          <Form.Item name="deadline" label={t('recall.clocks.deadline')} rules={[{ required: true, message: t('consoleForm.required') }]}>
            <Select options={ordered.map((d) => ({ value: d, label: t(`recall.clocks.kind.${d}`) }))} />
          </Form.Item>
          <Form.Item name="on" label={t('recall.lettersSent.on')} rules={[{ required: true, message: t('consoleForm.required') }]}>
            <DatePicker name="letters-on" disabledDate={(d) => d.isAfter(dayjs(), 'day') || (opened !== null && d.isBefore(opened, 'day'))} allowClear={false} />
          </Form.Item>
          <Form.Item name="method" label={t('recall.lettersSent.method')} rules={[{ required: true, message: t('consoleForm.required') }]}>
            <Select options={METHODS.map((m) => ({ value: m, label: t(`recall.lettersSent.methods.${m}`) }))} />
          </Form.Item>
          <Form.Item name="count" label={t('recall.lettersSent.count')} rules={[{ required: true, message: t('recall.lettersSent.countRule') }, { type: 'integer', min: 1, max: 1_000_000, message: t('recall.lettersSent.countRule') }]}>
            <InputNumber name="letters-count" precision={0} />
          </Form.Item>
          <Form.Item name="note" label={t('recall.effectiveness.note')} rules={[{ max: 2000 }]}>
            <Input.TextArea name="letters-note" autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Form>
      </Modal>
    </section>
  );
}
