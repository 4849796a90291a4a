import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { ErrorDetail } from '../platform/http/errors.ts';
import { validationDetails } from '../platform/http/validation.ts';
import type { FormSchema } from './services.data.ts';

// ajv-formats is CommonJS with a default export that TypeScript sees one level deep.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * The services' application forms are JSON Schema. An application's data is checked as sent: no
 * coercion, no defaults, unknown fields refused, every problem listed (as the API's own bodies).
 */
const formAjv = new Ajv({ strict: true, allErrors: true, coerceTypes: false, useDefaults: false });
for (const keyword of ['x-title-en', 'x-enum-labels', 'x-widget']) formAjv.addKeyword(keyword);
addFormats(formAjv);

const compiled = new WeakMap<FormSchema, ValidateFunction>();

/** The problems of `data` against the form, each at `/data/<field>`; empty when it is valid. */
export function formProblems(form: FormSchema, data: unknown): ErrorDetail[] {
  let validate = compiled.get(form);
  if (validate === undefined) {
    validate = formAjv.compile(form);
    compiled.set(form, validate);
  }
  if (validate(data)) return [];
  return validationDetails(validate.errors ?? [], 'data').map((detail) =>
    detail.message.startsWith('is not a known property')
      ? { ...detail, message: 'is not a field of this form; remove it' }
      : detail,
  );
}

/** A field's label in Bahasa Indonesia and English. */
export function fieldLabels(form: FormSchema, field: string): { label: string; labelEn: string } {
  const property = form.properties[field];
  return { label: property?.title ?? field, labelEn: property?.['x-title-en'] ?? field };
}
