import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/platform/csv.ts';
import { formatNik } from '../../src/population/nik.ts';
import { countDirectly } from '../../src/population/population.repository.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let operator: string;
beforeAll(async () => {
  server = await startTestServer();
  operator = await server.operatorToken();
});
afterAll(async () => {
  await server?.close();
});

const SLEMAN_VILLAGE = '34.04.07.2001';
const nik = (birthDate: string, serial: number) =>
  formatNik({ districtCode: '34.04.07', sex: 'L', birthDate, serial });

async function post(path: string, body: unknown, token = operator) {
  const response = await fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const person = (birthDate: string, serial: number, extra: Record<string, unknown> = {}) => ({
  nik: nik(birthDate, serial),
  name: `Anak ${serial}`,
  sex: 'L',
  birth_date: birthDate,
  village_code: SLEMAN_VILLAGE,
  ...extra,
});

async function stats(asOf: string) {
  const response = await fetch(`${server.url}/api/v1/stats/children?region=34.04.07&asOf=${asOf}`);
  const body = (await response.json()) as {
    childrenUnder12: number;
    childrenUnder12Vaccinated: number;
    children: { region: { code: string }; childrenUnder12: number }[];
  };
  return body;
}

describe('batches from agency systems over HTTP', () => {
  it('merges people with a result per record and changes the statistics at once', async () => {
    const before = await stats('2025-01-01');
    const first = await post('/api/v1/population/people', {
      records: [
        person('2020-05-01', 1),
        person('2019-03-02', 2, { family_card_number: null }),
        person('2018-13-01', 3),
        { ...person('2017-01-01', 4), village_code: '34.04.07.9999' },
      ],
    });
    expect(first.status).toBe(200);
    expect(first.body.summary).toEqual({
      inserted: 2,
      updated: 0,
      unchanged: 0,
      rejected: 2,
      warnings: 0,
    });
    const results = first.body.results as {
      index: number;
      status: string;
      problems?: { field: string; reason: string }[];
    }[];
    expect(results.map((r) => r.status)).toEqual(['inserted', 'inserted', 'rejected', 'rejected']);
    expect(results[2]?.problems?.map((p) => p.field)).toContain('birth_date');
    expect(results[3]?.problems?.map((p) => p.field)).toEqual(['village_code']);
    expect(results[3]?.problems?.[0]?.reason).toContain('9999');
    const after = await stats('2025-01-01');
    expect(after.childrenUnder12).toBe(before.childrenUnder12 + 2);
    expect(after.children.find((c) => c.region.code === SLEMAN_VILLAGE)?.childrenUnder12).toBe(2);

    // Sent again with one change: one updated (moved), one unchanged.
    const again = await post('/api/v1/population/people', {
      records: [
        person('2020-05-01', 1),
        person('2019-03-02', 2, { village_code: '34.04.07.2002' }),
      ],
    });
    expect((again.body.results as { status: string }[]).map((r) => r.status)).toEqual([
      'unchanged',
      'updated',
    ]);
    const moved = await stats('2025-01-01');
    expect(moved.childrenUnder12).toBe(after.childrenUnder12);
    expect(moved.children.find((c) => c.region.code === SLEMAN_VILLAGE)?.childrenUnder12).toBe(1);
  });

  it('merges doses: a repeat of the same dose is one immunisation, an unknown NIK is rejected', async () => {
    const dose = { nik: nik('2020-05-01', 1), vaccine: 'mr', dose: 1, date: '2021-02-01' };
    const response = await post('/api/v1/population/immunizations', {
      records: [
        dose,
        { ...dose, date: '2021-03-01' },
        { ...dose, nik: nik('2020-05-01', 77) },
        { ...dose, dose: '2', date: '2030-01-01' },
      ],
    });
    expect(response.status).toBe(200);
    const results = response.body.results as { status: string; problems?: { field: string }[] }[];
    expect(results.map((r) => r.status)).toEqual(['inserted', 'unchanged', 'rejected', 'rejected']);
    expect(results[2]?.problems?.[0]?.field).toBe('nik');
    expect(results[3]?.problems?.[0]?.field).toBe('date');
    const body = await fetch(
      `${server.url}/api/v1/stats/children?region=34.04.07.2001&asOf=2021-02-01&vaccine=MR`,
    ).then((r) => r.json() as Promise<{ childrenUnder12Vaccinated: number }>);
    expect(body.childrenUnder12Vaccinated).toBe(1);
  });

  it('rejects a malformed batch as a whole with 400, and needs a token', async () => {
    const unknownField = await post('/api/v1/population/people', {
      records: [{ ...person('2020-05-01', 9), nickname: 'x' }],
    });
    expect(unknownField.status).toBe(400);
    expect(JSON.stringify(unknownField.body)).toContain('nickname');
    const empty = await post('/api/v1/population/people', { records: [] });
    expect(empty.status).toBe(400);
    const anonymous = await fetch(server.url + '/api/v1/population/people', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ records: [person('2020-05-01', 9)] }),
    });
    expect(anonymous.status).toBe(401);
  });
});

describe('CSV export of a whole level', () => {
  it('lists every province with the counts of a direct count over the register', async () => {
    const response = await fetch(
      `${server.url}/api/v1/stats/children/export?level=1&asOf=2025-01-01&vaccine=MR`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    const rows: string[][] = [];
    for await (const record of parseCsv([await response.text()])) rows.push(record.fields);
    expect(rows[0]).toEqual([
      'region_code',
      'region_name',
      'level',
      'population',
      'children_under_12',
      'children_under_12_vaccinated',
      'children_under_12_fully_vaccinated',
      'coverage',
    ]);
    expect(rows).toHaveLength(39);
    const direct = await countDirectly(server.database.handle.db, 1, '2025-01-01', 'MR');
    for (const [code, , , population, children, vaccinated, fully] of rows.slice(1)) {
      const truth = direct.get(code ?? '') ?? {
        population: 0,
        childrenUnder12: 0,
        childrenUnder12Vaccinated: 0,
        childrenUnder12FullyVaccinated: 0,
      };
      expect([population, children, vaccinated, fully].map(Number), code).toEqual([
        truth.population,
        truth.childrenUnder12,
        truth.childrenUnder12Vaccinated,
        truth.childrenUnder12FullyVaccinated,
      ]);
    }
    const yogyakarta = rows.find((r) => r[0] === '34');
    expect(Number(yogyakarta?.[3])).toBeGreaterThan(0);
  });

  it('answers 400 for a level that does not exist', async () => {
    const response = await fetch(`${server.url}/api/v1/stats/children/export?level=5`);
    expect(response.status).toBe(400);
  });
});
