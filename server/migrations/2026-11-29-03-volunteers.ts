import type { CreateTableBuilder, Kysely } from 'kysely';

/**
 * Volunteer mobilisation: pledges and their review, the volunteer registry with its service
 * record, selection quotas, teams with sub-teams and temporary party branches, and posts.
 * Lists of values (skills, availability, role tags) are JSON text: read whole, never joined on.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Columns a pledge and a volunteer share: the person as they declared themselves.
  const person = (t: CreateTableBuilder<any, any>): CreateTableBuilder<any, any> =>
    t
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('gender', 'text', (c) => c.notNull())
      // AES-256-GCM ciphertext and its HMAC blind index (DESIGN.md §5).
      .addColumn('id_number_enc', 'text', (c) => c.notNull())
      .addColumn('id_number_index', 'text', (c) => c.notNull())
      .addColumn('mobile', 'text', (c) => c.notNull())
      .addColumn('party_member', 'integer', (c) => c.notNull())
      .addColumn('party_branch', 'text')
      .addColumn('unit_id', 'text', (c) => c.references('units.id'))
      // Free text when the work unit is not in the registry.
      .addColumn('unit_name', 'text')
      .addColumn('home_address', 'text', (c) => c.notNull())
      // The home grid (or community): the region the record is scoped by.
      .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
      .addColumn('skills', 'text', (c) => c.notNull())
      .addColumn('availability', 'text', (c) => c.notNull());

  await person(
    db.schema
      .createTable('pledges')
      .addColumn('id', 'text', (c) => c.primaryKey())
      // Short code the submitter quotes on the phone; the status link carries a secret token.
      .addColumn('reference', 'text', (c) => c.notNull().unique())
      .addColumn('status_token_hash', 'text', (c) => c.notNull().unique())
      .addColumn('status', 'text', (c) => c.notNull()),
  )
    .addColumn('health_fever', 'integer', (c) => c.notNull())
    .addColumn('health_risk_contact', 'integer', (c) => c.notNull())
    .addColumn('health_note', 'text')
    .addColumn('pledge_text', 'text')
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('decision_reason', 'text')
    .addColumn('volunteer_id', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pledges_id_number').on('pledges').column('id_number_index').unique().execute();
  await db.schema.createIndex('pledges_status_submitted').on('pledges').columns(['status', 'submitted_at']).execute();
  await db.schema.createIndex('pledges_region').on('pledges').column('region_id').execute();
  await db.schema.createIndex('pledges_unit').on('pledges').column('unit_id').execute();

  await person(
    db.schema
      .createTable('volunteers')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('pledge_id', 'text', (c) => c.unique().references('pledges.id'))
      .addColumn('account_id', 'text', (c) => c.unique().references('accounts.id')),
  )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('status_since', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('volunteers_id_number').on('volunteers').column('id_number_index').unique().execute();
  await db.schema.createIndex('volunteers_region_name').on('volunteers').columns(['region_id', 'name']).execute();
  await db.schema.createIndex('volunteers_unit').on('volunteers').column('unit_id').execute();
  await db.schema.createIndex('volunteers_mobile').on('volunteers').column('mobile').execute();

  await db.schema
    .createTable('volunteer_status_changes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_account_id', 'text', (c) => c.references('accounts.id'))
    .execute();
  await db.schema
    .createIndex('volunteer_status_changes_volunteer')
    .on('volunteer_status_changes')
    .column('volunteer_id')
    .execute();

  // One row per thing a volunteer did; later features add rows through the volunteers service.
  await db.schema
    .createTable('service_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // What the entry comes from (a duty, an errand…); (kind, source_id) is unique so recording twice is harmless.
    .addColumn('source_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('hours', 'real')
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .execute();
  await db.schema
    .createIndex('service_records_volunteer')
    .on('service_records')
    .columns(['volunteer_id', 'occurred_on'])
    .execute();
  await db.schema.createIndex('service_records_source').on('service_records').columns(['kind', 'source_id']).unique().execute();

  // Selection quotas: at most `quota` approved volunteers from a unit, or with a home in a region.
  await db.schema
    .createTable('pledge_quotas')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.unique().references('units.id').onDelete('cascade'))
    .addColumn('region_id', 'text', (c) => c.unique().references('regions.id').onDelete('cascade'))
    .addColumn('quota', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('leader_volunteer_id', 'text', (c) => c.references('volunteers.id'))
    .addColumn('description', 'text')
    // The temporary party branch (临时党支部), at most one per team: its members are flagged on team_members.
    .addColumn('branch_name', 'text')
    .addColumn('branch_secretary_id', 'text', (c) => c.references('volunteers.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('teams_region_name').on('teams').columns(['region_id', 'name']).unique().execute();
  await db.schema.createIndex('teams_parent').on('teams').column('parent_team_id').execute();
  await db.schema.createIndex('teams_leader').on('teams').column('leader_volunteer_id').execute();

  await db.schema
    .createTable('team_members')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('role_tags', 'text', (c) => c.notNull())
    .addColumn('in_branch', 'integer', (c) => c.notNull())
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_members_pk', ['team_id', 'volunteer_id'])
    .execute();
  await db.schema.createIndex('team_members_volunteer').on('team_members').column('volunteer_id').execute();

  await db.schema
    .createTable('posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
    // Filled once checkpoints exist; no foreign key across the feature boundary yet.
    .addColumn('checkpoint_id', 'text')
    .addColumn('description', 'text')
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('posts_region').on('posts').column('region_id').execute();
  await db.schema.createIndex('posts_volunteer').on('posts').column('volunteer_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'posts',
    'team_members',
    'teams',
    'pledge_quotas',
    'service_records',
    'volunteer_status_changes',
    'volunteers',
    'pledges',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
