import { createPublicKey, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/helpers/server.ts';
import { TOKEN_AUDIENCE } from './exchange.service.ts';
import {
  generateSigningKey,
  privateKeyOf,
  publicKeyOf,
  signAccessToken,
  verifyAccessToken,
} from './tokens.ts';

let server: TestServer;
let consumer: { id: number; clientId: string; clientSecret: string };

/** The key id in a JWT's header. */
function kidOf(token: string): string {
  const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()) as {
    kid: string;
  };
  return header.kid;
}
let provider: { id: number; clientId: string; clientSecret: string };
let serviceId: number;

const OPENAPI = {
  openapi: '3.1.0',
  info: { title: 'Data Penduduk', version: '1.0' },
  paths: {
    '/penduduk/{nik}': { get: { summary: 'Satu penduduk menurut NIK' } },
    '/penduduk': { post: { summary: 'Cari penduduk' } },
  },
};

beforeAll(async () => {
  server = await startTestServer();
  const { exchange } = server.database.services;
  const p = await exchange.addSystem({ agencyCode: '34.04', name: 'SIAK Sleman' }, 'test');
  provider = { id: p.system.id, clientId: p.system.clientId, clientSecret: p.clientSecret };
  const c = await exchange.addSystem({ agencyCode: 'P.KEMENKES', name: 'SATUSEHAT' }, 'test');
  consumer = { id: c.system.id, clientId: c.system.clientId, clientSecret: c.clientSecret };
  const { service, path } = await exchange.addService(
    {
      systemId: provider.id,
      name: 'Data Penduduk',
      upstreamUrl: 'http://127.0.0.1:9/api/',
      openapi: OPENAPI,
    },
    'test',
  );
  expect(path).toBe('/x/34.04/siak-sleman/data-penduduk');
  serviceId = service.id;
});
afterAll(async () => {
  await server?.close();
});

