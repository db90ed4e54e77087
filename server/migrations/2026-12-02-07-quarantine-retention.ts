import { sql, type Kysely } from 'kysely';

/**
 * One active isolation case per person, held by the database as well: the check in the opening
 * transaction leaves two simultaneous openings a window under PostgreSQL's read committed, so the
 * second insert is refused here and the opening answers with the case that won. The keys are the
 * ones the check uses: the ID number's blind index when known, else name and mobile.
 *
 * Retention of returnees and close contacts: their anonymising job looks for rows by start date
 * among those not yet anonymised, and for cases still naming them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('isolation_cases_active_id_number')
    .on('isolation_cases')
    .column('id_number_index')
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .where(sql.ref('id_number_index'), 'is not', null)
    .execute();
  await db.schema
    .createIndex('isolation_cases_active_person')
    .on('isolation_cases')
    .columns(['person_name', 'mobile'])
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .where(sql.ref('id_number_index'), 'is', null)
    .where(sql.ref('mobile'), 'is not', null)
    .execute();
  await db.schema.createIndex('isolation_cases_returnee').on('isolation_cases').column('returnee_id').execute();
  await db.schema.createIndex('isolation_cases_contact').on('isolation_cases').column('contact_id').execute();
  await db.schema.createIndex('returnees_retention').on('returnees').columns(['anonymised_at', 'returned_on']).execute();
  await db.schema.createIndex('contacts_retention').on('contacts').columns(['anonymised_at', 'last_exposure_on']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    'contacts_retention',
    'returnees_retention',
    'isolation_cases_contact',
    'isolation_cases_returnee',
    'isolation_cases_active_person',
    'isolation_cases_active_id_number',
  ]) {
    await db.schema.dropIndex(name).execute();
  }
}
