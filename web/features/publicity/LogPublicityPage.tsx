import { useQueryClient } from '@tanstack/react-query';
import { App, AutoComplete, Button, Card, Flex, Form, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicityMaterial } from '../../../common/enums.ts';
import { PUBLICITY_MATERIAL_LABELS } from '../../../common/labels.ts';
import { formatDateTime } from '../../app/dates.ts';
import { useReportError } from '../../app/errors.ts';
import { can, useMe } from '../../app/session.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { useIdempotentCreate } from '../../components/idempotency.ts';
import { RegionTreeSelect } from '../regions/RegionTreeSelect.tsx';
import { MaterialChips } from './MaterialChips.tsx';
import { MaterialTag } from './MaterialTag.tsx';
import {
  PUBLICITY_KEY,
  useMyTeams,
  usePublicityLogs,
  usePublicityPlaces,
  type CreateLogInput,
  type PublicityLog,
} from './publicity.api.ts';
import { homeRegion } from './homeRegion.ts';
import { QuantityStepper } from './QuantityStepper.tsx';
import { WhenField } from './WhenField.tsx';

const COLUMN = { width: '100%', maxWidth: 560, margin: '0 auto' } as const;
/** The server's limit; more is a typo. */
const MAX_QUANTITY = 100_000;
const RECENT = 8;

interface Values {
  material?: PublicityMaterial;
  title?: string;
  quantity?: number;
  regionId?: string | null;
  checkpointId?: string | null;
  place?: string;
  teamId?: string | null;
  doneAt?: string | null;
  note?: string;
}

function Recent({ items }: { items: PublicityLog[] }) {
  const { t } = useTranslation();
  if (!items.length) return <Typography.Text type="secondary">{t('publicity.myEmpty')}</Typography.Text>;
  return (
    <Flex vertical>
      {items.map((l) => (
        <Flex
          key={l.id}
          justify="space-between"
          gap={8}
          style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}
          data-testid={`my-publicity-${l.id}`}
        >
          <Flex vertical style={{ minWidth: 0 }}>
            <span>
              <MaterialTag material={l.material} /> {l.title}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatDateTime(l.doneAt).slice(5, 16)} · {l.checkpointName ?? l.place ?? l.regionName}
            </Typography.Text>
          </Flex>
          <strong style={{ whiteSpace: 'nowrap' }}>
            {l.quantity.toLocaleString()} {t(`publicity.unit.${l.material}`)}
          </strong>
        </Flex>
      ))}
    </Flex>
  );
}

/**
 * 宣传登记 on a phone (390 px): what was put up, handed out or broadcast — material, title, how
 * many, where (region, checkpoint, place), team and time — then the caller's last entries.
 */
