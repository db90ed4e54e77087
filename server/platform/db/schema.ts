/**
 * The one database type for both dialects. Columns are snake_case in SQL and camelCase here
 * (Kysely's CamelCasePlugin). Timestamps are ISO-8601 UTC text in both databases, written by
 * `nowIso()`, so they compare and sort as text. Flags are integers 0/1 in both, so the same
 * values bind on SQLite and PostgreSQL; repositories turn them into booleans.
 */
import type { Generated } from 'kysely';

export interface RegionTable {
  id: string;
  parentId: string | null;
  code: string | null;
  name: string;
  level: string;
  /** Materialised path of ids: `/rootId/…/id/`; the scope helper matches on its prefix. */
  path: string;
  sortOrder: number;
  createdAt: string;
  updatedAt: string;
}

export interface UnitTable {
  id: string;
  name: string;
  kind: string;
  regionId: string;
  contact: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AccountTable {
  id: string;
  login: string;
  name: string;
  mobile: string;
  passwordHash: string;
  status: string;
  mustChangePassword: number;
  language: string;
  createdAt: string;
  updatedAt: string;
  passwordChangedAt: string;
}

export interface RoleGrantTable {
  id: string;
  accountId: string;
  role: string;
  /** null only for `admin`, whose grant covers the whole platform. */
  regionId: string | null;
  createdAt: string;
  /** Kept in step with an inspection group's members and area; null: given by hand. */
  inspectionGroupId: string | null;
}

export interface SessionTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  accountId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actorId: string | null;
  actorLogin: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** Region path of the record, so region managers can read their own area's audit trail. */
  regionPath: string | null;
  outcome: string;
  ip: string | null;
  /** JSON text: what changed, never personal data in the clear. */
  detail: string | null;
}

export interface RateLimitTable {
  key: string;
  windowStart: string;
  count: number;
}

export interface SettingTable {
  key: string;
  value: string;
  updatedAt: string;
}

export interface IdempotencyKeyTable {
  /** The account id, or `public` for routes without a session. */
  scope: string;
  key: string;
  /** SHA-256 of method, route and body: the same key with another body is refused. */
  requestHash: string;
  state: 'in_flight' | 'done';
  statusCode: number | null;
  contentType: string | null;
  body: string | null;
  createdAt: string;
}

export interface EventTable {
  id: Generated<number>;
  at: string;
  type: string;
  /** Who may receive it: holders of this permission over `regionPath` (null: platform-wide). */
  permission: string;
  regionPath: string | null;
  /**
   * 1: also for holders of the permission anywhere below `regionPath`. Only for notices that say
   * nothing of the region's records (the dashboard's "figures refreshed"), never for a record.
   */
  reachBelow: Generated<number>;
  entityType: string | null;
  entityId: string | null;
  /** JSON text; never personal data — clients fetch details through the normal routes. */
  data: string | null;
}

export interface JobRunTable {
  job: string;
  /** The tick this run belongs to (ISO time of the slot start); (job, slot) is claimed once. */
  slot: string;
  status: 'running' | 'ok' | 'failed';
  attempts: number;
  instance: string;
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
}

/** The person as a pledge or volunteer declares themselves; see the volunteers migration. */
interface PersonColumns {
  name: string;
  gender: string;
  /** AES-256-GCM ciphertext; never leaves the server unmasked without a reveal. */
  idNumberEnc: string;
  /** HMAC blind index of the normalised ID number: exact lookups and duplicate checks. */
  idNumberIndex: string;
  mobile: string;
  partyMember: number;
  partyBranch: string | null;
  unitId: string | null;
  unitName: string | null;
  homeAddress: string;
  regionId: string;
  /** JSON array of skills. */
  skills: string;
  /** JSON array of `{ weekday, band }`. */
  availability: string;
}

export interface PledgeTable extends PersonColumns {
  id: string;
  reference: string;
  statusTokenHash: string;
  status: string;
  healthFever: number;
  healthRiskContact: number;
  healthNote: string | null;
  pledgeText: string | null;
  submittedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
  volunteerId: string | null;
  updatedAt: string;
}

