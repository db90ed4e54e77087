import { randomBytes, randomInt } from 'node:crypto';
import type { PledgeStatus } from '../../../common/enums.ts';
import { maskIdCard, maskMobile, maskName } from '../../../common/mask.ts';
import { requireAccess, requireScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { hashPassword } from '../../platform/auth/password.ts';
import { tokenHash } from '../../platform/auth/tokens.ts';
import { isUniqueViolation } from '../../platform/db/dialect.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, invalidField, notFound } from '../../platform/errors.ts';
import type { MessageParams } from '../../platform/i18n.ts';
import { requireIdNumber, sealIdNumber } from '../../platform/pii/identity.ts';
import { generatePassword, provisionVolunteerAccount, type AccountsService } from '../accounts/accounts.service.ts';
import { buildTree, type RegionsService } from '../regions/regions.service.ts';
import type { TreeNode } from '../regions/regions.schemas.ts';
import type { UnitsService } from '../units/units.service.ts';
import * as repo from './pledges.repository.ts';
import type {
  BulkDecisionInput,
  DecisionInput,
  DecisionResult,
  FormRegionNode,
  Pledge,
  PledgeQueryInput,
  PledgeStatusView,
  PutQuotaInput,
  Quota,
  SubmitPledgeInput,
} from './pledges.schemas.ts';
import type { VolunteersService } from './volunteers.service.ts';

export type PledgesService = ReturnType<typeof pledgesService>;

/**
 * Accepted pledges per client address: a flood of real-looking pledges is what buries reviewers.
 * Duplicate refusals count too, since each one tells whether an ID number is on file.
 * Malformed input is refused before anything is counted or written.
 */
export const SUBMIT_LIMIT = 20;
export const SUBMIT_WINDOW_SECONDS = 10 * 60;
/** Unknown status tokens per client address: a status link is only ever mistyped, not guessed. */
export const STATUS_MISS_LIMIT = 30;
export const STATUS_WINDOW_SECONDS = 10 * 60;

/** Where a volunteer lives: the places the registry is kept by. */
const HOME_LEVELS = new Set(['community', 'grid']);

/** No 0/O, 1/I/L: read out over the phone without spelling. */
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

function newReference(): string {
  return `QZ-${Array.from({ length: 6 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)]).join('')}`;
}

const DECIDED_STATUS: Record<DecisionInput['decision'], PledgeStatus> = {
  approve: 'approved',
  reject: 'rejected',
  waitlist: 'waitlisted',
};

function formTree(nodes: TreeNode[]): FormRegionNode[] {
  return nodes.map((n) => ({ id: n.id, name: n.name, level: n.level, children: formTree(n.children) }));
}

/** One outcome of a bulk decision; the route words the error in the caller's language. */
export interface BulkOutcome {
  id: string;
  ok: boolean;
  status?: PledgeStatus;
  error?: { code: string; params: MessageParams };
  account?: { login: string; initialPassword: string };
}

export function pledgesService(
  deps: Deps,
  {
    regions,
    volunteers,
  }: { regions: RegionsService; units: UnitsService; accounts: AccountsService; volunteers: VolunteersService },
) {
  const {
    db: { db, dialect },
    pii,
    events,
    rateLimiter,
  } = deps;

  const changed = (
    q: typeof db,
    type: string,
    entityType: string,
    id: string,
    regionPath: string,
    data?: Record<string, unknown>,
  ) => events.publish(q, { type, permission: 'pledges.review', regionPath, entityType, entityId: id, ...(data ? { data } : {}) });

  async function throttle(key: string, limit: number, windowSeconds: number): Promise<void> {
    const { count, retryAfter } = await rateLimiter.peek(key, windowSeconds);
    if (count >= limit) throw new AppError(429, 'RATE_LIMITED', { minutes: Math.ceil(retryAfter / 60), retryAfter });
  }

  function present(row: repo.PledgeRow): Pledge {
    return {
      id: row.id,
      reference: row.reference,
      status: row.status,
      name: row.name,
      gender: row.gender,
      idNumber: maskIdCard(pii.decrypt(row.idNumberEnc)),
      mobile: maskMobile(row.mobile),
      partyMember: row.partyMember,
      partyBranch: row.partyBranch,
      unitId: row.unitId,
      unitName: row.unitName,
      homeAddress: row.homeAddress,
      regionId: row.regionId,
      regionName: row.regionName,
      skills: row.skills,
      availability: row.availability,
      healthFever: row.healthFever,
      healthRiskContact: row.healthRiskContact,
      healthNote: row.healthNote,
      pledgeText: row.pledgeText,
      submittedAt: row.submittedAt,
      decidedAt: row.decidedAt,
      decidedByName: row.decidedByName,
      decisionReason: row.decisionReason,
      volunteerId: row.volunteerId,
    };
  }

  /** A pledge the actor may review: scoped by its home region; a foreign one looks missing. */
  async function visible(actor: Actor, id: string): Promise<repo.PledgeRow> {
    const pledge = await repo.findPledge(db, id);
    if (!pledge) {
      requireScope(actor, 'pledges.review');
      throw notFound();
    }
    requireAccess(actor, 'pledges.review', pledge.regionPath);
    return pledge;
  }

  async function presentQuotas(rows: repo.QuotaRow[]): Promise<Quota[]> {
    const used = await repo.usedOfMany(db, rows);
    return rows.map((r) => ({
      id: r.id,
      unitId: r.unitId,
      unitName: r.unitName,
      regionId: r.regionId,
      regionName: r.regionName,
      quota: r.quota,
      used: used.get(r.id) ?? 0,
    }));
  }

  async function decide(actor: Actor, call: CallContext, id: string, input: DecisionInput): Promise<DecisionResult> {
    const pledge = await visible(actor, id);
    const reason = input.reason?.trim() || null;
    if (input.decision === 'reject' && !reason) throw invalidField('reason', 'field.pledge.reasonRequired');
    if (pledge.status === 'approved') throw conflict('PLEDGE_DECIDED');
    const status = DECIDED_STATUS[input.decision];
    const detail = { from: pledge.status, to: status, withReason: reason !== null };

    if (input.decision !== 'approve') {
      await transact(db, call, async (trx) => {
        const done = await repo.recordDecision(trx, id, { status, decidedBy: actor.accountId, reason }, nowIso());
        if (!done) throw conflict('PLEDGE_DECIDED');
        await auditWrite(trx, call, `pledge.${input.decision}`, 'pledge', id, pledge.regionPath, detail);
        await changed(trx, 'pledge.decided', 'pledge', id, pledge.regionPath, { status });
      });
      return { pledge: present((await repo.findPledge(db, id))!) };
    }

    // argon2 takes a while: hashed before the transaction, so no lock waits on it.
    const initialPassword = input.createAccount ? generatePassword() : null;
    const passwordHash = initialPassword ? await hashPassword(initialPassword) : null;
    const approve = transact(db, call, async (trx) => {
      const now = nowIso();
      // Claiming the pledge first: a concurrent approval of the same pledge waits here, then finds it decided.
      const done = await repo.recordDecision(trx, id, { status, decidedBy: actor.accountId, reason }, now);
      if (!done) throw conflict('PLEDGE_DECIDED');
      // Quotas: each applicable quota row is locked (in id order, so two approvals cannot deadlock)
      // before counting, so concurrent approvals against one quota on PostgreSQL count one after
      // the other instead of both seeing the last free place. The count includes this pledge.
      const quotas = await repo.applicableQuotas(trx, pledge.unitId, pledge.regionPath.split('/').filter(Boolean));
      for (const q of quotas) await repo.lockQuota(trx, q.id);
      for (const q of quotas) {
        if ((await repo.usedOf(trx, q)) > q.quota)
          throw new AppError(409, 'QUOTA_FULL', { name: (q.unitName ?? q.regionName)!, quota: q.quota });
      }
      const account = passwordHash
        ? await provisionVolunteerAccount(trx, call, {
            name: pledge.name,
            mobile: pledge.mobile,
            regionId: pledge.regionId,
            regionPath: pledge.regionPath,
            passwordHash,
          })
        : null;
      const volunteer = await volunteers.createFromPledge(trx, call, {
        pledgeId: id,
        name: pledge.name,
        gender: pledge.gender,
        idNumberEnc: pledge.idNumberEnc,
        idNumberIndex: pledge.idNumberIndex,
        mobile: pledge.mobile,
        partyMember: pledge.partyMember,
        partyBranch: pledge.partyBranch,
        unitId: pledge.unitId,
        unitName: pledge.unitId ? null : pledge.typedUnitName,
        homeAddress: pledge.homeAddress,
        regionId: pledge.regionId,
        skills: pledge.skills,
        availability: pledge.availability,
        accountId: account?.accountId ?? null,
      });
      await repo.setVolunteer(trx, id, volunteer.id);
      await auditWrite(trx, call, 'pledge.approve', 'pledge', id, pledge.regionPath, {
        ...detail,
        volunteerId: volunteer.id,
        accountId: account?.accountId ?? null,
      });
      await changed(trx, 'pledge.decided', 'pledge', id, pledge.regionPath, { status });
      return { volunteer, account };
    });
    const made = await approve.catch(async (e: unknown) => {
      // Another account took the mobile as its login meanwhile: the unique index decides, all is rolled back.
      if (isUniqueViolation(e) && input.createAccount && (await repo.loginInUse(db, pledge.mobile)))
        throw conflict('LOGIN_TAKEN');
      throw e;
    });
    return {
      pledge: present((await repo.findPledge(db, id))!),
      volunteer: made.volunteer,
      ...(made.account && initialPassword ? { account: { login: made.account.login, initialPassword } } : {}),
    };
  }

  return {
    /** What the public pledge page needs: the whole region tree and the listed work units, names only. */
    async form(): Promise<{ regions: FormRegionNode[]; units: { id: string; name: string }[] }> {
      const [all, units] = await Promise.all([repo.allRegions(db), repo.allUnits(db)]);
      return { regions: formTree(buildTree(all)), units };
    },

    /** A pledge from the public page (no account). The status token is returned here once and kept only hashed. */
    async submit(
      call: CallContext,
      ip: string,
      input: SubmitPledgeInput,
    ): Promise<{ reference: string; statusToken: string; status: 'pending' }> {
      const limitKey = `pledge:submit:${ip}`;
      await throttle(limitKey, SUBMIT_LIMIT, SUBMIT_WINDOW_SECONDS);
      const idNumber = requireIdNumber(input.idNumber);
      const region = await regions.findById(input.regionId);
      if (!region) throw invalidField('regionId', 'field.pledge.region');
      if (!HOME_LEVELS.has(region.level)) throw invalidField('regionId', 'field.pledge.regionLevel');
      const unitId = input.unitId ?? null;
      if (unitId && !(await repo.findUnit(db, unitId))) throw invalidField('unitId', 'field.pledge.unit');
      const sealed = sealIdNumber(pii, idNumber);
      const duplicate = async () => {
        await rateLimiter.hit(limitKey, SUBMIT_WINDOW_SECONDS);
        return conflict('PLEDGE_DUPLICATE');
      };
      if (await repo.idNumberOnFile(db, sealed.idNumberIndex)) throw await duplicate();

      const id = newId();
      const statusToken = randomBytes(16).toString('base64url');
      let reference = '';
      try {
        await transact(db, call, async (trx) => {
          // 31^6 references: a clash is rare enough that asking first costs less than handling it after.
          do reference = newReference();
          while (await repo.referenceTaken(trx, reference));
          await repo.insertPledge(
            trx,
            {
              id,
              reference,
              statusTokenHash: tokenHash(statusToken),
              name: input.name.trim(),
              gender: input.gender,
              ...sealed,
              mobile: input.mobile,
              partyMember: input.partyMember,
              partyBranch: input.partyMember ? (input.partyBranch?.trim() ?? null) : null,
              unitId,
              // A listed unit is named by the registry, not by what was typed.
              unitName: unitId ? null : (input.unitName?.trim() ?? null),
              homeAddress: input.homeAddress.trim(),
              regionId: region.id,
              skills: input.skills,
              availability: input.availability,
              healthFever: input.healthFever,
              healthRiskContact: input.healthRiskContact,
              healthNote: input.healthNote?.trim() ?? null,
              pledgeText: input.pledgeText?.trim() ?? null,
            },
            nowIso(),
          );
          await auditWrite(trx, call, 'pledge.submit', 'pledge', id, region.path, { reference, regionId: region.id, unitId });
          await changed(trx, 'pledge.submitted', 'pledge', id, region.path);
        });
      } catch (e) {
        // Two submissions of one ID number at once: the unique index decides, the loser gets 409.
        if (isUniqueViolation(e) && (await repo.idNumberOnFile(db, sealed.idNumberIndex))) throw await duplicate();
        throw e;
      }
      await rateLimiter.hit(limitKey, SUBMIT_WINDOW_SECONDS);
      return { reference, statusToken, status: 'pending' };
    },

    /** The submitter's status page, by the token from the submission. */
    async status(ip: string, token: string): Promise<PledgeStatusView> {
      const limitKey = `pledge:status:${ip}`;
      await throttle(limitKey, STATUS_MISS_LIMIT, STATUS_WINDOW_SECONDS);
      const row = await repo.findPledgeByTokenHash(db, tokenHash(token));
      if (!row) {
        await rateLimiter.hit(limitKey, STATUS_WINDOW_SECONDS);
        throw notFound();
      }
      const explained = row.status === 'rejected' || row.status === 'waitlisted';
      return {
        reference: row.reference,
        name: maskName(row.name),
        status: row.status,
        submittedAt: row.submittedAt,
        decidedAt: row.decidedAt,
        decisionReason: explained ? row.decisionReason : null,
        regionName: row.regionName,
        unitName: row.unitName,
      };
    },

    async list(actor: Actor, query: PledgeQueryInput): Promise<{ items: Pledge[]; total: number }> {
      const scope = requireScope(actor, 'pledges.review');
      let regionPath: string | undefined;
      if (query.regionId) {
        regionPath = await regions.pathOf(query.regionId);
        if (!regionPath) throw notFound();
        requireAccess(actor, 'pledges.review', regionPath);
      }
      const { items, total } = await repo.listPledges(db, dialect, scope, {
        ...(query.status ? { status: query.status } : {}),
        ...(regionPath ? { regionPath } : {}),
        ...(query.unitId ? { unitId: query.unitId } : {}),
        ...(query.partyMember !== undefined ? { partyMember: query.partyMember } : {}),
        ...(query.skill ? { skill: query.skill } : {}),
        ...(query.healthRisk !== undefined ? { healthRisk: query.healthRisk } : {}),
        ...(query.weekday !== undefined ? { weekday: query.weekday } : {}),
        ...(query.band ? { band: query.band } : {}),
        ...(query.q?.trim() ? { q: query.q } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: items.map(present), total };
    },

    async get(actor: Actor, id: string): Promise<Pledge> {
      return present(await visible(actor, id));
    },

    decide,

    /** Each pledge in its own transaction: one refusal (out of scope, quota full, already approved) stops no other. */
    async decideMany(actor: Actor, call: CallContext, input: BulkDecisionInput): Promise<BulkOutcome[]> {
      requireScope(actor, 'pledges.review');
      if (input.decision === 'reject' && !input.reason?.trim()) throw invalidField('reason', 'field.pledge.reasonRequired');
      const one: CallContext = { ...call, idempotency: null };
      const results: BulkOutcome[] = [];
      for (const id of input.ids) {
        try {
          const r = await decide(actor, one, id, {
            decision: input.decision,
            reason: input.reason,
            createAccount: input.createAccounts,
          });
          results.push({ id, ok: true, status: r.pledge.status, ...(r.account ? { account: r.account } : {}) });
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          results.push({ id, ok: false, error: { code: e.code, params: e.params } });
        }
      }
      return results;
    },

    /** The full ID number and mobile, for a reviewer who also holds `pii.reveal` there; audited. */
    async reveal(actor: Actor, call: CallContext, id: string): Promise<{ idNumber: string; mobile: string }> {
      const pledge = await visible(actor, id);
      requireAccess(actor, 'pii.reveal', pledge.regionPath);
      await auditWrite(db, call, 'pii.reveal', 'pledge', id, pledge.regionPath, { fields: ['idNumber', 'mobile'] });
      return { idNumber: pii.decrypt(pledge.idNumberEnc), mobile: pledge.mobile };
    },

    async quotas(actor: Actor): Promise<{ items: Quota[] }> {
      const scope = requireScope(actor, 'pledges.review');
      return { items: await presentQuotas(await repo.listQuotas(db, scope)) };
    },

    /** Sets the quota of a unit or of a region (creating it when there is none). */
    async putQuota(actor: Actor, call: CallContext, input: PutQuotaInput): Promise<Quota> {
      requireScope(actor, 'pledges.review');
      if ((input.unitId === undefined) === (input.regionId === undefined)) {
        throw new AppError(
          422,
          'VALIDATION',
          {},
          { unitId: { reason: 'field.pledge.quotaTarget' }, regionId: { reason: 'field.pledge.quotaTarget' } },
        );
      }
      let ownerPath: string;
      if (input.unitId) {
        const unit = await repo.findUnit(db, input.unitId);
        if (!unit) throw notFound();
        ownerPath = unit.regionPath;
      } else {
        const region = await regions.findById(input.regionId!);
        if (!region) throw notFound();
        ownerPath = region.path;
      }
      requireAccess(actor, 'pledges.review', ownerPath);
      const target = input.unitId ? { unitId: input.unitId } : { regionId: input.regionId! };
      const row = await transact(db, call, async (trx) => {
        await repo.upsertQuota(
          trx,
          { id: newId(), unitId: input.unitId ?? null, regionId: input.regionId ?? null, quota: input.quota },
          nowIso(),
        );
        const saved = (await repo.findQuotaFor(trx, target))!;
        await auditWrite(trx, call, 'pledge.quota.set', 'pledgeQuota', saved.id, ownerPath, { ...target, quota: input.quota });
        await changed(trx, 'pledge.quotaChanged', 'pledgeQuota', saved.id, ownerPath);
        return saved;
      });
      return (await presentQuotas([row]))[0]!;
    },

    async removeQuota(actor: Actor, call: CallContext, id: string): Promise<void> {
      const quota = await repo.findQuota(db, id);
      if (!quota) {
        requireScope(actor, 'pledges.review');
        throw notFound();
      }
      requireAccess(actor, 'pledges.review', quota.ownerPath);
      await transact(db, call, async (trx) => {
        await repo.deleteQuota(trx, id);
        await auditWrite(trx, call, 'pledge.quota.delete', 'pledgeQuota', id, quota.ownerPath, {
          unitId: quota.unitId,
          regionId: quota.regionId,
        });
        await changed(trx, 'pledge.quotaChanged', 'pledgeQuota', id, quota.ownerPath);
      });
    },
  };
}
