import type { Kysely } from 'kysely';

/**
 * Offline field app (issue 11): an entry made on a phone without network reaches the server
 * later, so the time it was made and the time it was received are two facts. Passages, screening
 * visits, disinfection logs and health reports already keep both (occurred/visited/done/reported
 * at, and created at); check-in/out and errand steps kept one, now the made time, so they gain the
 * received time. Entries that can no longer be applied as they were made (a shift reassigned
 * meanwhile, a case released meanwhile) are kept in `offline_conflicts` for staff to settle.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('roster_assignments').addColumn('check_in_received_at', 'text').execute();
  await db.schema.alterTable('roster_assignments').addColumn('check_out_received_at', 'text').execute();
  await db.schema.alterTable('errand_order_events').addColumn('received_at', 'text').execute();

  await db.schema
    .createTable('offline_conflicts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // 'shift_reassigned' | 'case_released'
    .addColumn('kind', 'text', (c) => c.notNull())
    // A message key, and its params as JSON (names and times only, no personal data).
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('reason_params', 'text', (c) => c.notNull())
    // Where it is settled: the checkpoint's region, or the case's.
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    // Who made the entry: an account, or nobody (a resident through their link).
    .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('volunteer_id', 'text', (c) => c.references('volunteers.id'))
    .addColumn('checkpoint_id', 'text', (c) => c.references('checkpoints.id'))
    .addColumn('shift_id', 'text', (c) => c.references('roster_shifts.id').onDelete('set null'))
    .addColumn('case_id', 'text', (c) => c.references('isolation_cases.id'))
    // JSON of what was sent, sealed (AES-256-GCM) when it holds health data; null once forgotten.
    .addColumn('entry', 'text')
    .addColumn('entry_sealed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('made_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    // 'open' | 'resolved'
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('resolved_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('resolved_at', 'text')
    .addColumn('resolution_note', 'text')
    .execute();
  await db.schema.createIndex('offline_conflicts_status').on('offline_conflicts').columns(['status', 'received_at']).execute();
  await db.schema.createIndex('offline_conflicts_region').on('offline_conflicts').columns(['region_id', 'received_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('offline_conflicts').execute();
  await db.schema.alterTable('errand_order_events').dropColumn('received_at').execute();
  await db.schema.alterTable('roster_assignments').dropColumn('check_out_received_at').execute();
  await db.schema.alterTable('roster_assignments').dropColumn('check_in_received_at').execute();
}
