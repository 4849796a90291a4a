import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvObjects } from '../platform/csv.ts';
import { OUT_OF_LIST_VOCABULARY, VOCABULARY } from './catalog.synthetic.data.ts';
import {
  generateInventory,
  writeInventoryCsv,
  type SyntheticAgency,
  type SyntheticApplication,
} from './catalog.synthetic.ts';

const LISTED_FUNCTIONS = [
  'hr-personnel',
  'attendance',
  'employee-performance',
  'organisational-performance',
  'e-office',
  'archives',
  'regional-finance',
  'planning-budgeting',
  'procurement',
  'assets',
  'complaints',
  'public-information',
  'legal-documents',
  'licensing',
  'building-approval',
  'civil-registry',
  'social-assistance',
  'primary-health-care',
  'hospitals',
  'schools',
  'libraries',
  'regional-tax',
  'levies',
  'village-administration',
  'statistics-data',
  'website-portal',
  'payroll',
  'training',
  'disaster-management',
  'spatial-planning',
  'agriculture',
  'tourism',
  'transport',
  'manpower',
  'msme',
  'environment',
  'public-works',
  'housing',
  'public-order',
  'fire-rescue',
  'women-children',
  'food-security',
  'land',
  'family-planning',
  'youth-sports',
  'culture',
  'fisheries',
  'internal-audit',
  'research-innovation',
  'trade',
  'industry',
  'information-security',
  'investment',
];
const OUT_OF_LIST_FUNCTIONS = [
  'religious-affairs',
  'cemetery-management',
  'parking-management',
  'water-utility',
];
const HEADER = [
  'id',
  'name',
  'acronym',
  'description',
  'agency',
  'agency_level',
  'unit',
  'function',
];

const AGENCIES: readonly SyntheticAgency[] = [
  { name: 'Kabupaten Sleman', level: 'kabupaten' },
  { name: 'Kabupaten Bantul', level: 'kabupaten' },
  { name: 'Kabupaten Banyuwangi', level: 'kabupaten' },
  { name: 'Kota Bandung', level: 'kota' },
  { name: 'Kota Surabaya', level: 'kota' },
  { name: 'Kota Makassar', level: 'kota' },
  { name: 'Provinsi Jawa Barat', level: 'provinsi' },
  { name: 'Provinsi DKI Jakarta', level: 'provinsi' },
  { name: 'Kementerian Kesehatan', level: 'pusat' },
  { name: 'Kementerian Dalam Negeri', level: 'pusat' },
  { name: 'Badan Pusat Statistik', level: 'pusat' },
];
const LEVEL_BY_PLACE = new Map(
  AGENCIES.map((a) => [a.name.replace(/^(Kabupaten|Kota|Provinsi) /, '').toLowerCase(), a.level]),
);
const REGIONAL_PREFIX =
  /^(Pemerintah Kabupaten|Pemerintah Kab\.|Pemerintah Kota|Pemerintah Provinsi|Pemkab|Pemkot|Pemprov|Kabupaten|Kab\.|Kota|Provinsi|Prov\.) /i;
const FULL_SIZE = 27_400;

let inventory: SyntheticApplication[] = [];
let dir = '';

beforeAll(async () => {
  inventory = generateInventory({ count: FULL_SIZE, seed: 7, agencies: AGENCIES });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'padu-catalog-synthetic-'));
});

afterAll(async () => {
  if (dir !== '') await fs.rm(dir, { recursive: true, force: true });
});

describe('the vocabulary', () => {
  it('has one entry per listed function and keeps the out-of-list functions apart', () => {
    expect(VOCABULARY.map((v) => v.code).sort()).toEqual([...LISTED_FUNCTIONS].sort());
    expect(OUT_OF_LIST_VOCABULARY.map((v) => v.code).sort()).toEqual(
      [...OUT_OF_LIST_FUNCTIONS].sort(),
    );
  });

  it('gives every function names, descriptions and units to vary', () => {
    for (const v of [...VOCABULARY, ...OUT_OF_LIST_VOCABULARY]) {
      expect(v.full.length, v.code).toBeGreaterThanOrEqual(2);
      expect(v.short.length, v.code).toBeGreaterThanOrEqual(2);
      expect(v.descriptions.length, v.code).toBeGreaterThanOrEqual(3);
      expect(v.units.length, v.code).toBeGreaterThanOrEqual(2);
      expect(v.weight, v.code).toBeGreaterThan(0);
    }
  });
});

