import { Typography } from 'antd';

/** Placeholder while the page is built. */
export function RaiseIssuePage() {
  return <Typography.Title level={4}>报告问题</Typography.Title>;
}
