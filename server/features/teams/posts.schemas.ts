import { Type, type Static } from 'typebox';
import { POST_KINDS, type PostKind } from '../../../common/enums.ts';
import { CalendarDate, Id, Text } from '../../platform/http/schemas.ts';
import { Nullable, RefOut, type Ref } from './teams.schemas.ts';

export const PostKindSchema = Type.Enum(POST_KINDS);

/** A post (党员先锋岗, 示范岗, 党员责任区) held by a named volunteer over a place. */
export interface Post {
  id: string;
  kind: PostKind;
  name: string;
  volunteer: Ref;
  regionId: string;
  regionName: string;
  teamId: string | null;
  teamName: string | null;
  /** Always null: linking a post to a checkpoint is not offered (teams would depend on checkpoints, which depend on teams). */
  checkpointId: string | null;
  description: string | null;
  startsOn: string;
  endsOn: string | null;
}

export const PostOut = Type.Object({
  id: Type.String(),
  kind: PostKindSchema,
  name: Type.String(),
  volunteer: RefOut,
  regionId: Type.String(),
  regionName: Type.String(),
  teamId: Nullable(Type.String()),
  teamName: Nullable(Type.String()),
  checkpointId: Nullable(Type.String()),
  description: Nullable(Type.String()),
  startsOn: Type.String(),
  endsOn: Nullable(Type.String()),
});

export const PostList = Type.Object({ items: Type.Array(PostOut), total: Type.Integer() });

export const PostQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    kind: Type.Optional(PostKindSchema),
    volunteerId: Type.Optional(Id()),
    teamId: Type.Optional(Id()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type PostQueryInput = Static<typeof PostQuery>;

export const CreatePostBody = Type.Object(
  {
    kind: PostKindSchema,
    name: Text(60),
    volunteerId: Id(),
    regionId: Id(),
    teamId: Type.Optional(Nullable(Id())),
    description: Type.Optional(Nullable(Text(500))),
    startsOn: CalendarDate(),
    /** Open-ended when absent or null; otherwise on or after startsOn. */
    endsOn: Type.Optional(Nullable(CalendarDate())),
  },
  { additionalProperties: false },
);
export type CreatePostInput = Static<typeof CreatePostBody>;

export const UpdatePostBody = Type.Object(
  {
    kind: Type.Optional(PostKindSchema),
    name: Type.Optional(Text(60)),
    volunteerId: Type.Optional(Id()),
    regionId: Type.Optional(Id()),
    teamId: Type.Optional(Nullable(Id())),
    description: Type.Optional(Nullable(Text(500))),
    startsOn: Type.Optional(CalendarDate()),
    endsOn: Type.Optional(Nullable(CalendarDate())),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdatePostInput = Static<typeof UpdatePostBody>;
