import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { acceptImageUploads, IMAGE_MIMES } from '../../platform/files/stored-files.ts';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { validatorCompiler } from '../../platform/http/validation.ts';
import { RunOut, RunShopParams } from './runs.schemas.ts';
import type { RunsService } from './runs.service.ts';

/** The receipt upload: raw image bytes as the body, so it sits in a plugin of its own. */
export const runReceiptsRoutes: FastifyPluginAsyncTypebox<{ runs: RunsService }> = async (app, { runs }) => {
  acceptImageUploads(app);
  app.post('/errands/runs/:id/shops/:shopId/receipt', {
    config: { access: 'errands.run' },
    schema: {
      tags: ['errands'],
      summary: 'Upload the receipt photo of a shop whose amount is recorded (JPEG, PNG or WebP, ≤ 5 MB)',
      params: RunShopParams,
      body: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }),
      consumes: [...IMAGE_MIMES],
      response: { 200: RunOut, ...errorResponses },
    },
    // The content-type parser guarantees bytes and sniffing them is the service's job; the params are validated as usual.
    validatorCompiler: (route) => (route.httpPart === 'body' ? () => true : validatorCompiler(route)),
    handler: async (req) => runs.attachReceipt(actorOf(req), callOf(req), req.params.id, req.params.shopId, req.body),
  });
};
