import { Form, Input, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ReasonFormModalProps<S, F extends { reason: string }> {
  /** What the action is about (an account, a subscription, a label); the modal is open while there is one. */
  subject: S | null;
  title(subject: S): string;
  /** Stable test id, the same one the modal had before it shared this shell. */
  testId: string;
  /** Ids of the fields become `${formName}_${field}` when given. */
  formName?: string;
  /** Pass one when the caller watches a field; otherwise the shell makes its own. */
  form?: FormInstance<F>;
  initialValues?(subject: S): Partial<Omit<F, 'reason'>>;
  /** Shown above the form, also while the modal closes (help text, the server's refusal). */
  intro?: ReactNode;
  /** The action's own fields; the reason comes after them. */
  children?(subject: S): ReactNode;
  onCancel(): void;
  /** Runs with the reason trimmed; the confirm button spins until it settles, and the modal stays open unless the caller closes it. */
  onConfirm(values: F, subject: S): Promise<void>;
}

/**
 * The scaffold of an audited console action that needs more than a reason: a title, the action's
 * own fields, the reason the audit trail keeps (required, at most 500 characters, not blank), and
 * confirm/cancel. Each action keeps its fields and what it does with them.
 */
export function ReasonFormModal<S, F extends { reason: string }>({ subject, title, testId, formName, form: given, initialValues, intro, children, onCancel, onConfirm }: ReasonFormModalProps<S, F>) {
  const { t } = useTranslation();
  const [form] = Form.useForm<F>(given);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      title={subject !== null ? title(subject) : ''}
      open={subject !== null}
      destroyOnHidden
      okText={t('consoleForm.confirm')}
      cancelText={t('consoleForm.cancel')}
      confirmLoading={busy}
      onCancel={onCancel}
      onOk={() => form.submit()}
      data-testid={testId}
    >
      {intro}
      {subject !== null && (
        <Form<F>
          form={form}
          name={formName}
          layout="vertical"
          preserve={false}
          initialValues={initialValues?.(subject)}
          onFinish={(values) => {
            setBusy(true);
            void onConfirm({ ...values, reason: values.reason.trim() }, subject).finally(() => setBusy(false));
          }}
        >
          {children?.(subject)}
          <Form.Item name="reason" label={t('consoleForm.reason')} rules={[{ required: true, whitespace: true, message: t('consoleForm.reasonRequired') }, { max: 500 }]}>
            <Input.TextArea name="reason" autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
