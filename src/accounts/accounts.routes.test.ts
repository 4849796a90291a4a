import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/helpers/server.ts';

let server: TestServer;
let admin: string;
beforeAll(async () => {
  server = await startTestServer();
  admin = await server.adminToken();
});
afterAll(async () => {
  await server?.close();
});

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('accounts, console sessions and API tokens', () => {
  it('an admin creates an operator, who logs in with a session cookie and sees who they are', async () => {
    const created = await post(
      '/api/v1/accounts',
      {
        username: 'op.bandung',
        password: 'correct horse battery',
        role: 'agency_operator',
        agencyCode: '32.04',
      },
      { authorization: `Bearer ${admin}` },
    );
    expect(created.status).toBe(201);

    const wrong = await post('/api/v1/auth/login', {
      username: 'op.bandung',
      password: 'wrong password',
    });
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: { code: string } }).error.code).toBe(
      'INVALID_CREDENTIALS',
    );

    const login = await post('/api/v1/auth/login', {
      username: 'op.bandung',
      password: 'correct horse battery',
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/padu_session=padu_ses_[\w-]+/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const session = cookie.split(';')[0] ?? '';

    const me = await fetch(`${server.url}/api/v1/auth/me`, { headers: { cookie: session } });
    expect(await me.json()).toEqual({
      user: { username: 'op.bandung', role: 'agency_operator', agencyCode: '32.04' },
    });

    // An operator session cannot do admin work.
    const forbidden = await post(
      '/api/v1/tokens',
      { name: 'x', role: 'platform_admin' },
      { cookie: session },
    );
    expect(forbidden.status).toBe(403);

    const logout = await fetch(`${server.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { cookie: session },
    });
    expect(logout.status).toBe(204);
    const after = await fetch(`${server.url}/api/v1/auth/me`, { headers: { cookie: session } });
    expect(after.status).toBe(401);
  });

  it('refuses an operator for an agency that does not exist, naming the field', async () => {
    const response = await post(
      '/api/v1/accounts',
      {
        username: 'op.nowhere',
        password: 'long enough password',
        role: 'agency_operator',
        agencyCode: '99.99',
      },
      { authorization: `Bearer ${admin}` },
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { details: { field: string }[] } };
    expect(body.error.details[0]?.field).toBe('/body/agencyCode');
  });

  it('refuses a duplicate username with 409', async () => {
    const body = { username: 'dup.user', password: 'long enough password', role: 'platform_admin' };
    expect(
      (await post('/api/v1/accounts', body, { authorization: `Bearer ${admin}` })).status,
    ).toBe(201);
    expect(
      (await post('/api/v1/accounts', body, { authorization: `Bearer ${admin}` })).status,
    ).toBe(409);
  });

  it('validates bodies strictly: no coercion, no unknown properties, every problem listed', async () => {
    const response = await post(
      '/api/v1/tokens',
      { name: 42, role: 'superuser', extra: true },
      { authorization: `Bearer ${admin}` },
    );
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { code: string; details: { field: string }[] };
    };
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.map((d) => d.field)).toEqual(
      expect.arrayContaining(['/body/name', '/body/role', '/body/extra']),
    );
  });

  it('answers malformed JSON with a 400, not a 500', async () => {
    const response = await post('/api/v1/auth/login', '{"username": "admin", ', {});
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'MALFORMED_JSON',
    );
  });

  it('records who created what in the audit log', async () => {
    const rows = await server.database.handle.db
      .selectFrom('audit_log')
      .select(['actor', 'action', 'subject'])
      .where('action', '=', 'account.create')
      .execute();
    expect(rows).toContainEqual({
      actor: 'token:test-admin',
      action: 'account.create',
      subject: 'op.bandung',
    });
  });
});
