/**
 * Gateway benchmark (issue 5): one upstream on this machine, called directly, through nginx as a
 * plain keep-alive reverse proxy, and through Padu's gateway with everything on (token check,
 * grant, rate limit, streamed forwarding, every call logged with its entry committed before the
 * answer ends). autocannon drives each for the same time and connections, and each process's CPU
 * time per call comes from /proc (Linux); each throughput run follows two seconds of the same load,
 * not counted. Then latency at 1,000 calls/s, two ways:
 * - paced: one call every millisecond on its schedule, each call's latency counted from the time
 *   it was due (so a late send counts against the system, with no correction added);
 * - autocannon's --overallRate 1000, for comparison: autocannon sends each connection's quota for
 *   the second back to back and then waits for the next second, so this is bursts at full
 *   concurrency, and its coordinated-omission correction adds a sample for every millisecond of a
 *   slow answer.
 * Last, 2,000 calls one at a time show the latency the gateway adds when nothing queues.
 * Prints figures; asserts nothing.
 *
 *   npx tsx bench/gateway.ts [seconds=10] [connections=50] [quick]
 *   quick: only the three throughput runs (for comparing changes). Node flags in
 *   PADU_BENCH_GATEWAY_NODE_FLAGS go to the gateway process alone ("--cpu-prof", "--perf-basic-prof").
 *   needs nginx on PATH (Debian: apt-get install nginx); PADU_DATABASE_URL as for bench/population.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Pool, request } from 'undici';
import { createServices } from '../src/app.ts';
import { prepareDatabase } from '../src/bootstrap.ts';
import { openBenchDatabase } from './database.ts';

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 50);
const quick = process.argv[4] === 'quick';
const nodeFlags = (process.env.PADU_BENCH_GATEWAY_NODE_FLAGS ?? '').split(' ').filter(Boolean);
const children: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string, init: RequestInit = {}): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      await fetch(url, init);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${url} does not answer`);
}

function run(child: ChildProcess): ChildProcess {
  children.push(child);
  return child;
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(url: string, headers: Record<string, string>, rate?: number): Promise<Result> {
  const result = await autocannon({
    url,
    connections: rate === undefined ? connections : 20,
    duration: seconds,
    headers,
    ...(rate === undefined ? {} : { overallRate: rate }),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/** Two seconds of the same load, not counted: connections opened, code compiled by the JIT. */
async function warmUp(url: string, headers: Record<string, string>): Promise<void> {
  await autocannon({ url, connections, duration: 2, headers });
}

/**
 * Calls at a steady rate for the run's duration, each sent when due (timers fire every millisecond
 * or so; whatever is due goes then), over enough connections that none waits for another. Latency
 * runs from when the call was due to the end of its answer: percentiles in ms.
 */
async function paced(origin: string, path: string, headers: Record<string, string>, rate: number) {
  const pool = new Pool(origin, { connections: 256 });
  // Two seconds first, not counted: connections opened, code warmed up.
  await pacedRun(pool, path, headers, rate, 2);
  const result = await pacedRun(pool, path, headers, rate, seconds);
  await pool.close();
  return result;
}

async function pacedRun(
  pool: Pool,
  path: string,
  headers: Record<string, string>,
  rate: number,
  duration: number,
) {
  const times: number[] = [];
  let errors = 0;
  const calls: Promise<void>[] = [];
  const total = rate * duration;
  const start = performance.now() + 10;
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + (sent * 1000) / rate <= now) {
        const due = start + (sent * 1000) / rate;
        sent += 1;
        calls.push(
          pool.request({ path, method: 'GET', headers }).then(
            async (response) => {
              await response.body.text();
              if (response.statusCode !== 200) errors += 1;
              times.push(performance.now() - due);
            },
            () => {
              errors += 1;
            },
          ),
        );
      }
      if (sent < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  await Promise.all(calls);
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? NaN;
  return { calls: times.length, errors, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) };
}

/** 2,000 calls one after another: latency percentiles in ms. */
async function oneAtATime(url: string, headers: Record<string, string>) {
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const started = performance.now();
    const response = await request(url, { headers });
    await response.body.text();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.floor(q * times.length)] ?? NaN;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}

/**
 * CPU seconds (user + system) a process has used so far, with its children that have ended (a
 * PostgreSQL server's finished backends), from /proc; 0 once it is gone.
 */
async function cpuSeconds(pid: number): Promise<number> {
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (
      (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100
    );
  } catch {
    return 0;
  }
}

