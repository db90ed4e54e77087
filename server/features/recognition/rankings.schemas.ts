/** Recognition rankings (表彰与排行): who served most in a region over a period. */
import { Type, type Static } from 'typebox';
import { RANKING_METRICS, RANKING_SUBJECTS, SERVICE_KINDS } from '../../../common/enums.ts';
import { CalendarDate, Id } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

/** The filters shared by the list and its Excel file. */
const RankingFilter = {
  subject: Type.Optional(Type.Enum(RANKING_SUBJECTS, { default: 'volunteer' })),
  /** Defaults to the top region of the caller's `volunteers.read` grants. */
  regionId: Type.Optional(Id()),
  /** Service dates (`occurredOn`) from and to, both included; `to` not before `from`. */
  from: CalendarDate(),
  to: CalendarDate(),
  metric: Type.Optional(Type.Enum(RANKING_METRICS, { default: 'hours' })),
};

export const RankingQuery = Type.Object(
  {
    ...RankingFilter,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type RankingQueryInput = Static<typeof RankingQuery>;

export const RankingExportQuery = Type.Object(RankingFilter, { additionalProperties: false });
export type RankingExportInput = Static<typeof RankingExportQuery>;

/** Entry counts by kind of service, as the service record counts them. */
export const KindCounts = Type.Object(
  Object.fromEntries(SERVICE_KINDS.map((k) => [k, Type.Integer()])) as Record<
    (typeof SERVICE_KINDS)[number],
    ReturnType<typeof Type.Integer>
  >,
);

export const RankingItemOut = Type.Object({
  /** 1-based; equal values share a rank (1, 2, 2, 4). */
  rank: Type.Integer(),
  /** The volunteer's, team's or unit's id. */
  id: Id(),
  name: Type.String(),
  /** The subject's own region (a volunteer's home region, a team's or unit's region). */
  regionName: Type.String(),
  /** A volunteer's unit; a team's kind label is left to the page; null otherwise. */
  unitName: Nullable(Type.String()),
  /** Volunteers with at least one entry in the period (1 for a volunteer). */
  volunteers: Type.Integer(),
  hours: Type.Number(),
  entries: Type.Integer(),
  byKind: KindCounts,
});
export type RankingItem = Static<typeof RankingItemOut>;

export const RankingOut = Type.Object({
  region: Type.Object({ id: Id(), name: Type.String() }),
  subject: Type.Enum(RANKING_SUBJECTS),
  metric: Type.Enum(RANKING_METRICS),
  from: CalendarDate(),
  to: CalendarDate(),
  /** Subjects with at least one entry in the period; those without are not ranked. */
  total: Type.Integer(),
  items: Type.Array(RankingItemOut),
});
export type Ranking = Static<typeof RankingOut>;
