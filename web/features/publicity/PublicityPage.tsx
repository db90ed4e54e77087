import { FormOutlined } from '@ant-design/icons';
import { Button, Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { oneOfParam, useUrlFilter } from '../../components/useUrlFilter.ts';
import { useLiveRefresh } from '../passages/useLiveRefresh.ts';
import { LogList } from './LogList.tsx';
import { PUBLICITY_KEY } from './publicity.api.ts';
import { TotalsPanel } from './TotalsPanel.tsx';

const LIVE_EVENTS = ['publicity.logged', 'publicity.deleted'] as const;
const TABS = ['totals', 'logs'] as const;
type Tab = (typeof TABS)[number];

/** 宣传 at the desk: totals by region first (the report's "120 posters, 50 notices"), then the entries. */
export function PublicityPage() {
  const { t } = useTranslation();
  useLiveRefresh(LIVE_EVENTS, PUBLICITY_KEY);
  // The address names the tab, so a dashboard tile opens the entries.
  const { filter, change } = useUrlFilter<{ tab: Tab }>({ tab: oneOfParam(TABS) }, { defaults: { tab: 'totals' } });
  return (
    <>
      <PageHeader
        title={t('publicity.title')}
        extra={
          <Link to="/publicity/log">
            <Button type="primary" icon={<FormOutlined />} data-testid="publicity-log-link">
              {t('publicity.logAction')}
            </Button>
          </Link>
        }
      />
      <Card>
        <Tabs
          destroyOnHidden
          activeKey={filter.tab}
          onChange={(key) => change('tab')(key as Tab)}
          items={[
            { key: 'totals', label: t('publicity.tabTotals'), children: <TotalsPanel /> },
            { key: 'logs', label: t('publicity.tabLogs'), children: <LogList /> },
          ]}
          data-testid="publicity-tabs"
        />
      </Card>
    </>
  );
}
