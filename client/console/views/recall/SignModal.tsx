import { Alert, Form, Modal } from 'antd';
import { useState } from 'react';
import type { SignatureMeaning } from '../../../../domain/lots';
import { failureText } from '../../../hooks/useApiRead';
import { SignatureItems } from '../../SignatureItems';

export interface Signature {
  meaning: SignatureMeaning;
  reason: string;
  password: string;
}

interface Props {
  open: boolean;
  title: string;
  meanings: readonly SignatureMeaning[];
  signer: string;
  submitLabel: string;
  testId?: string;
  onClose(): void;
  /** Throws the server's refusal: the modal stays open and says why; the password is cleared either way. */
  onSign(signature: Signature): Promise<void>;
}

/** An electronic signature on its own: a recall step, a gap explained. Closes only once signed. */
export function SignModal({ open, title, meanings, signer, submitLabel, testId = 'sign-form', onClose, onSign }: Props) {
  const [form] = Form.useForm<Signature>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setError(null);
    onClose();
  };
  return (
    <Modal title={title} open={open} destroyOnHidden footer={null} onCancel={close} data-testid={testId}>
      {error && <Alert type="error" role="alert" showIcon title={error} className="console-alert" data-testid="recall-step-error" />}
      <Form<Signature>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ meaning: meanings[0] }}
        onFinish={async (signature) => {
          setBusy(true);
          try {
            await onSign({ ...signature, reason: signature.reason.trim() });
            setError(null);
            onClose();
          } catch (e) {
            setError(failureText(e));
          } finally {
            form.setFieldValue('password', '');
            setBusy(false);
          }
        }}
      >
        <SignatureItems meanings={meanings} signer={signer} submitLabel={submitLabel} busy={busy} />
      </Form>
    </Modal>
  );
}
