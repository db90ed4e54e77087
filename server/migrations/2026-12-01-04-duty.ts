import type { Kysely } from 'kysely';

/**
 * Checkpoints and duty: the checkpoint registry with its shift pattern, rosters of shifts and
 * assignments (with on-post attendance on the assignment itself), changes to published rosters,
 * swap requests, and the per-account notification inbox. Times are ISO-8601 UTC text; shift
 * patterns are JSON text read whole.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('checkpoints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('address', 'text')
    .addColumn('lat', 'double precision')
    .addColumn('lng', 'double precision')
    .addColumn('risk', 'integer', (c) => c.notNull())
    // 1: open around the clock; 0: open from opens_at to closes_at (HH:MM, local time).
    .addColumn('hours24', 'integer', (c) => c.notNull())
    .addColumn('opens_at', 'text')
    .addColumn('closes_at', 'text')
    // JSON array of { start: 'HH:MM', end: 'HH:MM', people: n }; end <= start crosses midnight.
    .addColumn('shift_pattern', 'text', (c) => c.notNull())
    // When set, only members of this team (or its sub-teams) are rostered here.
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    // Printed on the placard: identifies the checkpoint in the check-in link (not a secret).
    .addColumn('check_in_code', 'text', (c) => c.notNull().unique())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('checkpoints_region_name').on('checkpoints').columns(['region_id', 'name']).unique().execute();

  await db.schema
    .createTable('rosters')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    // 0 while a draft; 1 at publication, +1 for every change after it (roster_changes).
    .addColumn('version', 'integer', (c) => c.notNull())
    // JSON: the hard rules and attendance windows the roster was made and is checked with.
    .addColumn('rules', 'text', (c) => c.notNull())
    // JSON: the optimiser's report at the last generation (distance, load, cohesion, timings).
    .addColumn('generation', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rosters_region_dates').on('rosters').columns(['region_id', 'starts_on']).execute();

  await db.schema
    .createTable('roster_shifts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('roster_id', 'text', (c) => c.notNull().references('rosters.id').onDelete('cascade'))
    .addColumn('checkpoint_id', 'text', (c) => c.notNull().references('checkpoints.id'))
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('required', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('roster_shifts_roster').on('roster_shifts').columns(['roster_id', 'starts_at']).execute();
  await db.schema.createIndex('roster_shifts_checkpoint').on('roster_shifts').columns(['checkpoint_id', 'starts_at']).execute();

  await db.schema
    .createTable('roster_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('roster_id', 'text', (c) => c.notNull().references('rosters.id').onDelete('cascade'))
    .addColumn('shift_id', 'text', (c) => c.notNull().references('roster_shifts.id').onDelete('cascade'))
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    // optimiser | planner | swap
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    // On-post attendance (到岗): check-in and check-out with the phone's position when it gave one.
    .addColumn('checked_in_at', 'text')
    .addColumn('check_in_lat', 'double precision')
    .addColumn('check_in_lng', 'double precision')
    .addColumn('check_in_accuracy', 'double precision')
    .addColumn('checked_out_at', 'text')
    .addColumn('check_out_lat', 'double precision')
    .addColumn('check_out_lng', 'double precision')
    .addColumn('check_out_accuracy', 'double precision')
    // 1 when the check-out was closed by the job at the end of the check-out window.
    .addColumn('auto_closed', 'integer', (c) => c.notNull().defaultTo(0))
    // Set by the absence job when nobody checked in within the grace period.
    .addColumn('absent_at', 'text')
    .addColumn('hours', 'double precision')
    .execute();
  await db.schema
    .createIndex('roster_assignments_shift_volunteer')
    .on('roster_assignments')
    .columns(['shift_id', 'volunteer_id'])
    .unique()
    .execute();
  await db.schema.createIndex('roster_assignments_roster').on('roster_assignments').column('roster_id').execute();
  await db.schema.createIndex('roster_assignments_volunteer').on('roster_assignments').column('volunteer_id').execute();

  await db.schema
    .createTable('roster_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('roster_id', 'text', (c) => c.notNull().references('rosters.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_account_id', 'text', (c) => c.references('accounts.id'))
    // assign | unassign | swap
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('shift_id', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull())
    .addColumn('other_shift_id', 'text')
    .addColumn('other_volunteer_id', 'text')
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('roster_changes_roster').on('roster_changes').columns(['roster_id', 'version']).execute();

  await db.schema
    .createTable('swap_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('roster_id', 'text', (c) => c.notNull().references('rosters.id').onDelete('cascade'))
    .addColumn('assignment_id', 'text', (c) => c.notNull())
    .addColumn('requester_volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('target_volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    // The target's shift given in exchange; null when the target simply takes over the shift.
    .addColumn('target_assignment_id', 'text')
    .addColumn('note', 'text')
    // pending | approved | rejected | cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('swap_requests_roster_status').on('swap_requests').columns(['roster_id', 'status']).execute();
  await db.schema.createIndex('swap_requests_requester').on('swap_requests').column('requester_volunteer_id').execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    // A message code and its JSON params: worded in the reader's language when read.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    // Path inside the web app the notification opens.
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_account').on('notifications').columns(['account_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'notifications',
    'swap_requests',
    'roster_changes',
    'roster_assignments',
    'roster_shifts',
    'rosters',
    'checkpoints',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
