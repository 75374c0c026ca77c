import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHECK_METHODS, type CheckMethod, type CheckedConsignee } from '../../domain/recall';
import type { CheckRecord } from '../api/recall-effectiveness';
import { ChoiceField, ConsigneeField } from './EffectivenessFields';

interface Props {
  consignees: readonly CheckedConsignee[];
  busy: boolean;
  onRecord(check: CheckRecord): Promise<boolean>;
}

type Answer = '' | 'yes' | 'no';
const asBoolean = (a: Answer) => (a === '' ? undefined : a === 'yes');

/** Records what a check of a drawn consignee found; the questions about the notice are asked only of one who was reached. */
export function EffectivenessCheckForm({ consignees, busy, onRecord }: Props) {
  const { t } = useTranslation();
  const [customerCode, setCustomerCode] = useState(consignees[0]?.code ?? '');
  const [method, setMethod] = useState<CheckMethod>('phone');
  const [reached, setReached] = useState(true);
  const [receivedNotice, setReceivedNotice] = useState<Answer>('');
  const [followedInstructions, setFollowedInstructions] = useState<Answer>('');
  const [onHand, setOnHand] = useState('');
  const [note, setNote] = useState('');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const received = asBoolean(receivedNotice);
    const followed = asBoolean(followedInstructions);
    const check: CheckRecord = {
      customerCode,
      method,
      reached,
      ...(reached && received !== undefined ? { receivedNotice: received } : {}),
      ...(reached && followed !== undefined ? { followedInstructions: followed } : {}),
      ...(reached && onHand.trim() !== '' ? { onHand: Number(onHand) } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    if (await onRecord(check)) {
      setReceivedNotice('');
      setFollowedInstructions('');
      setOnHand('');
      setNote('');
    }
  }

  const answer = (name: string, label: string, value: Answer, set: (a: Answer) => void) => (
    <label>
      <span className="field-label">{label}</span>
      <select name={name} value={value} disabled={!reached} onChange={(e) => set(e.target.value as Answer)}>
        <option value="">{t('recall.form.choose')}</option>
        <option value="yes">{t('recall.effectiveness.yes')}</option>
        <option value="no">{t('recall.effectiveness.no')}</option>
      </select>
    </label>
  );

  return (
    <form className="recall-form" onSubmit={(e) => void submit(e)} data-testid="effectiveness-check-form">
      <fieldset>
        <legend>{t('recall.effectiveness.checkTitle')}</legend>
        <ConsigneeField name="check-customer" consignees={consignees} value={customerCode} onChange={setCustomerCode} />
        <ChoiceField name="check-method" label={t('recall.effectiveness.methodLabel')} group="method" choices={CHECK_METHODS} value={method} onChange={setMethod} />
        <label className="check">
          <input type="checkbox" name="check-reached" checked={reached} onChange={(e) => setReached(e.target.checked)} /> {t('recall.effectiveness.reached')}
        </label>
        {answer('check-received', t('recall.effectiveness.receivedNotice'), receivedNotice, setReceivedNotice)}
        {answer('check-followed', t('recall.effectiveness.followedInstructions'), followedInstructions, setFollowedInstructions)}
        <label>
          <span className="field-label">{t('recall.effectiveness.onHand')}</span>
          <input type="number" name="check-on-hand" min={0} step="any" inputMode="decimal" value={onHand} disabled={!reached} onChange={(e) => setOnHand(e.target.value)} />
        </label>
        <label>
          <span className="field-label">{t('recall.effectiveness.note')}</span>
          <input type="text" name="check-note" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
        </label>
        <div className="actions">
          <button type="submit" className="primary" disabled={busy || !customerCode} data-testid="effectiveness-check-submit">
            {t('recall.effectiveness.recordCheck')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
