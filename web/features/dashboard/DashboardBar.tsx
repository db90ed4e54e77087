/** The parts above the figures that both looks share: the way back up, the data's time and the refresh. */
import { ReloadOutlined } from '@ant-design/icons';
import { App, Breadcrumb, Button } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { platformTimeZone } from '../../app/dates.ts';
import type { Dashboard, useRefreshDashboard } from './dashboard.api.ts';
import { LOOKS, type Look } from './look.ts';

export function RegionCrumbs({ data, look, onPick }: { data: Dashboard; look: Look; onPick: (regionId: string) => void }) {
  const style = LOOKS[look];
  const last = data.breadcrumb.length - 1;
  return (
    <Breadcrumb
      style={{ fontSize: style.labelSize }}
      data-testid="dashboard-breadcrumb"
      items={data.breadcrumb.map((r, i) => ({
        key: r.id,
        title:
          i === last ? (
            <span style={{ color: style.text }} data-testid={`dashboard-crumb-${r.name}`}>
              {r.name}
            </span>
          ) : (
            <a
              href={`?regionId=${r.id}`}
              style={{ color: style.muted }}
              onClick={(e) => {
                e.preventDefault();
                onPick(r.id);
              }}
              data-testid={`dashboard-crumb-${r.name}`}
            >
              {r.name}
            </a>
          ),
      }))}
    />
  );
}

/** "数据更新于 HH:mm", in the platform's zone; before the day's first refresh, a prompt to run one. */
export function UpdatedAt({ computedAt, look }: { computedAt: string | null; look: Look }) {
  const { t } = useTranslation();
  const style = LOOKS[look];
  return (
    <span style={{ color: computedAt ? style.muted : style.alarm, fontSize: style.labelSize }} data-testid="dashboard-updated">
      {computedAt
        ? t('dashboard.updatedAt', { time: dayjs(computedAt).tz(platformTimeZone()).format('HH:mm') })
        : t('dashboard.notYet')}
    </span>
  );
}

export function RefreshButton({ refresh, look }: { refresh: ReturnType<typeof useRefreshDashboard>; look: Look }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (
    <Button
      icon={<ReloadOutlined />}
      size={look === 'screen' ? 'large' : 'middle'}
      loading={refresh.isPending}
      onClick={() =>
        refresh.mutate(undefined, {
          onSuccess: () => void message.success(t('dashboard.refreshed')),
          onError: (e) => void message.error(e.message),
        })
      }
      data-testid="dashboard-refresh"
    >
      {t('dashboard.refresh')}
    </Button>
  );
}
