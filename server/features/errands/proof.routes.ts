import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Readable } from 'node:stream';
import { Type } from 'typebox';
import { acceptImageUploads, IMAGE_MIMES } from '../../platform/files/stored-files.ts';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams } from '../../platform/http/schemas.ts';
import { validatorCompiler } from '../../platform/http/validation.ts';
import { DeliverPhotoQuery, StepDone } from './dispatch.schemas.ts';
import type { DispatchService } from './dispatch.service.ts';

const tags = ['errands'];
const Image = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
/** The photo goes out as a stream from disk. */
const Photo = Type.Unsafe<Readable>({ type: 'string', format: 'binary' });

/**
 * Delivery photos: the upload (raw image bytes, in a plugin of its own so no other route takes
 * them) and the file, served to whoever may see the order.
 */
export const proofRoutes: FastifyPluginAsyncTypebox<{ dispatch: DispatchService }> = async (app, { dispatch }) => {
  acceptImageUploads(app);

  app.post('/errands/orders/:id/deliver-photo', {
    // A phone that lost the answer sends the photo again with the same key (the field app's outbox).
    config: { access: 'errands.run', idempotent: true },
    schema: {
      tags,
      summary:
        'Delivered, contactless, with a photo as proof (body: the JPEG/PNG/WebP itself; optional ?note= and ?at=, the time made)',
      consumes: [...IMAGE_MIMES],
      params: IdParams,
      querystring: DeliverPhotoQuery,
      body: Image,
      response: { 200: StepDone, ...errorResponses },
    },
    // The content-type parser guarantees bytes; writeImage checks they are an image.
    validatorCompiler: (route) => (route.httpPart === 'body' ? () => true : validatorCompiler(route)),
    handler: async (req) => dispatch.deliverWithPhoto(actorOf(req), callOf(req), req.params.id, req.body, req.query),
  });

  app.get('/errands/orders/:id/proof-photo', {
    config: { access: 'errands.run' },
    schema: {
      tags,
      summary: 'The delivery photo of an order',
      params: IdParams,
      produces: [...IMAGE_MIMES],
      response: { 200: { description: 'The photo', content: { 'image/*': { schema: Photo } } }, ...errorResponses },
    },
    handler: async (req, reply) => {
      const file = await dispatch.proofPhoto(actorOf(req), req.params.id);
      return reply
        .type(file.mime)
        .header('content-length', file.size)
        .header('cache-control', 'private, max-age=86400')
        .send(file.stream);
    },
  });
};
