import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { startDrill, type Drill } from '../api/recall-reports';

/** Starts a mock recall of one lot: the server times it and keeps the result; nothing is held or sent. */
export function StartDrill({ token, onDone }: { token: string; onDone(drill: Drill): void }) {
  const { t } = useTranslation();
  const [lot, setLot] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (lot.trim() === '') {
      setError(t('recall.drillRun.lotRequired'));
      return;
    }
    setBusy(true);
    try {
      onDone(await startDrill(token, lot.trim()));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="drill-start" onSubmit={(e) => void submit(e)} data-testid="drill-start" noValidate>
      <h3>{t('recall.drillRun.title')}</h3>
      <p className="hint">{t('recall.drillRun.hint')}</p>
      <label>
        {t('recall.form.lotNumber')}
        <input value={lot} onChange={(e) => setLot(e.target.value)} name="drill-lot" autoComplete="off" aria-invalid={error !== null} aria-describedby={error ? 'drill-error' : undefined} />
      </label>
      {error && (
        <p className="scan-message error" role="alert" id="drill-error" data-testid="drill-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="drill-run">
          {t('recall.drillRun.run')}
        </button>
      </div>
    </form>
  );
}
