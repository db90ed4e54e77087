/**
 * The roster in and out of Excel: the template, the export of a filtered list, and the import that
 * checks every row (against the file and the registry) and writes all of it, or only the valid
 * rows when asked, in one transaction; or nothing.
 */
import type { Writable } from 'node:stream';
import type { Skill, VolunteerStatus } from '../../../common/enums.ts';
import { idCardProblem, normalizeIdCard } from '../../../common/idcard.ts';
import { GENDER_LABELS, VOLUNTEER_STATUS_LABELS, SKILL_LABELS } from '../../../common/labels.ts';
import { maskIdCard, maskMobile } from '../../../common/mask.ts';
import { isValidMobile } from '../../../common/phone.ts';
import { inScope, requireScope, type Actor, type Scope } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { isUniqueViolation } from '../../platform/db/dialect.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, type RowProblem } from '../../platform/errors.ts';
import type { CellValue } from '../../platform/spreadsheet.ts';
import {
  formatAvailability,
  idNumberText,
  mobileText,
  parseAvailability,
  parseDate,
  parseGender,
  parseSkills,
  parseStatus,
  parseText,
  parseYesNo,
  type Parsed,
} from './volunteers.import.rules.ts';
import * as repo from './volunteers.repository.ts';
import type { AvailabilitySlot, VolunteerFilterInput } from './volunteers.schemas.ts';
import { HOME_LEVELS, volunteerRow, type NewVolunteer, type VolunteersService } from './volunteers.service.ts';
import { calendarDate } from '../../platform/dates.ts';
import { readRoster, rosterBuffer, writeRoster, type RosterField, type RosterLine, type RosterSheet } from './volunteers.xlsx.ts';

export type VolunteersImportService = ReturnType<typeof volunteersImportService>;

/** A line of the NDJSON answer while the import runs. */
export interface ImportProgress {
  type: 'progress';
  phase: 'read' | 'check' | 'write';
  done: number;
  total: number;
}

export interface ImportOutcome {
  total: number;
  valid: number;
  invalid: number;
  created: number;
  /** Every problem (the route sends the first thousand), in row order. */
  problems: RowProblem[];
}

/** A row that passed every check, ready to seal and insert; `unitName` is the text typed in. */
type Candidate = Omit<
  NewVolunteer,
  'id' | 'pledgeId' | 'accountId' | 'idNumberEnc' | 'idNumberIndex' | 'unitId' | 'regionId' | 'status' | 'statusSince'
> & {
  row: number;
  status: VolunteerStatus;
  idNumber: string;
  idIndex: string;
  regionCode: string;
  statusSince: string | null;
};

/** Progress lines come every this many rows: often enough for a bar, rare enough to stay small. */
const PROGRESS_EVERY = 1000;
const WRITE_BATCH = 500;

/** The deepest region path all these paths lie under (the audit record's region); null when they share none. */
function sharedPath(paths: readonly string[]): string | null {
  if (paths.length === 0) return null;
  // The common prefix of a sorted set is the common prefix of its first and last members.
  const sorted = [...paths].sort();
  const first = sorted[0]!;
  const last = sorted.at(-1)!;
  let n = 0;
  while (n < first.length && first[n] === last[n]) n++;
  const prefix = first.slice(0, first.lastIndexOf('/', n - 1) + 1);
  return prefix.length > 1 ? prefix : null;
}

