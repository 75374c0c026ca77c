import { useTranslation } from 'react-i18next';
import type { SignatureMeaning } from '../../domain/lots';

interface Props {
  meanings: readonly SignatureMeaning[];
  meaning: SignatureMeaning | '';
  onMeaning(meaning: SignatureMeaning): void;
  reason: string;
  onReason(reason: string): void;
  /** The reason field's form name: the QC page has kept `reason` since before signatures were shared. */
  reasonName?: string;
  password: string;
  onPassword(password: string): void;
  signer: string;
  submitLabel: string;
  busy: boolean;
}

/**
 * The part every electronic signature asks for, in the same order everywhere (21 CFR 11.50: the
 * meaning, the reason, and the signer's password again), ending with the button that signs.
 */
export function SignatureFields({ meanings, meaning, onMeaning, reason, onReason, reasonName = 'signReason', password, onPassword, signer, submitLabel, busy }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        <span className="field-label">{t('qc.reason')}</span>
        <textarea name={reasonName} required value={reason} onChange={(e) => onReason(e.target.value)} />
      </label>
      <label>
        <span className="field-label">{t('qc.meaning')}</span>
        <select name="meaning" value={meaning} onChange={(e) => onMeaning(e.target.value as SignatureMeaning)}>
          {meanings.map((m) => (
            <option key={m} value={m}>
              {t(`lots.meaning.${m}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="field-label">{t('qc.password')}</span>
        <input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => onPassword(e.target.value)} />
      </label>
      <p className="hint">{t('qc.signNotice', { name: signer })}</p>
      <button type="submit" className="primary" disabled={busy}>
        {submitLabel}
      </button>
    </>
  );
}
