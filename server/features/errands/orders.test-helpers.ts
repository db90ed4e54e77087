/** Households with an errand link, written straight into their tables, for the order tests and the matrix. */
import type { Kysely } from 'kysely';
import { tokenHash } from '../../platform/auth/tokens.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { newResidentToken } from '../quarantine/resident-tokens.service.ts';

let serial = 0;

export async function insertHousehold(db: Kysely<Database>, regionId: string): Promise<{ id: string; address: string }> {
  const id = newId();
  const now = nowIso();
  const address = `幸福小区${++serial}号楼1单元101室-${id.slice(-4)}`;
  await db
    .insertInto('households')
    .values({
      id,
      regionId,
      building: null,
      unit: null,
      room: null,
      address,
      housing: 'owner',
      note: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return { id, address };
}

/** A live errand link of the household; the token. */
export async function insertErrandLink(db: Kysely<Database>, householdId: string): Promise<string> {
  const token = newResidentToken();
  await db
    .insertInto('residentTokens')
    .values({
      id: newId(),
      purpose: 'errand',
      caseId: null,
      householdId,
      tokenHash: tokenHash(token),
      expiresAt: nowIso(new Date(Date.now() + 30 * 86_400_000)),
      revokedAt: null,
      createdBy: null,
      createdAt: nowIso(),
    })
    .execute();
  return token;
}

/** A resident's order body: rice from the catalogue and one free-text item. */
export const orderBody = (over: Record<string, unknown> = {}) => ({
  items: [
    { goodsId: 'goods-rice', quantity: 5 },
    { name: '酱油', unit: '瓶', quantity: 1, note: '生抽' },
  ],
  contactName: '王秀英',
  contactMobile: '13812345678',
  payment: 'on_delivery',
  ...over,
});
