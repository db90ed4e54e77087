/**
 * The national division list (GB/T 2260: provinces, prefecture-level cities, counties) built from
 * the `china-area-data` package (MIT), and its search. The server reads the package's file for
 * origin checks and its /divisions route; the phone pages load the same file as a build chunk and
 * search it on the phone, so an origin is found at a checkpoint without a network, and at once on
 * a slow line. Townships are left out: people say where they come from by county.
 */

/** A GB/T 2260 division outside or inside the city: a province, a prefecture-level city or a county. */
export interface Division {
  code: string;
  name: string;
  /** '湖北省 武汉市 江岸区' */
  fullName: string;
  level: 'province' | 'city' | 'county';
}

/** The package's data.json: names by code under each parent code ('86' holds the provinces). */
export type RawDivisions = Record<string, Record<string, string>>;

export interface DivisionIndex {
  byCode: Map<string, Division>;
  /** Children by parent code; '' holds the provinces. Placeholders are skipped, so a municipality's districts sit under it. */
  children: Map<string, Division[]>;
  all: Division[];
}

/** Grouping rows of the source that are not places: "municipal districts", "counties" of a municipality, "directly administered". */
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
const CODE = /^\d{6}$/;
const LEVEL_RANK: Record<Division['level'], number> = { county: 0, city: 1, province: 2 };

export function buildDivisionIndex(raw: RawDivisions): DivisionIndex {
  const byCode = new Map<string, Division>();
  const children = new Map<string, Division[]>();
  const add = (parent: string, d: Division) => {
    byCode.set(d.code, d);
    const siblings = children.get(parent);
    if (siblings) siblings.push(d);
    else children.set(parent, [d]);
  };
  const counties = (under: Record<string, string> | undefined, parent: Division) => {
    for (const [code, name] of Object.entries(under ?? {})) {
      if (!CODE.test(code) || PLACEHOLDERS.has(name)) continue;
      add(parent.code, { code, name, fullName: `${parent.fullName} ${name}`, level: 'county' });
    }
  };
  for (const [code, name] of Object.entries(raw['86'] ?? {})) {
    const province: Division = { code, name, fullName: name, level: 'province' };
    add('', province);
    for (const [childCode, childName] of Object.entries(raw[code] ?? {})) {
      if (!CODE.test(childCode)) continue;
      if (PLACEHOLDERS.has(childName)) {
        // '北京市 东城区', '湖北省 仙桃市': the grouping row is no place of its own.
        counties(raw[childCode], province);
      } else if (childCode.endsWith('00')) {
        const city: Division = { code: childCode, name: childName, fullName: `${name} ${childName}`, level: 'city' };
        add(code, city);
        counties(raw[childCode], city);
      } else {
        // Hong Kong's and Macao's districts sit straight under the region.
        add(code, { code: childCode, name: childName, fullName: `${name} ${childName}`, level: 'county' });
      }
    }
  }
  return { byCode, children, all: [...byCode.values()] };
}

/** The divisions directly under `parent` (the provinces when null); undefined for an unknown code. */
export function childrenOf(index: DivisionIndex, parent: string | null): Division[] | undefined {
  if (parent !== null && !index.byCode.has(parent)) return undefined;
  return index.children.get(parent ?? '') ?? [];
}

/**
 * Divisions whose name holds `q` or whose code starts with it. Words separated by spaces narrow
 * by the places above ('武汉 江岸'). Exact names first, then counties, cities, provinces (the
 * more precise origin), names starting with the text before names merely holding it, then code.
 */
export function searchIndex(index: DivisionIndex, q: string, o: { parent?: string; limit: number }): Division[] {
  const words = q.trim().split(/\s+/).filter(Boolean);
  const last = words.pop() ?? '';
  const digits = /^\d+$/.test(last) && words.length === 0;
  const pool = o.parent ? (childrenOf(index, o.parent) ?? []) : index.all;
  const hits = pool.filter(
    (d) =>
      (digits ? d.code.startsWith(last) : d.name.includes(last)) &&
      words.every((w) => d.fullName.slice(0, -d.name.length).includes(w)),
  );
  const key = (d: Division): [number, number, number] => [
    d.name === last || d.code === last ? 0 : 1,
    LEVEL_RANK[d.level],
    d.name.startsWith(last) ? 0 : 1,
  ];
  return hits
    .map((d) => ({ d, k: key(d) }))
    .sort((a, b) => a.k[0] - b.k[0] || a.k[1] - b.k[1] || a.k[2] - b.k[2] || a.d.code.localeCompare(b.d.code))
    .slice(0, o.limit)
    .map((x) => x.d);
}
