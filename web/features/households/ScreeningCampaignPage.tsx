import { useQueryClient } from '@tanstack/react-query';
import { App, Badge, Button, Card, Descriptions, Flex, Form, Input, Skeleton, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useConfirm } from '../../app/confirm.ts';
import { can, useMe } from '../../app/session.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useLiveRefresh } from '../passages/useLiveRefresh.ts';
import {
  closeCampaign,
  SCREENING_EVENTS,
  SCREENING_KEY,
  updateCampaign,
  useCampaign,
  useCoverage,
  type CampaignDetail,
} from './screening.api.ts';
import { ScreeningAssignments } from './ScreeningAssignments.tsx';
import { CampaignStatusTag } from './ScreeningCampaignsPage.tsx';
import { ScreeningCoverageTable } from './ScreeningCoverageTable.tsx';

function EditCampaignModal({ campaign, onClose }: { campaign: CampaignDetail; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal<{ name: string; note?: string }>
      title={t('screening.edit')}
      testId="screening-edit"
      onClose={onClose}
      invalidate={[SCREENING_KEY]}
      initialValues={{ name: campaign.name, note: campaign.note ?? undefined }}
      submit={(v) => updateCampaign(campaign.id, { name: v.name.trim(), note: v.note?.trim() || null })}
    >
      <Form.Item name="name" label={t('screening.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="note" label={t('screening.note')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}

/** One campaign on the desk: its coverage tree refreshing live as visits come in, and who walks which grid. */
export function ScreeningCampaignPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const confirm = useConfirm();
  const { message } = App.useApp();
  const client = useQueryClient();
  const campaign = useCampaign(id);
  const coverage = useCoverage(id);
  const [editing, setEditing] = useState(false);
  useLiveRefresh(SCREENING_EVENTS, SCREENING_KEY);

  if (campaign.isError) return <QueryError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  if (!campaign.data) return <Skeleton active />;
  const c = campaign.data;
  const planner = can(me.data, 'screening.plan') && c.status === 'active';
  const close = () =>
    confirm({
      title: t('screening.close'),
      content: t('screening.closeConfirm', { name: c.name }),
      danger: true,
      testId: 'screening-close-confirm',
      action: async () => {
        await closeCampaign(c.id);
        await client.invalidateQueries({ queryKey: [SCREENING_KEY] });
        void message.success(t('screening.closed'));
      },
    });
  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center">
            {c.name} <CampaignStatusTag status={c.status} />
          </Flex>
        }
        extra={
          planner ? (
            <>
              <Button onClick={() => setEditing(true)}>{t('screening.edit')}</Button>
              <Button danger onClick={close} data-testid="screening-close">
                {t('screening.close')}
              </Button>
            </>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('screening.region')}>{c.regionName}</Descriptions.Item>
          <Descriptions.Item label={t('screening.period')}>{`${c.startsOn} ~ ${c.endsOn}`}</Descriptions.Item>
          {c.note ? <Descriptions.Item label={t('screening.note')}>{c.note}</Descriptions.Item> : null}
        </Descriptions>
      </Card>
      <Tabs
        items={[
          {
            key: 'coverage',
            label: (
              <Flex gap={6} align="center">
                {t('screening.coverage')}{' '}
                {c.status === 'active' ? <Badge status="processing" text={t('screening.live')} /> : null}
              </Flex>
            ),
            children: coverage.isError ? (
              <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} />
            ) : (
              <ScreeningCoverageTable nodes={coverage.data?.nodes ?? []} loading={coverage.isPending} />
            ),
          },
          {
            key: 'assignments',
            label: t('screening.assignments'),
            children: <ScreeningAssignments key={c.updatedAt} campaign={c} editable={planner} />,
          },
        ]}
      />
      {editing ? <EditCampaignModal campaign={c} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
