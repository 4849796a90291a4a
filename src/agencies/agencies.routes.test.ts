import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

interface AgencyPage {
  total: number;
  items: {
    code: string;
    name: string;
    level: string;
    abbreviation: string | null;
    formerNames: string[];
    regionCode: string | null;
  }[];
}

async function agencies(query: string): Promise<AgencyPage> {
  const response = await fetch(`${server.url}/api/v1/agencies?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as AgencyPage;
}

describe('GET /api/v1/agencies', () => {
  it.each([
    ['provinsi', 38],
    ['kabupaten', 416],
    ['kota', 98],
  ])('seeds every %s government (%i)', async (level, total) => {
    expect((await agencies(`level=${level}&limit=1`)).total).toBe(total);
  });

  it('seeds the central agencies', async () => {
    expect((await agencies('level=pusat&limit=1')).total).toBeGreaterThanOrEqual(60);
  });

  it('names regional governments as agencies write them, keyed by region code', async () => {
    const { items } = await agencies('search=pemkab%20sleman&limit=3');
    expect(items[0]).toMatchObject({
      code: '34.04',
      name: 'Pemerintah Kabupaten Sleman',
      level: 'kabupaten',
      regionCode: '34.04',
    });
    const city = await agencies('search=kota%20bandung&level=kota&limit=1');
    expect(city.items[0]).toMatchObject({ code: '32.73', name: 'Pemerintah Kota Bandung' });
  });

  it.each([
    ['Kemenkes', 'Kementerian Kesehatan'],
    ['kemendagri', 'Kementerian Dalam Negeri'],
    ['BPS', 'Badan Pusat Statistik'],
    ['Kementerian Komunikasi dan Informatika', 'Kementerian Komunikasi dan Digital'],
    ['Kemendikbudristek', 'Kementerian Pendidikan Dasar dan Menengah'],
  ])('finds %s as %s', async (search, name) => {
    const { items } = await agencies(`search=${encodeURIComponent(search)}&limit=5`);
    expect(items.map((a) => a.name)).toContain(name);
  });

  it('keeps the exact total on a page past the end', async () => {
    const page = await agencies('level=provinsi&offset=100');
    expect(page).toEqual({ total: 38, items: [] });
  });

  it('rejects an unknown level', async () => {
    const response = await fetch(`${server.url}/api/v1/agencies?level=desa`);
    expect(response.status).toBe(400);
  });
});
