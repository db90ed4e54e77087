import { sql, type Kysely } from 'kysely';

/**
 * 红色代办 ("你下单、我跑腿"): errand posts (代办岗) of grids, each staffed by a team; shops per
 * community; a catalogue of common goods; orders from households (by their personal link, or taken
 * by phone) with their items and every step; purchase runs (集中采办) bundling orders, with the
 * amount paid per shop and its receipt; money handed between volunteers and the community; and the
 * stored files (receipt and delivery photos) the server keeps. Money is integer fen (分); times
 * are ISO-8601 UTC text; dates are local `YYYY-MM-DD`; flags are integer 0/1.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Day-numbered references (JZ-20260201-0001) come from a counter a code and day: reading the
  // day's highest number let parallel writers on PostgreSQL take the same one. Seeded from the
  // references already given.
  await db.schema
    .createTable('day_refs')
    .addColumn('prefix', 'text', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();
  for (const table of ['donations', 'allocations', 'transfers']) {
    await db
      .insertInto('day_refs')
      .columns(['prefix', 'last'])
      .expression(
        db
          .selectFrom(table)
          .select([sql<string>`substr(ref, 1, 12)`.as('prefix'), sql<number>`max(cast(substr(ref, 13) as integer))`.as('last')])
          .groupBy(sql`substr(ref, 1, 12)`),
      )
      .execute();
  }

  // Photos the server keeps on disk under <data dir>/files/<id>; the row says what and whose.
  await db.schema
    .createTable('stored_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // errand_receipt | errand_proof
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    // Who may see it follows from its region.
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // 代办岗: serves a grid (or a whole community); its volunteers are the members of its team.
  await db.schema
    .createTable('errand_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    // The post's own duty phone, printed on the household card: not a person's number.
    .addColumn('phone', 'text')
    // Minutes to claim before the order escalates; null: the configured default.
    .addColumn('response_minutes', 'integer')
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('errand_posts_region').on('errand_posts').columns(['region_id', 'active']).execute();
  await db.schema.createIndex('errand_posts_team').on('errand_posts').column('team_id').execute();

  // Shops a community buys from; one may be the default for items no one assigned.
  await db.schema
    .createTable('errand_shops')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('phone', 'text')
    .addColumn('is_default', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('errand_shops_region').on('errand_shops').columns(['region_id', 'active']).execute();

  // Common goods residents order; anything else is a free-text item.
  await db.schema
    .createTable('errand_goods')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    // staples | meat_eggs | produce | dairy | medicine | protective | daily
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('unit_zh', 'text', (c) => c.notNull())
    .addColumn('unit_en', 'text', (c) => c.notNull())
    // Most one order may ask for (abuse and hoarding); the form's picker stops there.
    .addColumn('max_quantity', 'integer', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const now = new Date().toISOString();
  await db
    .insertInto('errand_goods')
    .values(
      ERRAND_GOODS.map(([code, category, nameZh, nameEn, unitZh, unitEn, max], i) => ({
        id: `goods-${code}`,
        code,
        category,
        name_zh: nameZh,
        name_en: nameEn,
        unit_zh: unitZh,
        unit_en: unitEn,
        max_quantity: max,
        sort_order: i,
        active: 1,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();

  // A purchase run (集中采办): open orders of a post bundled, bought shop by shop.
  await db.schema
    .createTable('errand_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('post_id', 'text', (c) => c.notNull().references('errand_posts.id'))
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    // open → bought (every shop's amount recorded, costs allocated to the orders)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('bought_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('errand_runs_post').on('errand_runs').columns(['post_id', 'status']).execute();
  await db.schema.createIndex('errand_runs_region').on('errand_runs').columns(['region_id', 'created_at']).execute();

  // What was paid at one shop of a run, who advanced the money, and the receipt.
  await db.schema
    .createTable('errand_run_shops')
    .addColumn('run_id', 'text', (c) => c.notNull().references('errand_runs.id'))
    .addColumn('shop_id', 'text', (c) => c.notNull().references('errand_shops.id'))
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('receipt_file_id', 'text', (c) => c.references('stored_files.id'))
    .addColumn('paid_by_volunteer_id', 'text', (c) => c.references('volunteers.id'))
    .addColumn('recorded_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('errand_run_shops_pk', ['run_id', 'shop_id'])
    .execute();

  await db.schema
    .createTable('errand_orders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    // The grid the household is in: the post and the scope follow from it.
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('household_id', 'text', (c) => c.references('households.id'))
    // An isolated person ordering through their health-report link.
    .addColumn('case_id', 'text', (c) => c.references('isolation_cases.id'))
    .addColumn('post_id', 'text', (c) => c.references('errand_posts.id'))
    // resident (their link) | staff (taken by phone)
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('contact_name', 'text', (c) => c.notNull())
    .addColumn('contact_mobile', 'text')
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    // on_delivery | prepaid | transfer
    .addColumn('payment', 'text', (c) => c.notNull())
    // new → claimed → purchasing → delivering → delivered → confirmed, or cancelled
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text', (c) => c.references('volunteers.id'))
    .addColumn('claimed_at', 'text')
    .addColumn('purchasing_at', 'text')
    .addColumn('delivering_at', 'text')
    .addColumn('delivered_at', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('cancel_reason', 'text')
    // Deadlines from the post's response time and the delivery time.
    .addColumn('claim_by', 'text', (c) => c.notNull())
    .addColumn('deliver_by', 'text', (c) => c.notNull())
    // 0: the grid's post; 1: also the community and the next grid's post.
    .addColumn('escalation_level', 'integer', (c) => c.notNull())
    .addColumn('escalated_at', 'text')
    .addColumn('run_id', 'text', (c) => c.references('errand_runs.id'))
    // What the household owes: the items' allocated costs once bought.
    .addColumn('amount_due_fen', 'integer')
    .addColumn('paid_fen', 'integer', (c) => c.notNull())
    .addColumn('paid_at', 'text')
    // The volunteer who took the money at the door (cash, or a transfer to them).
    .addColumn('collected_by', 'text', (c) => c.references('volunteers.id'))
    .addColumn('proof_note', 'text')
    .addColumn('proof_file_id', 'text', (c) => c.references('stored_files.id'))
    .addColumn('rating', 'integer')
    .addColumn('comment', 'text')
    // A complaint opens a field issue (the issue ledger): one service, not a copy.
    .addColumn('issue_id', 'text', (c) => c.references('field_issues.id'))
    .addColumn('ordered_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('errand_orders_region').on('errand_orders').columns(['region_id', 'status']).execute();
  await db.schema.createIndex('errand_orders_post').on('errand_orders').columns(['post_id', 'status']).execute();
  // The per-household daily limit.
  await db.schema.createIndex('errand_orders_household').on('errand_orders').columns(['household_id', 'ordered_on']).execute();
  await db.schema.createIndex('errand_orders_case').on('errand_orders').columns(['case_id', 'ordered_on']).execute();
  await db.schema.createIndex('errand_orders_claimed').on('errand_orders').columns(['claimed_by', 'status']).execute();
  // The escalation job: new orders past their claim deadline.
  await db.schema.createIndex('errand_orders_due').on('errand_orders').columns(['status', 'claim_by']).execute();
  await db.schema.createIndex('errand_orders_run').on('errand_orders').column('run_id').execute();
  await db.schema.createIndex('errand_orders_day').on('errand_orders').columns(['ordered_on', 'region_id']).execute();

  await db.schema
    .createTable('errand_order_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('errand_orders.id'))
    // Null for a free-text item.
    .addColumn('goods_id', 'text', (c) => c.references('errand_goods.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('quantity', 'real', (c) => c.notNull())
    .addColumn('note', 'text')
    // Where the run buys it, and its share of what that shop was paid.
    .addColumn('shop_id', 'text', (c) => c.references('errand_shops.id'))
    .addColumn('cost_fen', 'integer')
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('errand_order_items_order').on('errand_order_items').column('order_id').execute();

  // Every step of an order, as the resident's status page and the numbers read it.
  await db.schema
    .createTable('errand_order_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('order_id', 'text', (c) => c.notNull().references('errand_orders.id'))
    // created | claimed | assigned | released (given back to the post) | purchasing | delivering |
    // delivered | confirmed | cancelled | escalated | bundled | paid | rated | complaint
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('detail', 'text')
    .addColumn('by_account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('errand_order_events_order').on('errand_order_events').columns(['order_id', 'at']).execute();

  // Money between a volunteer and the community: reimbursing what they advanced, or cash they
  // collected handed in. The settlement's balances are the sums.
  await db.schema
    .createTable('errand_payouts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('volunteer_id', 'text', (c) => c.notNull().references('volunteers.id'))
    // reimburse (community → volunteer) | hand_in (volunteer → community)
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('accounts.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('errand_payouts_volunteer').on('errand_payouts').columns(['volunteer_id', 'at']).execute();
  await db.schema.createIndex('errand_payouts_region').on('errand_payouts').columns(['region_id', 'at']).execute();
}

/** code, category, name (zh, en), unit (zh, en), most per order. */
const ERRAND_GOODS: readonly (readonly [string, string, string, string, string, string, number])[] = [
  ['rice', 'staples', '大米', 'Rice', '千克', 'kg', 25],
  ['flour', 'staples', '面粉', 'Flour', '千克', 'kg', 25],
  ['oil', 'staples', '食用油', 'Cooking oil', '桶', 'bottle', 2],
  ['noodles', 'staples', '挂面', 'Dried noodles', '把', 'bundle', 10],
  ['pork', 'meat_eggs', '猪肉', 'Pork', '斤', 'jin', 10],
  ['chicken', 'meat_eggs', '鸡肉', 'Chicken', '斤', 'jin', 10],
  ['eggs', 'meat_eggs', '鸡蛋', 'Eggs', '斤', 'jin', 10],
  ['vegetables', 'produce', '蔬菜', 'Vegetables', '斤', 'jin', 20],
  ['fruit', 'produce', '水果', 'Fruit', '斤', 'jin', 20],
  ['milk', 'dairy', '牛奶', 'Milk', '箱', 'case', 2],
  ['fever_medicine', 'medicine', '退烧药（非处方）', 'Fever medicine (OTC)', '盒', 'box', 2],
  ['cold_medicine', 'medicine', '感冒药（非处方）', 'Cold medicine (OTC)', '盒', 'box', 2],
  ['masks', 'protective', '口罩', 'Masks', '只', 'piece', 20],
  ['alcohol', 'protective', '75%酒精', '75% alcohol', '瓶', 'bottle', 2],
  ['disinfectant', 'protective', '84消毒液', '84 disinfectant', '瓶', 'bottle', 2],
  ['tissue', 'daily', '卫生纸', 'Toilet paper', '提', 'pack', 2],
  ['gas_refill', 'daily', '液化气代充', 'LPG refill (errand)', '罐', 'cylinder', 1],
];

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'errand_payouts',
    'errand_order_events',
    'errand_order_items',
    'errand_orders',
    'errand_run_shops',
    'errand_runs',
    'errand_goods',
    'errand_shops',
    'errand_posts',
    'stored_files',
    'day_refs',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
