import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, login } from '../api/client';
import type { StoredSession } from '../session/session';
import { LanguageSelect } from './LanguageSelect';

const KNOWN_ERRORS = ['invalid_credentials', 'rate_limited', 'account_disabled', 'account_locked', 'offline', 'session_expired', 'invalid_request'];

interface Fields {
  username: string;
  password: string;
}

/**
 * The console's sign-in: a desktop is never an enrolled handheld, so it keeps no offline twin of
 * the session. A first password is changed where the handheld's sign-in offers it.
 */
export function ConsoleLogin({ notice, onSignedIn }: { notice: string | undefined; onSignedIn(session: StoredSession): void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; minutes?: number } | null>(notice ? { code: notice } : null);
  const [firstPassword, setFirstPassword] = useState(false);

  const submit = async ({ username, password }: Fields) => {
    setBusy(true);
    setError(null);
    try {
      const result = await login(username.trim(), password);
      if (result.passwordChangeRequired) return setFirstPassword(true);
      onSignedIn({ token: result.token, expiresAt: result.expiresAt, user: result.user });
    } catch (e) {
      const seconds = e instanceof ApiError ? Number(e.details.retryAfterSeconds) : NaN;
      setError({ code: e instanceof ApiError && KNOWN_ERRORS.includes(e.code) ? e.code : 'unknown', ...(Number.isFinite(seconds) ? { minutes: Math.ceil(seconds / 60) } : {}) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="console-login">
      <Card title={<Typography.Title level={1}>{t('consoleShell.title')}</Typography.Title>} extra={<LanguageSelect />} style={{ width: 400, maxWidth: '100%' }}>
        {firstPassword ? (
          <Alert type="warning" showIcon title={t('consoleShell.firstPassword')} description={<a href="/">{t('consoleShell.toHandheld')}</a>} />
        ) : (
          <Form<Fields> layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
            <Form.Item label={t('login.username')} name="username" rules={[{ required: true, whitespace: true, message: t('errors.invalid_request') }]}>
              <Input name="username" autoComplete="username" spellCheck={false} />
            </Form.Item>
            <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('errors.invalid_request') }]}>
              <Input.Password name="password" autoComplete="current-password" />
            </Form.Item>
            {error && <Alert type="error" role="alert" data-testid="login-error" title={t(`errors.${error.code}`, { minutes: error.minutes ?? 15 })} style={{ marginBottom: 16 }} />}
            <Button type="primary" htmlType="submit" block loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
        )}
      </Card>
    </main>
  );
}
