import type { Kysely } from 'kysely';
import type { HousingStatus } from '../../../common/enums.ts';
import { maskIdCard, maskMobile } from '../../../common/mask.ts';
import type { Permission } from '../../../common/permissions.ts';
import { requireAccess, requireScope, type Actor, type Scope } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { isForeignKeyViolation, isUniqueViolation } from '../../platform/db/dialect.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors.ts';
import { idNumberIndex, requireIdNumber, sealIdNumber } from '../../platform/pii/identity.ts';
import type { FigureWindow } from '../dashboard/figure-sources.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import * as repo from './households.repository.ts';
import type {
  CreateHouseholdInput,
  Household,
  HouseholdFilterInput,
  HouseholdQueryInput,
  HouseholdSummary,
  MemberInput,
  Resident,
  ResidentMatch,
  UpdateHouseholdInput,
  UpdateMemberInput,
} from './households.schemas.ts';

export type HouseholdsService = ReturnType<typeof householdsService>;
export type { HouseholdRow, ResidentRow } from './households.repository.ts';

type Q = Kysely<Database>;

/** Where a household is filed: a grid, or a community that has no grids (villages). */
export const HOUSEHOLD_LEVELS: ReadonlySet<string> = new Set(['community', 'grid']);

/** Blank text is no text: the database keeps null, so "no building" looks the same however it was typed. */
export const textOrNull = (value: string | null | undefined): string | null => value?.trim() || null;

const addressTaken = () =>
  new AppError(409, 'HOUSEHOLD_ADDRESS_TAKEN', {}, { address: { reason: 'field.household.addressTaken' } });

/**
 * 一户一档: households in grids with their members. Members' ID numbers are sealed with a blind
 * index (found exactly, never decrypted to search), and ID numbers and mobiles are masked in every
 * answer; `pii.reveal` shows one member's in full, audited. Other features find a person's
 * household through `matchesByIdNumber` and read one through `visible` or `summaries`.
 */
