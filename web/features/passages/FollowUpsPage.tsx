import { Typography } from 'antd';

/** Placeholder while the page is built. */
export function FollowUpsPage() {
  return <Typography.Title level={4}>跟进任务</Typography.Title>;
}
