import { Typography } from 'antd';

/** Placeholder while the page is built. */
export function InspectionGroupsPage() {
  return <Typography.Title level={4}>督查组</Typography.Title>;
}
