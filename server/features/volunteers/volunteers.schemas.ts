import { Type, type Static } from 'typebox';
import {
  GENDERS,
  SERVICE_KINDS,
  SKILLS,
  TIME_BANDS,
  VOLUNTEER_STATUSES,
  type Gender,
  type ServiceKind,
  type Skill,
  type TimeBand,
  type VolunteerStatus,
} from '../../../common/enums.ts';
import { CalendarDate, Id, IdNumber, Mobile, Text } from '../../platform/http/schemas.ts';

export const GenderSchema = Type.Enum(GENDERS);
export const SkillSchema = Type.Enum(SKILLS);
export const TimeBandSchema = Type.Enum(TIME_BANDS);
export const VolunteerStatusSchema = Type.Enum(VOLUNTEER_STATUSES);
export const ServiceKindSchema = Type.Enum(SERVICE_KINDS);

export interface AvailabilitySlot {
  weekday: number;
  band: TimeBand;
}

export const AvailabilitySlotSchema = Type.Object(
  { weekday: Type.Integer({ minimum: 1, maximum: 7 }), band: TimeBandSchema },
  { additionalProperties: false },
);
export const SkillsSchema = Type.Array(SkillSchema, { uniqueItems: true, maxItems: 8 });
export const AvailabilitySchema = Type.Array(AvailabilitySlotSchema, { uniqueItems: true, maxItems: 28 });

/**
 * The person as a pledge or volunteer declares themselves (the API contract's "person fields").
 * The pledge form uses the same block, so both validate alike.
 */
export const PersonFields = {
  name: Text(40),
  gender: GenderSchema,
  idNumber: IdNumber(),
  mobile: Mobile(),
  partyMember: Type.Boolean(),
  partyBranch: Type.Optional(Type.Union([Text(80), Type.Null()])),
  unitId: Type.Optional(Type.Union([Id(), Type.Null()])),
  unitName: Type.Optional(Type.Union([Text(80), Type.Null()])),
  homeAddress: Text(120),
  regionId: Id(),
  skills: SkillsSchema,
  availability: AvailabilitySchema,
};

export interface PersonInput {
  name: string;
  gender: Gender;
  idNumber: string;
  mobile: string;
  partyMember: boolean;
  partyBranch?: string | null | undefined;
  unitId?: string | null | undefined;
  unitName?: string | null | undefined;
  homeAddress: string;
  regionId: string;
  skills: Skill[];
  availability: AvailabilitySlot[];
}

/** Person fields as responses show them: ID number and mobile masked, names of the region and unit. */
const PersonOutFields = {
  name: Type.String(),
  gender: GenderSchema,
  mobile: Type.String(),
  idNumber: Type.String(),
  partyMember: Type.Boolean(),
  unitId: Type.Union([Type.String(), Type.Null()]),
  unitName: Type.Union([Type.String(), Type.Null()]),
  regionId: Type.String(),
  regionName: Type.String(),
  skills: Type.Array(SkillSchema),
};

export const VolunteerSummaryOut = Type.Object({
  id: Type.String(),
  ...PersonOutFields,
  status: VolunteerStatusSchema,
  accountLogin: Type.Union([Type.String(), Type.Null()]),
});

export interface VolunteerSummary {
  id: string;
  name: string;
  gender: Gender;
  mobile: string;
  idNumber: string;
  partyMember: boolean;
  unitId: string | null;
  unitName: string | null;
  regionId: string;
  regionName: string;
  skills: Skill[];
  status: VolunteerStatus;
  accountLogin: string | null;
}

export const StatusChangeOut = Type.Object({
  status: VolunteerStatusSchema,
  reason: Type.Union([Type.String(), Type.Null()]),
  effectiveOn: Type.String(),
  at: Type.String(),
  byName: Type.Union([Type.String(), Type.Null()]),
});

export interface StatusChange {
  status: VolunteerStatus;
  reason: string | null;
  effectiveOn: string;
  at: string;
  byName: string | null;
}

export const VolunteerOut = Type.Object({
  ...VolunteerSummaryOut.properties,
  partyBranch: Type.Union([Type.String(), Type.Null()]),
  homeAddress: Type.String(),
  availability: Type.Array(AvailabilitySlotSchema),
  statusReason: Type.Union([Type.String(), Type.Null()]),
  statusSince: Type.String(),
  pledgeId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  statusHistory: Type.Array(StatusChangeOut),
});

export interface Volunteer extends VolunteerSummary {
  partyBranch: string | null;
  homeAddress: string;
  availability: AvailabilitySlot[];
  statusReason: string | null;
  statusSince: string;
  pledgeId: string | null;
  createdAt: string;
  statusHistory: StatusChange[];
}

export const VolunteerList = Type.Object({ items: Type.Array(VolunteerSummaryOut), total: Type.Integer() });

