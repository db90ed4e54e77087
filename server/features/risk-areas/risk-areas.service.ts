import type { Kysely } from 'kysely';
import { RISK_AREA_LEVELS } from '../../../common/enums.ts';
import { requireScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { calendarDate } from '../../platform/dates.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, invalidField, notFound } from '../../platform/errors.ts';
import { coveringCodes, divisionByCode, divisionChildren, searchDivisions } from './divisions.ts';
import * as repo from './risk-areas.repository.ts';
import type {
  CreateRiskAreaInput,
  Division,
  DivisionQueryInput,
  RiskArea,
  RiskAreaQueryInput,
  UpdateRiskAreaInput,
} from './risk-areas.schemas.ts';

export type RiskAreasService = ReturnType<typeof riskAreasService>;

/**
 * The national division list (GB/T 2260) and the risk-area list. The list holds for the whole
 * platform: `riskAreas.write` anywhere lets its holder (the organisation department) keep it, and
 * every signed-in account reads it. `match` and `division` serve the passage log without checks.
 */
export function riskAreasService(deps: Deps) {
  const {
    db: { db },
    config: { timeZone },
  } = deps;
  const today = () => calendarDate(timeZone);

  const present = (r: repo.RiskAreaRow, on: string): RiskArea => ({
    id: r.id,
    code: r.code,
    name: r.name,
    level: r.level,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    note: r.note,
    active: r.startsOn <= on && (r.endsOn === null || r.endsOn >= on),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  });

  async function writable(actor: Actor, id: string): Promise<repo.RiskAreaRow> {
    requireScope(actor, 'riskAreas.write');
    const row = await repo.findRiskArea(db, id);
    if (!row) throw notFound();
    return row;
  }

  function checkPeriod(startsOn: string, endsOn: string | null): void {
    if (endsOn !== null && endsOn < startsOn) throw invalidField('endsOn', 'field.riskArea.endsBeforeStart');
  }

  /** Two periods of one code would make "since when" ambiguous: change the existing one instead. */
  async function assertNoOverlap(q: Kysely<Database>, code: string, startsOn: string, endsOn: string | null, exceptId?: string) {
    const other = await repo.overlapping(q, code, startsOn, endsOn, exceptId);
    if (other) {
      throw conflict('RISK_AREA_OVERLAP', { name: other.name, startsOn: other.startsOn, endsOn: other.endsOn ?? '—' });
    }
  }

  return {
    division: (code: string): Division | undefined => divisionByCode(code),

    /** Any signed-in account: the list is public knowledge. */
    divisions(query: DivisionQueryInput): Division[] {
      const limit = query.limit ?? 20;
      const q = query.q?.trim();
      if (query.parent && !divisionByCode(query.parent)) throw invalidField('parent', 'field.division.unknown');
      if (q) return searchDivisions(q, { limit, ...(query.parent ? { parent: query.parent } : {}) });
      return (divisionChildren(query.parent ?? null) ?? []).slice(0, limit);
    },

    getDivision(code: string): Division {
      const d = divisionByCode(code);
      if (!d) throw notFound();
      return d;
    },

    /**
     * The risk area an origin fell in on `date` (a province or city covers everything under it),
     * or null. With several, the high-risk one, then the most precise. Runs on `q` so a write's
     * transaction can ask.
     */
    async match(q: Kysely<Database>, originCode: string, date: string): Promise<RiskArea | null> {
      const rows = await repo.inForce(q, coveringCodes(originCode), date);
      rows.sort((a, b) => RISK_AREA_LEVELS.indexOf(a.level) - RISK_AREA_LEVELS.indexOf(b.level) || b.code.localeCompare(a.code));
      return rows[0] ? present(rows[0], date) : null;
    },

    /** The areas in force today, for the entry page's quick picks. */
    async activeNow(): Promise<RiskArea[]> {
      const on = today();
      return (await repo.listRiskAreas(db)).map((r) => present(r, on)).filter((r) => r.active);
    },

    /** Any signed-in account: the entry page marks arrivals by it. */
    async list(query: RiskAreaQueryInput): Promise<{ items: RiskArea[] }> {
      const on = today();
      const items = (await repo.listRiskAreas(db)).map((r) => present(r, on));
      return { items: query.active === undefined ? items : items.filter((r) => r.active === query.active) };
    },

    async create(actor: Actor, call: CallContext, input: CreateRiskAreaInput): Promise<RiskArea> {
      requireScope(actor, 'riskAreas.write');
      const division = divisionByCode(input.code);
      if (!division) throw invalidField('code', 'field.division.unknown');
      const endsOn = input.endsOn ?? null;
      checkPeriod(input.startsOn, endsOn);
      const now = nowIso();
      const row = {
        id: newId(),
        code: division.code,
        name: division.fullName,
        level: input.level,
        startsOn: input.startsOn,
        endsOn,
        note: input.note?.trim() || null,
        createdAt: now,
        updatedAt: now,
      };
      await transact(db, call, async (trx) => {
        await assertNoOverlap(trx, row.code, row.startsOn, row.endsOn);
        await repo.insertRiskArea(trx, row);
        await auditWrite(trx, call, 'riskArea.create', 'risk_area', row.id, null, {
          code: row.code,
          level: row.level,
          startsOn: row.startsOn,
          endsOn: row.endsOn,
        });
      });
      return present(row, today());
    },

    async update(actor: Actor, call: CallContext, id: string, input: UpdateRiskAreaInput): Promise<RiskArea> {
      const row = await writable(actor, id);
      const patch = {
        ...(input.level !== undefined ? { level: input.level } : {}),
        ...(input.startsOn !== undefined ? { startsOn: input.startsOn } : {}),
        ...(input.endsOn !== undefined ? { endsOn: input.endsOn } : {}),
        ...(input.note !== undefined ? { note: input.note?.trim() || null } : {}),
      };
      const next = { ...row, ...patch };
      checkPeriod(next.startsOn, next.endsOn);
      await transact(db, call, async (trx) => {
        await assertNoOverlap(trx, row.code, next.startsOn, next.endsOn, id);
        await repo.updateRiskArea(trx, id, patch, nowIso());
        await auditWrite(trx, call, 'riskArea.update', 'risk_area', id, null, { code: row.code, fields: Object.keys(patch) });
      });
      return present((await repo.findRiskArea(db, id))!, today());
    },

    /** Passages keep the flag they were logged with: the list says what holds now, not what held then. */
    async remove(actor: Actor, call: CallContext, id: string): Promise<void> {
      const row = await writable(actor, id);
      await transact(db, call, async (trx) => {
        await repo.deleteRiskArea(trx, id);
        await auditWrite(trx, call, 'riskArea.delete', 'risk_area', id, null, { code: row.code, startsOn: row.startsOn });
      });
    },
  };
}
