/**
 * How a checkpoint row's cells are read, without the database: kinds and risks as people write
 * them, numbers typed as text, and which stored region a written place names.
 */
import { CHECKPOINT_KINDS, RISK_LEVELS, type CheckpointKind, type RiskLevel } from '../../../common/enums.ts';
import { CHECKPOINT_KIND_LABELS, RISK_LABELS } from '../../../common/labels.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import type { CellValue } from '../../platform/spreadsheet.ts';
import { cellText, type Parsed } from '../volunteers/volunteers.import.rules.ts';

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (reason: string, params?: FieldProblem['params']): Parsed<never> => ({
  ok: false,
  problem: params ? { reason, params } : { reason },
});

const KIND_WORDS = new Map<string, CheckpointKind>();
for (const k of CHECKPOINT_KINDS) {
  KIND_WORDS.set(k, k);
  KIND_WORDS.set(CHECKPOINT_KIND_LABELS[k]['zh-CN'], k);
  KIND_WORDS.set(CHECKPOINT_KIND_LABELS[k].en.toLowerCase(), k);
}
for (const [word, kind] of [
  ['小区', 'estate_gate'],
  ['小区门口', 'estate_gate'],
  ['门岗', 'estate_gate'],
  ['村', 'village_entrance'],
  ['村口卡点', 'village_entrance'],
  ['高速', 'highway_exit'],
  ['高速路口', 'highway_exit'],
  ['火车站', 'station'],
  ['汽车站', 'station'],
  ['市场', 'market'],
  ['超市', 'market'],
  ['农贸市场', 'market'],
  ['卡口', 'road'],
  ['道路', 'road'],
] as const)
  KIND_WORDS.set(word, kind);

export const KIND_CHOICES = CHECKPOINT_KINDS.map((k) => CHECKPOINT_KIND_LABELS[k]['zh-CN']).join('、');

export function parseKind(value: CellValue): Parsed<CheckpointKind> {
  const text = cellText(value).toLowerCase();
  if (!text) return bad('field.required');
  const kind = KIND_WORDS.get(text);
  return kind ? ok(kind) : bad('field.checkpoint.kind', { allowed: KIND_CHOICES });
}

const RISK_WORDS = new Map<string, RiskLevel>();
for (const r of RISK_LEVELS) {
  RISK_WORDS.set(String(r), r);
  RISK_WORDS.set(RISK_LABELS[r]['zh-CN'], r);
  RISK_WORDS.set(RISK_LABELS[r]['zh-CN'].replace('风险', ''), r);
  RISK_WORDS.set(RISK_LABELS[r].en.toLowerCase(), r);
  RISK_WORDS.set(`${r}级`, r);
}

/** 1–4 as a number or text, or the level's name (高风险, 较高, …). */
export function parseRisk(value: CellValue): Parsed<RiskLevel> {
  const text = cellText(value).toLowerCase();
  if (!text) return bad('field.required');
  const risk = RISK_WORDS.get(text) ?? RISK_WORDS.get(text.replace(/[（(].*$/, ''));
  return risk ? ok(risk) : bad('field.checkpoint.risk');
}

/** A number cell, or a number typed as text; blank is null. */
export function parseNumber(value: CellValue): Parsed<number | null> {
  if (typeof value === 'number') return Number.isFinite(value) ? ok(value) : bad('field.checkpoint.number');
  const text = cellText(value);
  if (!text) return ok(null);
  return /^[-+]?\d+(\.\d+)?$/.test(text) ? ok(Number(text)) : bad('field.checkpoint.number');
}

/** How a place is written: names from the top down, separated by /, >, \ or spaces. */
export function placeNames(text: string): string[] {
  return text
    .split(/[/／>＞\\\s\u3000]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface PlaceRegion {
  id: string;
  name: string;
  path: string;
}

/**
 * Whether `names` (top down, the last the region's own) lie along the region's chain of names from
 * the top, in order: levels may be left out, so '雪松社区/第一网格' names a grid as well as the full path.
 * `nameOf` gives the name of a region on the path, by id (undefined when not known).
 */
export function namesAlong(region: PlaceRegion, names: readonly string[], nameOf: (id: string) => string | undefined): boolean {
  if (names.length === 0 || names.at(-1) !== region.name) return false;
  const chain = region.path.split('/').filter(Boolean).slice(0, -1);
  let j = names.length - 2;
  for (let i = chain.length - 1; i >= 0 && j >= 0; i--) if (nameOf(chain[i]!) === names[j]) j--;
  return j < 0;
}
