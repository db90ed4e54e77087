import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, ConfigProvider, Flex, Spin, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useMe } from '../../app/session.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { ChildrenTable } from './ChildrenTable.tsx';
import { ChildrenTreemap } from './ChildrenTreemap.tsx';
import { RefreshButton, RegionCrumbs, UpdatedAt } from './DashboardBar.tsx';
import { FigureTiles } from './FigureTiles.tsx';
import { LOOKS } from './look.ts';
import { TrendCharts } from './TrendCharts.tsx';
import { useDashboardView } from './useDashboardView.ts';

const STYLE = LOOKS.screen;

/** The figures flank the areas below, as on a command room's wall: people and ground left, cases and services right. */
const LEFT = ['volunteers', 'checkpoints', 'inspection', 'screening'] as const;
const RIGHT = ['isolation', 'reports', 'errands', 'support'] as const;

const PANEL = {
  background: STYLE.panel,
  border: `1px solid ${STYLE.border}`,
  borderRadius: 8,
  padding: '10px 14px',
  minWidth: 0,
};

const DARK = {
  algorithm: theme.darkAlgorithm,
  token: { colorBgContainer: STYLE.panel, colorBorderSecondary: STYLE.border, fontSize: 16 },
  components: { Table: { headerBg: '#10294d', rowHoverBg: '#123260' } },
};

/**
 * 大屏: the dashboard alone on a projector (laid out for 1920×1080), dark, in type large enough to
 * read across a command room; no menu or header, only a way back to the desk.
 */
export function DashboardScreenPage() {
  const { t } = useTranslation();
  const me = useMe().data;
  const { regionId, dashboard, refresh, goTo } = useDashboardView();
  const data = dashboard.data;
  // The desk's layout is where a forced password change happens; this page has none of it.
  if (me?.mustChangePassword) return <Navigate to="/dashboard" replace />;

  return (
    <ConfigProvider theme={DARK}>
      <div
        style={{
          minHeight: '100vh',
          background: STYLE.background,
          color: STYLE.text,
          padding: '14px 24px 18px',
          boxSizing: 'border-box',
        }}
        data-testid="dashboard-screen"
      >
        <Flex align="center" gap={16} style={{ marginBottom: 8 }}>
          <Link to={regionId ? `/dashboard?regionId=${regionId}` : '/dashboard'}>
            <Button size="large" icon={<ArrowLeftOutlined />} data-testid="dashboard-screen-back">
              {t('dashboard.screenBack')}
            </Button>
          </Link>
          <h1
            style={{
              margin: 0,
              fontSize: 34,
              fontWeight: 700,
              letterSpacing: 2,
              color: STYLE.text,
              flex: 1,
              textAlign: 'center',
            }}
          >
            {t('dashboard.screenTitle', { region: data?.region.name ?? '' })}
          </h1>
          {data ? <UpdatedAt computedAt={data.computedAt} look="screen" /> : null}
          <RefreshButton refresh={refresh} look="screen" />
        </Flex>
        {dashboard.isError ? <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} /> : null}
        {data ? (
          <Flex vertical gap={12} data-testid="dashboard" data-region={data.region.id}>
            <Flex justify="space-between" align="center">
              <RegionCrumbs data={data} look="screen" onPick={goTo} />
              <span style={{ color: STYLE.muted, fontSize: STYLE.labelSize }}>{data.day}</span>
            </Flex>
            <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1.2fr) minmax(0, 1fr)', gap: 12 }}>
              <FigureTiles data={data} look="screen" columns="minmax(0, 1fr)" groups={LEFT} />
              <section style={PANEL}>
                <ChildrenTreemap items={data.children} look="screen" height={300} onDrill={goTo} />
                <div style={{ marginTop: 8 }}>
                  <ChildrenTable items={data.children} onDrill={goTo} alarmColor={STYLE.alarm} scrollY={170} />
                </div>
              </section>
              <FigureTiles data={data} look="screen" columns="minmax(0, 1fr)" groups={RIGHT} />
            </div>
            <TrendCharts data={data} look="screen" columns="repeat(5, minmax(0, 1fr))" height={200} />
          </Flex>
        ) : dashboard.isPending ? (
          <Flex align="center" justify="center" style={{ minHeight: '70vh' }}>
            <Spin size="large" />
          </Flex>
        ) : null}
      </div>
    </ConfigProvider>
  );
}
