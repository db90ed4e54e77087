import { Type, type Static } from 'typebox';
import { REGION_LEVELS } from '../../../common/enums.ts';
import { Id, Text, Timestamp } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

export const ANNOUNCEMENT_STATUSES = ['current', 'scheduled', 'expired', 'withdrawn'] as const;
export type AnnouncementStatus = (typeof ANNOUNCEMENT_STATUSES)[number];

export const TITLE_MAX = 60;
export const BODY_MAX = 2000;

/**
 * Plain text with its line breaks: like `Text`, no control characters other than line feed and
 * carriage return, and something other than white space.
 */
const MULTILINE_PATTERN =
  '^[^\\u0000-\\u0009\\u000b\\u000c\\u000e-\\u001f\\u007f]*[^\\s\\u0000-\\u001f\\u007f][^\\u0000-\\u0009\\u000b\\u000c\\u000e-\\u001f\\u007f]*$';

const Body = Type.String({
  minLength: 1,
  maxLength: BODY_MAX,
  pattern: MULTILINE_PATTERN,
  'x-reason': 'field.announcement.body',
});

export const AnnouncementOut = Type.Object({
  id: Type.String(),
  regionId: Type.String(),
  regionName: Type.String(),
  regionLevel: Type.Enum(REGION_LEVELS),
  title: Type.String(),
  body: Type.String(),
  publishAt: Type.String(),
  expiresAt: Type.String(),
  status: Type.Enum(ANNOUNCEMENT_STATUSES),
  withdrawnAt: Nullable(Type.String()),
  withdrawnByName: Nullable(Type.String()),
  createdByName: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type Announcement = Static<typeof AnnouncementOut>;

export const AnnouncementList = Type.Object({ items: Type.Array(AnnouncementOut), total: Type.Integer() });

/** What a resident's page shows: no staff names, no personal data; who it is from is the region. */
export const ResidentAnnouncementOut = Type.Object({
  id: Type.String(),
  title: Type.String(),
  body: Type.String(),
  publishAt: Type.String(),
  expiresAt: Type.String(),
  fromName: Type.String(),
  fromLevel: Type.Enum(REGION_LEVELS),
});
export type ResidentAnnouncement = Static<typeof ResidentAnnouncementOut>;

export const ResidentAnnouncementList = Type.Object({ items: Type.Array(ResidentAnnouncementOut) });

export const CreateAnnouncementBody = Type.Object(
  {
    /** Reaches the residents of this region's subtree. */
    regionId: Id(),
    title: Text(TITLE_MAX),
    body: Body,
    /** Now unless given (a notice scheduled for tomorrow morning). */
    publishAt: Type.Optional(Timestamp()),
    expiresAt: Timestamp(),
  },
  { additionalProperties: false },
);
export type CreateAnnouncementInput = Static<typeof CreateAnnouncementBody>;

export const WithdrawBody = Type.Object({ reason: Text(200) }, { additionalProperties: false });

export const AnnouncementQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    status: Type.Optional(Type.Enum(ANNOUNCEMENT_STATUSES)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type AnnouncementQueryInput = Static<typeof AnnouncementQuery>;

export const ReachingQuery = Type.Object({ regionId: Id() }, { additionalProperties: false });
