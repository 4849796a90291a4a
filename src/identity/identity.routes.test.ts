import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToRegister, CitizenClient, testPerson } from '../../test/helpers/citizens.ts';
import { startTestServer, type TestServer } from '../../test/helpers/server.ts';
import { totpCode } from './totp.ts';

let server: TestServer;
const alice = testPerson(1, { name: 'Siti Aminah', birthDate: '1990-07-01', sex: 'P' });
const budi = testPerson(2, { name: 'Budi Santoso', birthDate: '1985-02-14', sex: 'L' });
const dead = testPerson(3, { name: 'Almarhum Uji', birthDate: '1950-01-01', sex: 'L' });

beforeAll(async () => {
  server = await startTestServer({ identity: { attemptsPerMinute: 1000 } });
  await addToRegister(server.database.services, [alice, budi, dead]);
  await server.database.handle.pool.query(
    `update people set death_date = '2020-01-01' where nik = $1`,
    [dead.nik],
  );
});
afterAll(() => server.close());

async function loginFully(
  client: CitizenClient,
  nik: string,
  password: string,
  secret: string,
  // The previous code's step was used by registration; the next step's code is accepted too.
  codeAtMs = Date.now() + 30_000,
) {
  const first = await client.request('POST', '/api/v1/identity/login', { nik, password });
  expect(first).toMatchObject({ status: 200, body: { stage: 'totp' } });
  const second = await client.request('POST', '/api/v1/identity/login/totp', {
    code: totpCode(secret, codeAtMs),
  });
  return second;
}

