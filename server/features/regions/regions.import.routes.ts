import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { regionsImportService } from './regions.import.ts';
import type { RegionsService } from './regions.service.ts';
import { ImportResult } from './regions.schemas.ts';
import { XLSX_MIME } from './regions.xlsx.ts';

const tags = ['regions'];
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const XlsxFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });
const xlsxResponse = {
  200: { description: 'An Excel workbook', content: { [XLSX_MIME]: { schema: XlsxFile } } },
  ...errorResponses,
};

/** RFC 6266 / 5987: an ASCII name for old clients, the UTF-8 name for the rest. */
function attachment(reply: FastifyReply, name: string, asciiName: string): FastifyReply {
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return reply.type(XLSX_MIME).header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`);
}

/** `regions` is accepted for the registration signature app.ts uses; the import works on the repository directly. */
export const regionsImportRoutes: FastifyPluginAsyncTypebox<{ deps: Deps; regions: RegionsService }> = async (app, { deps }) => {
  const service = regionsImportService(deps);
  const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: deps.config.timeZone }).format(new Date());

  // Scoped to this plugin: the upload route takes raw .xlsx bytes and nothing else (JSON included).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));

  app.get('/regions/import-template', {
    config: { access: 'regions.write' },
    schema: { tags, summary: 'Excel template for importing regions', produces: [XLSX_MIME], response: xlsxResponse },
    handler: async (_req, reply) =>
      attachment(reply, '区划导入模板.xlsx', 'region-import-template.xlsx').send(await service.template()),
  });

  app.get('/regions/export', {
    config: { access: 'regions.read' },
    schema: {
      tags,
      summary: 'The regions visible to the caller as an Excel workbook (importable back)',
      produces: [XLSX_MIME],
      response: xlsxResponse,
    },
    handler: async (req, reply) => {
      const bytes = await service.exportWorkbook(actorOf(req));
      const date = today();
      return attachment(reply, `区划导出-${date}.xlsx`, `regions-${date}.xlsx`).send(bytes);
    },
  });

  app.post('/regions/import', {
    config: { access: 'regions.write' },
    schema: {
      tags,
      summary: 'Import regions from an Excel workbook: all rows or none',
      description:
        'Body: the .xlsx file itself. Any invalid row: 422 IMPORT_INVALID with every problem by row; nothing is written.',
      consumes: [XLSX_MIME],
      body: XlsxFile,
      response: { 200: ImportResult, ...errorResponses },
    },
    // The content-type parser above already guarantees bytes; reading them is the service's job.
    validatorCompiler: () => () => true,
    handler: async (req) => service.importWorkbook(actorOf(req), callOf(req), req.body),
  });
};
