/**
 * What an import would do, decided without touching the database: every row is checked and every
 * problem collected, so the caller fixes the whole file at once. Either problems or a plan, never both.
 */
import { childLevel, REGION_LEVELS, type RegionLevel } from '../../../common/enums.ts';
import { REGION_LEVEL_LABELS } from '../../../common/labels.ts';
import { newId } from '../../platform/db/ids.ts';
import type { RowProblem } from '../../platform/errors.ts';
import type { MessageParams } from '../../platform/i18n.ts';
import { codeProblem } from './regions.rules.ts';
import { REGION_CODE_PATTERN, type Region } from './regions.schemas.ts';
import type { Sheet, SheetField, SheetRow } from './regions.xlsx.ts';

const NAME_MAX = 60;
const CODE = new RegExp(REGION_CODE_PATTERN);
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/**
 * How people write a level: the label (with full- or half-width parentheses), either half of a
 * paired label (县, 区, 街道, 村 …), or the English code.
 */
const LEVEL_WORDS = new Map<string, RegionLevel>();
for (const level of REGION_LEVELS) {
  const label = REGION_LEVEL_LABELS[level]['zh-CN'];
  LEVEL_WORDS.set(level, level);
  LEVEL_WORDS.set(label, level);
  LEVEL_WORDS.set(label.replace('（', '(').replace('）', ')'), level);
  for (const part of label.split(/[（）]/).filter(Boolean)) LEVEL_WORDS.set(part, level);
}
for (const [word, level] of [
  ['乡', 'township'],
  ['镇', 'township'],
] as const)
  LEVEL_WORDS.set(word, level);

export function parseLevel(text: string): RegionLevel | null {
  return LEVEL_WORDS.get(text.trim().toLowerCase()) ?? null;
}

export interface ImportContext {
  /** Regions already stored under any code the file names (as a row's code or as a parent code). */
  existing: Map<string, Region>;
  /** Whether the caller may write under this region path; anything else is treated as absent. */
  writable: (path: string) => boolean;
  /** Whether the caller may create top-level cities (platform-wide write access). */
  canCreateCity: boolean;
}

export interface ImportPlan {
  /** Parents before children. */
  create: Region[];
  rename: { region: Region; name: string }[];
  unchanged: number;
}

interface Checked {
  sheet: SheetRow;
  level: RegionLevel | null;
  /** Present, well-formed and the first row with this code: safe to relate to other rows. */
  codeUsable: boolean;
}

type ParentRef = { level: RegionLevel | null; id: string | undefined } | 'blank' | 'missing';

const parentPathOf = (path: string) => path.slice(0, path.slice(0, -1).lastIndexOf('/') + 1);

export function planImport({ rows, headers }: Sheet, ctx: ImportContext): { problems: RowProblem[] } | { plan: ImportPlan } {
  const problems: RowProblem[] = [];
  const report = (r: SheetRow, field: SheetField, reason: string, params?: MessageParams) =>
    problems.push({ row: r.row, field, column: headers[field], reason, ...(params ? { params } : {}) });

  // Pass 1: each row on its own.
  const checked: Checked[] = [];
  const byCode = new Map<string, Checked>();
  for (const r of rows) {
    const level = r.level ? parseLevel(r.level) : null;
    if (!r.code) report(r, 'code', 'field.required');
    else if (!CODE.test(r.code)) report(r, 'code', 'field.regionCode');
    else if (byCode.has(r.code)) report(r, 'code', 'field.unique', { row: byCode.get(r.code)!.sheet.row });
    else {
      const p = level && codeProblem(level, r.code);
      if (p) report(r, 'code', p.reason, p.params);
    }
    if (!r.name) report(r, 'name', 'field.required');
    else if (CONTROL_CHARS.test(r.name)) report(r, 'name', 'field.controlChars');
    else if ([...r.name].length > NAME_MAX) report(r, 'name', 'field.maxLength', { limit: NAME_MAX });
    if (!r.level) report(r, 'level', 'field.required');
    else if (!level) report(r, 'level', 'field.regionLevel');

    const c: Checked = { sheet: r, level, codeUsable: !!r.code && CODE.test(r.code) && !byCode.has(r.code) };
    checked.push(c);
    if (c.codeUsable) byCode.set(r.code, c);
  }

  const stored = (code: string) => {
    const region = ctx.existing.get(code);
    return region && ctx.writable(region.path) ? region : undefined;
  };
  // A parent out of the caller's reach is reported exactly like one that does not exist.
  const resolveParent = (code: string): ParentRef => {
    if (!code) return 'blank';
    const inFile = byCode.get(code);
    if (inFile) return { level: inFile.level, id: stored(code)?.id };
    const region = stored(code);
    return region ? { level: region.level, id: region.id } : 'missing';
  };

  // Pass 2: how rows relate to their parents and to what is stored.
  for (const { sheet: r, level, codeUsable } of checked) {
    if (!codeUsable) continue;
    const existing = ctx.existing.get(r.code);
    if (existing && !ctx.writable(existing.path)) {
      report(r, 'code', 'field.regionCodeTaken', { code: r.code });
      continue;
    }
    const parent = resolveParent(r.parentCode);
    if (parent === 'missing') {
      report(r, 'parentCode', 'field.parentMissing', { code: r.parentCode });
      continue;
    }
    if (!level) continue;
    if (parent === 'blank') {
      if (existing) {
        // Blank keeps a stored region where it is, but only at the top of the caller's reach
        // (a city, or a region whose parent the caller cannot see): there is no parent to name.
        const topOfReach = existing.parentId === null || !ctx.writable(parentPathOf(existing.path));
        if (existing.level !== level) report(r, 'code', 'field.regionCodeMoved');
        else if (!topOfReach) report(r, 'parentCode', 'field.required');
      } else if (level !== 'city') report(r, 'parentCode', 'field.required');
      else if (!ctx.canCreateCity) report(r, 'level', 'field.cityForbidden');
      continue;
    }
    if (parent.level && childLevel(parent.level) !== level) report(r, 'level', 'field.levelUnderParent');
    else if (existing && (existing.level !== level || existing.parentId !== parent.id))
      report(r, 'code', 'field.regionCodeMoved');
  }

  if (problems.length) {
    const order: SheetField[] = ['code', 'name', 'level', 'parentCode'];
    problems.sort((a, b) => a.row - b.row || order.indexOf(a.field as SheetField) - order.indexOf(b.field as SheetField));
    return { problems };
  }
  return { plan: buildPlan(checked, ctx) };
}

/** Only called on a file without problems: every level is known and every parent resolves. */
function buildPlan(checked: Checked[], ctx: ImportContext): ImportPlan {
  const plan: ImportPlan = { create: [], rename: [], unchanged: 0 };
  const made = new Map<string, Region>();
  const depth = (c: Checked) => REGION_LEVELS.indexOf(c.level!);
  for (const { sheet: r, level } of [...checked].sort((a, b) => depth(a) - depth(b))) {
    const existing = ctx.existing.get(r.code);
    if (existing) {
      if (existing.name !== r.name) plan.rename.push({ region: existing, name: r.name });
      else plan.unchanged++;
      continue;
    }
    const parent = r.parentCode ? (made.get(r.parentCode) ?? ctx.existing.get(r.parentCode)!) : null;
    const id = newId();
    const region: Region = {
      id,
      parentId: parent?.id ?? null,
      code: r.code,
      name: r.name,
      level: level!,
      path: `${parent?.path ?? '/'}${id}/`,
      sortOrder: 0,
    };
    plan.create.push(region);
    made.set(r.code, region);
  }
  return plan;
}
