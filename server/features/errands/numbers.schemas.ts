/** The numbers of 红色代办: per grid, community, county or day. */
import { Type, type Static } from 'typebox';
import { CalendarDate, Id } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

export const NUMBERS_BY = ['grid', 'community', 'county', 'day'] as const;
export type NumbersBy = (typeof NUMBERS_BY)[number];

export const NumbersQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    from: Type.Optional(CalendarDate()),
    to: Type.Optional(CalendarDate()),
    by: Type.Optional(Type.Enum(NUMBERS_BY)),
  },
  { additionalProperties: false },
);
export type NumbersQueryInput = Static<typeof NumbersQuery>;

export const NumbersRow = Type.Object({
  /** The region's id, or the day (YYYY-MM-DD). */
  key: Type.String(),
  name: Type.String(),
  orders: Type.Integer(),
  delivered: Type.Integer(),
  cancelled: Type.Integer(),
  /** Still new, claimed, being bought or on the way. */
  open: Type.Integer(),
  /** From the order to its claim; null when none was claimed. */
  medianClaimMinutes: Nullable(Type.Number()),
  /** From the order to its delivery; null when none was delivered. */
  medianDeliveryMinutes: Nullable(Type.Number()),
  /** Delivered by the deadline, of those delivered (0–1); null when none was delivered. */
  onTimeShare: Nullable(Type.Number()),
  dueFen: Type.Integer(),
  paidFen: Type.Integer(),
});
export type NumbersLine = Static<typeof NumbersRow>;

export const NumbersOut = Type.Object({
  from: Type.String(),
  to: Type.String(),
  by: Type.Enum(NUMBERS_BY),
  rows: Type.Array(NumbersRow),
  total: NumbersRow,
});
export type Numbers = Static<typeof NumbersOut>;
