import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

interface Region {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  ancestors: { code: string; name: string; level: number }[];
  childCount: number;
  items: Region[];
  total: number;
  error: { code: string; message: string; details: { field: string; message: string }[] };
}

/** The union of the shapes this file reads (detail, page, error); each test reads what it expects. */
async function getJson(path: string): Promise<{ status: number; body: Region }> {
  const response = await fetch(server.url + path);
  return { status: response.status, body: (await response.json()) as Region };
}

describe('GET /api/v1/regions', () => {
  it.each([
    [1, 38],
    [2, 514],
    [3, 7285],
    [4, 83762],
  ])('level %i has the Kepmendagri 2025 count (%i)', async (level, total) => {
    const { status, body } = await getJson(`/api/v1/regions?level=${level}&limit=1`);
    expect(status).toBe(200);
    expect(body.total).toBe(total);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]?.level).toBe(level);
  });

  it('rejects an unknown level with a 400 that says what is allowed', async () => {
    const { status, body } = await getJson('/api/v1/regions?level=9');
    expect(status).toBe(400);
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.some((d) => d.field === '/query/level')).toBe(true);
    expect(body.error.details).toEqual([
      { field: '/query/level', message: 'must be one of 1, 2, 3, 4' },
    ]);
    expect(body.error.message).toContain('/query/level must be one of 1, 2, 3, 4');
  });

  it('rejects unknown query parameters instead of ignoring them', async () => {
    const { status, body } = await getJson('/api/v1/regions?levle=2');
    expect(status).toBe(400);
    expect(body.error.details[0]?.field).toBe('/query/levle');
  });

  it('lists every problem at once', async () => {
    const { status, body } = await getJson('/api/v1/regions?level=9&limit=0&offset=-1');
    expect(status).toBe(400);
    const fields = body.error.details.map((d) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining(['/query/level', '/query/limit', '/query/offset']),
    );
  });

  it('pages by parent', async () => {
    const first = await getJson('/api/v1/regions?parent=3204&limit=10');
    const second = await getJson('/api/v1/regions?parent=32.04&limit=10&offset=10');
    expect(first.body.total).toBe(second.body.total);
    expect(first.body.total).toBeGreaterThan(20);
    const codes = [...first.body.items, ...second.body.items].map((r) => r.code);
    expect(new Set(codes).size).toBe(20);
    expect(codes.every((c) => c.startsWith('32.04.'))).toBe(true);
  });

  it.each([
    ['sleman', '34.04', 'Kabupaten Sleman'],
    ['kab bandung', '32.04', 'Kabupaten Bandung'],
    ['Kab. Bandung', '32.04', 'Kabupaten Bandung'],
    ['kota bandung', '32.73', 'Kota Bandung'],
    ['slemna', '34.04', 'Kabupaten Sleman'],
    ['kabupaten bandunng', '32.04', 'Kabupaten Bandung'],
    ['jawa barat', '32', 'Jawa Barat'],
  ])('search "%s" finds %s first', async (search, code, name) => {
    const { status, body } = await getJson(
      `/api/v1/regions?search=${encodeURIComponent(search)}&limit=5`,
    );
    expect(status).toBe(200);
    expect(body.items[0]).toMatchObject({ code, name });
  });

  it('search by code, dotted or not, finds that region', async () => {
    for (const search of ['32.04', '3204']) {
      const { body } = await getJson(`/api/v1/regions?search=${search}`);
      expect(body).toMatchObject({
        total: 1,
        items: [{ code: '32.04', name: 'Kabupaten Bandung' }],
      });
    }
  });

  it('search with a level word narrows to that level', async () => {
    const { body } = await getJson('/api/v1/regions?search=kecamatan%20sleman&limit=5');
    expect(body.items[0]).toMatchObject({ code: '34.04.13', name: 'Sleman', level: 3 });
    expect(body.items.every((r) => r.level === 3)).toBe(true);
  });
});

describe('GET /api/v1/regions/{code}', () => {
  it('returns Kabupaten Bandung at level 2 with its ancestors and children count', async () => {
    const { status, body } = await getJson('/api/v1/regions/32.04');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      code: '32.04',
      name: 'Kabupaten Bandung',
      level: 2,
      parentCode: '32',
      ancestors: [{ code: '32', name: 'Jawa Barat', level: 1 }],
    });
    const children = await getJson('/api/v1/regions/32.04/children?limit=1');
    expect(body.childCount).toBe(children.body.total);
  });

  it('accepts an undotted village code and returns the full ancestry', async () => {
    const { body: village } = await getJson('/api/v1/regions/3204112001');
    expect(village.code).toBe('32.04.11.2001');
    expect(village.level).toBe(4);
    expect(village.ancestors.map((a) => a.code)).toEqual(['32', '32.04', '32.04.11']);
    expect(village.childCount).toBe(0);
  });

  it('answers an unknown code with a 404 that says how to find the right one', async () => {
    const { status, body } = await getJson('/api/v1/regions/99.99');
    expect(status).toBe(404);
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.message).toContain('99.99');
    expect(body.error.message).toContain('search');
  });

  it('answers a malformed code with a 400', async () => {
    const { status, body } = await getJson('/api/v1/regions/32-04');
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/32\.04\.11\.2001/);
  });

  it("lists the children of Indonesia's provinces in code order", async () => {
    const { body } = await getJson('/api/v1/regions/34/children');
    expect(body.total).toBe(5);
    expect(body.items.map((r) => r.code)).toEqual(['34.01', '34.02', '34.03', '34.04', '34.71']);
  });
});
