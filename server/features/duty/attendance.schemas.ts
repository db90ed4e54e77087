import { Type, type Static } from 'typebox';
import {
  ATTENDANCE_STATES,
  CHECKPOINT_KINDS,
  RISK_LEVELS,
  type AttendanceState,
  type CheckpointKind,
  type RiskLevel,
} from '../../../common/enums.ts';
import { CalendarDate, Id, Timestamp } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

export const AttendanceStateSchema = Type.Enum(ATTENDANCE_STATES);
const KindSchema = Type.Enum(CHECKPOINT_KINDS);
const RiskSchema = Type.Enum(RISK_LEVELS);

/** One shift of the signed-in volunteer, with what they may do about it now. */
export interface MyDuty {
  assignmentId: string;
  rosterId: string;
  rosterName: string;
  checkpoint: {
    id: string;
    name: string;
    kind: CheckpointKind;
    regionName: string;
    address: string | null;
    lat: number | null;
    lng: number | null;
  };
  startsAt: string;
  endsAt: string;
  attendance: AttendanceState;
  checkedInAt: string | null;
  checkedOutAt: string | null;
  autoClosed: boolean;
  hours: number | null;
  /** startsAt − checkInEarlyMinutes. */
  checkInOpensAt: string;
  canCheckIn: boolean;
  canCheckOut: boolean;
  /** Names of the others on the same shift. */
  teammates: string[];
  pendingSwap: boolean;
}

export interface MyDutyPage {
  volunteer: { id: string; name: string } | null;
  /** Published shifts from yesterday to 14 days ahead, by start. */
  duties: MyDuty[];
  /** Duty hours from this local Monday to now. */
  hoursThisWeek: number;
  hoursTotal: number;
}

export interface CheckInPage {
  checkpoint: { id: string; name: string; kind: CheckpointKind; regionName: string; address: string | null };
  /** The caller's current or next shift here inside the check-in / check-out windows. */
  duty: MyDuty | null;
  /** The caller's next duty anywhere, when `duty` is null. */
  nextDuty: MyDuty | null;
}

export interface NowShift {
  shiftId: string;
  startsAt: string;
  endsAt: string;
  required: number;
  people: { volunteerId: string; name: string; attendance: AttendanceState; checkedInAt: string | null }[];
}

export interface NowCheckpoint {
  id: string;
  name: string;
  kind: CheckpointKind;
  regionId: string;
  regionName: string;
  risk: RiskLevel;
  lat: number | null;
  lng: number | null;
}

export interface NowRow {
  checkpoint: NowCheckpoint;
  shifts: NowShift[];
  required: number;
  onDuty: number;
  absent: number;
}

export interface DutyNow {
  at: string;
  totals: { checkpoints: number; required: number; onDuty: number; due: number; absent: number };
  /** The chosen region's direct children (or the caller's scope roots when none was chosen). */
  byRegion: { regionId: string; regionName: string; required: number; onDuty: number; absent: number }[];
  items: NowRow[];
  total: number;
}

export interface Absence {
  assignmentId: string;
  volunteerId: string;
  volunteerName: string;
  checkpointId: string;
  checkpointName: string;
  regionName: string;
  startsAt: string;
  endsAt: string;
  absentAt: string;
  /** Set when the volunteer arrived late, after being marked absent. */
  checkedInAt: string | null;
}

export const MyDutyOut = Type.Object({
  assignmentId: Type.String(),
  rosterId: Type.String(),
  rosterName: Type.String(),
  checkpoint: Type.Object({
    id: Type.String(),
    name: Type.String(),
    kind: KindSchema,
    regionName: Type.String(),
    address: Nullable(Type.String()),
    lat: Nullable(Type.Number()),
    lng: Nullable(Type.Number()),
  }),
  startsAt: Type.String(),
  endsAt: Type.String(),
  attendance: AttendanceStateSchema,
  checkedInAt: Nullable(Type.String()),
  checkedOutAt: Nullable(Type.String()),
  autoClosed: Type.Boolean(),
  hours: Nullable(Type.Number()),
  checkInOpensAt: Type.String(),
  canCheckIn: Type.Boolean(),
  canCheckOut: Type.Boolean(),
  teammates: Type.Array(Type.String()),
  pendingSwap: Type.Boolean(),
});

