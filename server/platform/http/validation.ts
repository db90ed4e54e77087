import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { FieldProblem } from '../errors.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under native ESM.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ??
  addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerceTypes: boolean | 'array'): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    coerceTypes,
    removeAdditional: false, // unknown fields are an error, not silently dropped
    useDefaults: true,
    verbose: true, // errors carry their schema, for the `x-reason` message key
    strict: false, // allow the `x-reason` annotation
  });
  addFormats(ajv);
  return ajv;
}

/** Bodies are JSON and must have the right types; query strings and params are text and get coerced. */
const bodyAjv = makeAjv(false);
const textAjv = makeAjv('array');

/**
 * Where the first string holding U+0000 is (a JSON pointer), or null. PostgreSQL text cannot store
 * that character at all, so a schema that forgot to forbid it would turn such input into a 500 on
 * one database and not the other. Iterative: deeply nested input must not exhaust the stack.
 */
function findNul(data: unknown): string | null {
  const stack: [unknown, string][] = [[data, '']];
  while (stack.length) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path;
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [k, v] of Object.entries(value)) {
        if (k.includes('\u0000')) return path;
        stack.push([v, `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`]);
      }
    }
  }
  return null;
}

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const validate = (httpPart === 'body' ? bodyAjv : textAjv).compile(schema as object) as ValidateFunction;
  const checked = ((data: unknown) => {
    const nul = findNul(data);
    if (nul !== null) {
      checked.errors = [
        {
          keyword: 'controlChars',
          instancePath: nul,
          schemaPath: '',
          params: {},
          parentSchema: { 'x-reason': 'field.controlChars' },
        },
      ];
      return false;
    }
    const ok = validate(data);
    checked.errors = validate.errors;
    return ok;
  }) as ValidateFunction;
  return checked;
};

const PART_PREFIX: Record<string, string> = { body: '', querystring: 'query.', params: 'params.', headers: 'headers.' };

function fieldPath(prefix: string, instancePath: string, child?: string): string {
  const parts = instancePath.split('/').filter(Boolean);
  if (child !== undefined) parts.push(child);
  return prefix + (parts.length ? parts.join('.') : '(root)');
}

/** ajv errors → `{ field: problem }`, first problem per field, with i18n reason keys. */
export function fieldProblems(errors: ErrorObject[], part: string): Record<string, FieldProblem> {
  const prefix = PART_PREFIX[part] ?? `${part}.`;
  const out: Record<string, FieldProblem> = {};
  for (const e of errors) {
    const custom = (e.parentSchema as { 'x-reason'?: string } | undefined)?.['x-reason'];
    let field = fieldPath(prefix, e.instancePath);
    let problem: FieldProblem;
    switch (e.keyword) {
      case 'required':
        field = fieldPath(prefix, e.instancePath, String(e.params.missingProperty));
        problem = { reason: 'field.required' };
        break;
      case 'additionalProperties':
        field = fieldPath(prefix, e.instancePath, String(e.params.additionalProperty));
        problem = { reason: 'field.additional' };
        break;
      case 'type':
        problem = { reason: 'field.type', params: { type: `type.${String(e.params.type)}` } };
        break;
      case 'minLength':
      case 'maxLength':
      case 'minimum':
      case 'maximum':
      case 'minItems':
      case 'maxItems':
        problem = { reason: `field.${e.keyword}`, params: { limit: Number(e.params.limit) } };
        break;
      case 'enum':
        problem = { reason: 'field.enum', params: { allowed: (e.params.allowedValues as unknown[]).join(', ') } };
        break;
      case 'pattern':
      case 'format':
        problem = { reason: custom ?? `field.${e.keyword}` };
        break;
      default:
        problem = { reason: custom ?? 'field.invalid' };
    }
    if (!(field in out)) out[field] = problem;
  }
  return out;
}
