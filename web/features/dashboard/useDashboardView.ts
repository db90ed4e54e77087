import { useSearchParams } from 'react-router';
import { useDashboard, useLiveDashboard, useRefreshDashboard } from './dashboard.api.ts';

/**
 * What both looks share: the region comes from the address (`?regionId=`), so a drill is a step
 * in the browser's history and a link to a county's dashboard can be passed on; figures follow
 * refreshes as they are announced.
 */
export function useDashboardView() {
  const [params, setParams] = useSearchParams();
  const regionId = params.get('regionId');
  const dashboard = useDashboard(regionId);
  const refresh = useRefreshDashboard();
  useLiveDashboard();
  const goTo = (id: string) => setParams({ regionId: id });
  return { regionId, dashboard, refresh, goTo };
}
