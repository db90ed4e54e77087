/**
 * Checkpoints, rosters, shifts and assignments made straight in the database, so attendance tests
 * and matrix cases depend on neither the checkpoint routes nor roster generation.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { newId, nowIso } from '../../platform/db/ids.ts';
import type { Database } from '../../platform/db/schema.ts';
import type { RosterRules } from './rosters.schemas.ts';

type Q = Kysely<Database>;

const MINUTE = 60_000;

/** An ISO instant `minutes` from now (negative: in the past). */
export const inMinutes = (minutes: number, from: number = Date.now()): string => nowIso(new Date(from + minutes * MINUTE));

export async function makeCheckpoint(
  db: Q,
  o: { regionId: string; name?: string; risk?: number; teamId?: string | null },
): Promise<{ id: string; code: string; name: string }> {
  const id = newId();
  const code = randomBytes(8).toString('hex').toUpperCase();
  const name = o.name ?? `卡点${code.slice(0, 6)}`;
  const now = nowIso();
  await db
    .insertInto('checkpoints')
    .values({
      id,
      name,
      kind: 'estate_gate',
      regionId: o.regionId,
      address: '测试路 2 号',
      lat: 32.98,
      lng: 114.02,
      risk: o.risk ?? 2,
      hours24: 1,
      opensAt: null,
      closesAt: null,
      shiftPattern: JSON.stringify([{ start: '08:00', end: '16:00', people: 2 }]),
      teamId: o.teamId ?? null,
      status: 'active',
      checkInCode: code,
      note: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return { id, code, name };
}

/** A roster over a few days around today (published unless told otherwise). */
export async function makeRoster(
  db: Q,
  o: { regionId: string; status?: 'draft' | 'published'; rules?: Partial<RosterRules>; name?: string },
): Promise<string> {
  const id = newId();
  const now = nowIso();
  const day = (offset: number) => nowIso(new Date(Date.now() + offset * 24 * 60 * MINUTE)).slice(0, 10);
  await db
    .insertInto('rosters')
    .values({
      id,
      regionId: o.regionId,
      name: o.name ?? '测试排班',
      startsOn: day(-2),
      endsOn: day(3),
      status: o.status ?? 'published',
      version: o.status === 'draft' ? 0 : 1,
      rules: JSON.stringify(o.rules ?? {}),
      generation: null,
      createdBy: null,
      publishedAt: o.status === 'draft' ? null : now,
      publishedBy: null,
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  return id;
}

export async function makeShift(
  db: Q,
  o: { rosterId: string; checkpointId: string; startsAt: string; endsAt: string; required?: number },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('rosterShifts')
    .values({
      id,
      rosterId: o.rosterId,
      checkpointId: o.checkpointId,
      startsAt: o.startsAt,
      endsAt: o.endsAt,
      required: o.required ?? 2,
    })
    .execute();
  return id;
}

export async function assign(
  db: Q,
  o: { rosterId: string; shiftId: string; volunteerId: string; checkedInAt?: string; absentAt?: string },
): Promise<string> {
  const id = newId();
  await db
    .insertInto('rosterAssignments')
    .values({
      id,
      rosterId: o.rosterId,
      shiftId: o.shiftId,
      volunteerId: o.volunteerId,
      source: 'optimiser',
      createdAt: nowIso(),
      checkedInAt: o.checkedInAt ?? null,
      checkInLat: null,
      checkInLng: null,
      checkInAccuracy: null,
      checkedOutAt: null,
      checkOutLat: null,
      checkOutLng: null,
      checkOutAccuracy: null,
      absentAt: o.absentAt ?? null,
      hours: null,
    })
    .execute();
  return id;
}

/** The volunteer record of an account (made on first use: an account has at most one). */
export async function volunteerOfAccount(
  db: Q,
  factory: { volunteer(o: { regionId: string; accountId: string; name?: string }): Promise<{ id: string }> },
  accountId: string,
  regionId: string,
  name?: string,
): Promise<string> {
  const existing = await db.selectFrom('volunteers').select('id').where('accountId', '=', accountId).executeTakeFirst();
  if (existing) return existing.id;
  return (await factory.volunteer({ regionId, accountId, ...(name ? { name } : {}) })).id;
}
