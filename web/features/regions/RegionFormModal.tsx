import { useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal, Typography, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionLevel } from '../../../common/enums.ts';
import { REGION_LEVEL_LABELS } from '../../../common/labels.ts';
import { api } from '../../app/api.ts';
import { useReportError } from '../../app/errors.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { REGIONS_KEY, type RegionDetail } from './regions.api.ts';

/** Either a new region under `parent` (null: a new city), or an edit of `region`. */
export type RegionFormTarget =
  { mode: 'create'; parent: { id: string; name: string } | null; level: RegionLevel } | { mode: 'edit'; region: RegionDetail };

interface RegionForm {
  name: string;
  code?: string;
}

export function RegionFormModal({
  target,
  onDone,
  onClose,
}: {
  target: RegionFormTarget;
  onDone: (id: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegionForm>();
  const client = useQueryClient();
  const report = useReportError();
  const [busy, setBusy] = useState(false);
  const level = target.mode === 'create' ? target.level : target.region.level;
  const levelLabel = REGION_LEVEL_LABELS[level][language];

  async function submit(values: RegionForm) {
    setBusy(true);
    const code = values.code?.trim() || null;
    try {
      const saved =
        target.mode === 'create'
          ? await api.post<{ id: string }>('/regions', { parentId: target.parent?.id ?? null, name: values.name.trim(), code })
          : await api.patch<{ id: string }>(`/regions/${target.region.id}`, { name: values.name.trim(), code });
      await client.invalidateQueries({ queryKey: [REGIONS_KEY] });
      void message.success(t('common.saved'));
      onDone(saved.id);
    } catch (e) {
      report(e, form);
    } finally {
      setBusy(false);
    }
  }

  const title =
    target.mode === 'edit'
      ? t('regions.editTitle')
      : target.parent
        ? t('regions.addChildOf', { name: target.parent.name, level: levelLabel })
        : t('regions.addTop');

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'region-form-submit' } as ButtonProps}
      cancelButtonProps={{ 'data-testid': 'region-form-cancel' } as ButtonProps}
    >
      <Typography.Paragraph type="secondary">{t('regions.levelIs', { level: levelLabel })}</Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={target.mode === 'edit' ? { name: target.region.name, code: target.region.code ?? '' } : {}}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="name"
          label={t('regions.name')}
          rules={[{ required: true, whitespace: true, message: t('auth.required') }]}
        >
          <Input maxLength={60} autoFocus data-testid="region-form-name" />
        </Form.Item>
        <Form.Item name="code" label={t('regions.code')} extra={t(`regions.codeHint.${level}`)}>
          <Input maxLength={32} data-testid="region-form-code" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