function tokenRequest(body: string, headers: Record<string, string> = {}) {
  return fetch(`${server.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
}

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

describe('exchange registry and credentials', () => {
  it('issues a signed token by client credentials that anyone can verify with the JWKS', async () => {
    const response = await tokenRequest('grant_type=client_credentials', {
      authorization: basic(consumer.clientId, consumer.clientSecret),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as {
      access_token: string;
      token_type: string;
      expires_in: number;
    };
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 300 });

    // Independent verification: the JWKS and node:crypto, nothing of Padu's.
    const jwks = (await (await fetch(`${server.url}/.well-known/jwks.json`)).json()) as {
      keys: { kid: string; kty: string; crv: string; x: string }[];
    };
    const [header, payload, signature] = body.access_token.split('.') as [string, string, string];
    const { kid, alg } = JSON.parse(Buffer.from(header, 'base64url').toString()) as {
      kid: string;
      alg: string;
    };
    expect(alg).toBe('EdDSA');
    const jwk = jwks.keys.find((k) => k.kid === kid);
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: jwk?.x ?? '' },
      format: 'jwk',
    });
    expect(
      verify(null, Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url')),
    ).toBe(true);
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({
      sub: consumer.clientId,
      padu_system: consumer.id,
      padu_agency: 'P.KEMENKES',
    });

    // The form fields work as well as HTTP Basic.
    const form = await tokenRequest(
      `grant_type=client_credentials&client_id=${encodeURIComponent(consumer.clientId)}&client_secret=${encodeURIComponent(consumer.clientSecret)}`,
    );
    expect(form.status).toBe(200);
  });

  it('refuses bad requests in the RFC 6749 shape', async () => {
    const wrong = await tokenRequest('grant_type=client_credentials', {
      authorization: basic(consumer.clientId, 'padu_cs_wrong'),
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Basic/);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_client' });
    const grant = await tokenRequest('grant_type=password', {
      authorization: basic(consumer.clientId, consumer.clientSecret),
    });
    expect(grant.status).toBe(400);
    expect(await grant.json()).toMatchObject({ error: 'unsupported_grant_type' });
    const anonymous = await tokenRequest('grant_type=client_credentials');
    expect(anonymous.status).toBe(401);
    const credentials = `client_id=${encodeURIComponent(consumer.clientId)}&client_secret=${encodeURIComponent(consumer.clientSecret)}`;
    // One authentication method, each parameter once, form-encoded (RFC 6749 §2.3, §3.2).
    const both = await tokenRequest(`grant_type=client_credentials&${credentials}`, {
      authorization: basic(consumer.clientId, consumer.clientSecret),
    });
    expect(both.status).toBe(400);
    expect(await both.json()).toMatchObject({ error: 'invalid_request' });
    const twice = await tokenRequest(
      `grant_type=password&grant_type=client_credentials&${credentials}`,
    );
    expect(twice.status).toBe(400);
    expect(await twice.json()).toMatchObject({ error: 'invalid_request' });
    const json = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: 1, client_secret: 2 }),
    });
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ error: 'invalid_request' });
    // The scheme's name is case-insensitive (RFC 9110 §11.1).
    const lower = await tokenRequest('grant_type=client_credentials', {
      authorization: basic(consumer.clientId, consumer.clientSecret).replace('Basic', 'basic'),
    });
    expect(lower.status).toBe(200);
  });

  it('lets a consumer ask again once its grant has expired', async () => {
    const { exchange } = server.database.services;
    const service = (await exchange.listServices(''))[0];
    const asker = await exchange.addSystem({ agencyCode: '32.73', name: 'Peminta Ulang' }, 'test');
    const input = { serviceId: service?.id ?? 0, consumerSystemId: asker.system.id };
    await exchange.addGrant(
      { ...input, status: 'granted', expiresAt: new Date(Date.now() - 1000).toISOString() },
      'test',
    );
    expect(await exchange.liveGrant(input.serviceId, input.consumerSystemId)).toBeUndefined();
    const again = await exchange.addGrant({ ...input, status: 'requested' }, 'test');
    expect(again.status).toBe('requested');
    // An open request still blocks a second one.
    await expect(exchange.addGrant({ ...input, status: 'requested' }, 'test')).rejects.toThrow(
      /already has an open request/,
    );
  });

  it('rotates secrets with two valid during the change, never three', async () => {
    const { exchange } = server.database.services;
    const second = await exchange.rotateSecret(provider.id, 'test');
    const issuer = 'http://test';
    expect(
      await exchange.issueToken(provider.clientId, provider.clientSecret, issuer),
    ).toBeDefined();
    expect(await exchange.issueToken(provider.clientId, second, issuer)).toBeDefined();
    const third = await exchange.rotateSecret(provider.id, 'test');
    expect(
      await exchange.issueToken(provider.clientId, provider.clientSecret, issuer),
    ).toBeUndefined();
    expect(await exchange.issueToken(provider.clientId, second, issuer)).toBeDefined();
    expect(await exchange.issueToken(provider.clientId, third, issuer)).toBeDefined();
  });

  it('lists services with their operations, validates OpenAPI documents, grants and revokes', async () => {
    const { exchange } = server.database.services;
    const token = await server.operatorToken();
    const list = (await (
      await fetch(`${server.url}/api/v1/exchange/services?search=penduduk`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { path: string; operations: { method: string; path: string }[] }[];
    expect(list[0]?.path).toBe('/x/34.04/siak-sleman/data-penduduk');
    expect(list[0]?.operations).toEqual([
      { method: 'POST', path: '/penduduk', summary: 'Cari penduduk' },
      { method: 'GET', path: '/penduduk/{nik}', summary: 'Satu penduduk menurut NIK' },
    ]);
    await expect(
      exchange.addService(
        {
          systemId: provider.id,
          name: 'Rusak',
          upstreamUrl: 'http://x',
          openapi: { swagger: '2.0' },
        },
        'test',
      ),
    ).rejects.toThrow(/"openapi" must name a 3.x version/);
    await expect(
      exchange.addService({ systemId: provider.id, name: 'FTP', upstreamUrl: 'ftp://x' }, 'test'),
    ).rejects.toThrow(/http or https/);

    const grant = await exchange.addGrant(
      { serviceId, consumerSystemId: consumer.id, status: 'granted', rateLimit: 50 },
      'test',
    );
    expect(await exchange.liveGrant(serviceId, consumer.id)).toMatchObject({
      id: grant.id,
      rateLimit: 50,
    });
    await expect(
      exchange.addGrant({ serviceId, consumerSystemId: consumer.id, status: 'granted' }, 'test'),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await exchange.revokeGrant(grant.id, 'test');
    expect(await exchange.liveGrant(serviceId, consumer.id)).toBeUndefined();
    await expect(exchange.revokeGrant(grant.id, 'test')).rejects.toThrow(/revoked, not granted/);
  });

  it('registers systems for the operator’s own agency only', async () => {
    const token = await server.operatorToken('34.04');
    const post = (body: unknown) =>
      fetch(`${server.url}/api/v1/exchange/systems`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const created = await post({ name: 'e-Office Sleman' });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      clientId: expect.stringMatching(/^padu_/) as unknown,
    });
    expect((await post({ name: 'e-Office Sleman' })).status).toBe(409);
    expect((await post({ name: 'Lain', agencyCode: '32.73' })).status).toBe(403);
  });

  it('links a system to its catalog application, which then lists the services it publishes', async () => {
    const { catalog, exchange } = server.database.services;
    const application = await catalog.createApplication(
      { name: 'SIAK Terpusat Sleman', sourceId: 'SLM-APP-9', agencyCode: '34.04' },
      'test',
      null,
    );
    const token = await server.operatorToken('34.04');
    const post = (body: unknown) =>
      fetch(`${server.url}/api/v1/exchange/systems`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const unknown = await post({ name: 'SIAK Lain', applicationId: 999_999 });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toMatch(
      /no application 999999 in the catalog/,
    );
    // Another agency's application is not this operator's to link to.
    const foreign = await catalog.createApplication(
      { name: 'SIMPEG Bandung', sourceId: 'BDG-APP-1', agencyCode: '32.73' },
      'test',
      null,
    );
    const refused = await post({ name: 'Tautan Asing', applicationId: foreign.id });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /belongs to 32\.73/,
    );
    const created = await post({ name: 'SIAK Terpusat', applicationId: application.id });
    expect(created.status).toBe(201);
    const { id: systemId } = (await created.json()) as { id: number };
    await exchange.addService(
      { systemId, name: 'Biodata Penduduk', upstreamUrl: 'http://127.0.0.1:9/' },
      'test',
    );
    const links = async (id: number) =>
      await (
        await fetch(`${server.url}/api/v1/exchange/applications/${id}`, {
          headers: { authorization: `Bearer ${await server.operatorToken('32.73')}` },
        })
      ).json();
    expect(await links(application.id)).toEqual([
      expect.objectContaining({
        id: systemId,
        name: 'SIAK Terpusat',
        agencyCode: '34.04',
        services: [
          expect.objectContaining({
            name: 'Biodata Penduduk',
            path: '/x/34.04/siak-terpusat/biodata-penduduk',
          }),
        ],
      }),
    ]);
    expect(await links(999_999)).toEqual([]);
  });
});

describe('access requests', () => {
  it('go from the consumer’s operator to the provider’s, who grants, limits and revokes', async () => {
    const consumerOp = await server.operatorToken('P.KEMENKES');
    const providerOp = await server.operatorToken('34.04');
    const post = (path: string, token: string, body: unknown) =>
      fetch(`${server.url}${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const { exchange } = server.database.services;
    const other = await exchange.addSystem({ agencyCode: 'P.KEMENKES', name: 'SISRUTE' }, 'test');
    // A provider operator cannot ask on behalf of another agency's system.
    expect(
      (
        await post('/api/v1/exchange/grants', providerOp, {
          serviceId,
          consumerSystemId: other.system.id,
        })
      ).status,
    ).toBe(403);
    const requested = await post('/api/v1/exchange/grants', consumerOp, {
      serviceId,
      consumerSystemId: other.system.id,
    });
    expect(requested.status).toBe(201);
    const { id, status } = (await requested.json()) as { id: number; status: string };
    expect(status).toBe('requested');
    expect(await exchange.liveGrant(serviceId, other.system.id)).toBeUndefined();

    expect(
      (await post(`/api/v1/exchange/grants/${id}/decision`, consumerOp, { decision: 'granted' }))
        .status,
    ).toBe(403);
    // An expiry already past (or in year 0) is refused, not stored as a grant nobody can use.
    for (const expiresAt of ['2020-01-01T00:00:00Z', '0000-01-01T00:00:00Z']) {
      const past = await post(`/api/v1/exchange/grants/${id}/decision`, providerOp, {
        decision: 'granted',
        expiresAt,
      });
      expect(past.status, expiresAt).toBe(400);
    }
    const decided = await post(`/api/v1/exchange/grants/${id}/decision`, providerOp, {
      decision: 'granted',
      methods: ['GET'],
      pathPrefixes: ['/penduduk/'],
      rateLimit: 5,
    });
    expect(decided.status).toBe(204);
    expect(await exchange.liveGrant(serviceId, other.system.id)).toMatchObject({
      methods: ['GET'],
      pathPrefixes: ['/penduduk/'],
      rateLimit: 5,
    });
    const listed = (await (
      await fetch(`${server.url}/api/v1/exchange/grants`, {
        headers: { authorization: `Bearer ${consumerOp}` },
      })
    ).json()) as { id: number; status: string; providerAgency: string }[];
    expect(listed.find((g) => g.id === id)).toMatchObject({
      status: 'granted',
      providerAgency: '34.04',
    });

    expect((await post(`/api/v1/exchange/grants/${id}/revoke`, providerOp, {})).status).toBe(204);
    expect(await exchange.liveGrant(serviceId, other.system.id)).toBeUndefined();
    expect((await post(`/api/v1/exchange/grants/${id}/revoke`, providerOp, {})).status).toBe(409);
  });
});

