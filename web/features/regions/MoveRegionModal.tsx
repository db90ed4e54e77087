import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGION_LEVELS, type RegionLevel } from '../../../common/enums.ts';
import { REGION_LEVEL_LABELS } from '../../../common/labels.ts';
import { api } from '../../app/api.ts';
import { useReportError } from '../../app/errors.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { REGIONS_KEY, type RegionDetail } from './regions.api.ts';
import { RegionTreeSelect } from './RegionTreeSelect.tsx';

/** The level a parent of `level` has; a city has none. */
function parentLevel(level: RegionLevel): RegionLevel | null {
  return REGION_LEVELS[REGION_LEVELS.indexOf(level) - 1] ?? null;
}

export function MoveRegionModal({ region, onClose }: { region: RegionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ parentId: string | null }>();
  const client = useQueryClient();
  const report = useReportError();
  const [busy, setBusy] = useState(false);
  const level = parentLevel(region.level);
  if (!level) return null;

  async function submit({ parentId }: { parentId: string | null }) {
    setBusy(true);
    try {
      await api.post(`/regions/${region.id}/move`, { parentId });
      await client.invalidateQueries({ queryKey: [REGIONS_KEY] });
      void message.success(t('regions.moved'));
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
      title={t('regions.moveTitle', { name: region.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('regions.move')}
      okButtonProps={{ 'data-testid': 'region-move-submit' } as ButtonProps}
      cancelButtonProps={{ 'data-testid': 'region-move-cancel' } as ButtonProps}
    >
      <Alert type="info" showIcon title={t('regions.moveHint')} style={{ marginBottom: 16 }} />
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ parentId: region.parentId }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="parentId"
          label={t('regions.moveTo', { level: REGION_LEVEL_LABELS[level][language] })}
          rules={[{ required: true, message: t('auth.required') }]}
        >
          <RegionTreeSelect onlyLevel={level} testId="region-move-parent" style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
