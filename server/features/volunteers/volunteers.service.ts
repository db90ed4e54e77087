import type { Gender, Skill } from '../../../common/enums.ts';
import { SERVICE_KINDS } from '../../../common/enums.ts';
import { maskIdCard, maskMobile } from '../../../common/mask.ts';
import type { Permission } from '../../../common/permissions.ts';
import { requireAccess, requireScope, type Actor, type Scope } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { isUniqueViolation } from '../../platform/db/dialect.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import { calendarDate } from '../../platform/dates.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, invalidField, notFound } from '../../platform/errors.ts';
import { requireIdNumber, sealIdNumber } from '../../platform/pii/identity.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { UnitsService } from '../units/units.service.ts';
import type { Kysely } from 'kysely';
import * as repo from './volunteers.repository.ts';
import type {
  AvailabilitySlot,
  CommendationInput,
  CreateVolunteerInput,
  ServiceEntry,
  ServiceRecord,
  ServiceRecordItem,
  StatusInput,
  UpdateVolunteerInput,
  Volunteer,
  VolunteerFilterInput,
  VolunteerQueryInput,
  VolunteerSummary,
} from './volunteers.schemas.ts';
import type { FigureWindow } from '../dashboard/figure-sources.ts';

export type VolunteersService = ReturnType<typeof volunteersService>;
export type { VolunteerRow } from './volunteers.repository.ts';

/** A transaction (or the database) a caller from another feature hands in, so its write and ours commit together. */
type Q = Kysely<Database>;

/**
 * A new registry row as the service and the import hold it: flags as booleans, lists as lists (or
 * the JSON text a pledge row keeps), the ID number already sealed.
 */
export type NewVolunteer = Omit<repo.NewVolunteerRow, 'partyMember' | 'skills' | 'availability'> & {
  partyMember: boolean;
  skills: readonly string[] | string;
  availability: readonly AvailabilitySlot[] | string;
};

/** What an approved pledge carries over into the registry. */
export type FromPledgeInput = Omit<NewVolunteer, 'id' | 'pledgeId' | 'status' | 'statusReason' | 'statusSince'> & {
  pledgeId: string;
};

const json = (value: readonly unknown[] | string): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** The row to insert; a registered unit is shown by its own name, so free text is kept only without one. */
export function volunteerRow(v: NewVolunteer): repo.NewVolunteerRow {
  return {
    id: v.id,
    pledgeId: v.pledgeId,
    accountId: v.accountId,
    name: v.name,
    gender: v.gender,
    idNumberEnc: v.idNumberEnc,
    idNumberIndex: v.idNumberIndex,
    mobile: v.mobile,
    partyMember: v.partyMember ? 1 : 0,
    partyBranch: v.partyBranch,
    unitId: v.unitId,
    unitName: v.unitId ? null : v.unitName,
    homeAddress: v.homeAddress,
    regionId: v.regionId,
    skills: json(v.skills),
    availability: json(v.availability),
    status: v.status,
    statusReason: v.statusReason,
    statusSince: v.statusSince,
  };
}

/** Where a volunteer may live: the places the registry is kept by. */
export const HOME_LEVELS: ReadonlySet<string> = new Set(['community', 'grid']);

/** Calendar dates are kept in the platform's time zone, not the server's. */

