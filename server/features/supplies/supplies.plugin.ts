import type { FastifyPluginAsync } from 'fastify';
import { catalogueRoutes } from './catalogue.routes.ts';
import { ledgerRoutes } from './ledger.routes.ts';
import { movementsRoutes } from './movements.routes.ts';
import type { SuppliesService } from './supplies.service.ts';

/** 物资: catalogue, stores and stock; donations, allocations, transfers; the public ledger. */
export const suppliesFeature: FastifyPluginAsync<{ supplies: SuppliesService }> = async (app, { supplies }) => {
  await app.register(catalogueRoutes, { catalogue: supplies.catalogue });
  await app.register(movementsRoutes, {
    donations: supplies.donations,
    allocations: supplies.allocations,
    transfers: supplies.transfers,
  });
  await app.register(ledgerRoutes, { ledger: supplies.ledger });
};
