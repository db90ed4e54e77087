import { EyeOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Flex, Space, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DONOR_KIND_LABELS } from '../../../common/labels.ts';
import { api } from '../../app/api.ts';
import { useReportError } from '../../app/errors.ts';
import { can, useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { RowAction } from '../../components/RowAction.tsx';
import { useFilterWidth } from '../../components/filterWidth.ts';
import { usePaging } from '../../components/usePaging.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { DonationFormModal } from './DonationFormModal.tsx';
import { ReverseModal } from './ReverseModal.tsx';
import { LinesList, ReversalNote } from './SuppliesBits.tsx';
import { useDonations, useSuppliesLive, type Donation } from './supplies.api.ts';

/** The donor's mobile, masked; the full number on request (audited on the server). */
function DonorMobile({ donation }: { donation: Donation }) {
  const { t } = useTranslation();
  const report = useReportError();
  const mayReveal = can(useMe().data, 'pii.reveal');
  const [shown, setShown] = useState<string | null>(null);
  if (!donation.donorMobile) return <>{t('supplies.none')}</>;
  return (
    <Space size={0}>
      <span data-testid={`donor-mobile-${donation.id}`}>{shown ?? donation.donorMobile}</span>
      {mayReveal && !shown ? (
        <Button
          type="link"
          size="small"
          icon={<EyeOutlined />}
          aria-label={t('supplies.donations.reveal')}
          title={t('supplies.donations.reveal')}
          onClick={() =>
            void api
              .post<{ donorMobile: string | null }>(`/supplies/donations/${donation.id}/reveal`, {})
              .then((r) => setShown(r.donorMobile))
              .catch(report)
          }
          data-testid={`donor-reveal-${donation.id}`}
        />
      ) : null}
    </Space>
  );
}

/** 捐赠登记: donations received in the caller's area, newest first; record one; reverse a mistaken one. */
export function DonationsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const me = useMe().data;
  const filterWidth = useFilterWidth();
  const [regionId, setRegionId] = useState<string | null>(null);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const { page, pageSize, setPage, pagination } = usePaging(20);
  const [creating, setCreating] = useState(false);
  const [reversing, setReversing] = useState<Donation | null>(null);
  useSuppliesLive();
  const donations = useDonations(
    { regionId, from: range?.[0]?.format('YYYY-MM-DD') ?? null, to: range?.[1]?.format('YYYY-MM-DD') ?? null },
    page,
    pageSize,
  );
  const mayMove = can(me, 'supplies.move');
  const phone = useIsPhone();

  return (
    <>
      <PageHeader
        title={t('supplies.donations.title')}
        extra={
          mayMove ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="donation-create">
              {t('supplies.donations.create')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex wrap gap={8} style={{ marginBottom: 16 }}>
          <RegionTreeSelect
            allowClear
            placeholder={t('supplies.stores.filterRegion')}
            value={regionId}
            onChange={(id) => {
              setRegionId(id);
              setPage(1);
            }}
            testId="donations-filter-region"
            style={filterWidth(240)}
          />
          <DatePicker.RangePicker
            value={range}
            onChange={(v) => {
              setRange(v);
              setPage(1);
            }}
            placeholder={[t('supplies.from'), t('supplies.to')]}
            style={filterWidth(280)}
            data-testid="donations-filter-dates"
          />
        </Flex>
        {donations.isError ? <QueryError error={donations.error} onRetry={() => void donations.refetch()} /> : null}
        <Table<Donation>
          rowKey="id"
          loading={donations.isFetching}
          dataSource={donations.data?.items ?? []}
          locale={{ emptyText: <Empty description={t('supplies.donations.empty')} /> }}
          pagination={pagination(donations.data?.total ?? 0)}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              key: 'ref',
              title: t('supplies.ref'),
              render: (_: unknown, d: Donation) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text delete={!!d.reversal} data-testid={`donation-ref-${d.id}`}>
                    {d.ref}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {d.store.name} · {d.receivedOn}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              key: 'donor',
              title: t('supplies.donations.donor'),
              render: (_: unknown, d: Donation) => (
                <Space size={4} wrap>
                  {d.donorName}
                  <Tag>{DONOR_KIND_LABELS[d.donorKind][language]}</Tag>
                  {d.anonymous ? <Tag color="purple">{t('supplies.donations.anonymousTag')}</Tag> : null}
                </Space>
              ),
            },
            {
              key: 'mobile',
              title: t('supplies.donations.mobile'),
              render: (_: unknown, d: Donation) => <DonorMobile donation={d} />,
            },
            {
              key: 'lines',
              title: t('supplies.lines'),
              render: (_: unknown, d: Donation) => (
                <>
                  <LinesList lines={d.lines} />
                  <ReversalNote reversal={d.reversal} />
                </>
              ),
            },
            { key: 'by', title: t('supplies.donations.receivedBy'), render: (_: unknown, d: Donation) => d.receivedBy.name },
            ...(mayMove
              ? [
                  {
                    key: 'actions',
                    title: t('supplies.actions'),
                    fixed: phone ? undefined : ('right' as const),
                    render: (_: unknown, d: Donation) =>
                      d.reversal ? (
                        <Tag>{t('supplies.movement.reversed')}</Tag>
                      ) : (
                        <RowAction
                          danger
                          icon={<RollbackOutlined />}
                          label={t('supplies.reverse.action')}
                          onClick={() => setReversing(d)}
                          testId={`donation-reverse-${d.id}`}
                        />
                      ),
                  },
                ]
              : []),
          ]}
          data-testid="donations-table"
        />
      </Card>
      {creating ? <DonationFormModal onClose={() => setCreating(false)} /> : null}
      {reversing ? <ReverseModal kind="donations" record={reversing} onClose={() => setReversing(null)} /> : null}
    </>
  );
}
