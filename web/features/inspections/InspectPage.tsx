import { Typography } from 'antd';

/** Placeholder while the page is built. */
export function InspectPage() {
  return <Typography.Title level={4}>今日督查</Typography.Title>;
}
