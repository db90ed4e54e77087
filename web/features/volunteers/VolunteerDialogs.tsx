import { useQueryClient } from '@tanstack/react-query';
import { App, DatePicker, Form, Input, Modal, Select, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VOLUNTEER_STATUSES, type VolunteerStatus } from '../../../common/enums.ts';
import { VOLUNTEER_STATUS_LABELS } from '../../../common/labels.ts';
import { api } from '../../app/api.ts';
import { platformTimeZone } from '../../app/dates.ts';
import { useReportError } from '../../app/errors.ts';
import { useLanguage } from '../../app/useLanguage.ts';
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
  const { message } = App.useApp();
  const client = useQueryClient();
  const report = useReportError();
  const [form] = Form.useForm<StatusForm>();
  const status = Form.useWatch('status', form);
  const [busy, setBusy] = useState(false);
  const needsReason = status === 'paused' || status === 'withdrawn';

  async function submit(v: StatusForm) {
    setBusy(true);
    try {
      const updated = await api.post<Volunteer>(`/volunteers/${volunteer.id}/status`, {
        status: v.status,
        ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}),
        ...(v.effectiveOn ? { effectiveOn: v.effectiveOn.format('YYYY-MM-DD') } : {}),
      });
      client.setQueryData([VOLUNTEERS_KEY, 'detail', volunteer.id], updated);
      await client.invalidateQueries({ queryKey: [VOLUNTEERS_KEY] });
      void message.success(t('common.saved'));
      onClose();
    } catch (e) {
      report(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('volunteers.statusTitle', { name: volunteer.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'volunteer-status-submit' } as ButtonProps}
    >
      <Form<StatusForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ status: volunteer.status === 'active' ? 'paused' : 'active', effectiveOn: today() }}
        onFinish={(v) => void submit(v)}
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
      </Form>
    </Modal>
  );
}

interface CommendationForm {
  title: string;
  occurredOn: Dayjs;
}

export function CommendationModal({ volunteerId, onClose }: { volunteerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const report = useReportError();
  const create = useIdempotentCreate();
  const [form] = Form.useForm<CommendationForm>();
  const [busy, setBusy] = useState(false);

  async function submit(v: CommendationForm) {
    setBusy(true);
    try {
      await create(`/volunteers/${volunteerId}/commendations`, {
        title: v.title.trim(),
        occurredOn: v.occurredOn.format('YYYY-MM-DD'),
      });
      await client.invalidateQueries({ queryKey: [VOLUNTEERS_KEY, 'service', volunteerId] });
      void message.success(t('common.saved'));
      onClose();
    } catch (e) {
      report(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={t('volunteers.commendTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'commendation-submit' } as ButtonProps}
    >
      <Form<CommendationForm>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ occurredOn: today() }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="title"
          label={t('volunteers.commendWhat')}
          rules={[{ required: true, whitespace: true, message: t('auth.required') }]}
        >
          <Input maxLength={120} placeholder={t('volunteers.commendHint')} data-testid="commendation-title" />
        </Form.Item>
        <Form.Item name="occurredOn" label={t('volunteers.commendOn')} rules={[{ required: true, message: t('auth.required') }]}>
          <DatePicker allowClear={false} data-testid="commendation-date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
