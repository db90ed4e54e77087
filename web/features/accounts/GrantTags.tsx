import { CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLE_LABELS } from '../../../common/labels.ts';
import type { Grant } from '../../app/session.ts';
import { useLanguage } from '../../app/useLanguage.ts';

function grantLabel(grant: Grant, roleLabel: string, everywhere: string): string {
  return `${roleLabel} · ${grant.regionName ?? everywhere}`;
}

/** The account's grants as tags; with write access each can be revoked and a new one added. */
export function GrantTags({
  login,
  grants,
  editable,
  onAdd,
  onRevoke,
}: {
  login: string;
  grants: Grant[];
  editable: boolean;
  onAdd: () => void;
  onRevoke: (grant: Grant, label: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Flex wrap gap={4} style={{ maxWidth: 360 }}>
      {grants.length === 0 ? <Typography.Text type="secondary">{t('accounts.noGrants')}</Typography.Text> : null}
      {grants.map((grant) => {
        const label = grantLabel(grant, ROLE_LABELS[grant.role][language], t('accounts.regionAll'));
        return (
          <Tag
            key={grant.id}
            color={grant.role === 'admin' ? 'red' : 'blue'}
            closable={editable}
            closeIcon={<CloseOutlined aria-label={`${t('accounts.revoke')} ${label}`} data-testid={`grant-revoke-${grant.id}`} />}
            onClose={(e) => {
              // The tag stays until the server has agreed.
              e.preventDefault();
              onRevoke(grant, label);
            }}
            data-testid={`grant-${login}-${grant.role}`}
          >
            {label}
          </Tag>
        );
      })}
      {editable ? (
        <Tag
          onClick={onAdd}
          style={{ borderStyle: 'dashed', cursor: 'pointer', background: 'transparent' }}
          role="button"
          tabIndex={0}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || e.key === ' ') onAdd();
          }}
          data-testid={`account-grant-${login}`}
        >
          <PlusOutlined /> {t('accounts.grant')}
        </Tag>
      ) : null}
    </Flex>
  );
}
