import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can, useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { textParam, useUrlFilter } from '../../components/useUrlFilter.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { useLiveDisinfection } from './disinfection.api.ts';
import { LogsTab } from './LogsTab.tsx';
import { TotalsCard } from './TotalsCard.tsx';

/** 卫生消杀 at a desk: the totals of an area (one click from the report's figures) and the jobs logged, to sign off. */
export function DisinfectionPage() {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const me = useMe().data;
  const { filter, change } = useUrlFilter<{ regionId: string | null }>({ regionId: textParam });
  const regionId = filter.regionId ?? null;
  const setRegionId = change('regionId');
  useLiveDisinfection();
  return (
    <>
      <PageHeader
        title={t('disinfection.title')}
        extra={
          <>
            <RegionTreeSelect
              allowClear
              placeholder={t('disinfection.logs.filterRegion')}
              value={regionId}
              onChange={setRegionId}
              testId="disinfection-filter-region"
              style={phone ? { width: '100%' } : { width: 260 }}
            />
            {can(me, 'disinfection.read') && !phone ? (
              <Link to="/disinfection/places">
                <Button data-testid="disinfection-to-places">{t('disinfection.places.title')}</Button>
              </Link>
            ) : null}
          </>
        }
      />
      <TotalsCard regionId={regionId} onRegion={setRegionId} />
      <Card title={t('disinfection.logs.title')}>
        <LogsTab regionId={regionId} />
      </Card>
    </>
  );
}
