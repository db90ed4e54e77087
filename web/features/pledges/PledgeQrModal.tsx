import { PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { QrCode } from '../../components/QrCode.tsx';

// While printing only the poster shows: the page around the dialog is hidden.
const PRINT_CSS = `@media print {
  body * { visibility: hidden !important; }
  .rv-print-area, .rv-print-area * { visibility: visible !important; }
  .rv-print-area { position: fixed; inset: 0; justify-content: center; background: #fff; }
}`;

/** The pledge page's address as a QR code, to print as a poster or show on a screen at a meeting. */
export function PledgeQrModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const url = `${window.location.origin}/pledge`;
  return (
    <Modal
      open
      title={t('pledges.qrTitle')}
      onCancel={onClose}
      footer={
        <Flex gap={8} justify="flex-end">
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="pledge-qr-print">
            {t('pledges.qrPrint')}
          </Button>
          <Button type="primary" onClick={onClose} data-testid="pledge-qr-close">
            {t('common.close')}
          </Button>
        </Flex>
      }
    >
      <style>{PRINT_CSS}</style>
      <Flex vertical align="center" gap={12} className="rv-print-area" data-testid="pledge-qr">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('pledges.qrPoster')}
        </Typography.Title>
        <QrCode text={url} size={260} alt={t('pledges.qrTitle')} testId="pledge-qr-image" />
        <Typography.Text copyable={{ text: url }} style={{ wordBreak: 'break-all' }}>
          {url}
        </Typography.Text>
        <Typography.Text type="secondary">{t('pledges.qrHint')}</Typography.Text>
      </Flex>
    </Modal>
  );
}
