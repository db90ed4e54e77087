/** The command dashboard (指挥大屏): figures for one region, its children and the last 14 days. */
import { Type, type Static } from 'typebox';
import { FIGURE_KEYS } from '../../../common/dashboard-figures.ts';
import { CalendarDate, Id } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

export const DashboardQuery = Type.Object(
  {
    /** Defaults to the top region of the caller's `dashboard.read` grants. */
    regionId: Type.Optional(Id()),
  },
  { additionalProperties: false },
);
export type DashboardQueryInput = Static<typeof DashboardQuery>;

export const FiguresOut = Type.Object(
  Object.fromEntries(FIGURE_KEYS.map((k) => [k, Type.Number()])) as Record<
    (typeof FIGURE_KEYS)[number],
    ReturnType<typeof Type.Number>
  >,
);

const RegionRef = Type.Object({
  id: Id(),
  name: Type.String(),
  level: Type.String(),
});

export const DashboardOut = Type.Object({
  region: RegionRef,
  /** From the caller's top region down to this one: the way back up. */
  breadcrumb: Type.Array(RegionRef),
  /** Today in Beijing. */
  day: CalendarDate(),
  /** When today's figures were computed; null before the first refresh. */
  computedAt: Nullable(Type.String()),
  figures: FiguresOut,
  /** The direct children with today's figures, in region order; `hasChildren` lets the page drill. */
  children: Type.Array(Type.Object({ region: RegionRef, hasChildren: Type.Boolean(), figures: FiguresOut })),
  /** The last 14 days, oldest first, today last; a day before any refresh is all zeros. */
  trend: Type.Array(Type.Object({ day: CalendarDate(), figures: FiguresOut })),
  /** Computed at request time from today's orders in the region (medians do not add up the tree). */
  errandsMedianClaimMinutes: Nullable(Type.Number()),
  errandsMedianDeliveryMinutes: Nullable(Type.Number()),
});
export type Dashboard = Static<typeof DashboardOut>;

export const RefreshedOut = Type.Object({
  /** When the refresh that answered began (one asked for together with others is shared). */
  computedAt: Type.String(),
});
export type Refreshed = Static<typeof RefreshedOut>;
