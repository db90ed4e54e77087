import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import {
  CertificateCheckOut,
  CertificateCodeParams,
  CertificateListOut,
  CertificateOut,
  IssueCertificateBody,
  RevokeCertificateBody,
} from './certificates.schemas.ts';
import type { CertificatesService } from './certificates.service.ts';

const tags = ['recognition'];

/** Certificates of service: staff issue, list and revoke them; anyone holding one checks its code. */
export const certificatesRoutes: FastifyPluginAsyncTypebox<{ certificates: CertificatesService }> = async (
  app,
  { certificates },
) => {
  app.post('/volunteers/:id/certificates', {
    config: { access: 'volunteers.write', idempotent: true },
    schema: {
      tags,
      summary: 'Issue a certificate of service (志愿服务证明) for a period of the volunteer’s service record; kept as issued',
      params: IdParams,
      body: IssueCertificateBody,
      response: { 201: CertificateOut, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await certificates.issue(actorOf(req), callOf(req), req.params.id, req.body)),
  });
  app.get('/volunteers/:id/certificates', {
    config: { access: 'volunteers.read' },
    schema: {
      tags,
      summary: 'The volunteer’s certificates, newest first, revoked ones included',
      params: IdParams,
      response: { 200: CertificateListOut, ...errorResponses },
    },
    handler: async (req) => certificates.list(actorOf(req), req.params.id),
  });
  app.get('/certificates/:id', {
    config: { access: 'volunteers.read' },
    schema: {
      tags,
      summary: 'A certificate as issued, to print or reprint',
      params: IdParams,
      response: { 200: CertificateOut, ...errorResponses },
    },
    handler: async (req) => certificates.get(actorOf(req), req.params.id),
  });
  app.post('/certificates/:id/revoke', {
    config: { access: 'volunteers.write' },
    schema: {
      tags,
      summary: 'Revoke a certificate with a reason; its public check then shows it invalid',
      params: IdParams,
      body: RevokeCertificateBody,
      response: { 200: CertificateOut, ...errorResponses },
    },
    handler: async (req) => certificates.revoke(actorOf(req), callOf(req), req.params.id, req.body),
  });

  app.get('/c/:code', {
    config: { access: 'public' },
    schema: {
      tags,
      summary:
        'Check a certificate by the code printed on it (its QR code opens /c/{code}): the name masked; rate limited per address',
      security: [],
      params: CertificateCodeParams,
      response: { 200: CertificateCheckOut, ...errorResponses },
    },
    handler: async (req) => certificates.check(req.ip, req.params.code),
  });
};
