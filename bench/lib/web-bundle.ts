/**
 * The built web app as a first visit downloads it: the files an HTML entry pulls in before it
 * runs (its static import closure, JS and CSS, as Vite's modulepreload links fetch them) and the
 * ones a lazily loaded route page adds on top, read from Vite's build manifest and measured raw,
 * gzip -9 and brotli (quality 11), the way a compressing proxy or precompressed files would serve them.
 */
import { execSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { ROOT } from './redvest.ts';

/** One chunk of `dist/web/.vite/manifest.json`, keyed there by its source path under `web/`. */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface Bytes {
  files: number;
  raw: number;
  gzip: number;
  brotli: number;
}

export const WEB_DIR = join(ROOT, 'dist/web');
const MANIFEST = join(WEB_DIR, '.vite/manifest.json');

/**
 * Builds the web app when it is older than its sources (scripts/ensure-web.ts, as `npm start`
 * does), and once more with a manifest when the build has none (before vite.config.ts asked for one).
 */
export function ensureBuiltWithManifest(): Manifest {
  const ensured = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/ensure-web.ts'], { cwd: ROOT, stdio: 'inherit' });
  if (ensured.status !== 0) throw new Error(`scripts/ensure-web.ts failed (${ensured.status ?? ensured.signal})`);
  // A build empties dist/web, so a manifest there always belongs to the build beside it.
  if (!existsSync(MANIFEST)) {
    console.log('  building the web app with a manifest (vite build --manifest)…');
    execSync('npx vite build --logLevel warn --manifest', {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  return JSON.parse(readFileSync(MANIFEST, 'utf8')) as Manifest;
}

/** The output files (JS and CSS) loaded with `key` before it runs: itself and its static imports, transitively. */
export function staticClosure(manifest: Manifest, key: string): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (k: string) => {
    if (seen.has(k)) return;
    seen.add(k);
    const chunk = manifest[k];
    if (!chunk) throw new Error(`web build manifest: no chunk ${k}`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const i of chunk.imports ?? []) visit(i);
  };
  visit(key);
  return files;
}

/** Whether `target` is loaded by `entry` at all, statically or through any chain of lazy imports. */
export function reachable(manifest: Manifest, entry: string, target: string): boolean {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const k = stack.pop()!;
    if (k === target) return true;
    if (seen.has(k) || !manifest[k]) continue;
    seen.add(k);
    stack.push(...(manifest[k].imports ?? []), ...(manifest[k].dynamicImports ?? []));
  }
  return false;
}

const sizes = new Map<string, Bytes>();

/** Raw, gzip (level 9) and brotli (quality 11) bytes of one built file, each compressed on its own. */
function fileBytes(file: string): Bytes {
  let found = sizes.get(file);
  if (!found) {
    const data = readFileSync(join(WEB_DIR, file));
    found = {
      files: 1,
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
      }).length,
    };
    sizes.set(file, found);
  }
  return found;
}

export function bytesOf(files: Iterable<string>): Bytes {
  const sum: Bytes = { files: 0, raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    const b = fileBytes(f);
    sum.files += 1;
    sum.raw += b.raw;
    sum.gzip += b.gzip;
    sum.brotli += b.brotli;
  }
  return sum;
}

export const plus = (a: Bytes, b: Bytes): Bytes => ({
  files: a.files + b.files,
  raw: a.raw + b.raw,
  gzip: a.gzip + b.gzip,
  brotli: a.brotli + b.brotli,
});

export interface FirstVisit {
  /** The HTML page and its entry's static closure. */
  shell: Bytes;
  /** What the route's lazily loaded page adds (null: the page is not reachable from this entry). */
  page: Bytes | null;
  /** Whether the page is a chunk of its own (false: it is inside the entry's closure). */
  lazy: boolean;
  total: Bytes;
}

/**
 * The bytes a first visit to a route downloads: `html` (the entry's page, e.g. `index.html`,
 * which is also its manifest key) with its static closure, then the page module's own chunk and
 * static imports that the shell did not already bring.
 */
export function firstVisit(manifest: Manifest, html: string, page: string): FirstVisit {
  const shellFiles = staticClosure(manifest, html);
  const shell = plus(bytesOf([html]), bytesOf(shellFiles));
  if (!manifest[page]) {
    // Not a chunk of its own: the bundler merged it into whatever imports it.
    return { shell, page: null, lazy: false, total: shell };
  }
  if (!reachable(manifest, html, page)) return { shell, page: null, lazy: false, total: shell };
  const extra = [...staticClosure(manifest, page)].filter((f) => !shellFiles.has(f));
  const pageBytes = bytesOf(extra);
  return { shell, page: pageBytes, lazy: extra.length > 0, total: plus(shell, pageBytes) };
}
