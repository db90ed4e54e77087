import type { Kysely } from 'kysely';

/**
 * Inspections, the issue ledger and the passage log: inspection groups (their members hold the
 * inspector role over the group's area through grants the group keeps), visits with a mark per
 * rostered person, field issues with their timeline, passage entries at checkpoints, the
 * follow-up tasks a fever or a risk-area arrival creates for a community, and the risk-area list.
 * Times are ISO-8601 UTC text; dates are local `YYYY-MM-DD`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Grants an inspection group keeps in step with its members and area; null: given by hand.
  await db.schema.alterTable('role_grants').addColumn('inspection_group_id', 'text').execute();
  // An inspector found the person absent: absence wins over a check-in (no hours are counted).
  await db.schema.alterTable('roster_assignments').addColumn('absent_inspection_id', 'text').execute();

  await db.schema
    .createTable('inspection_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // liaison | discipline
    .addColumn('kind', 'text', (c) => c.notNull())
    // The region that set the group up: who manages it.
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('leader_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspection_groups_region').on('inspection_groups').column('region_id').execute();

  await db.schema
    .createTable('inspection_group_regions')
    .addColumn('group_id', 'text', (c) => c.notNull().references('inspection_groups.id').onDelete('cascade'))
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addPrimaryKeyConstraint('inspection_group_regions_pk', ['group_id', 'region_id'])
    .execute();

  await db.schema
    .createTable('inspection_group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('inspection_groups.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('inspection_group_members_pk', ['group_id', 'account_id'])
    .execute();
  await db.schema.createIndex('inspection_group_members_account').on('inspection_group_members').column('account_id').execute();

  await db.schema
    .createTable('inspections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('checkpoint_id', 'text', (c) => c.notNull().references('checkpoints.id'))
    // The checkpoint's region at the visit, for scope and coverage without a join.
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('group_id', 'text', (c) => c.references('inspection_groups.id'))
    .addColumn('inspector_account_id', 'text', (c) => c.notNull().references('accounts.id'))
    // When the inspector was there (the phone's clock at the visit); created_at is when it arrived.
    .addColumn('visited_at', 'text', (c) => c.notNull())
    .addColumn('visited_on', 'text', (c) => c.notNull())
    // 1–5 each
    .addColumn('rating_staffing', 'integer', (c) => c.notNull())
    .addColumn('rating_supplies', 'integer', (c) => c.notNull())
    .addColumn('rating_registration', 'integer', (c) => c.notNull())
    .addColumn('rating_attitude', 'integer', (c) => c.notNull())
    .addColumn('findings', 'text')
    .addColumn('expected', 'integer', (c) => c.notNull())
    .addColumn('present', 'integer', (c) => c.notNull())
    .addColumn('absent', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inspections_checkpoint').on('inspections').columns(['checkpoint_id', 'visited_at']).execute();
  await db.schema.createIndex('inspections_region_day').on('inspections').columns(['region_id', 'visited_on']).execute();
  await db.schema
    .createIndex('inspections_inspector')
    .on('inspections')
    .columns(['inspector_account_id', 'visited_at'])
    .execute();

  await db.schema
    .createTable('inspection_marks')
    .addColumn('inspection_id', 'text', (c) => c.notNull().references('inspections.id').onDelete('cascade'))
    .addColumn('assignment_id', 'text', (c) => c.notNull().references('roster_assignments.id'))
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    // present | absent
    .addColumn('mark', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addPrimaryKeyConstraint('inspection_marks_pk', ['inspection_id', 'assignment_id'])
    .execute();
  await db.schema.createIndex('inspection_marks_volunteer').on('inspection_marks').columns(['volunteer_id', 'mark']).execute();

  await db.schema
    .createTable('field_issues')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Short reference for phone calls and the printed summary: WT + local date + sequence.
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    // Where the problem is: a region, and a checkpoint when it is at one.
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('checkpoint_id', 'text', (c) => c.references('checkpoints.id'))
    .addColumn('inspection_id', 'text', (c) => c.references('inspections.id'))
    .addColumn('raised_by', 'text', (c) => c.notNull().references('accounts.id'))
    // The region whose managers own it, and optionally the unit that must act.
    .addColumn('owner_region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('owner_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('deadline', 'text', (c) => c.notNull())
    // open | in_progress | resolved | verified
    .addColumn('status', 'text', (c) => c.notNull())
    // Levels above the owner region it has climbed while overdue, and the region it sits with now.
    .addColumn('escalation_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('escalated_region_id', 'text', (c) => c.references('regions.id'))
    .addColumn('resolution', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('verified_at', 'text')
    .addColumn('verified_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('field_issues_region').on('field_issues').columns(['region_id', 'status']).execute();
  await db.schema.createIndex('field_issues_owner').on('field_issues').columns(['owner_region_id', 'status']).execute();
  await db.schema.createIndex('field_issues_deadline').on('field_issues').columns(['status', 'deadline']).execute();
  await db.schema.createIndex('field_issues_raised_by').on('field_issues').column('raised_by').execute();

  await db.schema
    .createTable('field_issue_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('issue_id', 'text', (c) => c.notNull().references('field_issues.id').onDelete('cascade'))
    // null: the escalation job
    .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
    // comment | status | escalated | edited
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text')
    .addColumn('body', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('field_issue_events_issue').on('field_issue_events').columns(['issue_id', 'at']).execute();

  await db.schema
    .createTable('risk_areas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // GB/T 2260 code of a province, city or county: 420000 is all of Hubei.
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // high | medium
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('passages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('checkpoint_id', 'text', (c) => c.notNull().references('checkpoints.id'))
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('accounts.id'))
    // in | out
    .addColumn('direction', 'text', (c) => c.notNull())
    // person | vehicle
    .addColumn('subject', 'text', (c) => c.notNull())
    // People passing with this entry (a vehicle's occupants).
    .addColumn('people', 'integer', (c) => c.notNull())
    // Whereabouts (DESIGN.md §5): nulled by the retention job, which sets anonymised_at.
    .addColumn('name', 'text')
    .addColumn('mobile', 'text')
    .addColumn('plate', 'text')
    .addColumn('origin_code', 'text')
    .addColumn('origin_name', 'text')
    .addColumn('from_risk_area', 'integer', (c) => c.notNull())
    // °C, one decimal; the second reading when the first was a fever.
    .addColumn('temperature', 'double precision')
    .addColumn('remeasured', 'double precision')
    .addColumn('fever', 'integer', (c) => c.notNull())
    .addColumn('purpose', 'text')
    .addColumn('leaflets', 'integer', (c) => c.notNull())
    // When it happened at the gate (the phone's clock), its local day, and when it arrived.
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('anonymised_at', 'text')
    .execute();
  // The daily counts read these two alone (covering: every counted column is in the index), one
  // range per checkpoint or region and period, never the rows, which lie scattered over the file.
  const counted = ['subject', 'people', 'fever', 'direction', 'from_risk_area', 'leaflets'];
  await db.schema
    .createIndex('passages_checkpoint_day')
    .on('passages')
    .columns(['checkpoint_id', 'occurred_on', ...counted])
    .execute();
  await db.schema
    .createIndex('passages_region_day')
    .on('passages')
    .columns(['region_id', 'occurred_on', 'checkpoint_id', ...counted])
    .execute();
  await db.schema.createIndex('passages_recorder').on('passages').columns(['recorded_by', 'created_at']).execute();
  await db.schema.createIndex('passages_retention').on('passages').columns(['anonymised_at', 'occurred_on']).execute();

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // The community that follows the person up.
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    // fever | risk_arrival
    .addColumn('kind', 'text', (c) => c.notNull())
    // What created it: 'passage' and its id (screening visits and others later).
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('person_name', 'text')
    .addColumn('person_mobile', 'text')
    // JSON: what the person was seen with (temperature, origin, checkpoint, time).
    .addColumn('details', 'text', (c) => c.notNull())
    // open | in_progress | closed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assigned_to', 'text', (c) => c.references('accounts.id'))
    .addColumn('outcome', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('follow_ups_source')
    .on('follow_ups')
    .columns(['source_kind', 'source_id', 'kind'])
    .unique()
    .execute();
  await db.schema.createIndex('follow_ups_region').on('follow_ups').columns(['region_id', 'status']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'follow_ups',
    'passages',
    'risk_areas',
    'field_issue_events',
    'field_issues',
    'inspection_marks',
    'inspections',
    'inspection_group_members',
    'inspection_group_regions',
    'inspection_groups',
  ]) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable('roster_assignments').dropColumn('absent_inspection_id').execute();
  await db.schema.alterTable('role_grants').dropColumn('inspection_group_id').execute();
}
