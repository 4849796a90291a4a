/**
 * Application forms from their JSON Schema: the values the inputs hold, the data sent to the
 * server, and the checks made before sending (the server checks again and has the last word).
 */
import type { FormProperty, FormSchema } from './api';
import type { Lang, Translate } from './i18n';

/** One array item: its string fields. */
export type Item = Record<string, string>;
/** What an input holds: text (numbers too, until sent), a checkbox, or a repeatable group. */
export type FieldValue = string | boolean | Item[];
export type FormValues = Record<string, FieldValue>;
/** Error messages by path within the data: 'name', 'members/0/birthDate', 'members'. */
export type FormErrors = Record<string, string>;

export function fieldsOf(schema: FormProperty | undefined): [string, FormProperty][] {
  return Object.entries(schema?.properties ?? {});
}

export function isRequired(schema: FormProperty | undefined, name: string): boolean {
  return schema?.required?.includes(name) ?? false;
}

export function labelOf(prop: FormProperty | undefined, name: string, lang: Lang): string {
  if (!prop) return name;
  if (lang === 'en' && prop['x-title-en']) return prop['x-title-en'];
  return prop.title ?? prop['x-title-en'] ?? name;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value from JSON as text: strings, numbers and booleans as they are, anything else as JSON. */
export function scalarText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

/** A label given as a string or as { id, en }. */
function pickLabel(value: unknown, lang: Lang): string | null {
  if (typeof value === 'string') return value;
  if (isRecord(value)) {
    const wanted = value[lang] ?? value.id ?? value.en;
    if (typeof wanted === 'string') return wanted;
  }
  return null;
}

/** The label of one enum value, from an array parallel to `enum` or a map keyed by value. */
function labelIn(labels: unknown, value: string | number, index: number, lang: Lang) {
  if (Array.isArray(labels)) return pickLabel(labels[index], lang);
  if (isRecord(labels)) return pickLabel(labels[String(value)], lang);
  return null;
}

/** The labels of an enum's values, in the reader's language where the schema has them. */
export function enumOptions(prop: FormProperty, lang: Lang): { value: string; label: string }[] {
  return (prop.enum ?? []).map((value, index) => {
    const label =
      (lang === 'en' ? labelIn(prop['x-enum-labels-en'], value, index, 'en') : null) ??
      labelIn(prop['x-enum-labels'], value, index, lang) ??
      String(value);
    return { value: String(value), label };
  });
}

export function isItemGroup(prop: FormProperty): boolean {
  return prop.type === 'array' && (prop.items?.type ?? 'object') === 'object';
}

/** A value from the server (saved data, prefill) as its input holds it. */
export function toFieldValue(prop: FormProperty, value: unknown): FieldValue {
  if (prop.type === 'boolean') return value === true;
  if (prop.type === 'array') {
    if (!Array.isArray(value)) return isItemGroup(prop) ? [] : '';
    if (!isItemGroup(prop)) return (value as unknown[]).map(scalarText).join('\n');
    return (value as unknown[]).map((item) => {
      const out: Item = {};
      if (isRecord(item)) for (const [key, v] of Object.entries(item)) out[key] = scalarText(v);
      return out;
    });
  }
  return scalarText(value);
}

export function initialValues(schema: FormSchema, data: Record<string, unknown> = {}): FormValues {
  const values: FormValues = {};
  for (const [name, prop] of fieldsOf(schema)) values[name] = toFieldValue(prop, data[name]);
  return values;
}

function textOf(value: FieldValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

function numberOf(prop: FormProperty, text: string): number | string {
  const n = Number(text);
  if (text === '' || !Number.isFinite(n)) return text;
  if (prop.type === 'integer' && !Number.isInteger(n)) return text;
  return n;
}

/** The data to send: empty optional inputs are left out, numbers are numbers. */
export function toData(schema: FormSchema, values: FormValues): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [name, prop] of fieldsOf(schema)) {
    const value = values[name];
    if (prop.type === 'boolean') {
      data[name] = value === true;
    } else if (prop.type === 'array') {
      if (isItemGroup(prop)) {
        const items = (Array.isArray(value) ? value : [])
          .map((item) => {
            const out: Record<string, unknown> = {};
            for (const [sub, subProp] of fieldsOf(prop.items)) {
              const text = (item[sub] ?? '').trim();
              if (text === '') continue;
              out[sub] =
                subProp.type === 'integer' || subProp.type === 'number'
                  ? numberOf(subProp, text)
                  : text;
            }
            return out;
          })
          .filter((item) => Object.keys(item).length > 0);
        if (items.length > 0 || isRequired(schema, name)) data[name] = items;
      } else {
        const lines = textOf(value)
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean);
        if (lines.length > 0 || isRequired(schema, name)) data[name] = lines;
      }
    } else {
      const text = textOf(value).trim();
      if (text === '') continue;
      data[name] = prop.type === 'integer' || prop.type === 'number' ? numberOf(prop, text) : text;
    }
  }
  return data;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The first problem with one text input, or null. */
