import { Type, type Static } from 'typebox';
import { FOLLOW_UP_KINDS, FOLLOW_UP_STATUSES, type FollowUpKind, type FollowUpStatus } from '../../../common/enums.ts';
import { Id, Text } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

/** What made the task: a passage entry, or a door-to-door screening visit. */
export type FollowUpSourceKind = 'passage' | 'screening_visit';

/** What the person was seen with when the task was made (a passage entry or a screening visit). */
export interface FollowUpDetails {
  /** The household's address (screening visits). */
  address?: string | null;
  checkpointId?: string;
  checkpointName?: string;
  occurredAt: string;
  direction?: 'in' | 'out';
  temperature?: number | null;
  remeasured?: number | null;
  originCode?: string | null;
  originName?: string | null;
  /** The risk area the origin fell in. */
  riskAreaName?: string | null;
  /** Masked in responses like the person's mobile. */
  plate?: string | null;
}

/** A task for a community: follow up a person seen with a fever or arriving from a risk area. */
export interface FollowUp {
  id: string;
  /** The community (or the place itself when above community level). */
  regionId: string;
  regionName: string;
  kind: FollowUpKind;
  status: FollowUpStatus;
  source: { kind: FollowUpSourceKind; id: string };
  /** Masked (张*, 138****1234) unless revealed. */
  personName: string | null;
  personMobile: string | null;
  details: FollowUpDetails;
  assignedTo: { accountId: string; name: string } | null;
  outcome: string | null;
  closedAt: string | null;
  closedBy: { accountId: string; name: string } | null;
  createdAt: string;
  updatedAt: string;
}

/** What another feature hands over (`followUps.open(trx, …)`), idempotent on (source, kind). */
export interface OpenFollowUp {
  /** Where the person is to be followed up: the service lifts a grid to its community. */
  regionId: string;
  kind: FollowUpKind;
  source: { kind: FollowUpSourceKind; id: string };
  person: { name: string | null; mobile: string | null };
  details: FollowUpDetails;
}

const Person = () => Type.Object({ accountId: Type.String(), name: Type.String() });

export const FollowUpOut = Type.Object({
  id: Type.String(),
  regionId: Type.String(),
  regionName: Type.String(),
  kind: Type.Enum(FOLLOW_UP_KINDS),
  status: Type.Enum(FOLLOW_UP_STATUSES),
  source: Type.Object({ kind: Type.Union([Type.Literal('passage'), Type.Literal('screening_visit')]), id: Type.String() }),
  personName: Nullable(Type.String()),
  personMobile: Nullable(Type.String()),
  details: Type.Object({
    address: Type.Optional(Nullable(Type.String())),
    checkpointId: Type.Optional(Type.String()),
    checkpointName: Type.Optional(Type.String()),
    occurredAt: Type.String(),
    direction: Type.Optional(Type.Union([Type.Literal('in'), Type.Literal('out')])),
    temperature: Type.Optional(Nullable(Type.Number())),
    remeasured: Type.Optional(Nullable(Type.Number())),
    originCode: Type.Optional(Nullable(Type.String())),
    originName: Type.Optional(Nullable(Type.String())),
    riskAreaName: Type.Optional(Nullable(Type.String())),
    plate: Type.Optional(Nullable(Type.String())),
  }),
  assignedTo: Nullable(Person()),
  outcome: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  closedBy: Nullable(Person()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const FollowUpList = Type.Object({ items: Type.Array(FollowUpOut), total: Type.Integer() });

export const FollowUpQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    status: Type.Optional(Type.Enum(FOLLOW_UP_STATUSES)),
    kind: Type.Optional(Type.Enum(FOLLOW_UP_KINDS)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type FollowUpQueryInput = Static<typeof FollowUpQuery>;

export const CloseFollowUpBody = Type.Object({ outcome: Text(500) }, { additionalProperties: false });
export type CloseFollowUpInput = Static<typeof CloseFollowUpBody>;

export const FollowUpPersonOut = Type.Object({
  personName: Nullable(Type.String()),
  personMobile: Nullable(Type.String()),
  plate: Nullable(Type.String()),
});
