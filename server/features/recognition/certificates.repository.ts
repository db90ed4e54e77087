import type { Kysely } from 'kysely';
import type { Database, ServiceCertificateTable } from '../../platform/db/schema.ts';

type Q = Kysely<Database>;

/** A certificate as stored: every column is text, `content` still JSON. */
export type CertificateRow = ServiceCertificateTable;

/** Inserts the certificate unless its code is taken; whether it went in. Never aborts the transaction on a clash. */
export async function insertCertificate(q: Q, row: CertificateRow): Promise<boolean> {
  const inserted = await q
    .insertInto('serviceCertificates')
    .values(row)
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findCertificate(q: Q, id: string): Promise<CertificateRow | undefined> {
  return q.selectFrom('serviceCertificates').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findByCode(q: Q, code: string): Promise<CertificateRow | undefined> {
  return q.selectFrom('serviceCertificates').selectAll().where('code', '=', code).executeTakeFirst();
}

/** A volunteer's certificates, newest first. */
export async function certificatesOf(q: Q, volunteerId: string): Promise<CertificateRow[]> {
  return q
    .selectFrom('serviceCertificates')
    .selectAll()
    .where('volunteerId', '=', volunteerId)
    .orderBy('issuedAt', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

/** Revokes the certificate unless it already is; the row as it is now, or undefined when it already was. */
export async function revokeCertificate(q: Q, id: string, at: string, reason: string): Promise<CertificateRow | undefined> {
  return q
    .updateTable('serviceCertificates')
    .set({ revokedAt: at, revokedReason: reason })
    .where('id', '=', id)
    .where('revokedAt', 'is', null)
    .returningAll()
    .executeTakeFirst();
}
