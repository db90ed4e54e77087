/**
 * The public donation ledger of a county (or of the city): what came in and where it went, with
 * nothing personal in it — person donors are never named, anonymous units are not either, and a
 * household receiving supplies is only "a household" of its community.
 */
import { Type, type Static } from 'typebox';
import { ALLOCATION_TARGETS, DONOR_KINDS, REGION_LEVELS } from '../../../common/enums.ts';
import { CalendarDate } from '../../platform/http/schemas.ts';
import { RegionCode } from '../regions/regions.schemas.ts';
import { ItemOut, Nullable } from './supplies.schemas.ts';

export const LedgerParams = Type.Object({ code: RegionCode() }, { additionalProperties: false });

export const LedgerQuery = Type.Object(
  { from: Type.Optional(CalendarDate()), to: Type.Optional(CalendarDate()) },
  { additionalProperties: false },
);
export type LedgerQueryInput = Static<typeof LedgerQuery>;

const LedgerLine = Type.Object({ itemId: Type.String(), quantity: Type.Integer() });

export const LedgerOut = Type.Object({
  region: Type.Object({ code: Type.String(), name: Type.String(), level: Type.Enum(REGION_LEVELS) }),
  from: Nullable(Type.String()),
  to: Nullable(Type.String()),
  generatedAt: Type.String(),
  /** The items the entries name. */
  items: Type.Array(ItemOut),
  donations: Type.Array(
    Type.Object({
      ref: Type.String(),
      on: Type.String(),
      /** null: not named in public (a person, or a unit that asked to stay anonymous). */
      donor: Type.Object({ kind: Type.Enum(DONOR_KINDS), name: Nullable(Type.String()) }),
      storeName: Type.String(),
      lines: Type.Array(LedgerLine),
    }),
  ),
  allocations: Type.Array(
    Type.Object({
      ref: Type.String(),
      on: Type.String(),
      toKind: Type.Enum(ALLOCATION_TARGETS),
      /** The checkpoint, team or region; for a household, its community. */
      toName: Type.String(),
      confirmed: Type.Boolean(),
      storeName: Type.String(),
      lines: Type.Array(LedgerLine),
    }),
  ),
  /** Transfers that cross the region's boundary (those inside it move nothing in or out). */
  transfers: Type.Array(
    Type.Object({
      ref: Type.String(),
      on: Type.String(),
      direction: Type.Enum(['in', 'out'] as const),
      fromStore: Type.String(),
      toStore: Type.String(),
      lines: Type.Array(LedgerLine),
    }),
  ),
  totals: Type.Array(
    Type.Object({
      itemId: Type.String(),
      donated: Type.Integer(),
      allocated: Type.Integer(),
      transferredIn: Type.Integer(),
      transferredOut: Type.Integer(),
      /** In the region's stores now (whatever the period). */
      inStock: Type.Integer(),
    }),
  ),
  /** More entries than one answer carries: narrow the period. */
  truncated: Type.Boolean(),
});
export type Ledger = Static<typeof LedgerOut>;
