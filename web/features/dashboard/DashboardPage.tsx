import { FullscreenOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Grid, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { ChildrenTable } from './ChildrenTable.tsx';
import { ChildrenTreemap } from './ChildrenTreemap.tsx';
import { RefreshButton, RegionCrumbs, UpdatedAt } from './DashboardBar.tsx';
import { FigureTiles } from './FigureTiles.tsx';
import { LOOKS } from './look.ts';
import { TrendCharts } from './TrendCharts.tsx';
import { useDashboardView } from './useDashboardView.ts';

/** 指挥看板 at a desk: the region's figures, the areas below it and the last 14 days, in the app's frame. */
export function DashboardPage() {
  const { t } = useTranslation();
  const screens = Grid.useBreakpoint();
  const { regionId, dashboard, refresh, goTo } = useDashboardView();
  const data = dashboard.data;
  // Four groups a row on a wide monitor, two on a laptop, one on a phone.
  const columns = screens.xxl ? 'repeat(4, minmax(0, 1fr))' : screens.lg ? 'repeat(2, minmax(0, 1fr))' : 'minmax(0, 1fr)';
  const trendColumns = screens.xl ? 'repeat(3, minmax(0, 1fr))' : screens.md ? 'repeat(2, minmax(0, 1fr))' : 'minmax(0, 1fr)';

  return (
    <>
      <PageHeader
        title={data ? `${t('dashboard.title')} · ${data.region.name}` : t('dashboard.title')}
        extra={
          <Flex align="center" gap={12} wrap>
            {data ? <UpdatedAt computedAt={data.computedAt} look="desk" /> : null}
            <RefreshButton refresh={refresh} look="desk" />
            <Link to={regionId ? `/dashboard/screen?regionId=${regionId}` : '/dashboard/screen'}>
              <Button icon={<FullscreenOutlined />} data-testid="dashboard-screen-open">
                {t('dashboard.screenOpen')}
              </Button>
            </Link>
          </Flex>
        }
      />
      {dashboard.isError ? <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} /> : null}
      {data ? (
        <Flex vertical gap={16} data-testid="dashboard" data-region={data.region.id}>
          <RegionCrumbs data={data} look="desk" onPick={goTo} />
          <FigureTiles data={data} look="desk" columns={columns} />
          <Card
            title={t('dashboard.children.title')}
            extra={<span style={{ color: LOOKS.desk.muted }}>{t('dashboard.children.drillHint')}</span>}
          >
            <Flex vertical gap={16}>
              <ChildrenTreemap items={data.children} look="desk" height={340} onDrill={goTo} />
              <ChildrenTable items={data.children} onDrill={goTo} alarmColor={LOOKS.desk.alarm} />
            </Flex>
          </Card>
          <Card title={t('dashboard.trend.title')}>
            <TrendCharts data={data} look="desk" columns={trendColumns} height={220} />
          </Card>
        </Flex>
      ) : dashboard.isPending ? (
        <Skeleton active paragraph={{ rows: 12 }} />
      ) : null}
    </>
  );
}
