import { Type, type Static } from 'typebox';
import {
  ACCOUNT_STATUSES,
  LANGUAGES,
  REGION_LEVELS,
  ROLES,
  type AccountStatus,
  type Language,
  type Role,
} from '../../../common/enums.ts';
import { Id, Mobile, Text } from '../../platform/http/schemas.ts';

export const RoleSchema = Type.Enum(ROLES);
const LanguageSchema = Type.Enum(LANGUAGES);
const StatusSchema = Type.Enum(ACCOUNT_STATUSES);

/** Login names: letters, digits and . _ - (or a mobile number). */
export const Login = () =>
  Type.String({ minLength: 2, maxLength: 40, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', 'x-reason': 'field.login' });
/** Length only: strength is checked by the service so the message can say why. */
const Password = () => Type.String({ minLength: 1, maxLength: 200 });

export const GrantOut = Type.Object({
  id: Type.String(),
  role: RoleSchema,
  regionId: Type.Union([Type.String(), Type.Null()]),
  regionName: Type.Union([Type.String(), Type.Null()]),
  regionLevel: Type.Union([Type.Enum(REGION_LEVELS), Type.Null()]),
});

export const AccountOut = Type.Object({
  id: Type.String(),
  login: Type.String(),
  name: Type.String(),
  /** Masked unless revealed through the audited reveal route. */
  mobile: Type.String(),
  status: StatusSchema,
  language: LanguageSchema,
  mustChangePassword: Type.Boolean(),
  createdAt: Type.String(),
  grants: Type.Array(GrantOut),
});

export interface GrantView {
  id: string;
  role: Role;
  regionId: string | null;
  regionName: string | null;
  regionLevel: (typeof REGION_LEVELS)[number] | null;
  regionPath: string | null;
}

export interface Account {
  id: string;
  login: string;
  name: string;
  mobile: string;
  status: AccountStatus;
  language: Language;
  mustChangePassword: boolean;
  createdAt: string;
  grants: GrantView[];
}

export const AccountList = Type.Object({ items: Type.Array(AccountOut), total: Type.Integer() });

export const AccountQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 40 })),
    regionId: Type.Optional(Id()),
    role: Type.Optional(RoleSchema),
    status: Type.Optional(StatusSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type AccountQueryInput = Static<typeof AccountQuery>;

export const GrantInput = Type.Object(
  { role: RoleSchema, regionId: Type.Union([Id(), Type.Null()]) },
  { additionalProperties: false },
);
export type GrantInputT = Static<typeof GrantInput>;

export const CreateAccountBody = Type.Object(
  {
    login: Login(),
    name: Text(40),
    mobile: Mobile(),
    /** Omitted: a one-time initial password is generated and returned once. */
    password: Type.Optional(Password()),
    grants: Type.Array(GrantInput, { maxItems: 20 }),
  },
  { additionalProperties: false },
);
export type CreateAccountInput = Static<typeof CreateAccountBody>;

export const CreatedAccount = Type.Object({
  account: AccountOut,
  initialPassword: Type.Optional(Type.String()),
});

export const UpdateAccountBody = Type.Object(
  { name: Type.Optional(Text(40)), mobile: Type.Optional(Mobile()), language: Type.Optional(LanguageSchema) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateAccountInput = Static<typeof UpdateAccountBody>;

export const GrantParams = Type.Object({ id: Id(), grantId: Id() }, { additionalProperties: false });

export const PasswordOut = Type.Object({ initialPassword: Type.String() });
export const RevealOut = Type.Object({ mobile: Type.String() });

export const LoginBody = Type.Object(
  { login: Type.String({ minLength: 1, maxLength: 40 }), password: Password() },
  { additionalProperties: false },
);

export const MeOut = Type.Object({
  id: Type.String(),
  login: Type.String(),
  name: Type.String(),
  mobile: Type.String(),
  language: LanguageSchema,
  mustChangePassword: Type.Boolean(),
  grants: Type.Array(GrantOut),
  permissions: Type.Array(Type.String()),
  timeZone: Type.String(),
  csrfToken: Type.String(),
});

export const ChangePasswordBody = Type.Object(
  { currentPassword: Password(), newPassword: Password() },
  { additionalProperties: false },
);

export const SetupStatus = Type.Object({ needed: Type.Boolean() });
export const SetupBody = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 64 }), login: Login(), name: Text(40), mobile: Mobile(), password: Password() },
  { additionalProperties: false },
);
