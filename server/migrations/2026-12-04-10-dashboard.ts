import type { Kysely } from 'kysely';

/**
 * The command dashboard's snapshot (issue 10): per region and Beijing day, the figures of the
 * region's whole subtree, computed by the refresh job. A dashboard read is then a handful of rows
 * instead of counts over millions of records. Times are ISO-8601 UTC text; days are `YYYY-MM-DD`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dashboard_figures')
    // A deleted region's snapshot goes with it; its ancestors keep the sums they had.
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    // JSON object of the non-zero figures; a region whose figures are all zero has no row.
    .addColumn('figures', 'text', (c) => c.notNull())
    // When these figures were last written (a refresh that changes nothing leaves the row alone).
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dashboard_figures_pk', ['region_id', 'day'])
    .execute();
  // A refresh compares a whole day's rows with its new sums.
  await db.schema.createIndex('dashboard_figures_day').on('dashboard_figures').column('day').execute();

  // The days computed and when: an empty day is still a computed day (not backfilled again), and a
  // day last computed before its end is computed once more to be complete.
  await db.schema
    .createTable('dashboard_days')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute();

  // One "figures refreshed" notice at the top reaches every dashboard below it, instead of one
  // event per community with a reader each minute.
  await db.schema
    .alterTable('events')
    .addColumn('reach_below', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('events').dropColumn('reach_below').execute();
  await db.schema.dropTable('dashboard_days').execute();
  await db.schema.dropTable('dashboard_figures').execute();
}
