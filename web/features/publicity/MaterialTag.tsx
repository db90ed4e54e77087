import { Tag } from 'antd';
import type { PublicityMaterial } from '../../../common/enums.ts';
import { PUBLICITY_MATERIAL_LABELS } from '../../../common/labels.ts';
import { useLanguage } from '../../app/useLanguage.ts';

export const MATERIAL_COLOR: Record<PublicityMaterial, string> = {
  poster: 'red',
  notice: 'volcano',
  leaflet: 'gold',
  banner: 'magenta',
  broadcast_vehicle: 'blue',
  group_message: 'green',
};

/** The same colours as CSS values, for borders and bars. */
export const MATERIAL_HEX: Record<PublicityMaterial, string> = {
  poster: '#f5222d',
  notice: '#fa541c',
  leaflet: '#faad14',
  banner: '#eb2f96',
  broadcast_vehicle: '#1677ff',
  group_message: '#52c41a',
};

export function MaterialTag({ material }: { material: PublicityMaterial }) {
  const language = useLanguage();
  return (
    <Tag color={MATERIAL_COLOR[material]} style={{ marginInlineEnd: 0 }}>
      {PUBLICITY_MATERIAL_LABELS[material][language]}
    </Tag>
  );
}
