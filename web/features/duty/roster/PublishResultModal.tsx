import { Alert, Button, Flex, Modal, Result, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublishResult } from '../rosters.api.ts';

/** After publishing: how many were told, and who must be phoned because they have no account. */
export function PublishResultModal({ result, onClose }: { result: PublishResult; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open
      title={t('rosters.publishTitle')}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="publish-result-close">
          {t('common.close')}
        </Button>
      }
    >
      <div data-testid="publish-result">
        <Result
          status="success"
          title={<span data-testid="publish-notified">{t('rosters.notified', { count: result.notified })}</span>}
          style={{ padding: '16px 0' }}
        />
        {result.unreachable.length ? (
          <Alert
            type="warning"
            showIcon
            title={t('rosters.unreachable')}
            description={
              <Flex wrap gap={4} style={{ marginTop: 4, maxHeight: 240, overflowY: 'auto' }} data-testid="publish-unreachable">
                {result.unreachable.map((v) => (
                  <Tag key={v.volunteerId} style={{ marginInlineEnd: 0 }}>
                    {v.name}
                  </Tag>
                ))}
              </Flex>
            }
          />
        ) : (
          <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
            {t('rosters.allReachable')}
          </Typography.Paragraph>
        )}
      </div>
    </Modal>
  );
}
