/**
 * The areas below the region as a treemap. The issue asks for a map drawn from the city's own
 * boundaries where they can be had legally; the demo city carries none (regions are codes and
 * names only), so each area is a rectangle sized by the figure picked above it.
 */
import { Empty, Flex, Segmented, theme, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FigureKey } from '../../../common/dashboard-figures.ts';
import { EChart, type ChartClick } from '../../components/EChart.tsx';
import { treemapOption, type TreemapNode } from './chartOptions.ts';
import type { DashboardChild } from './dashboard.api.ts';
import { LOOKS, type Look } from './look.ts';
import { useFigureFormat } from './useFigureFormat.ts';

const SIZES = ['households', 'volunteersActive', 'checkpoints', 'casesActive', 'errandsOpen', 'disinfectionAreaM2'] as const;
type SizeFigure = (typeof SIZES)[number] & FigureKey;

export function ChildrenTreemap({
  items,
  look,
  height,
  onDrill,
}: {
  items: DashboardChild[];
  look: Look;
  height: number | string;
  onDrill: (regionId: string) => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { number } = useFigureFormat();
  const [picked, setPicked] = useState<SizeFigure | null>(null);
  // Until someone picks, the first figure the areas have any of: a city before its households are
  // registered still shows its shape.
  const size = picked ?? SIZES.find((s) => items.some((c) => c.figures[s] > 0)) ?? SIZES[0];
  const style = LOOKS[look];
  const nodes: TreemapNode[] = useMemo(
    () =>
      items
        .filter((c) => c.figures[size] > 0)
        .map((c) => ({ id: c.region.id, name: c.region.name, value: c.figures[size], hasChildren: c.hasChildren })),
    [items, size],
  );
  const figureName = t(`dashboard.sizes.${size}`);
  const option = useMemo(
    () => treemapOption(look, token.fontFamily, figureName, nodes, number),
    [look, token.fontFamily, figureName, nodes, number],
  );
  const click = (event: ChartClick) => {
    const node = event.data as TreemapNode | undefined;
    if (node?.hasChildren) onDrill(node.id);
  };

  return (
    <Flex vertical gap={8}>
      <Flex align="center" gap={8} wrap>
        <Typography.Text style={{ color: style.muted, fontSize: style.detailSize }}>
          {t('dashboard.children.sizeBy')}
        </Typography.Text>
        <Segmented<SizeFigure>
          size={look === 'screen' ? 'middle' : 'small'}
          value={size}
          onChange={setPicked}
          options={SIZES.map((s) => ({
            value: s,
            label: <span data-testid={`dashboard-size-${s}`}>{t(`dashboard.sizes.${s}`)}</span>,
          }))}
          // Six choices are wider than a phone: they scroll sideways there instead of widening the page.
          style={{ maxWidth: '100%', overflowX: 'auto' }}
        />
      </Flex>
      {items.length === 0 || nodes.length === 0 ? (
        <Flex align="center" justify="center" style={{ height }}>
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={
              <span style={{ color: style.muted }}>
                {items.length === 0 ? t('dashboard.children.empty') : t('dashboard.children.allZero')}
              </span>
            }
          />
        </Flex>
      ) : (
        <EChart option={option} onClick={click} style={{ height }} testId="dashboard-treemap" />
      )}
      <Typography.Text style={{ color: style.muted, fontSize: style.detailSize }} data-testid="dashboard-treemap-note">
        {t('dashboard.children.treemapNote')}
      </Typography.Text>
    </Flex>
  );
}
