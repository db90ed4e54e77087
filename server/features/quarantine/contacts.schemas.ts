import { Type, type Static } from 'typebox';
import { CONTACT_EXPOSURE_KINDS, type ContactExposureKind } from '../../../common/enums.ts';
import { CalendarDate, Id, Text } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';
import { CaseRefOut, personFields, personOutFields, type CaseRef, type PersonOut, type PlaceOut } from './returnees.schemas.ts';

/** A close contact (密切接触者) of a case: always isolated, at home or centrally (the case is opened apart). */
export interface Contact extends PersonOut, PlaceOut {
  id: string;
  sourceCase: string;
  lastExposureOn: string;
  exposureKind: ContactExposureKind;
  note: string | null;
  case: CaseRef | null;
  createdAt: string;
  updatedAt: string;
}

export const ContactOut = Type.Object({
  id: Type.String(),
  ...personOutFields,
  sourceCase: Type.String(),
  lastExposureOn: Type.String(),
  exposureKind: Type.Enum(CONTACT_EXPOSURE_KINDS),
  note: Nullable(Type.String()),
  case: Nullable(CaseRefOut),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const ContactList = Type.Object({ items: Type.Array(ContactOut), total: Type.Integer() });

const contactFields = {
  ...personFields,
  /** The source case as the notice describes it (often elsewhere: no link). */
  sourceCase: Text(200),
  /** Local date, not in the future. */
  lastExposureOn: CalendarDate(),
  exposureKind: Type.Enum(CONTACT_EXPOSURE_KINDS),
};

export const CreateContactBody = Type.Object(contactFields, { additionalProperties: false });
export type CreateContactInput = Static<typeof CreateContactBody>;

export const UpdateContactBody = Type.Object(
  {
    regionId: Type.Optional(contactFields.regionId),
    householdId: contactFields.householdId,
    name: Type.Optional(contactFields.name),
    idNumber: contactFields.idNumber,
    mobile: contactFields.mobile,
    address: contactFields.address,
    note: contactFields.note,
    sourceCase: Type.Optional(contactFields.sourceCase),
    lastExposureOn: Type.Optional(contactFields.lastExposureOn),
    exposureKind: Type.Optional(contactFields.exposureKind),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateContactInput = Static<typeof UpdateContactBody>;

export const ContactQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    /** Last-exposure dates, local, inclusive. */
    from: Type.Optional(CalendarDate()),
    to: Type.Optional(CalendarDate()),
    exposureKind: Type.Optional(Type.Enum(CONTACT_EXPOSURE_KINDS)),
    /** Only those with (true) or without (false) an isolation case. */
    hasCase: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type ContactQueryInput = Static<typeof ContactQuery>;
