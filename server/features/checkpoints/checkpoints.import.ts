/**
 * Checkpoints in and out of Excel: the template, the export, and the import that checks every row
 * (against the file and the registry) and then writes all of it in one transaction, or nothing.
 * A row matches a stored checkpoint by region and name and updates it, so an export imported back
 * changes nothing.
 */
import { CHECKPOINT_KIND_LABELS } from '../../../common/labels.ts';
import { inScope, requireAccess, requireScope, type Actor, type Scope } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { isUniqueViolation } from '../../platform/db/dialect.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, invalidRows, notFound, type RowProblem } from '../../platform/errors.ts';
import type { Region } from '../regions/regions.schemas.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import type { TeamsService } from '../teams/teams.service.ts';
import type { CellValue } from '../../platform/spreadsheet.ts';
import { cellText, parseText, type Parsed } from '../volunteers/volunteers.import.rules.ts';
import { newCheckInCode } from './checkpoints.code.ts';
import { namesAlong, parseKind, parseNumber, parseRisk, placeNames } from './checkpoints.import.rules.ts';
import { formatHours, formatPattern, parseHours, parsePattern } from './checkpoints.pattern.ts';
import * as repo from './checkpoints.repository.ts';
import { CHECKPOINT_LEVELS, shapeProblems } from './checkpoints.rules.ts';
import type { ExportQueryInput, ImportCounts } from './checkpoints.schemas.ts';
import { checkpointsWorkbook, readCheckpointsSheet, type Sheet, type SheetField, type SheetLine } from './checkpoints.xlsx.ts';
import { REGION_CODE_PATTERN } from '../regions/regions.schemas.ts';

export type CheckpointsImportService = ReturnType<typeof checkpointsImportService>;

type Values = Omit<repo.CheckpointValues, 'regionId' | 'status' | 'teamId'>;
/** A row whose cells all read well, before its region and team are looked up. */
type Candidate = Values & { row: number; place: string; team: string | null };

const REGION_CODE = new RegExp(REGION_CODE_PATTERN);

/** Which column a rule's field belongs to. */
function columnOf(field: string): SheetField {
  if (field === 'opensAt' || field === 'closesAt') return 'hours';
  if (field.startsWith('shiftPattern')) return 'pattern';
  if (field === 'lat' || field === 'lng' || field === 'risk') return field;
  return 'name';
}

/** The deepest region path every given path lies under, for the audit record; null when they share none. */
function sharedPath(paths: readonly string[]): string | null {
  if (paths.length === 0) return null;
  const [first, ...rest] = paths.map((p) => p.split('/').filter(Boolean));
  let n = first!.length;
  for (const parts of rest) while (n > 0 && parts[n - 1] !== first![n - 1]) n--;
  return n > 0 ? `/${first!.slice(0, n).join('/')}/` : null;
}

const same = (a: Values & { teamId: string | null }, b: repo.CheckpointRow) =>
  a.kind === b.kind &&
  a.address === b.address &&
  a.lat === b.lat &&
  a.lng === b.lng &&
  a.risk === b.risk &&
  a.hours24 === b.hours24 &&
  a.opensAt === b.opensAt &&
  a.closesAt === b.closesAt &&
  formatPattern(a.shiftPattern) === formatPattern(b.shiftPattern) &&
  a.teamId === b.teamId &&
  a.note === b.note;

