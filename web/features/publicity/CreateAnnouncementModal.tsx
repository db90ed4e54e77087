import { Button, DatePicker, Flex, Form, Input, Segmented, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useMe } from '../../app/session.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { useRegionTree, type RegionNode } from '../regions/regions.api.ts';
import { AnnouncementCard } from './AnnouncementCard.tsx';
import { homeRegion } from './homeRegion.ts';
import { PhoneFrame } from './AnnouncementBits.tsx';
import { ANNOUNCEMENTS_KEY, type Announcement, type CreateAnnouncementInput } from './publicity.api.ts';
import { fromWall, toWall } from './wallClock.ts';

interface Values {
  regionId?: string;
  title?: string;
  body?: string;
  mode: 'now' | 'later';
  publishAt?: Dayjs | null;
  expiresAt?: Dayjs | null;
}

const QUICK_DAYS = [3, 7, 14, 30];
/** The server's limits. */
const AHEAD_DAYS = 30;
const MAX_DAYS = 90;

function findName(nodes: RegionNode[], id: string | undefined): string {
  for (const n of nodes) {
    if (n.id === id) return n.name;
    const below = findName(n.children, id);
    if (below) return below;
  }
  return '';
}

/** 发布公告: audience, title, plain text, when; beside it the card as a resident's phone will show it. */
export function CreateAnnouncementModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const create = useIdempotentCreate();
  const tree = useRegionTree();
  const me = useMe().data;
  const [form] = Form.useForm<Values>();
  const v = Form.useWatch([], form) as Values | undefined;
  const now = toWall(new Date().toISOString());
  const start = v?.mode === 'later' && v.publishAt ? v.publishAt : now;

  async function submit(values: Values) {
    const body: CreateAnnouncementInput = {
      regionId: values.regionId!,
      title: values.title!.trim(),
      body: values.body!,
      expiresAt: fromWall(values.expiresAt!),
      ...(values.mode === 'later' && values.publishAt ? { publishAt: fromWall(values.publishAt) } : {}),
    };
    return create<Announcement>('/announcements', body);
  }

  const preview =
    v?.title?.trim() || v?.body?.trim() ? (
      <AnnouncementCard
        a={{
          title: v.title?.trim() ?? '',
          body: v.body?.trim() ?? '',
          fromName: findName(tree.data ?? [], v.regionId) || '—',
          publishAt: fromWall(start),
        }}
        testId="announcement-preview"
      />
    ) : (
      <Typography.Text type="secondary">{t('publicity.announcements.previewEmpty')}</Typography.Text>
    );

  return (
    <FormModal<Values>
      title={t('publicity.announcements.createTitle')}
      testId="announcement-create"
      onClose={onClose}
      submit={submit}
      invalidate={[ANNOUNCEMENTS_KEY]}
      success={t('publicity.announcements.published')}
      okText={t('publicity.announcements.submit')}
      form={form}
      width={phone ? undefined : 940}
      initialValues={{
        regionId: homeRegion(me, 'announcements.write') ?? undefined,
        mode: 'now',
        expiresAt: now.add(7, 'day').startOf('hour'),
      }}
      intro={<Typography.Paragraph type="secondary">{t('publicity.announcements.intro')}</Typography.Paragraph>}
    >
      <Flex gap={24} wrap>
        <div style={{ flex: '1 1 420px', minWidth: 0 }}>
          <Form.Item
            name="regionId"
            label={t('publicity.announcements.region')}
            extra={t('publicity.announcements.regionHint')}
            rules={[{ required: true, message: t('publicity.announcements.regionRequired') }]}
          >
            <RegionTreeSelect testId="announcement-region" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('publicity.announcements.titleLabel')}
            rules={[{ required: true, whitespace: true, message: t('publicity.announcements.titleRequired') }]}
          >
            <Input
              maxLength={60}
              showCount
              placeholder={t('publicity.announcements.titlePlaceholder')}
              data-testid="announcement-title"
            />
          </Form.Item>
          <Form.Item
            name="body"
            label={t('publicity.announcements.body')}
            extra={t('publicity.announcements.bodyHint')}
            rules={[{ required: true, whitespace: true, message: t('publicity.announcements.bodyRequired') }]}
          >
            <Input.TextArea maxLength={2000} showCount autoSize={{ minRows: 5, maxRows: 14 }} data-testid="announcement-body" />
          </Form.Item>
          <Form.Item name="mode" label={t('publicity.announcements.publish')}>
            <Segmented
              options={[
                { value: 'now', label: <span data-testid="announcement-now">{t('publicity.announcements.publishNow')}</span> },
                {
                  value: 'later',
                  label: <span data-testid="announcement-later">{t('publicity.announcements.publishLater')}</span>,
                },
              ]}
            />
          </Form.Item>
          {v?.mode === 'later' ? (
            <Form.Item name="publishAt" rules={[{ required: true, message: t('publicity.announcements.publishAtRequired') }]}>
              <DatePicker
                showTime={{ format: 'HH:mm', minuteStep: 5 }}
                format="YYYY-MM-DD HH:mm"
                disabledDate={(d) => d.isBefore(now, 'day') || d.isAfter(now.add(AHEAD_DAYS, 'day'), 'day')}
                style={{ width: 220 }}
                data-testid="announcement-publish-at"
              />
            </Form.Item>
          ) : null}
          <Form.Item label={t('publicity.announcements.expires')} required>
            <Flex wrap gap={8}>
              <Form.Item
                name="expiresAt"
                noStyle
                rules={[{ required: true, message: t('publicity.announcements.expiresRequired') }]}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm', minuteStep: 5 }}
                  format="YYYY-MM-DD HH:mm"
                  disabledDate={(d) => d.isBefore(start, 'day') || d.isAfter(start.add(MAX_DAYS, 'day'), 'day')}
                  style={{ width: 220 }}
                  data-testid="announcement-expires-at"
                />
              </Form.Item>
              {QUICK_DAYS.map((days) => (
                <Button
                  key={days}
                  onClick={() => form.setFieldValue('expiresAt', dayjs(start).add(days, 'day').startOf('hour'))}
                  data-testid={`announcement-expires-${days}`}
                >
                  {t('publicity.announcements.expiresIn', { days })}
                </Button>
              ))}
            </Flex>
          </Form.Item>
        </div>
        <div style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
            {t('publicity.announcements.preview')}
          </Typography.Text>
          <PhoneFrame>{preview}</PhoneFrame>
        </div>
      </Flex>
    </FormModal>
  );
}
