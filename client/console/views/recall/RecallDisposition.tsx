import { Alert, Card, Col, Form, Input, InputNumber, Radio, Row, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignatureMeaning } from '../../../../domain/lots';
import { DISPOSITION_ACTIONS, type DispositionAction } from '../../../../domain/recall';
import { recordDisposition } from '../../../api/recall-recovery';
import { failureText } from '../../../hooks/useApiRead';
import type { StoredSession } from '../../../session/session';
import { SignatureItems } from '../../SignatureItems';

const MEANINGS = ['approved', 'reviewed'] as const;

type Fields = { lotId: string; action: DispositionAction; qty: number; witness: string; witnessPassword: string; reason: string; meaning: SignatureMeaning; password: string };

interface Props {
  session: StoredSession;
  caseId: string;
  lots: readonly { lotId: string; lotNumber: string }[];
  onRecorded(): Promise<void>;
}

/**
 * What becomes of returned units: QA signs, and a second person witnesses with their own password
 * (destruction of recalled devices is the step regulators ask to see witnessed).
 */
export function RecallDisposition({ session, caseId, lots, onRecorded }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Fields>();
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const required = { required: true, whitespace: true, message: t('consoleForm.required') };

  async function sign({ lotId, action, qty, witness, witnessPassword, reason, meaning, password }: Fields) {
    setBusy(true);
    try {
      await recordDisposition(session.token, caseId, { lotId, action, qty, note: reason.trim(), meaning, password, witness: { username: witness.trim(), password: witnessPassword } });
      const lot = lots.find((l) => l.lotId === lotId)?.lotNumber ?? '';
      setMessage({ kind: 'success', text: t('recall.disposition.recorded', { qty, lot, action: t(`recall.disposition.action.${action}`) }) });
      form.resetFields(['qty', 'reason']);
      await onRecorded();
    } catch (e) {
      setMessage({ kind: 'error', text: failureText(e) });
    } finally {
      // Neither password stays in the form for the next signature.
      form.setFieldsValue({ password: '', witnessPassword: '' });
      setBusy(false);
    }
  }

  return (
    <Card size="small" className="console-card" title={t('recall.disposition.title')} data-testid="recall-disposition-form">
      <Form<Fields> form={form} layout="vertical" initialValues={{ lotId: lots[0]?.lotId, action: 'destroy', meaning: MEANINGS[0] }} onFinish={(v) => void sign(v)}>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="lotId" label={t('recall.disposition.lot')} rules={[{ required: true, message: t('consoleForm.required') }]}>
              <Select options={lots.map((l) => ({ value: l.lotId, label: l.lotNumber }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="action" label={t('recall.disposition.actionLabel')}>
              <Radio.Group name="dispositionAction" optionType="button" options={DISPOSITION_ACTIONS.map((a) => ({ value: a, label: t(`recall.disposition.action.${a}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="qty" label={t('recall.disposition.qty')} rules={[{ required: true, message: t('recall.disposition.badQty') }, { type: 'number', min: 0.000001, message: t('recall.disposition.badQty') }]}>
              <InputNumber name="dispositionQty" min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="witness" label={t('recall.disposition.witness')} rules={[required]}>
              <Input name="witness" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="witnessPassword" label={t('recall.disposition.witnessPassword')} rules={[{ required: true, message: t('consoleForm.required') }]}>
              <Input.Password name="witnessPassword" autoComplete="off" />
            </Form.Item>
          </Col>
        </Row>
        <SignatureItems meanings={MEANINGS} signer={session.user.displayName} submitLabel={t('recall.disposition.sign')} busy={busy} />
      </Form>
      {message && (
        <div data-testid="recall-disposition-message" className="recall-disposition-message">
          <Alert type={message.kind} role={message.kind === 'error' ? 'alert' : 'status'} showIcon title={message.text} />
        </div>
      )}
    </Card>
  );
}
