import { Type, type Static, type TSchema } from 'typebox';
import {
  PLEDGE_DECISIONS,
  PLEDGE_STATUSES,
  REGION_LEVELS,
  type Gender,
  type PledgeDecision,
  type PledgeStatus,
  type RegionLevel,
  type Skill,
} from '../../../common/enums.ts';
import { Id, Text } from '../../platform/http/schemas.ts';
import {
  AvailabilitySlotSchema,
  GenderSchema,
  PersonFields,
  SkillSchema,
  TimeBandSchema,
  type AvailabilitySlot,
  type PersonInput,
} from './volunteers.schemas.ts';

export const PledgeStatusSchema = Type.Enum(PLEDGE_STATUSES);
export const PledgeDecisionSchema = Type.Enum(PLEDGE_DECISIONS);

// ---------------------------------------------------------------- the public form

export interface FormRegionNode {
  id: string;
  name: string;
  level: RegionLevel;
  children: FormRegionNode[];
}

/** Levels are fixed (city … grid), so the tree is at most five deep: spelt out, no `$ref` needed. */
function formNodeSchema(depth: number): TSchema {
  return Type.Object({
    id: Type.String(),
    name: Type.String(),
    level: Type.Enum(REGION_LEVELS),
    children: Type.Array(depth > 1 ? formNodeSchema(depth - 1) : Type.Object({}), depth > 1 ? {} : { maxItems: 0 }),
  });
}

export const PledgeFormOut = Type.Object({
  regions: Type.Array(formNodeSchema(REGION_LEVELS.length)),
  units: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
});

export const SubmitPledgeBody = Type.Object(
  {
    ...PersonFields,
    healthFever: Type.Boolean(),
    healthRiskContact: Type.Boolean(),
    healthNote: Type.Optional(Type.Union([Text(200), Type.Null()])),
    pledgeText: Type.Optional(Type.Union([Text(2000), Type.Null()])),
  },
  { additionalProperties: false },
);

export interface SubmitPledgeInput extends PersonInput {
  healthFever: boolean;
  healthRiskContact: boolean;
  healthNote?: string | null | undefined;
  pledgeText?: string | null | undefined;
}

export const SubmittedOut = Type.Object({
  reference: Type.String(),
  /** Shown once: only its hash is kept, and a replayed (Idempotency-Key) answer omits it. */
  statusToken: Type.String(),
  status: PledgeStatusSchema,
});

/** 128 random bits in base64url: 22 characters. Anything else cannot be a token. */
export const StatusParams = Type.Object(
  { token: Type.String({ pattern: '^[A-Za-z0-9_-]{22}$', 'x-reason': 'field.pledge.token' }) },
  { additionalProperties: false },
);

export const PledgeStatusOut = Type.Object({
  reference: Type.String(),
  name: Type.String(),
  status: PledgeStatusSchema,
  submittedAt: Type.String(),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  decisionReason: Type.Union([Type.String(), Type.Null()]),
  regionName: Type.String(),
  unitName: Type.Union([Type.String(), Type.Null()]),
});

export interface PledgeStatusView {
  reference: string;
  name: string;
  status: PledgeStatus;
  submittedAt: string;
  decidedAt: string | null;
  decisionReason: string | null;
  regionName: string;
  unitName: string | null;
}

// ---------------------------------------------------------------- review

export const PledgeOut = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  status: PledgeStatusSchema,
  name: Type.String(),
  gender: GenderSchema,
  idNumber: Type.String(),
  mobile: Type.String(),
  partyMember: Type.Boolean(),
  partyBranch: Type.Union([Type.String(), Type.Null()]),
  unitId: Type.Union([Type.String(), Type.Null()]),
  unitName: Type.Union([Type.String(), Type.Null()]),
  homeAddress: Type.String(),
  regionId: Type.String(),
  regionName: Type.String(),
  skills: Type.Array(SkillSchema),
  availability: Type.Array(AvailabilitySlotSchema),
  healthFever: Type.Boolean(),
  healthRiskContact: Type.Boolean(),
  healthNote: Type.Union([Type.String(), Type.Null()]),
  pledgeText: Type.Union([Type.String(), Type.Null()]),
  submittedAt: Type.String(),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  decidedByName: Type.Union([Type.String(), Type.Null()]),
  decisionReason: Type.Union([Type.String(), Type.Null()]),
  volunteerId: Type.Union([Type.String(), Type.Null()]),
});

