import { Button, Col, Divider, Flex, Form, Input, InputNumber, Radio, Row, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  CHECKPOINT_KINDS,
  CHECKPOINT_STATUSES,
  RISK_LEVELS,
  type CheckpointKind,
  type CheckpointStatus,
  type RiskLevel,
} from '../../../common/enums.ts';
import { CHECKPOINT_KIND_LABELS, CHECKPOINT_STATUS_LABELS } from '../../../common/labels.ts';
import { api } from '../../app/api.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { TeamSelect } from '../teams/TeamSelect.tsx';
import { CHECKPOINTS_KEY, useCommunityCheckpoints, type Checkpoint, type ShiftSlot } from './checkpoints.api.ts';
import { RiskTag } from './CheckpointTags.tsx';
import { LocationPlan } from './LocationPlan.tsx';
import { PlaceSelect, useCommunityOf } from './PlaceSelect.tsx';
import { ShiftPatternEditor } from './ShiftPatternEditor.tsx';
import { PRESETS } from './shiftPattern.ts';
import { TimeField } from './TimeField.tsx';

interface CheckpointForm {
  name: string;
  kind: CheckpointKind;
  regionId: string;
  address?: string;
  risk: RiskLevel;
  hours24: boolean;
  opensAt?: string | null;
  closesAt?: string | null;
  shiftPattern: ShiftSlot[];
  lat?: number | null;
  lng?: number | null;
  teamId?: string | null;
  note?: string;
  status?: CheckpointStatus;
}

/** A new checkpoint starts as the commonest kind: a round-the-clock estate gate, three shifts of two. */
const NEW_CHECKPOINT: Partial<CheckpointForm> = {
  kind: 'estate_gate',
  risk: 2,
  hours24: true,
  shiftPattern: PRESETS.preset3x8.slots.map((slot) => ({ ...slot, people: 2 })),
};

function initialOf(checkpoint: Checkpoint): Partial<CheckpointForm> {
  return {
    name: checkpoint.name,
    kind: checkpoint.kind,
    regionId: checkpoint.regionId,
    address: checkpoint.address ?? undefined,
    risk: checkpoint.risk,
    hours24: checkpoint.hours24,
    opensAt: checkpoint.opensAt,
    closesAt: checkpoint.closesAt,
    shiftPattern: checkpoint.shiftPattern,
    lat: checkpoint.lat,
    lng: checkpoint.lng,
    teamId: checkpoint.teamId,
    note: checkpoint.note ?? undefined,
    status: checkpoint.status,
  };
}

/** The others of the checkpoint's community that have coordinates, drawn on the plan. */
function usePlanPoints(regionId: string | undefined, selfId: string | undefined) {
  const community = useCommunityOf(regionId);
  const checkpoints = useCommunityCheckpoints(community?.id ?? null);
  const points = (checkpoints.data ?? []).flatMap((c) =>
    c.id !== selfId && c.lat !== null && c.lng !== null ? [{ id: c.id, name: c.name, lat: c.lat, lng: c.lng }] : [],
  );
  return { community, points };
}

