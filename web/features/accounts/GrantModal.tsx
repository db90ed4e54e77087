import { useTranslation } from 'react-i18next';
import { api } from '../../app/api.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { ACCOUNTS_KEY, type Account, type GrantInput } from './accounts.api.ts';
import { GrantFields } from './GrantFields.tsx';

export function GrantModal({ account, onClose }: { account: Account; onClose: () => void }) {
  const { t } = useTranslation();

  return (
    <FormModal<GrantInput>
      title={t('accounts.grantTitle', { name: account.name })}
      okText={t('accounts.grant')}
      testId="grant-form"
      onClose={onClose}
      initialValues={{ regionId: null }}
      submit={(values) =>
        api.post(`/accounts/${account.id}/grants`, {
          role: values.role,
          regionId: values.role === 'admin' ? null : values.regionId,
        })
      }
      invalidate={[ACCOUNTS_KEY]}
      success={t('accounts.granted')}
    >
      <GrantFields name={[]} testId="grant-form" />
    </FormModal>
  );
}
