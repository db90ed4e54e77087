/** Certificates of service (志愿服务证明): issued from the service record, kept as printed. */
import { Type, type Static } from 'typebox';
import { CalendarDate, Id, Text, Timestamp } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';
import { KindCounts } from './rankings.schemas.ts';

export const IssueCertificateBody = Type.Object(
  {
    /**
     * Service dates, both included. `from` defaults to the volunteer's first entry, `to` to today;
     * neither after today, `to` not before `from` (422 on the field). A period without entries is
     * 422 `CERTIFICATE_EMPTY`.
     */
    from: Type.Optional(CalendarDate()),
    to: Type.Optional(CalendarDate()),
    /** Who issues it, as signed under the text, e.g. 驿城区新冠肺炎疫情防控指挥部. */
    issuer: Text(60),
  },
  { additionalProperties: false },
);
export type IssueCertificateInput = Static<typeof IssueCertificateBody>;

export const RevokeCertificateBody = Type.Object({ reason: Text(200) }, { additionalProperties: false });
export type RevokeCertificateInput = Static<typeof RevokeCertificateBody>;

export const CertificateCodeParams = Type.Object(
  { code: Type.String({ pattern: '^[0-9A-Z]{16}$', 'x-reason': 'field.certificate.code' }) },
  { additionalProperties: false },
);

/** What is printed, frozen at issue. */
export const CertificateContentOut = Type.Object({
  name: Type.String(),
  unitName: Nullable(Type.String()),
  regionName: Type.String(),
  partyMember: Type.Boolean(),
  hours: Type.Number(),
  entries: Type.Integer(),
  byKind: KindCounts,
  /** Commendations within the period, oldest first. */
  commendations: Type.Array(Type.Object({ title: Type.String(), reason: Nullable(Type.String()), occurredOn: CalendarDate() })),
});
export type CertificateContent = Static<typeof CertificateContentOut>;

export const CertificateOut = Type.Object({
  id: Id(),
  volunteerId: Id(),
  /** 16 characters of 0-9 A-Z (issued ones leave out 0, 1, I and O), printed in groups of four and in the QR code. */
  code: Type.String(),
  /** The public check page the QR code opens: `/c/{code}`. */
  verifyPath: Type.String(),
  periodFrom: CalendarDate(),
  periodTo: CalendarDate(),
  issuer: Type.String(),
  issuedAt: Timestamp(),
  revokedAt: Nullable(Timestamp()),
  revokedReason: Nullable(Type.String()),
  content: CertificateContentOut,
});
export type Certificate = Static<typeof CertificateOut>;

export const CertificateListOut = Type.Object({ items: Type.Array(CertificateOut) });

/** The public check of a certificate's code: enough to match the paper, the name masked. */
export const CertificateCheckOut = Type.Object({
  code: Type.String(),
  valid: Type.Boolean(),
  name: Type.String(),
  unitName: Nullable(Type.String()),
  regionName: Type.String(),
  periodFrom: CalendarDate(),
  periodTo: CalendarDate(),
  hours: Type.Number(),
  entries: Type.Integer(),
  commendations: Type.Array(Type.String()),
  issuer: Type.String(),
  issuedOn: CalendarDate(),
  revokedOn: Nullable(CalendarDate()),
});
export type CertificateCheck = Static<typeof CertificateCheckOut>;