export function volunteersImportService(deps: Deps, volunteers: VolunteersService) {
  const {
    db: { db, dialect },
    pii,
    events,
  } = deps;
  const today = () => calendarDate(deps.config.timeZone);

  /** Rosters repeat the same few skill and availability texts thousands of times: each is parsed once. */
  function memo<T>(parse: (value: CellValue) => Parsed<T>): (value: CellValue) => Parsed<T> {
    const seen = new Map<string, Parsed<T>>();
    return (value) => {
      if (typeof value !== 'string') return parse(value);
      let parsed = seen.get(value);
      if (!parsed) seen.set(value, (parsed = parse(value)));
      return parsed;
    };
  }

  /** Reads each field of a row; every problem is collected under the column heading the file uses. */
  function checkRow(
    sheet: RosterSheet,
    r: RosterSheet['rows'][number],
    problems: RowProblem[],
    day: string,
    parsers: { skills: typeof parseSkills; availability: typeof parseAvailability },
  ): Candidate | null {
    const before = problems.length;
    const field = <T>(name: RosterField, parsed: Parsed<T>): T | undefined => {
      if (parsed.ok) return parsed.value;
      problems.push({
        row: r.row,
        field: name,
        ...(sheet.headers[name] ? { column: sheet.headers[name] } : {}),
        ...parsed.problem,
      });
      return undefined;
    };
    const cell = (name: RosterField): CellValue => r.cells[name] ?? null;

    const name = field('name', parseText(cell('name'), 40, true));
    const gender = field('gender', parseGender(cell('gender')));
    let idNumber = field('idNumber', idNumberText(cell('idNumber')));
    if (idNumber !== undefined) {
      const problem = idCardProblem(idNumber);
      if (problem) idNumber = field('idNumber', { ok: false, problem: { reason: `field.idCard.${problem}` } });
      else idNumber = normalizeIdCard(idNumber);
    }
    const mobile = mobileText(cell('mobile'));
    if (!mobile) field('mobile', { ok: false, problem: { reason: 'field.required' } });
    else if (!isValidMobile(mobile)) field('mobile', { ok: false, problem: { reason: 'field.mobile' } });
    const partyMember = field('partyMember', parseYesNo(cell('partyMember')));
    const partyBranch = field('partyBranch', parseText(cell('partyBranch'), 80, false));
    const unitName = field('unit', parseText(cell('unit'), 80, false));
    const homeAddress = field('homeAddress', parseText(cell('homeAddress'), 120, true));
    const regionCode = field('regionCode', parseText(cell('regionCode'), 32, true));
    const skills = field('skills', parsers.skills(cell('skills')));
    const availability = field('availability', parsers.availability(cell('availability')));
    const status = field('status', parseStatus(cell('status')));
    const statusReason = field('statusReason', parseText(cell('statusReason'), 200, false));
    if (status && status !== 'active' && statusReason === null) {
      field('statusReason', { ok: false, problem: { reason: 'field.volunteer.reasonRequired' } });
    }
    let statusSince = field('statusSince', parseDate(cell('statusSince')));
    if (statusSince && statusSince > day)
      statusSince = field('statusSince', { ok: false, problem: { reason: 'field.volunteer.future' } });

    if (problems.length > before) return null;
    return {
      row: r.row,
      name: name!,
      gender: gender!,
      idNumber: idNumber!,
      idIndex: pii.blindIndex(idNumber!),
      mobile,
      partyMember: partyMember!,
      partyBranch: partyMember ? (partyBranch ?? null) : null,
      unitName: unitName ?? null,
      homeAddress: homeAddress!,
      regionCode: regionCode!,
      skills: skills!,
      availability: availability!,
      status: status!,
      statusReason: status === 'active' ? null : (statusReason ?? null),
      statusSince: statusSince ?? null,
    };
  }

  /** Units by name: the one registered under that name, or among several the one nearest above the home. */
  async function unitResolver(names: string[]) {
    const units = await repo.unitsByNames(db, names);
    return (name: string, homePath: string): string | null => {
      const same = units.filter((u) => u.name === name);
      if (same.length === 1) return same[0]!.id;
      const above = same
        .filter((u) => homePath.startsWith(u.regionPath))
        .sort((a, b) => b.regionPath.length - a.regionPath.length);
      return above[0]?.id ?? null;
    };
  }

  async function* linesOf(pages: AsyncIterable<repo.VolunteerRow[]>): AsyncGenerator<RosterLine[]> {
    for await (const page of pages) {
      yield page.map((v) => ({
        name: v.name,
        gender: GENDER_LABELS[v.gender as 'male' | 'female']?.['zh-CN'] ?? v.gender,
        idNumber: maskIdCard(pii.decrypt(v.idNumberEnc)),
        mobile: maskMobile(v.mobile),
        partyMember: v.partyMember ? '是' : '否',
        partyBranch: v.partyBranch ?? '',
        unit: v.unitName ?? '',
        homeAddress: v.homeAddress,
        regionCode: v.regionCode ?? '',
        skills: (JSON.parse(v.skills) as Skill[]).map((s) => SKILL_LABELS[s]?.['zh-CN'] ?? s).join('、'),
        availability: formatAvailability(JSON.parse(v.availability) as AvailabilitySlot[]),
        status: VOLUNTEER_STATUS_LABELS[v.status]['zh-CN'],
        statusReason: v.statusReason ?? '',
        statusSince: new Date(`${v.statusSince}T00:00:00Z`),
      }));
    }
  }

  return {
    template: (): Promise<Buffer> => rosterBuffer([], false),

    /**
     * The export of the filtered list into `out`. The filters are checked (and a foreign region
     * refused) before the returned promise starts writing, so the route can still answer 4xx.
     */
    async exporter(actor: Actor, query: VolunteerFilterInput): Promise<(out: Writable) => Promise<void>> {
      const { scope, filter } = await volunteers.filterOf(actor, query);
      return (out) => writeRoster(out, linesOf(repo.eachVolunteer(db, dialect, scope, filter)), true);
    },

    /** Reads the file: anything that stops it being a roster at all is thrown here, before any answer starts. */
    async read(actor: Actor, bytes: Buffer | undefined): Promise<{ scope: Scope; sheet: RosterSheet }> {
      const scope = requireScope(actor, 'volunteers.write');
      return { scope, sheet: await readRoster(bytes) };
    },

    async run(
      { scope, sheet }: { scope: Scope; sheet: RosterSheet },
      call: CallContext,
      onlyValid: boolean,
      /** Resolves once the line is on its way: the import yields to the event loop, so lines leave as they come. */
      progress: (line: ImportProgress) => Promise<void>,
    ): Promise<ImportOutcome> {
      const total = sheet.rows.length;
      await progress({ type: 'progress', phase: 'read', done: total, total });
      const day = today();
      const problems: RowProblem[] = [];
      const problem = (row: number, field: RosterField, reason: string, params?: RowProblem['params']) =>
        problems.push({
          row,
          field,
          ...(sheet.headers[field] ? { column: sheet.headers[field] } : {}),
          reason,
          ...(params ? { params } : {}),
        });

      // Rows alone: each field, and ID numbers repeated within the file.
      const candidates: Candidate[] = [];
      const firstRowOf = new Map<string, number>();
      const parsers = { skills: memo(parseSkills), availability: memo(parseAvailability) };
      for (const [i, r] of sheet.rows.entries()) {
        const c = checkRow(sheet, r, problems, day, parsers);
        if (c) {
          const first = firstRowOf.get(c.idIndex);
          if (first !== undefined) problem(c.row, 'idNumber', 'field.unique', { row: first });
          else {
            firstRowOf.set(c.idIndex, c.row);
            candidates.push(c);
          }
        }
        if ((i + 1) % PROGRESS_EVERY === 0) await progress({ type: 'progress', phase: 'check', done: i + 1, total });
      }

      // Rows against the database: home regions in the caller's scope, ID numbers already registered.
      const regions = await repo.regionsByCodes(db, [...new Set(candidates.map((c) => c.regionCode))]);
      const registered = await repo.existingIdIndexes(
        db,
        candidates.map((c) => c.idIndex),
      );
      const units = await unitResolver([...new Set(candidates.flatMap((c) => (c.unitName ? [c.unitName] : [])))]);
      const valid: (Candidate & { regionId: string; regionPath: string; unitId: string | null })[] = [];
      for (const c of candidates) {
        const region = regions.get(c.regionCode);
        let ok = true;
        // A region outside the caller's scope reads as one that does not exist.
        if (!region || !inScope(scope, region.path)) {
          problem(c.row, 'regionCode', 'field.volunteer.regionCode', { code: c.regionCode });
          ok = false;
        } else if (!HOME_LEVELS.has(region.level)) {
          problem(c.row, 'regionCode', 'field.volunteer.homeLevel');
          ok = false;
        }
        if (registered.has(c.idIndex)) {
          problem(c.row, 'idNumber', 'field.volunteer.registered');
          ok = false;
        }
        if (ok && region) {
          valid.push({
            ...c,
            regionId: region.id,
            regionPath: region.path,
            unitId: c.unitName ? units(c.unitName, region.path) : null,
          });
        }
      }
      await progress({ type: 'progress', phase: 'check', done: total, total });
      problems.sort((a, b) => a.row - b.row);
      const invalid = new Set(problems.map((p) => p.row)).size;
      const outcome = { total, valid: valid.length, invalid, created: 0, problems };
      if ((invalid > 0 && !onlyValid) || valid.length === 0) return outcome;

      const now = nowIso();
      try {
        await transact(db, call, async (trx) => {
          for (let i = 0; i < valid.length; i += WRITE_BATCH) {
            const batch = valid.slice(i, i + WRITE_BATCH).map((c) => ({ ...c, id: newId() }));
            await repo.insertVolunteers(
              trx,
              batch.map((c) =>
                volunteerRow({
                  ...c,
                  pledgeId: null,
                  accountId: null,
                  // Sealed as sealIdNumber does, reusing the blind index the check already computed.
                  idNumberEnc: pii.encrypt(c.idNumber),
                  idNumberIndex: c.idIndex,
                  statusSince: c.statusSince ?? day,
                }),
              ),
              now,
            );
            // Who arrives paused or withdrawn gets that in their history, with the file's date and reason.
            await repo.insertStatusChanges(
              trx,
              batch
                .filter((c) => c.status !== 'active')
                .map((c) => ({
                  id: newId(),
                  volunteerId: c.id,
                  status: c.status,
                  reason: c.statusReason,
                  effectiveOn: c.statusSince ?? day,
                  byAccountId: call.actorId,
                })),
              now,
            );
            await progress({
              type: 'progress',
              phase: 'write',
              done: Math.min(i + WRITE_BATCH, valid.length),
              total: valid.length,
            });
          }
          // One record and one event for the whole file keep a 10,000-row import fast.
          const regionPath = sharedPath([...new Set(valid.map((c) => c.regionPath))]);
          await auditWrite(trx, call, 'volunteer.import', 'volunteer', null, regionPath, {
            rows: total,
            created: valid.length,
            invalid,
            onlyValid,
          });
          await events.publish(trx, {
            type: 'volunteer.imported',
            permission: 'volunteers.read',
            regionPath,
            entityType: 'volunteer',
            entityId: null,
            data: { created: valid.length },
          });
        });
      } catch (error) {
        // Another request registered one of the ID numbers between the check and the write.
        if (isUniqueViolation(error)) throw conflict('VOLUNTEER_DUPLICATE');
        throw error;
      }
      return { ...outcome, created: valid.length };
    },
  };
}
