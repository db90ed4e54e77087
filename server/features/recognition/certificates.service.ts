import { findCountingMisses } from '../../platform/auth/throttle.ts';
import type { Kysely } from 'kysely';
import { SERVICE_KINDS, type ServiceKind } from '../../../common/enums.ts';
import { maskName } from '../../../common/mask.ts';
import { requireAccess, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import { printableCode } from '../../platform/printable-code.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors.ts';
import type { ServiceRecordItem } from '../volunteers/volunteers.schemas.ts';
import type { VolunteersService } from '../volunteers/volunteers.service.ts';
import * as repo from './certificates.repository.ts';
import type {
  Certificate,
  CertificateCheck,
  CertificateContent,
  IssueCertificateInput,
  RevokeCertificateInput,
} from './certificates.schemas.ts';

export type CertificatesService = ReturnType<typeof certificatesService>;

/** 80 bits: other certificates' codes cannot be found by trying. */
const CODE_LENGTH = 16;
/** A clash of 80-bit codes is not expected; a few tries turn a freak one into a retry, not an error. */
const CODE_ATTEMPTS = 3;

/** Unknown codes per client address, as the resident link pages count theirs. */
export const CHECK_MISS_LIMIT = 30;
const CHECK_MISS_WINDOW_SECONDS = 10 * 60;

const certificateVerifyPath = (code: string) => `/c/${code}`;

const newCertificateCode = () => printableCode(CODE_LENGTH);

/** Inserts the certificate under a fresh code, drawing again on a clash; the code it got. */
async function insertWithFreshCode(trx: Kysely<Database>, row: Omit<repo.CertificateRow, 'code'>): Promise<string> {
  for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
    const code = newCertificateCode();
    if (await repo.insertCertificate(trx, { ...row, code })) return code;
  }
  throw conflict();
}

/** What the certificate prints about the entries of its period. */
function contentOf(
  volunteer: { name: string; unitName: string | null; regionName: string; partyMember: boolean },
  entries: readonly ServiceRecordItem[],
): CertificateContent {
  const byKind = Object.fromEntries(SERVICE_KINDS.map((k) => [k, 0])) as Record<ServiceKind, number>;
  let hours = 0;
  for (const e of entries) {
    byKind[e.kind] += 1;
    hours += e.hours ?? 0;
  }
  return {
    name: volunteer.name,
    unitName: volunteer.unitName,
    regionName: volunteer.regionName,
    partyMember: volunteer.partyMember,
    // Sums of tenths drift in binary floating point; the paper shows hours to two places, as the record does.
    hours: Math.round(hours * 100) / 100,
    entries: entries.length,
    byKind,
    // The record lists newest first; the paper reads oldest first.
    commendations: entries
      .filter((e) => e.kind === 'commendation')
      .reverse()
      .map((e) => ({ title: e.title, reason: e.reason, occurredOn: e.occurredOn })),
  };
}

const toCertificate = (row: repo.CertificateRow): Certificate => ({
  id: row.id,
  volunteerId: row.volunteerId,
  code: row.code,
  verifyPath: certificateVerifyPath(row.code),
  periodFrom: row.periodFrom,
  periodTo: row.periodTo,
  issuer: row.issuer,
  issuedAt: row.issuedAt,
  revokedAt: row.revokedAt,
  revokedReason: row.revokedReason,
  content: JSON.parse(row.content) as CertificateContent,
});

/**
 * Certificates of service (志愿服务证明): issued by staff who may edit the volunteer, from the
 * service record of a period, and kept as printed: later entries, corrections or a move of the
 * volunteer do not change an issued certificate. Anyone holding the paper checks its code.
 */
