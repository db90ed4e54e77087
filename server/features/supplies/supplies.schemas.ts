/**
 * Shapes shared by the supplies routes: the catalogue item, a named reference, the lines of a
 * movement and the reversal of one. The item answers carry both languages; the pages pick one.
 */
import { Type, type Static } from 'typebox';
import { SUPPLY_CATEGORIES } from '../../../common/enums.ts';
import { Text } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

/** Whole units of an item (只, 瓶, 箱): one line moves at most ten million of them. */
export const MAX_LINE_QUANTITY = 10_000_000;
export const MAX_LINES = 50;

/** Items seeded by the migration have readable ids (`item-mask_medical`); items added later get UUIDs. */
export const ItemId = () => Type.String({ pattern: '^[A-Za-z0-9_-]{1,64}$', 'x-reason': 'field.format' });
export const ItemIdParams = Type.Object({ id: ItemId() }, { additionalProperties: false });

export const ItemOut = Type.Object({
  id: Type.String(),
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  unitZh: Type.String(),
  unitEn: Type.String(),
  category: Type.Enum(SUPPLY_CATEGORIES),
  active: Type.Boolean(),
});
export type Item = Static<typeof ItemOut>;

export const Ref = Type.Object({ id: Type.String(), name: Type.String() });
export type NamedRef = Static<typeof Ref>;

export const LineIn = Type.Object(
  {
    itemId: ItemId(),
    quantity: Type.Integer({ minimum: 1, maximum: MAX_LINE_QUANTITY }),
  },
  { additionalProperties: false },
);
export type LineInput = Static<typeof LineIn>;

export const Lines = Type.Array(LineIn, { minItems: 1, maxItems: MAX_LINES });

export const LineOut = Type.Object({ item: ItemOut, quantity: Type.Integer() });
export type Line = Static<typeof LineOut>;

/** How a record recorded by mistake was undone: by whom, when, why. */
export const ReversalOut = Type.Object({ at: Type.String(), by: Ref, reason: Type.String() });
export type Reversal = Static<typeof ReversalOut>;

export const ReverseBody = Type.Object({ reason: Text(200) }, { additionalProperties: false });
export type ReverseInput = Static<typeof ReverseBody>;

export const StoreRef = Type.Object({ id: Type.String(), name: Type.String(), regionName: Type.String() });

export { Nullable };
