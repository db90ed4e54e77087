import { execSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromiumPath } from './browser.ts';

/** Browser tests run against the built app, exactly as `npm start` serves it. */
export default function setup(): void {
  if (!chromiumPath()) return;
  // Vitest sets NODE_ENV=test; the app must be built as production, as `npm start` builds it.
  execSync('npx vite build --logLevel warn', {
    cwd: resolve(import.meta.dirname, '../..'),
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
