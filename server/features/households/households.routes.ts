import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PassThrough } from 'node:stream';
import { calendarDate } from '../../platform/dates.ts';
import type { Deps } from '../../platform/deps.ts';
import { actorOf, callOf } from '../../platform/http/context.ts';
import { errorResponses, IdParams, Ok } from '../../platform/http/schemas.ts';
import { validatorCompiler } from '../../platform/http/validation.ts';
import { acceptXlsxUploads, attachment, XLSX_MIME, XlsxFile, xlsxResponse } from '../../platform/http/xlsx.ts';
import type { HouseholdsImportService } from './households.import.ts';
import {
  CreateHouseholdBody,
  ExportQuery,
  HouseholdList,
  HouseholdOut,
  HouseholdQuery,
  ImportQuery,
  ImportResult,
  MemberBody,
  ResidentMatchList,
  ResidentParams,
  ResidentSearchQuery,
  RevealOut,
  UpdateHouseholdBody,
  UpdateMemberBody,
} from './households.schemas.ts';
import type { HouseholdsService } from './households.service.ts';

const tags = ['households'];

/** 一户一档's JSON routes; the spreadsheet routes are in households.import.routes.ts (raw .xlsx bodies). */
export const householdsRoutes: FastifyPluginAsyncTypebox<{ households: HouseholdsService }> = async (app, { households }) => {
  app.get('/households', {
    config: { access: 'households.read' },
    schema: {
      tags,
      summary: 'Households under a region (default: all the caller sees); q searches the address and building',
      querystring: HouseholdQuery,
      response: { 200: HouseholdList, ...errorResponses },
    },
    handler: async (req) => households.list(actorOf(req), req.query),
  });
  app.get('/households/residents', {
    config: { access: 'households.read' },
    schema: {
      tags,
      summary: "Members with this ID number (exact) in the caller's households, masked, each with their household",
      querystring: ResidentSearchQuery,
      response: { 200: ResidentMatchList, ...errorResponses },
    },
    handler: async (req) => households.findByIdNumber(actorOf(req), req.query.idNumber),
  });
  app.get('/households/:id', {
    config: { access: 'households.read' },
    schema: { tags, params: IdParams, response: { 200: HouseholdOut, ...errorResponses } },
    handler: async (req) => households.get(actorOf(req), req.params.id),
  });
  app.post('/households', {
    config: { access: 'households.write', idempotent: true },
    schema: {
      tags,
      summary: 'File a household (address unique in its region), optionally with its members',
      body: CreateHouseholdBody,
      response: { 201: HouseholdOut, ...errorResponses },
    },
    handler: async (req, reply) => reply.status(201).send(await households.create(actorOf(req), callOf(req), req.body)),
  });
  app.patch('/households/:id', {
    config: { access: 'households.write' },
    schema: { tags, params: IdParams, body: UpdateHouseholdBody, response: { 200: HouseholdOut, ...errorResponses } },
    handler: async (req) => households.update(actorOf(req), callOf(req), req.params.id, req.body),
  });
  app.delete('/households/:id', {
    config: { access: 'households.write' },
    schema: {
      tags,
      summary: 'Remove a household and its members (409 once a screening visit or a returnee refers to it)',
      params: IdParams,
      response: { 200: Ok, ...errorResponses },
    },
    handler: async (req) => {
      await households.remove(actorOf(req), callOf(req), req.params.id);
      return { ok: true as const };
    },
  });
  app.post('/households/:id/residents', {
    config: { access: 'households.write', idempotent: true },
    schema: {
      tags,
      summary: 'Add a member; answers the household',
      params: IdParams,
      body: MemberBody,
      response: { 201: HouseholdOut, ...errorResponses },
    },
    handler: async (req, reply) =>
      reply.status(201).send(await households.addMember(actorOf(req), callOf(req), req.params.id, req.body)),
  });
  app.patch('/households/:id/residents/:residentId', {
    config: { access: 'households.write' },
    schema: { tags, params: ResidentParams, body: UpdateMemberBody, response: { 200: HouseholdOut, ...errorResponses } },
    handler: async (req) => households.updateMember(actorOf(req), callOf(req), req.params.id, req.params.residentId, req.body),
  });
  app.delete('/households/:id/residents/:residentId', {
    config: { access: 'households.write' },
    schema: { tags, params: ResidentParams, response: { 200: HouseholdOut, ...errorResponses } },
    handler: async (req) => households.removeMember(actorOf(req), callOf(req), req.params.id, req.params.residentId),
  });
  app.post('/households/:id/residents/:residentId/reveal', {
    config: { access: 'pii.reveal' },
    schema: {
      tags,
      summary: "A member's full ID number and mobile (needs households.read too); audited",
      params: ResidentParams,
      response: { 200: RevealOut, ...errorResponses },
    },
    handler: async (req) => households.revealMember(actorOf(req), callOf(req), req.params.id, req.params.residentId),
  });
};

