import { Type, type Static, type TSchema } from 'typebox';
import {
  MEMBER_ROLE_TAGS,
  TEAM_KINDS,
  VOLUNTEER_STATUSES,
  type MemberRoleTag,
  type TeamKind,
  type VolunteerStatus,
} from '../../../common/enums.ts';
import { Id, Text } from '../../platform/http/schemas.ts';

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const TeamKindSchema = Type.Enum(TEAM_KINDS);
export const MemberRoleTagSchema = Type.Enum(MEMBER_ROLE_TAGS);
const RoleTags = () =>
  Type.Array(MemberRoleTagSchema, { uniqueItems: true, maxItems: 4, 'x-reason': 'field.team.roleTagsRepeated' });

/** A volunteer or team as other records name it. */
export const RefOut = Type.Object({ id: Type.String(), name: Type.String() });
export interface Ref {
  id: string;
  name: string;
}

export interface Branch {
  name: string;
  secretary: Ref | null;
  memberCount: number;
}

export interface Team {
  id: string;
  name: string;
  kind: TeamKind;
  regionId: string;
  regionName: string;
  parentTeamId: string | null;
  parentTeamName: string | null;
  leader: Ref | null;
  description: string | null;
  memberCount: number;
  subTeamCount: number;
  branch: Branch | null;
  ledByMe: boolean;
}

export const TeamOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: TeamKindSchema,
  regionId: Type.String(),
  regionName: Type.String(),
  parentTeamId: Nullable(Type.String()),
  parentTeamName: Nullable(Type.String()),
  leader: Nullable(RefOut),
  description: Nullable(Type.String()),
  memberCount: Type.Integer(),
  subTeamCount: Type.Integer(),
  /** The temporary party branch (临时党支部); memberCount counts the members flagged inBranch. */
  branch: Nullable(Type.Object({ name: Type.String(), secretary: Nullable(RefOut), memberCount: Type.Integer() })),
  /** The caller leads this team or the team above it, so may manage its members as a team leader. */
  ledByMe: Type.Boolean(),
});

export interface Member {
  volunteerId: string;
  name: string;
  /** Masked. */
  mobile: string;
  partyMember: boolean;
  status: VolunteerStatus;
  roleTags: MemberRoleTag[];
  inBranch: boolean;
  joinedAt: string;
}

export const MemberOut = Type.Object({
  volunteerId: Type.String(),
  name: Type.String(),
  mobile: Type.String(),
  partyMember: Type.Boolean(),
  status: Type.Enum(VOLUNTEER_STATUSES),
  roleTags: Type.Array(MemberRoleTagSchema),
  inBranch: Type.Boolean(),
  joinedAt: Type.String(),
});

export interface TeamDetail extends Team {
  members: Member[];
  subTeams: Team[];
}

export const TeamDetailOut = Type.Object({
  ...TeamOut.properties,
  members: Type.Array(MemberOut),
  subTeams: Type.Array(TeamOut),
});

export const TeamList = Type.Object({ items: Type.Array(TeamOut), total: Type.Integer() });

export const TeamQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    kind: Type.Optional(TeamKindSchema),
    q: Type.Optional(Type.String({ maxLength: 60 })),
    /** The sub-teams of this team. */
    parentTeamId: Type.Optional(Id()),
    /** The teams this volunteer is a member of. */
    volunteerId: Type.Optional(Id()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type TeamQueryInput = Static<typeof TeamQuery>;

export const CreateTeamBody = Type.Object(
  {
    name: Text(60),
    kind: TeamKindSchema,
    regionId: Id(),
    parentTeamId: Type.Optional(Nullable(Id())),
    leaderVolunteerId: Type.Optional(Nullable(Id())),
    description: Type.Optional(Nullable(Text(500))),
  },
  { additionalProperties: false },
);
export type CreateTeamInput = Static<typeof CreateTeamBody>;

export const UpdateTeamBody = Type.Object(
  {
    name: Type.Optional(Text(60)),
    kind: Type.Optional(TeamKindSchema),
    regionId: Type.Optional(Id()),
    parentTeamId: Type.Optional(Nullable(Id())),
    leaderVolunteerId: Type.Optional(Nullable(Id())),
    description: Type.Optional(Nullable(Text(500))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateTeamInput = Static<typeof UpdateTeamBody>;

export const BranchBody = Type.Object(
  {
    name: Text(60),
    /** Absent or null: no secretary yet. */
    secretaryVolunteerId: Type.Optional(Nullable(Id())),
  },
  { additionalProperties: false },
);
export type BranchInput = Static<typeof BranchBody>;

export const AddMemberBody = Type.Object(
  {
    volunteerId: Id(),
    roleTags: Type.Optional(RoleTags()),
    inBranch: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type AddMemberInput = Static<typeof AddMemberBody>;

export const UpdateMemberBody = Type.Object(
  {
    roleTags: Type.Optional(RoleTags()),
    inBranch: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMemberInput = Static<typeof UpdateMemberBody>;

export const MemberParams = Type.Object({ id: Id(), volunteerId: Id() }, { additionalProperties: false });
