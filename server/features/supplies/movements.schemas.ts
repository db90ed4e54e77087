/** Donations in, allocations out and transfers between stores: each a set of stock movements. */
import { Type, type Static } from 'typebox';
import { ALLOCATION_STATUSES, ALLOCATION_TARGETS, DONOR_KINDS } from '../../../common/enums.ts';
import { CalendarDate, Id, Mobile, Text } from '../../platform/http/schemas.ts';
import { LineOut, Lines, Nullable, Ref, ReversalOut, StoreRef } from './supplies.schemas.ts';

const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
};

export const DonationOut = Type.Object({
  id: Type.String(),
  ref: Type.String(),
  store: StoreRef,
  donorKind: Type.Enum(DONOR_KINDS),
  donorName: Type.String(),
  donorUnit: Nullable(Ref),
  /** Masked (138****1234) unless revealed. */
  donorMobile: Nullable(Type.String()),
  /** Shown as 爱心单位 / 爱心人士 in the public ledger. */
  anonymous: Type.Boolean(),
  receivedBy: Ref,
  receivedOn: Type.String(),
  note: Nullable(Type.String()),
  lines: Type.Array(LineOut),
  reversal: Nullable(ReversalOut),
  createdAt: Type.String(),
});
export type Donation = Static<typeof DonationOut>;

export const DonationList = Type.Object({ items: Type.Array(DonationOut), total: Type.Integer() });

export const CreateDonationBody = Type.Object(
  {
    storeId: Id(),
    donorKind: Type.Enum(DONOR_KINDS),
    /** Optional when the donor is one of our units (its name is taken). */
    donorName: Type.Optional(Text(60)),
    donorUnitId: Type.Optional(Id()),
    donorMobile: Type.Optional(Mobile()),
    anonymous: Type.Optional(Type.Boolean()),
    receivedOn: CalendarDate(),
    note: Type.Optional(Text(300)),
    lines: Lines,
  },
  { additionalProperties: false },
);
export type CreateDonationInput = Static<typeof CreateDonationBody>;

export const DonationQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    storeId: Type.Optional(Id()),
    from: Type.Optional(CalendarDate()),
    to: Type.Optional(CalendarDate()),
    ...Paging,
  },
  { additionalProperties: false },
);
export type DonationQueryInput = Static<typeof DonationQuery>;

export const RevealedMobile = Type.Object({ donorMobile: Nullable(Type.String()) });

export const TargetOut = Type.Object({
  kind: Type.Enum(ALLOCATION_TARGETS),
  id: Type.String(),
  name: Type.String(),
  regionName: Type.String(),
});

export const AllocationOut = Type.Object({
  id: Type.String(),
  ref: Type.String(),
  store: StoreRef,
  target: TargetOut,
  purpose: Nullable(Type.String()),
  status: Type.Enum(ALLOCATION_STATUSES),
  sentBy: Ref,
  sentAt: Type.String(),
  confirmedBy: Nullable(Ref),
  confirmedAt: Nullable(Type.String()),
  confirmNote: Nullable(Type.String()),
  lines: Type.Array(LineOut),
  reversal: Nullable(ReversalOut),
  /** Whether the caller may sign for it now. */
  canConfirm: Type.Boolean(),
});
export type Allocation = Static<typeof AllocationOut>;

export const AllocationList = Type.Object({ items: Type.Array(AllocationOut), total: Type.Integer() });
export const ToConfirmList = Type.Object({ items: Type.Array(AllocationOut) });

export const CreateAllocationBody = Type.Object(
  {
    storeId: Id(),
    toKind: Type.Enum(ALLOCATION_TARGETS),
    /** The checkpoint, team, region or household, as `toKind` says. */
    toId: Id(),
    purpose: Type.Optional(Text(200)),
    lines: Lines,
  },
  { additionalProperties: false },
);
export type CreateAllocationInput = Static<typeof CreateAllocationBody>;

export const AllocationQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    storeId: Type.Optional(Id()),
    status: Type.Optional(Type.Enum(ALLOCATION_STATUSES)),
    toKind: Type.Optional(Type.Enum(ALLOCATION_TARGETS)),
    from: Type.Optional(CalendarDate()),
    to: Type.Optional(CalendarDate()),
    ...Paging,
  },
  { additionalProperties: false },
);
export type AllocationQueryInput = Static<typeof AllocationQuery>;

export const ConfirmBody = Type.Object({ note: Type.Optional(Text(200)) }, { additionalProperties: false });
export type ConfirmInput = Static<typeof ConfirmBody>;

export const TransferOut = Type.Object({
  id: Type.String(),
  ref: Type.String(),
  from: StoreRef,
  to: StoreRef,
  note: Nullable(Type.String()),
  by: Ref,
  at: Type.String(),
  lines: Type.Array(LineOut),
  reversal: Nullable(ReversalOut),
});
export type Transfer = Static<typeof TransferOut>;

export const TransferList = Type.Object({ items: Type.Array(TransferOut), total: Type.Integer() });

export const CreateTransferBody = Type.Object(
  {
    fromStoreId: Id(),
    toStoreId: Id(),
    note: Type.Optional(Text(200)),
    lines: Lines,
  },
  { additionalProperties: false },
);
export type CreateTransferInput = Static<typeof CreateTransferBody>;

export const TransferQuery = Type.Object(
  { regionId: Type.Optional(Id()), storeId: Type.Optional(Id()), ...Paging },
  { additionalProperties: false },
);
export type TransferQueryInput = Static<typeof TransferQuery>;
