/**
 * Headless Chromium (Debian's /usr/bin/chromium through playwright-core) on DevTools' classic
 * "Slow 3G" profile: 2,000 ms of latency per request, 50,000 bytes/s down and up (500 kbit/s × 0.8),
 * set with CDP `Network.emulateNetworkConditions` on the page and on any service worker of its
 * context (DevTools throttles both), CPU not throttled.
 */
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';

export const SLOW_3G = { offline: false, latency: 2_000, downloadThroughput: 50_000, uploadThroughput: 50_000 };

export interface Throttled {
  page: Page;
  cdp: CDPSession;
  /** Encoded (over the wire) bytes of every response the page finished loading so far. */
  received(): number;
  reset(): void;
}

/** A page of `context` on Slow 3G with the CPU at full speed; counts the bytes its responses take on the wire. */
export async function throttledPage(context: BrowserContext): Promise<Throttled> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
  return { page, cdp, received: () => bytes, reset: () => (bytes = 0) };
}

/**
 * Throttles the service workers of the browser as the page is: their own fetches (the API
 * behind a cached shell, the precache) go to the network outside the page's target. Attaches to
 * each service worker target through a browser CDP session and sends the commands to it.
 * Returns a check of how many were throttled.
 */
export async function throttleServiceWorkers(browser: Browser): Promise<{ throttled: () => number; failures: string[] }> {
  const session = await browser.newBrowserCDPSession();
  let throttled = 0;
  const failures: string[] = [];
  let nextId = 1;
  const send = (sessionId: string, method: string, params: object) =>
    session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: nextId++, method, params }) });
  session.on('Target.targetCreated', (e) => {
    if (e.targetInfo.type !== 'service_worker') return;
    void (async () => {
      try {
        const { sessionId } = await session.send('Target.attachToTarget', { targetId: e.targetInfo.targetId, flatten: false });
        await send(sessionId, 'Network.enable', {});
        await send(sessionId, 'Network.emulateNetworkConditions', SLOW_3G);
        throttled += 1;
      } catch (err) {
        failures.push((err as Error).message);
      }
    })();
  });
  await session.send('Target.setDiscoverTargets', { discover: true });
  return { throttled: () => throttled, failures };
}
