import { basename } from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { isFieldPath } from '../common/field-paths.ts';
import type { Config } from './config.ts';
import { accountsFeature } from './features/accounts/accounts.plugin.ts';
import { accountsService } from './features/accounts/accounts.service.ts';
import { checkpointsFeature } from './features/checkpoints/checkpoints.plugin.ts';
import { checkpointsService } from './features/checkpoints/checkpoints.service.ts';
import { attendanceService } from './features/duty/attendance.service.ts';
import { dutyFeature } from './features/duty/duty.plugin.ts';
import { rostersService } from './features/duty/rosters.service.ts';
import { fieldIssuesFeature } from './features/field-issues/field-issues.plugin.ts';
import { fieldIssuesService } from './features/field-issues/field-issues.service.ts';
import { inspectionGroupsService } from './features/inspections/inspection-groups.service.ts';
import { inspectionsFeature } from './features/inspections/inspections.plugin.ts';
import { inspectionsService } from './features/inspections/inspections.service.ts';
import { passagesFeature } from './features/passages/passages.plugin.ts';
import { passagesService } from './features/passages/passages.service.ts';
import { followUpsService } from './features/quarantine/follow-ups.service.ts';
import { casesService } from './features/quarantine/cases.service.ts';
import { caseServicesService } from './features/quarantine/case-services.service.ts';
import { disinfectionFeature } from './features/disinfection/disinfection.plugin.ts';
import { disinfectionService } from './features/disinfection/disinfection.service.ts';
import { quarantineFeature } from './features/quarantine/quarantine.plugin.ts';
import { returneesService } from './features/quarantine/returnees.service.ts';
import { contactsService } from './features/quarantine/contacts.service.ts';
import { alertsService } from './features/quarantine/alerts.service.ts';
import { healthReportsService } from './features/quarantine/health-reports.service.ts';
import { residentTokensService } from './features/quarantine/resident-tokens.service.ts';
import { householdsFeature } from './features/households/households.plugin.ts';
import { householdsService } from './features/households/households.service.ts';
import { screeningService } from './features/households/screening.service.ts';
import { riskAreasFeature } from './features/risk-areas/risk-areas.plugin.ts';
import { publicityFeature } from './features/publicity/publicity.plugin.ts';
import { suppliesFeature } from './features/supplies/supplies.plugin.ts';
import { suppliesService } from './features/supplies/supplies.service.ts';
import { errandsFeature } from './features/errands/errands.plugin.ts';
import { errandsService } from './features/errands/errands.service.ts';
import { publicityService } from './features/publicity/publicity.service.ts';
import { announcementsService } from './features/publicity/announcements.service.ts';
import { riskAreasService } from './features/risk-areas/risk-areas.service.ts';
import { notificationsRoutes } from './platform/notify/notifications.routes.ts';
import { teamsFeature } from './features/teams/teams.plugin.ts';
import { teamsService } from './features/teams/teams.service.ts';
import { pledgesService } from './features/volunteers/pledges.service.ts';
import { volunteersFeature } from './features/volunteers/volunteers.plugin.ts';
import { volunteersService } from './features/volunteers/volunteers.service.ts';
import { certificatesRoutes } from './features/recognition/certificates.routes.ts';
import { certificatesService } from './features/recognition/certificates.service.ts';
import { rankingsRoutes } from './features/recognition/rankings.routes.ts';
import { rankingsService } from './features/recognition/rankings.service.ts';
import { auditRoutes } from './features/audit/audit.routes.ts';
import { dashboardRoutes } from './features/dashboard/dashboard.routes.ts';
import { dashboardService } from './features/dashboard/dashboard.service.ts';
import { dailyReportRoutes } from './features/reports/daily-report.routes.ts';
import { dailyReportService } from './features/reports/daily-report.service.ts';
import { regionsImportRoutes } from './features/regions/regions.import.routes.ts';
import { regionsRoutes } from './features/regions/regions.routes.ts';
import { regionsService } from './features/regions/regions.service.ts';
import { unitsRoutes } from './features/units/units.routes.ts';
import { unitsService } from './features/units/units.service.ts';
import { syncRoutes } from './features/sync/sync.routes.ts';
import { syncService } from './features/sync/sync.service.ts';
import { installGuard } from './platform/access/guard.ts';
import { connect, type Db } from './platform/db/connect.ts';
import { migrateToLatest } from './platform/db/migrate.ts';
import type { Deps } from './platform/deps.ts';
import { frameworkErrors, installErrorHandling } from './platform/http/error-handler.ts';
import { installJsonBody } from './platform/http/json-body.ts';
import { installIdempotency } from './platform/idempotency/idempotency.hooks.ts';
import { installMetrics } from './platform/http/metrics.ts';
import { recordRoutes, type RouteEntry } from './platform/http/route-table.ts';
import { validatorCompiler } from './platform/http/validation.ts';
import { logSafeUrl } from './platform/http/logging.ts';
import { createPiiCipher } from './platform/pii/crypto.ts';
import { Redis } from 'ioredis';
import { databaseRateLimiter, redisRateLimiter, withFallback } from './platform/auth/throttle.ts';
import { EventHub } from './platform/events/hub.ts';
import { eventPublisher } from './platform/events/publisher.ts';
import { eventStreamRoutes } from './platform/events/stream.routes.ts';
import { housekeepingJobs } from './platform/jobs/housekeeping.ts';
import { jobsRoutes } from './platform/jobs/jobs.routes.ts';
import { Scheduler } from './platform/jobs/scheduler.ts';

