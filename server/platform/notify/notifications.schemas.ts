import { Type, type Static } from 'typebox';
import { Id } from '../http/schemas.ts';

/** One message of the signed-in account's inbox, worded in the caller's language. */
export interface NotificationOut {
  id: string;
  kind: string;
  text: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationList {
  items: NotificationOut[];
  total: number;
  /** Unread notifications of the account, whatever the filter. */
  unread: number;
}

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const NotificationListOut = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      text: Type.String(),
      link: NullableString,
      createdAt: Type.String(),
      readAt: NullableString,
    }),
  ),
  total: Type.Integer(),
  unread: Type.Integer(),
});

export const NotificationQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type NotificationQueryInput = Static<typeof NotificationQuery>;

/** `ids`: these of the caller's notifications; `all`: every unread one. */
export const MarkReadBody = Type.Object(
  {
    ids: Type.Optional(Type.Array(Id(), { minItems: 1, maxItems: 500 })),
    all: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type MarkReadInput = Static<typeof MarkReadBody>;
