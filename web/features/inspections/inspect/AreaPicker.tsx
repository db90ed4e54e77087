import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegionTree, type RegionNode } from '../../regions/regions.api.ts';

/**
 * The parts of the caller's area worth choosing between: the regions granted to them, or the
 * counties of a city-wide grant. One part alone needs no picker.
 */
function parts(roots: RegionNode[]): RegionNode[] {
  const only = roots.length === 1 ? roots[0] : undefined;
  return only && only.level === 'city' ? only.children : roots;
}

/** Narrows today's round to one part of a wide area; hidden when the area is one place. */
export function AreaPicker({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const { t } = useTranslation();
  const tree = useRegionTree();
  const options = parts(tree.data ?? []);
  if (options.length < 2) return null;
  return (
    <Select<string>
      allowClear
      size="large"
      placeholder={t('inspections.inspect.allArea')}
      aria-label={t('inspections.inspect.area')}
      value={value ?? undefined}
      onChange={(id) => onChange(id ?? null)}
      options={options.map((r) => ({ value: r.id, label: r.name }))}
      style={{ width: '100%' }}
      data-testid="inspect-area"
    />
  );
}
