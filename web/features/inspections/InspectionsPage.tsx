import { Typography } from 'antd';

/** Placeholder while the page is built. */
export function InspectionsPage() {
  return <Typography.Title level={4}>督查记录</Typography.Title>;
}
