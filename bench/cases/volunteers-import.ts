/**
 * 6. The Excel import of a volunteer roster (10,000 rows; 2,000 with --quick) through
 * POST /api/v1/volunteers/import — read, every row checked, blind-index duplicate checks, all
 * written in one transaction — against the bare read of the same file with exceljs's streaming
 * reader. Each run is a child process on core 0 (a fresh database for ours), so its time and its
 * peak memory (RSS high-water, sampled heap high-water) are its own; the sides take turns.
 */
import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { idCardCheckChar } from '../../common/idcard.ts';
import { ROSTER_COLUMNS } from '../../server/features/volunteers/volunteers.xlsx.ts';
import { connect } from '../../server/platform/db/connect.ts';
import { newId, nowIso } from '../../server/platform/db/ids.ts';
import { canPin } from '../lib/children.ts';
import type { Measured } from '../lib/load.ts';
import { percentile } from '../lib/load.ts';
import { PASSWORD, prepareDatabase, ROOT } from '../lib/redvest.ts';
import type { Comparison, Settings } from '../lib/report.ts';

interface RunResult {
  ms: number;
  rows: number;
  rssBefore: number;
  maxRss: number;
  heapPeak: number;
}

const GRIDS = 20;
const UNIT = '市卫生健康委员会';
const SKILLS = ['医疗护理、驾驶', '宣传', '后勤保障，消杀', '', '心理疏导 信息技术', '治安巡逻'];
const TIMES = ['周一至周五 上午、下午', '每天 夜间', '周末 全天', '', '周一、周三 晚上；周六 上午'];