export interface VolunteerTable extends PersonColumns {
  id: string;
  pledgeId: string | null;
  accountId: string | null;
  status: string;
  statusReason: string | null;
  /** Calendar date (YYYY-MM-DD, platform time zone). */
  statusSince: string;
  createdAt: string;
  updatedAt: string;
}

export interface VolunteerStatusChangeTable {
  id: string;
  volunteerId: string;
  status: string;
  reason: string | null;
  effectiveOn: string;
  at: string;
  byAccountId: string | null;
}

export interface ServiceRecordTable {
  id: string;
  volunteerId: string;
  kind: string;
  sourceId: string | null;
  title: string;
  hours: number | null;
  /** Calendar date (YYYY-MM-DD). */
  occurredOn: string;
  /** Why a commendation was given (表彰事由); null on other kinds. */
  reason: string | null;
  createdAt: string;
  createdBy: string | null;
}

/** A certificate of service (志愿服务证明) as issued; `content` is the JSON printed on it. */
export interface ServiceCertificateTable {
  id: string;
  volunteerId: string;
  regionPath: string;
  code: string;
  periodFrom: string;
  periodTo: string;
  issuer: string;
  content: string;
  issuedAt: string;
  issuedBy: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
}

export interface PledgeQuotaTable {
  id: string;
  /** Exactly one of unitId and regionId is set. */
  unitId: string | null;
  regionId: string | null;
  quota: number;
  updatedAt: string;
}

