import { sql, type Kysely } from 'kysely';

/**
 * How an errand order was paid, beside how the household meant to pay (`payment`, their
 * preference, which recording a payment used to overwrite). on_delivery | prepaid | transfer, null
 * while nothing is paid. Orders already paid keep what was recorded: the overwritten `payment` was
 * the method, and the preference before it is gone.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('errand_orders').addColumn('paid_method', 'text').execute();
  await db
    .updateTable('errand_orders')
    .set({ paid_method: sql.ref('payment') })
    .where('paid_at', 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('errand_orders').dropColumn('paid_method').execute();
}
