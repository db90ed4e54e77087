/** The publicity feature's pure rules: what a body may hold, an announcement's state, totals folded by region. */
import { PUBLICITY_MATERIALS, type PublicityMaterial, type RegionLevel } from '../../../common/enums.ts';
import type { AnnouncementStatus } from './announcements.schemas.ts';
import type { MaterialSums, TotalsRow } from './publicity.schemas.ts';

/**
 * A tag such as `<b>`, `</p>` or `<img src=x>`: residents' pages show the text as it is written, so
 * markup pasted from a web page or a document would reach them as angle brackets. "体温<37.3" is
 * not a tag and stays allowed.
 */
const TAG = /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>|<!--|<!doctype/i;

export const looksLikeHtml = (text: string): boolean => TAG.test(text);

/** Line breaks as the resident's page keeps them (a Windows textarea sends CR LF), outer blank lines dropped. */
export function normaliseBody(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function announcementStatus(
  a: { publishAt: string; expiresAt: string; withdrawnAt: string | null },
  now: string,
): AnnouncementStatus {
  if (a.withdrawnAt !== null) return 'withdrawn';
  if (a.publishAt > now) return 'scheduled';
  if (a.expiresAt <= now) return 'expired';
  return 'current';
}

/** The ids on a materialised path (`/a/b/c/` → a, b, c), the region itself last. */
export const pathIds = (path: string): string[] => path.split('/').filter(Boolean);

export const emptySums = (): MaterialSums =>
  Object.fromEntries(PUBLICITY_MATERIALS.map((m) => [m, { entries: 0, quantity: 0 }])) as MaterialSums;

export interface PathSum {
  regionPath: string;
  material: string;
  entries: number;
  quantity: number;
}

export interface GroupRegion {
  id: string;
  name: string;
  level: RegionLevel;
  path: string;
  hasChildren: boolean;
}

/**
 * Sums per (region path, material) folded into rows: one per group region (a child of the region
 * asked about, or one of the caller's areas), each counting everything logged in its subtree, and
 * `self` for what was logged at the asked region itself. Every group gets a row, empty or not: a
 * community that put up nothing is worth seeing.
 */
export function foldTotals(
  sums: readonly PathSum[],
  groups: readonly GroupRegion[],
  self: GroupRegion | null,
): { items: TotalsRow[]; totals: Pick<TotalsRow, 'entries' | 'quantity' | 'materials'> } {
  const row = (g: GroupRegion, isSelf: boolean): TotalsRow => ({
    regionId: g.id,
    regionName: g.name,
    level: g.level,
    self: isSelf,
    hasChildren: isSelf ? false : g.hasChildren,
    entries: 0,
    quantity: 0,
    materials: emptySums(),
  });
  const rows = groups.map((g) => ({ g, r: row(g, false) }));
  const own = self ? row(self, true) : null;
  const totals = { entries: 0, quantity: 0, materials: emptySums() };
  const add = (r: { entries: number; quantity: number; materials: MaterialSums }, s: PathSum) => {
    r.entries += s.entries;
    r.quantity += s.quantity;
    const m = r.materials[s.material as PublicityMaterial];
    if (m) {
      m.entries += s.entries;
      m.quantity += s.quantity;
    }
  };
  for (const s of sums) {
    const target = rows.find(({ g }) => s.regionPath.startsWith(g.path))?.r ?? (own && s.regionPath === self!.path ? own : null);
    if (!target) continue;
    add(target, s);
    add(totals, s);
  }
  return { items: [...(own && own.entries > 0 ? [own] : []), ...rows.map(({ r }) => r)], totals };
}
