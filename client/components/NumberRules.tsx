import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { submitThenReload, useApiList } from '../hooks/useApiList';

interface NumberRule {
  id: string;
  name: string;
  kind: 'lot' | 'serial' | 'document';
  pattern: string;
  reset: 'day' | 'month' | 'year' | 'never';
  siteCode: string;
  lineCode: string;
  check: 'none' | 'mod10' | 'mod37';
}

const EMPTY = { name: '', kind: 'lot', pattern: '{SITE}{YYMMDD}{SEQ:4}', reset: 'day', siteCode: '', lineCode: '', check: 'none' } as const;

/**
 * Lot, serial and document number rules. The server refuses a rule whose numbers could repeat
 * within a reset period or break GS1's 20 characters, and says why; only an administrator adds one.
 */
export function NumberRules({ token, canEdit }: { token: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const list = useApiList<NumberRule>(token, '/api/number-rules', 'rules');
  const [draft, setDraft] = useState<Omit<NumberRule, 'id' | 'kind' | 'reset' | 'check'> & { kind: string; reset: string; check: string }>({ ...EMPTY });

  async function add(event: FormEvent) {
    event.preventDefault();
    if (await submitThenReload(() => api('/api/number-rules', { method: 'POST', token, body: JSON.stringify(draft) }), list)) setDraft({ ...EMPTY });
  }

  const field = (name: keyof typeof draft, options?: readonly string[]) =>
    options ? (
      <select aria-label={t(`numberRules.${name}`)} value={draft[name]} onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))}>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    ) : (
      <input aria-label={t(`numberRules.${name}`)} placeholder={t(`numberRules.${name}`)} value={draft[name]} onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))} />
    );

  return (
    <div data-testid="number-rules">
      <h3>{t('numberRules.title')}</h3>
      {list.error && (
        <p className="scan-message error" role="alert">
          {list.error}
        </p>
      )}
      <table className="grid">
        <tbody>
          {list.items.map((r) => (
            <tr key={r.id}>
              <td>{r.name}</td>
              <td>{r.kind}</td>
              <td>
                <code>{r.pattern}</code>
              </td>
              <td>{t('numberRules.resets', { reset: r.reset })}</td>
              <td>{[r.siteCode, r.lineCode, r.check !== 'none' ? r.check : ''].filter(Boolean).join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit && (
        <form className="inline-form" onSubmit={(e) => void add(e)}>
          {field('name')}
          {field('kind', ['lot', 'serial', 'document'])}
          {field('pattern')}
          {field('reset', ['day', 'month', 'year', 'never'])}
          {field('siteCode')}
          {field('lineCode')}
          {field('check', ['none', 'mod10', 'mod37'])}
          <button type="submit" className="primary">
            {t('numberRules.add')}
          </button>
        </form>
      )}
      <p className="hint">{t('numberRules.help')}</p>
    </div>
  );
}
