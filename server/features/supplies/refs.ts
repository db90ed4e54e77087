import type { Kysely } from 'kysely';
import { nextRef as dayRef } from '../../platform/db/refs.ts';
import type { Database } from '../../platform/db/schema.ts';

/** 捐赠 JZ, 发放 (allocation) FF, 调拨 (transfer) DB: JZ-20260201-0001, numbered per day. */
const PREFIX = { donations: 'JZ', allocations: 'FF', transfers: 'DB' } as const;

export const nextRef = (q: Kysely<Database>, table: keyof typeof PREFIX, date: string): Promise<string> =>
  dayRef(q, PREFIX[table], date);