describe('generateInventory', () => {
  it('gives the same rows for the same seed and different rows for another', () => {
    const again = generateInventory({ count: 500, seed: 7, agencies: AGENCIES });
    expect(again).toEqual(inventory.slice(0, 500));
    const other = generateInventory({ count: 500, seed: 8, agencies: AGENCIES });
    expect(other).not.toEqual(again);
  });

  it('honours the count and numbers the rows with unique ids', () => {
    expect(inventory).toHaveLength(FULL_SIZE);
    expect(generateInventory({ count: 0, seed: 1, agencies: AGENCIES })).toEqual([]);
    expect(generateInventory({ count: 3, seed: 1, agencies: AGENCIES })).toHaveLength(3);
    expect(new Set(inventory.map((a) => a.id)).size).toBe(FULL_SIZE);
    expect(inventory[0]?.id).toBe('SYN-00001');
    expect(inventory.at(-1)?.id).toBe('SYN-27400');
  });

  it('rejects a count that is not a whole number and an empty agency list', () => {
    expect(() => generateInventory({ count: -1, seed: 1, agencies: AGENCIES })).toThrow(RangeError);
    expect(() => generateInventory({ count: 1.5, seed: 1, agencies: AGENCIES })).toThrow(
      RangeError,
    );
    expect(() => generateInventory({ count: 1, seed: 1, agencies: [] })).toThrow();
  });

  it('labels every row with a listed function or one of the out-of-list functions', () => {
    const known = new Set([...LISTED_FUNCTIONS, ...OUT_OF_LIST_FUNCTIONS]);
    const labels = new Set(inventory.map((a) => a.function));
    for (const label of labels) expect(known.has(label), label).toBe(true);
    expect(labels.size).toBeGreaterThanOrEqual(50);
    const outOfList = inventory.filter((a) => OUT_OF_LIST_FUNCTIONS.includes(a.function)).length;
    expect(outOfList / FULL_SIZE).toBeGreaterThan(0.02);
    expect(outOfList / FULL_SIZE).toBeLessThan(0.04);
  });

  it('writes the agency of the level it reports, regional governments holding ~85%', () => {
    for (const a of inventory) {
      const written = a.agency.split(' - ')[0] ?? '';
      if (a.agencyLevel === 'pusat') {
        expect(
          AGENCIES.some((g) => g.level === 'pusat' && g.name === written),
          written,
        ).toBe(true);
        continue;
      }
      const place = written.replace(REGIONAL_PREFIX, '').toLowerCase();
      expect(LEVEL_BY_PLACE.get(place), written).toBe(a.agencyLevel);
    }
    const regional = inventory.filter((a) => a.agencyLevel !== 'pusat').length / FULL_SIZE;
    expect(regional).toBeGreaterThan(0.83);
    expect(regional).toBeLessThan(0.87);
    expect(new Set(inventory.map((a) => a.agency.split(' - ')[0])).size).toBeGreaterThan(30);
  });

  it('varies names, acronyms, descriptions and units like real inventories', () => {
    const hr = inventory.filter((a) => a.function === 'hr-personnel');
    expect(new Set(hr.map((a) => a.name)).size).toBeGreaterThanOrEqual(8);
    const share = (test: (a: SyntheticApplication) => boolean) =>
      inventory.filter(test).length / FULL_SIZE;
    expect(share((a) => a.acronym === '')).toBeGreaterThan(0.2);
    expect(share((a) => a.acronym === '')).toBeLessThan(0.3);
    expect(share((a) => a.unit === '')).toBeGreaterThan(0.12);
    expect(share((a) => a.unit === '')).toBeLessThan(0.18);
    expect(share((a) => ['', '-', 'Aplikasi internal'].includes(a.description))).toBeGreaterThan(
      0.01,
    );
    expect(share((a) => /perijinan|ijin|kepegawain/i.test(a.name))).toBeGreaterThan(0);
    expect(share((a) => /\b(Online|Mobile|Dashboard|Smart)\b/.test(a.name))).toBeGreaterThan(0.05);
    expect(share((a) => /Kab\. |Kota /.test(a.name))).toBeGreaterThan(0.01);
  });

  it('shares names across functions as real inventories do (SIMPUS, e-Kinerja, SIMDA)', () => {
    const functionsNamed = (name: string) =>
      new Set(inventory.filter((a) => a.name === name).map((a) => a.function));
    expect(functionsNamed('SIMPUS')).toEqual(new Set(['primary-health-care', 'libraries']));
    expect(functionsNamed('e-Kinerja')).toEqual(
      new Set(['employee-performance', 'organisational-performance']),
    );
    const simda = new Set(
      inventory.filter((a) => a.name.startsWith('SIMDA ')).map((a) => a.function),
    );
    for (const code of [
      'regional-finance',
      'assets',
      'regional-tax',
      'payroll',
      'planning-budgeting',
    ])
      expect(simda.has(code), code).toBe(true);
  });

  it('generates and writes the full inventory quickly', async () => {
    const started = performance.now();
    await writeInventoryCsv(path.join(dir, 'timed.csv'), {
      count: FULL_SIZE,
      seed: 3,
      agencies: AGENCIES,
    });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('writeInventoryCsv', () => {
  it('writes a CSV that reads back to the same rows under the header', async () => {
    const file = path.join(dir, 'inventory.csv');
    const written = await writeInventoryCsv(file, {
      count: FULL_SIZE,
      seed: 7,
      agencies: AGENCIES,
    });
    expect(written).toBe(FULL_SIZE);
    expect((await fs.readFile(file, 'utf8')).split('\n', 1)[0]).toBe(HEADER.join(','));

    const rows: Record<string, string>[] = [];
    for await (const { row } of readCsvObjects(file)) rows.push(row);
    expect(rows).toHaveLength(FULL_SIZE);
    expect(Object.keys(rows[0] ?? {})).toEqual(HEADER);
    const first = inventory[0];
    expect(rows[0]).toEqual({
      id: first?.id,
      name: first?.name,
      acronym: first?.acronym,
      description: first?.description,
      agency: first?.agency,
      agency_level: first?.agencyLevel,
      unit: first?.unit,
      function: first?.function,
    });
    expect(rows.map((r) => r.function)).toEqual(inventory.map((a) => a.function));
  });
});
