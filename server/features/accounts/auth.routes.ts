import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { LANGUAGES } from '../../../common/enums.ts';
import { csrfTokenFor, SESSION_COOKIE } from '../../platform/access/guard.ts';
import { resolveSession } from '../../platform/auth/sessions.ts';
import type { Deps } from '../../platform/deps.ts';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, Ok } from '../../platform/http/schemas.ts';
import { ChangePasswordBody, LoginBody, MeOut, SetupBody, SetupStatus } from './accounts.schemas.ts';
import type { AuthService } from './auth.service.ts';

const tags = ['auth'];

export const authRoutes: FastifyPluginAsyncTypebox<{ deps: Deps; auth: AuthService }> = async (app, { deps, auth }) => {
  const { config } = deps;
  const limits = { idleSeconds: config.sessionIdleSeconds, absoluteSeconds: config.sessionAbsoluteSeconds };

  /** httpOnly, SameSite=Lax, Secure over HTTPS; lives as long as the session's absolute limit. */
  function setSessionCookie(reply: FastifyReply, token: string) {
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: 'auto',
      maxAge: config.sessionAbsoluteSeconds,
    });
  }

  /** The signed-in account as the web app needs it, with the CSRF token for its writes. */
  async function meFor(token: string) {
    const actor = await resolveSession(deps.db.db, token, limits);
    if (!actor) throw new Error('session vanished right after it was made');
    return { ...(await auth.me(actor)), csrfToken: csrfTokenFor(config, token) };
  }

  app.post('/auth/login', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Sign in; sets the session cookie',
      security: [],
      body: LoginBody,
      response: { 200: MeOut, ...errorResponses },
    },
    handler: async (req, reply) => {
      const { token } = await auth.login(req.body.login.trim(), req.body.password, {
        ip: req.ip,
        userAgent: req.headers['user-agent'] ?? null,
      });
      setSessionCookie(reply, token);
      return meFor(token);
    },
  });

  app.post('/auth/logout', {
    config: { access: 'authenticated' },
    schema: { tags, response: { 200: Ok, ...errorResponses } },
    handler: async (req, reply) => {
      await auth.logout(actorOf(req), callOf(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  app.get('/auth/me', {
    config: { access: 'authenticated' },
    schema: { tags, response: { 200: MeOut, ...errorResponses } },
    handler: async (req) => ({ ...(await auth.me(actorOf(req))), csrfToken: csrfTokenFor(config, req.cookies[SESSION_COOKIE]!) }),
  });

  app.post('/auth/password', {
    config: { access: 'authenticated' },
    schema: { tags, summary: 'Change your own password', body: ChangePasswordBody, response: { 200: Ok, ...errorResponses } },
    handler: async (req) => {
      await auth.changePassword(actorOf(req), callOf(req), req.body.currentPassword, req.body.newPassword);
      return { ok: true as const };
    },
  });

  app.put('/auth/language', {
    config: { access: 'authenticated' },
    schema: {
      tags,
      body: Type.Object({ language: Type.Enum(LANGUAGES) }, { additionalProperties: false }),
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (req) => {
      await auth.setLanguage(actorOf(req), req.body.language);
      return { ok: true as const };
    },
  });

  app.get('/setup', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Whether the first-run page is open',
      security: [],
      response: { 200: SetupStatus, ...errorResponses },
    },
    handler: async () => ({ needed: await auth.setupNeeded() }),
  });

  app.post('/setup', {
    config: { access: 'public' },
    schema: {
      tags,
      summary: 'Create the first administrator with the setup code from the server log',
      security: [],
      body: SetupBody,
      response: { 200: MeOut, ...errorResponses },
    },
    handler: async (req, reply) => {
      const { token } = await auth.completeSetup(req.body, { ip: req.ip, userAgent: req.headers['user-agent'] ?? null });
      setSessionCookie(reply, token);
      return meFor(token);
    },
  });
};
