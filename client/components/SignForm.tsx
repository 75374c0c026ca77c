import { useState, type FormEvent } from 'react';
import type { SignatureMeaning } from '../../domain/lots';
import { SignatureFields } from './SignatureFields';

export interface Signature {
  meaning: SignatureMeaning;
  reason: string;
  password: string;
}

interface Props {
  title: string;
  meanings: readonly SignatureMeaning[];
  signer: string;
  submitLabel: string;
  busy: boolean;
  testId?: string;
  /** Resolves true once signed: the password is then cleared, never kept for the next step. */
  onSign(signature: Signature): Promise<boolean>;
}

/** A form that is only an electronic signature: a recall step, a disposition, a gap explained. */
export function SignForm({ title, meanings, signer, submitLabel, busy, testId = 'sign-form', onSign }: Props) {
  const [meaning, setMeaning] = useState<SignatureMeaning | ''>(meanings[0] ?? '');
  const [reason, setReason] = useState('');
  const [password, setPassword] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!meaning) return;
    const done = await onSign({ meaning, reason: reason.trim(), password });
    setPassword('');
    if (done) setReason('');
  }

  return (
    <form className="sign-form" onSubmit={(e) => void submit(e)} data-testid={testId}>
      <h4>{title}</h4>
      <SignatureFields meanings={meanings} meaning={meaning} onMeaning={setMeaning} reason={reason} onReason={setReason} password={password} onPassword={setPassword} signer={signer} submitLabel={submitLabel} busy={busy} />
    </form>
  );
}