describe('citizen registration and login', () => {
  it('registers with NIK, name and birth date matching the register, then confirms TOTP', async () => {
    const client = new CitizenClient(server.url);
    const registered = await client.request<{
      stage: string;
      totp: { secret: string; otpauthUri: string };
    }>('POST', '/api/v1/identity/register', {
      nik: alice.nik,
      name: 'siti  aminah', // case and spacing do not matter
      birthDate: alice.birthDate,
      email: 'siti@example.id',
      password: 'kata-sandi-siti',
    });
    expect(registered.status).toBe(201);
    expect(registered.body.stage).toBe('enrol');
    expect(registered.body.totp.otpauthUri).toContain(`Padu:${alice.nik}`);
    // Before the code is confirmed, the session cannot be used.
    expect((await client.request('GET', '/api/v1/identity/me')).status).toBe(401);
    const wrong = await client.request('POST', '/api/v1/identity/totp/confirm', { code: '000000' });
    expect(wrong.body.error.code).toBe(
      totpCode(registered.body.totp.secret) === '000000' ? 'X' : 'INVALID_CODE',
    );
    const confirmed = await client.request('POST', '/api/v1/identity/totp/confirm', {
      code: totpCode(registered.body.totp.secret),
    });
    expect(confirmed).toMatchObject({
      status: 200,
      body: {
        stage: 'active',
        citizen: { nik: alice.nik, name: alice.name, email: 'siti@example.id' },
      },
    });
    const me = await client.request<{ citizen: { nik: string } }>('GET', '/api/v1/identity/me');
    expect(me.body.citizen.nik).toBe(alice.nik);
  });

  it('refuses a mismatch with one message whichever part is wrong, and a second registration', async () => {
    const client = new CitizenClient(server.url);
    const base = { email: 'x@example.id', password: 'kata-sandi-budi' };
    const answers = await Promise.all([
      client.request('POST', '/api/v1/identity/register', {
        ...base,
        nik: budi.nik,
        name: 'Budi Santosa',
        birthDate: budi.birthDate,
      }),
      client.request('POST', '/api/v1/identity/register', {
        ...base,
        nik: budi.nik,
        name: budi.name,
        birthDate: '1985-02-15',
      }),
      client.request('POST', '/api/v1/identity/register', {
        ...base,
        nik: '3404070101990999',
        name: budi.name,
        birthDate: budi.birthDate,
      }),
      client.request('POST', '/api/v1/identity/register', {
        ...base,
        nik: dead.nik,
        name: dead.name,
        birthDate: dead.birthDate,
      }),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe('IDENTITY_MISMATCH');
    }
    expect(new Set(answers.map((a) => a.body.error.message)).size).toBe(1);
    const again = await new CitizenClient(server.url).request('POST', '/api/v1/identity/register', {
      nik: alice.nik,
      name: alice.name,
      birthDate: alice.birthDate,
      email: 'other@example.id',
      password: 'kata-sandi-lain',
    });
    expect(again.status).toBe(409);
  });

  it('rejects malformed input with a 400 naming each field', async () => {
    const answer = await new CitizenClient(server.url).request(
      'POST',
      '/api/v1/identity/register',
      {
        nik: '12345',
        name: '',
        birthDate: '1990-13-01',
        email: 'not-an-email',
        password: 'short',
        extra: 1,
      },
    );
    expect(answer.status).toBe(400);
    const fields = answer.body.error.details.map((d) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        '/body/nik',
        '/body/name',
        '/body/birthDate',
        '/body/email',
        '/body/password',
      ]),
    );
  });

  it('logs in with password and TOTP, and gives one answer for an unknown NIK and a wrong password', async () => {
    const client = new CitizenClient(server.url);
    const secret = await client.register(budi, 'kata-sandi-budi');
    const stranger = new CitizenClient(server.url);
    const unknown = await stranger.request('POST', '/api/v1/identity/login', {
      nik: '3404071212120001',
      password: 'kata-sandi-budi',
    });
    const wrong = await stranger.request('POST', '/api/v1/identity/login', {
      nik: budi.nik,
      password: 'kata-sandi-salah',
    });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body.error).toEqual({
      ...wrong.body.error,
      requestId: unknown.body.error.requestId,
    });

    const login = new CitizenClient(server.url);
    // One instant for the login and its replay: a 30-second step boundary between the two must not
    // turn the replay into the next, unused, code.
    const codeAtMs = Date.now() + 30_000;
    const active = await loginFully(login, budi.nik, 'kata-sandi-budi', secret, codeAtMs);
    expect(active).toMatchObject({
      status: 200,
      body: { stage: 'active', citizen: { nik: budi.nik } },
    });
    // The same code cannot be used twice.
    const replay = new CitizenClient(server.url);
    await replay.request('POST', '/api/v1/identity/login', {
      nik: budi.nik,
      password: 'kata-sandi-budi',
    });
    const replayed = await replay.request('POST', '/api/v1/identity/login/totp', {
      code: totpCode(secret, codeAtMs),
    });
    expect(replayed.status).toBe(401);
    expect(replayed.body.error.code).toBe('INVALID_CODE');

    const logout = await login.request('POST', '/api/v1/identity/logout');
    expect(logout.status).toBe(204);
    expect((await login.request('GET', '/api/v1/identity/me')).status).toBe(401);
  });

  it('locks a NIK after five failures, registered or not, with the same answer', async () => {
    const victim = testPerson(11, { name: 'Korban Uji', birthDate: '1991-03-03', sex: 'L' });
    await addToRegister(server.database.services, [victim]);
    await new CitizenClient(server.url).register(victim, 'kata-sandi-korban');
    const attacker = new CitizenClient(server.url);
    const results: Record<string, number[]> = {};
    for (const nik of [victim.nik, '3404070303910777']) {
      results[nik] = [];
      for (let i = 0; i < 6; i++) {
        results[nik].push(
          (
            await attacker.request('POST', '/api/v1/identity/login', {
              nik,
              password: `salah-${i}-xxxxx`,
            })
          ).status,
        );
      }
    }
    expect(results[victim.nik]).toEqual([401, 401, 401, 401, 429, 429]);
    expect(results['3404070303910777']).toEqual(results[victim.nik]);
    // Even the right password is refused while locked, with Retry-After.
    const locked = await attacker.request('POST', '/api/v1/identity/login', {
      nik: victim.nik,
      password: 'kata-sandi-korban',
    });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(800);
  });

  it('locks one client out of a NIK, not the NIK, until many clients fail', async () => {
    const { identity } = server.database.services;
    const fajar = testPerson(14, { name: 'Fajar Nugroho', birthDate: '1987-06-06', sex: 'L' });
    await addToRegister(server.database.services, [fajar]);
    await new CitizenClient(server.url).register(fajar, 'kata-sandi-fajar');
    const attempt = (password: string, client: string) =>
      identity.login(fajar.nik, password, client).then(
        (result) => result.stage,
        (error: { code: string }) => error.code,
      );
    const stranger = [];
    for (let i = 0; i < 6; i++) stranger.push(await attempt(`salah-${i}-xxxxx`, '203.0.113.9'));
    expect(stranger).toEqual([
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
    // The citizen, elsewhere, still logs in.
    expect(await attempt('kata-sandi-fajar', '198.51.100.7')).toBe('totp');
    // Fifty failures from many addresses lock the NIK for everyone.
    for (let i = 0; i < 50; i++) await attempt('salah-lagi-xxxxx', `192.0.2.${i}`);
    expect(await attempt('kata-sandi-fajar', '198.51.100.7')).toBe('RATE_LIMITED');
  });

  it('lets an operator release a NIK that someone else registered, so its owner can register', async () => {
    const gita = testPerson(15, { name: 'Gita Savitri', birthDate: '1995-01-20', sex: 'P' });
    await addToRegister(server.database.services, [gita]);
    const squatter = new CitizenClient(server.url);
    await squatter.register(gita, 'kata-sandi-penyusup');
    const owner = new CitizenClient(server.url);
    const refused = await owner.request('POST', '/api/v1/identity/register', {
      nik: gita.nik,
      name: gita.name,
      birthDate: gita.birthDate,
      email: 'gita@example.id',
      password: 'kata-sandi-gita',
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(/release/);

    const admin = await server.adminToken();
    const release = (reason: string) =>
      fetch(`${server.url}/api/v1/identity/citizens/${gita.nik}/release`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
        body: JSON.stringify({ reason }),
      });
    expect((await release('KTP-el diperiksa di loket Dukcapil Sleman')).status).toBe(204);
    expect((await release('sekali lagi')).status).toBe(404);
    // The squatter's session is gone, and so is its login.
    expect((await squatter.request('GET', '/api/v1/identity/me')).status).toBe(401);
    const old = await squatter.request('POST', '/api/v1/identity/login', {
      nik: gita.nik,
      password: 'kata-sandi-penyusup',
    });
    expect(old.status).toBe(401);
    // The owner registers.
    await owner.register(gita, 'kata-sandi-gita');
    const me = await owner.request<{ citizen: { nik: string; email: string } }>(
      'GET',
      '/api/v1/identity/me',
    );
    expect(me.body.citizen).toMatchObject({ nik: gita.nik, email: `${gita.nik}@warga.example.id` });
    const operator = await server.operatorToken();
    const byOperator = await fetch(`${server.url}/api/v1/identity/citizens/${gita.nik}/release`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operator}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'bukan wewenangnya' }),
    });
    expect(byOperator.status).toBe(403);
  });

  it('needs the CSRF header for cookie-authenticated writes', async () => {
    const client = new CitizenClient(server.url);
    const dewi = testPerson(12, { name: 'Dewi Lestari', birthDate: '1993-09-09', sex: 'P' });
    await addToRegister(server.database.services, [dewi]);
    await client.register(dewi);
    const withoutHeader = await client.request('POST', '/api/v1/identity/logout', undefined, {
      'x-csrf-token': 'forged',
    });
    expect(withoutHeader.status).toBe(403);
    expect(withoutHeader.body.error.code).toBe('CSRF_FAILED');
    expect((await client.request('GET', '/api/v1/identity/me')).status).toBe(200);
  });

  it('resets a password through the outbox; the link works once and ends every session', async () => {
    const eko = testPerson(13, { name: 'Eko Prasetyo', birthDate: '1988-05-05', sex: 'L' });
    await addToRegister(server.database.services, [eko]);
    const session = new CitizenClient(server.url);
    await session.register(eko, 'kata-sandi-lama');
    const anonymous = new CitizenClient(server.url);
    const known = await anonymous.request('POST', '/api/v1/identity/password-reset', {
      nik: eko.nik,
    });
    const unknown = await anonymous.request('POST', '/api/v1/identity/password-reset', {
      nik: '3404070505880999',
    });
    expect(known.status).toBe(202);
    expect(unknown).toMatchObject({ status: 202, body: known.body });

    const admin = await server.adminToken();
    const outbox = await fetch(
      `${server.url}/api/v1/outbox?recipient=${eko.nik}@warga.example.id`,
      {
        headers: { authorization: `Bearer ${admin}` },
      },
    ).then((r) => r.json() as Promise<{ items: { body: string }[] }>);
    expect(outbox.items).toHaveLength(1);
    const token = decodeURIComponent(/token=([^\s]+)/.exec(outbox.items[0]!.body)![1]!);

    const reset = await anonymous.request('POST', '/api/v1/identity/password-reset/confirm', {
      token,
      password: 'kata-sandi-baru',
    });
    expect(reset.status).toBe(204);
    expect((await session.request('GET', '/api/v1/identity/me')).status).toBe(401);
    const reused = await anonymous.request('POST', '/api/v1/identity/password-reset/confirm', {
      token,
      password: 'kata-sandi-lagi',
    });
    expect(reused.body.error.code).toBe('RESET_TOKEN_INVALID');
    const old = await anonymous.request('POST', '/api/v1/identity/login', {
      nik: eko.nik,
      password: 'kata-sandi-lama',
    });
    expect(old.status).toBe(401);
    const fresh = await anonymous.request('POST', '/api/v1/identity/login', {
      nik: eko.nik,
      password: 'kata-sandi-baru',
    });
    expect(fresh.body.stage).toBe('totp');
  });
});
