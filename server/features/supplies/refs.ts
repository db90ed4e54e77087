import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';
import { lastRef } from './stock.repository.ts';

/** 捐赠 JZ, 发放 (allocation) FF, 调拨 (transfer) DB: JZ-20260201-0001, numbered per day. */
const PREFIX = { donations: 'JZ', allocations: 'FF', transfers: 'DB' } as const;

export async function nextRef(q: Kysely<Database>, table: keyof typeof PREFIX, date: string): Promise<string> {
  const prefix = `${PREFIX[table]}-${date.replaceAll('-', '')}-`;
  return `${prefix}${String((await lastRef(q, table, prefix)) + 1).padStart(4, '0')}`;
}

/** Runs a write again when a parallel one took the same day's number first (the unique index said so). */
export async function withFreshRef<T>(write: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await write();
    } catch (e) {
      if (attempt < 4 && isUniqueViolation(e)) continue;
      throw e;
    }
  }
}
