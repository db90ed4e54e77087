import {
  ExperimentOutlined,
  FileTextOutlined,
  ShoppingOutlined,
  ShopOutlined,
  PushpinOutlined,
  SafetyCertificateOutlined,
  AimOutlined,
  AppstoreOutlined,
  EditOutlined,
  FundOutlined,
  NotificationOutlined,
  FileDoneOutlined,
  GiftOutlined,
  InboxOutlined,
  ProfileOutlined,
  SendOutlined,
  AlertOutlined,
  DashboardOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  CarOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  ClusterOutlined,
  CustomerServiceOutlined,
  EnvironmentOutlined,
  ExceptionOutlined,
  FileSearchOutlined,
  FlagOutlined,
  FormOutlined,
  HeartOutlined,
  HomeOutlined,
  IdcardOutlined,
  MedicineBoxOutlined,
  NodeIndexOutlined,
  ReconciliationOutlined,
  SafetyOutlined,
  SolutionOutlined,
  SwapOutlined,
  SyncOutlined,
  TeamOutlined,
  TrophyOutlined,
  UsergroupAddOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Menu, type MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { FLAT_MENU_MAX, NAV_GROUPS, NAV_ITEMS, useGo, type NavKey } from '../navigation.ts';
import { can, type Me } from '../session.ts';

const ICONS: Record<NavKey, ReactNode> = {
  dashboard: <DashboardOutlined />,
  reports: <FileTextOutlined />,
  conflicts: <SyncOutlined />,
  regions: <ApartmentOutlined />,
  units: <BankOutlined />,
  pledges: <SolutionOutlined />,
  volunteers: <IdcardOutlined />,
  teams: <ClusterOutlined />,
  recognition: <TrophyOutlined />,
  posts: <FlagOutlined />,
  myDuty: <CarryOutOutlined />,
  myErrands: <ShoppingOutlined />,
  errandOrders: <ProfileOutlined />,
  errandRuns: <ReconciliationOutlined />,
  errandSettlement: <AuditOutlined />,
  errandNumbers: <FundOutlined />,
  errandPosts: <FlagOutlined />,
  errandShops: <ShopOutlined />,
  checkpoints: <EnvironmentOutlined />,
  rosters: <CalendarOutlined />,
  dutyNow: <SafetyOutlined />,
  swaps: <SwapOutlined />,
  inspect: <AimOutlined />,
  inspections: <FileSearchOutlined />,
  inspectionGroups: <UsergroupAddOutlined />,
  fieldIssues: <ExceptionOutlined />,
  passages: <FormOutlined />,
  followUps: <AlertOutlined />,
  isolationCases: <MedicineBoxOutlined />,
  healthAlerts: <HeartOutlined />,
  myServices: <CustomerServiceOutlined />,
  returnees: <CarOutlined />,
  contacts: <NodeIndexOutlined />,
  riskAreas: <WarningOutlined />,
  households: <HomeOutlined />,
  screening: <ReconciliationOutlined />,
  screeningVisit: <CheckSquareOutlined />,
  myDisinfection: <ExperimentOutlined />,
  disinfection: <SafetyCertificateOutlined />,
  disinfectionPlaces: <PushpinOutlined />,
  suppliesToConfirm: <FileDoneOutlined />,
  suppliesStores: <InboxOutlined />,
  suppliesDonations: <GiftOutlined />,
  suppliesAllocations: <SendOutlined />,
  suppliesLedger: <ProfileOutlined />,
  suppliesItems: <AppstoreOutlined />,
  publicityLog: <EditOutlined />,
  publicity: <FundOutlined />,
  announcements: <NotificationOutlined />,
  accounts: <TeamOutlined />,
  audit: <AuditOutlined />,
};

/**
 * The menu items `me` may use: flat when there are few, otherwise under section headings that
 * stay open (an entry is never hidden behind a click), empty sections left out.
 */
function menuItems(me: Me, t: TFunction): NonNullable<MenuProps['items']> {
  const visible = NAV_ITEMS.filter((item) => can(me, item.permission));
  const entry = (item: (typeof visible)[number]) => ({
    key: item.path,
    icon: ICONS[item.key],
    label: <span data-testid={`nav-${item.key}`}>{t(`nav.${item.key}`)}</span>,
  });
  if (visible.length <= FLAT_MENU_MAX) return visible.map(entry);
  return NAV_GROUPS.flatMap((group) => {
    const children = visible.filter((item) => item.group === group).map(entry);
    return children.length ? [{ type: 'group' as const, key: `group-${group}`, label: t(`nav.groups.${group}`), children }] : [];
  });
}

export function SideMenu({ me, onNavigate }: { me: Me; onNavigate?: () => void }) {
  const { t } = useTranslation();
  // The volunteer's and resident's pages (my duty, inspect, …) are the field app's: a full load.
  const go = useGo();
  const { pathname } = useLocation();
  // Whole path segments only (/inspections is not under /inspect); the longest wins, so
  // /screening/visit is its own entry rather than part of /screening.
  const selected = NAV_ITEMS.filter((item) => can(me, item.permission))
    .map((item) => item.path as string)
    .filter((path) => pathname === path || pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <Menu
      mode="inline"
      items={menuItems(me, t)}
      selectedKeys={selected ? [selected] : []}
      style={{ borderInlineEnd: 'none' }}
      onClick={({ key }) => {
        go(key);
        onNavigate?.();
      }}
    />
  );
}
