import { Type, type Static, type TSchema } from 'typebox';
import { REGION_LEVELS, type RegionLevel } from '../../../common/enums.ts';
import { Id, Text } from '../../platform/http/schemas.ts';

export interface Region {
  id: string;
  parentId: string | null;
  code: string | null;
  name: string;
  level: RegionLevel;
  path: string;
  sortOrder: number;
}

/** GB/T 2260 for city and county, the 9-digit statistical code for townships, local codes below. */
export const REGION_CODE_PATTERN = '^[0-9A-Za-z][0-9A-Za-z-]{0,31}$';
export const RegionCode = () => Type.String({ pattern: REGION_CODE_PATTERN, 'x-reason': 'field.regionCode' });

export const RegionLevelSchema = Type.Enum(REGION_LEVELS);

export const RegionOut = Type.Object({
  id: Type.String(),
  parentId: Type.Union([Type.String(), Type.Null()]),
  code: Type.Union([Type.String(), Type.Null()]),
  name: Type.String(),
  level: RegionLevelSchema,
  sortOrder: Type.Integer(),
});

export const RegionDetail = Type.Intersect([
  RegionOut,
  Type.Object({
    /** From the caller's visible root down to the parent, for breadcrumbs. */
    ancestors: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), level: RegionLevelSchema })),
    usage: Type.Object({ children: Type.Integer(), units: Type.Integer(), grants: Type.Integer(), records: Type.Integer() }),
  }),
]);

export interface TreeNode {
  id: string;
  code: string | null;
  name: string;
  level: RegionLevel;
  children: TreeNode[];
}

/** Levels are fixed (city … grid), so the tree is at most five deep: spelt out, no `$ref` needed. */
function treeNodeSchema(depth: number): TSchema {
  return Type.Object({
    id: Type.String(),
    code: Type.Union([Type.String(), Type.Null()]),
    name: Type.String(),
    level: RegionLevelSchema,
    children: Type.Array(depth > 1 ? treeNodeSchema(depth - 1) : Type.Object({}), depth > 1 ? {} : { maxItems: 0 }),
  });
}
export const TreeOut = Type.Object({ items: Type.Array(treeNodeSchema(REGION_LEVELS.length)) });

export const CreateRegionBody = Type.Object(
  {
    parentId: Type.Union([Id(), Type.Null()]),
    name: Text(60),
    code: Type.Optional(Type.Union([RegionCode(), Type.Null()])),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
);
export type CreateRegionInput = Static<typeof CreateRegionBody>;

export const UpdateRegionBody = Type.Object(
  {
    name: Type.Optional(Text(60)),
    code: Type.Optional(Type.Union([RegionCode(), Type.Null()])),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateRegionInput = Static<typeof UpdateRegionBody>;

export const MoveRegionBody = Type.Object({ parentId: Id() }, { additionalProperties: false });

export const ImportResult = Type.Object({ created: Type.Integer(), updated: Type.Integer(), unchanged: Type.Integer() });
