import { Typography } from 'antd';

/** Placeholder while the page is built. */
export function FieldIssueDetailPage() {
  return <Typography.Title level={4}>问题详情</Typography.Title>;
}
