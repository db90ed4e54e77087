import { Alert, Form } from 'antd';
import { useTranslation } from 'react-i18next';
import { REGION_LEVELS, type RegionLevel } from '../../../common/enums.ts';
import { REGION_LEVEL_LABELS } from '../../../common/labels.ts';
import { api } from '../../app/api.ts';
import { useLanguage } from '../../app/useLanguage.ts';
import { FormModal } from '../../components/FormModal.tsx';
import { REGIONS_KEY, type RegionDetail } from './regions.api.ts';
import { RegionTreeSelect } from './RegionTreeSelect.tsx';

/** The level a parent of `level` has; a city has none. */
function parentLevel(level: RegionLevel): RegionLevel | null {
  return REGION_LEVELS[REGION_LEVELS.indexOf(level) - 1] ?? null;
}

export function MoveRegionModal({ region, onClose }: { region: RegionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const level = parentLevel(region.level);
  if (!level) return null;

  return (
    <FormModal<{ parentId: string | null }>
      title={t('regions.moveTitle', { name: region.name })}
      okText={t('regions.move')}
      testId="region-move"
      onClose={onClose}
      intro={<Alert type="info" showIcon title={t('regions.moveHint')} style={{ marginBottom: 16 }} />}
      initialValues={{ parentId: region.parentId }}
      submit={({ parentId }) => api.post(`/regions/${region.id}/move`, { parentId })}
      invalidate={[REGIONS_KEY]}
      success={t('regions.moved')}
    >
      <Form.Item
        name="parentId"
        label={t('regions.moveTo', { level: REGION_LEVEL_LABELS[level][language] })}
        rules={[{ required: true, message: t('auth.required') }]}
      >
        <RegionTreeSelect onlyLevel={level} testId="region-move-parent" style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
