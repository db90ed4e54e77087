import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/**
 * Deeper than any form of ours nests (the deepest, an import row's field list, is under ten). A
 * body nested thousands deep parses, but JSON.stringify of it (the idempotency hash, the audit
 * record) overflows the stack: refused here, it is a 400 for bad input instead of a 500.
 */
export const MAX_JSON_DEPTH = 64;

/** How deeply arrays and objects nest in a JSON text, counting only brackets outside strings. */
export function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

/** Fastify's own JSON parser (prototype poisoning refused), behind the depth check. */
export function installJsonBody(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string; // parseAs: 'string'
    if (jsonDepth(text) > MAX_JSON_DEPTH) {
      done(new AppError(400, 'JSON_TOO_DEEP', { max: MAX_JSON_DEPTH }), undefined);
      return;
    }
    void parse(request, text, done);
  });
}
