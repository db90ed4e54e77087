import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const repo = import.meta.dirname;

/** The web app lives in web/ and imports common/; the server serves the build from dist/web. */
export default defineConfig({
  root: resolve(repo, 'web'),
  plugins: [react()],
  build: {
    outDir: resolve(repo, 'dist/web'),
    emptyOutDir: true,
    // Ant Design alone is larger than Vite's default warning size; pages are split per route.
    chunkSizeWarningLimit: 1500,
  },
  server: {
    fs: { allow: [repo] },
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
