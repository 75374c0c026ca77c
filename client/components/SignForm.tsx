import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignatureMeaning } from '../../domain/lots';

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

/** An electronic signature as QC signs a status change: what it means, why, and the password again. */
export function SignForm({ title, meanings, signer, submitLabel, busy, testId = 'sign-form', onSign }: Props) {
  const { t } = useTranslation();
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
      <label>
        <span className="field-label">{t('qc.reason')}</span>
        <textarea name="signReason" required value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <label>
        <span className="field-label">{t('qc.meaning')}</span>
        <select name="meaning" value={meaning} onChange={(e) => setMeaning(e.target.value as SignatureMeaning)}>
          {meanings.map((m) => (
            <option key={m} value={m}>
              {t(`lots.meaning.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="field-label">{t('qc.password')}</span>
        <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <p className="hint">{t('qc.signNotice', { name: signer })}</p>
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
    </form>
  );
}
