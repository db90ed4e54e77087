/**
 * Duty data made straight in the database for tests (the access matrix, the roster and swap
 * tests): checkpoints, volunteers who are free at every hour, teams, and rosters with hand-placed
 * assignments, stored as the routes store them.
 */
import { randomUUID } from 'node:crypto';
import type { RiskLevel, RosterStatus } from '../../../common/enums.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { addDays, calendarDate, zonedInstant } from '../../platform/dates.ts';
import type { TestApp } from '../../../test/app.ts';
import type { ShiftSlot } from '../checkpoints/checkpoints.schemas.ts';
import { DEFAULT_ROSTER_RULES, type RosterRules } from './rosters.schemas.ts';

export const EVERY_SLOT = [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) =>
  (['night', 'morning', 'afternoon', 'evening'] as const).map((band) => ({ weekday, band })),
);

let counter = 0;

export function dutyFixtures(t: TestApp) {
  const db = () => t.deps.db.db;
  const today = () => calendarDate(t.deps.config.timeZone);

  return {
    /** A date `days` from today in the platform's zone. */
    day: (days: number) => addDays(today(), days),
    /** The UTC instant of a local time `days` from today. */
    at: (days: number, time: string) => zonedInstant(t.deps.config.timeZone, addDays(today(), days), time).toISOString(),

    async checkpoint(
      regionId: string,
      o: {
        name?: string;
        risk?: RiskLevel;
        pattern?: ShiftSlot[];
        teamId?: string | null;
        lat?: number | null;
        lng?: number | null;
        status?: 'active' | 'closed';
      } = {},
    ): Promise<{ id: string; name: string }> {
      const id = newId();
      const now = nowIso();
      const name = o.name ?? `卡点${++counter}`;
      await db()
        .insertInto('checkpoints')
        .values({
          id,
          name,
          kind: 'estate_gate',
          regionId,
          address: null,
          lat: o.lat ?? null,
          lng: o.lng ?? null,
          risk: o.risk ?? 3,
          hours24: 1,
          opensAt: null,
          closesAt: null,
          shiftPattern: JSON.stringify(o.pattern ?? [{ start: '08:00', end: '16:00', people: 1 }]),
          teamId: o.teamId ?? null,
          status: o.status ?? 'active',
          checkInCode: randomUUID().slice(0, 8).toUpperCase(),
          note: null,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      return { id, name };
    },

    /** An active volunteer free at every hour of the week (unless told otherwise). */
    async volunteer(
      regionId: string,
      o: {
        name?: string;
        accountId?: string | null;
        availability?: { weekday: number; band: string }[];
        status?: 'active' | 'paused';
      } = {},
    ): Promise<{ id: string; name: string }> {
      const name = o.name ?? `值守员${++counter}`;
      const { id } = await t.factory.volunteer({
        regionId,
        name,
        accountId: o.accountId ?? null,
        ...(o.status ? { status: o.status } : {}),
      });
      await db()
        .updateTable('volunteers')
        .set({ availability: JSON.stringify(o.availability ?? EVERY_SLOT) })
        .where('id', '=', id)
        .execute();
      return { id, name };
    },

    async team(regionId: string, o: { name?: string; leaderVolunteerId?: string; parentTeamId?: string } = {}): Promise<string> {
      const id = newId();
      const now = nowIso();
      await db()
        .insertInto('teams')
        .values({
          id,
          parentTeamId: o.parentTeamId ?? null,
          name: o.name ?? `值守队${++counter}`,
          kind: 'volunteer_service',
          regionId,
          leaderVolunteerId: o.leaderVolunteerId ?? null,
          description: null,
          branchName: null,
          branchSecretaryId: null,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      return id;
    },

    async member(teamId: string, volunteerId: string): Promise<void> {
      await db()
        .insertInto('teamMembers')
        .values({ teamId, volunteerId, roleTags: '[]', inBranch: 0, joinedAt: nowIso() })
        .execute();
    },

    /**
     * A roster as stored: its shifts (UTC instants) and assignments (volunteer ids per shift, in
     * the same order), without the optimiser.
     */
    async roster(o: {
      regionId: string;
      startsOn: string;
      endsOn: string;
      status?: RosterStatus;
      name?: string;
      rules?: Partial<RosterRules>;
      shifts: { checkpointId: string; startsAt: string; endsAt: string; required?: number; volunteerIds?: string[] }[];
    }): Promise<{ id: string; name: string; shiftIds: string[]; assignmentIds: string[][] }> {
      const id = newId();
      const now = nowIso();
      const published = o.status === 'published';
      const name = o.name ?? `测试排班${++counter}`;
      await db()
        .insertInto('rosters')
        .values({
          id,
          regionId: o.regionId,
          name,
          startsOn: o.startsOn,
          endsOn: o.endsOn,
          status: o.status ?? 'draft',
          version: published ? 1 : 0,
          rules: JSON.stringify({ ...DEFAULT_ROSTER_RULES, ...o.rules }),
          generation: null,
          createdBy: null,
          publishedAt: published ? now : null,
          publishedBy: null,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
      const shiftIds: string[] = [];
      const assignmentIds: string[][] = [];
      for (const s of o.shifts) {
        const shiftId = newId();
        shiftIds.push(shiftId);
        await db()
          .insertInto('rosterShifts')
          .values({
            id: shiftId,
            rosterId: id,
            checkpointId: s.checkpointId,
            startsAt: s.startsAt,
            endsAt: s.endsAt,
            required: s.required ?? 1,
          })
          .execute();
        const ids: string[] = [];
        for (const volunteerId of s.volunteerIds ?? []) {
          const assignmentId = newId();
          ids.push(assignmentId);
          await db()
            .insertInto('rosterAssignments')
            .values({ id: assignmentId, rosterId: id, shiftId, volunteerId, source: 'optimiser', createdAt: now })
            .execute();
        }
        assignmentIds.push(ids);
      }
      return { id, name, shiftIds, assignmentIds };
    },
  };
}

export type DutyFixtures = ReturnType<typeof dutyFixtures>;
