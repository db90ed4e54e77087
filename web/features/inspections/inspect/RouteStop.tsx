import { RightOutlined } from '@ant-design/icons';
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RiskTag } from '../../checkpoints/CheckpointTags.tsx';
import { clock } from '../../duty/dutyTime.ts';
import type { CoverageCheckpoint } from '../inspections.api.ts';
import { useVisitTime } from '../visitTime.ts';

/** The number on a stop of the round: large, so the order reads at a glance. */
function StopNumber({ children }: { children: ReactNode }) {
  return (
    <span
      style={{
        flex: 'none',
        width: 32,
        height: 32,
        borderRadius: 16,
        background: '#c41d1d',
        color: '#fff',
        fontWeight: 600,
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
      }}
    >
      {children}
    </span>
  );
}

/** Who is at the post now against who should be: red when short, so the inspector goes there first. */
function Staffed({ staffed }: { staffed: CoverageCheckpoint['staffedNow'] }) {
  const { t } = useTranslation();
  if (!staffed.required) return <Typography.Text type="secondary">{t('inspections.inspect.noShiftNow')}</Typography.Text>;
  const short = staffed.onDuty < staffed.required;
  return (
    <Typography.Text type={short ? 'danger' : 'success'} strong={short}>
      {t('inspections.inspect.staffed', { onDuty: staffed.onDuty, required: staffed.required })}
    </Typography.Text>
  );
}

function LastVisit({ checkpoint }: { checkpoint: CoverageCheckpoint }) {
  const { t } = useTranslation();
  const visitTime = useVisitTime();
  if (checkpoint.visitsToday > 0)
    return (
      <Typography.Text type="success">
        {t('inspections.inspect.visitedToday', { count: checkpoint.visitsToday, time: clock(checkpoint.lastVisitAt ?? '') })}
      </Typography.Text>
    );
  if (!checkpoint.lastVisitAt) return <Typography.Text type="warning">{t('inspections.inspect.neverVisited')}</Typography.Text>;
  return (
    <Typography.Text type="secondary">
      {t('inspections.inspect.lastVisit', { time: visitTime(checkpoint.lastVisitAt) })}
    </Typography.Text>
  );
}

/**
 * One checkpoint of the round, the whole row a tap target to its visit page. `order` numbers the
 * suggested route; `legKm` is the way there from the stop before (undefined: not on the route).
 */
export function RouteStop({
  checkpoint,
  order,
  legKm,
  fromHere,
}: {
  checkpoint: CoverageCheckpoint;
  order?: number;
  legKm?: number | null;
  /** The round was planned from the phone's position. */
  fromHere?: boolean;
}) {
  const { t } = useTranslation();
  function legText(km: number | null): string {
    if (km === null) return t('inspections.inspect.legUnknown');
    // The first stop's leg runs from the phone's position, or is where the round starts.
    if (order === 1)
      return fromHere ? t('inspections.inspect.legFromHere', { km: km.toFixed(1) }) : t('inspections.inspect.legStart');
    return t('inspections.inspect.leg', { km: km.toFixed(1) });
  }
  return (
    <Link
      to={`/inspect/${checkpoint.id}`}
      data-testid={`inspect-stop-${checkpoint.name}`}
      data-checkpoint={checkpoint.id}
      style={{
        display: 'block',
        padding: '12px 12px',
        minHeight: 56,
        color: 'inherit',
        background: '#fff',
        border: '1px solid #f0f0f0',
        borderRadius: 8,
      }}
    >
      <Flex align="center" gap={12}>
        {order === undefined ? null : <StopNumber>{order}</StopNumber>}
        <Flex vertical gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Flex wrap align="center" gap={6}>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {checkpoint.name}
            </Typography.Text>
            <RiskTag risk={checkpoint.risk} />
          </Flex>
          <Typography.Text type="secondary" ellipsis>
            {checkpoint.regionName}
          </Typography.Text>
          <Flex wrap gap="4px 12px">
            {legKm === undefined ? null : (
              <Typography.Text data-testid={`inspect-leg-${checkpoint.name}`}>{legText(legKm)}</Typography.Text>
            )}
            <Staffed staffed={checkpoint.staffedNow} />
            <LastVisit checkpoint={checkpoint} />
          </Flex>
        </Flex>
        <RightOutlined style={{ color: '#bfbfbf' }} />
      </Flex>
    </Link>
  );
}
