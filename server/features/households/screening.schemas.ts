import { Type, type Static } from 'typebox';
import { CAMPAIGN_STATUSES, SCREENING_OUTCOMES, type CampaignStatus, type ScreeningOutcome } from '../../../common/enums.ts';
import { CalendarDate, Id, Text, Timestamp } from '../../platform/http/schemas.ts';
import { DivisionCode } from '../risk-areas/risk-areas.schemas.ts';
import { Nullable } from '../teams/teams.schemas.ts';

/** 入户排查: a campaign over a region (community or above) for a period. */
export interface Campaign {
  id: string;
  name: string;
  regionId: string;
  regionName: string;
  startsOn: string;
  endsOn: string;
  status: CampaignStatus;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A grid of the campaign's region and who visits it (nobody yet: both null). */
export interface Assignment {
  regionId: string;
  regionName: string;
  volunteer: { id: string; name: string } | null;
  team: { id: string; name: string } | null;
}

export interface CampaignDetail extends Campaign {
  /** Every grid under the campaign's region, assigned or not. */
  grids: Assignment[];
}

/** Counts of one region of the campaign (a grid, a community, a township, a county…). */
export interface CoverageCounts {
  households: number;
  /** Latest visit reached someone. */
  reached: number;
  /** Latest visit found nobody home: a revisit is due. */
  notReached: number;
  notVisited: number;
  /** reached ÷ households, in whole percent (0 for a region without households). */
  percent: number;
  /** Households whose latest visit found a fever or symptoms. */
  fever: number;
  /** Households whose latest visit found someone back from a risk area. */
  riskReturns: number;
  /** People staying who do not live there, summed over latest visits. */
  outsiders: number;
}

export interface CoverageNode extends CoverageCounts {
  regionId: string;
  parentId: string | null;
  name: string;
  level: string;
}

/** The caller's grids in an active campaign (a volunteer: given to them or their team). */
export interface FieldGrid extends Omit<CoverageNode, 'parentId' | 'level'> {
  communityName: string;
}

export type HouseholdState = 'not_visited' | 'revisit' | 'done';

export interface FieldHousehold {
  id: string;
  building: string | null;
  unit: string | null;
  room: string | null;
  address: string;
  state: HouseholdState;
  lastVisit: { visitedAt: string; outcome: ScreeningOutcome; visitedByName: string } | null;
}

export interface Visit {
  id: string;
  campaignId: string;
  householdId: string;
  regionId: string;
  visitedAt: string;
  visitedOn: string;
  outcome: ScreeningOutcome;
  residentsPresent: number;
  feverCount: number;
  symptoms: boolean;
  riskReturn: boolean;
  riskOriginCode: string | null;
  riskOriginName: string | null;
  riskReturnedOn: string | null;
  outsiders: number;
  note: string | null;
  /** Follow-up tasks the visit handed to the community. */
  followUps: { id: string; kind: 'fever' | 'risk_arrival' }[];
}

const StatusSchema = Type.Enum(CAMPAIGN_STATUSES);
const Ref = () => Nullable(Type.Object({ id: Type.String(), name: Type.String() }));

const campaignFields = {
  id: Type.String(),
  name: Type.String(),
  regionId: Type.String(),
  regionName: Type.String(),
  startsOn: Type.String(),
  endsOn: Type.String(),
  status: StatusSchema,
  note: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
};
export const CampaignOut = Type.Object(campaignFields);
export const CampaignList = Type.Object({ items: Type.Array(CampaignOut), total: Type.Integer() });

const AssignmentOut = Type.Object({
  regionId: Type.String(),
  regionName: Type.String(),
  volunteer: Ref(),
  team: Ref(),
});
export const CampaignDetailOut = Type.Object({ ...campaignFields, grids: Type.Array(AssignmentOut) });

const countFields = {
  households: Type.Integer(),
  reached: Type.Integer(),
  notReached: Type.Integer(),
  notVisited: Type.Integer(),
  percent: Type.Integer(),
  fever: Type.Integer(),
  riskReturns: Type.Integer(),
  outsiders: Type.Integer(),
};
const CoverageNodeOut = Type.Object({
  regionId: Type.String(),
  parentId: Nullable(Type.String()),
  name: Type.String(),
  level: Type.String(),
  ...countFields,
});
/** Nodes parents first (the campaign's region is the first); the web app builds the tree. */
export const CoverageOut = Type.Object({ campaignId: Type.String(), nodes: Type.Array(CoverageNodeOut) });

const FieldGridOut = Type.Object({
  regionId: Type.String(),
  name: Type.String(),
  communityName: Type.String(),
  ...countFields,
});
export const FieldCampaignOut = Type.Object({ ...campaignFields, grids: Type.Array(FieldGridOut) });
export const FieldCampaignList = Type.Object({ items: Type.Array(FieldCampaignOut) });

/** Households of a grid per state, under the same search: the phone's tabs. */
export interface StateCounts {
  notVisited: number;
  revisit: number;
  done: number;
}

export const FieldHouseholdList = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      building: Nullable(Type.String()),
      unit: Nullable(Type.String()),
      room: Nullable(Type.String()),
      address: Type.String(),
      state: Type.Union([Type.Literal('not_visited'), Type.Literal('revisit'), Type.Literal('done')]),
      lastVisit: Nullable(
        Type.Object({ visitedAt: Type.String(), outcome: Type.Enum(SCREENING_OUTCOMES), visitedByName: Type.String() }),
      ),
    }),
  ),
  /** Households matching the search and the state, over every page. */
  total: Type.Integer(),
  /** Households matching the search in each state, whatever state was asked for. */
  counts: Type.Object({ notVisited: Type.Integer(), revisit: Type.Integer(), done: Type.Integer() }),
});