/** A signing key of a test's own, the map that verifies with it, and the claims of a token. */
function freshKey() {
  const key = generateSigningKey();
  return {
    signing: { kid: key.kid, privateKey: privateKeyOf(key.privatePem) },
    keys: new Map([[key.kid, publicKeyOf(key.jwk)]]),
    claims: { iss: 'x', sub: 'c', aud: TOKEN_AUDIENCE, padu_system: 1, padu_agency: '34.04' },
  };
}

describe('access tokens', () => {
  it('are refused when tampered with, expired, for another audience or signed by an unknown key', () => {
    const { signing, keys, claims } = freshKey();
    const { token } = signAccessToken(signing, claims, 60, 1_000_000_000_000);
    expect(verifyAccessToken(token, keys, TOKEN_AUDIENCE, 1_000_000_030_000).ok).toBe(true);
    expect(verifyAccessToken(token, keys, TOKEN_AUDIENCE, 1_000_000_061_000)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/expired/) as unknown,
    });
    const [h, p, s] = token.split('.') as [string, string, string];
    const forged = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), padu_system: 2 }),
    ).toString('base64url');
    expect(
      verifyAccessToken(`${h}.${forged}.${s}`, keys, TOKEN_AUDIENCE, 1_000_000_030_000).ok,
    ).toBe(false);
    expect(verifyAccessToken(token, keys, 'other', 1_000_000_030_000).ok).toBe(false);
    expect(verifyAccessToken(token, new Map(), TOKEN_AUDIENCE, 1_000_000_030_000)).toMatchObject({
      reason: expect.stringMatching(/unknown key/) as unknown,
    });
    expect(verifyAccessToken('not.a.jwt.at.all', keys, TOKEN_AUDIENCE).ok).toBe(false);
  });
});

