import { Alert, Button, Space, Tag, message } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../../domain/auth';
import { changeAccount, createAccount, listAccounts, unlockAccount, type Account } from '../../api/users';
import type { StoredSession } from '../../session/session';
import { ConsoleTable } from '../ConsoleTable';
import { PageTitle } from '../PageTitle';
import { ReasonModal } from '../ReasonModal';
import { rowAttributes } from '../row-attributes';
import { useLive } from '../useLive';
import { NewUserForm } from './users/NewUserForm';
import { RolesModal } from './users/RolesModal';

type Pending = { account: Account; act: 'disable' | 'enable' | 'unlock' };

/** Accounts: who may do what. Create one, change its roles, disable or re-enable it, lift a signature lock; every change with a reason. */
export function UsersPage({ session }: { session: StoredSession }) {
  const { t } = useTranslation();
  const live = useLive(session.token, listAccounts);
  const [editing, setEditing] = useState<Account | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [toast, toasts] = message.useMessage();
  const accounts = live.data ?? [];
  const self = (a: Account) => a.id === session.user.id;

  return (
    <section data-testid="users-page">
      {toasts}
      <PageTitle>{t('users.title')}</PageTitle>
      {live.error && <Alert type="error" role="alert" showIcon title={live.error} className="console-alert" data-testid="users-error" />}
      <NewUserForm
        onCreate={async (account) => {
          try {
            const made = await createAccount(session.token, account);
            void toast.success(t('users.created', { user: made.username }));
            await live.reload();
            return true;
          } catch (e) {
            live.fail(e);
            return false;
          }
        }}
      />
      <ConsoleTable<Account>
        name="user-table"
        title={t('users.title')}
        rowKey="id"
        loading={!live.data}
        dataSource={accounts}
        onRow={(a) => rowAttributes({ 'data-user': a.username, 'data-active': String(a.active) })}
        columns={[
          { key: 'username', title: t('users.username'), dataIndex: 'username', sorter: (a, b) => a.username.localeCompare(b.username), defaultSortOrder: 'ascend' },
          { key: 'displayName', title: t('users.displayName'), dataIndex: 'displayName', sorter: (a, b) => a.displayName.localeCompare(b.displayName) },
          {
            key: 'roles',
            title: t('users.roles'),
            render: (_, a) => (
              <Space size={[0, 4]} wrap>
                {a.roles.map((r) => (
                  <Tag key={r} color={r === 'admin' ? 'volcano' : r === 'qc' || r === 'supervisor' ? 'blue' : undefined}>
                    {t(`roles.${r}`)}
                  </Tag>
                ))}
              </Space>
            ),
            filters: ROLES.map((r) => ({ text: t(`roles.${r}`), value: r })),
            onFilter: (v, a) => a.roles.some((r) => r === v),
          },
          { key: 'locale', title: t('users.locale'), render: (_, a) => t(`language.${a.locale}`) },
          {
            key: 'active',
            title: t('users.state'),
            render: (_, a) => (a.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.disabled')}</Tag>),
            filters: [
              { text: t('users.active'), value: 'active' },
              { text: t('users.disabled'), value: 'disabled' },
            ],
            onFilter: (v, a) => (v === 'active') === a.active,
          },
          {
            key: 'actions',
            title: t('console.actions'),
            render: (_, a) => (
              <Space size="small" wrap>
                <Button size="small" disabled={self(a)} onClick={() => setEditing(a)} data-testid="user-roles">
                  {t('users.changeRoles')}
                </Button>
                {a.active ? (
                  <Button size="small" disabled={self(a)} onClick={() => setPending({ account: a, act: 'disable' })} data-testid="user-disable">
                    {t('users.disable')}
                  </Button>
                ) : (
                  <Button size="small" onClick={() => setPending({ account: a, act: 'enable' })} data-testid="user-enable">
                    {t('users.enable')}
                  </Button>
                )}
                <Button size="small" onClick={() => setPending({ account: a, act: 'unlock' })}>
                  {t('users.unlock')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <RolesModal
        account={editing}
        onClose={() => setEditing(null)}
        onSave={async (roles, reason) => {
          if (!editing) return;
          try {
            await changeAccount(session.token, editing.id, { version: editing.version, roles, reason });
            setEditing(null);
            await live.reload();
          } catch (e) {
            live.fail(e);
          }
        }}
      />
      <ReasonModal
        open={pending !== null}
        title={pending ? t(`users.${pending.act}Title`, { user: pending.account.username }) : ''}
        onClose={() => setPending(null)}
        onReason={async (reason) => {
          if (!pending) return;
          const { account, act } = pending;
          try {
            if (act === 'unlock') await unlockAccount(session.token, account.id, reason);
            else await changeAccount(session.token, account.id, { version: account.version, active: act === 'enable', reason });
            await live.reload();
          } catch (e) {
            live.fail(e);
          }
          setPending(null);
        }}
      />
    </section>
  );
}