/** The spreadsheet routes, in a plugin of their own since the upload takes raw .xlsx bytes. */
export const householdsImportRoutes: FastifyPluginAsyncTypebox<{ deps: Deps; excel: HouseholdsImportService }> = async (
  app,
  { deps, excel },
) => {
  acceptXlsxUploads(app);

  app.get('/households/import-template', {
    config: { access: 'households.write' },
    schema: {
      tags,
      summary: 'Excel template for importing households, one row per member (with an explanation sheet)',
      produces: [XLSX_MIME],
      response: xlsxResponse,
    },
    handler: async (_req, reply) =>
      attachment(reply, '一户一档导入模板.xlsx', 'household-import-template.xlsx').send(await excel.template()),
  });

  app.get('/households/export', {
    config: { access: 'households.read' },
    schema: {
      tags,
      summary:
        'The filtered households in the template layout; ID numbers and mobiles masked unless reveal=true (pii.reveal, audited)',
      querystring: ExportQuery,
      produces: [XLSX_MIME],
      response: xlsxResponse,
    },
    handler: async (req, reply) => {
      const write = await excel.exporter(actorOf(req), callOf(req), req.query);
      // Written while sent: a community's 9,000 households never sit in memory as one workbook.
      const out = new PassThrough();
      // The workbook goes through `file`; the answer ends only once the export (and the audit
      // record of a reveal, written after the last row) is done, so nothing lands after it.
      const file = new PassThrough();
      file.pipe(out, { end: false });
      write(file).then(
        () => (file.readableEnded ? out.end() : file.once('end', () => out.end())),
        (err: unknown) => {
          req.log.error({ err }, 'household export failed');
          out.destroy(err as Error);
        },
      );
      const date = calendarDate(deps.config.timeZone);
      return attachment(reply, `一户一档-${date}.xlsx`, `households-${date}.xlsx`).send(out);
    },
  });

  app.post('/households/import', {
    config: { access: 'households.write' },
    schema: {
      tags,
      summary: 'Import households from Excel: all rows or none; dryRun=true only checks and counts',
      description:
        'Body: the .xlsx file itself. Rows group into households by region code and address; a stored household at the ' +
        'address is updated (its members become those listed), others are created. Any invalid row: 422 IMPORT_INVALID ' +
        'with every problem by row and column; nothing is written. Importing the same file again changes nothing.',
      consumes: [XLSX_MIME],
      querystring: ImportQuery,
      body: XlsxFile,
      response: { 200: ImportResult, ...errorResponses },
    },
    // The content-type parser guarantees bytes and reading them is the service's job; the query is validated as usual.
    validatorCompiler: (route) => (route.httpPart === 'body' ? () => true : validatorCompiler(route)),
    handler: async (req) => excel.importWorkbook(actorOf(req), callOf(req), req.body, req.query.dryRun ?? false),
  });
};
