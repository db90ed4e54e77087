import { Type, type Static } from 'typebox';
import {
  ALERT_KINDS,
  ALERT_STATUSES,
  REPORT_SLOTS,
  type AlertKind,
  type AlertStatus,
  type ReportSlot,
} from '../../../common/enums.ts';
import { Id, Text } from '../../platform/http/schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

/** 预警: something about an isolated person that someone must act on, then close with an outcome. */
export interface Alert {
  id: string;
  caseId: string;
  caseRef: string;
  /** Masked (张*). */
  personName: string;
  regionId: string;
  regionName: string;
  kind: AlertKind;
  slotOn: string | null;
  slot: ReportSlot | null;
  reportId: string | null;
  /** The reading behind a fever or re-measure alert (the re-measure when there is one). */
  temperature: number | null;
  /** What the person asked for (help alerts). */
  helpRequest: string | null;
  owner: { accountId: string; name: string } | null;
  level: number;
  escalatedAt: string | null;
  status: AlertStatus;
  outcome: string | null;
  closedBy: { accountId: string; name: string } | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

const Person = () => Type.Object({ accountId: Type.String(), name: Type.String() });

export const AlertOut = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  caseRef: Type.String(),
  personName: Type.String(),
  regionId: Type.String(),
  regionName: Type.String(),
  kind: Type.Enum(ALERT_KINDS),
  slotOn: Nullable(Type.String()),
  slot: Nullable(Type.Enum(REPORT_SLOTS)),
  reportId: Nullable(Type.String()),
  temperature: Nullable(Type.Number()),
  helpRequest: Nullable(Type.String()),
  owner: Nullable(Person()),
  level: Type.Integer(),
  escalatedAt: Nullable(Type.String()),
  status: Type.Enum(ALERT_STATUSES),
  outcome: Nullable(Type.String()),
  closedBy: Nullable(Person()),
  closedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const AlertList = Type.Object({ items: Type.Array(AlertOut), total: Type.Integer() });

export const AlertQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    status: Type.Optional(Type.Enum(ALERT_STATUSES)),
    kind: Type.Optional(Type.Enum(ALERT_KINDS)),
    caseId: Type.Optional(Id()),
    /** Only the alerts the caller owns. */
    mine: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type AlertQueryInput = Static<typeof AlertQuery>;

export const CloseAlertBody = Type.Object({ outcome: Text(500) }, { additionalProperties: false });
export type CloseAlertInput = Static<typeof CloseAlertBody>;

/** What the health reports hand over to open an alert, inside their transaction. */
export interface OpenAlert {
  caseId: string;
  regionId: string;
  regionPath: string;
  caseRef: string;
  kind: AlertKind;
  slotOn: string;
  slot: ReportSlot;
  reportId: string | null;
  ownerAccountId: string | null;
  /** Message params for the owner's inbox: never the person. */
  params: Record<string, string | number>;
}
