import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { calendarDate } from '../../platform/dates.ts';
import type { Deps } from '../../platform/deps.ts';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { acceptXlsxUploads, attachment, XLSX_MIME, XlsxFile, xlsxResponse } from '../../platform/http/xlsx.ts';
import { regionsImportService } from './regions.import.ts';
import type { RegionsService } from './regions.service.ts';
import { ImportResult } from './regions.schemas.ts';

const tags = ['regions'];

/** `regions` is accepted for the registration signature app.ts uses; the import works on the repository directly. */
export const regionsImportRoutes: FastifyPluginAsyncTypebox<{ deps: Deps; regions: RegionsService }> = async (app, { deps }) => {
  const service = regionsImportService(deps);
  const today = () => calendarDate(deps.config.timeZone);

  // Scoped to this plugin: the upload route takes raw .xlsx bytes and nothing else (JSON included).
  acceptXlsxUploads(app);

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