/** A realistic roster: unique valid ID numbers, mobiles as text and as numbers, some dates, some paused. */
async function writeRoster(file: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('志愿者');
  sheet.addRow(ROSTER_COLUMNS.map((c) => c.header));
  for (let i = 0; i < rows; i++) {
    // (day, sequence) alone tells the rows apart, so every ID number is unique.
    const first17 = `411702${1960 + (i % 40)}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (Math.floor(i / 1000) % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
    const paused = i % 25 === 0;
    sheet.addRow([
      `志愿者${i}`,
      i % 2 ? '女' : '男',
      first17 + idCardCheckChar(first17),
      i % 3 ? `138${String(i).padStart(8, '0')}` : 13900000000 + i,
      i % 3 ? '是' : '否',
      i % 3 ? '机关第一党支部' : '',
      i % 4 === 0 ? UNIT : i % 4 === 1 ? '某物流有限公司' : '',
      `驿城区解放路 ${i} 号`,
      `BENCH-G${i % GRIDS}`,
      SKILLS[i % SKILLS.length],
      TIMES[i % TIMES.length],
      paused ? '暂停' : '',
      paused ? '居家隔离' : '',
      paused ? new Date(Date.UTC(2020, 1, 1 + (i % 20))) : null,
    ]);
  }
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
}

/** A migrated SQLite file with the grids the roster names, a unit, and a region manager of the county. */
async function freshDatabase(file: string): Promise<string> {
  const { countyId, logins } = await prepareDatabase({ kind: 'sqlite', file }, 1);
  const db = connect({ kind: 'sqlite', file });
  try {
    const county = await db.db.selectFrom('regions').select(['id', 'path']).where('id', '=', countyId).executeTakeFirstOrThrow();
    const now = nowIso();
    const region = (parent: { id: string; path: string }, level: string, code: string) => {
      const id = newId();
      return {
        id,
        parentId: parent.id,
        code,
        name: code,
        level,
        path: `${parent.path}${id}/`,
        sortOrder: 0,
        createdAt: now,
        updatedAt: now,
      };
    };
    const township = region(county, 'township', 'BENCH-T');
    const community = region(township, 'community', 'BENCH-C');
    const grids = Array.from({ length: GRIDS }, (_, i) => region(community, 'grid', `BENCH-G${i}`));
    await db.db
      .insertInto('regions')
      .values([township, community, ...grids])
      .execute();
    await db.db
      .insertInto('units')
      .values({ id: newId(), name: UNIT, kind: 'city_unit', regionId: county.id, contact: null, createdAt: now, updatedAt: now })
      .execute();
  } finally {
    await db.close();
  }
  return logins[0]!;
}

function runChild(args: string[]): Promise<RunResult> {
  const node = [process.execPath, '--expose-gc', '--import', 'tsx', 'bench/cases/volunteers-import-run.ts', ...args];
  const [cmd, ...rest] = canPin ? ['taskset', '-c', '0', ...node] : node;
  return new Promise((resolve, reject) => {
    const child = spawn(cmd!, rest, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line) as RunResult);
      else reject(new Error(`import run ${args[0]} exited ${code}: ${err.slice(-2000)}${out.slice(-500)}`));
    });
  });
}

const MB = (bytes: number) => bytes / 1024 / 1024;

function measured(label: string, runs: RunResult[]): Measured {
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  const seconds = times.reduce((a, b) => a + b, 0) / 1000;
  const rows = runs.reduce((a, r) => a + r.rows, 0);
  return {
    label,
    rps: rows / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    ok: runs.length,
    failed: 0,
    seconds,
  };
}

/** The largest peak across runs: memory is a limit, so the worst run is the one that counts. */
const peak = (runs: RunResult[], of: (r: RunResult) => number) => Math.max(...runs.map(of));

export async function benchVolunteerImport(dir: string, s: Settings): Promise<Comparison> {
  const rows = s.quick ? 2_000 : 10_000;
  const file = join(dir, `roster-${rows}.xlsx`);
  await writeRoster(file, rows);
  const rounds = Math.max(2, s.rounds);
  const ours: RunResult[] = [];
  const bare: RunResult[] = [];
  const runOurs = async (n: number) => {
    const db = join(dir, `import-${n}.db`);
    const login = await freshDatabase(db);
    const r = await runChild(['ours', file, db, login, PASSWORD]);
    if (r.rows !== rows) throw new Error(`the import created ${r.rows} of ${rows} rows`);
    return r;
  };
  // One unmeasured run each warms the disk cache and the compile cache of tsx.
  await runOurs(0);
  await runChild(['bare', file]);
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? ['bare', 'ours'] : ['ours', 'bare'];
    for (const side of order) {
      if (side === 'ours') ours.push(await runOurs(round + 1));
      else bare.push(await runChild(['bare', file]));
    }
  }
  const o = measured(`API import ${rows} rows (sqlite)`, ours);
  const b = measured(`bare exceljs read ${rows} rows`, bare);
  const grow = (runs: RunResult[]) => peak(runs, (r) => r.maxRss - r.rssBefore);
  const memory =
    `peak RSS ${MB(peak(ours, (r) => r.maxRss)).toFixed(0)} MB (+${MB(grow(ours)).toFixed(0)} MB during the import) vs ` +
    `${MB(peak(bare, (r) => r.maxRss)).toFixed(0)} MB (+${MB(grow(bare)).toFixed(0)} MB); heap high-water ` +
    `${MB(peak(ours, (r) => r.heapPeak)).toFixed(0)} vs ${MB(peak(bare, (r) => r.heapPeak)).toFixed(0)} MB; ` +
    `memory growth ratio ${(grow(ours) / grow(bare)).toFixed(2)} (ours ÷ bare)`;
  console.log(`  import time per run: ours p50 ${o.p50.toFixed(0)} ms, bare p50 ${b.p50.toFixed(0)} ms; ${memory}`);
  return {
    name: `6. Excel import of ${rows} volunteers vs bare exceljs read (rows/s; ${memory})`,
    ours: o,
    bare: b,
    ratio: o.rps / b.rps,
    ratioOf: 'rows/s ours ÷ bare (p50/p95 columns: ms per whole file)',
  };
}
