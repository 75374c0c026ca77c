import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignatureMeaning } from '../../domain/lots';
import { DISPOSITION_ACTIONS, type DispositionAction } from '../../domain/recall';
import { ApiError } from '../api/client';
import { recordDisposition } from '../api/recall-recovery';
import type { StoredSession } from '../session/session';
import { SignatureFields } from './SignatureFields';

const MEANINGS = ['approved', 'reviewed'] as const;

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
  const [lotId, setLotId] = useState(lots[0]?.lotId ?? '');
  const [action, setAction] = useState<DispositionAction>('destroy');
  const [qty, setQty] = useState('');
  const [meaning, setMeaning] = useState<SignatureMeaning | ''>(MEANINGS[0]);
  const [reason, setReason] = useState('');
  const [password, setPassword] = useState('');
  const [witness, setWitness] = useState('');
  const [witnessPassword, setWitnessPassword] = useState('');
  const [message, setMessage] = useState<{ kind: 'good' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const amount = Number(qty.trim());
    if (!meaning || !lotId) return;
    if (!Number.isFinite(amount) || amount <= 0) return setMessage({ kind: 'error', text: t('recall.disposition.badQty') });
    setBusy(true);
    try {
      await recordDisposition(session.token, caseId, { lotId, action, qty: amount, note: reason.trim(), meaning, password, witness: { username: witness.trim(), password: witnessPassword } });
      const lot = lots.find((l) => l.lotId === lotId)?.lotNumber ?? '';
      setMessage({ kind: 'good', text: t('recall.disposition.recorded', { qty: amount, lot, action: t(`recall.disposition.action.${action}`) }) });
      setQty('');
      setReason('');
      await onRecorded();
    } catch (e) {
      setMessage({ kind: 'error', text: e instanceof ApiError ? e.message : String(e) });
    } finally {
      setPassword('');
      setWitnessPassword('');
      setBusy(false);
    }
  }

  return (
    <form className="sign-form" onSubmit={(e) => void submit(e)} data-testid="recall-disposition-form">
      <h5>{t('recall.disposition.title')}</h5>
      <label>
        <span className="field-label">{t('recall.disposition.lot')}</span>
        <select name="dispositionLot" value={lotId} onChange={(e) => setLotId(e.target.value)}>
          {lots.map((l) => (
            <option key={l.lotId} value={l.lotId}>
              {l.lotNumber}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="field-label">{t('recall.disposition.actionLabel')}</span>
        <select name="dispositionAction" value={action} onChange={(e) => setAction(e.target.value as DispositionAction)}>
          {DISPOSITION_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`recall.disposition.action.${a}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="field-label">{t('recall.disposition.qty')}</span>
        <input name="dispositionQty" inputMode="decimal" required value={qty} onChange={(e) => setQty(e.target.value)} />
      </label>
      <label>
        <span className="field-label">{t('recall.disposition.witness')}</span>
        <input name="witness" autoComplete="off" required value={witness} onChange={(e) => setWitness(e.target.value)} />
      </label>
      <label>
        <span className="field-label">{t('recall.disposition.witnessPassword')}</span>
        <input name="witnessPassword" type="password" autoComplete="off" required value={witnessPassword} onChange={(e) => setWitnessPassword(e.target.value)} />
      </label>
      <SignatureFields meanings={MEANINGS} meaning={meaning} onMeaning={setMeaning} reason={reason} onReason={setReason} password={password} onPassword={setPassword} signer={session.user.displayName} submitLabel={t('recall.disposition.sign')} busy={busy} />
      {message && (
        <p className={`scan-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="recall-disposition-message">
          {message.text}
        </p>
      )}
    </form>
  );
}