/** `checkpoint` null: a new one. */
export function CheckpointFormModal({ checkpoint, onClose }: { checkpoint: Checkpoint | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const create = useIdempotentCreate();
  const [form] = Form.useForm<CheckpointForm>();
  const hours24 = Form.useWatch('hours24', form) ?? true;
  const regionId = Form.useWatch('regionId', form);
  const lat = Form.useWatch('lat', form);
  const lng = Form.useWatch('lng', form);
  const plan = usePlanPoints(regionId, checkpoint?.id);
  const required = { required: true, message: t('auth.required') };
  const here = typeof lat === 'number' && typeof lng === 'number' ? { lat, lng } : null;

  async function submit(v: CheckpointForm) {
    const body = {
      name: v.name.trim(),
      kind: v.kind,
      regionId: v.regionId,
      address: v.address?.trim() || null,
      lat: v.lat ?? null,
      lng: v.lng ?? null,
      risk: v.risk,
      hours24: v.hours24,
      opensAt: v.hours24 ? null : (v.opensAt ?? null),
      closesAt: v.hours24 ? null : (v.closesAt ?? null),
      shiftPattern: v.shiftPattern.map((slot) => ({ start: slot.start, end: slot.end, people: slot.people })),
      teamId: v.teamId ?? null,
      note: v.note?.trim() || null,
    };
    if (checkpoint) await api.patch<Checkpoint>(`/checkpoints/${checkpoint.id}`, { ...body, status: v.status });
    else await create<Checkpoint>('/checkpoints', body);
  }

  return (
    <FormModal<CheckpointForm>
      title={checkpoint ? t('checkpoints.editTitle') : t('checkpoints.createTitle')}
      testId="checkpoint"
      form={form}
      onClose={onClose}
      initialValues={checkpoint ? initialOf(checkpoint) : NEW_CHECKPOINT}
      submit={submit}
      invalidate={[CHECKPOINTS_KEY]}
      width={760}
      scrollToFirstError
    >
      <Row gutter={16}>
        <Col xs={24} sm={14}>
          <Form.Item name="name" label={t('checkpoints.name')} rules={[{ ...required, whitespace: true }]}>
            <Input maxLength={60} placeholder={t('checkpoints.namePlaceholder')} data-testid="checkpoint-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={10}>
          <Form.Item name="kind" label={t('checkpoints.kind')} rules={[required]}>
            <Select
              options={CHECKPOINT_KINDS.map((k) => ({ value: k, label: CHECKPOINT_KIND_LABELS[k][language] }))}
              data-testid="checkpoint-kind"
            />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="regionId" label={t('checkpoints.region')} rules={[required]} extra={t('checkpoints.regionHint')}>
            <PlaceSelect testId="checkpoint-region" style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="address" label={t('checkpoints.address')}>
            <Input maxLength={120} placeholder={t('checkpoints.addressPlaceholder')} data-testid="checkpoint-address" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="risk" label={t('checkpoints.risk')} rules={[required]}>
        <Radio.Group data-testid="checkpoint-risk">
          {[...RISK_LEVELS].reverse().map((risk) => (
            <Radio key={risk} value={risk} data-testid={`checkpoint-risk-${risk}`}>
              <RiskTag risk={risk} />
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item label={t('checkpoints.opening')} required>
        <Flex wrap gap={12} align="baseline">
          <Form.Item name="hours24" valuePropName="checked" noStyle>
            <Switch
              checkedChildren={t('checkpoints.hours24')}
              unCheckedChildren={t('checkpoints.setHours')}
              aria-label={t('checkpoints.hours24Switch')}
              data-testid="checkpoint-hours24"
            />
          </Form.Item>
          {hours24 ? null : (
            <>
              <Form.Item name="opensAt" rules={[required]} style={{ marginBottom: 0 }}>
                <TimeField placeholder={t('checkpoints.opensAt')} testId="checkpoint-opens-at" />
              </Form.Item>
              <span>–</span>
              <Form.Item name="closesAt" rules={[required]} style={{ marginBottom: 0 }}>
                <TimeField placeholder={t('checkpoints.closesAt')} testId="checkpoint-closes-at" />
              </Form.Item>
            </>
          )}
        </Flex>
      </Form.Item>
      <Form.Item label={t('checkpoints.shiftPattern')} extra={t('checkpoints.shiftPatternHint')} required>
        <ShiftPatternEditor form={form} />
      </Form.Item>
      <Divider style={{ margin: '8px 0 16px' }} />
      <Form.Item label={t('checkpoints.location')} extra={t('checkpoints.locationHint')}>
        <Flex wrap gap={8} align="baseline">
          <Form.Item name="lat" noStyle>
            <InputNumber
              min={-90}
              max={90}
              step={0.0001}
              precision={6}
              placeholder={t('checkpoints.lat')}
              aria-label={t('checkpoints.lat')}
              style={{ width: 150 }}
              data-testid="checkpoint-lat"
            />
          </Form.Item>
          <Form.Item
            name="lng"
            noStyle
            dependencies={['lat']}
            rules={[
              {
                validator: async (_, value: number | null | undefined) => {
                  const latSet = typeof form.getFieldValue('lat') === 'number';
                  if (latSet !== (typeof value === 'number')) throw new Error(t('checkpoints.locationPair'));
                },
              },
            ]}
          >
            <InputNumber
              min={-180}
              max={180}
              step={0.0001}
              precision={6}
              placeholder={t('checkpoints.lng')}
              aria-label={t('checkpoints.lng')}
              style={{ width: 150 }}
              data-testid="checkpoint-lng"
            />
          </Form.Item>
          {here ? (
            <Button
              type="link"
              onClick={() => form.setFieldsValue({ lat: null, lng: null })}
              data-testid="checkpoint-clear-location"
            >
              {t('checkpoints.clearLocation')}
            </Button>
          ) : null}
        </Flex>
        {/* The pair's own error line: `noStyle` items show none. */}
        <Form.Item shouldUpdate noStyle>
          {() => {
            const errors = [...form.getFieldError('lat'), ...form.getFieldError('lng')];
            return errors.length ? <Form.ErrorList errors={errors} /> : null;
          }}
        </Form.Item>
      </Form.Item>
      <Form.Item label={t('checkpoints.plan')}>
        {plan.community ? (
          <LocationPlan
            others={plan.points}
            value={here}
            onPick={(pickedLat, pickedLng) => {
              form.setFieldsValue({ lat: pickedLat, lng: pickedLng });
              void form.validateFields(['lng']);
            }}
          />
        ) : (
          <Typography.Text type="secondary">{t('checkpoints.planPickRegion')}</Typography.Text>
        )}
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} sm={12}>
          <Form.Item name="teamId" label={t('checkpoints.team')} extra={t('checkpoints.teamHint')}>
            <TeamSelect
              allowClear
              placeholder={t('checkpoints.anyTeam')}
              initial={checkpoint?.teamId ? { id: checkpoint.teamId, name: checkpoint.teamName ?? '' } : null}
              testId="checkpoint-team"
              style={{ width: '100%' }}
            />
          </Form.Item>
        </Col>
        {checkpoint ? (
          <Col xs={24} sm={12}>
            <Form.Item name="status" label={t('checkpoints.status')}>
              <Radio.Group
                optionType="button"
                options={CHECKPOINT_STATUSES.map((s) => ({ value: s, label: CHECKPOINT_STATUS_LABELS[s][language] }))}
                data-testid="checkpoint-status"
              />
            </Form.Item>
          </Col>
        ) : null}
      </Row>
      <Form.Item name="note" label={t('checkpoints.note')}>
        <Input.TextArea maxLength={500} showCount autoSize={{ minRows: 2 }} data-testid="checkpoint-note" />
      </Form.Item>
    </FormModal>
  );
}
