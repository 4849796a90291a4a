import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempFolder, type TempFolder } from '../../test/helpers/files.ts';
import { readCsvObjects } from '../platform/csv.ts';
import { GOVERNMENT_FUNCTIONS } from './taxonomy.data.ts';
import {
  generateInventory,
  SYNTHETIC_FUNCTIONS,
  writeInventoryCsv,
  type SyntheticAgency,
} from './synthetic-inventory.ts';

const AGENCIES: SyntheticAgency[] = [
  { name: 'Kabupaten Sleman', level: 'kabupaten' },
  { name: 'Kota Bandung', level: 'kota' },
  { name: 'Provinsi Jawa Barat', level: 'provinsi' },
  { name: 'Kementerian Kesehatan', level: 'pusat' },
];

let folder: TempFolder;
beforeAll(async () => {
  folder = await createTempFolder('padu-synthetic-');
});
afterAll(async () => {
  await folder?.remove();
});

describe('synthetic application inventory', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateInventory({ count: 500, seed: 3, agencies: AGENCIES });
    expect(generateInventory({ count: 500, seed: 3, agencies: AGENCIES })).toEqual(a);
    expect(generateInventory({ count: 500, seed: 4, agencies: AGENCIES })).not.toEqual(a);
    expect(a).toHaveLength(500);
    expect(new Set(a.map((x) => x.id)).size).toBe(500);
  });

  it('spreads over the taxonomy’s functions and a few outside it, with varied names', () => {
    const rows = generateInventory({ count: 27_400, seed: 1, agencies: AGENCIES });
    const labels = new Set(rows.map((r) => r.function));
    expect(labels.size).toBeGreaterThanOrEqual(50);
    const taxonomy = new Set(GOVERNMENT_FUNCTIONS.map((f) => f.code));
    const outside = [...labels].filter((l) => !taxonomy.has(l));
    expect(outside.length).toBeGreaterThanOrEqual(2);
    for (const label of labels) expect(SYNTHETIC_FUNCTIONS).toContain(label);
    const hrNames = new Set(
      rows.filter((r) => r.function === 'hr-personnel').map((r) => r.name.toLowerCase()),
    );
    expect(hrNames.size).toBeGreaterThanOrEqual(8);
    // Agencies written as inventories write them, at the agency's own level.
    for (const r of rows.slice(0, 500)) {
      const agency = AGENCIES.find((a) =>
        r.agency.includes(a.name.replace(/^(Kabupaten|Kota|Provinsi) /, '')),
      );
      expect(agency?.level, r.agency).toBe(r.agencyLevel);
    }
    expect(rows.some((r) => r.agency.startsWith('Pemkab Sleman'))).toBe(true);
    expect(rows.some((r) => r.acronym === '')).toBe(true);
  });

  it('writes CSV that reads back row for row', async () => {
    const file = `${folder.path}/inventory.csv`;
    expect(await writeInventoryCsv(file, { count: 300, seed: 9, agencies: AGENCIES })).toBe(300);
    const expected = generateInventory({ count: 300, seed: 9, agencies: AGENCIES });
    const read = [];
    for await (const { row } of readCsvObjects(file)) read.push(row);
    expect(read).toHaveLength(300);
    expect(read[7]).toEqual({
      id: expected[7]?.id,
      name: expected[7]?.name,
      acronym: expected[7]?.acronym,
      description: expected[7]?.description,
      agency: expected[7]?.agency,
      agency_level: expected[7]?.agencyLevel,
      unit: expected[7]?.unit,
      function: expected[7]?.function,
    });
  });
});
