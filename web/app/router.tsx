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
const DisinfectionPage = lazy(() =>
  import('../features/disinfection/DisinfectionPage.tsx').then((m) => ({ default: m.DisinfectionPage })),
);
const DisinfectionPlacesPage = lazy(() =>
  import('../features/disinfection/DisinfectionPlacesPage.tsx').then((m) => ({ default: m.DisinfectionPlacesPage })),
);
const ErrandCardPage = lazy(() => import('../features/errands/ErrandCardPage.tsx').then((m) => ({ default: m.ErrandCardPage })));
const OrdersPage = lazy(() => import('../features/errands/OrdersPage.tsx').then((m) => ({ default: m.OrdersPage })));
const OrderDetailPage = lazy(() =>
  import('../features/errands/OrderDetailPage.tsx').then((m) => ({ default: m.OrderDetailPage })),
);
const RunsPage = lazy(() => import('../features/errands/RunsPage.tsx').then((m) => ({ default: m.RunsPage })));
const RunDetailPage = lazy(() => import('../features/errands/RunDetailPage.tsx').then((m) => ({ default: m.RunDetailPage })));
const ErrandPostsPage = lazy(() => import('../features/errands/PostsPage.tsx').then((m) => ({ default: m.PostsPage })));
const ErrandShopsPage = lazy(() => import('../features/errands/ShopsPage.tsx').then((m) => ({ default: m.ShopsPage })));
const SettlementPage = lazy(() => import('../features/errands/SettlementPage.tsx').then((m) => ({ default: m.SettlementPage })));
const ErrandNumbersPage = lazy(() =>
  import('../features/errands/ErrandNumbersPage.tsx').then((m) => ({ default: m.ErrandNumbersPage })),
);
const ErrandLedgerPage = lazy(() =>
  import('../features/errands/ErrandLedgerPage.tsx').then((m) => ({ default: m.ErrandLedgerPage })),
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
const DashboardPage = lazy(() => import('../features/dashboard/DashboardPage.tsx').then((m) => ({ default: m.DashboardPage })));
const DashboardScreenPage = lazy(() =>
  import('../features/dashboard/DashboardScreenPage.tsx').then((m) => ({ default: m.DashboardScreenPage })),
);
const DailyReportsPage = lazy(() =>
  import('../features/reports/DailyReportsPage.tsx').then((m) => ({ default: m.DailyReportsPage })),
);
const DailyReportPage = lazy(() =>
  import('../features/reports/DailyReportPage.tsx').then((m) => ({ default: m.DailyReportPage })),
);
const DailyReportPrintPage = lazy(() =>
  import('../features/reports/DailyReportPrintPage.tsx').then((m) => ({ default: m.DailyReportPrintPage })),
);
const ConflictsPage = lazy(() => import('../features/sync/ConflictsPage.tsx').then((m) => ({ default: m.ConflictsPage })));
const RankingsPage = lazy(() => import('../features/recognition/RankingsPage.tsx').then((m) => ({ default: m.RankingsPage })));
const CertificatePrintPage = lazy(() =>
  import('../features/recognition/CertificatePrintPage.tsx').then((m) => ({ default: m.CertificatePrintPage })),
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
  // The volunteer's and resident's phone pages (/my-duty, /h/:token, /pledge, …) are the field app's
  // (web/field/router.tsx, served as field.html): the desk reaches them with a full page load.
  // Outside the setup gate: the public errand ledger works whatever the state of the desk.
  {
    path: '/errands/ledger/:code',
    element: (
      <Public>
        <ErrandLedgerPage />
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
          // 大屏: the dashboard on a projector, full screen without the app's menu and header.
          {
            path: '/dashboard/screen',
            element: <Public>{guarded('dashboard.read', <DashboardScreenPage />)}</Public>,
          },
          // The daily report's print version: plain tables without the app's menu and header.
          {
            path: '/reports/daily/:id/print',
            element: <Public>{guarded('reports.read', <DailyReportPrintPage />)}</Public>,
          },
          // A certificate of service to print: one A4 sheet without the app's menu and header.
          {
            path: '/certificates/:id/print',
            element: <Public>{guarded('volunteers.read', <CertificatePrintPage />)}</Public>,
          },
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <StartPage /> },
              { path: 'dashboard', element: guarded('dashboard.read', <DashboardPage />) },
              { path: 'reports/daily', element: guarded('reports.read', <DailyReportsPage />) },
              { path: 'reports/daily/:id', element: guarded('reports.read', <DailyReportPage />) },
              { path: 'sync/conflicts', element: guarded('conflicts.review', <ConflictsPage />) },
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
              { path: 'recognition', element: guarded('volunteers.read', <RankingsPage />) },
              { path: 'teams/:id', element: guarded('teams.read', <TeamDetailPage />) },
              { path: 'posts', element: guarded('teams.read', <PostsPage />) },
              { path: 'checkpoints', element: guarded('checkpoints.read', <CheckpointsPage />) },
              { path: 'rosters', element: guarded('duty.read', <RostersPage />) },
              { path: 'rosters/:id', element: guarded('duty.read', <RosterDetailPage />) },
              { path: 'duty/now', element: guarded('duty.read', <DutyNowPage />) },
              { path: 'duty/swaps', element: guarded('duty.swaps', <SwapsPage />) },
              { path: 'inspections', element: guarded('inspections.read', <InspectionsPage />) },
              { path: 'inspection-groups', element: guarded('inspections.read', <InspectionGroupsPage />) },
              { path: 'field-issues', element: guarded('fieldIssues.raise', <FieldIssuesPage />) },
              { path: 'field-issues/new', element: guarded('fieldIssues.raise', <RaiseIssuePage />) },
              { path: 'field-issues/:id', element: guarded('fieldIssues.raise', <FieldIssueDetailPage />) },
              { path: 'passages', element: guarded('passages.read', <PassagesPage />) },
              { path: 'risk-areas', element: guarded('passages.read', <RiskAreasPage />) },
              { path: 'follow-ups', element: guarded('followUps.read', <FollowUpsPage />) },
              { path: 'households', element: guarded('households.read', <HouseholdsPage />) },
              { path: 'households/:id', element: guarded('households.read', <HouseholdDetailPage />) },
              { path: 'screening', element: guarded('households.read', <ScreeningCampaignsPage />) },
              { path: 'screening/:id', element: guarded('households.read', <ScreeningCampaignPage />) },
              { path: 'quarantine/alerts', element: guarded('quarantine.read', <AlertsPage />) },
              { path: 'quarantine/returnees', element: guarded('quarantine.read', <ReturneesPage />) },
              { path: 'quarantine/contacts', element: guarded('quarantine.read', <ContactsPage />) },
              { path: 'quarantine/cases', element: guarded('quarantine.read', <CasesPage />) },
              { path: 'quarantine/cases/:id', element: guarded('quarantine.read', <CaseDetailPage />) },
              { path: 'quarantine/cases/:id/release-notice', element: guarded('quarantine.read', <CaseReleaseNoticePage />) },
              { path: 'quarantine/cases/:id/card', element: guarded('quarantine.write', <HealthCardPage />) },
              { path: 'disinfection', element: guarded('disinfection.read', <DisinfectionPage />) },
              { path: 'disinfection/places', element: guarded('disinfection.read', <DisinfectionPlacesPage />) },
              { path: 'households/:id/errand-card', element: guarded('errands.manage', <ErrandCardPage />) },
              { path: 'errands/orders', element: guarded('errands.read', <OrdersPage />) },
              { path: 'errands/orders/:id', element: guarded('errands.read', <OrderDetailPage />) },
              { path: 'errands/runs', element: guarded('errands.run', <RunsPage />) },
              { path: 'errands/runs/:id', element: guarded('errands.run', <RunDetailPage />) },
              { path: 'errands/settlement', element: guarded('errands.read', <SettlementPage />) },
              { path: 'errands/numbers', element: guarded('errands.read', <ErrandNumbersPage />) },
              { path: 'errands/posts', element: guarded('errands.manage', <ErrandPostsPage />) },
              { path: 'errands/shops', element: guarded('errands.manage', <ErrandShopsPage />) },
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
