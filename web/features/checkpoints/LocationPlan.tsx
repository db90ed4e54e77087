import { Typography } from 'antd';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export interface PlanPoint {
  id: string;
  name: string;
  lat: number;
  lng: number;
}

const W = 400;
const H = 240;
/** About 400 m: one checkpoint alone still gets a frame a click can move it around in. */
const MIN_SPAN_DEG = 0.004;
const PAD = 0.15;
const METRES_PER_DEG = 111_320;

interface Frame {
  toXY: (lat: number, lng: number) => { x: number; y: number };
  toLatLng: (x: number, y: number) => { lat: number; lng: number };
  widthMetres: number;
}

/**
 * An equirectangular frame around the points: longitude shrunk by cos(latitude) so a street block
 * keeps its shape, the same scale on both axes, centred in the box.
 */
function frameOf(points: { lat: number; lng: number }[]): Frame {
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  const midLat = (Math.min(...lats) + Math.max(...lats)) / 2;
  const midLng = (Math.min(...lngs) + Math.max(...lngs)) / 2;
  const shrink = Math.cos((midLat * Math.PI) / 180);
  const spanX = Math.max((Math.max(...lngs) - Math.min(...lngs)) * shrink, MIN_SPAN_DEG) * (1 + 2 * PAD);
  const spanY = Math.max(Math.max(...lats) - Math.min(...lats), MIN_SPAN_DEG) * (1 + 2 * PAD);
  const scale = Math.min(W / spanX, H / spanY);
  return {
    toXY: (lat, lng) => ({ x: W / 2 + (lng - midLng) * shrink * scale, y: H / 2 - (lat - midLat) * scale }),
    toLatLng: (x, y) => ({ lat: midLat - (y - H / 2) / scale, lng: midLng + (x - W / 2) / (shrink * scale) }),
    widthMetres: (W / scale) * METRES_PER_DEG,
  };
}

const round6 = (n: number) => Math.round(n * 1e6) / 1e6;

/** Nearest "nice" distance for the caption: 380 m reads as 400. */
function roughMetres(m: number): number {
  const step = m >= 2000 ? 500 : m >= 500 ? 100 : 50;
  return Math.max(step, Math.round(m / step) * step);
}

/**
 * Where the checkpoint stands among the community's others: a click sets its coordinates. A plain
 * drawing of the points, no map tiles: nothing is loaded from outside the server.
 */
export function LocationPlan({
  others,
  value,
  onPick,
}: {
  others: PlanPoint[];
  value: { lat: number; lng: number } | null;
  onPick: (lat: number, lng: number) => void;
}) {
  const { t } = useTranslation();
  const framed = value ? [...others, value] : others;
  if (!framed.length) {
    return (
      <Typography.Text type="secondary" data-testid="checkpoint-plan-empty">
        {t('checkpoints.planEmpty')}
      </Typography.Text>
    );
  }
  const frame = frameOf(framed);

  function pick(e: MouseEvent<SVGSVGElement>) {
    const box = e.currentTarget.getBoundingClientRect();
    const { lat, lng } = frame.toLatLng(((e.clientX - box.left) / box.width) * W, ((e.clientY - box.top) / box.height) * H);
    onPick(round6(lat), round6(lng));
  }

  const here = value ? frame.toXY(value.lat, value.lng) : null;
  return (
    <div>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width="100%"
        role="img"
        aria-label={t('checkpoints.plan')}
        onClick={pick}
        style={{
          display: 'block',
          maxWidth: W,
          background: '#f6f8fa',
          border: '1px solid #d9d9d9',
          borderRadius: 6,
          cursor: 'crosshair',
        }}
        data-testid="checkpoint-plan"
      >
        {others.map((p) => {
          const { x, y } = frame.toXY(p.lat, p.lng);
          return (
            <g key={p.id} data-testid={`checkpoint-plan-point-${p.id}`}>
              <title>{p.name}</title>
              <circle cx={x} cy={y} r={5} fill="#8c8c8c" />
              {/* Near the right edge the name goes on the left of its point, so it is not cut off. */}
              <text
                x={x > W * 0.75 ? x - 7 : x + 7}
                y={y + 4}
                fontSize={11}
                fill="#595959"
                textAnchor={x > W * 0.75 ? 'end' : 'start'}
              >
                {p.name}
              </text>
            </g>
          );
        })}
        {here ? (
          <g data-testid="checkpoint-plan-here">
            <title>{t('checkpoints.planThis')}</title>
            <circle cx={here.x} cy={here.y} r={7} fill="#cf1322" stroke="#fff" strokeWidth={2} />
          </g>
        ) : null}
      </svg>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('checkpoints.planHint')} · {t('checkpoints.planWidth', { metres: roughMetres(frame.widthMetres) })}
      </Typography.Text>
    </div>
  );
}
