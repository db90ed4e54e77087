/** Dispatch and delivery: the volunteer's phone page, claims, assignments, steps, proof. */
import { Type, type Static } from 'typebox';
import { ERRAND_PAYMENTS, ERRAND_STATUSES } from '../../../common/enums.ts';
import { Id, Text, Timestamp } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

export const Named = Type.Object({ id: Type.String(), name: Type.String() });

/**
 * An order on the volunteer's phone: where to go, what to buy, by when. The contact's name is in
 * full (they go to the door), the mobile masked (DESIGN.md §5: volunteers hold no reveal).
 */
export const CardOut = Type.Object({
  id: Type.String(),
  ref: Type.String(),
  status: Type.Enum(ERRAND_STATUSES),
  regionName: Type.String(),
  post: Nullable(Named),
  contactName: Type.String(),
  contactMobile: Nullable(Type.String()),
  address: Type.String(),
  note: Nullable(Type.String()),
  payment: Type.Enum(ERRAND_PAYMENTS),
  items: Type.Array(
    Type.Object({ name: Type.String(), unit: Type.String(), quantity: Type.Number(), note: Nullable(Type.String()) }),
  ),
  claimedBy: Nullable(Named),
  claimBy: Type.String(),
  deliverBy: Type.String(),
  /** 1: no one claimed it in time; the community and the next grid's post see it too. */
  escalated: Type.Boolean(),
  deliveredAt: Nullable(Type.String()),
  proofNote: Nullable(Type.String()),
  hasProofPhoto: Type.Boolean(),
  createdAt: Type.String(),
});
export type Card = Static<typeof CardOut>;

export const MyPostOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  regionName: Type.String(),
  /** The caller leads the post's team: they assign its orders and may cancel them. */
  leads: Type.Boolean(),
  /** Whom the leader may assign (the team's active members); empty for the others. */
  crew: Type.Array(Named),
});

export const MyErrandsOut = Type.Object({
  /** The caller's volunteer record; null for an account that is not a volunteer (nothing to work). */
  volunteer: Nullable(Named),
  posts: Type.Array(MyPostOut),
  /** New orders the caller may claim: their posts', and those escalated to them. */
  available: Type.Array(CardOut),
  /** What the caller has claimed and not yet delivered. */
  mine: Type.Array(CardOut),
  /** For a leader: the open orders of their posts others hold. */
  team: Type.Array(CardOut),
  /** What the caller delivered in the last 24 hours. */
  delivered: Type.Array(CardOut),
});
export type MyErrands = Static<typeof MyErrandsOut>;

export const AssignBody = Type.Object({ volunteerId: Id() }, { additionalProperties: false });
export type AssignInput = Static<typeof AssignBody>;

export const ReasonBody = Type.Object({ reason: Text(200) }, { additionalProperties: false });
export type ReasonInput = Static<typeof ReasonBody>;

/** When a step was made on the phone (kept offline, sent later); now when absent. */
const MadeAt = () => Type.Optional(Timestamp());

export const ClaimBody = Type.Object({ at: MadeAt() }, { additionalProperties: false });
export type StepTimeInput = Static<typeof ClaimBody>;

export const StepBody = Type.Object(
  { to: Type.Union([Type.Literal('purchasing'), Type.Literal('delivering')]), at: MadeAt() },
  { additionalProperties: false },
);
export type StepInput = Static<typeof StepBody>;

/** Contactless delivery proved by a note alone (e.g. "挂在门把手上，已电话告知"). */
export const DeliverBody = Type.Object({ note: Text(200), at: MadeAt() }, { additionalProperties: false });
export type DeliverInput = Static<typeof DeliverBody>;

/** With a photo, the note and the time made are optional and ride in the query (the body is the image). */
export const DeliverPhotoQuery = Type.Object({ note: Type.Optional(Text(200)), at: MadeAt() }, { additionalProperties: false });
export type DeliverPhotoInput = Static<typeof DeliverPhotoQuery>;

export const StepDone = Type.Object({ id: Type.String(), status: Type.Enum(ERRAND_STATUSES), at: Timestamp() });
export type StepResult = Static<typeof StepDone>;
