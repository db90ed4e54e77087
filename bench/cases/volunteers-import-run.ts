/**
 * One measured run of benchmark 6 in a process of its own, so its peak memory is its own:
 *   node --import tsx bench/cases/volunteers-import-run.ts bare <file.xlsx>
 *   node --import tsx bench/cases/volunteers-import-run.ts ours <file.xlsx> <sqlite file> <login> <password>
 * `bare` reads every row of the file with exceljs's streaming reader, as the import configures it;
 * `ours` posts the file to POST /api/v1/volunteers/import of an app built in this process (inject:
 * the whole route, no network) as a signed-in region manager. Prints one JSON line.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { buildApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { READER_OPTIONS } from '../../server/platform/spreadsheet.ts';

const [mode, file, dbFile, login, password] = process.argv.slice(2);
const bytes = readFileSync(file!);

let heapPeak = 0;
const sample = () => {
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
};

async function bare(): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([bytes]), READER_OPTIONS);
  let rows = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      if (row.number > 1 && Array.isArray(row.values) && row.values.length > 0) rows++;
    }
  }
  return rows;
}

async function ours(): Promise<{ work: () => Promise<number>; close: () => Promise<void> }> {
  const secret = 'cd'.repeat(32);
  const config = loadConfig({
    REDVEST_DATABASE_URL: `sqlite:${dbFile}`,
    REDVEST_SESSION_SECRET: secret,
    REDVEST_DATA_KEY: secret,
    REDVEST_WEB_DIR: '',
    REDVEST_LOG_LEVEL: 'warn',
  });
  const app = await buildApp(config, { logger: false });
  await app.ready();
  const signIn = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password } });
  if (signIn.statusCode !== 200) throw new Error(`sign-in failed: ${signIn.statusCode} ${signIn.body}`);
  const cookie = signIn.cookies.find((c) => c.name === 'redvest_session')!.value;
  const csrf = (signIn.json() as { csrfToken: string }).csrfToken;
  return {
    async work() {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/volunteers/import',
        payload: bytes,
        headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'x-csrf-token': csrf },
        cookies: { redvest_session: cookie },
      });
      const last = JSON.parse(res.body.trim().split('\n').at(-1) ?? '{}') as { created?: number; invalid?: number };
      if (res.statusCode !== 200 || last.invalid !== 0)
        throw new Error(`import failed: ${res.statusCode} ${res.body.slice(-500)}`);
      return last.created ?? 0;
    },
    close: () => app.close(),
  };
}

const prepared = mode === 'ours' ? await ours() : { work: bare, close: async () => {} };
// Settle what loading left behind, so the growth measured is the work's own.
(globalThis as { gc?: () => void }).gc?.();
const rssBefore = process.memoryUsage().rss;
const timer = setInterval(sample, 5);
const started = performance.now();
const rows = await prepared.work();
const ms = performance.now() - started;
clearInterval(timer);
sample();
const maxRss = process.resourceUsage().maxRSS * 1024;
await prepared.close();
console.log(JSON.stringify({ ms, rows, rssBefore, maxRss, heapPeak }));
