import ExcelJS from 'exceljs';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAILY_REPORT_SECTIONS, REPORT_COLUMNS, cellValue } from '../../../common/daily-report-tables.ts';
import { createTestApp, type Client, type TestApp } from '../../../test/app.ts';
import { testDbKind } from '../../../test/databases.ts';
import { twoCounties, type TwoCounties } from '../../../test/fixtures.ts';
import type { App } from '../../app.ts';
import { Scheduler, type JobDefinition } from '../../platform/jobs/scheduler.ts';
import { addDays, calendarDate, zonedInstant } from '../../platform/dates.ts';
import { newId } from '../../platform/db/ids.ts';
import type { Dashboard } from '../dashboard/dashboard.schemas.ts';
import { dutyFixtures } from '../duty/rosters.fixtures.ts';
import { makeIssue } from '../field-issues/field-issues.test-helpers.ts';
import type { DailyReport, DailyReportList } from './daily-report.schemas.ts';

/**
 * Records in both counties, a report generated for the city, a county and a township, and its
 * tables against the dashboard's figures; then the snapshot, versions, access, bad input, the
 * Excel file (read back with exceljs, and opened by LibreOffice) and the evening job.
 */
let t: TestApp;
let w: TwoCounties;
let commander: Client;
let managerA: Client;

const db = () => t.deps.db.db;
const today = () => calendarDate(t.deps.config.timeZone);
const run = promisify(execFile);

async function generate(client: Client, regionId: string, day = today()): Promise<DailyReport> {
  const res = await client.post('/api/v1/reports/daily', { regionId, day });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as DailyReport;
}

