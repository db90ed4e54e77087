import type { FastifyPluginAsync } from 'fastify';
import { fieldIssuesRoutes } from './field-issues.routes.ts';
import type { FieldIssuesService } from './field-issues.service.ts';

/** The issue ledger and its printable public summary. */
export const fieldIssuesFeature: FastifyPluginAsync<{ fieldIssues: FieldIssuesService }> = async (app, { fieldIssues }) => {
  await app.register(fieldIssuesRoutes, { fieldIssues });
};
