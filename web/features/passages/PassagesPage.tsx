import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { CountsPanel } from './desk/CountsPanel.tsx';
import { PassageList } from './desk/PassageList.tsx';
import { PASSAGES_KEY } from './passages.api.ts';
import { useLiveRefresh } from './useLiveRefresh.ts';

const LIVE_EVENTS = ['passage.created'] as const;

/** 卡点登记 at the desk: the entries of the area (masked) and the daily counts per checkpoint. */
export function PassagesPage() {
  const { t } = useTranslation();
  useLiveRefresh(LIVE_EVENTS, PASSAGES_KEY);
  return (
    <>
      <PageHeader title={t('passages.title')} />
      <Card>
        <Tabs
          destroyOnHidden
          items={[
            { key: 'list', label: t('passages.tabList'), children: <PassageList /> },
            { key: 'counts', label: t('passages.tabCounts'), children: <CountsPanel /> },
          ]}
          data-testid="passages-tabs"
        />
      </Card>
    </>
  );
}