async function dashboard(regionId: string): Promise<Dashboard> {
  const res = await commander.get(`/api/v1/dashboard?regionId=${regionId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Dashboard;
}

/** The cells of one section as `{ rowName: { columnKey: value } }`, the 合计 row under `合计`. */
function table(report: DailyReport, section: string): Record<string, Record<string, number | null>> {
  const s = report.content.sections.find((x) => x.key === section)!;
  return Object.fromEntries(
    report.content.rows.map((row, r) => [
      row.total ? '合计' : row.name,
      Object.fromEntries(s.columns.map((c, i) => [c, s.cells[r]![i]!])),
    ]),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  w = await twoCounties(t.factory);
  const duty = dutyFixtures(t);
  await t.factory.account({ login: 'r-commander', grants: [{ role: 'commander', regionId: w.city.id }] });
  await t.factory.account({ login: 'r-manager-a', grants: [{ role: 'region_manager', regionId: w.a.county.id }] });
  commander = await t.signIn('r-commander');
  managerA = await t.signIn('r-manager-a');
  const raiser = await t.factory.account({ grants: [{ role: 'region_manager', regionId: w.a.county.id }] });

  for (let i = 0; i < 3; i++) await t.factory.volunteer({ regionId: w.a.grid.id });
  for (let i = 0; i < 2; i++) await t.factory.volunteer({ regionId: w.b.community.id });
  await duty.team(w.a.community.id);
  await duty.team(w.b.grid.id);
  await duty.checkpoint(w.a.community.id);
  await duty.checkpoint(w.a.grid.id);
  await duty.checkpoint(w.b.community.id);
  await makeIssue(db(), { regionId: w.a.community.id, raisedBy: raiser.id });
  await makeIssue(db(), { regionId: w.b.grid.id, raisedBy: raiser.id });
});
afterAll(() => t.close());

describe('the daily report', () => {
  let countyReport: DailyReport;

  it('has the dashboard’s figures: one row per child in tree order and the 合计 row of the region', async () => {
    for (const region of [w.city, w.a.county, w.a.township]) {
      const report = await generate(commander, region.id);
      const board = await dashboard(region.id);
      expect(report.content.figuresAt).toBe(board.computedAt);
      expect(report.content.rows.map((r) => r.regionId)).toEqual([...board.children.map((c) => c.region.id), region.id]);
      expect(report.content.rows.at(-1)!.total).toBe(true);
      expect(report.content.sections.map((s) => s.key)).toEqual(DAILY_REPORT_SECTIONS.map((s) => s.key));
      for (const section of report.content.sections) {
        section.columns.forEach((key, i) => {
          const column = REPORT_COLUMNS.get(key)!;
          const expected = [...board.children.map((c) => c.figures), board.figures].map((f) => cellValue(column, f));
          expect(
            section.cells.map((row) => row[i]),
            `${region.level} ${key}`,
          ).toEqual(expected);
        });
      }
      if (region.id === w.a.county.id) countyReport = report;
    }

    const city = await generate(commander, w.city.id);
    const volunteers = table(city, 'volunteers');
    expect(volunteers[w.a.county.name]).toMatchObject({ volunteersActive: 3, teams: 1 });
    expect(volunteers[w.b.county.name]).toMatchObject({ volunteersActive: 2, teams: 1 });
    expect(volunteers['合计']).toMatchObject({ volunteersActive: 5, teams: 2 });
    const checkpoints = table(city, 'checkpoints');
    expect(checkpoints['合计']).toMatchObject({ checkpoints: 3, checkpointsAllDay: 3, checkpointsDaytime: 0 });
    expect(table(city, 'issues')['合计']).toMatchObject({ issuesOpen: 2, issuesOpened: 2 });
    // Nothing was due at any checkpoint: the rate is a dash, not 0 %.
    expect(checkpoints['合计']!.attendanceRate).toBeNull();
  });

  it('adds up: each additive column of the 合计 row is the sum of the children', async () => {
    const city = await generate(commander, w.city.id);
    for (const section of city.content.sections) {
      section.columns.forEach((key, i) => {
        if ('part' in REPORT_COLUMNS.get(key)!) return;
        const children = section.cells.slice(0, -1).reduce((sum, row) => sum + row[i]!, 0);
        expect(children, key).toBeCloseTo(section.cells.at(-1)![i]!, 6);
      });
    }
  });

  it('never changes once generated; a new generation is a new version, and the list shows the latest', async () => {
    await t.factory.volunteer({ regionId: w.a.grid.id });
    const refreshed = await commander.post('/api/v1/dashboard/refresh');
    expect(refreshed.statusCode).toBe(200);
    const again = await commander.get(`/api/v1/reports/daily/${countyReport.id}`);
    expect((again.json() as DailyReport).content).toEqual(countyReport.content);

    const second = await generate(managerA, w.a.county.id);
    expect(second.version).toBe(countyReport.version + 1);
    expect(second.generatedBy?.id).toBeTruthy();
    expect(table(second, 'volunteers')['合计']!.volunteersActive).toBe(4);
    expect(table(countyReport, 'volunteers')['合计']!.volunteersActive).toBe(3);
    expect(second.versions.map((v) => v.version)).toEqual([second.version, countyReport.version]);

    const list = (
      await managerA.get(`/api/v1/reports/daily?regionId=${w.a.county.id}&from=${today()}&to=${today()}`)
    ).json() as DailyReportList;
    const county = list.items.filter((i) => i.region.id === w.a.county.id);
    expect(county.map((i) => i.id)).toEqual([second.id]);

    const audit = await db()
      .selectFrom('auditLog')
      .select(['action', 'entityId'])
      .where('action', '=', 'reports.daily.generate')
      .where('entityId', '=', second.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('shows a county manager their county’s reports only: another county’s is missing', async () => {
    const other = await generate(commander, w.b.county.id);
    const foreign = await managerA.get(`/api/v1/reports/daily/${other.id}`);
    const missing = await managerA.get(`/api/v1/reports/daily/${newId()}`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).toBe(missing.body);
    expect((await managerA.get(`/api/v1/reports/daily/${other.id}/xlsx`)).statusCode).toBe(404);
    expect((await managerA.post('/api/v1/reports/daily', { regionId: w.b.county.id, day: today() })).statusCode).toBe(404);
    expect((await managerA.get(`/api/v1/reports/daily?regionId=${w.b.county.id}`)).statusCode).toBe(404);

    const mine = (await managerA.get('/api/v1/reports/daily')).json() as DailyReportList;
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => [w.a.county.id, w.a.township.id].includes(i.region.id))).toBe(true);
  });

  it('refuses bad input with messages on the fields, in the caller’s language', async () => {
    const bad = await commander.post('/api/v1/reports/daily', { regionId: 'nope', day: '2026-13-45' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys((bad.json() as { error: { fields: object } }).error.fields).sort()).toEqual(['day', 'regionId']);

    const future = await commander.post('/api/v1/reports/daily', { regionId: w.city.id, day: addDays(today(), 1) });
    expect(future.statusCode).toBe(422);
    expect((future.json() as { error: { fields: { day: string } } }).error.fields.day).toBe('不能生成今天以后的日报');

    commander.lang = 'en';
    const old = await commander.post('/api/v1/reports/daily', { regionId: w.city.id, day: '2020-01-01' });
    commander.lang = 'zh-CN';
    expect(old.statusCode).toBe(422);
    expect((old.json() as { error: { fields: { day: string } } }).error.fields.day).toBe(
      'No figures were kept for that day, so no report can be made',
    );

    const period = await commander.get(`/api/v1/reports/daily?from=${today()}&to=${addDays(today(), -1)}`);
    expect(period.statusCode).toBe(422);
    expect(Object.keys((period.json() as { error: { fields: object } }).error.fields)).toEqual(['to']);
  });

  it('generates a past day of the trend from its frozen figures', async () => {
    const yesterday = await generate(commander, w.city.id, addDays(today(), -1));
    expect(yesterday.content.day).toBe(addDays(today(), -1));
    // Every record above was made today.
    expect(table(yesterday, 'volunteers')['合计']!.volunteersActive).toBe(0);
  });
});

describe('the Excel file', () => {
  let report: DailyReport;
  let file: Buffer;

  beforeAll(async () => {
    report = await generate(commander, w.city.id);
    const res = await commander.get(`/api/v1/reports/daily/${report.id}/xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent(`日报-${w.city.name}-${today()}.xlsx`)}`,
    );
    file = res.rawPayload;
  });

  it('has one sheet per table: title, date line, Chinese headings, the rows and a bold 合计, ready to print', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets).toHaveLength(DAILY_REPORT_SECTIONS.length);
    DAILY_REPORT_SECTIONS.forEach((section, index) => {
      const sheet = workbook.worksheets[index]!;
      expect(sheet.name).toBe(`${index + 1} ${section.title['zh-CN']}`);
      expect(String(sheet.getCell(1, 1).value)).toContain(`${w.city.name}疫情防控日报`);
      expect(String(sheet.getCell(1, 1).value)).toContain(section.title['zh-CN']);
      expect(String(sheet.getCell(2, 1).value)).toContain(`日期：${today()}`);
      expect(String(sheet.getCell(2, 1).value)).toContain('生成时间');
      expect(sheet.getRow(3).values).toEqual([undefined, '区域', ...section.columns.map((c) => c.label['zh-CN'])]);
      const stored = report.content.sections[index]!;
      report.content.rows.forEach((row, r) => {
        const line = sheet.getRow(4 + r);
        expect(line.getCell(1).value).toBe(row.total ? '合计' : row.name);
        stored.cells[r]!.forEach((value, i) => expect(line.getCell(i + 2).value).toBe(value ?? '—'));
        expect(line.getCell(1).font?.bold ?? false).toBe(row.total);
      });
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '1:3',
      });
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    });
  });

  const soffice = (process.env.PATH ?? '').split(':').some((d) => d && existsSync(join(d, 'soffice')));

  // Once is enough (the SQLite project). CI installs LibreOffice (.ci/run); elsewhere a machine without it skips this.
  it.skipIf(testDbKind() !== 'sqlite' || (!soffice && !process.env.CI))(
    'opens in LibreOffice with the tables intact',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'redvest-report-'));
      try {
        await writeFile(join(dir, 'report.xlsx'), file);
        await run(
          'soffice',
          [
            `-env:UserInstallation=file://${join(dir, 'profile')}`,
            '--headless',
            '--convert-to',
            'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
            '--outdir',
            dir,
            join(dir, 'report.xlsx'),
          ],
          { timeout: 120_000 },
        );
        const csvs = (await readdir(dir)).filter((f) => f.endsWith('.csv'));
        expect(csvs).toHaveLength(DAILY_REPORT_SECTIONS.length);
        for (const [index, section] of DAILY_REPORT_SECTIONS.entries()) {
          const name = csvs.find((f) => f === `report-${index + 1} ${section.title['zh-CN']}.csv`);
          expect(name, section.key).toBeTruthy();
          const lines = (await readFile(join(dir, name!), 'utf8')).trim().split(/\r?\n/);
          expect(lines[0]).toContain(section.title['zh-CN']);
          expect(lines[2]).toBe(['区域', ...section.columns.map((c) => c.label['zh-CN'])].join(','));
          const stored = report.content.sections[index]!;
          const total = lines[2 + report.content.rows.length]!.split(',');
          expect(total[0]).toBe('合计');
          expect(total.slice(1).map((v) => (v === '—' ? null : Number(v)))).toEqual(stored.cells.at(-1));
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});

