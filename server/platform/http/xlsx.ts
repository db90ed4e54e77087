/**
 * Excel over HTTP, the same for every feature that imports or exports a spreadsheet: the media
 * type, the download headers, the raw-bytes upload parser, and how an exported table prints.
 */
import type { PageSetup } from 'exceljs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { errorResponses } from './schemas.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Well above a 50,000-row roster, low enough to bound what one request holds in memory. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export const XlsxFile = Type.Unsafe<Buffer>({ type: 'string', format: 'binary' });

export const xlsxResponse = {
  200: { description: 'An Excel workbook', content: { [XLSX_MIME]: { schema: XlsxFile } } },
  ...errorResponses,
};

/** RFC 6266 / 5987: an ASCII name for old clients, the UTF-8 name for the rest. */
export function attachment(reply: FastifyReply, name: string, asciiName: string): FastifyReply {
  const encoded = encodeURIComponent(name).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return reply.type(XLSX_MIME).header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encoded}`);
}

/**
 * Makes the (encapsulated) plugin take raw .xlsx bytes as request bodies and nothing else, JSON
 * included; register spreadsheet routes in a plugin of their own.
 */
export function acceptXlsxUploads(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(XLSX_MIME, { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES }, (_req, body, done) => done(null, body));
}

/** How redvest's tables print: A4 landscape, one page wide, the heading rows repeated on every page. */
export function a4Landscape(headRows: number): Partial<PageSetup> {
  return {
    paperSize: 9, // A4
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    printTitlesRow: `1:${headRows}`,
  };
}
