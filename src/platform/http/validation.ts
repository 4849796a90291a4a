import { Type, type ObjectOptions, type TProperties } from '@sinclair/typebox';
import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { ErrorDetail } from './errors.ts';

/** An object schema that rejects unknown properties (Fastify would otherwise strip them silently). */
// ajv-formats is CommonJS with a default export that TypeScript sees one level deep.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export const StrictObject = <T extends TProperties>(properties: T, options: ObjectOptions = {}) =>
  Type.Object(properties, { additionalProperties: false, ...options });

// JSON bodies are validated as sent: no coercion ("1" is not 1), no stripping, every error reported.
const bodyAjv = new Ajv({
  coerceTypes: false,
  removeAdditional: false,
  allErrors: true,
  useDefaults: true,
  strict: false,
});
// Path and query values arrive as text, so there they are parsed into the declared type
// ("20" -> 20 for an integer); a value that does not parse is still rejected.
const urlAjv = new Ajv({
  coerceTypes: true,
  removeAdditional: false,
  allErrors: true,
  useDefaults: true,
  strict: false,
});
for (const ajv of [bodyAjv, urlAjv]) {
  ajv.addKeyword({ keyword: 'example' });
  addFormats(ajv);
}

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : urlAjv;
  return ajv.compile(schema as object);
};

const PART_NAMES: Readonly<Record<string, string>> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'headers',
};

/** Turns Ajv's errors into one detail per problem, each naming its field and what to send instead. */
export function validationDetails(errors: readonly ErrorObject[], context: string): ErrorDetail[] {
  const part = PART_NAMES[context] ?? context;
  // A union of literals (level 1|2|3|4) fails with one `const` error per literal and an `anyOf`:
  // say it once, listing the allowed values.
  const allowedByPath = new Map<string, unknown[]>();
  for (const error of errors) {
    if (error.keyword === 'const') {
      const allowed = allowedByPath.get(error.instancePath) ?? [];
      allowed.push((error.params as { allowedValue: unknown }).allowedValue);
      allowedByPath.set(error.instancePath, allowed);
    }
  }
  const details: ErrorDetail[] = [];
  for (const error of errors) {
    const base = `/${part}${error.instancePath}`;
    const params = error.params as Record<string, unknown>;
    const allowed = allowedByPath.get(error.instancePath);
    switch (error.keyword) {
      case 'const':
        if (allowed === undefined || allowed.length === 1) {
          details.push({ field: base, message: `must be ${JSON.stringify(params.allowedValue)}` });
        }
        break;
      case 'anyOf':
        details.push({
          field: base,
          message:
            allowed !== undefined && allowed.length > 1
              ? `must be one of ${allowed.map((v) => JSON.stringify(v)).join(', ')}`
              : 'does not match any of the accepted forms',
        });
        break;
      case 'additionalProperties':
        details.push({
          field: `${base}/${String(params.additionalProperty)}`,
          message:
            'is not a known property; remove it (see /api/openapi.json for what this route accepts)',
        });
        break;
      case 'required':
        details.push({
          field: `${base}/${String(params.missingProperty)}`,
          message: 'is required',
        });
        break;
      case 'type':
        details.push({ field: base, message: `must be of type ${String(params.type)}` });
        break;
      case 'enum':
        details.push({
          field: base,
          message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
        });
        break;
      default:
        details.push({ field: base, message: error.message ?? 'is not valid' });
    }
  }
  return details;
}
