import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LETTER_LANGS, type Jurisdiction, type LetterLang } from '../../../../domain/recall';
import { fetchLetter, issueReplyCodes, listLetters, type ConsigneeLetters } from '../../../api/recall-letters';
import { failureText, useApiRead } from '../../../hooks/useApiRead';
import { rowAttributes } from '../../row-attributes';
import { useTime } from '../../useTime';

/** The letters of an open case: per consignee, its reply code's state and each letter as PDF or printable page. */
export function RecallLetters({ token, caseId }: { token: string; caseId: string }) {
  const { t } = useTranslation();
  const time = useTime();
  const { value: letters, setValue: setLetters, error, setError, reload } = useApiRead(useCallback(() => listLetters(token, caseId), [token, caseId]));
  const [busy, setBusy] = useState(false);

  async function issue() {
    setBusy(true);
    try {
      setLetters(await issueReplyCodes(token, caseId));
      setError(null);
    } catch (e) {
      setError(failureText(e));
    } finally {
      setBusy(false);
    }
  }

  async function open(c: ConsigneeLetters, format: 'pdf' | 'page', jurisdiction: Jurisdiction, lang: LetterLang) {
    try {
      const blob = await fetchLetter(token, caseId, c.customerId, format, jurisdiction, lang);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.target = '_blank';
      link.rel = 'noopener';
      link.click();
      // The new tab has read the blob by then; the URL would otherwise live as long as the console.
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
      await reload();
    } catch (e) {
      setError(failureText(e));
    }
  }

  const status = (c: ConsigneeLetters) => {
    if (!c.replyCode) return <Tag>{t('recall.letters.codeNotIssued')}</Tag>;
    if (!c.replyCode.answeredAt) return <Tag color="gold">{t('recall.letters.notAnswered')}</Tag>;
    return <Tag color="green">{t('recall.letters.answeredAt', { time: time(c.replyCode.answeredAt) })}</Tag>;
  };

  return (
    <section aria-labelledby="recall-letters-title" data-testid="recall-letters">
      <div className="console-table-head">
        <Typography.Title level={4} id="recall-letters-title">
          {t('recall.letters.title')}
        </Typography.Title>
        <Space wrap>
          <Button type="primary" loading={busy} onClick={() => void issue()} data-testid="recall-letters-issue">
            {t('recall.letters.issue')}
          </Button>
          <Button onClick={() => void reload()} data-testid="recall-letters-refresh">
            {t('recall.letters.refresh')}
          </Button>
        </Space>
      </div>
      <Typography.Paragraph type="secondary">{t('recall.letters.hint')}</Typography.Paragraph>
      {error && <Alert type="error" role="alert" showIcon title={<span data-testid="recall-letters-error">{error}</span>} className="console-alert" />}
      {letters && (
        <Table<ConsigneeLetters>
          size="small"
          rowKey="customerId"
          pagination={letters.consignees.length > 20 ? { defaultPageSize: 20 } : false}
          dataSource={letters.consignees}
          data-testid="recall-letters-table"
          onRow={(c) => rowAttributes({ 'data-testid': `letters-${c.code}` })}
          columns={[
            { key: 'customer', title: t('recall.scope.customer'), render: (_, c) => `${c.code} · ${c.name}`, sorter: (a, b) => a.code.localeCompare(b.code) },
            { key: 'shipped', title: t('recall.scope.shipped'), dataIndex: 'shipped', align: 'end' },
            { key: 'reply', title: t('recall.letters.reply'), render: (_, c) => <span data-testid={`letters-status-${c.code}`}>{status(c)}</span> },
            {
              key: 'letters',
              title: t('recall.letters.letters'),
              render: (_, c) =>
                letters.jurisdictions.map((j) => (
                  <div key={j} className="recall-letter-links">
                    <span>{t(`recall.letters.kind.${j}`)}:</span>
                    {LETTER_LANGS.map((lang) => (
                      <Button
                        key={lang}
                        type="link"
                        size="small"
                        onClick={() => void open(c, 'pdf', j, lang)}
                        aria-label={t('recall.letters.pdfFor', { kind: t(`recall.letters.kind.${j}`), lang: t(`recall.letters.lang.${lang}`), customer: c.code })}
                        data-testid={`letter-pdf-${c.code}-${j}-${lang}`}
                      >
                        {t('recall.letters.pdf', { lang: t(`recall.letters.lang.${lang}`) })}
                      </Button>
                    ))}
                    <Button
                      type="link"
                      size="small"
                      onClick={() => void open(c, 'page', j, j === 'CN' ? 'zh-CN' : 'en')}
                      aria-label={t('recall.letters.pageFor', { kind: t(`recall.letters.kind.${j}`), customer: c.code })}
                      data-testid={`letter-page-${c.code}-${j}`}
                    >
                      {t('recall.letters.page')}
                    </Button>
                  </div>
                )),
            },
          ]}
        />
      )}
    </section>
  );
}
