import { Typography } from 'antd';

/** Placeholder while the page is built. */
export function PassagesPage() {
  return <Typography.Title level={4}>卡点登记</Typography.Title>;
}
