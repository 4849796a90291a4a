import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { ROLES } from '../../src/platform/auth/principal.ts';

let server: TestServer;
let tokens: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer();
  tokens = {
    platform_admin: await server.adminToken(),
    agency_operator: await server.operatorToken(),
  };
});
afterAll(async () => {
  await server?.close();
});

const MUTATING = ['POST', 'PUT', 'PATCH', 'DELETE'];
// Mutating routes that are deliberately open: logging in and out of the console, and the citizens'
// registration, login steps and password reset (the steps after the first check their own
// pending session and its CSRF token).
const PUBLIC_MUTATIONS = [
  'POST /api/v1/auth/login',
  'POST /api/v1/auth/logout',
  'POST /api/v1/identity/register',
  'POST /api/v1/identity/totp/confirm',
  'POST /api/v1/identity/login',
  'POST /api/v1/identity/login/totp',
  'POST /api/v1/identity/login/passkey/options',
  'POST /api/v1/identity/login/passkey',
  'POST /api/v1/identity/logout',
  'POST /api/v1/identity/password-reset',
  'POST /api/v1/identity/password-reset/confirm',
];

function concrete(url: string): string {
  return url.replace(/:(\w+)/g, (_, name: string) => (name === 'id' ? '1' : '32'));
}

async function call(method: string, url: string, token?: string): Promise<number> {
  const response = await fetch(server.url + concrete(url), {
    method,
    headers: {
      ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: method === 'DELETE' || method === 'GET' ? undefined : '{}',
  });
  await response.arrayBuffer();
  return response.status;
}

describe('every mutating API route requires the right credentials', () => {
  it('has mutating routes to check, and only login/logout are public', () => {
    const mutating = server.routes.filter(
      (r) => MUTATING.includes(r.method) && r.url.startsWith('/api/'),
    );
    expect(mutating.length).toBeGreaterThanOrEqual(5);
    const open = mutating.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
    expect(open.sort()).toEqual([...PUBLIC_MUTATIONS].sort());
  });

  it('answers 401 without credentials and with an unknown token, and 403 with the wrong role', async () => {
    const checked: string[] = [];
    for (const route of server.routes) {
      if (
        !MUTATING.includes(route.method) ||
        route.access === 'public' ||
        route.access === undefined
      )
        continue;
      const name = `${route.method} ${route.url}`;
      expect(await call(route.method, route.url), `${name} without credentials`).toBe(401);
      expect(
        await call(route.method, route.url, 'padu_tok_not-a-real-token'),
        `${name} with a bad token`,
      ).toBe(401);
      if (route.access === 'citizen') {
        // An operator's token is not a citizen's session.
        for (const role of ROLES) {
          expect(await call(route.method, route.url, tokens[role]), `${name} as ${role}`).toBe(401);
        }
      } else if (route.access !== 'authenticated') {
        for (const role of ROLES.filter((r) => !(route.access as readonly string[]).includes(r))) {
          expect(await call(route.method, route.url, tokens[role]), `${name} as ${role}`).toBe(403);
        }
      }
      checked.push(name);
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        'POST /api/v1/tokens',
        'POST /api/v1/accounts',
        'DELETE /api/v1/tokens/:id',
      ]),
    );
  });

  it('a revoked token stops working at once', async () => {
    const headers = {
      authorization: `Bearer ${tokens.platform_admin}`,
      'content-type': 'application/json',
    };
    const created = await fetch(`${server.url}/api/v1/tokens`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'short-lived', role: 'platform_admin' }),
    });
    expect(created.status).toBe(201);
    const { id, token } = (await created.json()) as { id: number; token: string };
    expect(await call('GET', '/api/v1/tokens', token)).toBe(200);
    const revoked = await fetch(`${server.url}/api/v1/tokens/${id}`, {
      method: 'DELETE',
      headers: { authorization: headers.authorization },
    });
    expect(revoked.status).toBe(204);
    expect(await call('GET', '/api/v1/tokens', token)).toBe(401);
  });
});
