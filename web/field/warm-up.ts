/**
 * Fetches, ahead of need, what the volunteer's pages show at a dead spot: their shifts for the
 * coming two weeks, the passage desk of each checkpoint on them, their screening grids,
 * disinfection jobs and places, errands and case services. The service worker keeps each answer
 * (web/field/sw.ts), so a page never opened online still opens offline at the post. The origin
 * picker's division list and every page's code are in the worker's precache already.
 *
 * It runs once the worker controls the page (its answers would not be kept otherwise): at start,
 * when the worker first takes over, and when the network returns, at most once in WARM_EVERY_MS.
 * The requests go one at a time, after the page's own, so a slow line serves the page first.
 */
import type { QueryClient } from '@tanstack/react-query';
import { can, type Me } from '../app/session.ts';
import { myPlacesQuery, myJobsQuery } from '../features/disinfection/disinfection.api.ts';
import { myDutyQuery } from '../features/duty/me.api.ts';
import { myErrandsQuery } from '../features/errands/myErrands.api.ts';
import { fieldCampaignsQuery } from '../features/households/screening.api.ts';
import { deskQuery } from '../features/passages/passages.api.ts';
import { myServicesQuery } from '../features/quarantine/cases.api.ts';

const WARM_EVERY_MS = 5 * 60_000;
/** The shifts of the coming days touch a handful of checkpoints; a long roster's tail can wait. */
const MAX_DESKS = 6;

let lastRun = 0;
let running: Promise<void> | null = null;

async function run(client: QueryClient, me: Me): Promise<void> {
  // A failed fetch leaves that answer out; the next run tries again.
  const quietly = <T>(answer: Promise<T>) => answer.catch(() => undefined);
  if (can(me, 'duty.self')) {
    const duty = await quietly(client.fetchQuery(myDutyQuery));
    if (can(me, 'passages.write') && duty) {
      const soon = Date.now() + 14 * 24 * 3600_000;
      const checkpoints = new Set(
        duty.duties.filter((d) => Date.parse(d.endsAt) > Date.now() && Date.parse(d.startsAt) < soon).map((d) => d.checkpoint.id),
      );
      for (const id of [...checkpoints].slice(0, MAX_DESKS)) await quietly(client.fetchQuery(deskQuery(id)));
    }
  }
  if (can(me, 'screening.visit')) await quietly(client.fetchQuery(fieldCampaignsQuery));
  if (can(me, 'disinfection.log')) {
    await quietly(client.fetchQuery(myJobsQuery));
    await quietly(client.fetchQuery(myPlacesQuery));
  }
  if (can(me, 'errands.run')) await quietly(client.fetchQuery(myErrandsQuery));
  if (can(me, 'caseServices.log')) await quietly(client.fetchQuery(myServicesQuery));
}

/** Starts a warm-up unless one ran lately, the phone is offline or no worker keeps the answers. */
export function warmUp(client: QueryClient, me: Me, force = false): Promise<void> {
  if (running) return running;
  if (!navigator.onLine || !navigator.serviceWorker?.controller) return Promise.resolve();
  if (!force && Date.now() - lastRun < WARM_EVERY_MS) return Promise.resolve();
  lastRun = Date.now();
  running = run(client, me).finally(() => {
    running = null;
  });
  return running;
}
