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
    ['Kemenkes RI', 'P.KEMENKES', null],
    ['Perpustakaan Nasional', 'P.PERPUSNAS', null],
    ['Perpustakaan Nasional RI', 'P.PERPUSNAS', null],
    ['Kementerian PPPA', 'P.KEMENPPPA', null],
    ['Kementerian Koordinator Bidang PMK', 'P.KEMENKO-PMK', null],
    ['Pemko Medan', '12.71', null],
    ['Pemprov Jatim - Bapenda', '35', 'Bapenda'],
    ['Provinsi NTT', '53', null],
    ['Pemerintah Daerah DIY', '34', null],
    ['Kab. TTS', '53.02', null],
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

  it("uses the row's level where the text names a central and a regional agency, or only a place", () => {
    // The Ministry of Religious Affairs' office in Medan, not the city.
    expect(resolver.resolve('Kantor Kemenag Kota Medan', 'pusat')).toMatchObject({
      ok: true,
      code: 'P.KEMENAG',
    });
    expect(resolver.resolve('RSUD Kota Medan', 'kota')).toMatchObject({ ok: true, code: '12.71' });
    expect(resolver.resolve('Dinkes DKI Jakarta', 'provinsi')).toMatchObject({
      ok: true,
      code: '31',
      unit: 'Dinkes',
    });
    expect(resolver.resolve('RSUD Banyumas', 'kabupaten')).toMatchObject({
      ok: true,
      code: '33.02',
      unit: 'RSUD',
    });
    // Without the level, a bare place name is not enough.
    expect(resolver.resolve('RSUD Banyumas')).toMatchObject({ ok: false });
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