export function householdsService(deps: Deps, { regions }: { regions: RegionsService }) {
  const {
    db: { db, dialect },
    pii,
    events,
  } = deps;

  const changed = (q: Q, type: string, id: string, regionPath: string) =>
    events.publish(q, { type, permission: 'households.read', regionPath, entityType: 'household', entityId: id });

  function toResident(r: repo.ResidentRow): Resident {
    return {
      id: r.id,
      householdId: r.householdId,
      name: r.name,
      idNumber: r.idNumberEnc === null ? null : maskIdCard(pii.decrypt(r.idNumberEnc)),
      mobile: r.mobile === null ? null : maskMobile(r.mobile),
      relation: r.relation,
    };
  }

  function toSummary(row: repo.HouseholdRow): HouseholdSummary {
    return {
      id: row.id,
      regionId: row.regionId,
      regionName: row.regionName,
      building: row.building,
      unit: row.unit,
      room: row.room,
      address: row.address,
      housing: row.housing,
      note: row.note,
      memberCount: row.memberCount,
      updatedAt: row.updatedAt,
    };
  }

  async function toHousehold(row: repo.HouseholdRow): Promise<Household> {
    const members = await repo.residentsOf(db, [row.id]);
    return { ...toSummary(row), regionCode: row.regionCode, createdAt: row.createdAt, members: members.map(toResident) };
  }

  /** The household, when the actor holds `permission` over its region; foreign and missing look the same. */
  async function visible(actor: Actor, permission: Permission, id: string): Promise<repo.HouseholdRow> {
    const row = await repo.findHousehold(db, id);
    if (!row) throw notFound();
    requireAccess(actor, permission, row.regionPath);
    return row;
  }

  /** A region the actor may file households in. */
  async function placeRegion(actor: Actor, regionId: string): Promise<{ id: string; path: string }> {
    const region = await regions.findById(regionId);
    if (!region) throw notFound();
    requireAccess(actor, 'households.write', region.path);
    if (!HOUSEHOLD_LEVELS.has(region.level)) throw invalidField('regionId', 'field.household.regionLevel');
    return region;
  }

  /** A member's row values: ID number checked and sealed when given, text trimmed. */
  function memberValues(input: MemberInput, field: string) {
    const idNumber = input.idNumber?.trim() ? requireIdNumber(input.idNumber, `${field}idNumber`) : null;
    return {
      name: input.name.trim(),
      ...(idNumber ? sealIdNumber(pii, idNumber) : { idNumberEnc: null, idNumberIndex: null }),
      mobile: input.mobile || null,
      relation: input.relation,
    };
  }

  async function filterOf(actor: Actor, query: HouseholdFilterInput): Promise<{ scope: Scope; filter: repo.HouseholdFilter }> {
    const scope = requireScope(actor, 'households.read');
    const regionPath = await regions.readablePath(actor, 'households.read', query.regionId);
    const q = query.q?.trim();
    return {
      scope,
      filter: {
        ...(regionPath ? { regionPath } : {}),
        ...(q ? { q } : {}),
        ...(query.housing ? { housing: query.housing } : {}),
      },
    };
  }

  async function reload(id: string): Promise<Household> {
    return toHousehold((await repo.findHousehold(db, id))!);
  }

  /** The household's members hold an ID number once; the same person in another household is allowed (they may rent elsewhere). */
  async function assertNotMember(householdId: string, index: string | null, exceptId?: string): Promise<void> {
    if (index === null) return;
    const members = await repo.residentsOf(db, [householdId]);
    if (members.some((m) => m.idNumberIndex === index && m.id !== exceptId)) throw conflict('RESIDENT_DUPLICATE');
  }

  async function uniqueAddress<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (e) {
      if (isUniqueViolation(e)) throw addressTaken();
      throw e;
    }
  }

  async function matchesByIdNumber(scope: Scope, idNumber: string): Promise<ResidentMatch[]> {
    const found = await repo.residentsByIndex(db, scope, idNumberIndex(pii, idNumber));
    const households = new Map(
      (await repo.findHouseholds(db, [...new Set(found.map((f) => f.householdId))])).map((h) => [h.id, toSummary(h)]),
    );
    return found.flatMap((f) => {
      const household = households.get(f.householdId);
      return household ? [{ resident: toResident(f.resident), household }] : [];
    });
  }

  return {
    visible,
    filterOf,
    toResident,

    /** Summaries with their region path for other features' pages; no access check (the caller checked its own). */
    async summaries(ids: readonly string[]): Promise<(HouseholdSummary & { regionPath: string })[]> {
      const rows = await repo.findHouseholds(db, [...new Set(ids)]);
      return rows.map((r) => ({ ...toSummary(r), regionPath: r.regionPath }));
    },

    /**
     * The households a person (by ID number) is a member of, within `scope`: how the returnee and
     * case desks link a person to their home. No access check beyond the scope the caller passes.
     */
    matchesByIdNumber,

    /**
     * Households per region for the dashboard's refresh job: the system's own reading, no access
     * check. The tallies while `to` is within the last minute (they are the present), else the rows.
     */
    figures: (w: FigureWindow) => repo.householdFigures(db, w.to, w.live),

    async list(actor: Actor, query: HouseholdQueryInput): Promise<{ items: HouseholdSummary[]; total: number }> {
      const { scope, filter } = await filterOf(actor, query);
      const { items, total } = await repo.listHouseholds(db, dialect, scope, filter, {
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: items.map(toSummary), total };
    },

    async get(actor: Actor, id: string): Promise<Household> {
      return toHousehold(await visible(actor, 'households.read', id));
    },

    /** Exact search by ID number across the households the caller may read; masked. */
    async findByIdNumber(actor: Actor, idNumber: string): Promise<{ items: ResidentMatch[] }> {
      const scope = requireScope(actor, 'households.read');
      return { items: await matchesByIdNumber(scope, requireIdNumber(idNumber)) };
    },

    async create(actor: Actor, call: CallContext, input: CreateHouseholdInput): Promise<Household> {
      const region = await placeRegion(actor, input.regionId);
      const members = (input.members ?? []).map((m, i) => memberValues(m, `members.${i}.`));
      const seen = new Map<string, number>();
      members.forEach((m, i) => {
        if (m.idNumberIndex === null) return;
        const first = seen.get(m.idNumberIndex);
        if (first !== undefined) throw invalidField(`members.${i}.idNumber`, 'field.household.memberTwice', { row: first + 1 });
        seen.set(m.idNumberIndex, i);
      });
      const id = newId();
      await uniqueAddress(() =>
        transact(db, call, async (trx) => {
          const now = nowIso();
          await repo.insertHouseholds(
            trx,
            [
              {
                id,
                regionId: region.id,
                building: textOrNull(input.building),
                unit: textOrNull(input.unit),
                room: textOrNull(input.room),
                address: input.address.trim(),
                housing: input.housing,
                note: textOrNull(input.note),
              },
            ],
            now,
          );
          await repo.insertResidents(
            trx,
            members.map((m) => ({ ...m, id: newId(), householdId: id })),
            now,
          );
          await auditWrite(trx, call, 'household.create', 'household', id, region.path, { members: members.length });
          await changed(trx, 'household.created', id, region.path);
        }),
      );
      return reload(id);
    },

    async update(actor: Actor, call: CallContext, id: string, input: UpdateHouseholdInput): Promise<Household> {
      const row = await visible(actor, 'households.write', id);
      const region = input.regionId && input.regionId !== row.regionId ? await placeRegion(actor, input.regionId) : null;
      const patch: repo.HouseholdPatch = {
        ...(region ? { regionId: region.id } : {}),
        ...(input.building !== undefined ? { building: textOrNull(input.building) } : {}),
        ...(input.unit !== undefined ? { unit: textOrNull(input.unit) } : {}),
        ...(input.room !== undefined ? { room: textOrNull(input.room) } : {}),
        ...(input.address !== undefined ? { address: input.address.trim() } : {}),
        ...(input.housing !== undefined ? { housing: input.housing as HousingStatus } : {}),
        ...(input.note !== undefined ? { note: textOrNull(input.note) } : {}),
      };
      const path = region?.path ?? row.regionPath;
      await uniqueAddress(() =>
        transact(db, call, async (trx) => {
          await repo.updateHousehold(trx, id, patch, nowIso());
          await auditWrite(trx, call, 'household.update', 'household', id, path, { fields: Object.keys(input) });
          // Subscribers of the old region learn the household left it.
          if (region) await changed(trx, 'household.updated', id, row.regionPath);
          await changed(trx, 'household.updated', id, path);
        }),
      );
      return reload(id);
    },

    /** Removes the file with its members; one visited in a screening or linked to a returnee stays (409). */
    async remove(actor: Actor, call: CallContext, id: string): Promise<void> {
      const row = await visible(actor, 'households.write', id);
      try {
        await transact(db, call, async (trx) => {
          await repo.deleteHousehold(trx, id);
          await auditWrite(trx, call, 'household.delete', 'household', id, row.regionPath, {
            address: row.address,
            members: row.memberCount,
          });
          await changed(trx, 'household.deleted', id, row.regionPath);
        });
      } catch (e) {
        if (isForeignKeyViolation(e)) throw conflict('HOUSEHOLD_IN_USE');
        throw e;
      }
    },

    async addMember(actor: Actor, call: CallContext, id: string, input: MemberInput): Promise<Household> {
      const row = await visible(actor, 'households.write', id);
      const values = memberValues(input, '');
      await assertNotMember(id, values.idNumberIndex);
      const residentId = newId();
      await transact(db, call, async (trx) => {
        const now = nowIso();
        await repo.insertResidents(trx, [{ ...values, id: residentId, householdId: id }], now);
        await repo.touchHousehold(trx, id, now);
        await auditWrite(trx, call, 'household.member.add', 'resident', residentId, row.regionPath, { householdId: id });
        await changed(trx, 'household.updated', id, row.regionPath);
      });
      return reload(id);
    },

    async updateMember(
      actor: Actor,
      call: CallContext,
      id: string,
      residentId: string,
      input: UpdateMemberInput,
    ): Promise<Household> {
      const row = await visible(actor, 'households.write', id);
      const member = await repo.findResident(db, id, residentId);
      if (!member) throw notFound();
      const patch: repo.ResidentPatch = {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.idNumber !== undefined
          ? input.idNumber?.trim()
            ? sealIdNumber(pii, requireIdNumber(input.idNumber))
            : { idNumberEnc: null, idNumberIndex: null }
          : {}),
        ...(input.mobile !== undefined ? { mobile: input.mobile || null } : {}),
        ...(input.relation !== undefined ? { relation: input.relation } : {}),
      };
      if (patch.idNumberIndex) await assertNotMember(id, patch.idNumberIndex, residentId);
      await transact(db, call, async (trx) => {
        const now = nowIso();
        await repo.updateResident(trx, residentId, patch, now);
        await repo.touchHousehold(trx, id, now);
        await auditWrite(trx, call, 'household.member.update', 'resident', residentId, row.regionPath, {
          householdId: id,
          fields: Object.keys(input),
        });
        await changed(trx, 'household.updated', id, row.regionPath);
      });
      return reload(id);
    },

    async removeMember(actor: Actor, call: CallContext, id: string, residentId: string): Promise<Household> {
      const row = await visible(actor, 'households.write', id);
      if (!(await repo.findResident(db, id, residentId))) throw notFound();
      await transact(db, call, async (trx) => {
        const now = nowIso();
        await repo.deleteResidents(trx, [residentId]);
        await repo.touchHousehold(trx, id, now);
        await auditWrite(trx, call, 'household.member.remove', 'resident', residentId, row.regionPath, { householdId: id });
        await changed(trx, 'household.updated', id, row.regionPath);
      });
      return reload(id);
    },

    /** One member's full ID number and mobile, for a caller who may read the household and reveal there; audited. */
    async revealMember(
      actor: Actor,
      call: CallContext,
      id: string,
      residentId: string,
    ): Promise<{ idNumber: string | null; mobile: string | null }> {
      const row = await visible(actor, 'households.read', id);
      const member = await repo.findResident(db, id, residentId);
      if (!member) throw notFound();
      requireAccess(actor, 'pii.reveal', row.regionPath);
      await auditWrite(db, call, 'pii.reveal', 'resident', residentId, row.regionPath, {
        householdId: id,
        fields: ['idNumber', 'mobile'],
      });
      return { idNumber: member.idNumberEnc === null ? null : pii.decrypt(member.idNumberEnc), mobile: member.mobile };
    },
  };
}
