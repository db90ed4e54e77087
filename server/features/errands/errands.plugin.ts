import type { FastifyPluginAsync } from 'fastify';
import { dispatchRoutes } from './dispatch.routes.ts';
import { errandLinksRoutes } from './errand-links.routes.ts';
import type { ErrandsService } from './errands.service.ts';
import { ordersRoutes } from './orders.routes.ts';
import { postsRoutes } from './posts.routes.ts';
import { proofRoutes } from './proof.routes.ts';
import { runReceiptsRoutes } from './runs.receipts.routes.ts';
import { runsRoutes } from './runs.routes.ts';
import { errandLedgerRoutes } from './ledger.routes.ts';
import { numbersRoutes } from './numbers.routes.ts';
import { settlementRoutes } from './settlement.routes.ts';

/** 红色代办: the resident's ordering page, dispatch to volunteers, purchase runs, settlement. */
export const errandsFeature: FastifyPluginAsync<{ errands: ErrandsService }> = async (app, { errands }) => {
  await app.register(postsRoutes, { posts: errands.posts, shops: errands.shops, orders: errands.orders });
  await app.register(ordersRoutes, { orders: errands.orders });
  await app.register(errandLinksRoutes, { links: errands.links, orders: errands.orders });
  await app.register(dispatchRoutes, { dispatch: errands.dispatch });
  await app.register(proofRoutes, { dispatch: errands.dispatch });
  await app.register(runsRoutes, { runs: errands.runs });
  await app.register(runReceiptsRoutes, { runs: errands.runs });
  await app.register(settlementRoutes, { settlement: errands.settlement });
  await app.register(numbersRoutes, { numbers: errands.numbers });
  await app.register(errandLedgerRoutes, { ledger: errands.ledger });
};
