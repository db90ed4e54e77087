import { Flex, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { SetupPage } from '../features/auth/SetupPage.tsx';
import { Allowed, RequireSession, SetupGate } from './gates.tsx';
import { AppLayout } from './layout/AppLayout.tsx';
import { NotFoundPage, StartPage } from './pages.tsx';
import type { Permission } from './session.ts';

// Each desk page is its own chunk, so the login page does not wait for the tables and trees.
const RegionsPage = lazy(() => import('../features/regions/RegionsPage.tsx').then((m) => ({ default: m.RegionsPage })));
const UnitsPage = lazy(() => import('../features/units/UnitsPage.tsx').then((m) => ({ default: m.UnitsPage })));
const AccountsPage = lazy(() => import('../features/accounts/AccountsPage.tsx').then((m) => ({ default: m.AccountsPage })));
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx').then((m) => ({ default: m.AuditPage })));
const PledgesPage = lazy(() => import('../features/pledges/PledgesPage.tsx').then((m) => ({ default: m.PledgesPage })));
const VolunteersPage = lazy(() =>
  import('../features/volunteers/VolunteersPage.tsx').then((m) => ({ default: m.VolunteersPage })),
);
const VolunteerDetailPage = lazy(() =>
  import('../features/volunteers/VolunteerDetailPage.tsx').then((m) => ({ default: m.VolunteerDetailPage })),
);
const TeamsPage = lazy(() => import('../features/teams/TeamsPage.tsx').then((m) => ({ default: m.TeamsPage })));
const TeamDetailPage = lazy(() => import('../features/teams/TeamDetailPage.tsx').then((m) => ({ default: m.TeamDetailPage })));
const PostsPage = lazy(() => import('../features/teams/PostsPage.tsx').then((m) => ({ default: m.PostsPage })));
const CheckpointsPage = lazy(() =>
  import('../features/checkpoints/CheckpointsPage.tsx').then((m) => ({ default: m.CheckpointsPage })),
);
const RostersPage = lazy(() => import('../features/duty/RostersPage.tsx').then((m) => ({ default: m.RostersPage })));
const RosterDetailPage = lazy(() =>
  import('../features/duty/RosterDetailPage.tsx').then((m) => ({ default: m.RosterDetailPage })),
);
const DutyNowPage = lazy(() => import('../features/duty/DutyNowPage.tsx').then((m) => ({ default: m.DutyNowPage })));
const SwapsPage = lazy(() => import('../features/duty/SwapsPage.tsx').then((m) => ({ default: m.SwapsPage })));
const MyDutyPage = lazy(() => import('../features/duty/MyDutyPage.tsx').then((m) => ({ default: m.MyDutyPage })));
const InspectPage = lazy(() => import('../features/inspections/InspectPage.tsx').then((m) => ({ default: m.InspectPage })));
const VisitPage = lazy(() => import('../features/inspections/VisitPage.tsx').then((m) => ({ default: m.VisitPage })));
const InspectionsPage = lazy(() =>
  import('../features/inspections/InspectionsPage.tsx').then((m) => ({ default: m.InspectionsPage })),
);
const InspectionGroupsPage = lazy(() =>
  import('../features/inspections/InspectionGroupsPage.tsx').then((m) => ({ default: m.InspectionGroupsPage })),
);
const FieldIssuesPage = lazy(() =>
  import('../features/field-issues/FieldIssuesPage.tsx').then((m) => ({ default: m.FieldIssuesPage })),
);
const FieldIssueDetailPage = lazy(() =>
  import('../features/field-issues/FieldIssueDetailPage.tsx').then((m) => ({ default: m.FieldIssueDetailPage })),
);
const RaiseIssuePage = lazy(() =>
  import('../features/field-issues/RaiseIssuePage.tsx').then((m) => ({ default: m.RaiseIssuePage })),
);
const PassagesPage = lazy(() => import('../features/passages/PassagesPage.tsx').then((m) => ({ default: m.PassagesPage })));
const PassageEntryPage = lazy(() =>
  import('../features/passages/PassageEntryPage.tsx').then((m) => ({ default: m.PassageEntryPage })),
);
const RiskAreasPage = lazy(() => import('../features/passages/RiskAreasPage.tsx').then((m) => ({ default: m.RiskAreasPage })));
const FollowUpsPage = lazy(() => import('../features/passages/FollowUpsPage.tsx').then((m) => ({ default: m.FollowUpsPage })));
const HouseholdsPage = lazy(() =>
  import('../features/households/HouseholdsPage.tsx').then((m) => ({ default: m.HouseholdsPage })),
);
const HouseholdDetailPage = lazy(() =>
  import('../features/households/HouseholdDetailPage.tsx').then((m) => ({ default: m.HouseholdDetailPage })),
);
const ScreeningCampaignsPage = lazy(() =>
  import('../features/households/ScreeningCampaignsPage.tsx').then((m) => ({ default: m.ScreeningCampaignsPage })),
);
const ScreeningCampaignPage = lazy(() =>
  import('../features/households/ScreeningCampaignPage.tsx').then((m) => ({ default: m.ScreeningCampaignPage })),
);
const ScreeningVisitPage = lazy(() =>
  import('../features/households/ScreeningVisitPage.tsx').then((m) => ({ default: m.ScreeningVisitPage })),
);
const ScreeningGridPage = lazy(() =>
  import('../features/households/ScreeningGridPage.tsx').then((m) => ({ default: m.ScreeningGridPage })),
);
const AlertsPage = lazy(() => import('../features/quarantine/AlertsPage.tsx').then((m) => ({ default: m.AlertsPage })));
const ReturneesPage = lazy(() => import('../features/quarantine/ReturneesPage.tsx').then((m) => ({ default: m.ReturneesPage })));
const ContactsPage = lazy(() => import('../features/quarantine/ContactsPage.tsx').then((m) => ({ default: m.ContactsPage })));
const HealthCardPage = lazy(() =>
  import('../features/quarantine/HealthCardPage.tsx').then((m) => ({ default: m.HealthCardPage })),
);
const CasesPage = lazy(() => import('../features/quarantine/CasesPage.tsx').then((m) => ({ default: m.CasesPage })));
const CaseDetailPage = lazy(() =>
  import('../features/quarantine/CaseDetailPage.tsx').then((m) => ({ default: m.CaseDetailPage })),
);
const CaseReleaseNoticePage = lazy(() =>
  import('../features/quarantine/CaseReleaseNoticePage.tsx').then((m) => ({ default: m.CaseReleaseNoticePage })),
);
const MyServicesPage = lazy(() =>
  import('../features/quarantine/MyServicesPage.tsx').then((m) => ({ default: m.MyServicesPage })),
);
const DisinfectionPage = lazy(() =>
  import('../features/disinfection/DisinfectionPage.tsx').then((m) => ({ default: m.DisinfectionPage })),
);
const DisinfectionPlacesPage = lazy(() =>
  import('../features/disinfection/DisinfectionPlacesPage.tsx').then((m) => ({ default: m.DisinfectionPlacesPage })),
);
const ErrandOrderPage = lazy(() =>
  import('../features/errands/ErrandOrderPage.tsx').then((m) => ({ default: m.ErrandOrderPage })),
);
const ErrandOrderStatusPage = lazy(() =>
  import('../features/errands/ErrandOrderStatusPage.tsx').then((m) => ({ default: m.ErrandOrderStatusPage })),
);
const ErrandCardPage = lazy(() => import('../features/errands/ErrandCardPage.tsx').then((m) => ({ default: m.ErrandCardPage })));
const OrdersPage = lazy(() => import('../features/errands/OrdersPage.tsx').then((m) => ({ default: m.OrdersPage })));
const OrderDetailPage = lazy(() =>
  import('../features/errands/OrderDetailPage.tsx').then((m) => ({ default: m.OrderDetailPage })),
);
const MyErrandsPage = lazy(() => import('../features/errands/MyErrandsPage.tsx').then((m) => ({ default: m.MyErrandsPage })));
const RunsPage = lazy(() => import('../features/errands/RunsPage.tsx').then((m) => ({ default: m.RunsPage })));
const RunDetailPage = lazy(() => import('../features/errands/RunDetailPage.tsx').then((m) => ({ default: m.RunDetailPage })));
const SettlementPage = lazy(() => import('../features/errands/SettlementPage.tsx').then((m) => ({ default: m.SettlementPage })));
const ErrandNumbersPage = lazy(() =>
  import('../features/errands/ErrandNumbersPage.tsx').then((m) => ({ default: m.ErrandNumbersPage })),
);
const ErrandLedgerPage = lazy(() =>
  import('../features/errands/ErrandLedgerPage.tsx').then((m) => ({ default: m.ErrandLedgerPage })),
);
const MyDisinfectionPage = lazy(() =>
  import('../features/disinfection/MyDisinfectionPage.tsx').then((m) => ({ default: m.MyDisinfectionPage })),
);
const PublicityPage = lazy(() => import('../features/publicity/PublicityPage.tsx').then((m) => ({ default: m.PublicityPage })));
const LogPublicityPage = lazy(() =>
  import('../features/publicity/LogPublicityPage.tsx').then((m) => ({ default: m.LogPublicityPage })),
);
const AnnouncementsPage = lazy(() =>
  import('../features/publicity/AnnouncementsPage.tsx').then((m) => ({ default: m.AnnouncementsPage })),
);
const StoresPage = lazy(() => import('../features/supplies/StoresPage.tsx').then((m) => ({ default: m.StoresPage })));
const StoreDetailPage = lazy(() =>
  import('../features/supplies/StoreDetailPage.tsx').then((m) => ({ default: m.StoreDetailPage })),
);
const DonationsPage = lazy(() => import('../features/supplies/DonationsPage.tsx').then((m) => ({ default: m.DonationsPage })));
const AllocationsPage = lazy(() =>
  import('../features/supplies/AllocationsPage.tsx').then((m) => ({ default: m.AllocationsPage })),
);
const ToConfirmPage = lazy(() => import('../features/supplies/ToConfirmPage.tsx').then((m) => ({ default: m.ToConfirmPage })));
const LedgerPage = lazy(() => import('../features/supplies/LedgerPage.tsx').then((m) => ({ default: m.LedgerPage })));
const ItemsPage = lazy(() => import('../features/supplies/ItemsPage.tsx').then((m) => ({ default: m.ItemsPage })));
// The personal health-report page: opened from the card's QR code on a phone, no account.
const HealthReportPage = lazy(() =>
  import('../features/quarantine/HealthReportPage.tsx').then((m) => ({ default: m.HealthReportPage })),
);
const CheckInPage = lazy(() => import('../features/duty/CheckInPage.tsx').then((m) => ({ default: m.CheckInPage })));
// The public pledge pages: opened from a QR code on a phone, so they load little and need no account.
const PledgePage = lazy(() => import('../features/pledges/PledgePage.tsx').then((m) => ({ default: m.PledgePage })));
const PledgeStatusPage = lazy(() =>
  import('../features/pledges/PledgeStatusPage.tsx').then((m) => ({ default: m.PledgeStatusPage })),
);

function Public({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
          <Spin size="large" />
        </Flex>
      }
    >
      {children}
    </Suspense>
  );
}

