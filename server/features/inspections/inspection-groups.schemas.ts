import { Type, type Static } from 'typebox';
import { INSPECTION_GROUP_KINDS, REGION_LEVELS, type InspectionGroupKind, type RegionLevel } from '../../../common/enums.ts';
import { Id, Text } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

/**
 * A liaison group (联络组) or discipline inspection group (纪检监察组). Its members hold the
 * inspector role over its area for as long as they are members (grants the group keeps).
 */
export interface InspectionGroup {
  id: string;
  name: string;
  kind: InspectionGroupKind;
  /** The region that set the group up; its managers manage the group. */
  regionId: string;
  regionName: string;
  leader: { accountId: string; name: string } | null;
  members: { accountId: string; name: string; login: string }[];
  area: { regionId: string; name: string; level: RegionLevel }[];
  note: string | null;
  /** Visits by its members today, in its area. */
  visitsToday: number;
  createdAt: string;
  updatedAt: string;
}

const KindSchema = Type.Enum(INSPECTION_GROUP_KINDS);

export const InspectionGroupOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: KindSchema,
  regionId: Type.String(),
  regionName: Type.String(),
  leader: Nullable(Type.Object({ accountId: Type.String(), name: Type.String() })),
  members: Type.Array(Type.Object({ accountId: Type.String(), name: Type.String(), login: Type.String() })),
  area: Type.Array(Type.Object({ regionId: Type.String(), name: Type.String(), level: Type.Enum(REGION_LEVELS) })),
  note: Nullable(Type.String()),
  visitsToday: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const InspectionGroupList = Type.Object({ items: Type.Array(InspectionGroupOut), total: Type.Integer() });

export const InspectionGroupQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    kind: Type.Optional(KindSchema),
    q: Type.Optional(Text(40)),
    /** Only the groups the caller belongs to. */
    mine: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type InspectionGroupQueryInput = Static<typeof InspectionGroupQuery>;

const fields = {
  name: Text(40),
  kind: KindSchema,
  regionId: Id(),
  /** Regions inside `regionId`'s subtree; members inspect there. */
  areaRegionIds: Type.Array(Id(), { minItems: 1, maxItems: 50, uniqueItems: true }),
  memberAccountIds: Type.Array(Id(), { maxItems: 50, uniqueItems: true }),
  /** One of the members. */
  leaderAccountId: Type.Optional(Nullable(Id())),
  note: Type.Optional(Nullable(Text(500))),
};

export const CreateInspectionGroupBody = Type.Object(fields, { additionalProperties: false });
export type CreateInspectionGroupInput = Static<typeof CreateInspectionGroupBody>;

export const UpdateInspectionGroupBody = Type.Object(
  {
    name: Type.Optional(fields.name),
    kind: Type.Optional(fields.kind),
    areaRegionIds: Type.Optional(fields.areaRegionIds),
    memberAccountIds: Type.Optional(fields.memberAccountIds),
    leaderAccountId: fields.leaderAccountId,
    note: fields.note,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateInspectionGroupInput = Static<typeof UpdateInspectionGroupBody>;
