import type { Kysely } from 'kysely';
import type { ErrandGoodsCategory } from '../../../common/enums.ts';
import { toNumber } from '../../platform/db/dialect.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { Goods } from './orders.schemas.ts';

type Q = Kysely<Database>;

/** The active catalogue in its display order (the migration seeds it; changes are a migration). */
export async function activeGoods(q: Q): Promise<Goods[]> {
  const rows = await q
    .selectFrom('errandGoods')
    .select(['id', 'code', 'category', 'nameZh', 'nameEn', 'unitZh', 'unitEn', 'maxQuantity'])
    .where('active', '=', 1)
    .orderBy('sortOrder')
    .execute();
  return rows.map((r) => ({ ...r, category: r.category as ErrandGoodsCategory, maxQuantity: toNumber(r.maxQuantity) }));
}
