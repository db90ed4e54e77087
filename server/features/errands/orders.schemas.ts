/** Errand orders: what a resident or a staff member submits, and how an order reads back. */
import { Type, type Static } from 'typebox';
import {
  ERRAND_CHANNELS,
  ERRAND_EVENT_KINDS,
  ERRAND_GOODS_CATEGORIES,
  ERRAND_PAYMENTS,
  ERRAND_STATUSES,
} from '../../../common/enums.ts';
import { CalendarDate, Id, Mobile, Text } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

/** Most lines on one order: a household's errand, not a shop's restocking. */
export const MAX_ORDER_LINES = 20;

/** Seeded goods keep readable ids (`goods-rice`). */
export const GoodsId = () => Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,59}$', 'x-reason': 'field.errands.goods' });

export const Ref = Type.Object({ id: Type.String(), name: Type.String() });

export const GoodsOut = Type.Object({
  id: Type.String(),
  code: Type.String(),
  category: Type.Enum(ERRAND_GOODS_CATEGORIES),
  nameZh: Type.String(),
  nameEn: Type.String(),
  unitZh: Type.String(),
  unitEn: Type.String(),
  maxQuantity: Type.Integer(),
});
export type Goods = Static<typeof GoodsOut>;
export const GoodsList = Type.Object({ items: Type.Array(GoodsOut) });

/** Catalogue goods by id, or a free-text item with its unit; quantities in halves (半斤). */
export const OrderLine = Type.Object(
  {
    goodsId: Type.Optional(GoodsId()),
    name: Type.Optional(Text(40)),
    unit: Type.Optional(Text(10)),
    quantity: Type.Number({ exclusiveMinimum: 0, maximum: 1000, multipleOf: 0.5, 'x-reason': 'field.errands.quantity' }),
    note: Type.Optional(Nullable(Text(100))),
  },
  { additionalProperties: false },
);
export type OrderLineInput = Static<typeof OrderLine>;

const OrderFields = {
  items: Type.Array(OrderLine, { minItems: 1, maxItems: MAX_ORDER_LINES }),
  /** Whom the volunteer asks for at the door. */
  contactName: Text(20),
  contactMobile: Type.Optional(Nullable(Mobile())),
  /** Where to bring it; blank: the household's (or the case's) address. */
  address: Type.Optional(Nullable(Text(120))),
  note: Type.Optional(Nullable(Text(200))),
  payment: Type.Enum(ERRAND_PAYMENTS),
};

export const ResidentOrderBody = Type.Object(OrderFields, { additionalProperties: false });
export type ResidentOrderInput = Static<typeof ResidentOrderBody>;

/** Taken by phone: for a registered household. */
export const StaffOrderBody = Type.Object({ householdId: Id(), ...OrderFields }, { additionalProperties: false });
export type StaffOrderInput = Static<typeof StaffOrderBody>;

export const OrderItemOut = Type.Object({
  id: Type.String(),
  goodsId: Nullable(Type.String()),
  name: Type.String(),
  unit: Type.String(),
  quantity: Type.Number(),
  note: Nullable(Type.String()),
  costFen: Nullable(Type.Integer()),
});

export const OrderStepOut = Type.Object({
  kind: Type.Enum(ERRAND_EVENT_KINDS),
  at: Type.String(),
  /** Staff lists: the account that acted; the resident's page leaves names out. */
  by: Nullable(Type.String()),
  detail: Nullable(Type.Record(Type.String(), Type.Unknown())),
});

const OrderCommon = {
  id: Type.String(),
  ref: Type.String(),
  status: Type.Enum(ERRAND_STATUSES),
  payment: Type.Enum(ERRAND_PAYMENTS),
  address: Type.String(),
  note: Nullable(Type.String()),
  claimBy: Type.String(),
  deliverBy: Type.String(),
  claimedAt: Nullable(Type.String()),
  deliveredAt: Nullable(Type.String()),
  confirmedAt: Nullable(Type.String()),
  cancelledAt: Nullable(Type.String()),
  cancelReason: Nullable(Type.String()),
  amountDueFen: Nullable(Type.Integer()),
  paidFen: Type.Integer(),
  rating: Nullable(Type.Integer()),
  comment: Nullable(Type.String()),
  createdAt: Type.String(),
  items: Type.Array(OrderItemOut),
};

/** The staff's view; the contact mobile is masked unless revealed. */
export const OrderOut = Type.Object({
  ...OrderCommon,
  region: Ref,
  post: Nullable(Ref),
  householdId: Nullable(Type.String()),
  caseId: Nullable(Type.String()),
  channel: Type.Enum(ERRAND_CHANNELS),
  contactName: Type.String(),
  contactMobile: Nullable(Type.String()),
  claimedBy: Nullable(Ref),
  /** How it was paid, as recorded at settlement (`payment` is how the household meant to pay); null while unpaid. */
  paidMethod: Nullable(Type.Enum(ERRAND_PAYMENTS)),
  escalationLevel: Type.Integer(),
  /** Past its claim deadline unclaimed, or past its delivery deadline undelivered. */
  overdue: Type.Boolean(),
  runId: Nullable(Type.String()),
  issueId: Nullable(Type.String()),
  proofNote: Nullable(Type.String()),
  hasProof: Type.Boolean(),
  orderedOn: Type.String(),
});
export type Order = Static<typeof OrderOut>;

export const OrderDetailOut = Type.Object({ ...OrderOut.properties, steps: Type.Array(OrderStepOut) });
export type OrderDetail = Static<typeof OrderDetailOut>;

export const OrderList = Type.Object({ items: Type.Array(OrderOut), total: Type.Integer() });

export const OrderQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    status: Type.Optional(Type.Enum(ERRAND_STATUSES)),
    postId: Type.Optional(Id()),
    householdId: Type.Optional(Id()),
    from: Type.Optional(CalendarDate()),
    to: Type.Optional(CalendarDate()),
    overdue: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);
export type OrderQueryInput = Static<typeof OrderQuery>;

export const RevealedOut = Type.Object({ contactMobile: Nullable(Type.String()) });

/** The resident's view: the volunteer's surname only, no account names on the steps. */
export const PublicOrderOut = Type.Object({
  ...OrderCommon,
  contactName: Type.String(),
  claimedBy: Nullable(Type.String()),
  proofNote: Nullable(Type.String()),
  complained: Type.Boolean(),
  steps: Type.Array(OrderStepOut),
});
export type PublicOrder = Static<typeof PublicOrderOut>;
