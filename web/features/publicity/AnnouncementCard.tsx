import { Button, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { platformTimeZone } from '../../app/dates.ts';

/** Past this, a body starts folded: four lines on a 390 px phone. */
const LONG_CHARS = 90;
const LONG_LINES = 4;

export interface AnnouncementView {
  title: string;
  body: string;
  fromName: string;
  publishAt: string;
}

/**
 * One announcement as a resident's phone shows it (the desk's preview uses the same card): the
 * text as written, line breaks kept, never as markup; a long body folded to four lines.
 */
export function AnnouncementCard({ a, testId }: { a: AnnouncementView; testId: string }) {
  const { t } = useTranslation();
  const long = a.body.length > LONG_CHARS || a.body.split('\n').length > LONG_LINES;
  const [open, setOpen] = useState(false);
  const folded = long && !open;
  return (
    <div style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }} data-testid={testId}>
      <Typography.Text strong style={{ fontSize: 16, display: 'block', lineHeight: 1.4 }}>
        {a.title}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('publicity.resident.from', {
          name: a.fromName,
          at: dayjs(a.publishAt).tz(platformTimeZone()).format('MM-DD HH:mm'),
        })}
      </Typography.Text>
      <div
        style={{
          marginTop: 6,
          fontSize: 15,
          lineHeight: 1.6,
          whiteSpace: 'pre-wrap',
          wordBreak: 'break-word',
          ...(folded
            ? { display: '-webkit-box', WebkitLineClamp: LONG_LINES, WebkitBoxOrient: 'vertical', overflow: 'hidden' }
            : {}),
        }}
        data-testid={`${testId}-body`}
      >
        {a.body}
      </div>
      {long ? (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(!open)} data-testid={`${testId}-toggle`}>
          {open ? t('publicity.resident.less') : t('publicity.resident.more')}
        </Button>
      ) : null}
    </div>
  );
}
