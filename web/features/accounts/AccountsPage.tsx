import { EyeOutlined, KeyOutlined, PlusOutlined, StopOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { usePaging } from '../../components/usePaging.ts';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_STATUSES, type AccountStatus, type Role } from '../../../common/enums.ts';
import { api } from '../../app/api.ts';
import { useConfirm } from '../../app/confirm.ts';
import { formatDate, formatDateTime } from '../../app/dates.ts';
import { can, useMe, type Grant } from '../../app/session.ts';
import { OneTimePasswordModal, type OneTimePassword } from '../../components/OneTimePasswordModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { SelectFilter } from '../../components/filters.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { ACCOUNTS_KEY, useAccounts, type Account } from './accounts.api.ts';
import { CreateAccountModal } from './CreateAccountModal.tsx';
import { GrantModal } from './GrantModal.tsx';
import { GrantTags } from './GrantTags.tsx';
import { RoleSelect } from './RoleSelect.tsx';

export function AccountsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const confirm = useConfirm();
  const me = useMe().data;
  const canWrite = can(me, 'accounts.write');
  const canReveal = can(me, 'pii.reveal');
  const [q, setQ] = useState('');
  const [regionId, setRegionId] = useState<string | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const [status, setStatus] = useState<AccountStatus | null>(null);
  const { page, pageSize, setPage, pagination } = usePaging();
  const [creating, setCreating] = useState(false);
  const [granting, setGranting] = useState<Account | null>(null);
  const [oneTime, setOneTime] = useState<OneTimePassword | null>(null);
  // Full numbers shown after an audited reveal; kept only while this page is open.
  const [revealed, setRevealed] = useState<Record<string, string>>({});
  const accounts = useAccounts({ q, regionId, role, status, page, pageSize });
  const phone = useIsPhone();
  const filterWidth = useFilterWidth();

  const refresh = () => client.invalidateQueries({ queryKey: [ACCOUNTS_KEY] });
  const filtered =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage(1);
    };

  function revoke(account: Account, grant: Grant, label: string) {
    confirm({
      title: t('accounts.revokeConfirm', { name: account.name, grant: label }),
      okText: t('accounts.revoke'),
      danger: true,
      testId: 'grant-revoke-confirm',
      action: async () => {
        await api.delete(`/accounts/${account.id}/grants/${grant.id}`);
        await refresh();
        void message.success(t('accounts.revoked'));
      },
    });
  }

  function disable(account: Account) {
    confirm({
      title: t('accounts.disableConfirm', { name: account.name }),
      okText: t('accounts.disable'),
      danger: true,
      testId: 'account-disable-confirm',
      action: async () => {
        await api.post(`/accounts/${account.id}/disable`);
        await refresh();
        void message.success(t('accounts.disabled'));
      },
    });
  }

  function enable(account: Account) {
    confirm({
      title: t('accounts.enableConfirm', { name: account.name }),
      okText: t('accounts.enable'),
      testId: 'account-enable-confirm',
      action: async () => {
        await api.post(`/accounts/${account.id}/enable`);
        await refresh();
        void message.success(t('accounts.enabled'));
      },
    });
  }

  function resetPassword(account: Account) {
    confirm({
      title: t('accounts.resetConfirm', { name: account.name }),
      okText: t('accounts.resetPassword'),
      danger: true,
      testId: 'account-reset-confirm',
      action: async () => {
        const { initialPassword } = await api.post<{ initialPassword: string }>(`/accounts/${account.id}/reset-password`);
        await refresh();
        setOneTime({ name: account.name, login: account.login, password: initialPassword });
      },
    });
  }

  function reveal(account: Account) {
    confirm({
      title: t('accounts.revealTitle'),
      content: t('accounts.revealConfirm'),
      okText: t('accounts.reveal'),
      testId: 'account-reveal-confirm',
      action: async () => {
        const { mobile } = await api.post<{ mobile: string }>(`/accounts/${account.id}/reveal`);
        setRevealed((prev) => ({ ...prev, [account.id]: mobile }));
        void message.info(t('accounts.revealAudited'));
      },
    });
  }

  return (
    <>
      <PageHeader
        title={t('accounts.title')}
        extra={
          canWrite ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="account-create">
              {t('accounts.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <Input.Search
            allowClear
            placeholder={t('accounts.filterQ')}
            aria-label={t('accounts.filterQ')}
            onSearch={filtered(setQ)}
            style={filterWidth(220)}
            data-testid="accounts-filter-q"
          />
          <RegionTreeSelect
            allowClear
            placeholder={t('accounts.filterRegion')}
            value={regionId}
            onChange={filtered(setRegionId)}
            testId="accounts-filter-region"
            style={filterWidth(220)}
          />
          <RoleSelect
            allowClear
            placeholder={t('accounts.filterRole')}
            value={role}
            onChange={filtered(setRole)}
            testId="accounts-filter-role"
            style={filterWidth(180)}
          />
          <SelectFilter<AccountStatus>
            label={t('accounts.filterStatus')}
            value={status}
            onChange={filtered(setStatus)}
            options={ACCOUNT_STATUSES.map((s) => ({ value: s, label: t(`accounts.statusLabel.${s}`) }))}
            style={filterWidth(140)}
            testId="accounts-filter-status"
          />
        </Flex>
        {accounts.isError ? <QueryError error={accounts.error} onRetry={() => void accounts.refetch()} /> : null}
        <Table<Account>
          rowKey="id"
          loading={accounts.isFetching}
          dataSource={accounts.data?.items ?? []}
          scroll={{ x: 'max-content' }}
          pagination={pagination(accounts.data?.total ?? 0)}
          columns={[
            {
              key: 'login',
              title: t('accounts.login'),
              dataIndex: 'login',
              render: (login: string) => <Typography.Text code>{login}</Typography.Text>,
            },
            { key: 'name', title: t('accounts.name'), dataIndex: 'name' },
            {
              key: 'mobile',
              title: t('accounts.mobile'),
              render: (_: unknown, a: Account) => (
                <Space size={4}>
                  <span data-testid={`account-mobile-${a.login}`}>{revealed[a.id] ?? a.mobile}</span>
                  {canReveal && !revealed[a.id] ? (
                    <Tooltip title={t('accounts.revealTitle')}>
                      <Button
                        type="link"
                        size="small"
                        icon={<EyeOutlined />}
                        aria-label={`${t('accounts.revealTitle')}: ${a.name}`}
                        onClick={() => reveal(a)}
                        data-testid={`account-reveal-${a.login}`}
                      />
                    </Tooltip>
                  ) : null}
                </Space>
              ),
            },
            {
              key: 'status',
              title: t('accounts.status'),
              render: (_: unknown, a: Account) => (
                <Flex wrap gap={4}>
                  <Tag color={a.status === 'active' ? 'green' : 'default'} data-testid={`account-status-${a.login}`}>
                    {t(`accounts.statusLabel.${a.status}`)}
                  </Tag>
                  {a.mustChangePassword ? (
                    <Tooltip title={t('accounts.mustChangeHint')}>
                      <Tag color="orange">{t('accounts.mustChange')}</Tag>
                    </Tooltip>
                  ) : null}
                </Flex>
              ),
            },
            {
              key: 'grants',
              title: t('accounts.grants'),
              render: (_: unknown, a: Account) => (
                <GrantTags
                  login={a.login}
                  grants={a.grants}
                  editable={canWrite}
                  onAdd={() => setGranting(a)}
                  onRevoke={(grant, label) => revoke(a, grant, label)}
                />
              ),
            },
            {
              key: 'createdAt',
              title: t('accounts.createdAt'),
              dataIndex: 'createdAt',
              render: (at: string) => (
                <Tooltip title={formatDateTime(at)}>
                  <span>{formatDate(at)}</span>
                </Tooltip>
              ),
            },
            ...(canWrite
              ? [
                  {
                    key: 'actions',
                    title: t('common.actions'),
                    fixed: phone ? undefined : ('right' as const),
                    render: (_: unknown, a: Account) => (
                      <Space size={0}>
                        <RowAction
                          icon={<KeyOutlined />}
                          label={t('accounts.resetPassword')}
                          onClick={() => resetPassword(a)}
                          testId={`account-reset-${a.login}`}
                        />
                        {a.status === 'active' ? (
                          <RowAction
                            danger
                            icon={<StopOutlined />}
                            label={t('accounts.disable')}
                            onClick={() => disable(a)}
                            testId={`account-disable-${a.login}`}
                          />
                        ) : (
                          <RowAction
                            icon={<CheckCircleOutlined />}
                            label={t('accounts.enable')}
                            onClick={() => enable(a)}
                            testId={`account-enable-${a.login}`}
                          />
                        )}
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
          data-testid="accounts-table"
        />
      </Card>
      {creating ? (
        <CreateAccountModal
          onClose={() => setCreating(false)}
          onCreated={(password) => {
            setCreating(false);
            setOneTime(password);
          }}
        />
      ) : null}
      {granting ? <GrantModal account={granting} onClose={() => setGranting(null)} /> : null}
      <OneTimePasswordModal value={oneTime} onClose={() => setOneTime(null)} />
    </>
  );
}
