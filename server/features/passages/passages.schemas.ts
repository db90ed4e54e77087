import { Type, type Static } from 'typebox';
import {
  CHECKPOINT_KINDS,
  PASSAGE_DIRECTIONS,
  PASSAGE_IDENTITY_MODES,
  PASSAGE_PURPOSES,
  PASSAGE_SUBJECTS,
  TEMPERATURE_MAX,
  TEMPERATURE_MIN,
  type CheckpointKind,
  type PassageDirection,
  type PassageIdentityMode,
  type PassagePurpose,
  type PassageSubject,
  type RiskLevel,
} from '../../../common/enums.ts';
import { CalendarDate, Id, Mobile, Text, Timestamp } from '../../platform/http/schemas.ts';
import { RiskSchema } from '../checkpoints/checkpoints.schemas.ts';
import { DivisionCode, RiskAreaOut, type RiskArea } from '../risk-areas/risk-areas.schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

/** One person or vehicle through a checkpoint (卡点登记). */
export interface Passage {
  id: string;
  checkpointId: string;
  checkpointName: string;
  regionName: string;
  direction: PassageDirection;
  subject: PassageSubject;
  people: number;
  /** In full for the volunteer who logged it while it is editable; masked otherwise; null once anonymised. */
  name: string | null;
  mobile: string | null;
  plate: string | null;
  originCode: string | null;
  originName: string | null;
  fromRiskArea: boolean;
  temperature: number | null;
  remeasured: number | null;
  fever: boolean;
  purpose: PassagePurpose | null;
  leaflets: number;
  occurredAt: string;
  createdAt: string;
  recordedByName: string;
  /** createdAt + the edit window; the recorder may correct it until then. */
  editableUntil: string;
  editable: boolean;
  /** Follow-up tasks this entry created (fever, arrival from a risk area). */
  followUps: { id: string; kind: 'fever' | 'risk_arrival' }[];
  anonymised: boolean;
}

export interface PassageSettings {
  identity: PassageIdentityMode;
  editMinutes: number;
  feverThreshold: number;
  temperatureMin: number;
  temperatureMax: number;
}

/** Counts of one checkpoint on one local day. */
export interface PassageCounts {
  checkpointId: string;
  checkpointName: string;
  regionName: string;
  date: string;
  entries: number;
  /** Σ people (a vehicle counts its occupants). */
  passers: number;
  vehicles: number;
  fevers: number;
  /** Arrivals ('in') from a risk area. */
  riskArrivals: number;
  leaflets: number;
}

export type CountTotals = Omit<PassageCounts, 'checkpointId' | 'checkpointName' | 'regionName' | 'date'>;

/** The volunteer's entry page at one checkpoint. */
export interface PassageDesk {
  checkpoint: { id: string; name: string; kind: CheckpointKind; regionName: string; risk: RiskLevel };
  settings: PassageSettings;
  /** The caller is on a shift here now (or manages the place): they may log. */
  canLog: boolean;
  riskAreas: RiskArea[];
  /** Today's counts at this checkpoint. */
  today: CountTotals;
  /** The caller's own latest entries here (newest first, at most 20). */
  recent: Passage[];
}

const DirectionSchema = Type.Enum(PASSAGE_DIRECTIONS);
const SubjectSchema = Type.Enum(PASSAGE_SUBJECTS);
const PurposeSchema = Type.Enum(PASSAGE_PURPOSES);
/** °C with one decimal; the service refuses more decimals. */
export const Temperature = () =>
  Type.Number({ minimum: TEMPERATURE_MIN, maximum: TEMPERATURE_MAX, 'x-reason': 'field.passage.temperature' });
/** 豫Q12345, 豫QD12345 (new energy), 豫Q1234学; letters upper case. */
export const Plate = () =>
  Type.String({
    pattern:
      '^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼使领][A-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳]$',
    'x-reason': 'field.passage.plate',
  });

export const PassageOut = Type.Object({
  id: Type.String(),
  checkpointId: Type.String(),
  checkpointName: Type.String(),
  regionName: Type.String(),
  direction: DirectionSchema,
  subject: SubjectSchema,
  people: Type.Integer(),
  name: Nullable(Type.String()),
  mobile: Nullable(Type.String()),
  plate: Nullable(Type.String()),
  originCode: Nullable(Type.String()),
  originName: Nullable(Type.String()),
  fromRiskArea: Type.Boolean(),
  temperature: Nullable(Type.Number()),
  remeasured: Nullable(Type.Number()),
  fever: Type.Boolean(),
  purpose: Nullable(PurposeSchema),
  leaflets: Type.Integer(),
  occurredAt: Type.String(),
  createdAt: Type.String(),
  recordedByName: Type.String(),
  editableUntil: Type.String(),
  editable: Type.Boolean(),
  followUps: Type.Array(
    Type.Object({ id: Type.String(), kind: Type.Union([Type.Literal('fever'), Type.Literal('risk_arrival')]) }),
  ),
  anonymised: Type.Boolean(),
});
export const PassageList = Type.Object({ items: Type.Array(PassageOut), total: Type.Integer() });

