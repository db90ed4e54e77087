/**
 * Regions in and out of Excel: the template, the export of the caller's tree, and the import that
 * either writes a whole checked file in one transaction or nothing at all.
 */
import { inScope, requireScope, type Actor } from '../../platform/access/actor.ts';
import { auditWrite, type CallContext } from '../../platform/audit/audit.ts';
import { isUniqueViolation } from '../../platform/db/dialect.ts';
import { transact } from '../../platform/db/transact.ts';
import { nowIso } from '../../platform/db/ids.ts';
import type { Deps } from '../../platform/deps.ts';
import { conflict, invalidRows } from '../../platform/errors.ts';
import { planImport } from './regions.import.plan.ts';
import * as repo from './regions.repository.ts';
import type { Region, TreeNode } from './regions.schemas.ts';
import { buildTree } from './regions.service.ts';
import { readRegionsSheet, regionsWorkbook, templateWorkbook, type SheetRegion } from './regions.xlsx.ts';

export type RegionsImportService = ReturnType<typeof regionsImportService>;

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Rows in tree order (each parent followed by its subtree). A parent the caller cannot see is
 * left blank, which the importer reads as "stays where it is", so the export imports back as is.
 */
function sheetRows(regions: Region[]): SheetRegion[] {
  const byId = new Map(regions.map((r) => [r.id, r]));
  const out: SheetRegion[] = [];
  const walk = (nodes: TreeNode[]) => {
    for (const node of nodes) {
      const region = byId.get(node.id)!;
      const parent = region.parentId ? byId.get(region.parentId) : undefined;
      out.push({ code: region.code ?? '', name: region.name, level: region.level, parentCode: parent?.code ?? '' });
      walk(node.children);
    }
  };
  walk(buildTree(regions));
  return out;
}

/** The deepest path every given path lies under, for the audit record's region; null when they share none. */
function commonPath(paths: string[]): string | null {
  if (paths.length === 0) return null;
  let common = paths[0]!.split('/').filter(Boolean);
  for (const p of paths) {
    const parts = p.split('/').filter(Boolean);
    let n = 0;
    while (n < common.length && common[n] === parts[n]) n++;
    common = common.slice(0, n);
  }
  return common.length ? `/${common.join('/')}/` : null;
}

export function regionsImportService({ db: { db } }: Deps) {
  return {
    template: (): Promise<Buffer> => templateWorkbook(),

    async exportWorkbook(actor: Actor): Promise<Buffer> {
      const scope = requireScope(actor, 'regions.read');
      return regionsWorkbook(sheetRows(await repo.listRegionsInScope(db, scope)));
    },

    async importWorkbook(actor: Actor, call: CallContext, bytes: Buffer | undefined): Promise<ImportCounts> {
      const scope = requireScope(actor, 'regions.write');
      const sheet = await readRegionsSheet(bytes);
      const codes = new Set<string>();
      for (const r of sheet.rows) {
        if (r.code) codes.add(r.code);
        if (r.parentCode) codes.add(r.parentCode);
      }
      const existing = new Map((await repo.findRegionsByCodes(db, [...codes])).map((r) => [r.code!, r]));
      const outcome = planImport(sheet, { existing, writable: (path) => inScope(scope, path), canCreateCity: scope.all });
      if ('problems' in outcome) throw invalidRows(outcome.problems);

      const { create, rename, unchanged } = outcome.plan;
      const counts = { created: create.length, updated: rename.length, unchanged };
      const now = nowIso();
      try {
        await transact(db, call, async (trx) => {
          await repo.insertRegions(trx, create, now);
          await repo.renameRegions(
            trx,
            rename.map(({ region, name }) => ({ id: region.id, name })),
            now,
          );
          // One record for the whole import keeps a 10,000-row file fast. It lists the renames, since
          // an old name survives only here; created regions are in the table with their creation time.
          const paths = [...create.map((r) => r.path), ...sheet.rows.flatMap((r) => existing.get(r.code)?.path ?? [])];
          await auditWrite(trx, call, 'region.import', 'region', null, commonPath(paths), {
            ...counts,
            rows: sheet.rows.length,
            renamed: rename.map(({ region, name }) => ({ id: region.id, code: region.code, before: region.name, after: name })),
          });
        });
      } catch (error) {
        // Another request took one of the codes between the check and the write.
        if (isUniqueViolation(error)) throw conflict();
        throw error;
      }
      return counts;
    },
  };
}