/** Pids of the processes with this command name (e.g. every postgres or nginx process). */
async function pidsNamed(name: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await fs.readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const comm = await fs.readFile(`/proc/${entry}/comm`, 'utf8').catch(() => '');
    if (comm.trim() === name) pids.push(Number(entry));
  }
  return pids;
}

type Roles = Record<string, () => number[] | Promise<number[]>>;

/** Runs a load and reports, besides its figures, each role's CPU time per call in µs. */
async function measured(roles: Roles, go: () => Promise<Result>) {
  const take = async () => {
    const out: Record<string, number> = {};
    for (const [role, pids] of Object.entries(roles)) {
      let sum = 0;
      for (const pid of await pids()) sum += await cpuSeconds(pid);
      out[role] = sum;
    }
    return out;
  };
  const before = await take();
  const result = await go();
  const after = await take();
  const calls = result.rps * seconds;
  const cpu = Object.fromEntries(
    Object.keys(roles).map((role) => [role, ((after[role] ?? 0) - (before[role] ?? 0)) / calls]),
  );
  return { result, cpu };
}

const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'padu-bench-gateway-'));
const { handle, url: databaseUrl, done } = await openBenchDatabase('padu-bench-gateway');
try {
  // The upstream: a small JSON answer, in its own process.
  const upstreamPort = await freePort();
  run(
    spawn(
      process.execPath,
      [
        '-e',
        `require('node:http').createServer((q, s) => { q.resume(); q.on('end', () => { s.setHeader('content-type', 'application/json'); s.end('{"nik":"3404014101900001","nama":"Siti Aminah","status":"hidup"}'); }); }).listen(${upstreamPort}, '127.0.0.1')`,
      ],
      { stdio: 'ignore' },
    ),
  );
  const upstream = `http://127.0.0.1:${upstreamPort}`;
  await waitFor(upstream);

  // nginx, one worker, keep-alive to the upstream.
  const nginxPort = await freePort();
  await fs.mkdir(path.join(dir, 'logs'), { recursive: true });
  await fs.writeFile(
    path.join(dir, 'nginx.conf'),
    `worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  upstream app { server 127.0.0.1:${upstreamPort}; keepalive 128; }
  server {
    listen 127.0.0.1:${nginxPort};
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
`,
  );
  run(
    spawn('nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'], {
      stdio: 'inherit',
    }),
  );
  await waitFor(`http://127.0.0.1:${nginxPort}/`);

  // Padu: the real server process on the bench database, with a provider, a consumer and a grant.
  const services = createServices(handle);
  await prepareDatabase(handle, services);
  const provider = await services.exchange.addSystem(
    { agencyCode: '34.04', name: 'SIAK Sleman' },
    'bench',
  );
  const consumer = await services.exchange.addSystem(
    { agencyCode: 'P.KEMENKES', name: 'SATUSEHAT' },
    'bench',
  );
  const { service, path: prefix } = await services.exchange.addService(
    { systemId: provider.system.id, name: 'Data Penduduk', upstreamUrl: upstream },
    'bench',
  );
  await services.exchange.addGrant(
    {
      serviceId: service.id,
      consumerSystemId: consumer.system.id,
      status: 'granted',
      rateLimit: 1_000_000,
    },
    'bench',
  );
  const paduPort = await freePort();
  const paduProcess = run(
    spawn(process.execPath, [...nodeFlags, path.resolve('bin/padu.js'), 'start'], {
      env: {
        ...process.env,
        PADU_DATABASE_URL: databaseUrl,
        PADU_PORT: String(paduPort),
        PADU_DEMO: '0',
        PADU_LOG_LEVEL: 'warn',
      },
      stdio: 'inherit',
    }),
  );
  const padu = `http://127.0.0.1:${paduPort}`;
  await waitFor(`${padu}/healthz`);
  const tokenResponse = await fetch(`${padu}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: consumer.system.clientId,
      client_secret: consumer.clientSecret,
    }),
  });
  const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
  const auth = { authorization: `Bearer ${token}`, 'x-padu-purpose': 'benchmark' };

  const upstreamPid = children[0]?.pid ?? 0;
  const common: Roles = {
    'load generator': () => [process.pid],
    upstream: () => [upstreamPid],
  };
  await warmUp(`${upstream}/penduduk/1`, {});
  const direct = await measured(common, () => load(`${upstream}/penduduk/1`, {}));
  await warmUp(`http://127.0.0.1:${nginxPort}/penduduk/1`, {});
  const nginx = await measured({ ...common, nginx: () => pidsNamed('nginx') }, () =>
    load(`http://127.0.0.1:${nginxPort}/penduduk/1`, {}),
  );
  await warmUp(`${padu}${prefix}/penduduk/1`, auth);
  const before = Number(
    (await handle.pool.query<{ n: string }>('select count(*) as n from exchange_log')).rows[0]?.n,
  );
  const gateway = await measured(
    {
      ...common,
      'Padu gateway': () => [paduProcess.pid ?? 0],
      PostgreSQL: () => pidsNamed('postgres'),
    },
    () => load(`${padu}${prefix}/penduduk/1`, auth),
  );
  const logged =
    Number(
      (await handle.pool.query<{ n: string }>('select count(*) as n from exchange_log')).rows[0]?.n,
    ) - before;

  const line = (name: string, r: Result) =>
    `${name.padEnd(22)} ${r.rps.toFixed(0).padStart(8)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms   errors ${r.errors}, non-2xx ${r.non2xx}`;
  const cpuLine = (cpu: Record<string, number>) => {
    const total = Object.values(cpu).reduce((a, b) => a + b, 0);
    return `${''.padEnd(22)} CPU per call: ${Object.entries(cpu)
      .map(([role, s]) => `${role} ${(s * 1e6).toFixed(0)} µs`)
      .join(', ')}; total ${(total * 1e6).toFixed(0)} µs`;
  };
  console.log(`${os.cpus().length} cores; ${seconds} s per run, ${connections} connections`);
  console.log(line('upstream directly', direct.result));
  console.log(cpuLine(direct.cpu));
  console.log(line('through nginx', nginx.result));
  console.log(cpuLine(nginx.cpu));
  console.log(line('through Padu gateway', gateway.result));
  console.log(cpuLine(gateway.cpu));
  console.log(
    `gateway / nginx throughput: ${(gateway.result.rps / nginx.result.rps).toFixed(2)}; ` +
      `gateway / direct: ${(gateway.result.rps / direct.result.rps).toFixed(2)}; ` +
      `calls logged during the gateway run: ${logged}`,
  );
  if (!quick) {
    const directPaced = await paced(upstream, '/penduduk/1', {}, 1000);
    const gatewayPaced = await paced(padu, `${prefix}/penduduk/1`, auth, 1000);
    const directAt1000 = await load(`${upstream}/penduduk/1`, {}, 1000);
    const gatewayAt1000 = await measured(
      {
        ...common,
        'Padu gateway': () => [paduProcess.pid ?? 0],
        PostgreSQL: () => pidsNamed('postgres'),
      },
      () => load(`${padu}${prefix}/penduduk/1`, auth, 1000),
    );
    const directAlone = await oneAtATime(`${upstream}/penduduk/1`, {});
    const gatewayAlone = await oneAtATime(`${padu}${prefix}/penduduk/1`, auth);

    const pacedLine = (name: string, r: Awaited<ReturnType<typeof paced>>) =>
      `${name.padEnd(30)} p50 ${r.p50.toFixed(2)} ms   p90 ${r.p90.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms   max ${r.max.toFixed(1)} ms   (${r.calls} calls, ${r.errors} errors)`;
    console.log(pacedLine('directly, paced 1,000/s', directPaced));
    console.log(pacedLine('gateway, paced 1,000/s', gatewayPaced));
    console.log(
      `added p99 latency at a paced 1,000 calls/s: ${(gatewayPaced.p99 - directPaced.p99).toFixed(2)} ms`,
    );
    console.log(line('directly at 1,000/s', directAt1000));
    console.log(line('gateway at 1,000/s', gatewayAt1000.result));
    console.log(cpuLine(gatewayAt1000.cpu));
    console.log(
      `added p99 latency with autocannon's --overallRate 1000 (bursts): ${gatewayAt1000.result.p99 - directAt1000.p99} ms`,
    );
    const ms = (r: { p50: number; p90: number; p99: number }) =>
      `p50 ${r.p50.toFixed(2)} ms   p90 ${r.p90.toFixed(2)} ms   p99 ${r.p99.toFixed(2)} ms`;
    console.log(`${'directly, one at a time'.padEnd(26)} ${ms(directAlone)}`);
    console.log(`${'gateway, one at a time'.padEnd(26)} ${ms(gatewayAlone)}`);
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  await done();
  await fs.rm(dir, { recursive: true, force: true });
}