describe('signing keys', () => {
  it('rotate: old tokens stay valid until they expire, new ones carry the new key, the JWKS lists both', async () => {
    const { exchange } = server.database.services;
    const issuer = 'http://test';
    const before = await exchange.issueToken(consumer.clientId, consumer.clientSecret, issuer);
    // Checked only at the end (a verified token is remembered for a minute).
    const unchecked = await exchange.issueToken(consumer.clientId, consumer.clientSecret, issuer);
    const oldKid = kidOf(before?.token ?? '');
    const { kid } = await exchange.rotateSigningKey('test');
    expect(kid).not.toBe(oldKid);
    const after = await exchange.issueToken(consumer.clientId, consumer.clientSecret, issuer);
    expect(kidOf(after?.token ?? '')).toBe(kid);
    expect((await exchange.verifyToken(before?.token ?? '')).ok).toBe(true);
    expect((await exchange.verifyToken(after?.token ?? '')).ok).toBe(true);
    const kids = async () =>
      (
        (await (await fetch(`${server.url}/.well-known/jwks.json`)).json()) as {
          keys: { kid: string }[];
        }
      ).keys.map((k) => k.kid);
    expect(await kids()).toEqual(expect.arrayContaining([oldKid, kid]));

    // Once its tokens can no longer be alive, a retired key is neither trusted nor published.
    await server.database.handle.pool.query(
      "update exchange_signing_keys set retired_at = now() - interval '1 day' where kid = $1",
      [oldKid],
    );
    await exchange.rotateSigningKey('test');
    expect(await kids()).not.toContain(oldKid);
    expect(kidOf(unchecked?.token ?? '')).toBe(oldKid);
    expect(await exchange.verifyToken(unchecked?.token ?? '')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/unknown key/) as unknown,
    });
  });

  it('refuses a validly signed token that lives longer than the exchange issues them', () => {
    const { signing, keys, claims } = freshKey();
    const now = 1_000_000_000_000;
    const long = signAccessToken(signing, claims, 10 * 365 * 86_400, now).token;
    expect(verifyAccessToken(long, keys, TOKEN_AUDIENCE, now + 1000, 300)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/not issued as this exchange issues/) as unknown,
    });
    const future = signAccessToken(signing, claims, 300, now + 3_600_000).token;
    expect(verifyAccessToken(future, keys, TOKEN_AUDIENCE, now, 300).ok).toBe(false);
    const fine = signAccessToken(signing, claims, 300, now).token;
    expect(verifyAccessToken(fine, keys, TOKEN_AUDIENCE, now + 1000, 300).ok).toBe(true);
    // A header that decodes to null is a refusal, not a crash.
    const [, p, s] = fine.split('.') as [string, string, string];
    expect(verifyAccessToken(`bnVsbA.${p}.${s}`, keys, TOKEN_AUDIENCE, now, 300)).toMatchObject({
      ok: false,
    });
  });
});
