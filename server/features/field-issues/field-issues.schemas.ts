import { Type, type Static } from 'typebox';
import {
  FIELD_ISSUE_CATEGORIES,
  FIELD_ISSUE_EVENT_KINDS,
  FIELD_ISSUE_STATUSES,
  type FieldIssueCategory,
  type FieldIssueEventKind,
  type FieldIssueStatus,
} from '../../../common/enums.ts';
import { CalendarDate, Id, Text, Timestamp } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

type Person = { accountId: string; name: string };

/** A problem on the ground (问题台账): raised, owned by a region's staff (or a unit), resolved, verified. */
export interface FieldIssue {
  id: string;
  /** WT20261201-007: quoted on the phone and on printouts. */
  ref: string;
  category: FieldIssueCategory;
  title: string;
  description: string | null;
  regionId: string;
  regionName: string;
  checkpoint: { id: string; name: string } | null;
  inspectionId: string | null;
  raisedBy: Person;
  ownerRegion: { id: string; name: string };
  ownerUnit: { id: string; name: string } | null;
  /** Where it sits now: the owner region, or the region it escalated to while overdue. */
  currentRegion: { id: string; name: string };
  escalationLevel: number;
  deadline: string;
  /** Not resolved and past the deadline. */
  overdue: boolean;
  status: FieldIssueStatus;
  resolution: string | null;
  resolvedAt: string | null;
  resolvedBy: Person | null;
  verifiedAt: string | null;
  verifiedBy: Person | null;
  createdAt: string;
  updatedAt: string;
  /** What the caller may do with it now. */
  can: { comment: boolean; start: boolean; resolve: boolean; verify: boolean; edit: boolean };
}

export interface FieldIssueEvent {
  id: string;
  kind: FieldIssueEventKind;
  fromStatus: FieldIssueStatus | null;
  toStatus: FieldIssueStatus | null;
  body: string | null;
  at: string;
  /** null: the escalation job. */
  by: Person | null;
}

export interface FieldIssueDetail extends FieldIssue {
  events: FieldIssueEvent[];
}

const PersonSchema = () => Type.Object({ accountId: Type.String(), name: Type.String() });
const Ref = () => Type.Object({ id: Type.String(), name: Type.String() });
const CategorySchema = Type.Enum(FIELD_ISSUE_CATEGORIES);
const StatusSchema = Type.Enum(FIELD_ISSUE_STATUSES);

const issueFields = {
  id: Type.String(),
  ref: Type.String(),
  category: CategorySchema,
  title: Type.String(),
  description: Nullable(Type.String()),
  regionId: Type.String(),
  regionName: Type.String(),
  checkpoint: Nullable(Ref()),
  inspectionId: Nullable(Type.String()),
  raisedBy: PersonSchema(),
  ownerRegion: Ref(),
  ownerUnit: Nullable(Ref()),
  currentRegion: Ref(),
  escalationLevel: Type.Integer(),
  deadline: Type.String(),
  overdue: Type.Boolean(),
  status: StatusSchema,
  resolution: Nullable(Type.String()),
  resolvedAt: Nullable(Type.String()),
  resolvedBy: Nullable(PersonSchema()),
  verifiedAt: Nullable(Type.String()),
  verifiedBy: Nullable(PersonSchema()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  can: Type.Object({
    comment: Type.Boolean(),
    start: Type.Boolean(),
    resolve: Type.Boolean(),
    verify: Type.Boolean(),
    edit: Type.Boolean(),
  }),
};
export const FieldIssueOut = Type.Object(issueFields);
export const FieldIssueList = Type.Object({
  items: Type.Array(FieldIssueOut),
  total: Type.Integer(),
  /** Counts by status over the same filters without `status`, for the tabs. */
  counts: Type.Object({
    open: Type.Integer(),
    in_progress: Type.Integer(),
    resolved: Type.Integer(),
    verified: Type.Integer(),
    overdue: Type.Integer(),
  }),
});
export const FieldIssueDetailOut = Type.Object({
  ...issueFields,
  events: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.Enum(FIELD_ISSUE_EVENT_KINDS),
      fromStatus: Nullable(StatusSchema),
      toStatus: Nullable(StatusSchema),
      body: Nullable(Type.String()),
      at: Type.String(),
      by: Nullable(PersonSchema()),
    }),
  ),
});

export const FieldIssueQuery = Type.Object(
  {
    status: Type.Optional(StatusSchema),
    category: Type.Optional(CategorySchema),
    /** Issues at places inside this region, or owned by it. */
    regionId: Type.Optional(Id()),
    checkpointId: Type.Optional(Id()),
    /** The issues raised from one visit. */
    inspectionId: Type.Optional(Id()),
    overdue: Type.Optional(Type.Boolean()),
    /** raised: raised by the caller; owned: sitting with a region the caller handles. */
    mine: Type.Optional(Type.Union([Type.Literal('raised'), Type.Literal('owned')])),
    /** Part of the ref, title or description. */
    q: Type.Optional(Text(40)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type FieldIssueQueryInput = Static<typeof FieldIssueQuery>;

export const CreateFieldIssueBody = Type.Object(
  {
    category: CategorySchema,
    title: Text(60),
    description: Type.Optional(Nullable(Text(2000))),
    /** The place; taken from the checkpoint when one is given. */
    regionId: Type.Optional(Id()),
    checkpointId: Type.Optional(Nullable(Id())),
    /** The visit it was found on (the inspector's own). */
    inspectionId: Type.Optional(Nullable(Id())),
    /** Default: the community the place is in (the place itself above community level). */
    ownerRegionId: Type.Optional(Id()),
    ownerUnitId: Type.Optional(Nullable(Id())),
    /** Default: 24 hours from now; in the future and at most 30 days ahead. */
    deadline: Type.Optional(Timestamp()),
  },
  { additionalProperties: false },
);
export type CreateFieldIssueInput = Static<typeof CreateFieldIssueBody>;

export const UpdateFieldIssueBody = Type.Object(
  {
    category: Type.Optional(CategorySchema),
    title: Type.Optional(Text(60)),
    description: Type.Optional(Nullable(Text(2000))),
    ownerRegionId: Type.Optional(Id()),
    ownerUnitId: Type.Optional(Nullable(Id())),
    deadline: Type.Optional(Timestamp()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateFieldIssueInput = Static<typeof UpdateFieldIssueBody>;

export const CommentBody = Type.Object({ body: Text(1000) }, { additionalProperties: false });
export type CommentInput = Static<typeof CommentBody>;

/** in_progress: taken on; resolved: `note` is the resolution (required). */
export const StatusBody = Type.Object(
  {
    to: Type.Union([Type.Literal('in_progress'), Type.Literal('resolved')]),
    note: Type.Optional(Nullable(Text(1000))),
  },
  { additionalProperties: false },
);
export type StatusInput = Static<typeof StatusBody>;

/** accepted: verified; otherwise back to in_progress with `note` (required) saying what is still wrong. */
export const VerifyBody = Type.Object(
  { accepted: Type.Boolean(), note: Type.Optional(Nullable(Text(1000))) },
  { additionalProperties: false },
);
export type VerifyInput = Static<typeof VerifyBody>;

export const SummaryQuery = Type.Object(
  {
    /** A county (or the city). */
    regionId: Id(),
    /** Local dates, inclusive; default: the last 30 days. */
    from: Type.Optional(CalendarDate()),
    to: Type.Optional(CalendarDate()),
  },
  { additionalProperties: false },
);
export type SummaryQueryInput = Static<typeof SummaryQuery>;
