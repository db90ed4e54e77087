import { Type, type Static } from 'typebox';
import { UNIT_KINDS, type UnitKind } from '../../../common/enums.ts';
import { Id, Text } from '../../platform/http/schemas.ts';

export interface Unit {
  id: string;
  name: string;
  kind: UnitKind;
  regionId: string;
  regionName: string;
  contact: string | null;
}

export const UnitKindSchema = Type.Enum(UNIT_KINDS);

export const UnitOut = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: UnitKindSchema,
  regionId: Type.String(),
  regionName: Type.String(),
  contact: Type.Union([Type.String(), Type.Null()]),
});

export const UnitList = Type.Object({ items: Type.Array(UnitOut), total: Type.Integer() });

export const UnitQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    kind: Type.Optional(UnitKindSchema),
    q: Type.Optional(Type.String({ maxLength: 60 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type UnitQueryInput = Static<typeof UnitQuery>;

export const CreateUnitBody = Type.Object(
  {
    name: Text(80),
    kind: UnitKindSchema,
    regionId: Id(),
    contact: Type.Optional(Type.Union([Text(80), Type.Null()])),
  },
  { additionalProperties: false },
);
export type CreateUnitInput = Static<typeof CreateUnitBody>;

export const UpdateUnitBody = Type.Object(
  {
    name: Type.Optional(Text(80)),
    kind: Type.Optional(UnitKindSchema),
    regionId: Type.Optional(Id()),
    contact: Type.Optional(Type.Union([Text(80), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUnitInput = Static<typeof UpdateUnitBody>;
