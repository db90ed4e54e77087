import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ALLOCATION_TARGET_LABELS } from '../../../common/labels.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ConfirmModal } from './ConfirmModal.tsx';
import { LinesList } from './SuppliesBits.tsx';
import { useSuppliesLive, useToConfirm, type Allocation } from './supplies.api.ts';

/** 待签收: what a team leader (or a manager) has been sent and not signed for yet, on a phone. */
export function ToConfirmPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const list = useToConfirm();
  const [signing, setSigning] = useState<Allocation | null>(null);
  useSuppliesLive();
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('supplies.toConfirm.title')} />
      <Typography.Paragraph type="secondary">{t('supplies.toConfirm.intro')}</Typography.Paragraph>
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isSuccess && items.length === 0 ? <Empty description={t('supplies.toConfirm.empty')} /> : null}
      <Flex vertical gap={12}>
        {items.map((a) => (
          <Card key={a.id} size="small" data-testid="to-confirm">
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text strong style={{ fontSize: 16 }}>
                {a.target.name}
              </Typography.Text>
              <Tag>{ALLOCATION_TARGET_LABELS[a.target.kind][language]}</Tag>
            </Flex>
            <Typography.Text type="secondary">
              {t('supplies.toConfirm.from', { store: a.store.name })} · {formatDateTime(a.sentAt)} · {a.ref}
            </Typography.Text>
            <div style={{ margin: '8px 0', fontSize: 15 }}>
              <LinesList lines={a.lines} />
            </div>
            {a.purpose ? <Typography.Paragraph style={{ marginBottom: 8 }}>{a.purpose}</Typography.Paragraph> : null}
            <Button type="primary" block size="large" onClick={() => setSigning(a)} data-testid={`to-confirm-sign-${a.id}`}>
              {t('supplies.allocations.confirm')}
            </Button>
          </Card>
        ))}
      </Flex>
      {signing ? <ConfirmModal allocation={signing} onClose={() => setSigning(null)} /> : null}
    </>
  );
}