export interface BuildOptions {
  /** An open database; otherwise one is opened from the config and closed with the app. */
  db?: Db;
  /** Run migrations before serving (default true). */
  migrate?: boolean;
  logger?: boolean;
}

export type App = FastifyInstance & { deps: Deps; routeTable: RouteEntry[]; scheduler: Scheduler };

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<App> {
  const db = options.db ?? connect(config.database);
  if (options.migrate ?? true) await migrateToLatest(db);
  const hub = new EventHub(db);
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false })
    : null;
  redis?.on('error', () => {}); // reported where a command fails; the limiter falls back meanwhile
  const dbLimiter = databaseRateLimiter(db.db);
  const deps: Deps = {
    config,
    db,
    pii: createPiiCipher(config.dataKey),
    events: eventPublisher(db, hub),
    rateLimiter: redis
      ? withFallback(redisRateLimiter(redis), dbLimiter, (err) =>
          app.log.warn({ err }, 'redis unavailable: counting in the database'),
        )
      : dbLimiter,
  };

  const app: FastifyInstance = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: config.logLevel,
            redact: [
              'req.headers.cookie',
              'req.headers["x-csrf-token"]',
              'req.headers.authorization',
              'res.headers["set-cookie"]',
            ],
            serializers: {
              req: (req: { method: string; url: string; ip?: string }) => ({
                method: req.method,
                url: logSafeUrl(req.url),
                ip: req.ip,
              }),
            },
          },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false } },
    return503OnClosing: true,
    frameworkErrors,
  });
  app.setValidatorCompiler(validatorCompiler);

  await app.register(cookie);
  installErrorHandling(app);
  installJsonBody(app);
  installGuard(app, config, db);
  installIdempotency(app, db.db);
  const metrics = installMetrics(app, config, db);
  const routeTable = recordRoutes(app);

  await app.register(swagger, {
    openapi: {
      info: { title: 'redvest API', description: '红马甲 社区疫情防控志愿服务平台', version: '1' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'redvest_session' } } },
      security: [{ session: [] }],
    },
  });

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({ ok: true }));
  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await sql`SELECT 1`.execute(db.db);
      return { ok: true };
    } catch {
      return reply.status(503).send({ ok: false });
    }
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  const regions = regionsService(deps);
  const units = unitsService(deps, regions);
  const accounts = accountsService(deps, regions);
  const volunteers = volunteersService(deps, { regions, units });
  const pledges = pledgesService(deps, { regions, units, accounts, volunteers });
  const certificates = certificatesService(deps, { volunteers });
  const teams = teamsService(deps, { regions, volunteers });
  const rankings = rankingsService(deps, { regions });
  const checkpoints = checkpointsService(deps, { regions, teams });
  const rosters = rostersService(deps, { regions, volunteers, teams, checkpoints });
  // Entries made offline that arrive too late to apply as made are kept here (duty, health reports).
  const sync = syncService(deps);
  const attendance = attendanceService(deps, { regions, volunteers, teams, checkpoints, sync });
  const groups = inspectionGroupsService(deps, { regions, accounts });
  const inspections = inspectionsService(deps, { regions, volunteers, teams, checkpoints, attendance, groups });
  const fieldIssues = fieldIssuesService(deps, { regions, units, accounts, checkpoints, attendance, inspections });
  const riskAreas = riskAreasService(deps);
  const followUps = followUpsService(deps, { regions, accounts });
  const returnees = returneesService(deps, { regions, riskAreas, followUps });
  const contacts = contactsService(deps, { regions });
  const cases = casesService(deps, { regions, accounts });
  const disinfection = disinfectionService(deps, { regions, volunteers, teams, checkpoints });
  const caseServices = caseServicesService(deps, { regions, cases, volunteers, disinfection });
  const alerts = alertsService(deps, { regions, accounts });
  const residentTokens = residentTokensService(deps);
  const healthReports = healthReportsService(deps, { tokens: residentTokens, alerts, sync });
  const passages = passagesService(deps, { regions, checkpoints, attendance, riskAreas, followUps });
  const households = householdsService(deps, { regions });
  const screening = screeningService(deps, { regions, volunteers, teams, riskAreas, followUps });
  const publicity = publicityService(deps, { regions, checkpoints });
  const announcements = announcementsService(deps, { regions, tokens: residentTokens });
  const supplies = suppliesService(deps, { regions, accounts, checkpoints, teams, households });
  const errands = errandsService(deps, { regions, volunteers, accounts, households, fieldIssues, announcements });
  const dashboard = dashboardService(deps, {
    regions,
    numbers: errands.numbers,
    // Every feature's figures for the command dashboard, read one after another by the refresh job.
    sources: [
      volunteers.figures,
      teams.figures,
      checkpoints.figures,
      attendance.figures,
      inspections.figures,
      fieldIssues.figures,
      households.figures,
      screening.figures,
      returnees.figures,
      contacts.figures,
      cases.figures,
      healthReports.figures,
      alerts.figures,
      errands.numbers.figures,
      disinfection.logs.figures,
      publicity.figures,
      supplies.catalogue.figures,
    ],
  });
  const reports = dailyReportService(deps, { dashboard });
  await app.register(
    async (api) => {
      await api.register(regionsRoutes, { regions });
      await api.register(regionsImportRoutes, { deps, regions });
      await api.register(unitsRoutes, { units });
      await api.register(accountsFeature, { deps, accounts });
      await api.register(volunteersFeature, { deps, volunteers, pledges });
      await api.register(teamsFeature, { teams });
      await api.register(checkpointsFeature, { deps, checkpoints });
      await api.register(dutyFeature, { deps, rosters, attendance });
      await api.register(inspectionsFeature, { groups, inspections });
      await api.register(fieldIssuesFeature, { fieldIssues });
      await api.register(riskAreasFeature, { riskAreas });
      await api.register(passagesFeature, { passages });
      await api.register(householdsFeature, { deps, regions, households, screening });
      await api.register(quarantineFeature, {
        followUps,
        health: { healthReports, tokens: residentTokens, alerts, windows: config.reportWindows },
        isolation: { cases, caseServices },
        people: { returnees, contacts },
      });
      await api.register(disinfectionFeature, { disinfection });
      await api.register(publicityFeature, { publicity, announcements });
      await api.register(suppliesFeature, { supplies });
      await api.register(errandsFeature, { errands });
      await api.register(dashboardRoutes, { dashboard });
      await api.register(dailyReportRoutes, { reports });
      await api.register(certificatesRoutes, { certificates });
      await api.register(rankingsRoutes, { rankings });
      await api.register(syncRoutes, { sync });
      await api.register(notificationsRoutes, { deps });
      await api.register(auditRoutes, { deps });
      await api.register(eventStreamRoutes, { deps, hub });
      await api.register(jobsRoutes, { db });
    },
    { prefix: '/api/v1' },
  );

  // Third-party asset routes (API docs, the built web app) are public by nature.
  await app.register(async (assets) => {
    assets.decorate('publicAssets', true);
    await assets.register(swaggerUi, { routePrefix: '/api/docs' });
    if (config.webDir) {
      await assets.register(fastifyStatic, {
        root: config.webDir,
        wildcard: false,
        index: ['index.html'],
        // The build writes .br and .gz copies of its text files (vite.config.ts `precompress`).
        preCompressed: true,
        setHeaders: (reply, path) => {
          // The file sent may be the build's compressed copy (sw.js.br): the headers go by the original.
          const file = basename(path).replace(/\.(br|gz)$/, '');
          // The field app's service worker: always checked for a new version, and its scopes are
          // the field pages under the site's root (common/field-paths.ts).
          if (file === 'sw.js') reply.header('cache-control', 'no-cache').header('service-worker-allowed', '/');
          if (file.endsWith('.webmanifest')) reply.header('content-type', 'application/manifest+json; charset=utf-8');
        },
      });
      // Two apps route in the browser: the field pages (volunteers', residents') get the small
      // field shell, any other GET outside /api the staff desk's.
      assets.get('/*', (req, reply) => {
        if (req.url.startsWith('/api/')) return reply.callNotFound();
        const shell = isFieldPath(req.url.split(/[?#]/, 1)[0]!) ? 'field.html' : 'index.html';
        return reply.type('text/html').header('cache-control', 'no-cache').sendFile(shell);
      });
    }
  });

  const scheduler = new Scheduler(
    db,
    [
      ...housekeepingJobs(db),
      ...attendance.jobs,
      ...fieldIssues.jobs,
      ...passages.jobs,
      ...followUps.jobs,
      ...cases.jobs,
      ...healthReports.jobs,
      ...alerts.jobs,
      ...errands.escalation.jobs,
      ...dashboard.jobs,
      ...reports.jobs,
      ...sync.jobs,
    ],
    {
      onError: (job, err) => app.log.error({ job, err }, 'scheduled job failed'),
      onRun: metrics.jobRun,
    },
  );

  app.addHook('onClose', async () => {
    await scheduler.stop();
    await hub.close();
    redis?.disconnect();
    if (!options.db) await db.close();
  });
  return Object.assign(app, { deps, routeTable, scheduler });
}
