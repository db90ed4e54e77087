/**
 * The public errand ledger of a community (代办公示): purchase runs with what each shop was paid,
 * and orders with what they cost and paid, names masked. Nothing else personal.
 */
import { Type, type Static } from 'typebox';
import { ERRAND_STATUSES } from '../../../common/enums.ts';
import { CalendarDate } from '../../platform/http/schemas.ts';
import { RegionCode } from '../regions/regions.schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

export const ErrandLedgerParams = Type.Object({ code: RegionCode() }, { additionalProperties: false });

export const ErrandLedgerQuery = Type.Object(
  { from: Type.Optional(CalendarDate()), to: Type.Optional(CalendarDate()) },
  { additionalProperties: false },
);
export type ErrandLedgerQueryInput = Static<typeof ErrandLedgerQuery>;

export const ErrandLedgerOut = Type.Object({
  region: Type.Object({ code: Type.String(), name: Type.String() }),
  from: Type.String(),
  to: Type.String(),
  generatedAt: Type.String(),
  runs: Type.Array(
    Type.Object({
      ref: Type.String(),
      on: Type.String(),
      postName: Type.String(),
      bought: Type.Boolean(),
      orders: Type.Integer(),
      shops: Type.Array(Type.Object({ name: Type.String(), amountFen: Type.Integer(), hasReceipt: Type.Boolean() })),
      totalFen: Type.Integer(),
    }),
  ),
  orders: Type.Array(
    Type.Object({
      ref: Type.String(),
      on: Type.String(),
      /** 王** : the family name only. */
      name: Type.String(),
      status: Type.Enum(ERRAND_STATUSES),
      runRef: Nullable(Type.String()),
      amountDueFen: Nullable(Type.Integer()),
      paidFen: Type.Integer(),
    }),
  ),
  totals: Type.Object({
    orders: Type.Integer(),
    delivered: Type.Integer(),
    runs: Type.Integer(),
    boughtFen: Type.Integer(),
    dueFen: Type.Integer(),
    paidFen: Type.Integer(),
  }),
  truncated: Type.Boolean(),
});
export type ErrandLedger = Static<typeof ErrandLedgerOut>;
