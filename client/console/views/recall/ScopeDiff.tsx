import { Alert, Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readScopeDiff, type ScopeDiff as Diff } from '../../../api/recalls';
import { failureText } from '../../../hooks/useApiRead';

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
      setError(failureText(e));
    } finally {
      setBusy(false);
    }
  }

  const changes = diff && !diff.unchanged
    ? [
        ...(diff.lotsAdded.length > 0 ? [{ key: 'added', text: t('recall.diff.lotsAdded', { count: diff.lotsAdded.length, lots: diff.lotsAdded.slice(0, 10).map((l) => l.lotNumber).join(', ') }) }] : []),
        ...(diff.lotsGone.length > 0 ? [{ key: 'gone', text: t('recall.diff.lotsGone', { count: diff.lotsGone.length, lots: diff.lotsGone.slice(0, 10).map((l) => l.lotNumber).join(', ') }) }] : []),
        ...diff.consignees.map((c) => ({ key: c.customerId, code: c.code, change: c.change, text: t(`recall.diff.consignee.${c.change}`, { code: c.code, name: c.name, frozen: c.frozenShipped, now: c.nowShipped }) })),
      ]
    : [];

  return (
    <div data-testid="recall-scope-diff" className="console-card">
      <Button onClick={() => void compare()} loading={busy} data-testid="recall-compare-scope">
        {t('recall.diff.compare')}
      </Button>
      {error && <Alert type="error" role="alert" showIcon title={error} />}
      {diff?.unchanged && (
        <Typography.Paragraph type="secondary">
          <span data-testid="recall-diff-unchanged">{t('recall.diff.unchanged')}</span>
        </Typography.Paragraph>
      )}
      {changes.length > 0 && (
        <ul data-testid="recall-diff-changes" className="recall-diff-list">
          {changes.map((c) => (
            <li key={c.key} data-code={'code' in c ? c.code : undefined} data-change={'change' in c ? c.change : undefined}>
              {c.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
