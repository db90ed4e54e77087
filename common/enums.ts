/** Enumerations shared by API schemas and the web app. Order matters where it is a hierarchy. */

export const REGION_LEVELS = ['city', 'county', 'township', 'community', 'grid'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** The level a child of `level` must have, or null for a grid (leaf). */
export function childLevel(level: RegionLevel): RegionLevel | null {
  return REGION_LEVELS[REGION_LEVELS.indexOf(level) + 1] ?? null;
}

export const ROLES = [
  'admin',
  'commander',
  'region_manager',
  'team_leader',
  'volunteer',
  'inspector',
  'medical_observer',
] as const;
export type Role = (typeof ROLES)[number];

export const UNIT_KINDS = ['city_unit', 'county_unit', 'township_unit', 'enterprise', 'social_org', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const ACCOUNT_STATUSES = ['active', 'disabled'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export const GENDERS = ['male', 'female'] as const;
export type Gender = (typeof GENDERS)[number];

/** Skills a pledge or volunteer offers; the roster and errand features match on them. */
export const SKILLS = ['medical', 'driving', 'counselling', 'publicity', 'logistics', 'security', 'disinfection', 'it'] as const;
export type Skill = (typeof SKILLS)[number];

/** Availability is a set of (weekday 1 = Monday … 7 = Sunday, time band) pairs. */
export const TIME_BANDS = ['morning', 'afternoon', 'evening', 'night'] as const;
export type TimeBand = (typeof TIME_BANDS)[number];

export const PLEDGE_STATUSES = ['pending', 'approved', 'rejected', 'waitlisted'] as const;
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];
/** What a reviewer may decide; approval is final, the others may be revisited. */
export const PLEDGE_DECISIONS = ['approve', 'reject', 'waitlist'] as const;
export type PledgeDecision = (typeof PLEDGE_DECISIONS)[number];

export const VOLUNTEER_STATUSES = ['active', 'paused', 'withdrawn'] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

/** What a volunteer's service record is made of; each later feature adds entries of its kind. */
export const SERVICE_KINDS = ['duty', 'errand', 'inspection', 'screening', 'disinfection', 'commendation', 'other'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** Recognition rankings (表彰与排行) rank volunteers, teams (by their members) or units (by their volunteers). */
export const RANKING_SUBJECTS = ['volunteer', 'team', 'unit'] as const;
export type RankingSubject = (typeof RANKING_SUBJECTS)[number];
/** What a ranking orders by: service hours, or the count of one kind of entry. */
export const RANKING_METRICS = ['hours', 'duty', 'errand', 'inspection', 'screening', 'disinfection', 'commendation'] as const;
export type RankingMetric = (typeof RANKING_METRICS)[number];

export const TEAM_KINDS = ['shock', 'vanguard', 'emergency', 'volunteer_service', 'work_group'] as const;
export type TeamKind = (typeof TEAM_KINDS)[number];

export const POST_KINDS = ['vanguard_post', 'model_post', 'responsibility_zone'] as const;
export type PostKind = (typeof POST_KINDS)[number];

/** The report's four roles (宣传员 战斗员 守门员 勤务员), tags on a team member. */
export const MEMBER_ROLE_TAGS = ['publicist', 'fighter', 'gatekeeper', 'orderly'] as const;
export type MemberRoleTag = (typeof MEMBER_ROLE_TAGS)[number];

export const CHECKPOINT_KINDS = [
  'estate_gate',
  'village_entrance',
  'highway_exit',
  'station',
  'market',
  'hospital',
  'road',
  'other',
] as const;
export type CheckpointKind = (typeof CHECKPOINT_KINDS)[number];

export const CHECKPOINT_STATUSES = ['active', 'closed'] as const;
export type CheckpointStatus = (typeof CHECKPOINT_STATUSES)[number];

/** Risk of a checkpoint, 4 the highest; rosters cover higher risks first. */
export const RISK_LEVELS = [1, 2, 3, 4] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const ROSTER_STATUSES = ['draft', 'published'] as const;
export type RosterStatus = (typeof ROSTER_STATUSES)[number];

export const ASSIGNMENT_SOURCES = ['optimiser', 'planner', 'swap'] as const;
export type AssignmentSource = (typeof ASSIGNMENT_SOURCES)[number];

export const ROSTER_CHANGE_ACTIONS = ['assign', 'unassign', 'swap'] as const;
export type RosterChangeAction = (typeof ROSTER_CHANGE_ACTIONS)[number];

export const SWAP_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type SwapStatus = (typeof SWAP_STATUSES)[number];

/** Where an assigned person stands at a shift, derived from the assignment's times. */
export const ATTENDANCE_STATES = ['upcoming', 'due', 'on_duty', 'done', 'absent'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];

export const INSPECTION_GROUP_KINDS = ['liaison', 'discipline'] as const;
export type InspectionGroupKind = (typeof INSPECTION_GROUP_KINDS)[number];

export const INSPECTION_MARKS = ['present', 'absent'] as const;
export type InspectionMark = (typeof INSPECTION_MARKS)[number];

/** What an inspector rates at a post, 1 (poor) to 5 (good). */
export const INSPECTION_RATINGS = ['staffing', 'supplies', 'registration', 'attitude'] as const;
export type InspectionRating = (typeof INSPECTION_RATINGS)[number];

export const FIELD_ISSUE_CATEGORIES = [
  'supplies_shortage',
  'post_unmanned',
  'resident_difficulty',
  'facility',
  'discipline',
  'registration',
  'other',
] as const;
export type FieldIssueCategory = (typeof FIELD_ISSUE_CATEGORIES)[number];

/** open → in_progress → resolved → verified; a rejected verification goes back to in_progress. */
export const FIELD_ISSUE_STATUSES = ['open', 'in_progress', 'resolved', 'verified'] as const;
export type FieldIssueStatus = (typeof FIELD_ISSUE_STATUSES)[number];

export const FIELD_ISSUE_EVENT_KINDS = ['created', 'comment', 'status', 'escalated', 'edited'] as const;
export type FieldIssueEventKind = (typeof FIELD_ISSUE_EVENT_KINDS)[number];

export const RISK_AREA_LEVELS = ['high', 'medium'] as const;
export type RiskAreaLevel = (typeof RISK_AREA_LEVELS)[number];

export const PASSAGE_DIRECTIONS = ['in', 'out'] as const;
export type PassageDirection = (typeof PASSAGE_DIRECTIONS)[number];

export const PASSAGE_SUBJECTS = ['person', 'vehicle'] as const;
export type PassageSubject = (typeof PASSAGE_SUBJECTS)[number];

/** Quick choices on the entry page; anything else is typed. */
export const PASSAGE_PURPOSES = ['home', 'work', 'medical', 'shopping', 'supplies', 'official', 'other'] as const;
export type PassagePurpose = (typeof PASSAGE_PURPOSES)[number];

/** Whether the passage log asks for name and mobile (REDVEST_PASSAGE_IDENTITY). */
export const PASSAGE_IDENTITY_MODES = ['off', 'optional', 'required'] as const;
export type PassageIdentityMode = (typeof PASSAGE_IDENTITY_MODES)[number];

export const FOLLOW_UP_KINDS = ['fever', 'risk_arrival'] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const FOLLOW_UP_STATUSES = ['open', 'in_progress', 'closed'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** DESIGN.md §6: a reading at or above this is a fever (°C). */
export const FEVER_THRESHOLD = 37.3;
export const TEMPERATURE_MIN = 35.0;
export const TEMPERATURE_MAX = 42.0;

/** 一户一档 */
export const HOUSING_STATUSES = ['owner', 'rented', 'vacant'] as const;
export type HousingStatus = (typeof HOUSING_STATUSES)[number];

export const RESIDENT_RELATIONS = ['head', 'spouse', 'child', 'parent', 'relative', 'tenant', 'other'] as const;
export type ResidentRelation = (typeof RESIDENT_RELATIONS)[number];

export const CAMPAIGN_STATUSES = ['active', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

/** not_reached: nobody opened; the household is due a revisit. */
export const SCREENING_OUTCOMES = ['reached', 'not_reached'] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

export const TRANSPORT_MODES = ['rail', 'air', 'coach', 'car', 'ship', 'other'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

/** What a returnee reports having been exposed to; the rules weigh them with the origin. */
export const EXPOSURE_FLAGS = ['case_contact', 'fever_contact', 'wet_market', 'hospital_visit', 'symptoms_on_return'] as const;
export type ExposureFlag = (typeof EXPOSURE_FLAGS)[number];

export const MEASURES = ['home_isolation', 'health_monitoring', 'none'] as const;
export type Measure = (typeof MEASURES)[number];

export const CONTACT_EXPOSURE_KINDS = ['household', 'work', 'transport', 'gathering', 'medical', 'other'] as const;
export type ContactExposureKind = (typeof CONTACT_EXPOSURE_KINDS)[number];

export const ISOLATION_KINDS = ['home', 'central'] as const;
export type IsolationKind = (typeof ISOLATION_KINDS)[number];

export const START_BASES = ['exposure', 'return', 'other'] as const;
export type StartBasis = (typeof START_BASES)[number];

export const CASE_STATUSES = ['active', 'released', 'transferred'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CLOSE_KINDS = ['normal', 'early', 'transferred'] as const;
export type CloseKind = (typeof CLOSE_KINDS)[number];

export const REPORT_SLOTS = ['morning', 'evening'] as const;
export type ReportSlot = (typeof REPORT_SLOTS)[number];

export const SYMPTOMS = ['fever', 'dry_cough', 'fatigue', 'sore_throat', 'smell_taste_loss', 'diarrhoea'] as const;
export type Symptom = (typeof SYMPTOMS)[number];

export const FEELINGS = ['good', 'fair', 'unwell'] as const;
export type Feeling = (typeof FEELINGS)[number];

/** remeasure: a reading at or above the fever line not measured again within the hour. */
export const ALERT_KINDS = ['fever', 'remeasure', 'missed_slot', 'help'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const ALERT_STATUSES = ['open', 'closed'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

export const CASE_SERVICE_KINDS = ['disinfection', 'supplies', 'counselling'] as const;
export type CaseServiceKind = (typeof CASE_SERVICE_KINDS)[number];

/** health_report: an isolation case's link (it also orders errands); errand: a household's errand link. */
export const TOKEN_PURPOSES = ['health_report', 'errand'] as const;
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

export const PLACE_KINDS = ['estate_public', 'stairwell', 'market', 'station', 'checkpoint', 'public_toilet', 'other'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const DISINFECTION_METHODS = ['spray', 'wipe', 'mop', 'fumigate', 'soak'] as const;
export type DisinfectionMethod = (typeof DISINFECTION_METHODS)[number];

export const PUBLICITY_MATERIALS = ['poster', 'notice', 'leaflet', 'banner', 'broadcast_vehicle', 'group_message'] as const;
export type PublicityMaterial = (typeof PUBLICITY_MATERIALS)[number];

export const SUPPLY_CATEGORIES = ['protective', 'disinfection', 'medical', 'food', 'other'] as const;
export type SupplyCategory = (typeof SUPPLY_CATEGORIES)[number];

export const DONOR_KINDS = ['unit', 'person'] as const;
export type DonorKind = (typeof DONOR_KINDS)[number];

export const ALLOCATION_TARGETS = ['checkpoint', 'team', 'region', 'household'] as const;
export type AllocationTarget = (typeof ALLOCATION_TARGETS)[number];

/** reversed: sent by mistake and taken back into the store by reversing movements. */
export const ALLOCATION_STATUSES = ['sent', 'confirmed', 'reversed'] as const;
export type AllocationStatus = (typeof ALLOCATION_STATUSES)[number];

export const MOVEMENT_KINDS = ['donation', 'allocation', 'transfer_out', 'transfer_in', 'reversal'] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];

/** 红色代办: an order's life; cancelled may come from any state before delivered. */
export const ERRAND_STATUSES = ['new', 'claimed', 'purchasing', 'delivering', 'delivered', 'confirmed', 'cancelled'] as const;
export type ErrandStatus = (typeof ERRAND_STATUSES)[number];

export const ERRAND_CHANNELS = ['resident', 'staff'] as const;
export type ErrandChannel = (typeof ERRAND_CHANNELS)[number];

export const ERRAND_PAYMENTS = ['on_delivery', 'prepaid', 'transfer'] as const;
export type ErrandPayment = (typeof ERRAND_PAYMENTS)[number];

export const ERRAND_GOODS_CATEGORIES = ['staples', 'meat_eggs', 'produce', 'dairy', 'medicine', 'protective', 'daily'] as const;
export type ErrandGoodsCategory = (typeof ERRAND_GOODS_CATEGORIES)[number];

export const ERRAND_EVENT_KINDS = [
  'created',
  'claimed',
  'assigned',
  // The volunteer gave the order back to the post: it is new again, for anyone to claim.
  'released',
  'purchasing',
  'delivering',
  'delivered',
  'confirmed',
  'cancelled',
  'escalated',
  'bundled',
  'paid',
  'rated',
  'complaint',
] as const;
export type ErrandEventKind = (typeof ERRAND_EVENT_KINDS)[number];

/** open: orders bundled, not yet bought; bought: every shop's amount recorded, costs allocated. */
export const ERRAND_RUN_STATUSES = ['open', 'bought'] as const;
export type ErrandRunStatus = (typeof ERRAND_RUN_STATUSES)[number];

export const ERRAND_PAYOUT_DIRECTIONS = ['reimburse', 'hand_in'] as const;
export type ErrandPayoutDirection = (typeof ERRAND_PAYOUT_DIRECTIONS)[number];

export const STORED_FILE_KINDS = ['errand_receipt', 'errand_proof'] as const;
export type StoredFileKind = (typeof STORED_FILE_KINDS)[number];

/**
 * Entries made offline that could not be applied as made when they arrived (issue 11):
 * a check-in/out for a shift reassigned meanwhile; a health report for a case released meanwhile.
 */
export const OFFLINE_CONFLICT_KINDS = ['shift_reassigned', 'case_released'] as const;
export type OfflineConflictKind = (typeof OFFLINE_CONFLICT_KINDS)[number];

export const OFFLINE_CONFLICT_STATUSES = ['open', 'resolved'] as const;
export type OfflineConflictStatus = (typeof OFFLINE_CONFLICT_STATUSES)[number];
