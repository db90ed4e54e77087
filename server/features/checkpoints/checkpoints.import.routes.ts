import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { calendarDate } from '../../platform/dates.ts';
import type { Deps } from '../../platform/deps.ts';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { acceptXlsxUploads, attachment, XLSX_MIME, XlsxFile, xlsxResponse } from '../../platform/http/xlsx.ts';
import type { CheckpointsImportService } from './checkpoints.import.ts';
import { ExportQuery, ImportResult } from './checkpoints.schemas.ts';

const tags = ['checkpoints'];

/** The registry's spreadsheet routes, in a plugin of their own since the upload takes raw .xlsx bytes. */
export const checkpointsImportRoutes: FastifyPluginAsyncTypebox<{ deps: Deps; excel: CheckpointsImportService }> = async (
  app,
  { deps, excel: service },
) => {
  acceptXlsxUploads(app);

  app.get('/checkpoints/import-template', {
    config: { access: 'checkpoints.write' },
    schema: {
      tags,
      summary: 'Excel template for importing checkpoints (with an explanation sheet)',
      produces: [XLSX_MIME],
      response: xlsxResponse,
    },
    handler: async (_req, reply) =>
      attachment(reply, '卡点导入模板.xlsx', 'checkpoint-import-template.xlsx').send(await service.template()),
  });

  app.get('/checkpoints/export', {
    config: { access: 'checkpoints.read' },
    schema: {
      tags,
      summary: 'The checkpoints under a region (default: all the caller sees) in the template layout, importable back',
      querystring: ExportQuery,
      produces: [XLSX_MIME],
      response: xlsxResponse,
    },
    handler: async (req, reply) => {
      const bytes = await service.exportWorkbook(actorOf(req), req.query);
      const date = calendarDate(deps.config.timeZone);
      return attachment(reply, `卡点-${date}.xlsx`, `checkpoints-${date}.xlsx`).send(bytes);
    },
  });

  app.post('/checkpoints/import', {
    config: { access: 'checkpoints.write' },
    schema: {
      tags,
      summary: 'Import checkpoints from an Excel workbook: all rows or none',
      description:
        'Body: the .xlsx file itself. A row with the region and name of a stored checkpoint updates it (its check-in code and ' +
        'status stay); others are created. Any invalid row: 422 IMPORT_INVALID with every problem by row; nothing is written.',
      consumes: [XLSX_MIME],
      body: XlsxFile,
      response: { 200: ImportResult, ...errorResponses },
    },
    // The content-type parser already guarantees bytes; reading them is the service's job.
    validatorCompiler: () => () => true,
    handler: async (req) => service.importWorkbook(actorOf(req), callOf(req), req.body),
  });
};
