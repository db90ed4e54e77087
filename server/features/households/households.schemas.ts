import { Type, type Static } from 'typebox';
import { HOUSING_STATUSES, RESIDENT_RELATIONS, type HousingStatus, type ResidentRelation } from '../../../common/enums.ts';
import { Id, IdNumber, Mobile, Text } from '../../platform/http/schemas.ts';

export const HousingSchema = Type.Enum(HOUSING_STATUSES);
export const RelationSchema = Type.Enum(RESIDENT_RELATIONS);

/** A household holds a family, not a building: more members than this is a typing mistake. */
export const MAX_MEMBERS = 30;

const Nullable = <T extends ReturnType<typeof Text>>(t: T) => Type.Optional(Type.Union([t, Type.Null()]));

/** Building, unit and room as people write them ("3号楼", "2单元", "1802"); a village house may have only the address. */
const PlaceFields = {
  building: Nullable(Text(20)),
  unit: Nullable(Text(20)),
  room: Nullable(Text(20)),
  address: Text(120),
  housing: HousingSchema,
  note: Nullable(Text(500)),
};

export const MemberFields = {
  name: Text(40),
  /** Optional (a child, a tenant who would not say), but checked to GB 11643 when given. */
  idNumber: Type.Optional(Type.Union([IdNumber(), Type.Null()])),
  mobile: Type.Optional(Type.Union([Mobile(), Type.Null()])),
  relation: RelationSchema,
};

export const MemberBody = Type.Object(MemberFields, { additionalProperties: false });
export interface MemberInput {
  name: string;
  idNumber?: string | null | undefined;
  mobile?: string | null | undefined;
  relation: ResidentRelation;
}

export const UpdateMemberBody = Type.Object(
  {
    name: Type.Optional(MemberFields.name),
    idNumber: MemberFields.idNumber,
    mobile: MemberFields.mobile,
    relation: Type.Optional(MemberFields.relation),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMemberInput = Partial<MemberInput>;

export const CreateHouseholdBody = Type.Object(
  {
    regionId: Id(),
    ...PlaceFields,
    members: Type.Optional(Type.Array(MemberBody, { maxItems: MAX_MEMBERS })),
  },
  { additionalProperties: false },
);
export interface CreateHouseholdInput {
  regionId: string;
  building?: string | null | undefined;
  unit?: string | null | undefined;
  room?: string | null | undefined;
  address: string;
  housing: HousingStatus;
  note?: string | null | undefined;
  members?: MemberInput[] | undefined;
}

export const UpdateHouseholdBody = Type.Object(
  {
    regionId: Type.Optional(Id()),
    building: PlaceFields.building,
    unit: PlaceFields.unit,
    room: PlaceFields.room,
    address: Type.Optional(PlaceFields.address),
    housing: Type.Optional(PlaceFields.housing),
    note: PlaceFields.note,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateHouseholdInput = Partial<Omit<CreateHouseholdInput, 'members'>>;

/** A member as every answer shows them: ID number and mobile masked (null when not given). */
export const ResidentOut = Type.Object({
  id: Type.String(),
  householdId: Type.String(),
  name: Type.String(),
  idNumber: Type.Union([Type.String(), Type.Null()]),
  mobile: Type.Union([Type.String(), Type.Null()]),
  relation: RelationSchema,
});
export type Resident = Static<typeof ResidentOut>;

export const HouseholdSummaryOut = Type.Object({
  id: Type.String(),
  regionId: Type.String(),
  regionName: Type.String(),
  building: Type.Union([Type.String(), Type.Null()]),
  unit: Type.Union([Type.String(), Type.Null()]),
  room: Type.Union([Type.String(), Type.Null()]),
  address: Type.String(),
  housing: HousingSchema,
  note: Type.Union([Type.String(), Type.Null()]),
  memberCount: Type.Integer(),
  updatedAt: Type.String(),
});
export type HouseholdSummary = Static<typeof HouseholdSummaryOut>;

export const HouseholdOut = Type.Object({
  ...HouseholdSummaryOut.properties,
  regionCode: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  members: Type.Array(ResidentOut),
});
export type Household = Static<typeof HouseholdOut>;

export const HouseholdList = Type.Object({ items: Type.Array(HouseholdSummaryOut), total: Type.Integer() });

const FilterFields = {
  regionId: Type.Optional(Id()),
  /** Part of the address or the building. */
  q: Type.Optional(Type.String({ maxLength: 40 })),
  housing: Type.Optional(HousingSchema),
};
export const HouseholdQuery = Type.Object(
  {
    ...FilterFields,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type HouseholdQueryInput = Static<typeof HouseholdQuery>;
export type HouseholdFilterInput = Static<typeof HouseholdFilter>;
export const HouseholdFilter = Type.Object(FilterFields, { additionalProperties: false });

export const ExportQuery = Type.Object(
  {
    ...FilterFields,
    /** Full ID numbers and mobiles where the caller holds pii.reveal; audited. Masked otherwise. */
    reveal: Type.Optional(Type.Boolean({ default: false })),
  },
  { additionalProperties: false },
);
export type ExportQueryInput = Static<typeof ExportQuery>;

export const ResidentParams = Type.Object({ id: Id(), residentId: Id() }, { additionalProperties: false });

export const ResidentSearchQuery = Type.Object({ idNumber: IdNumber() }, { additionalProperties: false });

export const ResidentMatchOut = Type.Object({ resident: ResidentOut, household: HouseholdSummaryOut });
export type ResidentMatch = Static<typeof ResidentMatchOut>;
export const ResidentMatchList = Type.Object({ items: Type.Array(ResidentMatchOut) });

export const RevealOut = Type.Object({
  idNumber: Type.Union([Type.String(), Type.Null()]),
  mobile: Type.Union([Type.String(), Type.Null()]),
});

export const ImportQuery = Type.Object(
  { dryRun: Type.Optional(Type.Boolean({ default: false })) },
  { additionalProperties: false },
);

/** What an import did (or, on a dry run, would do), in households and in members. */
export const ImportResult = Type.Object({
  dryRun: Type.Boolean(),
  rows: Type.Integer(),
  created: Type.Integer(),
  updated: Type.Integer(),
  unchanged: Type.Integer(),
  members: Type.Integer(),
});
export type ImportCounts = Static<typeof ImportResult>;
