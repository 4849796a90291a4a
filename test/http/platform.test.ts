import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

describe('health, OpenAPI and HTTP behaviour', () => {
  it('answers /healthz and /readyz', async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${server.url}/readyz`)).json()).toEqual({ status: 'ready' });
  });

  it('publishes an OpenAPI 3 document listing every API route', async () => {
    const response = await fetch(`${server.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    const validation = await new Validator().validate(doc);
    expect(validation.errors ?? []).toEqual([]);
    expect(validation.valid).toBe(true);
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
      ),
    );
    const served = server.routes
      .filter((r) => r.url.startsWith('/api/v1/') || r.url === '/healthz' || r.url === '/readyz')
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    expect(served.length).toBeGreaterThan(8);
    for (const route of served) expect(documented, route).toContain(route);
  });

  it('serves the interactive reference at /docs', async () => {
    const response = await fetch(`${server.url}/docs/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('swagger');
  });

  it('sets security headers and a request id', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-request-id')).toMatch(/.+/);
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const response = await fetch(`${server.url}/api/v1/nothing-here`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('NOT_FOUND');
    expect(body.error.message).toContain('/api/openapi.json');
  });
});

describe('text PostgreSQL cannot store', () => {
  const post = (path: string, body: string) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });

  it('refuses a NUL or a lone surrogate anywhere in a JSON body with a 400 naming the field', async () => {
    for (const [body, field] of [
      ['{"nik":"3404070101900001","password":"abc\\u0000def"}', '/body/password'],
      ['{"nik":"3404070101900001","password":"\\ud800x"}', '/body/password'],
      ['{"nik":"3404070101900001","password":"x\\udc00"}', '/body/password'],
      ['{"ids":[1],"x\\u0000":1}', '/body/x\u0000'],
      ['{"a":{"b":["ok","\\u0000"]}}', '/body/a/b/1'],
    ] as const) {
      const response = await post('/api/v1/identity/login', body);
      expect(response.status, body).toBe(400);
      const answer = (await response.json()) as {
        error: { code: string; details: { field: string }[] };
      };
      expect(answer.error.code).toBe('VALIDATION_FAILED');
      expect(answer.error.details[0]?.field).toBe(field);
    }
    // A surrogate pair (an emoji) is text like any other.
    const emoji = await post(
      '/api/v1/identity/login',
      '{"nik":"3404070101900001","password":"\\ud83d\\ude00-kata-sandi"}',
    );
    expect(emoji.status).toBe(401);
  });

  it('answers a malformed address and a long path parameter in the one error shape', async () => {
    const malformed = await fetch(`${server.url}/api/v1/portal/services/%E0%A4%A`);
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe(
      'VALIDATION_FAILED',
    );
    const long = await fetch(`${server.url}/api/v1/portal/services/${'a'.repeat(1500)}`);
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: { code: string } }).error.code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('refuses %00 in a path or query with a 400', async () => {
    for (const path of ['/api/v1/portal/services?search=a%00b', '/api/v1/portal/services/a%00b']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(400);
    }
  });
});
