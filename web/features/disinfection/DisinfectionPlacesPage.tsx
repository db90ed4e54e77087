import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { useLiveDisinfection } from './disinfection.api.ts';
import { PlaceFormModal } from './PlaceFormModal.tsx';
import { PlacesTab } from './PlacesTab.tsx';
import { SchedulesTab } from './SchedulesTab.tsx';

type Tab = 'places' | 'schedules';

/** 消杀点位与计划: the places of an area and their recurring schedules, overdue ones flagged. */
export function DisinfectionPlacesPage() {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const me = useMe().data;
  const canPlan = can(me, 'disinfection.plan');
  const [regionId, setRegionId] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('places');
  const [adding, setAdding] = useState(false);
  useLiveDisinfection();
  return (
    <>
      <PageHeader
        title={t('disinfection.places.title')}
        extra={
          <>
            <RegionTreeSelect
              allowClear
              placeholder={t('disinfection.logs.filterRegion')}
              value={regionId}
              onChange={setRegionId}
              testId="places-filter-region"
              style={phone ? { width: '100%' } : { width: 260 }}
            />
            {canPlan ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="place-add">
                {t('disinfection.places.add')}
              </Button>
            ) : null}
          </>
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as Tab)}
          items={[
            {
              key: 'places',
              label: <span data-testid="disinfection-tab-places">{t('disinfection.places.tabPlaces')}</span>,
              children: <PlacesTab regionId={regionId} canPlan={canPlan} />,
            },
            {
              key: 'schedules',
              label: <span data-testid="disinfection-tab-schedules">{t('disinfection.places.tabSchedules')}</span>,
              children: <SchedulesTab regionId={regionId} canPlan={canPlan} />,
            },
          ]}
        />
      </Card>
      {adding ? <PlaceFormModal place={null} onClose={() => setAdding(false)} /> : null}
    </>
  );
}