export function certificatesService(deps: Deps, { volunteers }: { volunteers: VolunteersService }) {
  const {
    db: { db },
    events,
    rateLimiter,
    config: { timeZone },
  } = deps;

  const changed = (q: Kysely<Database>, type: string, row: repo.CertificateRow) =>
    events.publish(q, {
      type,
      permission: 'volunteers.read',
      regionPath: row.regionPath,
      entityType: 'volunteer',
      entityId: row.volunteerId,
      data: { certificateId: row.id },
    });

  /** The certificate, kept by the volunteer's region when issued; foreign and missing look the same. */
  async function visible(actor: Actor, permission: 'volunteers.read' | 'volunteers.write', id: string) {
    const row = await repo.findCertificate(db, id);
    if (!row) throw notFound();
    requireAccess(actor, permission, row.regionPath);
    return row;
  }

  return {
    async issue(actor: Actor, call: CallContext, volunteerId: string, input: IssueCertificateInput): Promise<Certificate> {
      const volunteer = await volunteers.visible(actor, 'volunteers.write', volunteerId);
      const today = calendarDate(timeZone);
      if (input.from && input.from > today) throw invalidField('from', 'field.certificate.future');
      if (input.to && input.to > today) throw invalidField('to', 'field.certificate.future');
      if (input.from && input.to && input.to < input.from) throw invalidField('to', 'field.certificate.toBeforeFrom');
      const { items } = await volunteers.serviceRecord(actor, volunteerId);
      const to = input.to ?? today;
      // No entry on or before `to`: the period is `to` alone, empty, and refused below.
      const from = input.from ?? items.reduce((first, e) => (e.occurredOn < first ? e.occurredOn : first), to);
      const entries = items.filter((e) => e.occurredOn >= from && e.occurredOn <= to);
      if (entries.length === 0) throw new AppError(422, 'CERTIFICATE_EMPTY');

      const issued = {
        id: newId(),
        volunteerId,
        regionPath: volunteer.regionPath,
        periodFrom: from,
        periodTo: to,
        issuer: input.issuer.trim(),
        content: JSON.stringify(contentOf(volunteer, entries)),
        issuedAt: nowIso(),
        issuedBy: actor.accountId,
        revokedAt: null,
        revokedReason: null,
      };
      const row = await transact(db, call, async (trx) => {
        const stored = { ...issued, code: await insertWithFreshCode(trx, issued) };
        await auditWrite(trx, call, 'certificate.issue', 'service_certificate', stored.id, stored.regionPath, {
          volunteerId,
          code: stored.code,
          periodFrom: from,
          periodTo: to,
          entries: entries.length,
        });
        await changed(trx, 'certificate.issued', stored);
        return stored;
      });
      return toCertificate(row);
    },

    async list(actor: Actor, volunteerId: string): Promise<{ items: Certificate[] }> {
      await volunteers.visible(actor, 'volunteers.read', volunteerId);
      return { items: (await repo.certificatesOf(db, volunteerId)).map(toCertificate) };
    },

    async get(actor: Actor, id: string): Promise<Certificate> {
      return toCertificate(await visible(actor, 'volunteers.read', id));
    },

    /** Withdraws a certificate (issued in error, or the service it states found untrue): its check then says so. */
    async revoke(actor: Actor, call: CallContext, id: string, input: RevokeCertificateInput): Promise<Certificate> {
      const found = await visible(actor, 'volunteers.write', id);
      if (found.revokedAt) throw conflict('CERTIFICATE_REVOKED');
      const reason = input.reason.trim();
      const row = await transact(db, call, async (trx) => {
        // Another revocation may have committed since the look-up: this one then answers as the later one.
        const updated = await repo.revokeCertificate(trx, id, nowIso(), reason);
        if (!updated) throw conflict('CERTIFICATE_REVOKED');
        await auditWrite(trx, call, 'certificate.revoke', 'service_certificate', id, updated.regionPath, {
          volunteerId: updated.volunteerId,
        });
        await changed(trx, 'certificate.revoked', updated);
        return updated;
      });
      return toCertificate(row);
    },

    /**
     * The check behind the QR code, for anyone holding the paper: no account, the code is the
     * access. It answers only what the paper already shows, with the name masked, so it is not
     * audited as a reveal of personal data. Unknown codes are counted against the caller's
     * address (429 past the limit, before the code is even looked up), so codes cannot be trawled.
     */
    async check(ip: string, code: string): Promise<CertificateCheck> {
      const row = await findCountingMisses(
        rateLimiter,
        `certificate:check:${ip}`,
        { max: CHECK_MISS_LIMIT, windowSeconds: CHECK_MISS_WINDOW_SECONDS },
        () => repo.findByCode(db, code),
        () => new AppError(404, 'CERTIFICATE_UNKNOWN'),
      );
      const content = JSON.parse(row.content) as CertificateContent;
      const dayOf = (at: string) => calendarDate(timeZone, new Date(at));
      return {
        code: row.code,
        valid: row.revokedAt === null,
        name: maskName(content.name),
        unitName: content.unitName,
        regionName: content.regionName,
        periodFrom: row.periodFrom,
        periodTo: row.periodTo,
        hours: content.hours,
        entries: content.entries,
        commendations: content.commendations.map((c) => c.title),
        issuer: row.issuer,
        issuedOn: dayOf(row.issuedAt),
        revokedOn: row.revokedAt ? dayOf(row.revokedAt) : null,
      };
    },
  };
}
