import type { Kysely } from 'kysely';
import { FEVER_THRESHOLD, TEMPERATURE_MAX, TEMPERATURE_MIN } from '../../../common/enums.ts';
import { maskMobile, maskName, maskPlate } from '../../../common/mask.ts';
import { inScope, requireAccess, requireScope, scopeFor, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, writeAudit, type CallContext } from '../../platform/audit/audit.ts';
import { addDays, calendarDate, daysBetween } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, conflict, invalidField, notFound, type FieldProblem } from '../../platform/errors.ts';
import { madeAt, type MadeAtRule } from '../../platform/http/made-at.ts';
import type { JobDefinition } from '../../platform/jobs/scheduler.ts';
import type { CheckpointSummary } from '../checkpoints/checkpoints.schemas.ts';
import type { CheckpointsService } from '../checkpoints/checkpoints.service.ts';
import type { AttendanceService } from '../duty/attendance.service.ts';
import type { FollowUpsService } from '../quarantine/follow-ups.service.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { RiskAreasService } from '../risk-areas/risk-areas.service.ts';
import * as repo from './passages.repository.ts';
import { entryProblems, isFever } from './passages.rules.ts';
import type {
  CountTotals,
  CountsQueryInput,
  CreatePassageInput,
  Passage,
  PassageCounts,
  PassageDesk,
  PassageQueryInput,
  UpdatePassageInput,
} from './passages.schemas.ts';

export type PassagesService = ReturnType<typeof passagesService>;

const MINUTE = 60_000;
/**
 * Entries kept on a phone without network may arrive late, but not days late: a passer logged is
 * a lead for the follow-up desk, which a day later is no longer worth chasing as fresh.
 */
const OCCURRED_AT_RULE: MadeAtRule = {
  maxAgeHours: 24,
  futureReason: 'field.passage.occurredAtFuture',
  oldReason: 'field.passage.occurredAtOld',
};
const MAX_COUNT_DAYS = 31;
const RECENT = 20;
/** Rows anonymised per transaction by the retention job. */
const BATCH = 1000;
/** The retention job acts for nobody. */
const SYSTEM: CallContext = { actorId: null, actorLogin: null, ip: null };

type FollowUpRef = Passage['followUps'][number];

const ZERO: CountTotals = { entries: 0, passers: 0, vehicles: 0, fevers: 0, riskArrivals: 0, leaflets: 0 };

function sum(rows: readonly CountTotals[]): CountTotals {
  const t = { ...ZERO };
  for (const r of rows) {
    t.entries += r.entries;
    t.passers += r.passers;
    t.vehicles += r.vehicles;
    t.fevers += r.fevers;
    t.riskArrivals += r.riskArrivals;
    t.leaflets += r.leaflets;
  }
  return t;
}

function invalid(problems: Record<string, FieldProblem>): AppError | null {
  return Object.keys(problems).length ? new AppError(422, 'VALIDATION', {}, problems) : null;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });

/**
 * The passage log at checkpoints (卡点登记). Volunteers log where they stand on duty now
 * (`attendance.onDutyAt`); holders of passages.read over the checkpoint log there any time.
 * Entries are whereabouts: masked in every list, revealed by passages.reveal (audited), and
 * anonymised after the retention period. A fever or an arrival from a risk area is handed to
 * the community through `followUps.open` in the same transaction.
 */
