import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { PassThrough } from 'node:stream';
import type { Deps } from '../../platform/deps.ts';
import { AppError } from '../../platform/errors.ts';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses } from '../../platform/http/schemas.ts';
import { validatorCompiler } from '../../platform/http/validation.ts';
import { acceptXlsxUploads, attachment, XLSX_MIME, XlsxFile, xlsxResponse } from '../../platform/http/xlsx.ts';
import { translate } from '../../platform/i18n.ts';
import { volunteersImportService, type ImportOutcome } from './volunteers.import.ts';
import { ImportQuery, ImportResultLine, VolunteerExportQuery, type ImportResultLineOut } from './volunteers.schemas.ts';
import type { VolunteersService } from './volunteers.service.ts';
import { calendarDate } from '../../platform/dates.ts';

const tags = ['volunteers'];
const NDJSON = 'application/x-ndjson';
/** Enough to fix a file by; a file wrong on every row still gets an answer of readable size. */
const MAX_ROW_PROBLEMS = 1000;

/** The registry's spreadsheet routes, in a plugin of their own since the upload takes raw .xlsx bytes. */
export const volunteersImportRoutes: FastifyPluginAsyncTypebox<{ deps: Deps; volunteers: VolunteersService }> = async (
  app,
  { deps, volunteers },
) => {
  const importer = volunteersImportService(deps, volunteers);
  acceptXlsxUploads(app);

  app.get('/volunteers/import-template', {
    config: { access: 'volunteers.write' },
    schema: {
      tags,
      summary: 'Excel template for importing volunteers (with an explanation sheet)',
      produces: [XLSX_MIME],
      response: xlsxResponse,
    },
    handler: async (_req, reply) =>
      attachment(reply, '志愿者导入模板.xlsx', 'volunteer-import-template.xlsx').send(await importer.template()),
  });

  app.get('/volunteers/export', {
    config: { access: 'volunteers.read' },
    schema: {
      tags,
      summary: 'The filtered registry as an Excel workbook in the template layout (ID numbers and mobiles masked)',
      querystring: VolunteerExportQuery,
      produces: [XLSX_MIME],
      response: xlsxResponse,
    },
    handler: async (req, reply) => {
      const write = await importer.exporter(actorOf(req), req.query);
      // Written while sent: a 100,000-row export never sits in memory whole.
      const out = new PassThrough();
      write(out).catch((err: unknown) => {
        req.log.error({ err }, 'volunteer export failed');
        out.destroy(err as Error);
      });
      const date = calendarDate(deps.config.timeZone);
      return attachment(reply, `志愿者名册-${date}.xlsx`, `volunteers-${date}.xlsx`).send(out);
    },
  });

  app.post('/volunteers/import', {
    config: { access: 'volunteers.write' },
    schema: {
      tags,
      summary: 'Import volunteers from an Excel roster, with progress',
      description:
        'Body: the .xlsx file itself. Answers application/x-ndjson: progress lines {type:"progress",phase,done,total}, then one ' +
        '{type:"result",…} line listing every invalid row (the first 1000 problems). With any invalid row nothing is written, ' +
        'unless onlyValid=true, which writes the valid rows. A file that cannot be read at all: a JSON 4xx before any line.',
      consumes: [XLSX_MIME],
      querystring: ImportQuery,
      body: XlsxFile,
      produces: [NDJSON],
      response: {
        200: { description: 'Progress lines, then the result line', content: { [NDJSON]: { schema: ImportResultLine } } },
        ...errorResponses,
      },
    },
    // The content-type parser guarantees bytes and reading them is the service's job; the query is validated as usual.
    validatorCompiler: (route) => (route.httpPart === 'body' ? () => true : validatorCompiler(route)),
    handler: async (req, reply) => {
      const file = await importer.read(actorOf(req), req.body);
      const out = new PassThrough();
      // better-sqlite3 never yields on its own: without the pause every line would leave at the end.
      const send = (line: object) => {
        out.write(`${JSON.stringify(line)}\n`);
        return new Promise<void>((resolve) => setImmediate(resolve));
      };
      const result = (o: ImportOutcome): ImportResultLineOut => ({
        type: 'result',
        total: o.total,
        valid: o.valid,
        invalid: o.invalid,
        created: o.created,
        rows: o.problems.slice(0, MAX_ROW_PROBLEMS).map((p) => ({
          row: p.row,
          field: p.field,
          ...(p.column !== undefined ? { column: p.column } : {}),
          message: translate(req.lang, p.reason, p.params),
        })),
      });
      importer.run(file, callOf(req), req.query.onlyValid ?? false, send).then(
        (outcome) => out.end(`${JSON.stringify(result(outcome))}\n`),
        (err: unknown) => {
          // The answer has started, so a failure is told in the result line; the transaction wrote nothing.
          const known = err instanceof AppError;
          if (!known) req.log.error({ err }, 'volunteer import failed');
          const code = known ? err.code : 'INTERNAL';
          const total = file.sheet.rows.length;
          const line: ImportResultLineOut = {
            type: 'result',
            total,
            valid: 0,
            invalid: 0,
            created: 0,
            rows: [],
            error: { code, message: translate(req.lang, code, known ? err.params : {}) },
          };
          out.end(`${JSON.stringify(line)}\n`);
        },
      );
      // The schema above documents one line; the stream itself is not serialised against it.
      return (reply as FastifyReply).type(`${NDJSON}; charset=utf-8`).header('cache-control', 'no-store').send(out);
    },
  });
};