export function volunteersService(deps: Deps, others: { regions: RegionsService; units: UnitsService }) {
  const {
    db: { db, dialect },
    pii,
    events,
  } = deps;
  const today = () => calendarDate(deps.config.timeZone);
  const changed = (q: Q, type: string, id: string, regionPath: string) =>
    events.publish(q, { type, permission: 'volunteers.read', regionPath, entityType: 'volunteer', entityId: id });

  const maskedId = (row: repo.VolunteerRow) => maskIdCard(pii.decrypt(row.idNumberEnc));

  function toSummary(row: repo.VolunteerRow): VolunteerSummary {
    return {
      id: row.id,
      name: row.name,
      gender: row.gender as Gender,
      mobile: maskMobile(row.mobile),
      idNumber: maskedId(row),
      partyMember: row.partyMember,
      unitId: row.unitId,
      unitName: row.unitName,
      regionId: row.regionId,
      regionName: row.regionName,
      skills: JSON.parse(row.skills) as Skill[],
      status: row.status,
      accountLogin: row.accountLogin,
    };
  }

  async function toVolunteer(row: repo.VolunteerRow): Promise<Volunteer> {
    return {
      ...toSummary(row),
      partyBranch: row.partyBranch,
      homeAddress: row.homeAddress,
      availability: JSON.parse(row.availability) as AvailabilitySlot[],
      statusReason: row.statusReason,
      statusSince: row.statusSince,
      pledgeId: row.pledgeId,
      createdAt: row.createdAt,
      statusHistory: await repo.statusHistory(db, row.id),
    };
  }

  /** The volunteer, when the actor holds `permission` over their home region; foreign and missing look the same. */
  async function visible(actor: Actor, permission: Permission, id: string): Promise<repo.VolunteerRow> {
    const row = await repo.findVolunteer(db, id);
    if (!row) throw notFound();
    requireAccess(actor, permission, row.regionPath);
    return row;
  }

  /** A home region the actor may register volunteers in. */
  async function homeRegion(actor: Actor, regionId: string): Promise<{ id: string; path: string }> {
    const region = await others.regions.findById(regionId);
    if (!region) throw notFound();
    requireAccess(actor, 'volunteers.write', region.path);
    if (!HOME_LEVELS.has(region.level)) throw invalidField('regionId', 'field.volunteer.homeLevel');
    return region;
  }

  async function unitChoice(input: { unitId?: string | null; unitName?: string | null }) {
    if (input.unitId) {
      if (!(await repo.unitExists(db, input.unitId))) throw invalidField('unitId', 'field.volunteer.unitUnknown');
      // The registered unit's name is shown from the unit itself, so a rename shows everywhere.
      return { unitId: input.unitId, unitName: null };
    }
    return { unitId: null, unitName: input.unitName?.trim() || null };
  }

  /** The list filters as the repository takes them; a region filter outside the scope is a 404. */
  async function filterOf(actor: Actor, query: VolunteerFilterInput): Promise<{ scope: Scope; filter: repo.VolunteerFilter }> {
    const scope = requireScope(actor, 'volunteers.read');
    let regionPath: string | undefined;
    if (query.regionId) {
      regionPath = await others.regions.pathOf(query.regionId);
      if (!regionPath) throw notFound();
      requireAccess(actor, 'volunteers.read', regionPath);
    }
    const q = query.q?.trim();
    return {
      scope,
      filter: {
        ...(regionPath ? { regionPath } : {}),
        ...(q ? { q } : {}),
        ...(query.mobile ? { mobileSuffix: query.mobile } : {}),
        ...(query.unitId ? { unitId: query.unitId } : {}),
        ...(query.teamId ? { teamId: query.teamId } : {}),
        ...(query.skill ? { skill: query.skill } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.partyMember !== undefined ? { partyMember: query.partyMember } : {}),
      },
    };
  }

  async function reload(id: string): Promise<Volunteer> {
    return toVolunteer((await repo.findVolunteer(db, id))!);
  }

  /** Runs a write whose only unique value is the ID number's blind index. */
  async function uniqueIdNumber<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (e) {
      if (isUniqueViolation(e)) throw conflict('VOLUNTEER_DUPLICATE');
      throw e;
    }
  }

  return {
    visible,
    toSummary,
    filterOf,

    /** The command dashboard's source (no access check: the refresh job's own reading). */
    figures: (window: FigureWindow) => repo.figures(db, window),

    /** The volunteer linked to a sign-in account, for the volunteer's own pages. No access check: it is the caller's own. */
    async byAccount(accountId: string): Promise<{ id: string; name: string } | undefined> {
      return repo.volunteerOfAccount(db, accountId);
    },

    /** Names and masked contacts for other features' pages, in no particular order; missing ids are left out. */
    async summaries(ids: readonly string[], q: Q = db): Promise<(VolunteerSummary & { accountId: string | null })[]> {
      const rows = await repo.findVolunteers(q, [...new Set(ids)]);
      return rows.map((r) => ({ ...toSummary(r), accountId: r.accountId }));
    },

    /**
     * The pool a roster of `regionPath` plans with: active volunteers at home under it, plus
     * `alsoIds` (people already on the roster who have since moved or paused) whatever their home
     * or status. Names and availability only, no contacts. No access check: the caller checked its own.
     */
    async forPlanning(
      regionPath: string,
      alsoIds: readonly string[] = [],
    ): Promise<(Omit<repo.PlanningRow, 'availability'> & { availability: AvailabilitySlot[] })[]> {
      const rows = await repo.planningPool(db, regionPath, alsoIds);
      return rows.map((r) => ({ ...r, availability: JSON.parse(r.availability) as AvailabilitySlot[] }));
    },

    /**
     * The registry entry for an approved pledge, inside the pledge decision's transaction. No access
     * check: the reviewer's right over the pledge was checked by the caller.
     */
    async createFromPledge(trx: Q, call: CallContext, input: FromPledgeInput): Promise<{ id: string; name: string }> {
      const path = await repo.regionPath(trx, input.regionId);
      if (!path) throw notFound();
      const id = newId();
      try {
        await repo.insertVolunteers(
          trx,
          [volunteerRow({ ...input, id, status: 'active', statusReason: null, statusSince: today() })],
          nowIso(),
        );
      } catch (e) {
        if (isUniqueViolation(e)) throw conflict('VOLUNTEER_DUPLICATE');
        throw e;
      }
      await auditWrite(trx, call, 'volunteer.create', 'volunteer', id, path, { pledgeId: input.pledgeId });
      await changed(trx, 'volunteer.created', id, path);
      return { id, name: input.name };
    },

    /**
     * Adds one entry to a volunteer's service record, inside the caller's transaction. Idempotent on
     * (kind, sourceId): recording the same duty twice keeps one entry. Returns the entry's id.
     */
    async recordService(trx: Q, entry: ServiceEntry): Promise<{ id: string; created: boolean }> {
      return repo.insertServiceRecord(trx, newId(), entry, nowIso());
    },

    /** The hours of a record whose source changed them (a duty closed by the job, then by the person). */
    async correctServiceHours(trx: Q, kind: ServiceEntry['kind'], sourceId: string, hours: number): Promise<void> {
      await repo.setServiceHours(trx, kind, sourceId, hours);
    },

    async list(actor: Actor, query: VolunteerQueryInput): Promise<{ items: VolunteerSummary[]; total: number }> {
      const { scope, filter } = await filterOf(actor, query);
      const { items, total } = await repo.listVolunteers(db, dialect, scope, filter, {
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: items.map(toSummary), total };
    },

    /** Every match of the filters, page by page (the export). */
    async *eachPage(actor: Actor, query: VolunteerFilterInput): AsyncGenerator<repo.VolunteerRow[]> {
      const { scope, filter } = await filterOf(actor, query);
      yield* repo.eachVolunteer(db, dialect, scope, filter);
    },

    async get(actor: Actor, id: string): Promise<Volunteer> {
      return toVolunteer(await visible(actor, 'volunteers.read', id));
    },

    async create(actor: Actor, call: CallContext, input: CreateVolunteerInput): Promise<Volunteer> {
      const region = await homeRegion(actor, input.regionId);
      const idNumber = requireIdNumber(input.idNumber);
      const unit = await unitChoice(input);
      const id = newId();
      await uniqueIdNumber(() =>
        transact(db, call, async (trx) => {
          await repo.insertVolunteers(
            trx,
            [
              volunteerRow({
                id,
                pledgeId: null,
                accountId: null,
                name: input.name.trim(),
                gender: input.gender,
                ...sealIdNumber(pii, idNumber),
                mobile: input.mobile,
                partyMember: input.partyMember,
                partyBranch: input.partyMember ? input.partyBranch?.trim() || null : null,
                ...unit,
                homeAddress: input.homeAddress.trim(),
                regionId: region.id,
                skills: input.skills,
                availability: input.availability,
                status: 'active',
                statusReason: null,
                statusSince: today(),
              }),
            ],
            nowIso(),
          );
          await auditWrite(trx, call, 'volunteer.create', 'volunteer', id, region.path, { source: 'manual' });
          await changed(trx, 'volunteer.created', id, region.path);
        }),
      );
      return reload(id);
    },

    async update(actor: Actor, call: CallContext, id: string, input: UpdateVolunteerInput): Promise<Volunteer> {
      const row = await visible(actor, 'volunteers.write', id);
      const region = input.regionId && input.regionId !== row.regionId ? await homeRegion(actor, input.regionId) : null;
      const sealed = input.idNumber !== undefined ? sealIdNumber(pii, requireIdNumber(input.idNumber)) : {};
      const unit = input.unitId !== undefined || input.unitName !== undefined ? await unitChoice(input) : {};
      const partyMember = input.partyMember ?? row.partyMember;
      const patch = {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.gender !== undefined ? { gender: input.gender } : {}),
        ...sealed,
        ...(input.mobile !== undefined ? { mobile: input.mobile } : {}),
        ...(input.partyMember !== undefined ? { partyMember: input.partyMember ? 1 : 0 } : {}),
        ...(input.partyBranch !== undefined ? { partyBranch: input.partyBranch?.trim() || null } : {}),
        // A branch belongs to party members only; leaving the party clears it.
        ...(!partyMember ? { partyBranch: null } : {}),
        ...unit,
        ...(input.homeAddress !== undefined ? { homeAddress: input.homeAddress.trim() } : {}),
        ...(region ? { regionId: region.id } : {}),
        ...(input.skills !== undefined ? { skills: JSON.stringify(input.skills) } : {}),
        ...(input.availability !== undefined ? { availability: JSON.stringify(input.availability) } : {}),
      };
      const path = region?.path ?? row.regionPath;
      await uniqueIdNumber(() =>
        transact(db, call, async (trx) => {
          await repo.updateVolunteer(trx, id, patch, nowIso());
          const fields = Object.keys(input);
          await auditWrite(trx, call, 'volunteer.update', 'volunteer', id, path, { fields });
          // Subscribers of the old region learn the volunteer left it.
          if (region) await changed(trx, 'volunteer.updated', id, row.regionPath);
          await changed(trx, 'volunteer.updated', id, path);
        }),
      );
      return reload(id);
    },

    async setStatus(actor: Actor, call: CallContext, id: string, input: StatusInput): Promise<Volunteer> {
      const row = await visible(actor, 'volunteers.write', id);
      const reason = input.reason?.trim() || null;
      if (input.status !== 'active' && !reason) throw invalidField('reason', 'field.volunteer.reasonRequired');
      const effectiveOn = input.effectiveOn ?? today();
      await transact(db, call, async (trx) => {
        await repo.updateVolunteer(trx, id, { status: input.status, statusReason: reason, statusSince: effectiveOn }, nowIso());
        await repo.insertStatusChanges(
          trx,
          [{ id: newId(), volunteerId: id, status: input.status, reason, effectiveOn, byAccountId: call.actorId }],
          nowIso(),
        );
        await auditWrite(trx, call, 'volunteer.status', 'volunteer', id, row.regionPath, {
          from: row.status,
          to: input.status,
          effectiveOn,
        });
        await changed(trx, 'volunteer.updated', id, row.regionPath);
      });
      return reload(id);
    },

    /** The full ID number and mobile, for a caller who may read the volunteer and reveal personal data there. */
    async reveal(actor: Actor, call: CallContext, id: string): Promise<{ idNumber: string; mobile: string }> {
      const row = await visible(actor, 'volunteers.read', id);
      requireAccess(actor, 'pii.reveal', row.regionPath);
      await auditWrite(db, call, 'pii.reveal', 'volunteer', id, row.regionPath, { fields: ['idNumber', 'mobile'] });
      return { idNumber: pii.decrypt(row.idNumberEnc), mobile: row.mobile };
    },

    async serviceRecord(actor: Actor, id: string): Promise<ServiceRecord> {
      await visible(actor, 'volunteers.read', id);
      const items = await repo.serviceRecords(db, id);
      const byKind = Object.fromEntries(SERVICE_KINDS.map((k) => [k, 0])) as ServiceRecord['totals']['byKind'];
      let hours = 0;
      for (const item of items) {
        byKind[item.kind] += 1;
        hours += item.hours ?? 0;
      }
      // Sums of tenths drift in binary floating point; a record shows hours to two places.
      return { totals: { hours: Math.round(hours * 100) / 100, entries: items.length, byKind }, items };
    },

    async commend(actor: Actor, call: CallContext, id: string, input: CommendationInput): Promise<ServiceRecordItem> {
      const row = await visible(actor, 'volunteers.write', id);
      if (input.occurredOn > today()) throw invalidField('occurredOn', 'field.volunteer.future');
      const entryId = await transact(db, call, async (trx) => {
        const { id: entryId } = await repo.insertServiceRecord(
          trx,
          newId(),
          {
            volunteerId: id,
            kind: 'commendation',
            sourceId: null,
            title: input.title.trim(),
            reason: input.reason.trim(),
            hours: null,
            occurredOn: input.occurredOn,
            createdBy: call.actorId,
          },
          nowIso(),
        );
        await auditWrite(trx, call, 'volunteer.commend', 'volunteer', id, row.regionPath, { entryId });
        await changed(trx, 'volunteer.updated', id, row.regionPath);
        return entryId;
      });
      return (await repo.findServiceRecord(db, entryId))!;
    },
  };
}
