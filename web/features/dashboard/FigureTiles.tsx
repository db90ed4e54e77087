import { Flex, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { can, useMe } from '../../app/session.ts';
import type { Dashboard } from './dashboard.api.ts';
import { LOOKS, type Look } from './look.ts';
import { GROUPS, listHref, TILES, type Tile, type TileGroup } from './tiles.ts';
import { useFigureFormat } from './useFigureFormat.ts';

/** An English label breaks between words; a Chinese one is never cut between characters. */
const WRAP_AT_SPACES: CSSProperties = { whiteSpace: 'normal', wordBreak: 'keep-all' };

function TileBox({ tile, data, look }: { tile: Tile; data: Dashboard; look: Look }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const { format, detail } = useFigureFormat();
  const style = LOOKS[look];
  const value = tile.value(data);
  const alarm = tile.alarm?.(data) ?? false;
  const body = (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <span style={{ color: style.muted, fontSize: style.labelSize, ...WRAP_AT_SPACES }}>{t(`dashboard.tiles.${tile.key}`)}</span>
      <span
        style={{
          color: alarm ? style.alarm : style.value,
          fontSize: style.valueSize,
          fontWeight: 600,
          lineHeight: 1.2,
          fontVariantNumeric: 'tabular-nums',
          whiteSpace: 'nowrap',
        }}
        data-testid={`dashboard-tile-${tile.key}-value`}
        data-value={value ?? ''}
      >
        {format(value, tile.format)}
      </span>
      {tile.detail ? (
        <span style={{ color: style.muted, fontSize: style.detailSize, ...WRAP_AT_SPACES }}>{detail(tile.detail(data))}</span>
      ) : null}
    </Flex>
  );
  // Tiles share a group's width equally, but a long number (a city's households) or label widens
  // its tile rather than spilling into the next one; a tile that no longer fits goes to a new row.
  const box: CSSProperties = { flex: '1 1 0', minWidth: 'min-content', padding: '2px 0' };
  // Someone who may not open the list still sees the figure. The list opens on the region shown.
  return can(me, tile.list.permission) ? (
    <Link
      to={listHref(tile.list, data.region.id)}
      style={{ ...box, color: 'inherit' }}
      data-testid={`dashboard-tile-${tile.key}`}
    >
      {body}
    </Link>
  ) : (
    <div style={box} data-testid={`dashboard-tile-${tile.key}`}>
      {body}
    </div>
  );
}

function GroupPanel({ group, children, look }: { group: TileGroup; children: ReactNode; look: Look }) {
  const { t } = useTranslation();
  const style = LOOKS[look];
  return (
    <section
      style={{
        background: style.panel,
        border: `1px solid ${style.border}`,
        borderRadius: 8,
        padding: look === 'screen' ? '10px 18px 12px' : '12px 16px',
      }}
      data-testid={`dashboard-group-${group}`}
    >
      <Typography.Text strong style={{ color: style.text, fontSize: style.labelSize + 1 }}>
        {t(`dashboard.groups.${group}`)}
      </Typography.Text>
      <Flex gap={look === 'screen' ? 16 : 12} wrap style={{ marginTop: 6 }}>
        {children}
      </Flex>
    </section>
  );
}

/** The region's figures in the groups (all, or those named); each tile opens the list behind it. */
export function FigureTiles({
  data,
  look,
  columns,
  groups = GROUPS,
}: {
  data: Dashboard;
  look: Look;
  columns: string;
  groups?: readonly TileGroup[];
}) {
  return (
    <div style={{ display: 'grid', gridTemplateColumns: columns, gap: look === 'screen' ? 12 : 16, alignContent: 'start' }}>
      {groups.map((group) => (
        <GroupPanel key={group} group={group} look={look}>
          {TILES.filter((tile) => tile.group === group).map((tile) => (
            <TileBox key={tile.key} tile={tile} data={data} look={look} />
          ))}
        </GroupPanel>
      ))}
    </div>
  );
}
