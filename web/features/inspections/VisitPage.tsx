import { Typography } from 'antd';

/** Placeholder while the page is built. */
export function VisitPage() {
  return <Typography.Title level={4}>到岗检查</Typography.Title>;
}
