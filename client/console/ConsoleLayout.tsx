import { Button, Layout, Menu, Result, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StoredSession } from '../session/session';
import { ConsolePageView } from './ConsolePageView';
import { LanguageSelect } from './LanguageSelect';
import { LiveAlerts } from './LiveAlerts';
import { pagesFor } from '../navigation/console-pages';
import { useHashPage } from './useHashPage';

interface Props {
  session: StoredSession;
  online: boolean;
  onSignOut(): void;
}

/** The console's frame: the pages the user's roles open on the side, who is signed in on top. */
export function ConsoleLayout({ session, online, onSignOut }: Props) {
  const { t } = useTranslation();
  const pages = pagesFor(session.user.roles);
  const page = useHashPage(pages);
  return (
    <Layout className="console-layout">
      <LiveAlerts session={session} />
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={200} theme="dark" className="console-sider">
        <div className="console-brand">
          <img src="/icons/icon-192.png" alt="" width={28} height={28} />
          <span>{t('app.name')}</span>
        </div>
        <nav aria-label={t('consoleShell.menu')}>
          <Menu
            theme="dark"
            mode="inline"
            selectedKeys={page ? [page] : []}
            items={pages.map((key) => ({
              key,
              label: (
                <a href={`#/${key}`} data-testid={`nav-${key}`} aria-current={key === page ? 'page' : undefined}>
                  {t(`consoleShell.pages.${key}`)}
                </a>
              ),
            }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header className="console-header">
          <Typography.Text strong data-testid="user-name">
            {session.user.displayName}
          </Typography.Text>
          <Typography.Text className="console-roles">{session.user.roles.map((role) => t(`roles.${role}`)).join(' · ')}</Typography.Text>
          <Space className="console-header-end" wrap>
            <Tag color={online ? 'green' : 'orange'} data-testid="connection">
              {t(online ? 'consoleShell.online' : 'consoleShell.offline')}
            </Tag>
            <LanguageSelect />
            <Button href="/" className="console-to-handheld">{t('consoleShell.toHandheld')}</Button>
            <Button onClick={onSignOut}>{t('shell.signOut')}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content className="console-content">{page ? <ConsolePageView page={page} session={session} /> : <Result status="info" title={t('consoleShell.noPages')} />}</Layout.Content>
      </Layout>
    </Layout>
  );
}
