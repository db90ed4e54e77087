/**
 * 一户一档 in and out of Excel. One row per member, the household's columns repeated on each of
 * its rows (a household without members is one row with the member columns blank): the layout
 * community offices already keep. Rows are grouped by (region code, address); a stored household
 * at that address is updated, not doubled, so importing the same file twice changes nothing.
 * Every row is checked first; any problem refuses the whole file (422 with every problem by row
 * and column); a dry run answers what would change and writes nothing.
 * The export writes the same layout, masked unless the caller asks to reveal and may (audited);
 * a masked export imports back unchanged because masked cells keep the stored values.
 */
import type { Writable } from 'node:stream';
import { HOUSING_STATUSES, RESIDENT_RELATIONS, type HousingStatus, type ResidentRelation } from '../../../common/enums.ts';
import { idCardProblem, normalizeIdCard } from '../../../common/idcard.ts';
import { HOUSING_STATUS_LABELS, RESIDENT_RELATION_LABELS } from '../../../common/labels.ts';
import { maskIdCard, maskMobile } from '../../../common/mask.ts';
import { isValidMobile } from '../../../common/phone.ts';
import { inScope, requireScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { isUniqueViolation } from '../../platform/db/dialect.ts';
import { newId, nowIso } from '../../platform/db/ids.ts';
import { transact } from '../../platform/db/transact.ts';
import type { Deps } from '../../platform/deps.ts';
import { AppError, invalidRows, type FieldProblem, type RowProblem } from '../../platform/errors.ts';
import {
  addHelpSheet,
  addHelpText,
  addListValidation,
  streamDataSheet,
  streamedBuffer,
  streamSheet,
  type CellValue,
  type ReadSheet,
  type SheetColumn,
  type SheetRow,
} from '../../platform/spreadsheet.ts';
import type { RegionsService } from '../regions/regions.service.ts';
import { cellText, idNumberText, mobileText, parseText, type Parsed } from '../volunteers/volunteers.import.rules.ts';
import * as repo from './households.repository.ts';
import type { ExportQueryInput, ImportCounts } from './households.schemas.ts';
import { HOUSEHOLD_LEVELS, type HouseholdsService } from './households.service.ts';

export type HouseholdsImportService = ReturnType<typeof householdsImportService>;

/** 9,000 households of three or four people, with room to spare. */
export const MAX_IMPORT_ROWS = 60_000;

export type SheetField =
  'regionCode' | 'building' | 'unit' | 'room' | 'address' | 'housing' | 'note' | 'name' | 'relation' | 'idNumber' | 'mobile';

const HOUSING_CHOICES = HOUSING_STATUSES.map((h) => HOUSING_STATUS_LABELS[h]['zh-CN']);
const RELATION_CHOICES = RESIDENT_RELATIONS.map((r) => RESIDENT_RELATION_LABELS[r]['zh-CN']);

export const COLUMNS: readonly SheetColumn<SheetField>[] = [
  {
    field: 'regionCode',
    header: '所在网格（区划代码）',
    width: 20,
    required: true,
    note: '住户所在网格或社区（村）的区划代码（见“区划管理”），须在你的管辖范围内',
    aliases: ['区划代码', '网格代码', '所在网格', 'regioncode'],
  },
  {
    field: 'building',
    header: '楼栋',
    width: 10,
    required: false,
    note: '如“3号楼”，最多 20 字',
    aliases: ['楼号', '栋', 'building'],
  },
  { field: 'unit', header: '单元', width: 8, required: false, note: '如“2单元”，最多 20 字', aliases: ['unit'] },
  {
    field: 'room',
    header: '室',
    width: 8,
    required: false,
    note: '如“1802”，最多 20 字',
    aliases: ['房号', '门牌', '室号', 'room'],
  },
  {
    field: 'address',
    header: '地址',
    width: 32,
    required: true,
    note: '最多 120 字；同一网格内地址不能重复。同一户的成员各占一行，地址相同；已有的地址会被更新',
    aliases: ['住址', '详细地址', '家庭住址', 'address'],
  },
  {
    field: 'housing',
    header: '住房情况',
    width: 10,
    required: true,
    note: `${HOUSING_CHOICES.join(' / ')}；同一户只需在第一行填写`,
    aliases: ['住房', '房屋状态', '居住情况', 'housing'],
  },
  {
    field: 'note',
    header: '备注',
    width: 20,
    required: false,
    note: '最多 500 字；同一户只需在第一行填写',
    aliases: ['说明', 'note'],
  },
  {
    field: 'name',
    header: '姓名',
    width: 10,
    required: false,
    note: '家庭成员姓名，最多 40 字；空置房等没有成员的户留空',
    aliases: ['成员姓名', '居民姓名', 'name'],
  },
  {
    field: 'relation',
    header: '与户主关系',
    width: 12,
    required: false,
    note: `${RELATION_CHOICES.join(' / ')}；填写姓名时必填`,
    aliases: ['关系', 'relation'],
  },
  {
    field: 'idNumber',
    header: '身份证号',
    width: 22,
    required: false,
    note: '18 位居民身份证号，可不填。本列须为“文本”格式：Excel 把长数字存成数字时，第 15 位以后的数字会变成 0 且无法恢复',
    aliases: ['身份证号码', '身份证', '公民身份号码', 'idnumber'],
  },
  {
    field: 'mobile',
    header: '手机号',
    width: 14,
    required: false,
    note: '11 位手机号，可不填',
    aliases: ['手机号码', '手机', '联系电话', 'mobile'],
  },
];

/** One row as written: text everywhere. */
export type SheetLine = Record<SheetField, string>;

const HELP = [
  '填写说明',
  '· 第一行是表头，请勿改动；从第二行起每行一名家庭成员，同一户的成员地址相同、各占一行；没有成员的户（如空置房）占一行，姓名留空。',
  '· 按“区划代码 + 地址”对应：系统中已有的户会被更新（成员按表中所列为准），其余新建；同一文件重复导入不会产生重复数据。',
  '· 导入前可先“预检”：检查每一行并显示将新建、更新的户数，不写入任何数据；有任何错误时不导入任何数据。',
  '· 导出的文件中身份证号、手机号已脱敏（如 411702********1234、138****1234）；脱敏值原样导入时保留系统中已有的号码。',
];

const MASKED_ID = /^\d{6}\*{8}\d{3}[\dX]$/;
const MASKED_MOBILE = /^1\d{2}\*{4}\d{4}$/;

/** Writes the workbook into `out`: the data sheet, then the explanation sheet. Rows are committed as they come. */
export async function writeHouseholds(out: Writable, pages: AsyncIterable<SheetLine[]> | SheetLine[][]): Promise<void> {
  const { workbook, sheet, range } = await streamDataSheet(out, '一户一档', COLUMNS, pages);
  addListValidation(sheet, range('housing'), '住房情况', HOUSING_CHOICES);
  addListValidation(sheet, range('relation'), '与户主关系', RELATION_CHOICES);
  sheet.commit();
  const help = addHelpSheet(workbook, COLUMNS, 20, 90);
  addHelpText(help, HELP, true);
  help.commit();
  await workbook.commit();
}

export type Sheet = ReadSheet<SheetField>;

/** The first sheet whose first row carries the required headings. */
export const readHouseholdsSheet = (bytes: Buffer | undefined): Promise<Sheet> =>
  streamSheet(bytes, COLUMNS, { maxRows: MAX_IMPORT_ROWS, noHeader: 'import.household.noHeader' });

const bad = (reason: string, params?: FieldProblem['params']): Parsed<never> => ({
  ok: false,
  problem: params ? { reason, params } : { reason },
});

function wordsOf<T extends string>(
  values: readonly T[],
  labels: Record<T, { 'zh-CN': string; en: string }>,
  extra: [string, T][],
) {
  const words = new Map<string, T>(extra);
  for (const v of values) words.set(v, v).set(labels[v]['zh-CN'], v).set(labels[v].en.toLowerCase(), v);
  return (value: CellValue, reason: string): Parsed<T | null> => {
    const text = cellText(value).toLowerCase();
    if (!text) return { ok: true, value: null };
    const found = words.get(text);
    return found ? { ok: true, value: found } : bad(reason, { allowed: [...values.map((v) => labels[v]['zh-CN'])].join('、') });
  };
}

const parseHousing = wordsOf(HOUSING_STATUSES, HOUSING_STATUS_LABELS, [
  ['自有', 'owner'],
  ['自住房', 'owner'],
  ['租住', 'rented'],
  ['租赁', 'rented'],
  ['出租房', 'rented'],
  ['空房', 'vacant'],
  ['无人居住', 'vacant'],
]);
const parseRelation = wordsOf(RESIDENT_RELATIONS, RESIDENT_RELATION_LABELS, [
  ['本人', 'head'],
  ['户主本人', 'head'],
  ['妻', 'spouse'],
  ['夫', 'spouse'],
  ['妻子', 'spouse'],
  ['丈夫', 'spouse'],
  ['子', 'child'],
  ['女', 'child'],
  ['儿子', 'child'],
  ['女儿', 'child'],
  ['父亲', 'parent'],
  ['母亲', 'parent'],
  ['亲属', 'relative'],
  ['租客', 'tenant'],
]);

/** A member cell as read: a value to store, a masked value to keep, or nothing. */
type Personal = { kind: 'value'; value: string; index?: string } | { kind: 'masked'; text: string } | { kind: 'none' };

interface FileMember {
  row: number;
  name: string;
  relation: ResidentRelation;
  idNumber: Personal;
  mobile: Personal;
}

interface FileHousehold {
  row: number;
  regionCode: string;
  address: string;
  building: string | null;
  unit: string | null;
  room: string | null;
  housing: HousingStatus | null;
  note: string | null;
  members: FileMember[];
}

/** The deepest region path every given path lies under (the audit record's region); null when none is shared. */
function sharedPath(paths: readonly string[]): string | null {
  if (paths.length === 0) return null;
  const [first, ...rest] = paths.map((p) => p.split('/').filter(Boolean));
  let n = first!.length;
  for (const parts of rest) while (n > 0 && parts[n - 1] !== first![n - 1]) n--;
  return n > 0 ? `/${first!.slice(0, n).join('/')}/` : null;
}

export function householdsImportService(
  deps: Deps,
  { regions, households }: { regions: RegionsService; households: HouseholdsService },
) {
  const {
    db: { db, dialect },
    pii,
    events,
  } = deps;

  /** Reads each cell of a row; every problem is collected under its column. */
  function readRow(r: SheetRow<SheetField>, report: (row: number, field: SheetField, p: Parsed<never>) => void) {
    let wrong = false;
    const field = <T>(name: SheetField, parsed: Parsed<T>): T | undefined => {
      if (parsed.ok) return parsed.value;
      wrong = true;
      report(r.row, name, parsed);
      return undefined;
    };
    const cell = (name: SheetField): CellValue => r.cells[name] ?? null;
    const regionCode = field('regionCode', parseText(cell('regionCode'), 32, true));
    const building = field('building', parseText(cell('building'), 20, false));
    const unit = field('unit', parseText(cell('unit'), 20, false));
    const room = field('room', parseText(cell('room'), 20, false));
    const address = field('address', parseText(cell('address'), 120, true));
    const housing = field('housing', parseHousing(cell('housing'), 'field.household.housing'));
    const note = field('note', parseText(cell('note'), 500, false));
    const name = field('name', parseText(cell('name'), 40, false));
    const relation = field('relation', parseRelation(cell('relation'), 'field.household.relation'));

    let idNumber: Personal = { kind: 'none' };
    const idCell = cell('idNumber');
    if (cellText(idCell)) {
      const text = field('idNumber', idNumberText(idCell));
      if (text !== undefined && MASKED_ID.test(text)) idNumber = { kind: 'masked', text };
      else if (text !== undefined) {
        const problem = idCardProblem(text);
        if (problem) field('idNumber', bad(`field.idCard.${problem}`));
        else {
          const value = normalizeIdCard(text);
          idNumber = { kind: 'value', value, index: pii.blindIndex(value) };
        }
      }
    }
    let mobile: Personal = { kind: 'none' };
    const mobileValue = mobileText(cell('mobile'));
    if (mobileValue) {
      if (MASKED_MOBILE.test(mobileValue)) mobile = { kind: 'masked', text: mobileValue };
      else if (!isValidMobile(mobileValue)) field('mobile', bad('field.mobile'));
      else mobile = { kind: 'value', value: mobileValue };
    }
    if (name) {
      if (relation === null) field('relation', bad('field.required'));
    } else {
      // Member details without a name belong to nobody.
      for (const f of ['relation', 'idNumber', 'mobile'] as const) if (cellText(cell(f))) field('name', bad('field.required'));
    }
    if (wrong) return null;
    return {
      row: r.row,
      regionCode: regionCode!,
      address: address!,
      building: building ?? null,
      unit: unit ?? null,
      room: room ?? null,
      housing: housing ?? null,
      note: note ?? null,
      member: name ? { row: r.row, name, relation: relation!, idNumber, mobile } : null,
    };
  }

  /** Rows grouped into households by (region code, address); later rows may repeat the household's columns or leave them blank. */
  function group(sheet: Sheet, report: (row: number, field: SheetField, p: Parsed<never>) => void): FileHousehold[] {
    const byKey = new Map<string, FileHousehold>();
    for (const r of sheet.rows) {
      const line = readRow(r, report);
      if (!line) continue;
      const key = `${line.regionCode}\u0000${line.address}`;
      let h = byKey.get(key);
      if (!h) {
        h = { ...line, members: [] };
        byKey.set(key, h);
      } else {
        for (const f of ['building', 'unit', 'room', 'housing', 'note'] as const) {
          const value = line[f];
          if (value === null) continue;
          if (h[f] === null) (h as Record<typeof f, unknown>)[f] = value;
          else if (h[f] !== value) report(line.row, f, bad('field.household.differs', { row: h.row }));
        }
      }
      if (line.member) h.members.push(line.member);
    }
    for (const h of byKey.values()) {
      if (h.housing === null) report(h.row, 'housing', bad('field.required'));
      const seen = new Map<string, number>();
      for (const m of h.members) {
        if (m.idNumber.kind !== 'value') continue;
        const first = seen.get(m.idNumber.index!);
        if (first !== undefined) report(m.row, 'idNumber', bad('field.unique', { row: first }));
        else seen.set(m.idNumber.index!, m.row);
      }
    }
    return [...byKey.values()];
  }

  type Plan = {
    create: { household: repo.NewHouseholdRow; members: repo.NewResidentRow[]; path: string }[];
    update: {
      stored: repo.HouseholdRow;
      patch: repo.HouseholdPatch;
      insert: repo.NewResidentRow[];
      change: { id: string; patch: repo.ResidentPatch }[];
      remove: string[];
    }[];
    unchanged: number;
  };

  /** A new member's sealed values; masked cells have nothing to keep for someone not yet filed. */
  function newMember(m: FileMember, householdId: string, report: (row: number, field: SheetField, p: Parsed<never>) => void) {
    if (m.idNumber.kind === 'masked') report(m.row, 'idNumber', bad('field.household.masked'));
    if (m.mobile.kind === 'masked') report(m.row, 'mobile', bad('field.household.masked'));
    return {
      id: newId(),
      householdId,
      name: m.name,
      idNumberEnc: m.idNumber.kind === 'value' ? pii.encrypt(m.idNumber.value) : null,
      idNumberIndex: m.idNumber.kind === 'value' ? m.idNumber.index! : null,
      mobile: m.mobile.kind === 'value' ? m.mobile.value : null,
      relation: m.relation,
    };
  }

  /**
   * The file's members against the stored ones: the same person is the same ID number, or (without
   * one, or with the export's mask of theirs) the same name. Matched members are updated where they
   * differ, the rest of the file is added, stored members the file leaves out are removed.
   */
  function syncMembers(
    stored: repo.ResidentRow[],
    file: FileMember[],
    householdId: string,
    report: (row: number, field: SheetField, p: Parsed<never>) => void,
  ) {
    const left = new Set(stored);
    const maskedId = (r: repo.ResidentRow) => (r.idNumberEnc === null ? null : maskIdCard(pii.decrypt(r.idNumberEnc)));
    const insert: repo.NewResidentRow[] = [];
    const change: { id: string; patch: repo.ResidentPatch }[] = [];
    for (const m of file) {
      const id = m.idNumber;
      const match = [...left].find((r) =>
        id.kind === 'value'
          ? r.idNumberIndex === id.index
          : r.name === m.name && (id.kind === 'masked' ? maskedId(r) === id.text : r.idNumberIndex === null),
      );
      if (!match) {
        insert.push(newMember(m, householdId, report));
        continue;
      }
      left.delete(match);
      let mobile: string | null = null;
      if (m.mobile.kind === 'value') mobile = m.mobile.value;
      else if (m.mobile.kind === 'masked') {
        if (match.mobile !== null && maskMobile(match.mobile) === m.mobile.text) mobile = match.mobile;
        else report(m.row, 'mobile', bad('field.household.masked'));
      }
      const patch: repo.ResidentPatch = {
        ...(match.name !== m.name ? { name: m.name } : {}),
        ...(match.relation !== m.relation ? { relation: m.relation } : {}),
        ...(match.mobile !== mobile ? { mobile } : {}),
      };
      if (Object.keys(patch).length) change.push({ id: match.id, patch });
    }
    return { insert, change, remove: [...left].map((r) => r.id) };
  }

  async function plan(actor: Actor, sheet: Sheet): Promise<Plan> {
    const scope = requireScope(actor, 'households.write');
    const problems: RowProblem[] = [];
    const report = (row: number, field: SheetField, p: Parsed<never>) => {
      if (p.ok) return;
      problems.push({ row, field, ...(sheet.headers[field] ? { column: sheet.headers[field] } : {}), ...p.problem });
    };
    const file = group(sheet, report);
    const codes = [...new Set(file.map((h) => h.regionCode))];
    const byCode = new Map<string, { id: string; path: string; level: string }>();
    for (let i = 0; i < codes.length; i += 500) {
      for (const r of await regions.findByCodes(codes.slice(i, i + 500))) if (r.code) byCode.set(r.code, r);
    }
    const placed: (FileHousehold & { regionId: string; path: string })[] = [];
    for (const h of file) {
      const region = byCode.get(h.regionCode);
      // A region outside the caller's scope reads as one that does not exist.
      if (!region || !inScope(scope, region.path))
        report(h.row, 'regionCode', bad('field.household.regionCode', { code: h.regionCode }));
      else if (!HOUSEHOLD_LEVELS.has(region.level)) report(h.row, 'regionCode', bad('field.household.regionLevel'));
      else placed.push({ ...h, regionId: region.id, path: region.path });
    }
    const stored = await repo.householdsAt(db, [...new Set(placed.map((h) => h.regionId))]);
    const storedMembers = new Map<string, repo.ResidentRow[]>();
    for (const r of await repo.residentsOf(
      db,
      [...stored.values()].map((s) => s.id),
    )) {
      const list = storedMembers.get(r.householdId) ?? [];
      list.push(r);
      storedMembers.set(r.householdId, list);
    }

    const out: Plan = { create: [], update: [], unchanged: 0 };
    for (const h of placed) {
      const values = { building: h.building, unit: h.unit, room: h.room, housing: h.housing!, note: h.note };
      const existing = stored.get(repo.addressKey(h.regionId, h.address));
      if (!existing) {
        const id = newId();
        out.create.push({
          household: { id, regionId: h.regionId, address: h.address, ...values },
          members: h.members.map((m) => newMember(m, id, report)),
          path: h.path,
        });
        continue;
      }
      const patch = Object.fromEntries(
        Object.entries(values).filter(([k, v]) => existing[k as keyof typeof values] !== v),
      ) as repo.HouseholdPatch;
      const members = syncMembers(storedMembers.get(existing.id) ?? [], h.members, existing.id, report);
      if (Object.keys(patch).length || members.insert.length || members.change.length || members.remove.length) {
        out.update.push({ stored: existing, patch, ...members });
      } else out.unchanged++;
    }
    if (problems.length) {
      problems.sort((a, b) => a.row - b.row);
      throw invalidRows(problems);
    }
    return out;
  }

  async function* linesOf(
    pages: AsyncIterable<repo.HouseholdRow[]>,
    revealIn: (path: string) => boolean,
    revealed: { rows: number },
  ) {
    for await (const page of pages) {
      const members = new Map<string, repo.ResidentRow[]>();
      for (const r of await repo.residentsOf(
        db,
        page.map((h) => h.id),
      )) {
        const list = members.get(r.householdId) ?? [];
        list.push(r);
        members.set(r.householdId, list);
      }
      const lines: SheetLine[] = [];
      for (const h of page) {
        const full = revealIn(h.regionPath);
        const base = {
          regionCode: h.regionCode ?? '',
          building: h.building ?? '',
          unit: h.unit ?? '',
          room: h.room ?? '',
          address: h.address,
          housing: HOUSING_STATUS_LABELS[h.housing]['zh-CN'],
          note: h.note ?? '',
        };
        const list = members.get(h.id) ?? [];
        if (list.length === 0) lines.push({ ...base, name: '', relation: '', idNumber: '', mobile: '' });
        for (const m of list) {
          const id = m.idNumberEnc === null ? '' : pii.decrypt(m.idNumberEnc);
          if (full && (m.idNumberEnc !== null || m.mobile !== null)) revealed.rows++;
          lines.push({
            ...base,
            name: m.name,
            relation: RESIDENT_RELATION_LABELS[m.relation]['zh-CN'],
            idNumber: full || !id ? id : maskIdCard(id),
            mobile: m.mobile === null ? '' : full ? m.mobile : maskMobile(m.mobile),
          });
        }
      }
      yield lines;
    }
  }

  return {
    template: (): Promise<Buffer> => streamedBuffer((out) => writeHouseholds(out, [])),

    /**
     * The export of the filtered list into `out`. Filters and access are checked before the
     * returned writer starts, so the route can still answer 4xx. With `reveal`, members of
     * households where the caller holds pii.reveal are written in full, and one audit record says
     * how many (written once the file is complete).
     */
    async exporter(actor: Actor, call: CallContext, query: ExportQueryInput): Promise<(out: Writable) => Promise<void>> {
      const { scope, filter } = await households.filterOf(actor, query);
      const revealScope = query.reveal ? requireScope(actor, 'pii.reveal') : null;
      const revealIn = (path: string) => revealScope !== null && inScope(revealScope, path);
      return async (out) => {
        const revealed = { rows: 0 };
        await writeHouseholds(out, linesOf(repo.eachHousehold(db, dialect, scope, filter), revealIn, revealed));
        if (revealScope) {
          await auditWrite(db, call, 'pii.reveal', 'household', null, filter.regionPath ?? null, {
            export: true,
            rows: revealed.rows,
            fields: ['idNumber', 'mobile'],
            filter: { ...filter },
          });
        }
      };
    },

    async importWorkbook(actor: Actor, call: CallContext, bytes: Buffer | undefined, dryRun: boolean): Promise<ImportCounts> {
      const sheet = await readHouseholdsSheet(bytes);
      const p = await plan(actor, sheet);
      const counts: ImportCounts = {
        dryRun,
        rows: sheet.rows.length,
        created: p.create.length,
        updated: p.update.length,
        unchanged: p.unchanged,
        members: p.create.reduce((n, c) => n + c.members.length, 0) + p.update.reduce((n, u) => n + u.insert.length, 0),
      };
      if (dryRun || (p.create.length === 0 && p.update.length === 0)) return counts;
      const now = nowIso();
      try {
        await transact(db, call, async (trx) => {
          await repo.insertHouseholds(
            trx,
            p.create.map((c) => c.household),
            now,
          );
          for (const u of p.update) {
            await repo.updateHousehold(trx, u.stored.id, u.patch, now);
            await repo.deleteResidents(trx, u.remove);
            for (const c of u.change) await repo.updateResident(trx, c.id, c.patch, now);
          }
          await repo.insertResidents(trx, [...p.create.flatMap((c) => c.members), ...p.update.flatMap((u) => u.insert)], now);
          // One record and one event for the whole file keep a 9,000-household import fast.
          const regionPath = sharedPath([...p.create.map((c) => c.path), ...p.update.map((u) => u.stored.regionPath)]);
          await auditWrite(trx, call, 'household.import', 'household', null, regionPath, {
            rows: counts.rows,
            created: counts.created,
            updated: counts.updated,
            unchanged: counts.unchanged,
            updatedIds: p.update.slice(0, 1000).map((u) => u.stored.id),
          });
          await events.publish(trx, {
            type: 'household.imported',
            permission: 'households.read',
            regionPath,
            entityType: 'household',
            entityId: null,
            data: { created: counts.created, updated: counts.updated },
          });
        });
      } catch (error) {
        // Another request filed one of the addresses between the check and the write.
        if (isUniqueViolation(error)) throw new AppError(409, 'HOUSEHOLD_ADDRESS_TAKEN');
        throw error;
      }
      return counts;
    },
  };
}
