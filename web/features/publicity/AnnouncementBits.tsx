import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnouncementStatus } from './publicity.api.ts';

const STATUS_COLOR: Record<AnnouncementStatus, string> = {
  current: 'green',
  scheduled: 'blue',
  expired: 'default',
  withdrawn: 'red',
};

export function StatusTag({ status }: { status: AnnouncementStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid={`announcement-status-${status}`}>
      {t(`publicity.announcements.statuses.${status}`)}
    </Tag>
  );
}

/** A phone's width around the preview, so staff see the line breaks where residents will. */
export function PhoneFrame({ children }: { children: ReactNode }) {
  return (
    <div
      style={{
        width: '100%',
        maxWidth: 360,
        margin: '0 auto',
        border: '8px solid #262626',
        borderRadius: 24,
        padding: '16px 12px',
        background: '#f5f5f5',
        minHeight: 200,
      }}
    >
      {children}
    </div>
  );
}
