import { Type, type Static } from 'typebox';
import { PUBLICITY_MATERIALS, REGION_LEVELS, type PublicityMaterial } from '../../../common/enums.ts';
import { CalendarDate, Id, Text, Timestamp } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

/** Posters in one community run to the hundreds and leaflets at a motorway exit to thousands; more is a typo. */
export const MAX_QUANTITY = 100_000;

const Material = Type.Enum(PUBLICITY_MATERIALS);

export const PublicityLogOut = Type.Object({
  id: Type.String(),
  material: Material,
  /** What was put up or handed out, e.g. 《致居民的一封信》. */
  title: Type.String(),
  quantity: Type.Integer(),
  regionId: Type.String(),
  regionName: Type.String(),
  checkpointId: Nullable(Type.String()),
  checkpointName: Nullable(Type.String()),
  place: Nullable(Type.String()),
  doneAt: Type.String(),
  doneOn: Type.String(),
  byName: Type.String(),
  teamId: Nullable(Type.String()),
  teamName: Nullable(Type.String()),
  note: Nullable(Type.String()),
  /** Logged by the caller. */
  mine: Type.Boolean(),
  createdAt: Type.String(),
});
export type PublicityLog = Static<typeof PublicityLogOut>;

export const PublicityLogList = Type.Object({ items: Type.Array(PublicityLogOut), total: Type.Integer() });

export const CreateLogBody = Type.Object(
  {
    material: Material,
    title: Text(60),
    quantity: Type.Integer({ minimum: 1, maximum: MAX_QUANTITY }),
    /** Where: a region in the caller's area, optionally a checkpoint inside it and a place in words. */
    regionId: Id(),
    checkpointId: Type.Optional(Nullable(Id())),
    place: Type.Optional(Nullable(Text(100))),
    /** Now unless given (logged later the same day); never in the future. */
    doneAt: Type.Optional(Timestamp()),
    teamId: Type.Optional(Nullable(Id())),
    note: Type.Optional(Nullable(Text(200))),
  },
  { additionalProperties: false },
);
export type CreateLogInput = Static<typeof CreateLogBody>;

export const LogQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    checkpointId: Type.Optional(Id()),
    material: Type.Optional(Material),
    /** Local dates, inclusive. */
    from: Type.Optional(CalendarDate()),
    to: Type.Optional(CalendarDate()),
    /** Only the caller's own entries (always so for callers who may not read the area's). */
    mine: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type LogQueryInput = Static<typeof LogQuery>;

export const DeleteLogQuery = Type.Object({ reason: Text(200) }, { additionalProperties: false });

export const TotalsQuery = Type.Object(
  {
    /** The region whose child regions are the rows; the caller's area when not given. */
    regionId: Type.Optional(Id()),
    from: Type.Optional(CalendarDate()),
    to: Type.Optional(CalendarDate()),
  },
  { additionalProperties: false },
);
export type TotalsQueryInput = Static<typeof TotalsQuery>;

const Sum = Type.Object({ entries: Type.Integer(), quantity: Type.Integer() });
export type MaterialSum = Static<typeof Sum>;
const ByMaterial = Type.Object(
  Object.fromEntries(PUBLICITY_MATERIALS.map((m) => [m, Sum])) as Record<PublicityMaterial, typeof Sum>,
);
export type MaterialSums = Record<PublicityMaterial, MaterialSum>;

export const TotalsRowOut = Type.Object({
  regionId: Type.String(),
  regionName: Type.String(),
  level: Type.Enum(REGION_LEVELS),
  /** Entries logged at the region itself rather than below it. */
  self: Type.Boolean(),
  /** Whether the region has regions below it to open. */
  hasChildren: Type.Boolean(),
  entries: Type.Integer(),
  quantity: Type.Integer(),
  materials: ByMaterial,
});
export type TotalsRow = Static<typeof TotalsRowOut>;

export const TotalsOut = Type.Object({
  /** The region the rows are children of (null: the rows are the caller's areas). */
  region: Nullable(Type.Object({ id: Type.String(), name: Type.String(), level: Type.Enum(REGION_LEVELS) })),
  from: Nullable(Type.String()),
  to: Nullable(Type.String()),
  items: Type.Array(TotalsRowOut),
  totals: Type.Object({ entries: Type.Integer(), quantity: Type.Integer(), materials: ByMaterial }),
});
export type Totals = Static<typeof TotalsOut>;

export const RegionQuery = Type.Object({ regionId: Id() }, { additionalProperties: false });

export const PlaceList = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), regionId: Type.String(), regionName: Type.String() })),
});

export const TeamList = Type.Object({ items: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })) });
