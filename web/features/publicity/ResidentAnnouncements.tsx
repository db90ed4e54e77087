import { NotificationOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnnouncementCard } from './AnnouncementCard.tsx';
import { useResidentAnnouncements, type ResidentLink } from './publicity.api.ts';

/** Shown before "all": the page's own purpose (reporting, ordering) stays near the top. */
const FIRST = 2;

/**
 * 社区公告 on a resident's phone page (health report, errands), for the region their personal link
 * belongs to and those above it. Nothing at all when there is none or the link is dead: the page
 * around it says what is wrong with the link.
 */
export function ResidentAnnouncements({ token, link = 'h' }: { token: string; link?: ResidentLink }) {
  const { t } = useTranslation();
  const announcements = useResidentAnnouncements(token, link);
  const [all, setAll] = useState(false);
  const items = announcements.data ?? [];
  if (!items.length) return null;
  const shown = all ? items : items.slice(0, FIRST);
  return (
    <section
      style={{ background: '#fffbe6', border: '1px solid #ffe58f', borderRadius: 8, padding: '8px 12px' }}
      aria-label={t('publicity.resident.heading')}
      data-testid="resident-announcements"
    >
      <Flex align="center" gap={6}>
        <NotificationOutlined style={{ color: '#d46b08' }} />
        <Typography.Text strong>{t('publicity.resident.heading')}</Typography.Text>
      </Flex>
      {shown.map((a) => (
        <AnnouncementCard key={a.id} a={a} testId={`resident-announcement-${a.id}`} />
      ))}
      {items.length > FIRST ? (
        <Button type="link" block onClick={() => setAll(!all)} data-testid="resident-announcements-all">
          {all ? t('publicity.resident.showFewer') : t('publicity.resident.showAll', { count: items.length })}
        </Button>
      ) : null}
    </section>
  );
}
