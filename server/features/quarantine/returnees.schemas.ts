import { Type, type Static } from 'typebox';
import {
  CASE_STATUSES,
  EXPOSURE_FLAGS,
  ISOLATION_KINDS,
  MEASURES,
  TRANSPORT_MODES,
  type CaseStatus,
  type ExposureFlag,
  type IsolationKind,
  type Measure,
  type TransportMode,
} from '../../../common/enums.ts';
import { MEASURE_REASONS, type MeasureReason } from '../../../common/measures.ts';
import { CalendarDate, Id, IdNumber, Mobile, Text } from '../../platform/http/schemas.ts';
import { DivisionCode } from '../risk-areas/risk-areas.schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

/** The isolation case opened for a returnee or a close contact, if any (the latest). */
export interface CaseRef {
  id: string;
  ref: string;
  kind: IsolationKind;
  status: CaseStatus;
}

/**
 * Who a returnee or contact is; masked (张*, 411702******1234, 138****1234) unless revealed. Past
 * retention the person is gone: name 已匿名, the rest null.
 */
export interface PersonOut {
  name: string;
  idNumber: string | null;
  mobile: string | null;
  address: string | null;
  anonymised: boolean;
}

/** Where a returnee or contact lives: a community or grid, maybe a registered household. */
export interface PlaceOut {
  regionId: string;
  regionName: string;
  householdId: string | null;
  householdAddress: string | null;
}

/** A returnee (返乡人员): where from, when and how, and the measure proposed and confirmed. */
export interface Returnee extends PersonOut, PlaceOut {
  id: string;
  originCode: string;
  originName: string;
  /** The origin lay in a risk area of the list on the return date. */
  fromRiskArea: boolean;
  returnedOn: string;
  transport: TransportMode;
  tripNumber: string | null;
  exposures: ExposureFlag[];
  proposedMeasure: Measure;
  /** Why the rules proposed it (empty for none). */
  proposalReasons: MeasureReason[];
  /** null while staff have not confirmed a measure. */
  measure: Measure | null;
  measureBy: { accountId: string; name: string } | null;
  measureAt: string | null;
  /** Why staff chose other than the proposal. */
  measureReason: string | null;
  followUpId: string | null;
  note: string | null;
  case: CaseRef | null;
  createdAt: string;
  updatedAt: string;
}

export const CaseRefOut = Type.Object({
  id: Type.String(),
  ref: Type.String(),
  kind: Type.Enum(ISOLATION_KINDS),
  status: Type.Enum(CASE_STATUSES),
});

export const personOutFields = {
  name: Type.String(),
  idNumber: Nullable(Type.String()),
  mobile: Nullable(Type.String()),
  address: Nullable(Type.String()),
  anonymised: Type.Boolean(),
  regionId: Type.String(),
  regionName: Type.String(),
  householdId: Nullable(Type.String()),
  householdAddress: Nullable(Type.String()),
};

export const ReturneeOut = Type.Object({
  id: Type.String(),
  ...personOutFields,
  originCode: Type.String(),
  originName: Type.String(),
  fromRiskArea: Type.Boolean(),
  returnedOn: Type.String(),
  transport: Type.Enum(TRANSPORT_MODES),
  tripNumber: Nullable(Type.String()),
  exposures: Type.Array(Type.Enum(EXPOSURE_FLAGS)),
  proposedMeasure: Type.Enum(MEASURES),
  proposalReasons: Type.Array(Type.Enum(MEASURE_REASONS)),
  measure: Nullable(Type.Enum(MEASURES)),
  measureBy: Nullable(Type.Object({ accountId: Type.String(), name: Type.String() })),
  measureAt: Nullable(Type.String()),
  measureReason: Nullable(Type.String()),
  followUpId: Nullable(Type.String()),
  note: Nullable(Type.String()),
  case: Nullable(CaseRefOut),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const ReturneeList = Type.Object({ items: Type.Array(ReturneeOut), total: Type.Integer() });

/** The person and place fields a returnee and a contact share, as typed in the form. */
export const personFields = {
  /** A community or grid the caller may write in. */
  regionId: Id(),
  householdId: Type.Optional(Nullable(Id())),
  name: Text(30),
  /** Optional; checked (GB 11643), sealed and indexed when given. */
  idNumber: Type.Optional(Nullable(IdNumber())),
  mobile: Type.Optional(Nullable(Mobile())),
  address: Type.Optional(Nullable(Text(120))),
  note: Type.Optional(Nullable(Text(500))),
};

const returneeFields = {
  ...personFields,
  originCode: DivisionCode(),
  /** Local date; not in the future, at most 60 days ago. */
  returnedOn: CalendarDate(),
  transport: Type.Enum(TRANSPORT_MODES),
  /** Required for rail, air, coach and ship; train and flight numbers are checked. */
  tripNumber: Type.Optional(Nullable(Text(30))),
  exposures: Type.Optional(Type.Array(Type.Enum(EXPOSURE_FLAGS), { maxItems: EXPOSURE_FLAGS.length, uniqueItems: true })),
};

export const CreateReturneeBody = Type.Object(
  {
    ...returneeFields,
    /** Registering a follow-up task's person closes the task, in the same transaction. */
    followUpId: Type.Optional(Id()),
  },
  { additionalProperties: false },
);
export type CreateReturneeInput = Static<typeof CreateReturneeBody>;

export const UpdateReturneeBody = Type.Object(
  {
    regionId: Type.Optional(returneeFields.regionId),
    householdId: returneeFields.householdId,
    name: Type.Optional(returneeFields.name),
    idNumber: returneeFields.idNumber,
    mobile: returneeFields.mobile,
    address: returneeFields.address,
    note: returneeFields.note,
    originCode: Type.Optional(returneeFields.originCode),
    returnedOn: Type.Optional(returneeFields.returnedOn),
    transport: Type.Optional(returneeFields.transport),
    tripNumber: returneeFields.tripNumber,
    exposures: returneeFields.exposures,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateReturneeInput = Static<typeof UpdateReturneeBody>;

export const MeasureBody = Type.Object(
  {
    measure: Type.Enum(MEASURES),
    /** Required when the measure differs from the proposal. */
    reason: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);
export type MeasureInput = Static<typeof MeasureBody>;

export const ReturneeQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    /** Return dates, local, inclusive. */
    from: Type.Optional(CalendarDate()),
    to: Type.Optional(CalendarDate()),
    /** The confirmed measure, or the proposed one while unconfirmed. */
    measure: Type.Optional(Type.Enum(MEASURES)),
    /** Only those awaiting (true) or past (false) confirmation. */
    pending: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type ReturneeQueryInput = Static<typeof ReturneeQuery>;

export const PersonRevealOut = Type.Object({
  name: Type.String(),
  idNumber: Nullable(Type.String()),
  mobile: Nullable(Type.String()),
});
export type PersonReveal = Static<typeof PersonRevealOut>;