/** List and export filters. */
const FilterFields = {
  q: Type.Optional(Type.String({ maxLength: 40 })),
  mobile: Type.Optional(Type.String({ pattern: '^\\d{4,11}$', 'x-reason': 'field.volunteer.mobileSuffix' })),
  unitId: Type.Optional(Id()),
  regionId: Type.Optional(Id()),
  teamId: Type.Optional(Id()),
  skill: Type.Optional(SkillSchema),
  status: Type.Optional(VolunteerStatusSchema),
  partyMember: Type.Optional(Type.Boolean()),
};
export const VolunteerQuery = Type.Object(
  {
    ...FilterFields,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type VolunteerQueryInput = Static<typeof VolunteerQuery>;
export const VolunteerExportQuery = Type.Object(FilterFields, { additionalProperties: false });
export type VolunteerFilterInput = Static<typeof VolunteerExportQuery>;

export const CreateVolunteerBody = Type.Object(PersonFields, { additionalProperties: false });
export type CreateVolunteerInput = PersonInput;

export const UpdateVolunteerBody = Type.Object(
  {
    name: Type.Optional(PersonFields.name),
    gender: Type.Optional(PersonFields.gender),
    idNumber: Type.Optional(PersonFields.idNumber),
    mobile: Type.Optional(PersonFields.mobile),
    partyMember: Type.Optional(PersonFields.partyMember),
    partyBranch: PersonFields.partyBranch,
    unitId: PersonFields.unitId,
    unitName: PersonFields.unitName,
    homeAddress: Type.Optional(PersonFields.homeAddress),
    regionId: Type.Optional(PersonFields.regionId),
    skills: Type.Optional(PersonFields.skills),
    availability: Type.Optional(PersonFields.availability),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateVolunteerInput = Partial<PersonInput>;

export const StatusBody = Type.Object(
  {
    status: VolunteerStatusSchema,
    reason: Type.Optional(Text(200)),
    effectiveOn: Type.Optional(CalendarDate()),
  },
  { additionalProperties: false },
);
export type StatusInput = Static<typeof StatusBody>;

export const RevealOut = Type.Object({ idNumber: Type.String(), mobile: Type.String() });

export const ServiceRecordItemOut = Type.Object({
  id: Type.String(),
  kind: ServiceKindSchema,
  title: Type.String(),
  hours: Type.Union([Type.Number(), Type.Null()]),
  occurredOn: Type.String(),
  sourceId: Type.Union([Type.String(), Type.Null()]),
  /** Why a commendation was given; null on other kinds (and on commendations from before reasons). */
  reason: Type.Union([Type.String(), Type.Null()]),
});

export interface ServiceRecordItem {
  id: string;
  kind: ServiceKind;
  title: string;
  hours: number | null;
  occurredOn: string;
  sourceId: string | null;
  reason: string | null;
}

export const ServiceRecordOut = Type.Object({
  totals: Type.Object({
    hours: Type.Number(),
    entries: Type.Integer(),
    byKind: Type.Object(
      Object.fromEntries(SERVICE_KINDS.map((k) => [k, Type.Integer()])) as Record<ServiceKind, ReturnType<typeof Type.Integer>>,
    ),
  }),
  items: Type.Array(ServiceRecordItemOut),
});

export interface ServiceRecord {
  totals: { hours: number; entries: number; byKind: Record<ServiceKind, number> };
  items: ServiceRecordItem[];
}

/** A commendation (e.g. 优秀党员志愿者) and why it was given, as printed on the certificate. */
export const CommendationBody = Type.Object(
  { title: Text(120), reason: Text(500), occurredOn: CalendarDate() },
  { additionalProperties: false },
);
export type CommendationInput = Static<typeof CommendationBody>;

export const ImportQuery = Type.Object(
  { onlyValid: Type.Optional(Type.Boolean({ default: false })) },
  { additionalProperties: false },
);

/** The lines of the NDJSON import answer (documented for the OpenAPI reader; the stream is written by hand). */
export const ImportProgressLine = Type.Object({
  type: Type.Literal('progress'),
  phase: Type.Enum(['read', 'check', 'write']),
  done: Type.Integer(),
  total: Type.Integer(),
});
export const ImportResultLine = Type.Object({
  type: Type.Literal('result'),
  total: Type.Integer(),
  valid: Type.Integer(),
  invalid: Type.Integer(),
  created: Type.Integer(),
  rows: Type.Array(
    Type.Object({ row: Type.Integer(), field: Type.String(), column: Type.Optional(Type.String()), message: Type.String() }),
  ),
  /** Only when the write failed after the answer had started (e.g. an ID number registered meanwhile); nothing was written. */
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
});
export type ImportResultLineOut = Static<typeof ImportResultLine>;

/** What other features record on a volunteer's service record (duties, errands, inspections…). */
export interface ServiceEntry {
  volunteerId: string;
  kind: ServiceKind;
  /** The record it comes from; (kind, sourceId) is unique, so recording the same thing twice is harmless. */
  sourceId: string | null;
  title: string;
  hours: number | null;
  occurredOn: string;
  /** Only commendations carry one. */
  reason?: string | null;
  createdBy: string | null;
}
