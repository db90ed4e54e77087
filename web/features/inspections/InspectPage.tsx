import { AimOutlined, CloseOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Result, Skeleton, Statistic, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentPosition } from '../duty/my/position.ts';
import { QueryError } from '../../components/QueryError.tsx';
import { AreaPicker } from './inspect/AreaPicker.tsx';
import { RouteStop } from './inspect/RouteStop.tsx';
import { useCoverage, useLiveInspections, type Coverage, type Point } from './inspections.api.ts';

/** Readable on a desk too, without stretching the list across a wide screen. */
const COLUMN = { width: '100%', maxWidth: 720, margin: '0 auto' } as const;
/** A city-wide round can hold hundreds of stops; a phone shows them a screenful at a time. */
const STEP = 20;

function Totals({ totals }: { totals: Coverage['totals'] }) {
  const { t } = useTranslation();
  const items = [
    { key: 'today', title: t('inspections.inspect.visitedTodayTotal'), value: totals.visitedToday },
    { key: 'week', title: t('inspections.inspect.visitedWeekTotal'), value: totals.visitedThisWeek },
    { key: 'all', title: t('inspections.inspect.checkpointsTotal'), value: totals.checkpoints },
  ];
  return (
    <Card styles={{ body: { padding: 16 } }}>
      <Flex gap={12}>
        {items.map((item) => (
          <Statistic
            key={item.key}
            style={{ flex: 1, minWidth: 0 }}
            title={item.title}
            value={item.value}
            data-testid={`inspect-total-${item.key}`}
          />
        ))}
      </Flex>
    </Card>
  );
}

/** Where the round starts: the phone's position when the inspector asks for it, else by risk alone. */
function useStart() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [start, setStart] = useState<Point | null>(null);
  const [locating, setLocating] = useState(false);
  async function locate() {
    setLocating(true);
    const position = await currentPosition();
    setLocating(false);
    if (position) setStart({ lat: position.lat, lng: position.lng });
    else void message.warning(t('inspections.inspect.noPosition'));
  }
  return { start, locating, locate, clear: () => setStart(null) };
}

function Round({ coverage, start }: { coverage: Coverage; start: ReturnType<typeof useStart> }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(STEP);
  const byId = new Map(coverage.checkpoints.map((c) => [c.id, c]));
  const stops = coverage.route.flatMap((stop) => {
    const checkpoint = byId.get(stop.checkpointId);
    return checkpoint ? [{ checkpoint, legKm: stop.legKm }] : [];
  });
  const visited = coverage.checkpoints.filter((c) => c.visitsToday > 0);

  return (
    <>
      <Card
        styles={{ body: { padding: 12 } }}
        title={
          <Flex vertical style={{ padding: '8px 0' }}>
            <span>{t('inspections.inspect.routeTitle')}</span>
            <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 13 }} data-testid="inspect-route-summary">
              {t('inspections.inspect.routeSummary', { count: stops.length, km: coverage.routeKm.toFixed(1) })}
            </Typography.Text>
          </Flex>
        }
      >
        <Flex vertical gap={12}>
          <Flex wrap gap={8} align="center">
            <Button
              size="large"
              icon={<AimOutlined />}
              loading={start.locating}
              onClick={() => void start.locate()}
              style={{ flex: '1 1 200px' }}
              data-testid="inspect-locate"
            >
              {t('inspections.inspect.replan')}
            </Button>
            {start.start ? (
              <Tag
                color="blue"
                closable
                closeIcon={<CloseOutlined aria-label={t('inspections.inspect.clearPosition')} />}
                onClose={start.clear}
                data-testid="inspect-from-here"
              >
                {t('inspections.inspect.fromHere')}
              </Tag>
            ) : null}
          </Flex>
          {stops.length ? (
            <Flex vertical gap={8} data-testid="inspect-route">
              {stops.slice(0, shown).map((stop, i) => (
                <RouteStop
                  key={stop.checkpoint.id}
                  checkpoint={stop.checkpoint}
                  order={i + 1}
                  legKm={stop.legKm}
                  fromHere={start.start !== null}
                />
              ))}
              {stops.length > shown ? (
                <Button block size="large" type="dashed" onClick={() => setShown(shown + STEP)} data-testid="inspect-more">
                  {t('inspections.inspect.more', { count: stops.length - shown })}
                </Button>
              ) : null}
            </Flex>
          ) : coverage.checkpoints.length ? (
            <Result status="success" title={t('inspections.inspect.allVisited')} data-testid="inspect-all-visited" />
          ) : (
            <Empty description={t('inspections.inspect.noCheckpoints')} data-testid="inspect-empty" />
          )}
        </Flex>
      </Card>
      {visited.length ? (
        <Card styles={{ body: { padding: 12 } }} title={t('inspections.inspect.visitedTitle', { count: visited.length })}>
          <Flex vertical gap={8} data-testid="inspect-visited">
            {visited.map((c) => (
              <RouteStop key={c.id} checkpoint={c} />
            ))}
          </Flex>
        </Card>
      ) : null}
    </>
  );
}

/** 今日督查: the inspector's phone page — how far the day's round has come, and where to go next. */
export function InspectPage() {
  const { t } = useTranslation();
  const [regionId, setRegionId] = useState<string | null>(null);
  const start = useStart();
  const coverage = useCoverage(regionId, start.start);
  useLiveInspections();

  let body;
  if (coverage.isError && !coverage.data) body = <QueryError error={coverage.error} onRetry={() => void coverage.refetch()} />;
  else if (!coverage.data) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else
    body = (
      <>
        <Totals totals={coverage.data.totals} />
        <Round coverage={coverage.data} start={start} />
      </>
    );
  return (
    <Flex vertical gap={16} style={COLUMN} data-testid="inspect-page">
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('inspections.inspect.title')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('inspections.inspect.intro')}</Typography.Text>
      </div>
      <AreaPicker value={regionId} onChange={setRegionId} />
      {body}
    </Flex>
  );
}
