import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accessToken } from '../../test/helpers/exchange.ts';
import { startTestServer, type TestServer } from '../../test/helpers/server.ts';

/** An upstream that answers /status/NNN with that status and anything else with 200. */
function startUpstream(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const status = /^\/api\/status\/(\d{3})/.exec(req.url ?? '')?.[1];
    res.writeHead(status === undefined ? 200 : Number(status), {
      'content-type': 'application/json',
    });
    res.end(JSON.stringify({ url: req.url }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`,
        close: () => new Promise((r) => server.close(() => r())),
      }),
    ),
  );
}

interface LogPage {
  entries: {
    leafIndex: number;
    requestId: string;
    loggedAt: string;
    entry: {
      requestId: string;
      serviceId: number;
      consumerSystemId: number;
      consumerAgency: string;
      providerAgency: string;
      status: number;
      subject: string | null;
      path: string;
    };
  }[];
  next: number | null;
}

interface Traffic {
  seconds: { at: string; calls: number; clientErrors: number; serverErrors: number }[];
}

const NIK_A = '3404014101900001';
const NIK_B = '3404014101900002';

let server: TestServer;
let upstream: Awaited<ReturnType<typeof startUpstream>>;
let admin: string;
/** Sleman's population service, called by Kemenkes' SATUSEHAT. */
let population: { serviceId: number; consumerId: number; path: string };
/** A service of Kota Bandung's, called only by another Bandung system: nothing of Sleman's. */
let bandung: { serviceId: number; consumerId: number };
/** Every call made, in order: request id, service, consumer, status, subject. */
const calls: {
  requestId: string;
  serviceId: number;
  consumerId: number;
  status: number;
  subject: string | null;
}[] = [];

async function callThroughGateway(
  path: string,
  token: string,
  meta: { serviceId: number; consumerId: number; subject?: string },
) {
  const response = await fetch(`${server.url}${path}`, {
    headers: {
      authorization: `Bearer ${token}`,
      ...(meta.subject === undefined ? {} : { 'x-padu-subject': meta.subject }),
    },
  });
  await response.text();
  calls.push({
    requestId: response.headers.get('x-padu-request-id') ?? '',
    serviceId: meta.serviceId,
    consumerId: meta.consumerId,
    status: response.status,
    subject: meta.subject ?? null,
  });
}

async function get<T>(path: string, token: string): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: response.status, body: (await response.json()) as T };
}

beforeAll(async () => {
  server = await startTestServer();
  upstream = await startUpstream();
  admin = await server.adminToken();
  const { exchange } = server.database.services;

  const siak = await exchange.addSystem({ agencyCode: '34.04', name: 'SIAK Sleman' }, 'test');
  const satusehat = await exchange.addSystem(
    { agencyCode: 'P.KEMENKES', name: 'SATUSEHAT' },
    'test',
  );
  const populationService = await exchange.addService(
    { systemId: siak.system.id, name: 'Data Penduduk', upstreamUrl: upstream.url },
    'test',
  );
  await exchange.addGrant(
    {
      serviceId: populationService.service.id,
      consumerSystemId: satusehat.system.id,
      status: 'granted',
      rateLimit: 10_000,
    },
    'test',
  );
  population = {
    serviceId: populationService.service.id,
    consumerId: satusehat.system.id,
    path: populationService.path,
  };

  const dukcapil = await exchange.addSystem(
    { agencyCode: '32.73', name: 'Dukcapil Bandung' },
    'test',
  );
  const eoffice = await exchange.addSystem(
    { agencyCode: '32.73', name: 'e-Office Bandung' },
    'test',
  );
  const bandungService = await exchange.addService(
    { systemId: dukcapil.system.id, name: 'Kartu Keluarga', upstreamUrl: upstream.url },
    'test',
  );
  await exchange.addGrant(
    {
      serviceId: bandungService.service.id,
      consumerSystemId: eoffice.system.id,
      status: 'granted',
      rateLimit: 10_000,
    },
    'test',
  );
  bandung = { serviceId: bandungService.service.id, consumerId: eoffice.system.id };

  const satusehatToken = await accessToken(
    server.url,
    satusehat.system.clientId,
    satusehat.clientSecret,
  );
  const eofficeToken = await accessToken(server.url, eoffice.system.clientId, eoffice.clientSecret);
  const p = { serviceId: population.serviceId, consumerId: population.consumerId };
  // One at a time, so that the log's order is the order of the calls.
  for (let i = 0; i < 5; i++)
    await callThroughGateway(`${population.path}/penduduk/${i}`, satusehatToken, {
      ...p,
      subject: NIK_A,
    });
  await callThroughGateway(`${population.path}/status/404`, satusehatToken, {
    ...p,
    subject: NIK_B,
  });
  await callThroughGateway(`${population.path}/status/503`, satusehatToken, p);
  for (let i = 0; i < 3; i++)
    await callThroughGateway(
      `${bandungService.path}/kk/${i}`,
      eofficeToken,
      i === 0 ? { ...bandung, subject: NIK_A } : bandung,
    );
  await callThroughGateway(`${bandungService.path}/status/500`, eofficeToken, bandung);
  expect(calls.map((c) => c.status)).toEqual([
    200, 200, 200, 200, 200, 404, 503, 200, 200, 200, 500,
  ]);
});
afterAll(async () => {
  await server?.close();
  await upstream?.close();
});

/** Request ids, newest first, of the calls that match. */
const expected = (match: (c: (typeof calls)[number]) => boolean) =>
  calls
    .filter(match)
    .map((c) => c.requestId)
    .reverse();

describe('GET /api/v1/exchange/log', () => {
  it('lists every entry newest first for a platform admin, decoded', async () => {
    const { status, body } = await get<LogPage>('/api/v1/exchange/log', admin);
    expect(status).toBe(200);
    expect(body.next).toBeNull();
    expect(body.entries.map((e) => e.requestId)).toEqual(expected(() => true));
    const indexes = body.entries.map((e) => e.leafIndex);
    expect(indexes).toEqual([...indexes].sort((a, b) => b - a));
    const notFound = body.entries.find((e) => e.entry.status === 404);
    expect(notFound?.entry).toMatchObject({
      requestId: notFound?.requestId,
      serviceId: population.serviceId,
      consumerSystemId: population.consumerId,
      consumerAgency: 'P.KEMENKES',
      providerAgency: '34.04',
      path: '/status/404',
      subject: NIK_B,
    });
    expect(Date.parse(notFound?.loggedAt ?? '')).not.toBeNaN();
  });

  it('pages by leaf index with `before`, without gaps or repeats', async () => {
    const seen: string[] = [];
    let before: number | null | undefined;
    let pages = 0;
    do {
      const query = `limit=4${before === undefined ? '' : `&before=${before}`}`;
      const { status, body } = await get<LogPage>(`/api/v1/exchange/log?${query}`, admin);
      expect(status).toBe(200);
      expect(body.entries.length).toBeLessThanOrEqual(4);
      seen.push(...body.entries.map((e) => e.requestId));
      if (body.next !== null) expect(body.next).toBe(body.entries.at(-1)?.leafIndex);
      before = body.next;
      pages += 1;
    } while (before !== null);
    expect(pages).toBe(3);
    expect(seen).toEqual(expected(() => true));
  });

  it('filters by service, consumer, status (code or class) and subject', async () => {
    const ids = async (query: string) =>
      (await get<LogPage>(`/api/v1/exchange/log?${query}`, admin)).body.entries.map(
        (e) => e.requestId,
      );
    expect(await ids(`serviceId=${bandung.serviceId}`)).toEqual(
      expected((c) => c.serviceId === bandung.serviceId),
    );
    expect(await ids(`consumerSystemId=${population.consumerId}`)).toEqual(
      expected((c) => c.consumerId === population.consumerId),
    );
    expect(await ids('status=404')).toEqual(expected((c) => c.status === 404));
    expect(await ids('status=5xx')).toEqual(expected((c) => c.status >= 500));
    expect(await ids('status=2xx')).toEqual(expected((c) => c.status === 200));
    expect(await ids(`subject=${NIK_A}`)).toEqual(expected((c) => c.subject === NIK_A));
    expect(await ids(`subject=${NIK_A}&serviceId=${population.serviceId}`)).toEqual(
      expected((c) => c.subject === NIK_A && c.serviceId === population.serviceId),
    );
    expect(await ids(`serviceId=${population.serviceId}&status=5xx&limit=1`)).toEqual(
      expected((c) => c.serviceId === population.serviceId && c.status >= 500),
    );
    expect(await ids('subject=9999999999999999')).toEqual([]);
  });

  it('shows an operator only the exchanges of their agency, as provider or consumer', async () => {
    const forAgency = async (agency: string, query = '') =>
      (
        await get<LogPage>(`/api/v1/exchange/log${query}`, await server.operatorToken(agency))
      ).body.entries.map((e) => e.requestId);
    const ofPopulation = expected((c) => c.serviceId === population.serviceId);
    // The provider's operator and the consumer's both see the population exchanges, nothing else.
    expect(await forAgency('34.04')).toEqual(ofPopulation);
    expect(await forAgency('P.KEMENKES')).toEqual(ofPopulation);
    expect(await forAgency('32.73')).toEqual(expected((c) => c.serviceId === bandung.serviceId));
    // An unrelated agency sees nothing, whatever it filters on.
    expect(await forAgency('32.04')).toEqual([]);
    expect(await forAgency('32.04', `?subject=${NIK_A}`)).toEqual([]);
    expect(await forAgency('32.04', `?serviceId=${population.serviceId}`)).toEqual([]);
    // Filtering for another agency's service gives nothing of it either.
    expect(await forAgency('34.04', `?serviceId=${bandung.serviceId}`)).toEqual([]);
    expect(await forAgency('34.04', `?subject=${NIK_A}`)).toEqual(
      expected((c) => c.subject === NIK_A && c.serviceId === population.serviceId),
    );
    // The same rule as for one entry (another agency's is answered as unknown).
    const other = calls.find((c) => c.serviceId === bandung.serviceId)?.requestId ?? '';
    expect(
      (await get(`/api/v1/exchange/log/${other}`, await server.operatorToken('32.04'))).status,
    ).toBe(404);
  });

  it('validates its query strictly and needs a login', async () => {
    for (const query of [
      'limit=0',
      'limit=201',
      'limit=ten',
      'status=abc',
      'status=6xx',
      'status=99',
      'before=-1',
      'serviceId=0',
      'serviceId=1.5',
      'subject=',
      'service=1',
    ]) {
      const { status, body } = await get<{ error: { code: string } }>(
        `/api/v1/exchange/log?${query}`,
        admin,
      );
      expect({ query, status, code: body.error.code }).toEqual({
        query,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    expect((await fetch(`${server.url}/api/v1/exchange/log`)).status).toBe(401);
  });
});

describe('GET /api/v1/exchange/traffic', () => {
  const sum = (t: Traffic, key: 'calls' | 'clientErrors' | 'serverErrors') =>
    t.seconds.reduce((n, s) => n + s[key], 0);

  it('counts calls and errors per second over the last minutes, every second listed', async () => {
    const { status, body } = await get<Traffic>('/api/v1/exchange/traffic', admin);
    expect(status).toBe(200);
    expect(body.seconds).toHaveLength(5 * 60);
    for (const s of body.seconds) expect(s.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const times = body.seconds.map((s) => Date.parse(s.at));
    expect(times.slice(1).map((t, i) => t - (times[i] ?? 0))).toEqual(
      Array.from({ length: 299 }, () => 1000),
    );
    expect(Math.abs((times.at(-1) ?? 0) - Date.now())).toBeLessThan(5_000);
    expect(sum(body, 'calls')).toBe(calls.length);
    expect(sum(body, 'clientErrors')).toBe(calls.filter((c) => c.status === 404).length);
    expect(sum(body, 'serverErrors')).toBe(calls.filter((c) => c.status >= 500).length);

    const one = await get<Traffic>('/api/v1/exchange/traffic?minutes=1', admin);
    expect(one.body.seconds).toHaveLength(60);
    expect(sum(one.body, 'calls')).toBe(calls.length);
  });

  it('counts for an operator only the exchanges of their agency', async () => {
    const forAgency = async (agency: string) =>
      (await get<Traffic>('/api/v1/exchange/traffic', await server.operatorToken(agency))).body;
    const provider = await forAgency('34.04');
    expect(sum(provider, 'calls')).toBe(
      calls.filter((c) => c.serviceId === population.serviceId).length,
    );
    expect(sum(provider, 'serverErrors')).toBe(1);
    expect(sum(await forAgency('32.73'), 'calls')).toBe(
      calls.filter((c) => c.serviceId === bandung.serviceId).length,
    );
    const unrelated = await forAgency('32.04');
    expect(unrelated.seconds).toHaveLength(300);
    expect(sum(unrelated, 'calls')).toBe(0);
  });

  it('validates minutes (1–60)', async () => {
    for (const query of ['minutes=0', 'minutes=61', 'minutes=two', 'seconds=5'])
      expect((await get(`/api/v1/exchange/traffic?${query}`, admin)).status).toBe(400);
    expect((await fetch(`${server.url}/api/v1/exchange/traffic`)).status).toBe(401);
  });
});
