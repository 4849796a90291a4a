import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { CENTRAL_AGENCIES } from '../agencies/central-agencies.data.ts';
import {
  NIB_PATTERN,
  NIK_PATTERN,
  PHONE_PATTERN,
  PUBLIC_SERVICES,
  VILLAGE_CODE_PATTERN,
  type FormField,
  type FormSchema,
  type LifeEvent,
} from './services.data.ts';

// ajv-formats is CommonJS with a default export that TypeScript sees one level deep (as in
// src/platform/http/validation.ts).
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function newAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true });
  ajv.addKeyword('x-title-en');
  ajv.addKeyword('x-enum-labels');
  ajv.addKeyword('x-widget');
  addFormats(ajv);
  return ajv;
}

const LIFE_EVENTS: readonly LifeEvent[] = [
  'kelahiran',
  'memulai-usaha',
  'pindah-rumah',
  'menikah',
  'kematian',
  'mencari-kerja',
  'masuk-sekolah',
  'sakit',
];

/** A value for every pattern the forms use; a new pattern needs a sample here. */
const PATTERN_SAMPLES: Readonly<Record<string, string>> = {
  [NIK_PATTERN]: '3204110101900001',
  '^[LP]$': 'P',
  [VILLAGE_CODE_PATTERN]: '32.04.11.2001',
  [PHONE_PATTERN]: '081234567890',
  '^[0-9]{18}$': '320411000100100010',
  '^[0-9]{4}$': '2024',
  '^[0-9]{5}$': '47111',
  [NIB_PATTERN]: '9120001234567',
  '^[0-9]{10}$': '0091234567',
};

interface StringLike {
  readonly maxLength: number;
  readonly minLength?: number;
  readonly pattern?: string;
  readonly format?: 'date' | 'email';
  readonly enum?: readonly string[];
}

function sampleString(field: StringLike): string {
  if (field.enum !== undefined) return field.enum[0] ?? '';
  if (field.format === 'date') return '2024-02-29';
  if (field.format === 'email') return 'warga@contoh.go.id';
  if (field.pattern !== undefined) {
    const sample = PATTERN_SAMPLES[field.pattern];
    if (sample === undefined) throw new Error(`no sample for pattern ${field.pattern}`);
    return sample;
  }
  return 'x'.repeat(Math.min(Math.max(field.minLength ?? 1, 3), field.maxLength));
}

function sampleValue(field: FormField): unknown {
  switch (field.type) {
    case 'string':
      return sampleString(field);
    case 'integer':
      return field.minimum ?? 0;
    case 'boolean':
      return true;
    case 'array': {
      const item: Record<string, string> = {};
      for (const [name, property] of Object.entries(field.items.properties)) {
        item[name] = sampleString(property);
      }
      return [item];
    }
  }
}

/** Every property filled, required or not. */
function sampleOf(schema: FormSchema): Record<string, unknown> {
  const sample: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(schema.properties)) sample[name] = sampleValue(field);
  return sample;
}

const agencyCodes = new Set(CENTRAL_AGENCIES.map((agency) => agency.code));

