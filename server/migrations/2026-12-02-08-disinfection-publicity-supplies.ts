import { sql, type Kysely } from 'kysely';

/**
 * 卫生消杀, 宣传 and 物资: places to disinfect with their schedules and logs (the isolated homes'
 * disinfection visits of the quarantine feature land here too, moved out of case_service_logs so
 * there is one record of a disinfection); publicity logs and announcements to residents; the
 * supplies catalogue, stores, donations in, allocations out and transfers as stock movements.
 * Times are ISO-8601 UTC text; dates are local `YYYY-MM-DD`; flags are integer 0/1.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // A place disinfected again and again: an estate's public areas, stairwells, a market, a station.
  await db.schema
    .createTable('disinfection_places')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    // estate_public | stairwell | market | station | checkpoint | public_toilet | other
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    // The usual area of one pass: the log form starts from it.
    .addColumn('area_m2', 'real')
    .addColumn('checkpoint_id', 'text', (c) => c.references('checkpoints.id'))
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disinfection_places_region').on('disinfection_places').columns(['region_id', 'name']).execute();

  // Every N days (1: daily) by a team or a volunteer; next_on moves on when the job is logged.
  await db.schema
    .createTable('disinfection_schedules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('place_id', 'text', (c) => c.notNull().references('disinfection_places.id'))
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('every_days', 'integer', (c) => c.notNull())
    .addColumn('next_on', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('volunteer_id', 'text', (c) => c.references('volunteers.id'))
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('disinfection_schedules_place').on('disinfection_schedules').column('place_id').execute();
  // Overdue and due-today lists: active schedules by region and date.
  await db.schema
    .createIndex('disinfection_schedules_due')
    .on('disinfection_schedules')
    .columns(['region_id', 'active', 'next_on'])
    .execute();

  // One disinfection done: at a place, or in an isolated person's home (case_id, from the case's
  // service plan), never both.
  await db.schema
    .createTable('disinfection_logs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('place_id', 'text', (c) => c.references('disinfection_places.id'))
    .addColumn('schedule_id', 'text', (c) => c.references('disinfection_schedules.id'))
    .addColumn('case_id', 'text', (c) => c.references('isolation_cases.id').onDelete('cascade'))
    .addColumn('case_service_id', 'text', (c) => c.references('case_services.id'))
    .addColumn('done_at', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text', (c) => c.notNull())
    .addColumn('by_account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    // people who did it (the daily report counts people as well as operations)
    .addColumn('people', 'integer', (c) => c.notNull())
    .addColumn('area_m2', 'real', (c) => c.notNull())
    // e.g. 含氯消毒剂 at 500 mg/L
    .addColumn('agent', 'text', (c) => c.notNull())
    .addColumn('concentration', 'text')
    // spray | wipe | mop | fumigate | soak
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('contact_minutes', 'integer')
    .addColumn('note', 'text')
    .addColumn('signed_off_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('signed_off_at', 'text')
    .addColumn('sign_off_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('disinfection_logs_where', sql`(place_id is null) <> (case_id is null)`)
    .execute();
  // Covering for the totals (operations, m², people per region and period): a city's month is
  // read from the index alone, two to three times faster than through the table.
  await db.schema
    .createIndex('disinfection_logs_region')
    .on('disinfection_logs')
    .columns(['region_id', 'done_on', 'case_id', 'area_m2', 'people'])
    .execute();
  await db.schema.createIndex('disinfection_logs_place').on('disinfection_logs').columns(['place_id', 'done_at']).execute();
  await db.schema.createIndex('disinfection_logs_case').on('disinfection_logs').columns(['case_id', 'done_at']).execute();

  // The isolated homes' disinfection visits logged so far become disinfection records.
  await sql`
    insert into disinfection_logs (id, region_id, place_id, schedule_id, case_id, case_service_id, done_at, done_on,
      by_account_id, team_id, people, area_m2, agent, concentration, method, contact_minutes, note,
      signed_off_by, signed_off_at, sign_off_note, created_at)
    select id, region_id, null, null, case_id, service_id, done_at, done_on,
      by_account_id, null, 1, coalesce(area_m2, 0), coalesce(agent, ''), concentration, 'spray', null, note,
      null, null, null, created_at
    from case_service_logs where kind = 'disinfection'`.execute(db);
  await sql`delete from case_service_logs where kind = 'disinfection'`.execute(db);

  // 宣传: what was put up or handed out, how many, where, by whom.
  await db.schema
    .createTable('publicity_logs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('checkpoint_id', 'text', (c) => c.references('checkpoints.id'))
    // poster | notice | leaflet | banner | broadcast_vehicle | group_message
    .addColumn('material', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('done_at', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text', (c) => c.notNull())
    .addColumn('by_account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('publicity_logs_region').on('publicity_logs').columns(['region_id', 'done_on']).execute();

  // Staff to residents: shown on the residents' phone pages of the region's subtree while current.
  await db.schema
    .createTable('announcements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('publish_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('withdrawn_at', 'text')
    .addColumn('withdrawn_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('announcements_region').on('announcements').columns(['region_id', 'expires_at']).execute();

  // 物资: the catalogue; quantities are whole units of the item (只, 瓶, 箱, 套, 支).
  await db.schema
    .createTable('supply_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('unit_zh', 'text', (c) => c.notNull())
    .addColumn('unit_en', 'text', (c) => c.notNull())
    // protective | disinfection | medical | food | other
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  await db
    .insertInto('supply_items')
    .values(
      SUPPLY_CATALOGUE.map(([code, category, nameZh, nameEn, unitZh, unitEn]) => ({
        id: `item-${code}`,
        code,
        name_zh: nameZh,
        name_en: nameEn,
        unit_zh: unitZh,
        unit_en: unitEn,
        category,
        active: 1,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();

  // A store at city, county or community level (the region says which).
  await db.schema
    .createTable('stores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('keeper_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stores_region_name').on('stores').columns(['region_id', 'name']).unique().execute();

  // Stock of an item in a store: the sum of its movements, moved by each movement in the same
  // transaction. The check makes "never below zero" the database's rule, not only the service's.
  await db.schema
    .createTable('stock_levels')
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('supply_items.id'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    // Below this a low-stock alert is raised (null: no threshold).
    .addColumn('low_at', 'integer')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('stock_levels_pk', ['store_id', 'item_id'])
    .addCheckConstraint('stock_levels_not_negative', sql`quantity >= 0`)
    .execute();
  await db.schema.createIndex('stock_levels_item').on('stock_levels').column('item_id').execute();

  // 捐赠: who gave (a unit or a person; anonymous in public views if they wish), received by whom.
  await db.schema
    .createTable('donations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    // unit | person
    .addColumn('donor_kind', 'text', (c) => c.notNull())
    .addColumn('donor_name', 'text', (c) => c.notNull())
    .addColumn('donor_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('donor_mobile', 'text')
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('received_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    // Set when its movements were reversed (a donation recorded by mistake).
    .addColumn('reversed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('donations_region').on('donations').columns(['region_id', 'received_on']).execute();

  // 调拨: out of a store to a checkpoint, a team, a community or a household; the receiver confirms.
  await db.schema
    .createTable('allocations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    // checkpoint | team | region | household
    .addColumn('to_kind', 'text', (c) => c.notNull())
    .addColumn('to_checkpoint_id', 'text', (c) => c.references('checkpoints.id'))
    .addColumn('to_team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('to_region_id', 'text', (c) => c.references('regions.id'))
    .addColumn('to_household_id', 'text', (c) => c.references('households.id'))
    // The receiving side's region, for scope and for the public ledger ("where it went").
    .addColumn('to_region_path', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text')
    // sent | confirmed | reversed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sent_by', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('confirmed_at', 'text')
    .addColumn('confirm_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('allocations_region').on('allocations').columns(['region_id', 'sent_at']).execute();
  await db.schema.createIndex('allocations_to').on('allocations').columns(['to_region_path', 'status']).execute();

  await db.schema
    .createTable('transfers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('from_store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('to_store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('note', 'text')
    .addColumn('by_account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('reversed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Every change of stock, signed (+ in, − out); never edited: a mistake is undone by a reversal
  // (kind 'reversal', reverses_id → the movement it cancels, at most once).
  await db.schema
    .createTable('stock_movements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('store_id', 'text', (c) => c.notNull().references('stores.id'))
    .addColumn('item_id', 'text', (c) => c.notNull().references('supply_items.id'))
    .addColumn('delta', 'integer', (c) => c.notNull())
    // donation | allocation | transfer_out | transfer_in | reversal
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('donation_id', 'text', (c) => c.references('donations.id'))
    .addColumn('allocation_id', 'text', (c) => c.references('allocations.id'))
    .addColumn('transfer_id', 'text', (c) => c.references('transfers.id'))
    .addColumn('reverses_id', 'text', (c) => c.references('stock_movements.id').unique())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('by_account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addCheckConstraint('stock_movements_delta', sql`delta <> 0`)
    .execute();
  await db.schema.createIndex('stock_movements_store').on('stock_movements').columns(['store_id', 'item_id', 'at']).execute();
  await db.schema.createIndex('stock_movements_donation').on('stock_movements').column('donation_id').execute();
  await db.schema.createIndex('stock_movements_allocation').on('stock_movements').column('allocation_id').execute();
  await db.schema.createIndex('stock_movements_transfer').on('stock_movements').column('transfer_id').execute();
}

/** code, category, 名称, name, 单位, unit */
const SUPPLY_CATALOGUE: readonly (readonly [string, string, string, string, string, string])[] = [
  ['mask_medical', 'protective', '医用外科口罩', 'Surgical mask', '只', 'pcs'],
  ['mask_n95', 'protective', 'N95口罩', 'N95 respirator', '只', 'pcs'],
  ['gloves', 'protective', '一次性手套', 'Disposable gloves', '双', 'pairs'],
  ['protective_suit', 'protective', '防护服', 'Protective suit', '套', 'sets'],
  ['goggles', 'protective', '护目镜', 'Goggles', '副', 'pcs'],
  ['disinfectant_84', 'disinfection', '84消毒液', '84 disinfectant', '瓶', 'bottles'],
  ['alcohol_75', 'disinfection', '75%酒精', '75% alcohol', '瓶', 'bottles'],
  ['chlorine_tablets', 'disinfection', '含氯消毒片', 'Chlorine tablets', '瓶', 'bottles'],
  ['hand_sanitiser', 'disinfection', '免洗洗手液', 'Hand sanitiser', '瓶', 'bottles'],
  ['sprayer', 'disinfection', '喷雾器', 'Sprayer', '台', 'units'],
  ['thermometer_ir', 'medical', '红外测温枪', 'Infrared thermometer', '支', 'pcs'],
  ['thermometer', 'medical', '体温计', 'Thermometer', '支', 'pcs'],
  ['instant_noodles', 'food', '方便面', 'Instant noodles', '箱', 'cases'],
  ['sausages', 'food', '火腿肠', 'Sausages', '箱', 'cases'],
  ['bread', 'food', '面包', 'Bread', '箱', 'cases'],
  ['bottled_water', 'food', '矿泉水', 'Bottled water', '箱', 'cases'],
  ['milk', 'food', '牛奶', 'Milk', '箱', 'cases'],
  ['tent', 'other', '帐篷', 'Tent', '顶', 'pcs'],
  ['heater', 'other', '取暖器', 'Heater', '台', 'units'],
  ['armband', 'other', '红袖标', 'Red armband', '个', 'pcs'],
];

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'stock_movements',
    'transfers',
    'allocations',
    'donations',
    'stock_levels',
    'stores',
    'supply_items',
    'announcements',
    'publicity_logs',
    'disinfection_logs',
    'disinfection_schedules',
    'disinfection_places',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
