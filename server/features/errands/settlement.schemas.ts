/** Settlement (结算): what each order owes and paid, and the money between volunteers and the community. */
import { Type, type Static } from 'typebox';
import { ERRAND_PAYMENTS, ERRAND_PAYOUT_DIRECTIONS, ERRAND_STATUSES } from '../../../common/enums.ts';
import { CalendarDate, Id, ListOf, Text } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';
import { Fen } from './runs.schemas.ts';

/** What one household pays for one order: far above any grid's errand. */
const MAX_ORDER_FEN = 1_000_000;

export const SettlementQuery = Type.Object(
  { regionId: Type.Optional(Id()), from: Type.Optional(CalendarDate()), to: Type.Optional(CalendarDate()) },
  { additionalProperties: false },
);
export type SettlementQueryInput = Static<typeof SettlementQuery>;

const Named = Type.Object({ id: Type.String(), name: Type.String() });

export const OrderMoneyOut = Type.Object({
  id: Type.String(),
  ref: Type.String(),
  orderedOn: Type.String(),
  status: Type.Enum(ERRAND_STATUSES),
  regionName: Type.String(),
  contactName: Type.String(),
  address: Type.String(),
  runRef: Nullable(Type.String()),
  /** null until the run that bought its items is bought. */
  amountDueFen: Nullable(Type.Integer()),
  paidFen: Type.Integer(),
  /** Due minus paid (0 while nothing is due yet). */
  outstandingFen: Type.Integer(),
  /** How the household means to pay (their preference when ordering). */
  payment: Type.Enum(ERRAND_PAYMENTS),
  /** How it was paid, as recorded; null while nothing is paid. */
  paidMethod: Nullable(Type.Enum(ERRAND_PAYMENTS)),
  paidAt: Nullable(Type.String()),
  collectedBy: Nullable(Named),
});
export type OrderMoney = Static<typeof OrderMoneyOut>;

export const VolunteerMoneyOut = Type.Object({
  volunteer: Named,
  /** Paid at shops out of their own pocket. */
  advancedFen: Type.Integer(),
  /** Taken from households at the door (cash, or a transfer to them). */
  collectedFen: Type.Integer(),
  /** Paid back to them by the community. */
  reimbursedFen: Type.Integer(),
  /** Collected money they gave to the community. */
  handedInFen: Type.Integer(),
  /**
   * advanced − reimbursed − collected + handed in: above 0 the community owes the volunteer that
   * much; below 0 the volunteer holds that much of the community's money.
   */
  balanceFen: Type.Integer(),
});

export const HouseholdMoneyOut = Type.Object({
  /** The household, the isolation case, or the order itself when it has neither. */
  key: Type.String(),
  contactName: Type.String(),
  address: Type.String(),
  orders: Type.Integer(),
  dueFen: Type.Integer(),
  paidFen: Type.Integer(),
  outstandingFen: Type.Integer(),
});

export const SettlementOut = Type.Object({
  from: Nullable(Type.String()),
  to: Nullable(Type.String()),
  totals: Type.Object({
    orders: Type.Integer(),
    dueFen: Type.Integer(),
    paidFen: Type.Integer(),
    outstandingFen: Type.Integer(),
    advancedFen: Type.Integer(),
    owedToVolunteersFen: Type.Integer(),
    heldByVolunteersFen: Type.Integer(),
  }),
  orders: Type.Array(OrderMoneyOut),
  /** Households still owing money, most first. */
  households: Type.Array(HouseholdMoneyOut),
  /** Every volunteer with money moved in the area (all time, whatever the period). */
  volunteers: Type.Array(VolunteerMoneyOut),
  /** More orders than one answer carries: narrow the period. */
  truncated: Type.Boolean(),
});
export type Settlement = Static<typeof SettlementOut>;

export const PaymentBody = Type.Object(
  {
    /** All the household has paid for the order (not an increment): sending it again changes nothing. */
    paidFen: Fen(MAX_ORDER_FEN),
    method: Type.Enum(ERRAND_PAYMENTS),
    /** The volunteer who took the money; null when it went to the community (prepaid, or a transfer to it). */
    collectedByVolunteerId: Nullable(Id()),
  },
  { additionalProperties: false },
);
export type PaymentInput = Static<typeof PaymentBody>;

export const PayoutQuery = Type.Object(
  { regionId: Type.Optional(Id()), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) },
  { additionalProperties: false },
);

export const CreatePayoutBody = Type.Object(
  {
    regionId: Id(),
    volunteerId: Id(),
    direction: Type.Enum(ERRAND_PAYOUT_DIRECTIONS),
    amountFen: Type.Integer({ minimum: 1, maximum: 10_000_000 }),
    note: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);
export type CreatePayoutInput = Static<typeof CreatePayoutBody>;

export const PayoutOut = Type.Object({
  id: Type.String(),
  direction: Type.Enum(ERRAND_PAYOUT_DIRECTIONS),
  amountFen: Type.Integer(),
  note: Nullable(Type.String()),
  at: Type.String(),
  volunteer: Named,
  regionName: Type.String(),
  recordedBy: Nullable(Type.String()),
});
export const PayoutList = ListOf(PayoutOut);