export interface TeamTable {
  id: string;
  parentTeamId: string | null;
  name: string;
  kind: string;
  regionId: string;
  leaderVolunteerId: string | null;
  description: string | null;
  branchName: string | null;
  branchSecretaryId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TeamMemberTable {
  teamId: string;
  volunteerId: string;
  /** JSON array of member role tags. */
  roleTags: string;
  inBranch: number;
  joinedAt: string;
}

export interface PostTable {
  id: string;
  kind: string;
  name: string;
  volunteerId: string;
  regionId: string;
  teamId: string | null;
  checkpointId: string | null;
  description: string | null;
  startsOn: string;
  endsOn: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CheckpointTable {
  id: string;
  name: string;
  kind: string;
  regionId: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  risk: number;
  hours24: number;
  /** 'HH:MM' local time when not open around the clock. */
  opensAt: string | null;
  closesAt: string | null;
  /** JSON array of `{ start: 'HH:MM', end: 'HH:MM', people }`; end <= start crosses midnight. */
  shiftPattern: string;
  teamId: string | null;
  status: string;
  checkInCode: string;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RosterTable {
  id: string;
  regionId: string;
  name: string;
  startsOn: string;
  endsOn: string;
  status: string;
  version: number;
  /** JSON: rules and attendance windows. */
  rules: string;
  /** JSON: the optimiser's report at the last generation. */
  generation: string | null;
  createdBy: string | null;
  publishedAt: string | null;
  publishedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RosterShiftTable {
  id: string;
  rosterId: string;
  checkpointId: string;
  startsAt: string;
  endsAt: string;
  required: number;
}

export interface RosterAssignmentTable {
  id: string;
  rosterId: string;
  shiftId: string;
  volunteerId: string;
  source: string;
  createdAt: string;
  checkedInAt: string | null;
  checkInLat: number | null;
  checkInLng: number | null;
  checkInAccuracy: number | null;
  checkedOutAt: string | null;
  checkOutLat: number | null;
  checkOutLng: number | null;
  checkOutAccuracy: number | null;
  autoClosed: Generated<number>;
  absentAt: string | null;
  hours: number | null;
  /** An inspector found the person absent: absence wins over the check-in. */
  absentInspectionId: string | null;
  /** When the check-in reached the server; checkedInAt is when it was made on the phone. */
  checkInReceivedAt: string | null;
  checkOutReceivedAt: string | null;
}

export interface RosterChangeTable {
  id: string;
  rosterId: string;
  version: number;
  at: string;
  byAccountId: string | null;
  action: string;
  shiftId: string;
  volunteerId: string;
  otherShiftId: string | null;
  otherVolunteerId: string | null;
  reason: string | null;
}

export interface SwapRequestTable {
  id: string;
  rosterId: string;
  assignmentId: string;
  requesterVolunteerId: string;
  targetVolunteerId: string;
  targetAssignmentId: string | null;
  note: string | null;
  status: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  createdAt: string;
}

export interface NotificationTable {
  id: string;
  accountId: string;
  kind: string;
  /** JSON params of the message `kind`; never personal data beyond names the reader may see. */
  params: string;
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface InspectionGroupTable {
  id: string;
  name: string;
  kind: string;
  regionId: string;
  leaderAccountId: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface InspectionGroupRegionTable {
  groupId: string;
  regionId: string;
}

export interface InspectionGroupMemberTable {
  groupId: string;
  accountId: string;
  createdAt: string;
}

export interface InspectionTable {
  id: string;
  checkpointId: string;
  regionId: string;
  groupId: string | null;
  inspectorAccountId: string;
  visitedAt: string;
  /** Local date of visitedAt. */
  visitedOn: string;
  ratingStaffing: number;
  ratingSupplies: number;
  ratingRegistration: number;
  ratingAttitude: number;
  findings: string | null;
  expected: number;
  present: number;
  absent: number;
  createdAt: string;
}

export interface InspectionMarkTable {
  inspectionId: string;
  assignmentId: string;
  volunteerId: string;
  mark: string;
  note: string | null;
}

export interface FieldIssueTable {
  id: string;
  ref: string;
  category: string;
  title: string;
  description: string | null;
  regionId: string;
  checkpointId: string | null;
  inspectionId: string | null;
  raisedBy: string;
  ownerRegionId: string;
  ownerUnitId: string | null;
  deadline: string;
  status: string;
  escalationLevel: Generated<number>;
  escalatedRegionId: string | null;
  resolution: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  verifiedAt: string | null;
  verifiedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface FieldIssueEventTable {
  id: string;
  issueId: string;
  accountId: string | null;
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
  body: string | null;
  at: string;
}

export interface RiskAreaTable {
  id: string;
  code: string;
  name: string;
  level: string;
  startsOn: string;
  endsOn: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PassageTable {
  id: string;
  checkpointId: string;
  regionId: string;
  recordedBy: string;
  direction: string;
  subject: string;
  people: number;
  name: string | null;
  mobile: string | null;
  plate: string | null;
  originCode: string | null;
  originName: string | null;
  fromRiskArea: number;
  temperature: number | null;
  remeasured: number | null;
  fever: number;
  purpose: string | null;
  leaflets: number;
  occurredAt: string;
  /** Local date of occurredAt. */
  occurredOn: string;
  createdAt: string;
  updatedAt: string;
  anonymisedAt: string | null;
}

export interface FollowUpTable {
  id: string;
  regionId: string;
  kind: string;
  sourceKind: string;
  sourceId: string;
  personName: string | null;
  personMobile: string | null;
  /** JSON: what the person was seen with. */
  details: string;
  status: string;
  assignedTo: string | null;
  outcome: string | null;
  closedAt: string | null;
  closedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface HouseholdTable {
  id: string;
  regionId: string;
  building: string | null;
  unit: string | null;
  room: string | null;
  address: string;
  housing: string;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Households per region, kept by `households.repository`'s writes. */
export interface HouseholdTallyTable {
  regionId: string;
  households: number;
}

export interface ResidentTable {
  id: string;
  householdId: string;
  name: string;
  idNumberEnc: string | null;
  idNumberIndex: string | null;
  mobile: string | null;
  relation: string;
  createdAt: string;
  updatedAt: string;
}

export interface ScreeningCampaignTable {
  id: string;
  name: string;
  regionId: string;
  startsOn: string;
  endsOn: string;
  status: string;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ScreeningAssignmentTable {
  campaignId: string;
  regionId: string;
  volunteerId: string | null;
  teamId: string | null;
  createdAt: string;
}

export interface ScreeningVisitTable {
  id: string;
  campaignId: string;
  householdId: string;
  regionId: string;
  visitedBy: string;
  visitedAt: string;
  visitedOn: string;
  outcome: string;
  residentsPresent: number;
  feverCount: number;
  symptoms: number;
  riskReturn: number;
  riskOriginCode: string | null;
  riskReturnedOn: string | null;
  outsiders: number;
  note: string | null;
  /** 1 for the household's latest visit in the campaign. */
  latest: number;
  createdAt: string;
}

/** A campaign's latest visits summed per region (the visit's region), kept by each visit. */
export interface ScreeningTallyTable {
  campaignId: string;
  regionId: string;
  reached: number;
  notReached: number;
  /** Households with a fever or symptoms. */
  fever: number;
  riskReturns: number;
  outsiders: number;
}

export interface ReturneeTable {
  id: string;
  regionId: string;
  householdId: string | null;
  name: string;
  idNumberEnc: string | null;
  idNumberIndex: string | null;
  mobile: string | null;
  address: string | null;
  originCode: string;
  originName: string;
  fromRiskArea: number;
  returnedOn: string;
  transport: string;
  tripNumber: string | null;
  /** JSON array of ExposureFlag. */
  exposures: string;
  proposedMeasure: string;
  measure: string | null;
  measureBy: string | null;
  measureAt: string | null;
  measureReason: string | null;
  followUpId: string | null;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  anonymisedAt: string | null;
}

export interface ContactTable {
  id: string;
  regionId: string;
  householdId: string | null;
  name: string;
  idNumberEnc: string | null;
  idNumberIndex: string | null;
  mobile: string | null;
  address: string | null;
  sourceCase: string;
  lastExposureOn: string;
  exposureKind: string;
  followUpId: string | null;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  anonymisedAt: string | null;
}

export interface IsolationCaseTable {
  id: string;
  ref: string;
  regionId: string;
  householdId: string | null;
  returneeId: string | null;
  contactId: string | null;
  personName: string;
  idNumberEnc: string | null;
  idNumberIndex: string | null;
  mobile: string | null;
  address: string | null;
  kind: string;
  plan: string;
  planDays: number;
  startBasis: string;
  startsOn: string;
  /** The last day of isolation. */
  endsOn: string;
  status: string;
  gridWorkerId: string | null;
  medicalObserverId: string | null;
  volunteerId: string | null;
  closedOn: string | null;
  closeKind: string | null;
  closeReason: string | null;
  hospital: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  anonymisedAt: string | null;
}

export interface CaseEventTable {
  id: string;
  caseId: string;
  kind: string;
  detail: string | null;
  reason: string | null;
  byAccountId: string | null;
  at: string;
}

export interface ResidentTokenTable {
  id: string;
  purpose: string;
  caseId: string | null;
  householdId: string | null;
  tokenHash: string;
  expiresAt: string;
  revokedAt: string | null;
  createdBy: string | null;
  createdAt: string;
}

export interface HealthReportTable {
  id: string;
  caseId: string;
  regionId: string;
  slotOn: string;
  slot: string;
  temperature: number | null;
  remeasuredTemperature: number | null;
  remeasuredAt: string | null;
  fever: number;
  /** JSON array of Symptom. */
  symptoms: string;
  feeling: string;
  helpRequest: string | null;
  late: number;
  enteredBy: string | null;
  reportedAt: string;
  createdAt: string;
  updatedAt: string;
  anonymisedAt: string | null;
}

export interface AlertTable {
  id: string;
  caseId: string;
  regionId: string;
  kind: string;
  slotOn: string | null;
  slot: string | null;
  reportId: string | null;
  ownerAccountId: string | null;
  level: number;
  escalatedAt: string | null;
  status: string;
  outcome: string | null;
  closedBy: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CaseServiceTable {
  id: string;
  caseId: string;
  kind: string;
  everyDays: number;
  nextOn: string;
  volunteerId: string | null;
  note: string | null;
  active: number;
  createdAt: string;
  updatedAt: string;
}

export interface CaseServiceLogTable {
  id: string;
  caseId: string;
  serviceId: string | null;
  kind: string;
  regionId: string;
  doneAt: string;
  doneOn: string;
  byAccountId: string;
  areaM2: number | null;
  agent: string | null;
  concentration: string | null;
  items: string | null;
  note: string | null;
  createdAt: string;
}

export interface DisinfectionPlaceTable {
  id: string;
  regionId: string;
  kind: string;
  name: string;
  address: string | null;
  areaM2: number | null;
  checkpointId: string | null;
  active: number;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface DisinfectionScheduleTable {
  id: string;
  placeId: string;
  regionId: string;
  everyDays: number;
  nextOn: string;
  teamId: string | null;
  volunteerId: string | null;
  active: number;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** At a place, or in an isolated person's home (caseId); exactly one of the two. */
export interface DisinfectionLogTable {
  id: string;
  regionId: string;
  placeId: string | null;
  scheduleId: string | null;
  caseId: string | null;
  caseServiceId: string | null;
  doneAt: string;
  doneOn: string;
  byAccountId: string;
  teamId: string | null;
  people: number;
  areaM2: number;
  agent: string;
  concentration: string | null;
  method: string;
  contactMinutes: number | null;
  note: string | null;
  signedOffBy: string | null;
  signedOffAt: string | null;
  signOffNote: string | null;
  createdAt: string;
}

export interface PublicityLogTable {
  id: string;
  regionId: string;
  checkpointId: string | null;
  material: string;
  title: string;
  quantity: number;
  place: string | null;
  doneAt: string;
  doneOn: string;
  byAccountId: string;
  teamId: string | null;
  note: string | null;
  createdAt: string;
}

export interface AnnouncementTable {
  id: string;
  regionId: string;
  title: string;
  body: string;
  publishAt: string;
  expiresAt: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SupplyItemTable {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  category: string;
  active: number;
  createdAt: string;
  updatedAt: string;
}

export interface StoreTable {
  id: string;
  regionId: string;
  name: string;
  address: string | null;
  keeperAccountId: string | null;
  active: number;
  createdAt: string;
  updatedAt: string;
}

/** The sum of the store's movements of the item; never below zero (a check constraint). */
export interface StockLevelTable {
  storeId: string;
  itemId: string;
  quantity: number;
  lowAt: number | null;
  updatedAt: string;
}

export interface DonationTable {
  id: string;
  ref: string;
  storeId: string;
  regionId: string;
  donorKind: string;
  donorName: string;
  donorUnitId: string | null;
  donorMobile: string | null;
  anonymous: number;
  receivedBy: string;
  receivedOn: string;
  note: string | null;
  reversedAt: string | null;
  createdAt: string;
}

export interface AllocationTable {
  id: string;
  ref: string;
  storeId: string;
  regionId: string;
  toKind: string;
  toCheckpointId: string | null;
  toTeamId: string | null;
  toRegionId: string | null;
  toHouseholdId: string | null;
  toRegionPath: string;
  purpose: string | null;
  status: string;
  sentBy: string;
  sentAt: string;
  confirmedBy: string | null;
  confirmedAt: string | null;
  confirmNote: string | null;
  createdAt: string;
}

export interface TransferTable {
  id: string;
  ref: string;
  fromStoreId: string;
  toStoreId: string;
  note: string | null;
  byAccountId: string;
  at: string;
  reversedAt: string | null;
  createdAt: string;
}

/** Signed: + into the store, − out of it. Never edited; undone by a reversal. */
export interface StockMovementTable {
  id: string;
  storeId: string;
  itemId: string;
  delta: number;
  kind: string;
  donationId: string | null;
  allocationId: string | null;
  transferId: string | null;
  reversesId: string | null;
  at: string;
  onDate: string;
  byAccountId: string;
  note: string | null;
  createdAt: string;
}

/** The last reference number given per code and day (`PT-20260201-`); see platform/db/refs.ts. */
export interface DayRefTable {
  prefix: string;
  last: number;
}

export interface StoredFileTable {
  id: string;
  kind: string;
  mime: string;
  sizeBytes: number;
  sha256: string;
  regionId: string;
  createdBy: string | null;
  createdAt: string;
}

export interface ErrandPostTable {
  id: string;
  regionId: string;
  teamId: string;
  name: string;
  address: string | null;
  phone: string | null;
  responseMinutes: number | null;
  active: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ErrandShopTable {
  id: string;
  regionId: string;
  name: string;
  address: string | null;
  phone: string | null;
  isDefault: number;
  active: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ErrandGoodsTable {
  id: string;
  code: string;
  category: string;
  nameZh: string;
  nameEn: string;
  unitZh: string;
  unitEn: string;
  maxQuantity: number;
  sortOrder: number;
  active: number;
  createdAt: string;
  updatedAt: string;
}

export interface ErrandRunTable {
  id: string;
  ref: string;
  postId: string;
  regionId: string;
  status: string;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
  boughtAt: string | null;
  updatedAt: string;
}

export interface ErrandRunShopTable {
  runId: string;
  shopId: string;
  amountFen: number;
  receiptFileId: string | null;
  paidByVolunteerId: string | null;
  recordedBy: string | null;
  recordedAt: string;
}

export interface ErrandOrderTable {
  id: string;
  ref: string;
  regionId: string;
  householdId: string | null;
  caseId: string | null;
  postId: string | null;
  channel: string;
  enteredBy: string | null;
  contactName: string;
  contactMobile: string | null;
  address: string;
  note: string | null;
  payment: string;
  status: string;
  claimedBy: string | null;
  claimedAt: string | null;
  purchasingAt: string | null;
  deliveringAt: string | null;
  deliveredAt: string | null;
  confirmedAt: string | null;
  cancelledAt: string | null;
  cancelReason: string | null;
  claimBy: string;
  deliverBy: string;
  escalationLevel: number;
  escalatedAt: string | null;
  runId: string | null;
  amountDueFen: number | null;
  paidFen: number;
  paidAt: string | null;
  paidMethod: string | null;
  collectedBy: string | null;
  proofNote: string | null;
  proofFileId: string | null;
  rating: number | null;
  comment: string | null;
  issueId: string | null;
  orderedOn: string;
  createdAt: string;
  updatedAt: string;
}

export interface ErrandOrderItemTable {
  id: string;
  orderId: string;
  goodsId: string | null;
  name: string;
  unit: string;
  quantity: number;
  note: string | null;
  shopId: string | null;
  costFen: number | null;
  sortOrder: number;
}

export interface ErrandOrderEventTable {
  id: string;
  orderId: string;
  kind: string;
  /** JSON object, or null. */
  detail: string | null;
  byAccountId: string | null;
  /** When the step was made (on the phone, maybe offline). */
  at: string;
  /** When the step reached the server; null on steps recorded before it was kept. */
  receivedAt: string | null;
}

export interface ErrandPayoutTable {
  id: string;
  regionId: string;
  volunteerId: string;
  direction: string;
  amountFen: number;
  note: string | null;
  recordedBy: string | null;
  at: string;
}

export interface DashboardFigureTable {
  regionId: string;
  day: string;
  /** JSON object of the region subtree's non-zero figures for the day. */
  figures: string;
  computedAt: string;
}

export interface DashboardDayTable {
  day: string;
  computedAt: string;
}

export interface DailyReportTable {
  id: string;
  regionId: string;
  day: string;
  version: number;
  generatedAt: string;
  /** null: generated by the evening job. */
  generatedBy: string | null;
  /** JSON of the report's tables as generated. */
  content: string;
}

export interface Database {
  regions: RegionTable;
  units: UnitTable;
  accounts: AccountTable;
  roleGrants: RoleGrantTable;
  sessions: SessionTable;
  auditLog: AuditLogTable;
  rateLimits: RateLimitTable;
  settings: SettingTable;
  idempotencyKeys: IdempotencyKeyTable;
  events: EventTable;
  jobRuns: JobRunTable;
  pledges: PledgeTable;
  volunteers: VolunteerTable;
  volunteerStatusChanges: VolunteerStatusChangeTable;
  serviceRecords: ServiceRecordTable;
  serviceCertificates: ServiceCertificateTable;
  pledgeQuotas: PledgeQuotaTable;
  teams: TeamTable;
  teamMembers: TeamMemberTable;
  posts: PostTable;
  checkpoints: CheckpointTable;
  rosters: RosterTable;
  rosterShifts: RosterShiftTable;
  rosterAssignments: RosterAssignmentTable;
  rosterChanges: RosterChangeTable;
  swapRequests: SwapRequestTable;
  notifications: NotificationTable;
  inspectionGroups: InspectionGroupTable;
  inspectionGroupRegions: InspectionGroupRegionTable;
  inspectionGroupMembers: InspectionGroupMemberTable;
  inspections: InspectionTable;
  inspectionMarks: InspectionMarkTable;
  fieldIssues: FieldIssueTable;
  fieldIssueEvents: FieldIssueEventTable;
  riskAreas: RiskAreaTable;
  passages: PassageTable;
  followUps: FollowUpTable;
  households: HouseholdTable;
  householdTallies: HouseholdTallyTable;
  residents: ResidentTable;
  screeningCampaigns: ScreeningCampaignTable;
  screeningAssignments: ScreeningAssignmentTable;
  screeningVisits: ScreeningVisitTable;
  screeningTallies: ScreeningTallyTable;
  returnees: ReturneeTable;
  contacts: ContactTable;
  isolationCases: IsolationCaseTable;
  caseEvents: CaseEventTable;
  residentTokens: ResidentTokenTable;
  healthReports: HealthReportTable;
  alerts: AlertTable;
  caseServices: CaseServiceTable;
  caseServiceLogs: CaseServiceLogTable;
  disinfectionPlaces: DisinfectionPlaceTable;
  disinfectionSchedules: DisinfectionScheduleTable;
  disinfectionLogs: DisinfectionLogTable;
  publicityLogs: PublicityLogTable;
  announcements: AnnouncementTable;
  supplyItems: SupplyItemTable;
  stores: StoreTable;
  stockLevels: StockLevelTable;
  donations: DonationTable;
  allocations: AllocationTable;
  transfers: TransferTable;
  stockMovements: StockMovementTable;
  dayRefs: DayRefTable;
  storedFiles: StoredFileTable;
  errandPosts: ErrandPostTable;
  errandShops: ErrandShopTable;
  errandGoods: ErrandGoodsTable;
  errandRuns: ErrandRunTable;
  errandRunShops: ErrandRunShopTable;
  errandOrders: ErrandOrderTable;
  errandOrderItems: ErrandOrderItemTable;
  errandOrderEvents: ErrandOrderEventTable;
  errandPayouts: ErrandPayoutTable;
  dashboardFigures: DashboardFigureTable;
  dashboardDays: DashboardDayTable;
  dailyReports: DailyReportTable;
  offlineConflicts: OfflineConflictTable;
}

/** An entry made offline that could not be applied as made when it arrived (features/sync). */
export interface OfflineConflictTable {
  id: string;
  kind: string;
  /** Message key; its params as JSON (names and times, no personal data). */
  reason: string;
  reasonParams: string;
  regionId: string;
  accountId: string | null;
  volunteerId: string | null;
  checkpointId: string | null;
  shiftId: string | null;
  caseId: string | null;
  /** JSON of what was sent; sealed with the PII cipher when entrySealed is 1; null once forgotten. */
  entry: string | null;
  entrySealed: number;
  madeAt: string;
  receivedAt: string;
  status: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolutionNote: string | null;
}

export type { Generated };