export const VisitOut = Type.Object({
  id: Type.String(),
  campaignId: Type.String(),
  householdId: Type.String(),
  regionId: Type.String(),
  visitedAt: Type.String(),
  visitedOn: Type.String(),
  outcome: Type.Enum(SCREENING_OUTCOMES),
  residentsPresent: Type.Integer(),
  feverCount: Type.Integer(),
  symptoms: Type.Boolean(),
  riskReturn: Type.Boolean(),
  riskOriginCode: Nullable(Type.String()),
  riskOriginName: Nullable(Type.String()),
  riskReturnedOn: Nullable(Type.String()),
  outsiders: Type.Integer(),
  note: Nullable(Type.String()),
  followUps: Type.Array(
    Type.Object({ id: Type.String(), kind: Type.Union([Type.Literal('fever'), Type.Literal('risk_arrival')]) }),
  ),
});

export const CreateCampaignBody = Type.Object(
  {
    name: Text(60),
    /** A community or a region above it, in the caller's screening.plan scope. */
    regionId: Id(),
    startsOn: CalendarDate(),
    endsOn: CalendarDate(),
    note: Type.Optional(Nullable(Text(500))),
  },
  { additionalProperties: false },
);
export type CreateCampaignInput = Static<typeof CreateCampaignBody>;

export const UpdateCampaignBody = Type.Object(
  {
    name: Type.Optional(Text(60)),
    startsOn: Type.Optional(CalendarDate()),
    endsOn: Type.Optional(CalendarDate()),
    note: Type.Optional(Nullable(Text(500))),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCampaignInput = Static<typeof UpdateCampaignBody>;

export const AssignmentsBody = Type.Object(
  {
    /** The whole list: grids left out are unassigned. */
    items: Type.Array(
      Type.Object(
        {
          regionId: Id(),
          volunteerId: Type.Optional(Nullable(Id())),
          teamId: Type.Optional(Nullable(Id())),
        },
        { additionalProperties: false },
      ),
      { maxItems: 2000 },
    ),
  },
  { additionalProperties: false },
);
export type AssignmentsInput = Static<typeof AssignmentsBody>;

export const CampaignQuery = Type.Object(
  {
    regionId: Type.Optional(Id()),
    status: Type.Optional(StatusSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type CampaignQueryInput = Static<typeof CampaignQuery>;

export const GridParams = Type.Object({ id: Id(), gridId: Id() }, { additionalProperties: false });

export const HouseholdSearchQuery = Type.Object(
  {
    /** Building, unit, room or address text (e.g. "3-2-301" or "301"). */
    q: Type.Optional(Type.String({ maxLength: 40 })),
    state: Type.Optional(Type.Union([Type.Literal('not_visited'), Type.Literal('revisit'), Type.Literal('done')])),
    /** A page of cards: a phone shows a few dozen at a time, not a grid's thousand. */
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
export type HouseholdSearchInput = Static<typeof HouseholdSearchQuery>;

/** People counts on one visit: a household, not a building. */
const Headcount = () => Type.Integer({ minimum: 0, maximum: 50 });

export const CreateVisitBody = Type.Object(
  {
    householdId: Id(),
    outcome: Type.Enum(SCREENING_OUTCOMES),
    /** The fields below only when reached. */
    residentsPresent: Type.Optional(Headcount()),
    /** Residents with a fever or other symptoms (≤ residentsPresent). */
    feverCount: Type.Optional(Headcount()),
    symptoms: Type.Optional(Type.Boolean()),
    riskReturn: Type.Optional(Type.Boolean()),
    riskOriginCode: Type.Optional(Nullable(DivisionCode())),
    riskReturnedOn: Type.Optional(Nullable(CalendarDate())),
    outsiders: Type.Optional(Headcount()),
    note: Type.Optional(Nullable(Text(200))),
    /** When the visit was made (kept on the phone offline, sent later); now when absent. */
    visitedAt: Type.Optional(Timestamp()),
  },
  { additionalProperties: false },
);
export type CreateVisitInput = Static<typeof CreateVisitBody>;
