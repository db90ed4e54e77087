import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

export interface OneTimePassword {
  name: string;
  login: string;
  password: string;
}

/**
 * Shows a generated password exactly once. It cannot be closed by clicking outside, so it is not
 * lost by accident before the operator has noted it.
 */
export function OneTimePasswordModal({ value, onClose }: { value: OneTimePassword | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={value !== null}
      title={t('accounts.initialPasswordTitle')}
      mask={{ closable: false }}
      keyboard={false}
      closable={false}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="one-time-password-close">
          {t('accounts.initialPasswordClose')}
        </Button>
      }
    >
      {value ? (
        <>
          <Alert type="warning" showIcon title={t('accounts.initialPasswordIntro', { name: value.name, login: value.login })} />
          <Typography.Paragraph
            code
            // Typography's copy falls back to execCommand where the Clipboard API is missing (plain HTTP on a LAN).
            copyable={{
              text: value.password,
              tooltips: false,
              icon: [
                <span key="copy" data-testid="one-time-password-copy" style={{ fontSize: 14, marginInlineStart: 8 }}>
                  <CopyOutlined /> {t('accounts.copy')}
                </span>,
                <span key="copied" style={{ fontSize: 14, marginInlineStart: 8 }}>
                  <CheckOutlined /> {t('accounts.copied')}
                </span>,
              ],
            }}
            style={{ fontSize: 22, textAlign: 'center', marginTop: 16, letterSpacing: 1 }}
            data-testid="one-time-password"
          >
            {value.password}
          </Typography.Paragraph>
        </>
      ) : null}
    </Modal>
  );
}