export function LogPublicityPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const client = useQueryClient();
  const report = useReportError();
  const create = useIdempotentCreate();
  const me = useMe().data;
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [initialValues] = useState<Values>(() => ({ quantity: 10, regionId: homeRegion(me, 'publicity.log'), doneAt: null }));
  const material = Form.useWatch('material', form);
  const regionId = Form.useWatch('regionId', form);
  const places = usePublicityPlaces(regionId);
  const teams = useMyTeams();
  const recent = usePublicityLogs({ mine: true }, 1, RECENT);
  const unit = material ? t(`publicity.unit.${material}`) : '';

  async function submit(v: Values) {
    setBusy(true);
    const body: CreateLogInput = {
      material: v.material!,
      title: v.title!.trim(),
      quantity: v.quantity!,
      regionId: v.regionId!,
      checkpointId: v.checkpointId ?? null,
      place: v.place?.trim() || null,
      teamId: v.teamId ?? null,
      note: v.note?.trim() || null,
      ...(v.doneAt ? { doneAt: v.doneAt } : {}),
    };
    try {
      const saved = await create<PublicityLog>('/publicity/logs', body);
      void client.invalidateQueries({ queryKey: [PUBLICITY_KEY] });
      void message.success(
        t('publicity.logged', {
          material: PUBLICITY_MATERIAL_LABELS[saved.material][language],
          quantity: saved.quantity,
          unit: t(`publicity.unit.${saved.material}`),
        }),
      );
      form.setFieldsValue({ quantity: 10, checkpointId: null, place: '', note: '', doneAt: null });
    } catch (e) {
      report(e, form);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={COLUMN}>
      <Card styles={{ body: { padding: 16 } }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('publicity.logTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('publicity.logIntro')}</Typography.Paragraph>
        <Form<Values>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={initialValues}
          scrollToFirstError={{ block: 'center' }}
          onFinish={(v) => void submit(v)}
          // Another region's checkpoints are not offered, so a picked one goes with the region.
          onValuesChange={(changed: Partial<Values>) => {
            if ('regionId' in changed) form.setFieldValue('checkpointId', null);
          }}
          data-testid="publicity-form"
        >
          <Form.Item
            name="material"
            label={t('publicity.materialLabel')}
            rules={[{ required: true, message: t('publicity.materialRequired') }]}
          >
            <MaterialChips testId="publicity-material" />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('publicity.titleLabel')}
            rules={[{ required: true, whitespace: true, message: t('publicity.titleRequired') }]}
          >
            <AutoComplete
              options={(material ? t(`publicity.suggestions.${material}`).split('|') : []).map((s) => ({ value: s }))}
              size="large"
              maxLength={60}
              placeholder={t('publicity.titlePlaceholder')}
              data-testid="publicity-title"
            />
          </Form.Item>
          <Form.Item
            name="quantity"
            label={t('publicity.quantityLabel')}
            rules={[{ required: true, message: t('publicity.quantityRequired') }]}
          >
            <QuantityStepper
              max={MAX_QUANTITY}
              unit={unit}
              labels={{ minus: t('publicity.quantityMinus'), plus: t('publicity.quantityPlus') }}
              testId="publicity-quantity"
            />
          </Form.Item>
          <Form.Item
            name="regionId"
            label={t('publicity.regionLabel')}
            rules={[{ required: true, message: t('publicity.regionRequired') }]}
          >
            <RegionTreeSelect testId="publicity-region" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="checkpointId" label={t('publicity.checkpointLabel')}>
            <Select<string>
              allowClear
              size="large"
              placeholder={t('publicity.checkpointPlaceholder')}
              loading={places.isFetching}
              notFoundContent={t('publicity.noCheckpoints')}
              options={(places.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              data-testid="publicity-checkpoint"
            />
          </Form.Item>
          <Form.Item name="place" label={t('publicity.placeLabel')}>
            <Input size="large" maxLength={100} placeholder={t('publicity.placePlaceholder')} data-testid="publicity-place" />
          </Form.Item>
          {teams.data?.length ? (
            <Form.Item name="teamId" label={t('publicity.teamLabel')}>
              <Select<string>
                allowClear
                size="large"
                placeholder={t('publicity.teamPlaceholder')}
                options={teams.data.map((team) => ({ value: team.id, label: team.name }))}
                data-testid="publicity-team"
              />
            </Form.Item>
          ) : null}
          <Form.Item name="doneAt" label={t('publicity.doneAtLabel')} extra={t('publicity.doneAtHint')}>
            <WhenField testId="publicity-when" />
          </Form.Item>
          <Form.Item name="note" label={t('publicity.noteLabel')}>
            <Input.TextArea maxLength={200} autoSize={{ minRows: 1, maxRows: 4 }} data-testid="publicity-note" />
          </Form.Item>
          <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="publicity-submit">
            {t('publicity.submit')}
          </Button>
        </Form>
      </Card>
      <Card
        size="small"
        title={t('publicity.myRecent')}
        style={{ marginTop: 12 }}
        extra={
          can(me, 'publicity.read') ? (
            <Link to="/publicity" data-testid="publicity-view-all">
              {t('publicity.viewAll')}
            </Link>
          ) : null
        }
      >
        <Recent items={recent.data?.items ?? []} />
      </Card>
    </div>
  );
}
