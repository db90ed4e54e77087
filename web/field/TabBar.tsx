import {
  AimOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  CustomerServiceOutlined,
  EllipsisOutlined,
  ExperimentOutlined,
  ShoppingOutlined,
} from '@ant-design/icons';
import { Dropdown } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { isFieldPath } from '../../common/field-paths.ts';
import { NAV_ITEMS } from '../app/navigation.ts';
import { can, type Me } from '../app/session.ts';

/** The menu's entries that are field pages: the phone's tabs, with the desk's permissions. */
export const FIELD_NAV = NAV_ITEMS.filter((item) => isFieldPath(item.path));
type FieldNavKey = (typeof FIELD_NAV)[number]['key'];

const ICONS: Partial<Record<FieldNavKey | string, ReactNode>> = {
  myDuty: <CarryOutOutlined />,
  inspect: <AimOutlined />,
  screeningVisit: <CheckSquareOutlined />,
  myServices: <CustomerServiceOutlined />,
  myErrands: <ShoppingOutlined />,
  myDisinfection: <ExperimentOutlined />,
};

/** Five tabs fit a 360px phone with their labels; more than that, the last one opens the rest. */
const MAX_TABS = 5;
export const TAB_BAR_HEIGHT = 56;

const BAR: CSSProperties = {
  position: 'fixed',
  insetInline: 0,
  bottom: 0,
  zIndex: 10,
  display: 'flex',
  height: TAB_BAR_HEIGHT,
  // The home indicator of a phone without a button sits over the bar's bottom edge.
  paddingBottom: 'env(safe-area-inset-bottom)',
  background: '#fff',
  borderTop: '1px solid #f0f0f0',
};

function tabStyle(active: boolean): CSSProperties {
  return {
    flex: '1 1 0',
    minWidth: 0,
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: 2,
    fontSize: 11,
    color: active ? '#c41d1d' : '#595959',
    background: 'none',
    border: 'none',
    padding: '0 2px',
    cursor: 'pointer',
  };
}

const LABEL: CSSProperties = { maxWidth: '100%', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' };

/** The field pages the account may use, as a bar of tabs along the bottom of the screen. */
export function TabBar({ me }: { me: Me }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const entries = FIELD_NAV.filter((item) => can(me, item.permission));
  if (entries.length < 2) return null;
  // Whole path segments only; the longest wins.
  const selected = entries
    .map((item) => item.path as string)
    .filter((path) => pathname === path || pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];
  const tabs = entries.length > MAX_TABS ? entries.slice(0, MAX_TABS - 1) : entries;
  const rest = entries.slice(tabs.length);
  return (
    <nav style={BAR} data-testid="field-tabs">
      {tabs.map((item) => (
        <Link key={item.key} to={item.path} style={tabStyle(item.path === selected)} data-testid={`nav-${item.key}`}>
          <span style={{ fontSize: 20 }}>{ICONS[item.key]}</span>
          <span style={LABEL}>{t(`nav.${item.key}`)}</span>
        </Link>
      ))}
      {rest.length ? (
        <Dropdown
          trigger={['click']}
          placement="topRight"
          menu={{
            items: rest.map((item) => ({
              key: item.path,
              icon: ICONS[item.key],
              label: <span data-testid={`nav-${item.key}`}>{t(`nav.${item.key}`)}</span>,
            })),
            selectedKeys: selected ? [selected] : [],
            onClick: ({ key }) => void navigate(key),
          }}
        >
          <button type="button" style={tabStyle(rest.some((item) => item.path === selected))} data-testid="field-tabs-more">
            <span style={{ fontSize: 20 }}>
              <EllipsisOutlined />
            </span>
            <span style={LABEL}>{t('field.more')}</span>
          </button>
        </Dropdown>
      ) : null}
    </nav>
  );
}
