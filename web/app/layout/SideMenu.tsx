import {
  HeartOutlined,
  CarOutlined,
  NodeIndexOutlined,
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  ClusterOutlined,
  EnvironmentOutlined,
  ExceptionOutlined,
  FileSearchOutlined,
  FlagOutlined,
  FormOutlined,
  IdcardOutlined,
  SafetyOutlined,
  SolutionOutlined,
  SwapOutlined,
  TeamOutlined,
  UsergroupAddOutlined,
  HomeOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { NAV_ITEMS, type NavKey } from '../navigation.ts';
import { can, type Me } from '../session.ts';

const ICONS: Record<NavKey, ReactNode> = {
  regions: <ApartmentOutlined />,
  units: <BankOutlined />,
  pledges: <SolutionOutlined />,
  volunteers: <IdcardOutlined />,
  teams: <ClusterOutlined />,
  posts: <FlagOutlined />,
  myDuty: <CarryOutOutlined />,
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
  isolationCases: <HomeOutlined />,
  healthAlerts: <HeartOutlined />,
  myServices: <CarryOutOutlined />,
  returnees: <CarOutlined />,
  contacts: <NodeIndexOutlined />,
  riskAreas: <WarningOutlined />,
  households: <HomeOutlined />,
  screening: <FileSearchOutlined />,
  screeningVisit: <CarryOutOutlined />,
  accounts: <TeamOutlined />,
  audit: <AuditOutlined />,
};

export function SideMenu({ me, onNavigate }: { me: Me; onNavigate?: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const items = NAV_ITEMS.filter((item) => can(me, item.permission)).map((item) => ({
    key: item.path,
    icon: ICONS[item.key],
    label: <span data-testid={`nav-${item.key}`}>{t(`nav.${item.key}`)}</span>,
  }));
  // Whole path segments only: /inspections is not under /inspect.
  const selected = items.find((item) => pathname === item.key || pathname.startsWith(`${item.key}/`))?.key;
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selected ? [selected] : []}
      style={{ borderInlineEnd: 'none' }}
      onClick={({ key }) => {
        void navigate(key);
        onNavigate?.();
      }}
    />
  );
}
