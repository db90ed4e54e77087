/** Purchase runs (集中采办): bundling orders, the shopping list by shop, what was paid and the receipt. */
import { Type, type Static } from 'typebox';
import { ERRAND_PAYMENTS, ERRAND_RUN_STATUSES, ERRAND_STATUSES } from '../../../common/enums.ts';
import { Id, ListOf, Text } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

/** ¥100,000 at one shop is far beyond a grid's shopping; a typo of three zeros is caught. */
export const MAX_SHOP_FEN = 10_000_000;
/** Orders one run bundles: a community's day, with room. */
export const MAX_RUN_ORDERS = 200;

export const Fen = (maximum = MAX_SHOP_FEN) => Type.Integer({ minimum: 0, maximum });

export const RunQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    postId: Type.Optional(Id()),
    status: Type.Optional(Type.Enum(ERRAND_RUN_STATUSES)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);
export type RunQueryInput = Static<typeof RunQuery>;

export const CandidatesQuery = Type.Object({ postId: Id() }, { additionalProperties: false });

export const CreateRunBody = Type.Object(
  {
    postId: Id(),
    orderIds: Type.Array(Id(), { minItems: 1, maxItems: MAX_RUN_ORDERS }),
    note: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);
export type CreateRunInput = Static<typeof CreateRunBody>;

export const AssignShopsBody = Type.Object(
  {
    items: Type.Array(Type.Object({ itemId: Id(), shopId: Id() }, { additionalProperties: false }), {
      minItems: 1,
      maxItems: 2000,
    }),
  },
  { additionalProperties: false },
);
export type AssignShopsInput = Static<typeof AssignShopsBody>;

export const RunShopParams = Type.Object({ id: Id(), shopId: Id() }, { additionalProperties: false });

export const RecordShopBody = Type.Object(
  {
    amountFen: Fen(),
    /** Who advanced the money: one of the post's volunteers; null: the community paid directly. */
    paidByVolunteerId: Nullable(Id()),
    /** The receipt's price of some products (see runs.allocation.ts); the rest share what is left. */
    prices: Type.Optional(
      Type.Array(
        Type.Object(
          { product: Type.String({ minLength: 1, maxLength: 120 }), amountFen: Fen() },
          { additionalProperties: false },
        ),
        { maxItems: 200 },
      ),
    ),
  },
  { additionalProperties: false },
);
export type RecordShopInput = Static<typeof RecordShopBody>;

const Named = Type.Object({ id: Type.String(), name: Type.String() });

export const RunSummaryOut = Type.Object({
  id: Type.String(),
  ref: Type.String(),
  status: Type.Enum(ERRAND_RUN_STATUSES),
  post: Named,
  note: Nullable(Type.String()),
  orders: Type.Integer(),
  /** What was paid at the shops recorded so far. */
  amountFen: Type.Integer(),
  createdAt: Type.String(),
  createdBy: Nullable(Type.String()),
  boughtAt: Nullable(Type.String()),
});
export const RunList = ListOf(RunSummaryOut);

const ItemOut = Type.Object({
  id: Type.String(),
  product: Type.String(),
  name: Type.String(),
  unit: Type.String(),
  quantity: Type.Number(),
  note: Nullable(Type.String()),
  shopId: Nullable(Type.String()),
  costFen: Nullable(Type.Integer()),
});

export const RunOrderOut = Type.Object({
  id: Type.String(),
  ref: Type.String(),
  status: Type.Enum(ERRAND_STATUSES),
  contactName: Type.String(),
  /** Masked (138****1234): the slip goes on a bag. */
  contactMobile: Nullable(Type.String()),
  address: Type.String(),
  note: Nullable(Type.String()),
  payment: Type.Enum(ERRAND_PAYMENTS),
  amountDueFen: Nullable(Type.Integer()),
  paidFen: Type.Integer(),
  createdAt: Type.String(),
  items: Type.Array(ItemOut),
});
export type RunOrder = Static<typeof RunOrderOut>;

const ListLine = Type.Object({
  product: Type.String(),
  name: Type.String(),
  unit: Type.String(),
  quantity: Type.Number(),
  /** How many orders asked for it (the bags it is shared into). */
  orders: Type.Integer(),
  costFen: Nullable(Type.Integer()),
});

export const ShoppingListOut = Type.Object({
  /** null: items no shop was chosen for (the community has no default shop). */
  shop: Nullable(
    Type.Object({ id: Type.String(), name: Type.String(), address: Nullable(Type.String()), phone: Nullable(Type.String()) }),
  ),
  lines: Type.Array(ListLine),
  paid: Nullable(
    Type.Object({
      amountFen: Type.Integer(),
      paidBy: Nullable(Named),
      hasReceipt: Type.Boolean(),
      recordedAt: Type.String(),
    }),
  ),
});

export const RunOut = Type.Object({
  id: Type.String(),
  ref: Type.String(),
  status: Type.Enum(ERRAND_RUN_STATUSES),
  post: Named,
  region: Named,
  note: Nullable(Type.String()),
  createdAt: Type.String(),
  createdBy: Nullable(Type.String()),
  boughtAt: Nullable(Type.String()),
  /** The caller leads the post (or manages errands there): may change the run and record amounts. */
  canManage: Type.Boolean(),
  lists: Type.Array(ShoppingListOut),
  orders: Type.Array(RunOrderOut),
  /** Shops the items may be moved to, and the people who may have advanced the money. */
  shops: Type.Array(Named),
  people: Type.Array(Named),
  totalFen: Type.Integer(),
});
export type Run = Static<typeof RunOut>;

export const CandidateList = Type.Object({
  post: Named,
  canManage: Type.Boolean(),
  items: Type.Array(RunOrderOut),
});
