import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/database.ts';
import { AgencyResolver } from './agency-resolver.ts';

let database: TestDatabase;
let resolver: AgencyResolver;

beforeAll(async () => {
  database = await createTestDatabase();
  const { items } = await database.services.agencies.listAgencies({ limit: 1000, offset: 0 });
  expect(items.length).toBeGreaterThan(600);
  resolver = new AgencyResolver(items);
});
afterAll(async () => {
  await database?.drop();
});

describe('AgencyResolver', () => {
  it.each([
    ['Pemerintah Kabupaten Sleman - BKPSDM', '34.04', 'BKPSDM'],
    ['Pemkab Sleman', '34.04', null],
    ['Dinas Kesehatan Kab. Sleman', '34.04', 'Dinas Kesehatan'],
    ['BKPSDM Kabupaten Sleman', '34.04', 'BKPSDM'],
    [
      'Pemerintah Kota Bandung, Dinas Komunikasi dan Informatika',
      '32.73',
      'Dinas Komunikasi dan Informatika',
    ],
    ['Dinas Kominfo Kota Bandung', '32.73', 'Dinas Kominfo'],
    ['Kabupaten Bandung / Bappeda', '32.04', 'Bappeda'],
    ['Pemprov Jawa Barat - Diskominfo', '32', 'Diskominfo'],
    ['Pemerintah Provinsi DKI Jakarta', '31', null],
    ['Pemprov DIY', '34', null],
    ['Kota Adm. Jakarta Selatan - Sudin Kominfotik', '31.74', 'Sudin Kominfotik'],
    ['Pemkot Bau-Bau', '74.72', null],
    ['Kementerian Kesehatan', 'P.KEMENKES', null],
    [
      'Kementerian Kesehatan - Pusat Data dan Teknologi Informasi',
      'P.KEMENKES',
      'Pusat Data dan Teknologi Informasi',
    ],
    ['Kemenkes RI', 'P.KEMENKES', 'RI'],
    ['Kementerian Komunikasi dan Informatika', 'P.KOMDIGI', null],
    ['Badan Pusat Statistik Provinsi Jawa Barat', 'P.BPS', 'Provinsi Jawa Barat'],
  ])('resolves %j', (text, code, unit) => {
    const result = resolver.resolve(text);
    expect(result).toMatchObject({ ok: true, code, unit });
  });

  it('settles "Pemda X" by the level column when a regency and a city share the name', () => {
    expect(resolver.resolve('Pemda Bandung')).toMatchObject({ ok: false });
    expect(resolver.resolve('Pemda Bandung', 'kota')).toMatchObject({ ok: true, code: '32.73' });
    expect(resolver.resolve('Pemda Sleman')).toMatchObject({ ok: true, code: '34.04' });
  });

  it('suggests the closest agencies when it cannot resolve one', () => {
    const result = resolver.resolve('Pemerintah Kabupaten Slemann');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.suggestions.map((s) => s.code)).toContain('34.04');
    const ministry = resolver.resolve('Kementrian Kesehatan');
    expect(ministry.ok).toBe(false);
    if (!ministry.ok) expect(ministry.suggestions[0]?.code).toBe('P.KEMENKES');
  });
});
