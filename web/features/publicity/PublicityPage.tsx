import { FormOutlined } from '@ant-design/icons';
import { Button, Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLiveRefresh } from '../passages/useLiveRefresh.ts';
import { LogList } from './LogList.tsx';
import { PUBLICITY_KEY } from './publicity.api.ts';
import { TotalsPanel } from './TotalsPanel.tsx';

const LIVE_EVENTS = ['publicity.logged', 'publicity.deleted'] as const;

/** 宣传 at the desk: totals by region first (the report's "120 posters, 50 notices"), then the entries. */
export function PublicityPage() {
  const { t } = useTranslation();
  useLiveRefresh(LIVE_EVENTS, PUBLICITY_KEY);
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