function guarded(permission: Permission, page: ReactNode) {
  return <Allowed permission={permission}>{page}</Allowed>;
}

export const router = createBrowserRouter([
  // Outside the setup gate: a resident's pledge link works whatever the state of the desk.
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
    path: '/errands/ledger/:code',
    element: (
      <Public>
        <ErrandLedgerPage />
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
    element: <SetupGate />,
    children: [
      { path: '/setup', element: <SetupPage /> },
      { path: '/login', element: <LoginPage /> },
      {
        element: <RequireSession />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <StartPage /> },
              {
                path: 'regions',
                element: (
                  <Allowed permission="regions.read">
                    <RegionsPage />
                  </Allowed>
                ),
              },
              {
                path: 'units',
                element: (
                  <Allowed permission="units.read">
                    <UnitsPage />
                  </Allowed>
                ),
              },
              { path: 'pledges', element: guarded('pledges.review', <PledgesPage />) },
              { path: 'volunteers', element: guarded('volunteers.read', <VolunteersPage />) },
              { path: 'volunteers/:id', element: guarded('volunteers.read', <VolunteerDetailPage />) },
              { path: 'teams', element: guarded('teams.read', <TeamsPage />) },
              { path: 'teams/:id', element: guarded('teams.read', <TeamDetailPage />) },
              { path: 'posts', element: guarded('teams.read', <PostsPage />) },
              { path: 'checkpoints', element: guarded('checkpoints.read', <CheckpointsPage />) },
              { path: 'rosters', element: guarded('duty.read', <RostersPage />) },
              { path: 'rosters/:id', element: guarded('duty.read', <RosterDetailPage />) },
              { path: 'duty/now', element: guarded('duty.read', <DutyNowPage />) },
              { path: 'duty/swaps', element: guarded('duty.swaps', <SwapsPage />) },
              { path: 'my-duty', element: guarded('duty.self', <MyDutyPage />) },
              { path: 'duty/check-in/:code', element: guarded('duty.self', <CheckInPage />) },
              { path: 'inspect', element: guarded('inspections.visit', <InspectPage />) },
              { path: 'inspect/:checkpointId', element: guarded('inspections.visit', <VisitPage />) },
              { path: 'inspections', element: guarded('inspections.read', <InspectionsPage />) },
              { path: 'inspection-groups', element: guarded('inspections.read', <InspectionGroupsPage />) },
              { path: 'field-issues', element: guarded('fieldIssues.raise', <FieldIssuesPage />) },
              { path: 'field-issues/new', element: guarded('fieldIssues.raise', <RaiseIssuePage />) },
              { path: 'field-issues/:id', element: guarded('fieldIssues.raise', <FieldIssueDetailPage />) },
              { path: 'passages', element: guarded('passages.read', <PassagesPage />) },
              { path: 'passage/:checkpointId', element: guarded('passages.write', <PassageEntryPage />) },
              { path: 'risk-areas', element: guarded('passages.read', <RiskAreasPage />) },
              { path: 'follow-ups', element: guarded('followUps.read', <FollowUpsPage />) },
              { path: 'households', element: guarded('households.read', <HouseholdsPage />) },
              { path: 'households/:id', element: guarded('households.read', <HouseholdDetailPage />) },
              { path: 'screening', element: guarded('households.read', <ScreeningCampaignsPage />) },
              { path: 'screening/visit', element: guarded('screening.visit', <ScreeningVisitPage />) },
              { path: 'screening/visit/:campaignId/:gridId', element: guarded('screening.visit', <ScreeningGridPage />) },
              { path: 'screening/:id', element: guarded('households.read', <ScreeningCampaignPage />) },
              { path: 'quarantine/alerts', element: guarded('quarantine.read', <AlertsPage />) },
              { path: 'quarantine/returnees', element: guarded('quarantine.read', <ReturneesPage />) },
              { path: 'quarantine/contacts', element: guarded('quarantine.read', <ContactsPage />) },
              { path: 'quarantine/cases', element: guarded('quarantine.read', <CasesPage />) },
              { path: 'quarantine/cases/:id', element: guarded('quarantine.read', <CaseDetailPage />) },
              { path: 'quarantine/cases/:id/release-notice', element: guarded('quarantine.read', <CaseReleaseNoticePage />) },
              { path: 'quarantine/my-services', element: guarded('caseServices.log', <MyServicesPage />) },
              { path: 'quarantine/cases/:id/card', element: guarded('quarantine.write', <HealthCardPage />) },
              { path: 'disinfection', element: guarded('disinfection.read', <DisinfectionPage />) },
              { path: 'disinfection/places', element: guarded('disinfection.read', <DisinfectionPlacesPage />) },
              { path: 'my-disinfection', element: guarded('disinfection.log', <MyDisinfectionPage />) },
              { path: 'my-errands', element: guarded('errands.run', <MyErrandsPage />) },
              { path: 'households/:id/errand-card', element: guarded('errands.manage', <ErrandCardPage />) },
              { path: 'errands/orders', element: guarded('errands.read', <OrdersPage />) },
              { path: 'errands/orders/:id', element: guarded('errands.read', <OrderDetailPage />) },
              { path: 'errands/runs', element: guarded('errands.run', <RunsPage />) },
              { path: 'errands/runs/:id', element: guarded('errands.run', <RunDetailPage />) },
              { path: 'errands/settlement', element: guarded('errands.read', <SettlementPage />) },
              { path: 'errands/numbers', element: guarded('errands.read', <ErrandNumbersPage />) },
              { path: 'publicity', element: guarded('publicity.read', <PublicityPage />) },
              { path: 'publicity/log', element: guarded('publicity.log', <LogPublicityPage />) },
              { path: 'announcements', element: guarded('announcements.write', <AnnouncementsPage />) },
              { path: 'supplies/stores', element: guarded('supplies.read', <StoresPage />) },
              { path: 'supplies/stores/:id', element: guarded('supplies.read', <StoreDetailPage />) },
              { path: 'supplies/donations', element: guarded('supplies.read', <DonationsPage />) },
              { path: 'supplies/allocations', element: guarded('supplies.read', <AllocationsPage />) },
              { path: 'supplies/to-confirm', element: guarded('supplies.confirm', <ToConfirmPage />) },
              { path: 'supplies/ledger', element: guarded('supplies.read', <LedgerPage />) },
              { path: 'supplies/items', element: guarded('supplies.read', <ItemsPage />) },
              {
                path: 'accounts',
                element: (
                  <Allowed permission="accounts.read">
                    <AccountsPage />
                  </Allowed>
                ),
              },
              {
                path: 'audit',
                element: (
                  <Allowed permission="audit.read">
                    <AuditPage />
                  </Allowed>
                ),
              },
              { path: 'password', element: <ChangePasswordPage /> },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
