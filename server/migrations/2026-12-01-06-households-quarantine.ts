import type { Kysely } from 'kysely';

/**
 * Households and door-to-door screening; returnees, close contacts, isolation cases with their
 * twice-daily health reports, alerts and services; and the personal links residents use without
 * an account. Personal ID numbers are sealed (AES-GCM) with a blind index, as for volunteers.
 * Times are ISO-8601 UTC text; dates are local `YYYY-MM-DD`; flags are integer 0/1.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // 一户一档: one row per dwelling, in a grid (or a community without grids).
  await db.schema
    .createTable('households')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    // 楼栋 / 单元 / 室; a village house may have only the address.
    .addColumn('building', 'text')
    .addColumn('unit', 'text')
    .addColumn('room', 'text')
    .addColumn('address', 'text', (c) => c.notNull())
    // owner | rented | vacant
    .addColumn('housing', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('households_region').on('households').columns(['region_id', 'building', 'unit', 'room']).execute();
  // The same dwelling once per region: re-importing a sheet updates instead of doubling.
  await db.schema.createIndex('households_address').on('households').columns(['region_id', 'address']).unique().execute();
  // Households per region, kept by every household write in the same transaction: screening
  // coverage reads one row per region instead of counting a county's million households.
  await db.schema
    .createTable('household_tallies')
    .addColumn('region_id', 'text', (c) => c.primaryKey().references('regions.id').onDelete('cascade'))
    .addColumn('households', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('residents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_index', 'text')
    .addColumn('mobile', 'text')
    // head | spouse | child | parent | relative | tenant | other
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('residents_household').on('residents').column('household_id').execute();
  await db.schema.createIndex('residents_id_number').on('residents').column('id_number_index').execute();

  // 入户排查
  await db.schema
    .createTable('screening_campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    // active | closed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('screening_campaigns_region').on('screening_campaigns').column('region_id').execute();

  // A grid of the campaign given to a volunteer or a team (or both).
  await db.schema
    .createTable('screening_assignments')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('screening_campaigns.id').onDelete('cascade'))
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('volunteer_id', 'text', (c) => c.references('volunteers.id'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('screening_assignments_pk', ['campaign_id', 'region_id'])
    .execute();

  await db.schema
    .createTable('screening_visits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('screening_campaigns.id'))
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    // The household's region at the visit: coverage counts without a join.
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('visited_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('visited_at', 'text', (c) => c.notNull())
    .addColumn('visited_on', 'text', (c) => c.notNull())
    // reached | not_reached (nobody opened: a revisit is due)
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('residents_present', 'integer', (c) => c.notNull())
    .addColumn('fever_count', 'integer', (c) => c.notNull())
    .addColumn('symptoms', 'integer', (c) => c.notNull())
    .addColumn('risk_return', 'integer', (c) => c.notNull())
    .addColumn('risk_origin_code', 'text')
    .addColumn('risk_returned_on', 'text')
    .addColumn('outsiders', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    // 1 for the household's latest visit in the campaign: coverage reads these only.
    .addColumn('latest', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // The latest visits of a campaign summed per region, moved by each visit in its transaction
  // (the new latest visit's findings in, the previous one's out): coverage reads these rows only.
  await db.schema
    .createTable('screening_tallies')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('screening_campaigns.id').onDelete('cascade'))
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id').onDelete('cascade'))
    .addColumn('reached', 'integer', (c) => c.notNull())
    .addColumn('not_reached', 'integer', (c) => c.notNull())
    // households with a fever or symptoms
    .addColumn('fever', 'integer', (c) => c.notNull())
    .addColumn('risk_returns', 'integer', (c) => c.notNull())
    .addColumn('outsiders', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('screening_tallies_pk', ['campaign_id', 'region_id'])
    .execute();
  await db.schema
    .createIndex('screening_visits_household')
    .on('screening_visits')
    .columns(['household_id', 'campaign_id'])
    .execute();

  // 返乡人员
  await db.schema
    .createTable('returnees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('household_id', 'text', (c) => c.references('households.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_index', 'text')
    .addColumn('mobile', 'text')
    .addColumn('address', 'text')
    .addColumn('origin_code', 'text', (c) => c.notNull())
    .addColumn('origin_name', 'text', (c) => c.notNull())
    .addColumn('from_risk_area', 'integer', (c) => c.notNull())
    .addColumn('returned_on', 'text', (c) => c.notNull())
    // rail | air | coach | car | ship | other
    .addColumn('transport', 'text', (c) => c.notNull())
    .addColumn('trip_number', 'text')
    // JSON array of exposure flags
    .addColumn('exposures', 'text', (c) => c.notNull())
    // home_isolation | health_monitoring | none: what the rules propose, and what staff confirmed
    .addColumn('proposed_measure', 'text', (c) => c.notNull())
    .addColumn('measure', 'text')
    .addColumn('measure_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('measure_at', 'text')
    // Why staff chose other than the rules proposed (required then).
    .addColumn('measure_reason', 'text')
    .addColumn('follow_up_id', 'text', (c) => c.references('follow_ups.id'))
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('anonymised_at', 'text')
    .execute();
  await db.schema.createIndex('returnees_region').on('returnees').columns(['region_id', 'returned_on']).execute();
  await db.schema.createIndex('returnees_id_number').on('returnees').column('id_number_index').execute();

  // 密切接触者
  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('household_id', 'text', (c) => c.references('households.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_index', 'text')
    .addColumn('mobile', 'text')
    .addColumn('address', 'text')
    // The source case as the notice describes it (no link: the case is often elsewhere).
    .addColumn('source_case', 'text', (c) => c.notNull())
    .addColumn('last_exposure_on', 'text', (c) => c.notNull())
    // household | work | transport | gathering | medical | other
    .addColumn('exposure_kind', 'text', (c) => c.notNull())
    .addColumn('follow_up_id', 'text', (c) => c.references('follow_ups.id'))
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('anonymised_at', 'text')
    .execute();
  await db.schema.createIndex('contacts_region').on('contacts').columns(['region_id', 'last_exposure_on']).execute();
  await db.schema.createIndex('contacts_id_number').on('contacts').column('id_number_index').execute();

  // 居家隔离 / 集中隔离
  await db.schema
    .createTable('isolation_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // Human reference printed on the card and the release notice, e.g. GL-411702-000123.
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('household_id', 'text', (c) => c.references('households.id'))
    .addColumn('returnee_id', 'text', (c) => c.references('returnees.id'))
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id'))
    .addColumn('person_name', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_index', 'text')
    .addColumn('mobile', 'text')
    .addColumn('address', 'text')
    // home | central
    .addColumn('kind', 'text', (c) => c.notNull())
    // A configured plan's code (e.g. d14); its days at opening are kept with the case.
    .addColumn('plan', 'text', (c) => c.notNull())
    .addColumn('plan_days', 'integer', (c) => c.notNull())
    // exposure | return | other: what starts_on was taken from
    .addColumn('start_basis', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'text', (c) => c.notNull())
    // The last day of isolation; extensions and early releases move it, with a reason.
    .addColumn('ends_on', 'text', (c) => c.notNull())
    // active | released | transferred
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('grid_worker_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('medical_observer_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('volunteer_id', 'text', (c) => c.references('volunteers.id'))
    .addColumn('closed_on', 'text')
    // normal | early | transferred
    .addColumn('close_kind', 'text')
    .addColumn('close_reason', 'text')
    .addColumn('hospital', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('anonymised_at', 'text')
    .execute();
  await db.schema.createIndex('isolation_cases_region').on('isolation_cases').columns(['region_id', 'status']).execute();
  await db.schema.createIndex('isolation_cases_status').on('isolation_cases').columns(['status', 'ends_on']).execute();
  await db.schema.createIndex('isolation_cases_id_number').on('isolation_cases').column('id_number_index').execute();

  // What happened to a case: opened, extended, released early, transferred, worker changed …
  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('isolation_cases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    // JSON, no personal data
    .addColumn('detail', 'text')
    .addColumn('reason', 'text')
    .addColumn('by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_events_case').on('case_events').columns(['case_id', 'at']).execute();

  // A personal link for someone without an account: 128-bit random token, only its hash kept.
  await db.schema
    .createTable('resident_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // health_report (later: errands)
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.references('isolation_cases.id'))
    .addColumn('household_id', 'text', (c) => c.references('households.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('resident_tokens_case').on('resident_tokens').column('case_id').execute();

  // 健康上报: one per case, day and slot (morning | evening).
  await db.schema
    .createTable('health_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('isolation_cases.id'))
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('slot_on', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('temperature', 'real')
    // A reading at or above the fever line asks for a second one within the hour.
    .addColumn('remeasured_temperature', 'real')
    .addColumn('remeasured_at', 'text')
    .addColumn('fever', 'integer', (c) => c.notNull())
    // JSON array: fever, dry_cough, fatigue, sore_throat, smell_taste_loss, diarrhoea
    .addColumn('symptoms', 'text', (c) => c.notNull())
    // good | fair | unwell
    .addColumn('feeling', 'text', (c) => c.notNull())
    .addColumn('help_request', 'text')
    .addColumn('late', 'integer', (c) => c.notNull())
    // The staff account that entered it on the person's behalf (by phone); null: the person did.
    .addColumn('entered_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('anonymised_at', 'text')
    .execute();
  await db.schema
    .createIndex('health_reports_slot')
    .on('health_reports')
    .columns(['case_id', 'slot_on', 'slot'])
    .unique()
    .execute();
  await db.schema.createIndex('health_reports_region').on('health_reports').columns(['region_id', 'slot_on']).execute();

  // 预警: has an owner, is closed with an outcome; escalates one level up while left open.
  await db.schema
    .createTable('alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('isolation_cases.id'))
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    // fever | remeasure | missed_slot | help
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('slot_on', 'text')
    .addColumn('slot', 'text')
    .addColumn('report_id', 'text', (c) => c.references('health_reports.id'))
    .addColumn('owner_account_id', 'text', (c) => c.references('accounts.id'))
    // 0: the case's own worker or observer; each escalation adds one (the region's managers, then up).
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('escalated_at', 'text')
    // open | closed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One alert of a kind per case and slot, so the scanning jobs can run again safely.
  await db.schema.createIndex('alerts_once').on('alerts').columns(['case_id', 'kind', 'slot_on', 'slot']).unique().execute();
  await db.schema.createIndex('alerts_region').on('alerts').columns(['region_id', 'status']).execute();
  await db.schema.createIndex('alerts_owner').on('alerts').columns(['owner_account_id', 'status']).execute();

  // Services to an isolated household, scheduled every N days for a volunteer …
  await db.schema
    .createTable('case_services')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('isolation_cases.id').onDelete('cascade'))
    // disinfection | supplies | counselling
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('every_days', 'integer', (c) => c.notNull())
    .addColumn('next_on', 'text', (c) => c.notNull())
    .addColumn('volunteer_id', 'text', (c) => c.references('volunteers.id'))
    .addColumn('note', 'text')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_services_due').on('case_services').columns(['active', 'next_on']).execute();
  await db.schema.createIndex('case_services_volunteer').on('case_services').columns(['volunteer_id', 'active']).execute();

  // … and logged when done.
  await db.schema
    .createTable('case_service_logs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('isolation_cases.id').onDelete('cascade'))
    .addColumn('service_id', 'text', (c) => c.references('case_services.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('done_at', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text', (c) => c.notNull())
    .addColumn('by_account_id', 'text', (c) => c.notNull().references('accounts.id'))
    // disinfection: area in m², agent and concentration (e.g. 含氯消毒剂 500 mg/L)
    .addColumn('area_m2', 'real')
    .addColumn('agent', 'text')
    .addColumn('concentration', 'text')
    // supplies: what was brought
    .addColumn('items', 'text')
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_service_logs_case').on('case_service_logs').columns(['case_id', 'done_at']).execute();
  await db.schema.createIndex('case_service_logs_region').on('case_service_logs').columns(['region_id', 'done_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'case_service_logs',
    'case_services',
    'alerts',
    'health_reports',
    'resident_tokens',
    'case_events',
    'isolation_cases',
    'contacts',
    'returnees',
    'screening_tallies',
    'screening_visits',
    'screening_assignments',
    'screening_campaigns',
    'residents',
    'household_tallies',
    'households',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
