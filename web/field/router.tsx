import { Result } from 'antd';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, useLocation } from 'react-router';
import { isFieldPath } from '../../common/field-paths.ts';
import type { Permission } from '../app/session.ts';
import { FieldLayout } from './FieldLayout.tsx';
import { FieldAllowed, FieldSession, FullPageSpin } from './gates.tsx';

// Each page is its own chunk, shared with the staff desk's router where the desk shows it too.
const MyDutyPage = lazy(() => import('../features/duty/MyDutyPage.tsx').then((m) => ({ default: m.MyDutyPage })));
const CheckInPage = lazy(() => import('../features/duty/CheckInPage.tsx').then((m) => ({ default: m.CheckInPage })));
const PassageEntryPage = lazy(() =>
  import('../features/passages/PassageEntryPage.tsx').then((m) => ({ default: m.PassageEntryPage })),
);
const InspectPage = lazy(() => import('../features/inspections/InspectPage.tsx').then((m) => ({ default: m.InspectPage })));
const VisitPage = lazy(() => import('../features/inspections/VisitPage.tsx').then((m) => ({ default: m.VisitPage })));
const ScreeningVisitPage = lazy(() =>
  import('../features/households/ScreeningVisitPage.tsx').then((m) => ({ default: m.ScreeningVisitPage })),
);
const ScreeningGridPage = lazy(() =>
  import('../features/households/ScreeningGridPage.tsx').then((m) => ({ default: m.ScreeningGridPage })),
);
const MyServicesPage = lazy(() =>
  import('../features/quarantine/MyServicesPage.tsx').then((m) => ({ default: m.MyServicesPage })),
);
const MyDisinfectionPage = lazy(() =>
  import('../features/disinfection/MyDisinfectionPage.tsx').then((m) => ({ default: m.MyDisinfectionPage })),
);
const MyErrandsPage = lazy(() => import('../features/errands/MyErrandsPage.tsx').then((m) => ({ default: m.MyErrandsPage })));
// The resident's pages: opened from a QR code or a link on a phone, no account.
const HealthReportPage = lazy(() =>
  import('../features/quarantine/HealthReportPage.tsx').then((m) => ({ default: m.HealthReportPage })),
);
const ErrandOrderPage = lazy(() =>
  import('../features/errands/ErrandOrderPage.tsx').then((m) => ({ default: m.ErrandOrderPage })),
);
const ErrandOrderStatusPage = lazy(() =>
  import('../features/errands/ErrandOrderStatusPage.tsx').then((m) => ({ default: m.ErrandOrderStatusPage })),
);
const PledgePage = lazy(() => import('../features/pledges/PledgePage.tsx').then((m) => ({ default: m.PledgePage })));
const PledgeStatusPage = lazy(() =>
  import('../features/pledges/PledgeStatusPage.tsx').then((m) => ({ default: m.PledgeStatusPage })),
);
const CertificateCheckPage = lazy(() =>
  import('../features/recognition/CertificateCheckPage.tsx').then((m) => ({ default: m.CertificateCheckPage })),
);

function Public({ children }: { children: ReactNode }) {
  return <Suspense fallback={<FullPageSpin />}>{children}</Suspense>;
}

function guarded(permission: Permission, page: ReactNode) {
  return <FieldAllowed permission={permission}>{page}</FieldAllowed>;
}

/**
 * An address of the staff desk reached from a field page (a link to raise an issue, the start
 * page): the desk is the other bundle, so the page is loaded in full, in place of this entry.
 */
function Elsewhere() {
  const { t } = useTranslation();
  const { pathname, search, hash } = useLocation();
  // A field address no route takes (a mistyped token path) would load this same app again.
  const here = isFieldPath(pathname);
  useEffect(() => {
    if (!here) window.location.replace(pathname + search + hash);
  }, [here, pathname, search, hash]);
  if (here) return <Result status="404" title={t('app.notFound')} data-testid="field-not-found" />;
  return <FullPageSpin />;
}

/** The field app's pages: the same addresses (and page components) as before the split. */
export const fieldRouter = createBrowserRouter([
  // Public: no account, no volunteer layout.
  {
    path: '/pledge',
    element: (
      <Public>
        <PledgePage />
      </Public>
    ),
  },
  {
    path: '/pledge/status/:token',
    element: (
      <Public>
        <PledgeStatusPage />
      </Public>
    ),
  },
  {
    path: '/h/:token',
    element: (
      <Public>
        <HealthReportPage />
      </Public>
    ),
  },
  {
    path: '/c/:code',
    element: (
      <Public>
        <CertificateCheckPage />
      </Public>
    ),
  },
  {
    path: '/e/:token',
    element: (
      <Public>
        <ErrandOrderPage />
      </Public>
    ),
  },
  {
    path: '/e/:token/orders/:id',
    element: (
      <Public>
        <ErrandOrderStatusPage />
      </Public>
    ),
  },
  {
    element: <FieldSession />,
    children: [
      {
        element: <FieldLayout />,
        children: [
          { path: '/my-duty', element: guarded('duty.self', <MyDutyPage />) },
          { path: '/duty/check-in/:code', element: guarded('duty.self', <CheckInPage />) },
          { path: '/passage/:checkpointId', element: guarded('passages.write', <PassageEntryPage />) },
          { path: '/inspect', element: guarded('inspections.visit', <InspectPage />) },
          { path: '/inspect/:checkpointId', element: guarded('inspections.visit', <VisitPage />) },
          { path: '/screening/visit', element: guarded('screening.visit', <ScreeningVisitPage />) },
          {
            path: '/screening/visit/:campaignId/:gridId',
            element: guarded('screening.visit', <ScreeningGridPage />),
          },
          { path: '/quarantine/my-services', element: guarded('caseServices.log', <MyServicesPage />) },
          { path: '/my-disinfection', element: guarded('disinfection.log', <MyDisinfectionPage />) },
          { path: '/my-errands', element: guarded('errands.run', <MyErrandsPage />) },
        ],
      },
    ],
  },
  { path: '*', element: <Elsewhere /> },
]);
