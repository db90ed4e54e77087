import { ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Empty, Flex, Pagination, Row, Switch, Tabs, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { usePaging } from '../../components/usePaging.ts';
import { textParam, useUrlFilter } from '../../components/useUrlFilter.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { clock } from './dutyTime.ts';
import { AbsencesPanel } from './now/AbsencesPanel.tsx';
import { ByRegionTable } from './now/ByRegionTable.tsx';
import { NowCheckpointCard } from './now/NowCheckpointCard.tsx';
import { TotalsCards } from './now/TotalsCards.tsx';
import { DUTY_NOW_KEY, useDutyNow, useLiveDutyNow } from './now.api.ts';

function NowPanel({ regionId, onOpenRegion }: { regionId: string | null; onOpenRegion: (id: string) => void }) {
  const { t } = useTranslation();
  const [short, setShort] = useState(false);
  const { page, pageSize, setPage } = usePaging(20);
  const now = useDutyNow({ regionId, short }, page, pageSize);
  const data = now.data;

  return (
    <>
      {now.isError ? <QueryError error={now.error} onRetry={() => void now.refetch()} /> : null}
      <TotalsCards totals={data?.totals} loading={now.isPending} />
      {data?.byRegion.length ? (
        <Card size="small" title={t('dutyNow.byRegion')} style={{ marginBottom: 16 }}>
          <ByRegionTable rows={data.byRegion} onOpen={onOpenRegion} />
        </Card>
      ) : null}
      <Card
        size="small"
        title={t('dutyNow.checkpointsTitle')}
        extra={
          <Flex gap={6} align="center">
            <Switch
              size="small"
              checked={short}
              onChange={(on) => {
                setShort(on);
                setPage(1);
              }}
              aria-label={t('dutyNow.onlyShort')}
              data-testid="duty-now-short"
            />
            <span>{t('dutyNow.onlyShort')}</span>
          </Flex>
        }
      >
        {data && !data.items.length ? (
          <Empty description={short ? t('dutyNow.emptyShort') : t('dutyNow.empty')} data-testid="duty-now-empty" />
        ) : (
          <Row gutter={[12, 12]} data-testid="duty-now-list">
            {(data?.items ?? []).map((row) => (
              <Col key={row.checkpoint.id} xs={24} md={12} xxl={8}>
                <NowCheckpointCard row={row} />
              </Col>
            ))}
          </Row>
        )}
        {data && data.total > pageSize ? (
          <Flex justify="flex-end" style={{ marginTop: 12 }}>
            <Pagination
              size="small"
              current={page}
              pageSize={pageSize}
              total={data.total}
              showSizeChanger={false}
              showTotal={(count) => t('common.total', { count })}
              onChange={setPage}
            />
          </Flex>
        ) : null}
      </Card>
      {data ? (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
          {t('dutyNow.updatedAt', { time: clock(data.at) })} · {t('dutyNow.liveHint')}
        </Typography.Text>
      ) : null}
    </>
  );
}

export function DutyNowPage() {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const { filter, change } = useUrlFilter<{ regionId: string | null }>({ regionId: textParam });
  const regionId = filter.regionId ?? null;
  const setRegionId = change('regionId');
  const [tab, setTab] = useState<'now' | 'absences'>('now');
  const client = useQueryClient();
  const [refreshing, setRefreshing] = useState(false);
  useLiveDutyNow();

  async function refresh() {
    setRefreshing(true);
    try {
      await client.invalidateQueries({ queryKey: [DUTY_NOW_KEY] });
    } finally {
      setRefreshing(false);
    }
  }

  return (
    <>
      <PageHeader title={t('dutyNow.title')} />
      <Flex gap={8} style={{ marginBottom: 8 }}>
        <RegionTreeSelect
          allowClear
          placeholder={t('dutyNow.regionAll')}
          value={regionId}
          onChange={setRegionId}
          testId="duty-now-region"
          style={phone ? { flex: 1, minWidth: 0 } : { width: 260 }}
        />
        <Tooltip title={t('dutyNow.liveHint')}>
          <Button
            icon={<ReloadOutlined />}
            loading={refreshing}
            onClick={() => void refresh()}
            aria-label={t('dutyNow.refresh')}
            data-testid="duty-now-refresh"
          />
        </Tooltip>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => setTab(key as 'now' | 'absences')}
        items={[
          {
            key: 'now',
            label: <span data-testid="duty-now-tab-now">{t('dutyNow.tabNow')}</span>,
            children: <NowPanel regionId={regionId} onOpenRegion={setRegionId} />,
          },
          {
            key: 'absences',
            label: <span data-testid="duty-now-tab-absences">{t('dutyNow.tabAbsences')}</span>,
            children: <AbsencesPanel regionId={regionId} />,
          },
        ]}
      />
    </>
  );
}
