import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PLACE_KINDS, type PlaceKind } from '../../../common/enums.ts';
import { PLACE_KIND_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { useCheckpoints } from '../checkpoints/checkpoints.api.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { DISINFECTION_KEY, updatePlace, type Place } from './disinfection.api.ts';

interface Values {
  regionId: string;
  kind: PlaceKind;
  name: string;
  address?: string;
  areaM2?: number | null;
  checkpointId?: string | null;
  note?: string;
}

/** The checkpoints of the place's region, to tie a checkpoint place to its checkpoint. */
function CheckpointField({ regionId }: { regionId: string | undefined }) {
  const { t } = useTranslation();
  const checkpoints = useCheckpoints({ regionId: regionId ?? null }, 1, 200);
  return (
    <Form.Item name="checkpointId" label={t('disinfection.places.checkpoint')}>
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        disabled={!regionId}
        placeholder={t('disinfection.places.checkpointPlaceholder')}
        options={(checkpoints.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
      />
    </Form.Item>
  );
}

/** A place to disinfect, new or changed; its region is fixed once made (its schedules and logs count there). */
export function PlaceFormModal({ place, onClose }: { place: Place | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useIdempotentCreate();
  const [form] = Form.useForm<Values>();
  const regionId = Form.useWatch('regionId', form) ?? place?.regionId;
  const required = [{ required: true, whitespace: true, message: t('disinfection.places.required') }];
  const trimmed = (s: string | undefined) => s?.trim() || null;
  return (
    <FormModal<Values>
      title={place ? t('disinfection.places.edit') : t('disinfection.places.add')}
      testId="place-form"
      form={form}
      onClose={onClose}
      invalidate={[DISINFECTION_KEY]}
      initialValues={
        place
          ? {
              regionId: place.regionId,
              kind: place.kind,
              name: place.name,
              address: place.address ?? undefined,
              areaM2: place.areaM2,
              checkpointId: place.checkpoint?.id ?? null,
              note: place.note ?? undefined,
            }
          : { kind: 'estate_public' }
      }
      submit={(v) =>
        place
          ? updatePlace(place.id, {
              kind: v.kind,
              name: v.name.trim(),
              address: trimmed(v.address),
              areaM2: v.areaM2 ?? null,
              checkpointId: v.checkpointId ?? null,
              note: trimmed(v.note),
            })
          : create('/disinfection/places', {
              regionId: v.regionId,
              kind: v.kind,
              name: v.name.trim(),
              ...(trimmed(v.address) ? { address: trimmed(v.address) } : {}),
              ...(v.areaM2 ? { areaM2: v.areaM2 } : {}),
              ...(v.checkpointId ? { checkpointId: v.checkpointId } : {}),
              ...(trimmed(v.note) ? { note: trimmed(v.note) } : {}),
            })
      }
    >
      <Form.Item
        name="regionId"
        label={t('disinfection.places.region')}
        rules={[{ required: true, message: t('disinfection.places.required') }]}
      >
        <RegionTreeSelect disabled={place !== null} testId="place-form-region" />
      </Form.Item>
      <Form.Item name="name" label={t('disinfection.places.name')} rules={required}>
        <Input maxLength={60} placeholder={t('disinfection.places.namePlaceholder')} data-testid="place-form-name" />
      </Form.Item>
      <Form.Item name="kind" label={t('disinfection.places.kind')}>
        <Select
          options={PLACE_KINDS.map((k) => ({ value: k, label: PLACE_KIND_LABELS[k][language] }))}
          data-testid="place-form-kind"
        />
      </Form.Item>
      <Form.Item name="areaM2" label={t('disinfection.places.usualArea')}>
        <InputNumber min={1} max={500000} precision={0} style={{ width: '100%' }} data-testid="place-form-area" />
      </Form.Item>
      <Form.Item name="address" label={t('disinfection.places.address')}>
        <Input maxLength={120} />
      </Form.Item>
      <CheckpointField regionId={regionId} />
      <Form.Item name="note" label={t('disinfection.places.note')}>
        <Input.TextArea rows={2} maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
