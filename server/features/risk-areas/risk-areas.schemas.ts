import { Type, type Static } from 'typebox';
import { RISK_AREA_LEVELS, type RiskAreaLevel } from '../../../common/enums.ts';
import { CalendarDate, Text } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

export type { Division } from '../../../common/divisions.ts';

/** Where people arriving from count as arrivals from a risk area, for a period. */
export interface RiskArea {
  id: string;
  /** A division's code; a province or city covers every county under it. */
  code: string;
  /** The division's full name. */
  name: string;
  level: RiskAreaLevel;
  startsOn: string;
  endsOn: string | null;
  note: string | null;
  /** In force today (platform time zone). */
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export const DivisionCode = () => Type.String({ pattern: '^\\d{6}$', 'x-reason': 'field.division.code' });

export const DivisionOut = Type.Object({
  code: Type.String(),
  name: Type.String(),
  fullName: Type.String(),
  level: Type.Union([Type.Literal('province'), Type.Literal('city'), Type.Literal('county')]),
});

export const DivisionQuery = Type.Object(
  {
    /** Part of a name ('江岸', '武汉') or the start of a code ('4201'). */
    q: Type.Optional(Text(20)),
    /** The divisions directly under this one (all provinces when absent and q is absent). */
    parent: Type.Optional(DivisionCode()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  },
  { additionalProperties: false },
);
export type DivisionQueryInput = Static<typeof DivisionQuery>;
export const DivisionList = Type.Object({ items: Type.Array(DivisionOut) });
export const DivisionParams = Type.Object({ code: DivisionCode() }, { additionalProperties: false });

export const RiskAreaLevelSchema = Type.Enum(RISK_AREA_LEVELS);

export const RiskAreaOut = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  level: RiskAreaLevelSchema,
  startsOn: Type.String(),
  endsOn: Nullable(Type.String()),
  note: Nullable(Type.String()),
  active: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const RiskAreaList = Type.Object({ items: Type.Array(RiskAreaOut) });

export const RiskAreaQuery = Type.Object({ active: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export type RiskAreaQueryInput = Static<typeof RiskAreaQuery>;

export const CreateRiskAreaBody = Type.Object(
  {
    code: DivisionCode(),
    level: RiskAreaLevelSchema,
    startsOn: CalendarDate(),
    /** Inclusive; null: until lifted. */
    endsOn: Type.Optional(Nullable(CalendarDate())),
    note: Type.Optional(Nullable(Text(200))),
  },
  { additionalProperties: false },
);
export type CreateRiskAreaInput = Static<typeof CreateRiskAreaBody>;

export const UpdateRiskAreaBody = Type.Object(
  {
    level: Type.Optional(RiskAreaLevelSchema),
    startsOn: Type.Optional(CalendarDate()),
    endsOn: Type.Optional(Nullable(CalendarDate())),
    note: Type.Optional(Nullable(Text(200))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateRiskAreaInput = Static<typeof UpdateRiskAreaBody>;
