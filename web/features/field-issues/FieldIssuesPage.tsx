import { Typography } from 'antd';

/** Placeholder while the page is built. */
export function FieldIssuesPage() {
  return <Typography.Title level={4}>问题台账</Typography.Title>;
}