export function passagesService(
  deps: Deps,
  {
    regions,
    checkpoints,
    attendance,
    riskAreas,
    followUps,
  }: {
    regions: RegionsService;
    checkpoints: CheckpointsService;
    attendance: AttendanceService;
    riskAreas: RiskAreasService;
    followUps: FollowUpsService;
  },
) {
  const {
    db: { db },
    events,
    config,
  } = deps;
  const { timeZone } = config;
  const editMs = config.passageEditMinutes * MINUTE;

  /** The recorder sees what they typed while they may still correct it; everyone else the masks. */
  function present(row: repo.PassageRow, viewerId: string, now: number, refs: readonly FollowUpRef[]): Passage {
    const editableUntil = Date.parse(row.createdAt) + editMs;
    const editable = row.recordedBy === viewerId && row.anonymisedAt === null && now < editableUntil;
    const shown = (value: string | null, mask: (v: string) => string) => (value === null ? null : editable ? value : mask(value));
    return {
      id: row.id,
      checkpointId: row.checkpointId,
      checkpointName: row.checkpointName,
      regionName: row.regionName,
      direction: row.direction,
      subject: row.subject,
      people: row.people,
      name: shown(row.name, maskName),
      mobile: shown(row.mobile, maskMobile),
      plate: shown(row.plate, maskPlate),
      originCode: row.originCode,
      originName: row.originName,
      fromRiskArea: row.fromRiskArea,
      temperature: row.temperature,
      remeasured: row.remeasured,
      fever: row.fever,
      purpose: row.purpose,
      leaflets: row.leaflets,
      occurredAt: row.occurredAt,
      createdAt: row.createdAt,
      recordedByName: row.recordedByName,
      editableUntil: nowIso(new Date(editableUntil)),
      editable,
      followUps: [...refs],
      anonymised: row.anonymisedAt !== null,
    };
  }

  async function presentAll(rows: repo.PassageRow[], viewerId: string): Promise<Passage[]> {
    const refs = await followUps.ofSources(
      'passage',
      rows.map((r) => r.id),
    );
    const now = Date.now();
    return rows.map((r) => present(r, viewerId, now, refs.get(r.id) ?? []));
  }

  async function checkpoint(id: string): Promise<CheckpointSummary> {
    const [cp] = await checkpoints.summaries([id]);
    if (!cp) throw notFound();
    return cp;
  }

  /**
   * Whether the caller may log at the checkpoint at `at` ('log'), only see its desk ('view': a
   * volunteer of the area off duty), or nothing at all (404, like a missing checkpoint).
   */
  async function standing(actor: Actor, cp: CheckpointSummary, at: Date): Promise<'log' | 'view'> {
    if (inScope(scopeFor(actor, 'passages.read'), cp.regionPath)) return 'log';
    if (await attendance.onDutyAt(actor.accountId, cp.id, at)) return 'log';
    if (inScope(scopeFor(actor, 'passages.write'), cp.regionPath)) return 'view';
    throw notFound();
  }

  /** The entry's rules, its origin's division and the risk area it fell in on the day. */
  async function assess(values: repo.EntryValues, occurredOn: string) {
    const problems = entryProblems(values, config.passageIdentity);
    const division = values.originCode === null ? undefined : riskAreas.division(values.originCode);
    if (values.originCode !== null && !division) problems.originCode ??= { reason: 'field.division.unknown' };
    const error = invalid(problems);
    if (error) throw error;
    const riskArea = values.originCode === null ? null : await riskAreas.match(db, values.originCode, occurredOn);
    return { originName: division?.fullName ?? null, riskArea, fever: isFever(values) };
  }

  /** Opens (or refreshes) the follow-ups an entry calls for; never removes one. */
  async function handOver(
    q: Kysely<Database>,
    call: CallContext,
    p: { id: string; cp: CheckpointSummary; occurredAt: string; values: repo.EntryValues; originName: string | null },
    a: { fever: boolean; riskAreaName: string | null },
  ): Promise<FollowUpRef[]> {
    const { values: v } = p;
    const base = {
      regionId: p.cp.regionId,
      source: { kind: 'passage' as const, id: p.id },
      person: { name: v.name, mobile: v.mobile },
      details: {
        checkpointId: p.cp.id,
        checkpointName: p.cp.name,
        occurredAt: p.occurredAt,
        direction: v.direction,
        temperature: v.temperature,
        remeasured: v.remeasured,
        originCode: v.originCode,
        originName: p.originName,
        riskAreaName: a.riskAreaName,
        plate: v.plate,
      },
    };
    const refs: FollowUpRef[] = [];
    if (a.fever) refs.push({ id: (await followUps.open(q, { ...base, kind: 'fever' }, call)).id, kind: 'fever' });
    if (a.riskAreaName !== null && v.direction === 'in') {
      refs.push({ id: (await followUps.open(q, { ...base, kind: 'risk_arrival' }, call)).id, kind: 'risk_arrival' });
    }
    return refs;
  }

  async function published(q: Kysely<Database>, type: string, id: string, cp: CheckpointSummary, fever: boolean) {
    await events.publish(q, {
      type,
      permission: 'passages.read',
      regionPath: cp.regionPath,
      entityType: 'passage',
      entityId: id,
    });
    // The checkpoint's page shows that a fever was met there (no one's details).
    if (fever) {
      await events.publish(q, {
        type: 'passage.fever',
        permission: 'checkpoints.read',
        regionPath: cp.regionPath,
        entityType: 'checkpoint',
        entityId: cp.id,
        data: { passageId: id },
      });
    }
  }

  async function reload(id: string, viewerId: string): Promise<Passage> {
    return (await presentAll([(await repo.findPassage(db, id))!], viewerId))[0]!;
  }

  /**
   * Names and mobiles past the retention period go (DESIGN.md §5); the counts stay. One audit
   * record says how many and up to which day.
   */
  async function anonymise(at: string): Promise<number> {
    const before = addDays(calendarDate(timeZone, new Date(at)), -config.passageRetentionDays);
    let rows = 0;
    for (;;) {
      const ids = await repo.dueForAnonymising(db, before, BATCH);
      if (ids.length === 0) break;
      rows += await transact(db, SYSTEM, (trx) => repo.anonymise(trx, ids, nowIso()));
      if (ids.length < BATCH) break;
    }
    if (rows > 0) {
      await writeAudit(db, {
        ...SYSTEM,
        action: 'passages.anonymise',
        entityType: 'passage',
        entityId: null,
        detail: { before, rows, fields: ['name', 'mobile', 'plate', 'originCode', 'originName'] },
      });
    }
    return rows;
  }

  const jobs: JobDefinition[] = [
    { name: 'passages-anonymise', everyMs: 24 * 60 * MINUTE, run: async (slot) => void (await anonymise(slot)) },
  ];

  async function readableCheckpoint(actor: Actor, checkpointId: string | undefined): Promise<CheckpointSummary | undefined> {
    if (!checkpointId) return undefined;
    const cp = await checkpoint(checkpointId);
    requireAccess(actor, 'passages.read', cp.regionPath);
    return cp;
  }

  return {
    jobs,
    anonymise,

    async desk(actor: Actor, checkpointId: string): Promise<PassageDesk> {
      requireScope(actor, 'passages.write');
      const cp = await checkpoint(checkpointId);
      const now = new Date();
      const canLog = (await standing(actor, cp, now)) === 'log';
      const today = calendarDate(timeZone, now);
      const counts = await repo.countsOf(db, { all: true }, { checkpointId: cp.id, from: today, to: today });
      return {
        checkpoint: { id: cp.id, name: cp.name, kind: cp.kind, regionName: cp.regionName, risk: cp.risk },
        settings: {
          identity: config.passageIdentity,
          editMinutes: config.passageEditMinutes,
          feverThreshold: FEVER_THRESHOLD,
          temperatureMin: TEMPERATURE_MIN,
          temperatureMax: TEMPERATURE_MAX,
        },
        canLog,
        riskAreas: await riskAreas.activeNow(),
        today: sum(counts),
        recent: await presentAll(await repo.recentBy(db, actor.accountId, cp.id, RECENT), actor.accountId),
      };
    },

    async create(actor: Actor, call: CallContext, input: CreatePassageInput): Promise<Passage> {
      requireScope(actor, 'passages.write');
      // Before the checkpoint is looked at, so a foreign and a missing one answer alike.
      const { made: at, received } = madeAt(input.occurredAt, 'occurredAt', OCCURRED_AT_RULE);
      const now = received.getTime();
      const cp = await checkpoint(input.checkpointId);
      if ((await standing(actor, cp, at)) !== 'log') throw new AppError(403, 'PASSAGE_NOT_ON_DUTY');
      const values: repo.EntryValues = {
        direction: input.direction,
        subject: input.subject,
        people: input.people ?? 1,
        name: input.name?.trim() || null,
        mobile: input.mobile ?? null,
        plate: input.plate ?? null,
        originCode: input.originCode ?? null,
        temperature: input.temperature ?? null,
        remeasured: input.remeasured ?? null,
        purpose: input.purpose ?? null,
        leaflets: input.leaflets ?? 0,
      };
      const occurredAt = nowIso(at);
      const occurredOn = calendarDate(timeZone, at);
      const { originName, riskArea, fever } = await assess(values, occurredOn);
      const id = newId();
      const createdAt = nowIso(new Date(now));
      const refs = await transact(db, call, async (trx) => {
        await repo.insertPassage(trx, {
          id,
          checkpointId: cp.id,
          regionId: cp.regionId,
          recordedBy: actor.accountId,
          ...values,
          originName,
          fromRiskArea: riskArea ? 1 : 0,
          fever: fever ? 1 : 0,
          occurredAt,
          occurredOn,
          createdAt,
          updatedAt: createdAt,
          anonymisedAt: null,
        });
        const made = await handOver(
          trx,
          call,
          { id, cp, occurredAt, values, originName },
          { fever, riskAreaName: riskArea?.name ?? null },
        );
        // Who passed stays out of the audit trail: the entry's id and what it counts are enough.
        await auditWrite(trx, call, 'passage.create', 'passage', id, cp.regionPath, {
          checkpointId: cp.id,
          direction: values.direction,
          subject: values.subject,
          fever,
          fromRiskArea: riskArea !== null,
        });
        await published(trx, 'passage.created', id, cp, fever);
        return made;
      });
      // Built from what was just written: the gate's busiest path reads nothing back.
      const row: repo.PassageRow = {
        ...values,
        id,
        checkpointId: cp.id,
        checkpointName: cp.name,
        regionId: cp.regionId,
        regionName: cp.regionName,
        regionPath: cp.regionPath,
        recordedBy: actor.accountId,
        recordedByName: actor.name,
        originName,
        fromRiskArea: riskArea !== null,
        fever,
        occurredAt,
        occurredOn,
        createdAt,
        anonymisedAt: null,
      };
      return present(row, actor.accountId, now, refs);
    },

    /** The recorder corrects an entry within the edit window; the rules and hand-overs run again. */
    async update(actor: Actor, call: CallContext, id: string, input: UpdatePassageInput): Promise<Passage> {
      requireScope(actor, 'passages.write');
      const row = await repo.findPassage(db, id);
      if (!row) throw notFound();
      if (row.recordedBy !== actor.accountId) {
        if (inScope(scopeFor(actor, 'passages.read'), row.regionPath)) throw new AppError(403, 'PASSAGE_NOT_RECORDER');
        throw notFound();
      }
      if (row.anonymisedAt !== null || Date.now() >= Date.parse(row.createdAt) + editMs) {
        throw conflict('PASSAGE_LOCKED', { minutes: config.passageEditMinutes });
      }
      const values: repo.EntryValues = {
        direction: input.direction ?? row.direction,
        subject: input.subject ?? row.subject,
        people: input.people ?? row.people,
        name: input.name === undefined ? row.name : input.name?.trim() || null,
        mobile: input.mobile === undefined ? row.mobile : input.mobile,
        plate: input.plate === undefined ? row.plate : input.plate,
        originCode: input.originCode === undefined ? row.originCode : input.originCode,
        temperature: input.temperature === undefined ? row.temperature : input.temperature,
        remeasured: input.remeasured === undefined ? row.remeasured : input.remeasured,
        purpose: input.purpose === undefined ? row.purpose : input.purpose,
        leaflets: input.leaflets ?? row.leaflets,
      };
      const { originName, riskArea, fever } = await assess(values, row.occurredOn);
      const [cp] = await checkpoints.summaries([row.checkpointId]);
      await transact(db, call, async (trx) => {
        await repo.updatePassage(trx, id, {
          ...values,
          originName,
          fromRiskArea: riskArea ? 1 : 0,
          fever: fever ? 1 : 0,
          updatedAt: nowIso(),
        });
        await handOver(
          trx,
          call,
          { id, cp: cp!, occurredAt: row.occurredAt, values, originName },
          { fever, riskAreaName: riskArea?.name ?? null },
        );
        await auditWrite(trx, call, 'passage.update', 'passage', id, row.regionPath, { fields: Object.keys(input), fever });
        await published(trx, 'passage.updated', id, cp!, fever && !row.fever);
      });
      return reload(id, actor.accountId);
    },

    async list(actor: Actor, query: PassageQueryInput): Promise<{ items: Passage[]; total: number }> {
      const scope = requireScope(actor, 'passages.read');
      const regionPath = await regions.readablePath(actor, 'passages.read', query.regionId);
      const cp = await readableCheckpoint(actor, query.checkpointId);
      if (query.from && query.to && query.to < query.from) throw invalidField('to', 'field.passage.toBeforeFrom');
      const { items, total } = await repo.listPassages(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(cp ? { checkpointId: cp.id } : {}),
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
        ...(query.direction ? { direction: query.direction } : {}),
        ...(query.subject ? { subject: query.subject } : {}),
        ...(query.fever !== undefined ? { fever: query.fever } : {}),
        ...(query.fromRiskArea !== undefined ? { fromRiskArea: query.fromRiskArea } : {}),
        limit: query.limit ?? 50,
        offset: query.offset ?? 0,
      });
      return { items: await presentAll(items, actor.accountId), total };
    },

    /** Name, mobile and plate in full for a caller who may reveal them there; audited. */
    async reveal(
      actor: Actor,
      call: CallContext,
      id: string,
    ): Promise<{ name: string | null; mobile: string | null; plate: string | null }> {
      const row = await repo.findPassage(db, id);
      if (!row) throw notFound();
      requireAccess(actor, 'passages.reveal', row.regionPath);
      if (row.anonymisedAt !== null) throw conflict('PASSAGE_ANONYMISED');
      await auditWrite(db, call, 'passage.reveal', 'passage', id, row.regionPath, { fields: ['name', 'mobile', 'plate'] });
      return { name: row.name, mobile: row.mobile, plate: row.plate };
    },

    async counts(actor: Actor, query: CountsQueryInput): Promise<{ items: PassageCounts[]; totals: CountTotals }> {
      const scope = requireScope(actor, 'passages.read');
      const regionPath = await regions.readablePath(actor, 'passages.read', query.regionId);
      const cp = await readableCheckpoint(actor, query.checkpointId);
      if (query.to < query.from) throw invalidField('to', 'field.passage.toBeforeFrom');
      if (daysBetween(query.from, query.to) >= MAX_COUNT_DAYS) {
        throw invalidField('to', 'field.passage.countsRange', { days: MAX_COUNT_DAYS });
      }
      const rows = await repo.countsOf(db, scope, {
        ...(regionPath ? { regionPath } : {}),
        ...(cp ? { checkpointId: cp.id } : {}),
        from: query.from,
        to: query.to,
      });
      const named = cp ? [cp] : await checkpoints.summaries(rows.map((r) => r.checkpointId));
      const cps = new Map(named.map((c) => [c.id, c]));
      const items = rows
        .map((r) => ({
          ...r,
          checkpointName: cps.get(r.checkpointId)?.name ?? '',
          regionName: cps.get(r.checkpointId)?.regionName ?? '',
        }))
        .sort(
          (a, b) =>
            b.date.localeCompare(a.date) ||
            collator.compare(a.regionName, b.regionName) ||
            collator.compare(a.checkpointName, b.checkpointName) ||
            a.checkpointId.localeCompare(b.checkpointId),
        );
      return { items, totals: sum(items) };
    },
  };
}
