/** The item catalogue, the stores and the stock in them. */
import { Type, type Static } from 'typebox';
import { MOVEMENT_KINDS, REGION_LEVELS, SUPPLY_CATEGORIES } from '../../../common/enums.ts';
import { CalendarDate, Id, Text } from '../../platform/http/schemas.ts';
import { ItemId, ItemOut, Nullable, Ref } from './supplies.schemas.ts';

export const ItemList = Type.Object({
  items: Type.Array(ItemOut),
  /** Whether the caller may change the catalogue (a grant at the city, or an administrator). */
  canManage: Type.Boolean(),
});

const ItemCode = () => Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$', 'x-reason': 'field.supplies.itemCode' });

export const CreateItemBody = Type.Object(
  {
    code: ItemCode(),
    nameZh: Text(40),
    nameEn: Text(60),
    unitZh: Text(8),
    unitEn: Text(16),
    category: Type.Enum(SUPPLY_CATEGORIES),
  },
  { additionalProperties: false },
);
export type CreateItemInput = Static<typeof CreateItemBody>;

export const UpdateItemBody = Type.Object(
  {
    nameZh: Type.Optional(Text(40)),
    nameEn: Type.Optional(Text(60)),
    unitZh: Type.Optional(Text(8)),
    unitEn: Type.Optional(Text(16)),
    category: Type.Optional(Type.Enum(SUPPLY_CATEGORIES)),
    /** Inactive items stay in the books but take no new movements. */
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateItemInput = Static<typeof UpdateItemBody>;

export const StoreOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  regionId: Type.String(),
  regionName: Type.String(),
  regionLevel: Type.Enum(REGION_LEVELS),
  address: Nullable(Type.String()),
  keeper: Nullable(Ref),
  active: Type.Boolean(),
  /** Items below their low-stock threshold now. */
  lowItems: Type.Integer(),
});
export type Store = Static<typeof StoreOut>;

export const StoreList = Type.Object({ items: Type.Array(StoreOut), total: Type.Integer() });

export const StoreQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    active: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type StoreQueryInput = Static<typeof StoreQuery>;

export const CreateStoreBody = Type.Object(
  {
    /** A city, county or community: where the store is and whose managers run it. */
    regionId: Id(),
    name: Text(60),
    address: Type.Optional(Text(200)),
    keeperAccountId: Type.Optional(Id()),
  },
  { additionalProperties: false },
);
export type CreateStoreInput = Static<typeof CreateStoreBody>;

export const UpdateStoreBody = Type.Object(
  {
    name: Type.Optional(Text(60)),
    address: Type.Optional(Nullable(Text(200))),
    keeperAccountId: Type.Optional(Nullable(Id())),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateStoreInput = Static<typeof UpdateStoreBody>;

/** One item in one store. */
export const StockRowOut = Type.Object({
  storeId: Type.String(),
  storeName: Type.String(),
  regionName: Type.String(),
  item: ItemOut,
  quantity: Type.Integer(),
  lowAt: Nullable(Type.Integer()),
  low: Type.Boolean(),
  updatedAt: Nullable(Type.String()),
});
export type StockRow = Static<typeof StockRowOut>;

export const StoreDetailOut = Type.Object({ ...StoreOut.properties, stock: Type.Array(StockRowOut) });
export type StoreDetail = Static<typeof StoreDetailOut>;

export const StockList = Type.Object({ items: Type.Array(StockRowOut), total: Type.Integer() });

export const StockQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    storeId: Type.Optional(Id()),
    itemId: Type.Optional(ItemId()),
    /** Only items below their threshold: the low-stock list across the stores in scope. */
    lowOnly: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000, default: 500 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type StockQueryInput = Static<typeof StockQuery>;

export const ThresholdsBody = Type.Object(
  {
    items: Type.Array(
      Type.Object(
        { itemId: ItemId(), lowAt: Nullable(Type.Integer({ minimum: 1, maximum: 10_000_000 })) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 200 },
    ),
  },
  { additionalProperties: false },
);
export type ThresholdsInput = Static<typeof ThresholdsBody>;

export const MovementOut = Type.Object({
  id: Type.String(),
  at: Type.String(),
  onDate: Type.String(),
  kind: Type.Enum(MOVEMENT_KINDS),
  item: ItemOut,
  delta: Type.Integer(),
  /** The donation, allocation or transfer it belongs to. */
  source: Nullable(
    Type.Object({ kind: Type.Enum(['donation', 'allocation', 'transfer'] as const), id: Type.String(), ref: Type.String() }),
  ),
  by: Ref,
  note: Nullable(Type.String()),
  reversed: Type.Boolean(),
});
export type Movement = Static<typeof MovementOut>;

export const MovementList = Type.Object({ items: Type.Array(MovementOut), total: Type.Integer() });

export const MovementQuery = Type.Object(
  {
    itemId: Type.Optional(ItemId()),
    from: Type.Optional(CalendarDate()),
    to: Type.Optional(CalendarDate()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type MovementQueryInput = Static<typeof MovementQuery>;
