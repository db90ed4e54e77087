import { Type, type Static } from 'typebox';
import {
  OFFLINE_CONFLICT_KINDS,
  OFFLINE_CONFLICT_STATUSES,
  type OfflineConflictKind,
  type OfflineConflictStatus,
} from '../../../common/enums.ts';
import { Id, ListOf, Text } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

const KindSchema = Type.Enum(OFFLINE_CONFLICT_KINDS);
const StatusSchema = Type.Enum(OFFLINE_CONFLICT_STATUSES);

/**
 * What the phone is told when its entry was kept as a conflict instead of applied (202): the
 * conflict's id, its kind, and why, in the caller's language.
 */
export interface ConflictAnswer {
  conflict: { id: string; kind: OfflineConflictKind; reason: string };
}

export const ConflictAnswerOut = Type.Object({
  conflict: Type.Object({ id: Type.String(), kind: KindSchema, reason: Type.String() }),
});

/** One kept conflict as the desk lists it. */
export interface Conflict {
  id: string;
  kind: OfflineConflictKind;
  status: OfflineConflictStatus;
  /** Why, in the reader's language. */
  reason: string;
  region: { id: string; name: string };
  /** Who made the entry: an account, or null for a resident through their link. */
  madeBy: { accountId: string; name: string } | null;
  volunteer: { id: string; name: string } | null;
  checkpoint: { id: string; name: string } | null;
  shift: { id: string; startsAt: string; endsAt: string } | null;
  /** The case: its reference and the person's masked name. */
  case: { id: string; ref: string; personName: string } | null;
  /** What was sent (health data only to readers of the case); null once forgotten after resolution. */
  entry: Record<string, unknown> | null;
  madeAt: string;
  receivedAt: string;
  resolvedBy: { accountId: string; name: string } | null;
  resolvedAt: string | null;
  resolutionNote: string | null;
}

const Ref = Type.Object({ id: Type.String(), name: Type.String() });
const Who = Type.Object({ accountId: Type.String(), name: Type.String() });

export const ConflictOut = Type.Object({
  id: Type.String(),
  kind: KindSchema,
  status: StatusSchema,
  reason: Type.String(),
  region: Ref,
  madeBy: Nullable(Who),
  volunteer: Nullable(Ref),
  checkpoint: Nullable(Ref),
  shift: Nullable(Type.Object({ id: Type.String(), startsAt: Type.String(), endsAt: Type.String() })),
  case: Nullable(Type.Object({ id: Type.String(), ref: Type.String(), personName: Type.String() })),
  entry: Nullable(Type.Record(Type.String(), Type.Unknown())),
  madeAt: Type.String(),
  receivedAt: Type.String(),
  resolvedBy: Nullable(Who),
  resolvedAt: Nullable(Type.String()),
  resolutionNote: Nullable(Type.String()),
});

export const ConflictList = ListOf(ConflictOut);

export const ConflictQuery = Type.Object(
  {
    status: Type.Optional(StatusSchema),
    kind: Type.Optional(KindSchema),
    /** Only conflicts in this region's subtree. */
    regionId: Type.Optional(Id()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type ConflictQueryInput = Static<typeof ConflictQuery>;

export const ResolveBody = Type.Object({ note: Text(500) }, { additionalProperties: false });
export type ResolveInput = Static<typeof ResolveBody>;
