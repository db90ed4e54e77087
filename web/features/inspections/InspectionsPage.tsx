import { Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { textParam, useUrlFilter } from '../../components/useUrlFilter.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { useLiveInspections } from './inspections.api.ts';
import { AbsenceTallyTab } from './visits/AbsenceTallyTab.tsx';
import { VisitsTab } from './visits/VisitsTab.tsx';

type Tab = 'visits' | 'absences';

/** 督查记录: the visits of an area at a desk, and the absences they found. */
export function InspectionsPage() {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const { filter, change } = useUrlFilter<{ regionId: string | null }>({ regionId: textParam });
  const regionId = filter.regionId ?? null;
  const [tab, setTab] = useState<Tab>('visits');
  useLiveInspections();

  return (
    <>
      <PageHeader
        title={t('inspections.visits.title')}
        extra={
          <RegionTreeSelect
            allowClear
            placeholder={t('inspections.visits.regionAll')}
            value={regionId}
            onChange={change('regionId')}
            testId="inspections-filter-region"
            style={phone ? { width: '100%' } : { width: 260 }}
          />
        }
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as Tab)}
          items={[
            {
              key: 'visits',
              label: <span data-testid="inspections-tab-visits">{t('inspections.visits.tabVisits')}</span>,
              children: <VisitsTab regionId={regionId} />,
            },
            {
              key: 'absences',
              label: <span data-testid="inspections-tab-absences">{t('inspections.visits.tabAbsences')}</span>,
              children: <AbsenceTallyTab regionId={regionId} />,
            },
          ]}
        />
      </Card>
    </>
  );
}
