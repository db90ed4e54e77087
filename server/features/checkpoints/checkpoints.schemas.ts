import { Type, type Static } from 'typebox';
import {
  CHECKPOINT_KINDS,
  CHECKPOINT_STATUSES,
  type CheckpointKind,
  type CheckpointStatus,
  type RiskLevel,
} from '../../../common/enums.ts';
import { Id, Text } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

/** One shift of the daily pattern, local wall-clock time. */
export interface ShiftSlot {
  start: string;
  /** end <= start: the shift ends the next day (equal: a 24-hour shift). */
  end: string;
  people: number;
}

export interface Checkpoint {
  id: string;
  name: string;
  kind: CheckpointKind;
  regionId: string;
  /** '雪松社区 第一网格' for a grid, the community's own name otherwise. */
  regionName: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  risk: RiskLevel;
  hours24: boolean;
  opensAt: string | null;
  closesAt: string | null;
  shiftPattern: ShiftSlot[];
  /** Σ people over the slots. */
  peoplePerDay: number;
  /** Only this team's (and its sub-teams') members are rostered here. */
  teamId: string | null;
  teamName: string | null;
  status: CheckpointStatus;
  checkInCode: string;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What the duty feature shows of a checkpoint (no access check: the caller checked its own). */
export interface CheckpointSummary {
  id: string;
  name: string;
  kind: CheckpointKind;
  regionId: string;
  regionName: string;
  regionPath: string;
  risk: RiskLevel;
  address: string | null;
  lat: number | null;
  lng: number | null;
}

/** An active checkpoint as the roster generator needs it. */
export interface PlanningCheckpoint {
  id: string;
  name: string;
  kind: CheckpointKind;
  regionId: string;
  regionName: string;
  regionPath: string;
  risk: RiskLevel;
  lat: number | null;
  lng: number | null;
  teamId: string | null;
  shiftPattern: ShiftSlot[];
}

export const MAX_SLOTS = 12;
export const MAX_PEOPLE = 50;

export const CheckpointKindSchema = Type.Enum(CHECKPOINT_KINDS);
export const CheckpointStatusSchema = Type.Enum(CHECKPOINT_STATUSES);
export const RiskSchema = Type.Unsafe<RiskLevel>(Type.Integer({ minimum: 1, maximum: 4 }));

export const TIME_PATTERN = '^([01]\\d|2[0-3]):[0-5]\\d$';
export const Time = () => Type.String({ pattern: TIME_PATTERN, 'x-reason': 'field.checkpoint.time' });
const Lat = () => Type.Number({ minimum: -90, maximum: 90 });
const Lng = () => Type.Number({ minimum: -180, maximum: 180 });

export const ShiftSlotSchema = Type.Object(
  { start: Time(), end: Time(), people: Type.Integer({ minimum: 1, maximum: MAX_PEOPLE }) },
  { additionalProperties: false },
);
const ShiftPattern = () => Type.Array(ShiftSlotSchema, { minItems: 1, maxItems: MAX_SLOTS });

export const CheckpointOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: CheckpointKindSchema,
  regionId: Type.String(),
  regionName: Type.String(),
  address: Nullable(Type.String()),
  lat: Nullable(Type.Number()),
  lng: Nullable(Type.Number()),
  risk: RiskSchema,
  hours24: Type.Boolean(),
  opensAt: Nullable(Type.String()),
  closesAt: Nullable(Type.String()),
  shiftPattern: Type.Array(Type.Object({ start: Type.String(), end: Type.String(), people: Type.Integer() })),
  peoplePerDay: Type.Integer(),
  teamId: Nullable(Type.String()),
  teamName: Nullable(Type.String()),
  status: CheckpointStatusSchema,
  checkInCode: Type.String(),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const CheckpointList = Type.Object({ items: Type.Array(CheckpointOut), total: Type.Integer() });

export const CheckpointQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    kind: Type.Optional(CheckpointKindSchema),
    risk: Type.Optional(RiskSchema),
    status: Type.Optional(CheckpointStatusSchema),
    teamId: Type.Optional(Id()),
    /** Part of the name or address. */
    q: Type.Optional(Text(60)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type CheckpointQueryInput = Static<typeof CheckpointQuery>;

const fields = {
  name: Text(60),
  kind: CheckpointKindSchema,
  regionId: Id(),
  address: Type.Optional(Nullable(Text(120))),
  lat: Type.Optional(Nullable(Lat())),
  lng: Type.Optional(Nullable(Lng())),
  risk: RiskSchema,
  hours24: Type.Boolean(),
  /** Required when hours24 is false, absent or null when it is true. */
  opensAt: Type.Optional(Nullable(Time())),
  closesAt: Type.Optional(Nullable(Time())),
  shiftPattern: ShiftPattern(),
  teamId: Type.Optional(Nullable(Id())),
  note: Type.Optional(Nullable(Text(500))),
};

export const CreateCheckpointBody = Type.Object(fields, { additionalProperties: false });
export type CreateCheckpointInput = Static<typeof CreateCheckpointBody>;

export const UpdateCheckpointBody = Type.Object(
  {
    name: Type.Optional(fields.name),
    kind: Type.Optional(fields.kind),
    regionId: Type.Optional(fields.regionId),
    address: fields.address,
    lat: fields.lat,
    lng: fields.lng,
    risk: Type.Optional(fields.risk),
    hours24: Type.Optional(fields.hours24),
    opensAt: fields.opensAt,
    closesAt: fields.closesAt,
    shiftPattern: Type.Optional(fields.shiftPattern),
    teamId: fields.teamId,
    note: fields.note,
    status: Type.Optional(CheckpointStatusSchema),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCheckpointInput = Static<typeof UpdateCheckpointBody>;

export const PlacardsQuery = Type.Object({ regionId: Id() }, { additionalProperties: false });
export const ExportQuery = Type.Object({ regionId: Type.Optional(Id()) }, { additionalProperties: false });
export type ExportQueryInput = Static<typeof ExportQuery>;

export const ImportResult = Type.Object({ created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() });
export type ImportCounts = Static<typeof ImportResult>;
