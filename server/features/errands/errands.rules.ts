import type { ErrandStatus } from '../../../common/enums.ts';

/**
 * An order's life (issue 8): new → claimed → purchasing → delivering → delivered → confirmed.
 * A claimed order may go straight to delivering (nothing to buy, or bought on the way); it may be
 * cancelled, with a reason, until it is delivered.
 */
const NEXT: Record<ErrandStatus, readonly ErrandStatus[]> = {
  new: ['claimed', 'cancelled'],
  claimed: ['purchasing', 'delivering', 'cancelled'],
  purchasing: ['delivering', 'cancelled'],
  delivering: ['delivered', 'cancelled'],
  delivered: ['confirmed'],
  confirmed: [],
  cancelled: [],
};

export const canMove = (from: ErrandStatus, to: ErrandStatus): boolean => NEXT[from].includes(to);

/** Orders someone still has to act on. */
export const OPEN_ERRAND_STATUSES: readonly ErrandStatus[] = ['new', 'claimed', 'purchasing', 'delivering'];

/** The column that keeps when an order reached a status. */
export const STATUS_AT = {
  claimed: 'claimedAt',
  purchasing: 'purchasingAt',
  delivering: 'deliveringAt',
  delivered: 'deliveredAt',
  confirmed: 'confirmedAt',
  cancelled: 'cancelledAt',
} as const satisfies Partial<Record<ErrandStatus, string>>;

/** 跑腿 PT-20260201-0001 (orders; 调拨 already has DB), 采购 CG-… (purchase runs): see platform/db/refs.ts. */
export const REF_PREFIX = { errandOrders: 'PT', errandRuns: 'CG' } as const;

/** Money is kept in fen; ¥12.50 is 1250. */
export const yuan = (fen: number): string => (fen / 100).toFixed(2);
