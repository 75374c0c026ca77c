import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTACT_METHODS, CONTACT_STEPS, type CheckedConsignee, type ContactMethod, type ContactStep } from '../../domain/recall';
import type { ContactRecord } from '../api/recall-effectiveness';
import { ChoiceField, ConsigneeField } from './EffectivenessFields';

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
        <ConsigneeField name="contact-customer" consignees={consignees} value={customerCode} onChange={setCustomerCode} />
        <ChoiceField name="contact-step" label={t('recall.effectiveness.stepLabel')} group="step" choices={CONTACT_STEPS} value={step} onChange={setStep} />
        <ChoiceField name="contact-method" label={t('recall.effectiveness.methodLabel')} group="method" choices={CONTACT_METHODS} value={method} onChange={setMethod} />
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
