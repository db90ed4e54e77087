/** The household's errand link (printed as a card with its QR code) and the resident's page. */
import { Type, type Static } from 'typebox';
import { ERRAND_STATUSES } from '../../../common/enums.ts';
import { Text } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';
import { GoodsOut, PublicOrderOut } from './orders.schemas.ts';

/** Household links (`/e/…`) and health links (`/h/…`, reused for an isolated person's errands) share one shape. */
export const LinkTokenParams = Type.Object(
  { token: Type.String({ pattern: '^[A-Za-z0-9_-]{22}$', 'x-reason': 'field.errands.token' }) },
  { additionalProperties: false },
);
export const LinkOrderParams = Type.Object(
  { token: LinkTokenParams.properties.token, id: Type.String({ format: 'uuid' }) },
  { additionalProperties: false },
);

const PostInfo = Type.Object({ name: Type.String(), phone: Nullable(Type.String()), address: Nullable(Type.String()) });

export const IssuedLinkOut = Type.Object({
  /** Shown once, for the printed card; only its hash is kept. */
  token: Type.String(),
  path: Type.String(),
  expiresAt: Type.String(),
  household: Type.Object({ id: Type.String(), address: Type.String(), regionName: Type.String() }),
  post: Nullable(PostInfo),
});
export type IssuedLink = Static<typeof IssuedLinkOut>;

export const LinkStateOut = Type.Object({
  live: Type.Boolean(),
  issuedAt: Nullable(Type.String()),
  expiresAt: Nullable(Type.String()),
});
export type LinkState = Static<typeof LinkStateOut>;

export const RevokedOut = Type.Object({ revoked: Type.Integer() });

export const OrderSummaryOut = Type.Object({
  id: Type.String(),
  ref: Type.String(),
  status: Type.Enum(ERRAND_STATUSES),
  createdAt: Type.String(),
  itemCount: Type.Integer(),
});

/** The resident's errand page: what they can order, from whom, and their recent orders. */
export const ErrandPageOut = Type.Object({
  regionName: Type.String(),
  address: Type.String(),
  /** The isolated person's masked name on a health link; null on a household link. */
  personName: Nullable(Type.String()),
  post: Nullable(PostInfo),
  goods: Type.Array(GoodsOut),
  limits: Type.Object({
    ordersPerDay: Type.Integer(),
    ordersToday: Type.Integer(),
    maxLines: Type.Integer(),
    maxFreeQuantity: Type.Integer(),
  }),
  orders: Type.Array(OrderSummaryOut),
});
export type ErrandPage = Static<typeof ErrandPageOut>;

export const SubmittedOrderOut = PublicOrderOut;

export const RatingBody = Type.Object(
  {
    rating: Type.Integer({ minimum: 1, maximum: 5, 'x-reason': 'field.errands.rating' }),
    comment: Type.Optional(Nullable(Text(200))),
  },
  { additionalProperties: false },
);
export type RatingInput = Static<typeof RatingBody>;

export const ComplaintBody = Type.Object({ text: Text(500, { minLength: 2 }) }, { additionalProperties: false });
export type ComplaintInput = Static<typeof ComplaintBody>;
