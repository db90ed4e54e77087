import { useQueryClient } from '@tanstack/react-query';
import { AutoComplete, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { VOLUNTEER_STATUSES, type VolunteerStatus } from '../../../common/enums.ts';
import { VOLUNTEER_STATUS_LABELS } from '../../../common/labels.ts';
import { api } from '../../app/api.ts';
import { platformTimeZone } from '../../app/dates.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { VOLUNTEERS_KEY, type Volunteer } from './volunteers.api.ts';

/** Today in the platform's zone: a status dated by a browser abroad would be a day off. */
export function today(): Dayjs {
  return dayjs(dayjs().tz(platformTimeZone()).format('YYYY-MM-DD'));
}

interface StatusForm {
  status: VolunteerStatus;
  reason?: string;
  effectiveOn?: Dayjs;
}

export function StatusModal({ volunteer, onClose }: { volunteer: Volunteer; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useQueryClient();
  const [form] = Form.useForm<StatusForm>();
  const status = Form.useWatch('status', form);
  const needsReason = status === 'paused' || status === 'withdrawn';

  async function submit(v: StatusForm) {
    const updated = await api.post<Volunteer>(`/volunteers/${volunteer.id}/status`, {
      status: v.status,
      ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
      ...(v.effectiveOn ? { effectiveOn: v.effectiveOn.format('YYYY-MM-DD') } : {}),
    });
    client.setQueryData([VOLUNTEERS_KEY, 'detail', volunteer.id], updated);
  }

  return (
    <FormModal<StatusForm>
      form={form}
      title={t('volunteers.statusTitle', { name: volunteer.name })}
      testId="volunteer-status"
      cancelTestId={false}
      onClose={onClose}
      initialValues={{ status: volunteer.status === 'active' ? 'paused' : 'active', effectiveOn: today() }}
      submit={submit}
      invalidate={[VOLUNTEERS_KEY]}
    >
      <Form.Item name="status" label={t('volunteers.newStatus')} rules={[{ required: true, message: t('auth.required') }]}>
        <Select
          options={VOLUNTEER_STATUSES.filter((s) => s !== volunteer.status).map((s) => ({
            value: s,
            label: VOLUNTEER_STATUS_LABELS[s][language],
          }))}
          data-testid="volunteer-status-select"
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={needsReason ? t('volunteers.reasonRequired') : t('pledges.reasonOptional')}
        rules={needsReason ? [{ required: true, whitespace: true, message: t('auth.required') }] : []}
        extra={t('volunteers.reasonHint')}
      >
        <Input.TextArea maxLength={200} showCount autoSize={{ minRows: 2 }} data-testid="volunteer-status-reason" />
      </Form.Item>
      <Form.Item name="effectiveOn" label={t('volunteers.effectiveOn')}>
        <DatePicker allowClear={false} data-testid="volunteer-status-date" />
      </Form.Item>
    </FormModal>
  );
}

interface CommendationForm {
  title: string;
  reason: string;
  occurredOn: Dayjs;
}

/**
 * The titles commands usually confer, offered while typing; any other title may be typed. They are
 * the honours' own names and are printed on the certificate as given, so they are not translated.
 */
const COMMENDATION_TITLES = ['优秀党员志愿者', '优秀志愿者', '抗疫先锋', '最美红马甲'];

export function CommendationModal({ volunteerId, onClose }: { volunteerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useIdempotentCreate();

  return (
    <FormModal<CommendationForm>
      title={t('volunteers.commendTitle')}
      testId="commendation"
      cancelTestId={false}
      onClose={onClose}
      initialValues={{ occurredOn: today() }}
      submit={(v) =>
        create(`/volunteers/${volunteerId}/commendations`, {
          title: v.title.trim(),
          reason: v.reason.trim(),
          occurredOn: v.occurredOn.format('YYYY-MM-DD'),
        })
      }
      invalidate={[VOLUNTEERS_KEY, 'service', volunteerId]}
    >
      <Form.Item
        name="title"
        label={t('recognition.commend.title')}
        extra={t('recognition.commend.titleHint')}
        rules={[{ required: true, whitespace: true, message: t('auth.required') }]}
      >
        <AutoComplete
          options={COMMENDATION_TITLES.map((title) => ({ value: title }))}
          showSearch={{
            filterOption: (input, option) => !input || (option?.value ?? '').includes(input.trim()),
          }}
          maxLength={120}
          placeholder={t('volunteers.commendHint')}
          data-testid="commendation-title"
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('recognition.commend.reason')}
        rules={[{ required: true, whitespace: true, message: t('auth.required') }]}
      >
        <Input.TextArea
          maxLength={500}
          showCount
          autoSize={{ minRows: 3 }}
          placeholder={t('recognition.commend.reasonPlaceholder')}
          data-testid="commendation-reason"
        />
      </Form.Item>
      <Form.Item name="occurredOn" label={t('volunteers.commendOn')} rules={[{ required: true, message: t('auth.required') }]}>
        <DatePicker allowClear={false} data-testid="commendation-date" />
      </Form.Item>
    </FormModal>
  );
}