export function checkpointsImportService(
  { db: { db }, events }: Deps,
  { regions, teams }: { regions: RegionsService; teams: TeamsService },
) {
  /** The full name of each region, from the top: what the export writes and the import reads back. */
  async function fullNames(rows: readonly repo.CheckpointRow[]): Promise<Map<string, string>> {
    const ids = new Set(rows.flatMap((r) => r.regionPath.split('/').filter(Boolean)));
    const names = new Map<string, string>();
    const list = [...ids];
    for (let i = 0; i < list.length; i += 500) {
      for (const r of await regions.findByIds(list.slice(i, i + 500))) names.set(r.id, r.name);
    }
    return new Map(
      rows.map((r) => [
        r.regionId,
        r.regionPath
          .split('/')
          .filter(Boolean)
          .map((id) => names.get(id) ?? '')
          .join('/'),
      ]),
    );
  }

  /**
   * Each written place to the one region it names in the caller's scope, or the reason it names
   * none: a code first, else names along the region's chain (regions out of scope are not seen).
   */
  async function placeResolver(texts: string[], scope: Scope): Promise<(text: string) => Parsed<Region>> {
    const byCode = new Map<string, Region>();
    const codes = texts.filter((t) => REGION_CODE.test(t));
    for (const r of codes.length ? await regions.findByCodes(codes) : [])
      if (r.code && inScope(scope, r.path)) byCode.set(r.code, r);
    const allNames = [...new Set(texts.flatMap(placeNames))];
    const named: Region[] = [];
    for (let i = 0; i < allNames.length; i += 500) named.push(...(await regions.findByNames(allNames.slice(i, i + 500))));
    const nameOf = new Map(named.map((r) => [r.id, r.name]));
    const inReach = named.filter((r) => inScope(scope, r.path));
    return (text) => {
      const coded = byCode.get(text);
      if (coded) return { ok: true, value: coded };
      const names = placeNames(text);
      const matches = inReach.filter((r) => namesAlong(r, names, (id) => nameOf.get(id)));
      if (matches.length === 1) return { ok: true, value: matches[0]! };
      const reason = matches.length === 0 ? 'field.checkpoint.region' : 'field.checkpoint.regionAmbiguous';
      return { ok: false, problem: { reason, params: { text } } };
    };
  }

  /**
   * Each team name to the one team the caller can see: the nearest one responsible for the
   * checkpoint's region when several share the name, else the only one.
   */
  async function teamResolver(actor: Actor, names: string[]): Promise<(name: string, regionPath: string) => Parsed<string>> {
    const found = new Map<string, { id: string; path: string }[]>();
    for (const name of names) {
      const { items } = await teams.list(actor, { q: name, limit: 500 });
      const exact = items.filter((t) => t.name === name);
      const paths = new Map((await regions.findByIds([...new Set(exact.map((t) => t.regionId))])).map((r) => [r.id, r.path]));
      found.set(
        name,
        exact.map((t) => ({ id: t.id, path: paths.get(t.regionId) ?? '' })),
      );
    }
    return (name, regionPath) => {
      const all = found.get(name) ?? [];
      const above = all.filter((t) => t.path && regionPath.startsWith(t.path)).sort((a, b) => b.path.length - a.path.length);
      const nearest = above.length > 1 && above[0]!.path.length === above[1]!.path.length ? null : above[0];
      const pick = nearest ?? (above.length === 0 && all.length === 1 ? all[0] : undefined);
      if (pick) return { ok: true, value: pick.id };
      const reason = all.length === 0 ? 'field.checkpoint.teamName' : 'field.checkpoint.teamAmbiguous';
      return { ok: false, problem: { reason, params: { text: name } } };
    };
  }

  /** Reads each cell of a row and applies the checkpoint rules; every problem is collected under its column. */
  function checkRow(r: Sheet['rows'][number], report: (row: number, field: SheetField, p: Parsed<never>) => void) {
    let wrong = false;
    const field = <T>(name: SheetField, parsed: Parsed<T>): T | undefined => {
      if (parsed.ok) return parsed.value;
      wrong = true;
      report(r.row, name, parsed);
      return undefined;
    };
    const cell = (name: SheetField): CellValue => r.cells[name] ?? null;
    const name = field('name', parseText(cell('name'), 60, true));
    const kind = field('kind', parseKind(cell('kind')));
    const place = field('region', parseText(cell('region'), 200, true));
    const address = field('address', parseText(cell('address'), 120, false));
    const lat = field('lat', parseNumber(cell('lat')));
    const lng = field('lng', parseNumber(cell('lng')));
    const risk = field('risk', parseRisk(cell('risk')));
    const hours = field('hours', parseHours(cellText(cell('hours'))));
    const shiftPattern = field('pattern', parsePattern(cellText(cell('pattern'))));
    const team = field('team', parseText(cell('team'), 60, false));
    const note = field('note', parseText(cell('note'), 500, false));
    if (wrong) return null;
    const values: Candidate = {
      row: r.row,
      name: name!,
      kind: kind!,
      place: place!,
      address: address ?? null,
      lat: lat ?? null,
      lng: lng ?? null,
      risk: risk!,
      ...hours!,
      shiftPattern: shiftPattern!,
      team: team ?? null,
      note: note ?? null,
    };
    const problems = shapeProblems(values);
    for (const [f, problem] of Object.entries(problems)) report(r.row, columnOf(f), { ok: false, problem });
    return Object.keys(problems).length ? null : values;
  }

  return {
    template: (): Promise<Buffer> => checkpointsWorkbook([]),

    /** The checkpoints under the region (or the caller's whole scope), every status, by place then name. */
    async exportWorkbook(actor: Actor, query: ExportQueryInput): Promise<Buffer> {
      const scope = requireScope(actor, 'checkpoints.read');
      let regionPath: string | undefined;
      if (query.regionId) {
        regionPath = await regions.pathOf(query.regionId);
        if (!regionPath) throw notFound();
        requireAccess(actor, 'checkpoints.read', regionPath);
      }
      const rows = await repo.ordered(db, { scope, ...(regionPath ? { regionPath } : {}), activeOnly: false });
      const places = await fullNames(rows);
      const lines: SheetLine[] = rows.map((cp) => ({
        name: cp.name,
        kind: CHECKPOINT_KIND_LABELS[cp.kind]['zh-CN'],
        region: places.get(cp.regionId) ?? '',
        address: cp.address ?? '',
        lat: cp.lat,
        lng: cp.lng,
        risk: String(cp.risk),
        hours: formatHours(cp),
        pattern: formatPattern(cp.shiftPattern),
        team: cp.teamName ?? '',
        note: cp.note ?? '',
      }));
      return checkpointsWorkbook(lines);
    },

    async importWorkbook(actor: Actor, call: CallContext, bytes: Buffer | undefined): Promise<ImportCounts> {
      const scope = requireScope(actor, 'checkpoints.write');
      const sheet = await readCheckpointsSheet(bytes);
      const problems: RowProblem[] = [];
      const report = (row: number, field: SheetField, p: Parsed<never>) => {
        if (p.ok) return;
        problems.push({ row, field, ...(sheet.headers[field] ? { column: sheet.headers[field] } : {}), ...p.problem });
      };

      const candidates = sheet.rows.flatMap((r) => checkRow(r, report) ?? []);
      const place = await placeResolver([...new Set(candidates.map((c) => c.place))], scope);
      const team = await teamResolver(actor, [...new Set(candidates.flatMap((c) => (c.team ? [c.team] : [])))]);
      const firstRowOf = new Map<string, number>();
      const valid: (Candidate & { region: Region; teamId: string | null })[] = [];
      for (const c of candidates) {
        const where = place(c.place);
        if (!where.ok) {
          report(c.row, 'region', where);
          continue;
        }
        const region = where.value;
        if (!CHECKPOINT_LEVELS.has(region.level)) {
          report(c.row, 'region', { ok: false, problem: { reason: 'field.checkpoint.regionLevel' } });
          continue;
        }
        const key = `${region.id}\u0000${c.name}`;
        const first = firstRowOf.get(key);
        if (first !== undefined) {
          report(c.row, 'name', { ok: false, problem: { reason: 'field.unique', params: { row: first } } });
          continue;
        }
        firstRowOf.set(key, c.row);
        const teamId = c.team ? team(c.team, region.path) : ({ ok: true, value: null } as const);
        if (!teamId.ok) {
          report(c.row, 'team', teamId);
          continue;
        }
        valid.push({ ...c, region, teamId: teamId.value });
      }
      if (problems.length) {
        problems.sort((a, b) => a.row - b.row);
        throw invalidRows(problems);
      }

      const stored = new Map(
        (await repo.inRegions(db, [...new Set(valid.map((v) => v.region.id))])).map((cp) => [
          `${cp.regionId}\u0000${cp.name}`,
          cp,
        ]),
      );
      const create: (repo.CheckpointValues & { id: string; checkInCode: string; path: string })[] = [];
      const update: { cp: repo.CheckpointRow; values: Values & { teamId: string | null } }[] = [];
      let unchanged = 0;
      for (const { row: _row, place: _place, team: _team, region, ...v } of valid) {
        const existing = stored.get(`${region.id}\u0000${v.name}`);
        if (!existing) {
          create.push({
            ...v,
            id: newId(),
            checkInCode: newCheckInCode(),
            regionId: region.id,
            status: 'active',
            path: region.path,
          });
        } else if (same(v, existing)) unchanged++;
        else update.push({ cp: existing, values: v });
      }
      const counts = { created: create.length, updated: update.length, unchanged };
      if (create.length === 0 && update.length === 0) return counts;

      const now = nowIso();
      try {
        await transact(db, call, async (trx) => {
          await repo.insertCheckpoints(
            trx,
            create.map(({ path: _path, ...c }) => c),
            now,
          );
          for (const { cp, values } of update) await repo.updateCheckpoint(trx, cp.id, values, now);
          const paths = [...create.map((c) => c.path), ...update.map((u) => u.cp.regionPath)];
          await auditWrite(trx, call, 'checkpoint.import', 'checkpoint', null, sharedPath(paths), {
            ...counts,
            rows: sheet.rows.length,
            updatedIds: update.map((u) => u.cp.id),
          });
          const publish = (type: string, id: string, regionPath: string) =>
            events.publish(trx, { type, permission: 'checkpoints.read', regionPath, entityType: 'checkpoint', entityId: id });
          for (const c of create) await publish('checkpoint.created', c.id, c.path);
          for (const u of update) await publish('checkpoint.updated', u.cp.id, u.cp.regionPath);
        });
      } catch (error) {
        // Another request took one of the names between the check and the write.
        if (isUniqueViolation(error)) throw conflict('CHECKPOINT_NAME_TAKEN');
        throw error;
      }
      return counts;
    },
  };
}
