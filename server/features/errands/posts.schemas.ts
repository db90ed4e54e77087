/** 代办岗 (errand posts) and the shops a community buys from. */
import { Type, type Static } from 'typebox';
import { REGION_LEVELS } from '../../../common/enums.ts';
import { Id, Text } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';
import { Ref } from './orders.schemas.ts';

/** A landline or a mobile: the post's duty phone, printed on the household card. */
const DutyPhone = () => Type.String({ pattern: '^[0-9][0-9-]{4,19}$', 'x-reason': 'field.errands.phone' });
const ResponseMinutes = () => Type.Integer({ minimum: 5, maximum: 24 * 60, 'x-reason': 'field.errands.responseMinutes' });

export const PostOut = Type.Object({
  id: Type.String(),
  region: Type.Object({ id: Type.String(), name: Type.String(), level: Type.Enum(REGION_LEVELS) }),
  team: Ref,
  /** The team's leader leads the post: assigns orders and runs purchase runs. */
  leader: Nullable(Ref),
  name: Type.String(),
  address: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  responseMinutes: Nullable(Type.Integer()),
  active: Type.Boolean(),
  updatedAt: Type.String(),
});
export type Post = Static<typeof PostOut>;
export const PostList = Type.Object({ items: Type.Array(PostOut), total: Type.Integer() });

export const PostQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    active: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);
export type PostQueryInput = Static<typeof PostQuery>;

export const CreatePostBody = Type.Object(
  {
    regionId: Id(),
    teamId: Id(),
    name: Text(40),
    address: Type.Optional(Nullable(Text(120))),
    phone: Type.Optional(Nullable(DutyPhone())),
    responseMinutes: Type.Optional(Nullable(ResponseMinutes())),
  },
  { additionalProperties: false },
);
export type CreatePostInput = Static<typeof CreatePostBody>;

export const UpdatePostBody = Type.Object(
  {
    teamId: Type.Optional(Id()),
    name: Type.Optional(Text(40)),
    address: Type.Optional(Nullable(Text(120))),
    phone: Type.Optional(Nullable(DutyPhone())),
    responseMinutes: Type.Optional(Nullable(ResponseMinutes())),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdatePostInput = Static<typeof UpdatePostBody>;

export const ShopOut = Type.Object({
  id: Type.String(),
  region: Ref,
  name: Type.String(),
  address: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  /** Where a run buys what no one assigned to another shop; one per community. */
  isDefault: Type.Boolean(),
  active: Type.Boolean(),
  updatedAt: Type.String(),
});
export type Shop = Static<typeof ShopOut>;
export const ShopList = Type.Object({ items: Type.Array(ShopOut), total: Type.Integer() });

export const ShopQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    active: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);
export type ShopQueryInput = Static<typeof ShopQuery>;

export const CreateShopBody = Type.Object(
  {
    regionId: Id(),
    name: Text(40),
    address: Type.Optional(Nullable(Text(120))),
    phone: Type.Optional(Nullable(DutyPhone())),
    isDefault: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type CreateShopInput = Static<typeof CreateShopBody>;

export const UpdateShopBody = Type.Object(
  {
    name: Type.Optional(Text(40)),
    address: Type.Optional(Nullable(Text(120))),
    phone: Type.Optional(Nullable(DutyPhone())),
    isDefault: Type.Optional(Type.Boolean()),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateShopInput = Static<typeof UpdateShopBody>;
