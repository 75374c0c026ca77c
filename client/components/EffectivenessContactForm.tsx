import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_METHODS, CONTACT_STEPS, type CheckedConsignee, type ContactMethod, type ContactStep } from '../../domain/recall';
import type { ContactRecord } from '../api/recall-effectiveness';

interface Props {
  consignees: readonly CheckedConsignee[];
  busy: boolean;
  onRecord(contact: ContactRecord): Promise<boolean>;
}

/** Records an attempt to reach a drawn consignee: the step of the ladder, how, and when it was made (now unless given). */
export function EffectivenessContactForm({ consignees, busy, onRecord }: Props) {
  const { t } = useTranslation();
  const [customerCode, setCustomerCode] = useState(consignees[0]?.code ?? '');
  const [step, setStep] = useState<ContactStep>('repeat_contact');
  const [method, setMethod] = useState<ContactMethod>('phone');
  const [at, setAt] = useState('');
  const [note, setNote] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    // The field is in the console's own time; the server wants the instant.
    const done = await onRecord({ customerCode, step, method, ...(at ? { at: new Date(at).toISOString() } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
    if (done) {
      setAt('');
      setNote('');
    }
  }

  return (
    <form className="recall-form" onSubmit={(e) => void submit(e)} data-testid="effectiveness-contact-form">
      <fieldset>
        <legend>{t('recall.effectiveness.contactTitle')}</legend>
        <label>
          <span className="field-label">{t('recall.scope.customer')}</span>
          <select name="contact-customer" value={customerCode} onChange={(e) => setCustomerCode(e.target.value)}>
            {consignees.map((c) => (
              <option key={c.customerId} value={c.code}>
                {c.code} · {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="field-label">{t('recall.effectiveness.stepLabel')}</span>
          <select name="contact-step" value={step} onChange={(e) => setStep(e.target.value as ContactStep)}>
            {CONTACT_STEPS.map((s) => (
              <option key={s} value={s}>
                {t(`recall.effectiveness.step.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="field-label">{t('recall.effectiveness.methodLabel')}</span>
          <select name="contact-method" value={method} onChange={(e) => setMethod(e.target.value as ContactMethod)}>
            {CONTACT_METHODS.map((m) => (
              <option key={m} value={m}>
                {t(`recall.effectiveness.method.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span className="field-label">{t('recall.effectiveness.contactAt')}</span>
          <input type="datetime-local" name="contact-at" value={at} onChange={(e) => setAt(e.target.value)} />
        </label>
        <label>
          <span className="field-label">{t('recall.effectiveness.note')}</span>
          <input type="text" name="contact-note" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !customerCode} data-testid="effectiveness-contact-submit">
            {t('recall.effectiveness.recordContact')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