describe('the evening job', () => {
  it('generates today’s report once for the root, every county and every township, from the configured time', async () => {
    // The app's own job definition, driven by a scheduler on a test clock.
    const jobs = (t.app as unknown as App).scheduler as unknown as { jobs: JobDefinition[] };
    const job = jobs.jobs.find((j) => j.name === 'daily-report')!;
    let clock = 0;
    const instances = ['a', 'b'].map((instance) => new Scheduler(t.deps.db, [job], { instance, now: () => clock }));
    const tick = async (ms: number) => {
      clock = ms;
      for (const s of instances) await s.tick();
      for (const s of instances) await s.idle();
    };
    const evening = zonedInstant(t.deps.config.timeZone, today(), t.deps.config.dailyReportTime).getTime();
    const byJob = () =>
      db().selectFrom('dailyReports').select(['regionId']).where('generatedBy', 'is', null).where('day', '=', today()).execute();

    if (calendarDate(t.deps.config.timeZone, new Date(evening - 60_000)) === today()) {
      await tick(evening - 60_000);
      expect(await byJob()).toHaveLength(0);
    }
    await tick(evening);
    await tick(evening + 20_000);
    await tick(evening + 60_000);
    await tick(evening + 3_600_000);

    const made = await byJob();
    const expected = [w.city, w.a.county, w.a.township, w.a.township2, w.b.county, w.b.township, w.b.township2].map((r) => r.id);
    expect(made.map((r) => r.regionId).sort()).toEqual(expected.sort());
    const township = await db()
      .selectFrom('dailyReports')
      .select('content')
      .where('regionId', '=', w.a.township.id)
      .where('generatedBy', 'is', null)
      .executeTakeFirstOrThrow();
    expect((JSON.parse(township.content) as DailyReport['content']).rows.map((r) => r.regionId)).toEqual([
      w.a.community.id,
      w.a.township.id,
    ]);
    const audited = await db()
      .selectFrom('auditLog')
      .select('entityId')
      .where('action', '=', 'reports.daily.generate')
      .where('actorId', 'is', null)
      .execute();
    expect(audited).toHaveLength(expected.length);
  });
});