function checkText(prop: FormProperty, text: string, required: boolean, t: Translate) {
  if (text === '') return required ? t('form.error.required') : null;
  if (prop.type === 'integer' && !/^-?\d+$/.test(text)) return t('form.error.integer');
  if (prop.type === 'number' && !Number.isFinite(Number(text))) return t('form.error.number');
  if (prop.type === 'integer' || prop.type === 'number') {
    const n = Number(text);
    if (prop.minimum !== undefined && n < prop.minimum)
      return t('form.error.minimum', { n: prop.minimum });
    if (prop.maximum !== undefined && n > prop.maximum)
      return t('form.error.maximum', { n: prop.maximum });
    return null;
  }
  const length = [...text].length;
  if (prop.maxLength !== undefined && length > prop.maxLength)
    return t('form.error.maxLength', { n: prop.maxLength });
  if (prop.minLength !== undefined && length < prop.minLength)
    return t('form.error.minLength', { n: prop.minLength });
  if (prop.format === 'email' && !EMAIL.test(text)) return t('form.error.email');
  if (prop.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(text)) return t('form.error.pattern');
  if (prop.pattern) {
    try {
      if (!new RegExp(prop.pattern, 'u').test(text)) return t('form.error.pattern');
    } catch {
      // A pattern this browser cannot read: the server checks it.
    }
  }
  return null;
}

/** The problems found before sending, by path. */
export function validate(schema: FormSchema, values: FormValues, t: Translate): FormErrors {
  const errors: FormErrors = {};
  for (const [name, prop] of fieldsOf(schema)) {
    const required = isRequired(schema, name);
    const value = values[name];
    if (prop.type === 'boolean') continue;
    if (prop.type === 'array' && isItemGroup(prop)) {
      const items = Array.isArray(value) ? value : [];
      items.forEach((item, index) => {
        if (Object.values(item).every((v) => v.trim() === '')) return;
        for (const [sub, subProp] of fieldsOf(prop.items)) {
          const problem = checkText(
            subProp,
            (item[sub] ?? '').trim(),
            isRequired(prop.items, sub),
            t,
          );
          if (problem) errors[`${name}/${index}/${sub}`] = problem;
        }
      });
      const filled = items.filter((item) => Object.values(item).some((v) => v.trim() !== ''));
      if (required && filled.length === 0 && (prop.minItems ?? 1) > 0)
        errors[name] = t('form.error.minItems', { n: prop.minItems ?? 1 });
      else if (prop.minItems !== undefined && filled.length < prop.minItems)
        errors[name] = t('form.error.minItems', { n: prop.minItems });
      else if (prop.maxItems !== undefined && filled.length > prop.maxItems)
        errors[name] = t('form.error.maxItems', { n: prop.maxItems });
      continue;
    }
    if (prop.type === 'array') {
      if (required && textOf(value).trim() === '') errors[name] = t('form.error.required');
      continue;
    }
    const problem = checkText(prop, textOf(value).trim(), required, t);
    if (problem) errors[name] = problem;
  }
  return errors;
}

/**
 * The server's validation details as form errors: '/data/<prop>[/<index>/<sub>]' → its path.
 * Details naming no field of the form are returned apart, to be shown above it.
 */
export function serverErrors(
  schema: FormSchema,
  details: readonly { field: string; message: string }[],
): { errors: FormErrors; other: string[] } {
  const errors: FormErrors = {};
  const other: string[] = [];
  const names = new Set(fieldsOf(schema).map(([name]) => name));
  for (const { field, message } of details) {
    const path = field.replace(/^\/?(body\/)?data\/?/, '');
    const [name] = path.split('/');
    if (name !== undefined && name !== '' && names.has(name)) {
      const key = /^[^/]+(\/\d+\/[^/]+)?$/.test(path) ? path : name;
      errors[key] = errors[key] ? `${errors[key]} ${message}` : message;
    } else {
      other.push(message);
    }
  }
  return { errors, other };
}

/** The id of the input a path's error belongs to. */
export function inputId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}
