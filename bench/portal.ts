/**
 * Citizens' portal API latency with a national-scale register: a synthetic population of PEOPLE
 * (default 1,000,000), every one of them with a citizen account, a quarter with an application,
 * and exchanges about a sample of them through the gateway. Then each kind of portal request is
 * sent from CONCURRENCY clients, each a different logged-in citizen, over real HTTP, and the
 * latency percentiles are printed. It asserts nothing.
 *
 *   npx tsx bench/portal.ts [people] [requestsPerKind] [concurrency]
 *
 * Accounts, sessions and applications are written with SQL (an argon2 hash per account would take
 * hours and measures nothing about the portal); the password-login step is measured on its own,
 * since argon2id is meant to be slow.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { buildApp, createServices } from '../src/app.ts';
import { prepareDatabase } from '../src/bootstrap.ts';
import { hashPassword, hashSecret, newSecret } from '../src/platform/auth/secrets.ts';
import { seedPopulation } from '../src/population/population.seed.ts';
import { accessToken, publishTestService } from '../test/helpers/exchange.ts';
import { openBenchDatabase } from './database.ts';

const people = Number(process.argv[2] ?? 1_000_000);
const requests = Number(process.argv[3] ?? 2000);
const concurrency = Number(process.argv[4] ?? 16);
const SESSIONS = 500;
const EXCHANGES = 5000;

const { handle, done } = await openBenchDatabase('padu-bench-portal');
const services = createServices(handle);
await prepareDatabase(handle, services);
const { pool } = handle;

function since(started: number): string {
  return `${((performance.now() - started) / 1000).toFixed(1)} s`;
}

let started = performance.now();
const seeded = await seedPopulation(services, { people, seed: 3 });
console.log(`register: ${seeded.people.inserted} people in ${since(started)}`);

// Every living person gets an account: one argon2id hash shared (the row size is what matters).
started = performance.now();
const passwordHash = await hashPassword('bench-password-1');
await pool.query(
  `insert into citizens (nik, name, email, password_hash, totp_secret, totp_enabled_at)
   select nik, name, nik || '@warga.example.id', $1, 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', now()
     from people where death_date is null`,
  [passwordHash],
);
const { rows: counted } = await pool.query<{ n: number }>(
  'select count(*)::int as n from citizens',
);
const accounts = counted[0]!.n;
console.log(`accounts: ${accounts} in ${since(started)}`);

// A quarter of them has applied for a birth certificate, with its first timeline event.
started = performance.now();
await pool.query(
  `with chosen as (
     select c.id, c.nik, c.name, left(p.village_code, 5) as agency
       from citizens c join people p using (nik) where c.id % 4 = 0),
   inserted as (
     insert into portal_applications (reference, citizen_id, applicant_nik, applicant_name, service_id,
                                      agency_code, data, status)
     select 'PDU-20261129-' || lpad(upper(to_hex(id)), 6, '0'), id, nik, name,
            (select id from public_services where slug = 'akta-kelahiran'), agency,
            jsonb_build_object('namaAnak', 'Anak ' || name), 'submitted'
       from chosen
     returning id)
   insert into portal_application_events (application_id, status, by_role, actor)
   select id, 'submitted', 'citizen', 'bench' from inserted`,
);
const { rows: appCount } = await pool.query<{ n: number }>(
  'select count(*)::int as n from portal_applications',
);
console.log(`applications: ${appCount[0]!.n} in ${since(started)}`);
await pool.query('analyze');

// Sessions for a sample of citizens (some with applications), as after login and TOTP.
const { rows: sample } = await pool.query<{ id: number; nik: string }>(
  `select id, nik from citizens order by id limit $1`,
  [SESSIONS],
);
const cookies: string[] = [];
for (const citizen of sample) {
  const secret = newSecret('padu_cit');
  const csrf = newSecret('padu_csrf');
  await pool.query(
    `insert into citizen_sessions (token_hash, citizen_id, stage, csrf_hash, expires_at)
     values ($1, $2, 'active', $3, now() + interval '8 hours')`,
    [hashSecret(secret), citizen.id, hashSecret(csrf)],
  );
  cookies.push(`padu_citizen=${secret}; padu_csrf=${csrf}`);
}
const csrfOf = (cookie: string) => /padu_csrf=([^;]+)/.exec(cookie)![1]!;

const { app } = await buildApp({
  db: handle.db,
  services,
  logLevel: 'silent',
  identity: { attemptsPerMinute: 1_000_000 },
});
const base = await app.listen({ port: 0, host: '127.0.0.1' });

// Exchanges about the sampled citizens, through the real gateway, so "who accessed my data" has rows.
started = performance.now();
const upstream = http.createServer((_request, response) => response.end('{"ok":true}'));
await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
const published = await publishTestService(
  services.exchange,
  `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/`,
  1_000_000,
);
const servicePath = published.path;
const token = await accessToken(base, published.clientId, published.clientSecret);
let sent = 0;
await Promise.all(
  Array.from({ length: 16 }, async () => {
    while (sent < EXCHANGES) {
      const i = sent++;
      const response = await fetch(`${base}${servicePath}/penduduk`, {
        headers: {
          authorization: `Bearer ${token}`,
          'x-padu-subject': sample[i % sample.length]!.nik,
          'x-padu-purpose': 'Verifikasi kepesertaan JKN',
        },
      });
      await response.arrayBuffer();
    }
  }),
);
console.log(`exchanges about ${sample.length} citizens: ${EXCHANGES} in ${since(started)}`);

const searches = [
  'akte kelahran',
  'izin usaha',
  'paspor',
  'pindah rumah',
  'bpjs kesehatan',
  'skck',
];
type Kind = (i: number, cookie: string) => { method?: string; path: string; body?: unknown };
const kinds: Record<string, Kind> = {
  'GET /identity/me': () => ({ path: '/api/v1/identity/me' }),
  'GET /portal/services?search=': (i) => ({
    path: `/api/v1/portal/services?search=${encodeURIComponent(searches[i % searches.length]!)}`,
  }),
  'GET /portal/services/{slug}': () => ({ path: '/api/v1/portal/services/akta-kelahiran' }),
  'GET /portal/services/{slug}/prefill': () => ({
    path: '/api/v1/portal/services/kartu-keluarga-perubahan/prefill',
  }),
  'POST /portal/services/{slug}/consent': () => ({
    method: 'POST',
    path: '/api/v1/portal/services/akta-kelahiran/consent',
    body: { fields: ['nikPelapor', 'namaPelapor', 'nomorKK'] },
  }),
  'GET /portal/applications': () => ({ path: '/api/v1/portal/applications' }),
  'GET /portal/notifications': () => ({ path: '/api/v1/portal/notifications' }),
  'GET /portal/data-access': () => ({ path: '/api/v1/portal/data-access' }),
};

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function measure(name: string, kind: Kind, total: number): Promise<string> {
  const call = async (i: number) => {
    const cookie = cookies[i % cookies.length]!;
    const { method = 'GET', path, body } = kind(i, cookie);
    const response = await fetch(base + path, {
      method,
      headers: {
        cookie,
        ...(method === 'GET'
          ? {}
          : { 'x-csrf-token': csrfOf(cookie), 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    await response.arrayBuffer();
    if (response.status >= 400) throw new Error(`${name}: HTTP ${response.status}`);
  };
  for (let i = 0; i < 50; i++) await call(i); // warm-up
  const latencies: number[] = [];
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await call(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  return `| ${name} | ${(total / seconds).toFixed(0)} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 95).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} |`;
}

console.log(
  `\n${accounts} citizens registered, ${appCount[0]!.n} applications; ${requests} requests per kind, ` +
    `${concurrency} concurrent clients (${cookies.length} citizens), real HTTP on loopback\n`,
);
console.log('| request | req/s | p50 ms | p95 ms | p99 ms |');
console.log('|---|---:|---:|---:|---:|');
for (const [name, kind] of Object.entries(kinds)) console.log(await measure(name, kind, requests));

// The password step of a login: argon2id by design costs tens of milliseconds of CPU.
const loginTotal = Math.min(requests, 400);
const loginConcurrency = Math.min(concurrency, 4);
{
  const latencies: number[] = [];
  let next = 0;
  const began = performance.now();
  await Promise.all(
    Array.from({ length: loginConcurrency }, async () => {
      while (next < loginTotal) {
        const i = next++;
        const t = performance.now();
        const response = await fetch(`${base}/api/v1/identity/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            nik: sample[i % sample.length]!.nik,
            password: 'bench-password-1',
          }),
        });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`login: HTTP ${response.status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const seconds = (performance.now() - began) / 1000;
  console.log(
    `| POST /identity/login (argon2id, ${loginConcurrency} concurrent) | ${(loginTotal / seconds).toFixed(0)} | ${percentile(latencies, 50).toFixed(1)} | ${percentile(latencies, 95).toFixed(1)} | ${percentile(latencies, 99).toFixed(1)} |`,
  );
}

await app.close();
upstream.close();
await done();
