import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build as bundle } from 'rolldown';
import { defineConfig, type Plugin, type Rollup } from 'vite';
import { isFieldPath } from './common/field-paths.ts';

const repo = import.meta.dirname;
const web = resolve(repo, 'web');

/** Every file under `dir`, as paths from the site's root (`/icons/icon-192.png`). */
function publicFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? publicFiles(path, root) : [`/${relative(root, path).split('\\').join('/')}`];
  });
}

/** The field entry's chunks, near and lazy (its pages), with their CSS and other assets. */
function fieldAssets(bundleFiles: Rollup.OutputBundle): string[] {
  const entry = Object.values(bundleFiles).find(
    (file): file is Rollup.OutputChunk => file.type === 'chunk' && file.isEntry && file.name === 'field',
  );
  if (!entry) throw new Error('field-service-worker: no `field` entry in the bundle');
  const seen = new Set<string>();
  const walk = (fileName: string) => {
    if (seen.has(fileName)) return;
    seen.add(fileName);
    const file = bundleFiles[fileName];
    if (file?.type !== 'chunk') return;
    for (const next of [...file.imports, ...file.dynamicImports]) walk(next);
    for (const css of file.viteMetadata?.importedCss ?? []) seen.add(css);
    for (const asset of file.viteMetadata?.importedAssets ?? []) seen.add(asset);
  };
  walk(entry.fileName);
  return [...seen].map((fileName) => `/${fileName}`);
}

/**
 * Builds web/field/sw.ts on its own into `sw.js` at the site's root (one classic script: the
 * worker must not share chunks with the pages, and old phones lack module workers), with the
 * list of what the field app needs offline: its entry's chunks (pages included), field.html, the
 * manifest and the icons. The version (in the shell cache's name) changes with any of them.
 */
function fieldServiceWorker(): Plugin {
  const source = resolve(web, 'field/sw.ts');
  return {
    name: 'redvest-field-service-worker',
    apply: 'build',
    async generateBundle(_options, bundleFiles) {
      const shell = ['/field.html', ...publicFiles(resolve(web, 'public')).filter((f) => !f.endsWith('.md'))];
      const precache = [...new Set([...shell, ...fieldAssets(bundleFiles)])].sort();
      const built = await bundle({
        input: source,
        platform: 'browser',
        write: false,
        output: { format: 'iife', minify: true },
      });
      let code = built.output[0].code;
      const version = createHash('sha256')
        .update(JSON.stringify(precache))
        .update(code)
        .update(readFileSync(resolve(web, 'field.html')))
        .update(shell.map((f) => (f === '/field.html' ? '' : readFileSync(resolve(web, 'public', `.${f}`)))).join('\0'))
        .digest('hex')
        .slice(0, 16);
      for (const [placeholder, value] of [
        ['__FIELD_PRECACHE__', JSON.stringify(precache)],
        ['__FIELD_VERSION__', JSON.stringify(version)],
      ] as const) {
        if (!code.includes(placeholder)) throw new Error(`field-service-worker: ${placeholder} not found in sw.js`);
        code = code.replaceAll(placeholder, value);
      }
      this.emitFile({ type: 'asset', fileName: 'sw.js', source: code });
    },
  };
}

/**
 * Writes a brotli and a gzip copy beside every text file of the build, which the server sends to
 * browsers that accept them (@fastify/static `preCompressed`): on a slow line the field app's first
 * visit is about a third of the bytes, and nothing is compressed at request time.
 */
function precompress(): Plugin {
  const compressible = /\.(js|css|html|svg|json|webmanifest)$/;
  return {
    name: 'redvest-precompress',
    apply: 'build',
    closeBundle() {
      const out = resolve(repo, 'dist/web');
      for (const file of publicFiles(out)) {
        const path = join(out, file);
        if (!compressible.test(file) || file.startsWith('/.vite/') || statSync(path).size < 1024) continue;
        const raw = readFileSync(path);
        writeFileSync(`${path}.br`, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
        writeFileSync(`${path}.gz`, gzipSync(raw, { level: 9 }));
      }
    },
  };
}

/** `vite` dev serves field.html for the field app's addresses, as the server does. */
function fieldPagesInDev(): Plugin {
  return {
    name: 'redvest-field-pages-dev',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = (req.url ?? '/').split('?', 1)[0]!;
        if (req.method === 'GET' && req.headers.accept?.includes('text/html') && isFieldPath(path)) req.url = '/field.html';
        next();
      });
    },
  };
}

/**
 * The web app lives in web/ and imports common/; the server serves the build from dist/web. Two
 * entries: the staff desk (index.html) and the field app (field.html, the phone pages), so a
 * volunteer on a slow line downloads none of the desk. `.vite/manifest.json` tells the bench
 * (and anyone checking) which files each entry loads.
 */
export default defineConfig({
  root: web,
  plugins: [react(), fieldPagesInDev(), fieldServiceWorker(), precompress()],
  build: {
    outDir: resolve(repo, 'dist/web'),
    emptyOutDir: true,
    manifest: true,
    rollupOptions: {
      input: { index: resolve(web, 'index.html'), field: resolve(web, 'field.html') },
      output: {
        // The libraries either entry loads at start (React, Ant Design, i18next, TanStack Query)
        // go in one chunk, shared by both, instead of thirty-odd small ones: on a slow line each
        // file costs a round trip. The app's own modules stay split per entry and per page, so
        // the field app still loads none of the desk's code.
        codeSplitting: { groups: [{ name: 'shared', test: /node_modules/, tags: ['$initial'] }] },
      },
    },
    // Ant Design alone is larger than Vite's default warning size; pages are split per route.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    fs: { allow: [repo] },
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
