import { Type, type Static } from 'typebox';
import { SWAP_STATUSES, type SwapStatus } from '../../../common/enums.ts';
import { Id, Text } from '../../platform/http/schemas.ts';
import { Nullable, RefOut, type Ref } from '../teams/teams.schemas.ts';
import { ViolationOut, type Violation } from './rosters.schemas.ts';

export interface SwapShift {
  assignmentId: string;
  checkpointName: string;
  startsAt: string;
  endsAt: string;
}

export interface SwapRequest {
  id: string;
  rosterId: string;
  rosterName: string;
  status: SwapStatus;
  requester: Ref;
  target: Ref;
  shift: SwapShift;
  /** The target's shift given in exchange; null when the target simply takes the shift over. */
  targetShift: SwapShift | null;
  note: string | null;
  createdAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionReason: string | null;
  /** What approving now would break (pending requests only; [] otherwise). */
  violations: Violation[];
}

/** A teammate who could take the shift, and the shifts of theirs the requester could take in exchange. */
export interface SwapOption {
  volunteerId: string;
  name: string;
  teamName: string;
  /** false: only an exchange keeps every rule (e.g. the teammate is at the weekly limit). */
  canTakeOver: boolean;
  exchangeable: SwapShift[];
}

const SwapShiftOut = Type.Object({
  assignmentId: Type.String(),
  checkpointName: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
});

export const SwapRequestOut = Type.Object({
  id: Type.String(),
  rosterId: Type.String(),
  rosterName: Type.String(),
  status: Type.Enum(SWAP_STATUSES),
  requester: RefOut,
  target: RefOut,
  shift: SwapShiftOut,
  targetShift: Nullable(SwapShiftOut),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  decidedByName: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  violations: Type.Array(ViolationOut),
});

export const MySwapList = Type.Object({ items: Type.Array(SwapRequestOut) });
export const SwapList = Type.Object({ items: Type.Array(SwapRequestOut), total: Type.Integer() });

export const SwapOptionList = Type.Object({
  items: Type.Array(
    Type.Object({
      volunteerId: Type.String(),
      name: Type.String(),
      teamName: Type.String(),
      canTakeOver: Type.Boolean(),
      exchangeable: Type.Array(SwapShiftOut),
    }),
  ),
});

export const SwapOptionsQuery = Type.Object({ assignmentId: Id() }, { additionalProperties: false });

export const CreateSwapBody = Type.Object(
  { assignmentId: Id(), targetVolunteerId: Id(), targetAssignmentId: Type.Optional(Id()), note: Type.Optional(Text(200)) },
  { additionalProperties: false },
);
export type CreateSwapInput = Static<typeof CreateSwapBody>;

export const SwapQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(SWAP_STATUSES)),
    rosterId: Type.Optional(Id()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type SwapQueryInput = Static<typeof SwapQuery>;

export const ApproveBody = Type.Object({ reason: Type.Optional(Text(200)) }, { additionalProperties: false });
export const RejectBody = Type.Object({ reason: Text(200) }, { additionalProperties: false });