export const MyDutyPageOut = Type.Object({
  volunteer: Nullable(Type.Object({ id: Type.String(), name: Type.String() })),
  duties: Type.Array(MyDutyOut),
  hoursThisWeek: Type.Number(),
  hoursTotal: Type.Number(),
});

export const CheckInPageOut = Type.Object({
  checkpoint: Type.Object({
    id: Type.String(),
    name: Type.String(),
    kind: KindSchema,
    regionName: Type.String(),
    address: Nullable(Type.String()),
  }),
  duty: Nullable(MyDutyOut),
  nextDuty: Nullable(MyDutyOut),
});

const Tally = { required: Type.Integer(), onDuty: Type.Integer(), absent: Type.Integer() };

export const DutyNowOut = Type.Object({
  at: Type.String(),
  totals: Type.Object({ checkpoints: Type.Integer(), ...Tally, due: Type.Integer() }),
  byRegion: Type.Array(Type.Object({ regionId: Type.String(), regionName: Type.String(), ...Tally })),
  items: Type.Array(
    Type.Object({
      checkpoint: Type.Object({
        id: Type.String(),
        name: Type.String(),
        kind: KindSchema,
        regionId: Type.String(),
        regionName: Type.String(),
        risk: RiskSchema,
        lat: Nullable(Type.Number()),
        lng: Nullable(Type.Number()),
      }),
      shifts: Type.Array(
        Type.Object({
          shiftId: Type.String(),
          startsAt: Type.String(),
          endsAt: Type.String(),
          required: Type.Integer(),
          people: Type.Array(
            Type.Object({
              volunteerId: Type.String(),
              name: Type.String(),
              attendance: AttendanceStateSchema,
              checkedInAt: Nullable(Type.String()),
            }),
          ),
        }),
      ),
      ...Tally,
    }),
  ),
  total: Type.Integer(),
});

export const AbsenceList = Type.Object({
  items: Type.Array(
    Type.Object({
      assignmentId: Type.String(),
      volunteerId: Type.String(),
      volunteerName: Type.String(),
      checkpointId: Type.String(),
      checkpointName: Type.String(),
      regionName: Type.String(),
      startsAt: Type.String(),
      endsAt: Type.String(),
      absentAt: Type.String(),
      checkedInAt: Nullable(Type.String()),
    }),
  ),
  total: Type.Integer(),
});

/** The code printed on the placard (letters and digits). */
const CheckInCode = () => Type.String({ minLength: 4, maxLength: 40, pattern: '^[A-Za-z0-9_-]+$' });

export const CodeParams = Type.Object({ code: CheckInCode() }, { additionalProperties: false });

export const AttendanceBody = Type.Object(
  {
    code: CheckInCode(),
    lat: Type.Optional(Type.Number({ minimum: -90, maximum: 90 })),
    lng: Type.Optional(Type.Number({ minimum: -180, maximum: 180 })),
    /** Metres, as the phone reports it. */
    accuracy: Type.Optional(Type.Number({ minimum: 0, maximum: 100_000 })),
    /** When it was made on the phone (kept offline and sent later); now when absent. */
    at: Type.Optional(Timestamp()),
  },
  { additionalProperties: false },
);
export type AttendanceInput = Static<typeof AttendanceBody>;

export const DutyNowQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    /** Only checkpoints with fewer people on duty than required. */
    short: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type DutyNowQueryInput = Static<typeof DutyNowQuery>;

export const AbsenceQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    /** Local calendar dates (platform time zone) of the shift start, inclusive. */
    from: Type.Optional(CalendarDate()),
    to: Type.Optional(CalendarDate()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type AbsenceQueryInput = Static<typeof AbsenceQuery>;
