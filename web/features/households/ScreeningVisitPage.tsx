import { Card, Empty, Flex, Progress, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useLiveRefresh } from '../passages/useLiveRefresh.ts';
import { SCREENING_EVENTS, SCREENING_KEY, useFieldCampaigns } from './screening.api.ts';

/** The phone's first step: the caller's running campaigns and their grids, each a big card to tap. */
export function ScreeningVisitPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const field = useFieldCampaigns();
  useLiveRefresh(SCREENING_EVENTS, SCREENING_KEY);
  if (field.isError) return <QueryError error={field.error} onRetry={() => void field.refetch()} />;
  if (!field.data) return <Skeleton active />;
  const campaigns = field.data.items;
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <PageHeader title={t('screening.visitTitle')} />
      {campaigns.length === 0 ? <Empty description={t('screening.field.noWork')} /> : null}
      {campaigns.map((c) => (
        <div key={c.id} style={{ marginBottom: 20 }}>
          <Typography.Title level={5} style={{ marginBottom: 4 }}>
            {c.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            {c.regionName} · {c.startsOn} ~ {c.endsOn}
          </Typography.Text>
          <Flex vertical gap={10} style={{ marginTop: 10 }}>
            {c.grids.map((g) => (
              <Card
                key={g.regionId}
                hoverable
                onClick={() => void navigate(`/screening/visit/${c.id}/${g.regionId}`)}
                data-testid={`screening-grid-${g.regionId}`}
                styles={{ body: { padding: 16 } }}
              >
                <Flex justify="space-between" align="baseline">
                  <Typography.Text strong style={{ fontSize: 17 }}>
                    {g.communityName} {g.name}
                  </Typography.Text>
                  <Typography.Text type="secondary">{g.percent}%</Typography.Text>
                </Flex>
                <Progress
                  percent={g.households ? ((g.reached + g.notReached) * 100) / g.households : 0}
                  success={{ percent: g.percent }}
                  showInfo={false}
                />
                <Flex justify="space-between">
                  <Typography.Text>
                    {t('screening.field.progress', { reached: g.reached, households: g.households })}
                  </Typography.Text>
                  {g.notReached ? (
                    <Typography.Text type="warning">{t('screening.field.revisits', { count: g.notReached })}</Typography.Text>
                  ) : null}
                </Flex>
              </Card>
            ))}
          </Flex>
        </div>
      ))}
    </div>
  );
}
