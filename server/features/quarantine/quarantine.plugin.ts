import type { FastifyPluginAsync } from 'fastify';
import { followUpsRoutes } from './follow-ups.routes.ts';
import type { FollowUpsService } from './follow-ups.service.ts';
import { caseServicesRoutes } from './case-services.routes.ts';
import type { CaseServicesService } from './case-services.service.ts';
import { casesRoutes } from './cases.routes.ts';
import type { CasesService } from './cases.service.ts';
import { alertsRoutes } from './alerts.routes.ts';
import type { AlertsService } from './alerts.service.ts';
import { healthReportsRoutes } from './health-reports.routes.ts';
import type { HealthReportsService } from './health-reports.service.ts';
import type { ResidentTokensService } from './resident-tokens.service.ts';
import { contactsRoutes } from './contacts.routes.ts';
import type { ContactsService } from './contacts.service.ts';
import { returneesRoutes } from './returnees.routes.ts';
import type { ReturneesService } from './returnees.service.ts';

/** Health reports, personal links and alerts: the services and the configured report windows. */
export interface HealthFeatureOptions {
  healthReports: HealthReportsService;
  tokens: ResidentTokensService;
  alerts: AlertsService;
  windows: { morning: { from: string; to: string }; evening: { from: string; to: string } };
}

/** Quarantine: follow-up tasks so far (households, returnees and isolation cases come with their issue). */
export const quarantineFeature: FastifyPluginAsync<{
  followUps: FollowUpsService;
  health: HealthFeatureOptions;
  isolation: { cases: CasesService; caseServices: CaseServicesService };
  people: { returnees: ReturneesService; contacts: ContactsService };
}> = async (app, { followUps, health, isolation, people }) => {
  await app.register(followUpsRoutes, { followUps });
  await app.register(returneesRoutes, { returnees: people.returnees });
  await app.register(contactsRoutes, { contacts: people.contacts });
  await app.register(casesRoutes, { cases: isolation.cases });
  await app.register(caseServicesRoutes, { caseServices: isolation.caseServices });
  await app.register(healthReportsRoutes, health);
  await app.register(alertsRoutes, { alerts: health.alerts });
};
