import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScopeDiff as Diff } from '../../domain/recall';
import { ApiError } from '../api/client';
import { readScopeDiff } from '../api/recalls';

/**
 * The frozen scope against what the case's input reaches today, read on demand: for a hub lot the
 * comparison walks the whole genealogy again, so it is not redone on every view of the case.
 */
export function ScopeDiff({ token, caseId }: { token: string; caseId: string }) {
  const { t } = useTranslation();
  const [diff, setDiff] = useState<Diff | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function compare() {
    setBusy(true);
    try {
      setDiff(await readScopeDiff(token, caseId));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="scope-diff" data-testid="recall-scope-diff">
      <button type="button" className="secondary" onClick={() => void compare()} disabled={busy} data-testid="recall-compare-scope">
        {t('recall.diff.compare')}
      </button>
      {error && (
        <p className="scan-message error" role="alert">
          {error}
        </p>
      )}
      {diff?.unchanged && <p className="hint" data-testid="recall-diff-unchanged">{t('recall.diff.unchanged')}</p>}
      {diff && !diff.unchanged && (
        <ul data-testid="recall-diff-changes">
          {diff.lotsAdded.length > 0 && <li>{t('recall.diff.lotsAdded', { count: diff.lotsAdded.length, lots: diff.lotsAdded.slice(0, 10).map((l) => l.lotNumber).join(', ') })}</li>}
          {diff.lotsGone.length > 0 && <li>{t('recall.diff.lotsGone', { count: diff.lotsGone.length, lots: diff.lotsGone.slice(0, 10).map((l) => l.lotNumber).join(', ') })}</li>}
          {diff.consignees.map((c) => (
            <li key={c.customerId} data-code={c.code} data-change={c.change}>
              {t(`recall.diff.consignee.${c.change}`, { code: c.code, name: c.name, frozen: c.frozenShipped, now: c.nowShipped })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
