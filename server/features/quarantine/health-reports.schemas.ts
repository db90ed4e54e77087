import { Type, type Static } from 'typebox';
import { FEELINGS, REPORT_SLOTS, SYMPTOMS, TEMPERATURE_MAX, TEMPERATURE_MIN } from '../../../common/enums.ts';
import { CalendarDate, Text, Timestamp } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

/** °C from the picker: 35.0–42.0; the service refuses a second decimal. */
const Temperature = () =>
  Type.Number({ minimum: TEMPERATURE_MIN, maximum: TEMPERATURE_MAX, 'x-reason': 'field.health.temperature' });
/** done, open now, window passed unreported, still ahead, not a case day, ended before the case was opened. */
export const SLOT_STATES = ['done', 'due', 'late', 'upcoming', 'none', 'not_required'] as const;

const Slot = () => Type.Enum(REPORT_SLOTS);
const Window = () => Type.Object({ from: Type.String(), to: Type.String() });

export const TokenParams = Type.Object(
  { token: Type.String({ pattern: '^[A-Za-z0-9_-]{22}$', 'x-reason': 'field.health.token' }) },
  { additionalProperties: false },
);

export const ReportBody = Type.Object(
  {
    temperature: Temperature(),
    symptoms: Type.Array(Type.Enum(SYMPTOMS), { maxItems: SYMPTOMS.length, uniqueItems: true }),
    feeling: Type.Enum(FEELINGS),
    helpRequest: Type.Optional(Nullable(Text(200))),
    /** When the person filled it in on their phone (kept offline, sent later); now when absent. */
    madeAt: Type.Optional(Timestamp()),
  },
  { additionalProperties: false },
);
export type ReportInput = Static<typeof ReportBody>;

export const RemeasureBody = Type.Object({ temperature: Temperature() }, { additionalProperties: false });
export type RemeasureInput = Static<typeof RemeasureBody>;

/** Staff entering a report taken by phone: they name the slot. */
export const EnterReportBody = Type.Object(
  {
    slotOn: CalendarDate(),
    slot: Slot(),
    temperature: Temperature(),
    remeasuredTemperature: Type.Optional(Nullable(Temperature())),
    symptoms: Type.Array(Type.Enum(SYMPTOMS), { maxItems: SYMPTOMS.length, uniqueItems: true }),
    feeling: Type.Enum(FEELINGS),
    helpRequest: Type.Optional(Nullable(Text(200))),
  },
  { additionalProperties: false },
);
export type EnterReportInput = Static<typeof EnterReportBody>;

export const ReportOut = Type.Object({
  id: Type.String(),
  slotOn: Type.String(),
  slot: Slot(),
  temperature: Nullable(Type.Number()),
  remeasuredTemperature: Nullable(Type.Number()),
  fever: Type.Boolean(),
  symptoms: Type.Array(Type.Enum(SYMPTOMS)),
  feeling: Type.Enum(FEELINGS),
  helpRequest: Nullable(Type.String()),
  late: Type.Boolean(),
  enteredBy: Nullable(Type.Object({ accountId: Type.String(), name: Type.String() })),
  reportedAt: Type.String(),
});
export const ReportList = Type.Object({ items: Type.Array(ReportOut) });

/** What a submission answers: the slot it recorded, and whether a second reading is wanted. */
export const SubmittedOut = Type.Object({
  id: Type.String(),
  slotOn: Type.String(),
  slot: Slot(),
  late: Type.Boolean(),
  remeasureDue: Type.Boolean(),
  /** When the re-measure is wanted by (ISO), if due. */
  remeasureBy: Nullable(Type.String()),
});

export type Submitted = Static<typeof SubmittedOut>;

export const RemeasuredOut = Type.Object({
  slotOn: Type.String(),
  slot: Slot(),
  temperature: Type.Number(),
  fever: Type.Boolean(),
});

/** The public page: nothing that identifies the person beyond a masked name. */
export const HealthStatusOut = Type.Object({
  name: Type.String(),
  today: Type.String(),
  day: Type.Integer(),
  days: Type.Integer(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  windows: Type.Object({ morning: Window(), evening: Window() }),
  slots: Type.Array(Type.Object({ slot: Slot(), state: Type.Enum(SLOT_STATES) })),
  /** What a report sent now would record; null when nothing is due. */
  next: Nullable(Type.Object({ slotOn: Type.String(), slot: Slot(), late: Type.Boolean() })),
  /** The first slot ahead when nothing is due now. */
  upcoming: Nullable(Type.Object({ slotOn: Type.String(), slot: Slot() })),
  remeasure: Nullable(Type.Object({ slotOn: Type.String(), slot: Slot(), temperature: Type.Number(), dueBy: Type.String() })),
  recent: Type.Array(
    Type.Object({
      slotOn: Type.String(),
      slot: Slot(),
      temperature: Nullable(Type.Number()),
      remeasuredTemperature: Nullable(Type.Number()),
      late: Type.Boolean(),
    }),
  ),
  feverThreshold: Type.Number(),
});
export type HealthStatus = Static<typeof HealthStatusOut>;

/** The card's link, answered once, with what the printed card says. */
export const CardOut = Type.Object({
  path: Type.String(),
  expiresAt: Type.String(),
  case: Type.Object({
    id: Type.String(),
    ref: Type.String(),
    personName: Type.String(),
    regionName: Type.String(),
    startsOn: Type.String(),
    endsOn: Type.String(),
    planDays: Type.Integer(),
  }),
  windows: Type.Object({ morning: Window(), evening: Window() }),
});

export const RevokedOut = Type.Object({ revoked: Type.Integer() });