export interface Pledge {
  id: string;
  reference: string;
  status: PledgeStatus;
  name: string;
  gender: Gender;
  /** Masked unless revealed. */
  idNumber: string;
  /** Masked unless revealed. */
  mobile: string;
  partyMember: boolean;
  partyBranch: string | null;
  unitId: string | null;
  unitName: string | null;
  homeAddress: string;
  regionId: string;
  regionName: string;
  skills: Skill[];
  availability: AvailabilitySlot[];
  healthFever: boolean;
  healthRiskContact: boolean;
  healthNote: string | null;
  pledgeText: string | null;
  submittedAt: string;
  decidedAt: string | null;
  decidedByName: string | null;
  decisionReason: string | null;
  volunteerId: string | null;
}

export const PledgeList = Type.Object({ items: Type.Array(PledgeOut), total: Type.Integer() });

export const PledgeQuery = Type.Object(
  {
    status: Type.Optional(PledgeStatusSchema),
    regionId: Type.Optional(Id()),
    unitId: Type.Optional(Id()),
    partyMember: Type.Optional(Type.Boolean()),
    skill: Type.Optional(SkillSchema),
    /** true: fever or risk contact declared; false: neither. */
    healthRisk: Type.Optional(Type.Boolean()),
    weekday: Type.Optional(Type.Integer({ minimum: 1, maximum: 7 })),
    band: Type.Optional(TimeBandSchema),
    /** Name contains, or the exact reference (QZ-…). */
    q: Type.Optional(Type.String({ maxLength: 40 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type PledgeQueryInput = Static<typeof PledgeQuery>;

export const DecisionBody = Type.Object(
  {
    decision: PledgeDecisionSchema,
    /** Required to reject; shown to the submitter for rejected and waitlisted pledges. */
    reason: Type.Optional(Text(200)),
    createAccount: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export interface DecisionInput {
  decision: PledgeDecision;
  reason?: string | undefined;
  createAccount?: boolean | undefined;
}

const VolunteerRef = Type.Object({ id: Type.String(), name: Type.String() });
const AccountCredentials = Type.Object({ login: Type.String(), initialPassword: Type.String() });

export const DecisionOut = Type.Object({
  pledge: PledgeOut,
  volunteer: Type.Optional(VolunteerRef),
  account: Type.Optional(AccountCredentials),
});

export interface DecisionResult {
  pledge: Pledge;
  volunteer?: { id: string; name: string };
  account?: { login: string; initialPassword: string };
}

export const BulkDecisionBody = Type.Object(
  {
    ids: Type.Array(Id(), { minItems: 1, maxItems: 200, uniqueItems: true }),
    decision: PledgeDecisionSchema,
    reason: Type.Optional(Text(200)),
    createAccounts: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export interface BulkDecisionInput {
  ids: string[];
  decision: PledgeDecision;
  reason?: string | undefined;
  createAccounts?: boolean | undefined;
}

export const BulkDecisionOut = Type.Object({
  results: Type.Array(
    Type.Object({
      id: Type.String(),
      ok: Type.Boolean(),
      status: Type.Optional(PledgeStatusSchema),
      error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
      account: Type.Optional(AccountCredentials),
    }),
  ),
});

export const PledgeRevealOut = Type.Object({ idNumber: Type.String(), mobile: Type.String() });

// ---------------------------------------------------------------- quotas

export const QuotaOut = Type.Object({
  id: Type.String(),
  unitId: Type.Union([Type.String(), Type.Null()]),
  unitName: Type.Union([Type.String(), Type.Null()]),
  regionId: Type.Union([Type.String(), Type.Null()]),
  regionName: Type.Union([Type.String(), Type.Null()]),
  quota: Type.Integer(),
  /** Approved so far. */
  used: Type.Integer(),
});

export interface Quota {
  id: string;
  unitId: string | null;
  unitName: string | null;
  regionId: string | null;
  regionName: string | null;
  quota: number;
  used: number;
}

export const QuotaList = Type.Object({ items: Type.Array(QuotaOut) });

export const PutQuotaBody = Type.Object(
  {
    unitId: Type.Optional(Id()),
    regionId: Type.Optional(Id()),
    quota: Type.Integer({ minimum: 0, maximum: 100_000 }),
  },
  { additionalProperties: false },
);
export type PutQuotaInput = Static<typeof PutQuotaBody>;
