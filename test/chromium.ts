/**
 * Headless Chromium as every browser run here starts it: Debian's /usr/bin/chromium (or
 * REDVEST_CHROMIUM) through playwright-core, never a downloaded browser, with nothing of its own
 * reaching the network. Shared by the browser tests, the bench and the icon script; no test
 * runner imported, so plain scripts can use it.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export function chromiumPath(): string | null {
  const path = process.env.REDVEST_CHROMIUM ?? '/usr/bin/chromium';
  return existsSync(path) ? path : null;
}

export function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath)
    throw new Error('Chromium not found at /usr/bin/chromium (apt-get install -y chromium, or set REDVEST_CHROMIUM)');
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
