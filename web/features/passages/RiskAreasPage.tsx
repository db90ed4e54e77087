import { Typography } from 'antd';

/** Placeholder while the page is built. */
export function RiskAreasPage() {
  return <Typography.Title level={4}>风险地区</Typography.Title>;
}
