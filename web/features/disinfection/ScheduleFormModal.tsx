import { DatePicker, Form, Input, InputNumber, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal.tsx';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { TeamSelect } from '../teams/TeamSelect.tsx';
import { VolunteerSelect } from '../volunteers/VolunteerSelect.tsx';
import { platformToday } from './disinfectionTime.ts';
import { DISINFECTION_KEY, updateSchedule, type Place, type Schedule } from './disinfection.api.ts';

interface Values {
  everyDays: number;
  startsOn: Dayjs;
  teamId?: string | null;
  volunteerId?: string | null;
  note?: string;
}

type To = 'team' | 'volunteer';

/** A place's schedule, new (for `place`) or changed: every N days, by a team or a volunteer of its county. */
export function ScheduleFormModal({
  place,
  schedule,
  onClose,
}: {
  place: Pick<Place, 'id' | 'name'> | null;
  schedule: Schedule | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useIdempotentCreate();
  const [to, setTo] = useState<To>(schedule?.volunteer ? 'volunteer' : 'team');
  const assignee = (v: Values) =>
    to === 'team' ? (v.teamId ? { teamId: v.teamId } : {}) : v.volunteerId ? { volunteerId: v.volunteerId } : {};
  return (
    <FormModal<Values>
      title={schedule ? t('disinfection.schedules.edit') : `${t('disinfection.schedules.add')} · ${place?.name ?? ''}`}
      testId="schedule-form"
      onClose={onClose}
      invalidate={[DISINFECTION_KEY]}
      initialValues={
        schedule
          ? {
              everyDays: schedule.everyDays,
              startsOn: dayjs(schedule.nextOn),
              teamId: schedule.team?.id ?? null,
              volunteerId: schedule.volunteer?.id ?? null,
              note: schedule.note ?? undefined,
            }
          : { everyDays: 1, startsOn: platformToday() }
      }
      submit={(v) =>
        schedule
          ? updateSchedule(schedule.id, {
              everyDays: v.everyDays,
              nextOn: v.startsOn.format('YYYY-MM-DD'),
              ...assignee(v),
              note: v.note?.trim() || null,
            })
          : create('/disinfection/schedules', {
              placeId: place!.id,
              everyDays: v.everyDays,
              startsOn: v.startsOn.format('YYYY-MM-DD'),
              ...assignee(v),
              ...(v.note?.trim() ? { note: v.note.trim() } : {}),
            })
      }
    >
      <Form.Item
        name="everyDays"
        label={t('disinfection.schedules.everyDays')}
        extra={t('disinfection.schedules.daily') + ' = 1'}
      >
        <InputNumber min={1} max={30} precision={0} data-testid="schedule-form-every" />
      </Form.Item>
      <Form.Item name="startsOn" label={schedule ? t('disinfection.schedules.nextOn') : t('disinfection.schedules.startsOn')}>
        <DatePicker allowClear={false} />
      </Form.Item>
      <Form.Item label={t('disinfection.schedules.assignTo')}>
        <Radio.Group
          value={to}
          onChange={(e) => setTo(e.target.value as To)}
          options={[
            { value: 'team', label: t('disinfection.schedules.team') },
            { value: 'volunteer', label: t('disinfection.schedules.volunteer') },
          ]}
          data-testid="schedule-form-to"
        />
      </Form.Item>
      {to === 'team' ? (
        <Form.Item name="teamId" rules={[{ required: true, message: t('disinfection.places.required') }]}>
          <TeamSelect initial={schedule?.team ?? null} testId="schedule-form-team" />
        </Form.Item>
      ) : (
        <Form.Item name="volunteerId" rules={[{ required: true, message: t('disinfection.places.required') }]}>
          <VolunteerSelect initial={schedule?.volunteer ?? null} testId="schedule-form-volunteer" />
        </Form.Item>
      )}
      <Form.Item name="note" label={t('disinfection.schedules.note')}>
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
