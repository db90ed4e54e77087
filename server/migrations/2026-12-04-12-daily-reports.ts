import { sql, type Kysely } from 'kysely';

/**
 * 疫情防控日报 (issue 10): a region's daily report as generated, kept as it was. A later generation
 * for the same region and day is a new version; the old ones stay readable. Times are ISO-8601 UTC
 * text; days are `YYYY-MM-DD`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('daily_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // A region can only be deleted once nothing is recorded in it; its reports go with it.
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id').onDelete('cascade'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('generated_at', 'text', (c) => c.notNull())
    // null: the evening job.
    .addColumn('generated_by', 'text', (c) => c.references('accounts.id'))
    // JSON: the tables as generated, never recomputed.
    .addColumn('content', 'text', (c) => c.notNull())
    .addUniqueConstraint('daily_reports_version', ['region_id', 'day', 'version'])
    .execute();
  // The evening job writes one report per region and day, however many instances run it.
  await db.schema
    .createIndex('daily_reports_job_once')
    .on('daily_reports')
    .columns(['region_id', 'day'])
    .unique()
    .where(sql.ref('generated_by'), 'is', null)
    .execute();
  // Lists run by day.
  await db.schema.createIndex('daily_reports_day').on('daily_reports').column('day').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('daily_reports').execute();
}
