/**
 * Opening hours and shift patterns as people write them in Excel and read them on the placard:
 *   hours   := '24小时' (also 全天, 24h) | time '-' time           e.g. 08:00-20:00, 20:00-06:00
 *   pattern := slot { (; ； , ， or newline) slot }
 *   slot    := time '-' time ('×' | x | X | * | ＊) people ['人'] | time '-' time people '人'
 *   time    := H:MM or HH:MM (full-width colon too); 24:00 is midnight
 * Dashes: - － – — ~ ～ 至 到. The formatters write what the parsers read back unchanged.
 */
import type { FieldProblem } from '../../platform/errors.ts';
import type { Parsed } from '../volunteers/volunteers.import.rules.ts';
import type { ShiftSlot } from './checkpoints.schemas.ts';

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = (reason: string, params?: FieldProblem['params']): Parsed<never> => ({
  ok: false,
  problem: params ? { reason, params } : { reason },
});

const TIME = '(\\d{1,2})\\s*[:：]\\s*(\\d{2})';
const DASH = '\\s*(?:-|－|–|—|~|～|至|到)\\s*';
const RANGE = new RegExp(`^${TIME}${DASH}${TIME}$`);
const SLOT = new RegExp(`^${TIME}${DASH}${TIME}\\s*(?:(?:[×xX*＊]\\s*(\\d+)\\s*人?)|(\\d+)\\s*人)$`);
const ALL_DAY = new Set(['24小时', '24h', '全天', '24小时开放', '全天开放', '00:00-24:00']);

/** 'HH:MM' from hours and minutes as typed; 24:00 is midnight. Null when no such time. */
function clock(hours: string, minutes: string): string | null {
  const h = Number(hours);
  const m = Number(minutes);
  if (m > 59 || h > 24 || (h === 24 && m !== 0)) return null;
  return `${String(h % 24).padStart(2, '0')}:${minutes}`;
}

export interface OpeningHours {
  hours24: boolean;
  opensAt: string | null;
  closesAt: string | null;
}

export function parseHours(text: string): Parsed<OpeningHours> {
  const t = text.trim();
  if (!t) return bad('field.required');
  if (ALL_DAY.has(t.replace(/\s/g, '').toLowerCase())) return ok({ hours24: true, opensAt: null, closesAt: null });
  const m = RANGE.exec(t);
  const opensAt = m && clock(m[1]!, m[2]!);
  const closesAt = m && clock(m[3]!, m[4]!);
  if (!opensAt || !closesAt) return bad('field.checkpoint.hoursText', { text: t });
  return ok({ hours24: false, opensAt, closesAt });
}

export function formatHours(h: OpeningHours): string {
  return h.hours24 || !h.opensAt || !h.closesAt ? '24小时' : `${h.opensAt}-${h.closesAt}`;
}

export function parsePattern(text: string): Parsed<ShiftSlot[]> {
  const parts = text
    .split(/[;；,，\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return bad('field.required');
  const slots: ShiftSlot[] = [];
  for (const part of parts) {
    const m = SLOT.exec(part);
    const start = m && clock(m[1]!, m[2]!);
    const end = m && clock(m[3]!, m[4]!);
    if (!m || !start || !end) return bad('field.checkpoint.slotText', { text: part });
    slots.push({ start, end, people: Number(m[5] ?? m[6]) });
  }
  return ok(slots);
}

export function formatPattern(slots: readonly ShiftSlot[]): string {
  return slots.map((s) => `${s.start}-${s.end}×${s.people}`).join('; ');
}

/** How the placard and lists show one slot: '08:00–16:00 2人'. */
export function slotLabel(slot: ShiftSlot): string {
  return `${slot.start}–${slot.end} ${slot.people}人`;
}