describe('PUBLIC_SERVICES', () => {
  it('holds at least 40 services', () => {
    expect(PUBLIC_SERVICES.length).toBeGreaterThanOrEqual(40);
  });

  it('has unique slugs of lower-case ASCII words joined by hyphens', () => {
    const slugs = PUBLIC_SERVICES.map((service) => service.slug);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  it('names only central agencies that exist', () => {
    for (const service of PUBLIC_SERVICES) {
      expect(
        agencyCodes.has(service.providerAgencyCode),
        `${service.slug}: ${service.providerAgencyCode}`,
      ).toBe(true);
    }
  });

  it('names the handling unit whenever a province or regency delivers the service', () => {
    for (const service of PUBLIC_SERVICES) {
      if (service.deliveredBy === 'national') continue;
      expect(service.handlingUnit?.trim() ?? '', service.slug).not.toBe('');
    }
  });

  it('uses every life event at least once', () => {
    const used = new Set(PUBLIC_SERVICES.flatMap((service) => service.lifeEvents));
    for (const event of LIFE_EVENTS) expect(used.has(event), event).toBe(true);
  });

  it('gives every service its texts, requirements, channels, keywords and a sane cost', () => {
    for (const service of PUBLIC_SERVICES) {
      const where = service.slug;
      for (const value of [
        service.name,
        service.nameEn,
        service.summary,
        service.summaryEn,
        service.description,
        service.providerUnit,
      ]) {
        expect(value.trim(), where).not.toBe('');
      }
      expect(service.requirements.length, where).toBeGreaterThan(0);
      expect(service.channels.length, where).toBeGreaterThan(0);
      expect(new Set(service.channels).size, where).toBe(service.channels.length);
      expect(service.keywords.length, where).toBeGreaterThan(0);
      const { amount, note } = service.cost;
      if (amount === null)
        expect(note, `${where}: a fee set case by case says how`).toMatch(/^Dikenai /);
      else expect(Number.isInteger(amount) && amount >= 0, where).toBe(true);
      if (service.slaDays !== null) {
        expect(Number.isInteger(service.slaDays) && service.slaDays >= 0, where).toBe(true);
      }
      if (service.legalBasis !== undefined) expect(service.legalBasis.trim(), where).not.toBe('');
    }
  });

  it('keeps each form between 4 and 10 fields, with required names that are properties', () => {
    for (const { slug, form } of PUBLIC_SERVICES) {
      const names = Object.keys(form.properties);
      expect(names.length, slug).toBeGreaterThanOrEqual(4);
      expect(names.length, slug).toBeLessThanOrEqual(10);
      expect(form.additionalProperties, slug).toBe(false);
      expect(new Set(form.required).size, slug).toBe(form.required.length);
      for (const name of form.required) expect(names, `${slug}: required ${name}`).toContain(name);
    }
  });

  it('bounds every string field, including those inside arrays, and titles every field in both languages', () => {
    for (const { slug, form } of PUBLIC_SERVICES) {
      for (const [name, field] of Object.entries(form.properties)) {
        const where = `${slug}.${name}`;
        expect(field.title.trim(), where).not.toBe('');
        expect(field['x-title-en'].trim(), where).not.toBe('');
        if (field.type === 'string') {
          expect(field.maxLength, where).toBeGreaterThan(0);
          if (field.format === 'date') expect(field.maxLength, where).toBe(10);
          if (field.enum !== undefined && field['x-enum-labels'] !== undefined) {
            expect(field['x-enum-labels'].length, where).toBe(field.enum.length);
          }
          if (/^nik/i.test(name)) {
            expect(field.pattern, where).toBe(NIK_PATTERN);
            expect(field.maxLength, where).toBe(16);
          }
        }
        if (field.type === 'array') {
          for (const [itemName, item] of Object.entries(field.items.properties)) {
            expect(item.maxLength, `${where}[].${itemName}`).toBeGreaterThan(0);
            expect(item['x-title-en'].trim(), `${where}[].${itemName}`).not.toBe('');
          }
        }
      }
    }
  });

  it('prefills only form properties of the matching type', () => {
    for (const { slug, form, prefill } of PUBLIC_SERVICES) {
      for (const [name, source] of Object.entries(prefill)) {
        const where = `${slug}.${name} <- ${source}`;
        const field = form.properties[name];
        expect(field, where).toBeDefined();
        if (field === undefined) continue;
        if (source === 'familyMembers') {
          expect(field.type, where).toBe('array');
          if (field.type !== 'array') continue;
          const items = field.items.properties;
          expect(Object.keys(items).sort(), where).toEqual(['birthDate', 'name', 'nik', 'sex']);
          expect(items.nik, where).toMatchObject({
            type: 'string',
            pattern: NIK_PATTERN,
            maxLength: 16,
          });
          expect(items.name, where).toMatchObject({ type: 'string', maxLength: 100 });
          expect(items.sex, where).toMatchObject({
            type: 'string',
            pattern: '^[LP]$',
            maxLength: 1,
          });
          expect(items.birthDate, where).toMatchObject({
            type: 'string',
            format: 'date',
            maxLength: 10,
          });
          continue;
        }
        expect(field.type, where).toBe('string');
        if (field.type !== 'string') continue;
        if (source === 'nik' || source === 'familyCardNumber')
          expect(field.pattern, where).toBe(NIK_PATTERN);
        if (source === 'birthDate') expect(field.format, where).toBe('date');
        if (source === 'sex') expect(field.enum, where).toEqual(['L', 'P']);
      }
    }
  });

  it('prefills the family members in the family-card and moving-house forms', () => {
    for (const slug of ['kartu-keluarga-perubahan', 'surat-pindah']) {
      const service = PUBLIC_SERVICES.find((candidate) => candidate.slug === slug);
      expect(Object.values(service?.prefill ?? {}), slug).toContain('familyMembers');
    }
  });

  it('compiles each form with strict Ajv; a full sample passes and an extra property fails', () => {
    const ajv = newAjv();
    for (const { slug, form } of PUBLIC_SERVICES) {
      const validate = ajv.compile(form);
      const sample = sampleOf(form);
      expect(validate(sample), `${slug}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(validate({ ...sample, tidakDikenal: 'x' }), slug).toBe(false);
      const minimal = Object.fromEntries(form.required.map((name) => [name, sample[name]]));
      expect(validate(minimal), `${slug} (required only): ${ajv.errorsText(validate.errors)}`).toBe(
        true,
      );
    }
  });
});
