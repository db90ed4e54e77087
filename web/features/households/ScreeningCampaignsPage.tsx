import { Button, DatePicker, Flex, Form, Input, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CAMPAIGN_STATUSES, type CampaignStatus } from '../../../common/enums.ts';
import { CAMPAIGN_STATUS_LABELS } from '../../../common/labels.ts';
import { can, useMe } from '../../app/session.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { oneOfParam, textParam, useUrlFilter } from '../../components/useUrlFilter.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { SCREENING_KEY, useCampaigns, type Campaign, type CampaignDetail, type CampaignFilter } from './screening.api.ts';

const PAGE_SIZE = 20;

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const lang = useLanguage();
  return <Tag color={status === 'active' ? 'green' : 'default'}>{CAMPAIGN_STATUS_LABELS[status][lang]}</Tag>;
}

interface CampaignForm {
  name: string;
  regionId: string;
  period: [Dayjs, Dayjs];
  note?: string;
}

/** A new campaign: name, region (community or above) and period; its grids are assigned on its page. */
function CreateCampaignModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useIdempotentCreate();
  return (
    <FormModal<CampaignForm>
      title={t('screening.create')}
      testId="screening-create"
      onClose={onClose}
      invalidate={[SCREENING_KEY]}
      initialValues={{ period: [dayjs(), dayjs().add(6, 'day')] }}
      submit={async (v) => {
        const made = await create<CampaignDetail>('/screening/campaigns', {
          name: v.name.trim(),
          regionId: v.regionId,
          startsOn: v.period[0].format('YYYY-MM-DD'),
          endsOn: v.period[1].format('YYYY-MM-DD'),
          note: v.note?.trim() || null,
        });
        void navigate(`/screening/${made.id}`);
      }}
    >
      <Form.Item name="name" label={t('screening.name')} rules={[{ required: true, whitespace: true, max: 60 }]}>
        <Input data-testid="screening-name" placeholder="第一轮入户排查" />
      </Form.Item>
      <Form.Item name="regionId" label={t('screening.region')} extra={t('screening.regionHint')} rules={[{ required: true }]}>
        <RegionTreeSelect testId="screening-region" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="period" label={t('screening.period')} rules={[{ required: true }]}>
        <DatePicker.RangePicker style={{ width: '100%' }} data-testid="screening-period" />
      </Form.Item>
      <Form.Item name="note" label={t('screening.note')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}

/** 入户排查 on the desk: the campaigns in the caller's area, newest first, active ones on top. */
export function ScreeningCampaignsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { filter, change } = useUrlFilter<CampaignFilter>(
    { regionId: textParam, status: oneOfParam(CAMPAIGN_STATUSES) },
    { defaults: { status: 'active' } },
  );
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const lang = useLanguage();
  const campaigns = useCampaigns(filter, page, PAGE_SIZE);
  return (
    <>
      <PageHeader
        title={t('screening.title')}
        extra={
          can(me.data, 'screening.plan') ? (
            <Button type="primary" onClick={() => setCreating(true)} data-testid="screening-new">
              {t('screening.create')}
            </Button>
          ) : null
        }
      />
      <Flex wrap gap={8} style={{ marginBottom: 12 }}>
        <RegionTreeSelect
          value={filter.regionId ?? null}
          onChange={(regionId) => (change('regionId')(regionId), setPage(1))}
          placeholder={t('screening.region')}
          allowClear
          testId="screening-filter-region"
        />
        <Select<CampaignStatus | 'all'>
          value={filter.status ?? 'all'}
          onChange={(s) => (change('status')(s === 'all' ? null : s), setPage(1))}
          options={[
            { value: 'all', label: t('screening.allStatuses') },
            ...CAMPAIGN_STATUSES.map((s) => ({ value: s, label: CAMPAIGN_STATUS_LABELS[s][lang] })),
          ]}
          style={{ width: 140 }}
          data-testid="screening-filter-status"
        />
      </Flex>
      {campaigns.isError ? <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} /> : null}
      <Table<Campaign>
        rowKey="id"
        loading={campaigns.isPending}
        dataSource={campaigns.data?.items ?? []}
        locale={{ emptyText: t('screening.noCampaigns') }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: campaigns.data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('screening.name'),
            dataIndex: 'name',
            render: (name: string, c) => <Link to={`/screening/${c.id}`}>{name}</Link>,
          },
          { title: t('screening.region'), dataIndex: 'regionName' },
          { title: t('screening.period'), key: 'period', render: (_, c) => `${c.startsOn} ~ ${c.endsOn}` },
          { title: t('screening.status'), dataIndex: 'status', render: (s: CampaignStatus) => <CampaignStatusTag status={s} /> },
        ]}
      />
      {creating ? <CreateCampaignModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
