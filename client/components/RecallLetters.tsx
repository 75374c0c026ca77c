import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LETTER_LANGS, type Jurisdiction, type LetterLang } from '../../domain/recall';
import { ApiError } from '../api/client';
import { fetchLetter, issueReplyCodes, listLetters, type CaseLetters, type ConsigneeLetters } from '../api/recall-letters';
import type { StoredSession } from '../session/session';
import { formatTime } from '../util/format-time';

interface Props {
  session: StoredSession;
  caseId: string;
}

/** The letters of an open case: per consignee, its reply code's state and each letter as PDF or printable page. */
export function RecallLetters({ session, caseId }: Props) {
  const { t, i18n } = useTranslation();
  const [letters, setLetters] = useState<CaseLetters | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const problem = (e: unknown) => setError(e instanceof ApiError ? e.message : String(e));

  const load = useCallback(async () => {
    try {
      setLetters(await listLetters(session.token, caseId));
      setError(null);
    } catch (e) {
      problem(e);
    }
  }, [session.token, caseId]);
  useEffect(() => {
    const first = setTimeout(() => void load(), 0);
    return () => clearTimeout(first);
  }, [load]);

  async function issue() {
    setBusy(true);
    try {
      setLetters(await issueReplyCodes(session.token, caseId));
      setError(null);
    } catch (e) {
      problem(e);
    } finally {
      setBusy(false);
    }
  }

  async function open(c: ConsigneeLetters, format: 'pdf' | 'page', jurisdiction: Jurisdiction, lang: LetterLang) {
    try {
      const blob = await fetchLetter(session.token, caseId, c.customerId, format, jurisdiction, lang);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.target = '_blank';
      link.rel = 'noopener';
      link.click();
      // The new tab has read the blob by then; the URL would otherwise live as long as the console.
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      await load();
    } catch (e) {
      problem(e);
    }
  }

  const status = (c: ConsigneeLetters) => {
    if (!c.replyCode) return t('recall.letters.codeNotIssued');
    if (!c.replyCode.answeredAt) return t('recall.letters.notAnswered');
    return t('recall.letters.answeredAt', { time: formatTime(i18n.resolvedLanguage, c.replyCode.answeredAt, 'dateTimeSeconds') });
  };

  return (
    <section aria-labelledby="recall-letters-title" data-testid="recall-letters">
      <h4 id="recall-letters-title">{t('recall.letters.title')}</h4>
      <p className="hint">{t('recall.letters.hint')}</p>
      {error && (
        <p className="scan-message error" role="alert" data-testid="recall-letters-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void issue()} data-testid="recall-letters-issue">
          {t('recall.letters.issue')}
        </button>
        <button type="button" className="secondary" onClick={() => void load()} data-testid="recall-letters-refresh">
          {t('recall.letters.refresh')}
        </button>
      </div>
      {letters && (
        <table className="grid" data-testid="recall-letters-table">
          <thead>
            <tr>
              <th scope="col">{t('recall.scope.customer')}</th>
              <th scope="col">{t('recall.scope.shipped')}</th>
              <th scope="col">{t('recall.letters.reply')}</th>
              <th scope="col">{t('recall.letters.letters')}</th>
            </tr>
          </thead>
          <tbody>
            {letters.consignees.map((c) => (
              <tr key={c.customerId} data-testid={`letters-${c.code}`}>
                <td>
                  {c.code} · {c.name}
                </td>
                <td>{c.shipped}</td>
                <td data-testid={`letters-status-${c.code}`}>{status(c)}</td>
                <td>
                  {letters.jurisdictions.map((j) => (
                    <div key={j} className="letter-links">
                      <span>{t(`recall.letters.kind.${j}`)}:</span>{' '}
                      {LETTER_LANGS.map((lang) => (
                        <button
                          key={lang}
                          type="button"
                          className="link"
                          onClick={() => void open(c, 'pdf', j, lang)}
                          aria-label={t('recall.letters.pdfFor', { kind: t(`recall.letters.kind.${j}`), lang: t(`recall.letters.lang.${lang}`), customer: c.code })}
                          data-testid={`letter-pdf-${c.code}-${j}-${lang}`}
                        >
                          {t('recall.letters.pdf', { lang: t(`recall.letters.lang.${lang}`) })}
                        </button>
                      ))}{' '}
                      <button
                        type="button"
                        className="link"
                        onClick={() => void open(c, 'page', j, j === 'CN' ? 'zh-CN' : 'en')}
                        aria-label={t('recall.letters.pageFor', { kind: t(`recall.letters.kind.${j}`), customer: c.code })}
                        data-testid={`letter-page-${c.code}-${j}`}
                      >
                        {t('recall.letters.page')}
                      </button>
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