const SettingsOut = Type.Object({
  identity: Type.Enum(PASSAGE_IDENTITY_MODES),
  editMinutes: Type.Integer(),
  feverThreshold: Type.Number(),
  temperatureMin: Type.Number(),
  temperatureMax: Type.Number(),
});

const TotalsFields = {
  entries: Type.Integer(),
  passers: Type.Integer(),
  vehicles: Type.Integer(),
  fevers: Type.Integer(),
  riskArrivals: Type.Integer(),
  leaflets: Type.Integer(),
};
export const TotalsOut = Type.Object(TotalsFields);
export const CountsOut = Type.Object({
  checkpointId: Type.String(),
  checkpointName: Type.String(),
  regionName: Type.String(),
  date: Type.String(),
  ...TotalsFields,
});
export const CountsList = Type.Object({ items: Type.Array(CountsOut), totals: TotalsOut });

export const PassageDeskOut = Type.Object({
  checkpoint: Type.Object({
    id: Type.String(),
    name: Type.String(),
    kind: Type.Enum(CHECKPOINT_KINDS),
    regionName: Type.String(),
    risk: RiskSchema,
  }),
  settings: SettingsOut,
  canLog: Type.Boolean(),
  riskAreas: Type.Array(RiskAreaOut),
  today: TotalsOut,
  recent: Type.Array(PassageOut),
});

export const CheckpointParams = Type.Object({ checkpointId: Id() }, { additionalProperties: false });

const entryFields = {
  direction: DirectionSchema,
  subject: SubjectSchema,
  /** A vehicle's occupants; 1 for a person (the default). */
  people: Type.Optional(Type.Integer({ minimum: 1, maximum: 60 })),
  name: Type.Optional(Nullable(Text(30))),
  mobile: Type.Optional(Nullable(Mobile())),
  plate: Type.Optional(Nullable(Plate())),
  originCode: Type.Optional(Nullable(DivisionCode())),
  /** Required for a person; a vehicle's driver may be measured too. */
  temperature: Type.Optional(Nullable(Temperature())),
  /** Required when temperature ≥ 37.3 °C; refused otherwise. */
  remeasured: Type.Optional(Nullable(Temperature())),
  purpose: Type.Optional(Nullable(PurposeSchema)),
  leaflets: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
};

export const CreatePassageBody = Type.Object(
  {
    checkpointId: Id(),
    ...entryFields,
    /** When it happened (the phone's clock, for entries kept offline); default now; not in the future, at most 24 h ago. */
    occurredAt: Type.Optional(Timestamp()),
  },
  { additionalProperties: false },
);
export type CreatePassageInput = Static<typeof CreatePassageBody>;

export const UpdatePassageBody = Type.Object(
  {
    direction: Type.Optional(entryFields.direction),
    subject: Type.Optional(entryFields.subject),
    people: entryFields.people,
    name: entryFields.name,
    mobile: entryFields.mobile,
    plate: entryFields.plate,
    originCode: entryFields.originCode,
    temperature: entryFields.temperature,
    remeasured: entryFields.remeasured,
    purpose: entryFields.purpose,
    leaflets: entryFields.leaflets,
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdatePassageInput = Static<typeof UpdatePassageBody>;

export const PassageQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    checkpointId: Type.Optional(Id()),
    /** Local dates, inclusive. */
    from: Type.Optional(CalendarDate()),
    to: Type.Optional(CalendarDate()),
    direction: Type.Optional(DirectionSchema),
    subject: Type.Optional(SubjectSchema),
    fever: Type.Optional(Type.Boolean()),
    fromRiskArea: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type PassageQueryInput = Static<typeof PassageQuery>;

export const CountsQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    checkpointId: Type.Optional(Id()),
    /** Local dates, inclusive, at most 31 days. */
    from: CalendarDate(),
    to: CalendarDate(),
  },
  { additionalProperties: false },
);
export type CountsQueryInput = Static<typeof CountsQuery>;

export const PassageIdentityOut = Type.Object({
  name: Nullable(Type.String()),
  mobile: Nullable(Type.String()),
  plate: Nullable(Type.String()),
});
