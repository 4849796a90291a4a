import { spawn, execFile, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { isAlive } from '../../src/platform/db/embedded.ts';
import { freePort, PADU, waitForHealthy } from '../helpers/process.ts';

const exec = promisify(execFile);

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'padu-lifecycle-'));
await fs.chmod(dataDir, 0o755);
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const env = {
  ...process.env,
  PADU_DATA_DIR: dataDir,
  PADU_PORT: String(port),
  PADU_LOG_LEVEL: 'warn',
  PADU_DEMO_PEOPLE: '500',
  PADU_DATABASE_URL: '',
};
const children: ChildProcess[] = [];
/** What each started process logged (pino's JSON lines, warnings and errors). */
const logs = new Map<ChildProcess, { text: string }>();

function startPadu(port?: number): ChildProcess {
  const child = spawn(process.execPath, [PADU, 'start'], {
    env: port === undefined ? env : { ...env, PADU_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logged = { text: '' };
  logs.set(child, logged);
  child.stdout?.on('data', (chunk: Buffer) => (logged.text += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[padu] ${chunk.toString()}`));
  children.push(child);
  return child;
}

async function postmasterPid(): Promise<number | undefined> {
  const text = await fs
    .readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')
    .catch(() => undefined);
  return text === undefined ? undefined : Number(text.split('\n')[0]);
}

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  // Stop an embedded server the test left behind, then remove the folder.
  await exec(process.execPath, [PADU, 'migrate'], { env }).catch(() => undefined);
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('padu start on the embedded PostgreSQL', () => {
  let token = '';

  it('starts on a fresh data directory and answers /healthz and /readyz', async () => {
    const child = startPadu();
    const ms = await waitForHealthy(url, child, 180_000);
    console.log(`first start (initdb, migrations, 91,599 regions): /healthz after ${ms} ms`);
    expect((await fetch(`${url}/readyz`)).status).toBe(200);
    // The demo population is seeded in the background once the server answers.
    const population = async () =>
      ((await (await fetch(`${url}/api/v1/stats/children`)).json()) as { population: number })
        .population;
    await expect.poll(population, { timeout: 120_000, interval: 500 }).toBeGreaterThan(450);
  }, 330_000);

  it('a second padu command connects to the running server instead of starting another', async () => {
    const pidBefore = await postmasterPid();
    const { stdout } = await exec(process.execPath, [PADU, 'tokens', 'create', '--admin'], { env });
    token = stdout.trim().split('\n').at(-1) ?? '';
    expect(token).toMatch(/^padu_tok_/);
    // The running server sees the token at once: both use the same database.
    const response = await fetch(`${url}/api/v1/tokens`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(await postmasterPid()).toBe(pidBefore);
    expect(isAlive(pidBefore ?? -1)).toBe(true);
  });

  it('starts again after a SIGKILL without manual clean-up, keeping the data', async () => {
    const [first] = children;
    first?.kill('SIGKILL');
    await new Promise((resolve) => first?.once('exit', resolve));
    const child = startPadu();
    const ms = await waitForHealthy(url, child, 60_000);
    console.log(`restart after SIGKILL: /healthz after ${ms} ms`);
    expect(ms).toBeLessThan(15_000);
    const response = await fetch(`${url}/api/v1/tokens`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
  }, 90_000);

  it('shuts down cleanly on SIGTERM, stopping its PostgreSQL', async () => {
    const child = children.at(-1);
    const pid = await postmasterPid();
    const logged = (child === undefined ? undefined : logs.get(child)) ?? { text: '' };
    const before = logged.text.length;
    child?.kill('SIGTERM');
    const code = await new Promise((resolve) => child?.once('exit', resolve));
    expect(code).toBe(0);
    // Nothing fails on the way down (a checkpoint publish once found the pool already closed).
    const onTheWayDown = logged.text.slice(before).split('\n');
    expect(onTheWayDown.filter((line) => /"level":(50|60)/.test(line))).toEqual([]);
    expect(pid).toBeDefined();
    expect(isAlive(pid ?? -1)).toBe(false);
    // A clean PostgreSQL shutdown removes its pid file; a crash would leave it.
    expect(await postmasterPid()).toBeUndefined();
  }, 60_000);

  it('leaves PostgreSQL running for a second server on the same directory until that one stops', async () => {
    const exited = (child: ChildProcess) =>
      new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    const first = startPadu();
    await waitForHealthy(url, first, 60_000);
    const secondPort = await freePort();
    const secondUrl = `http://127.0.0.1:${secondPort}`;
    const second = startPadu(secondPort);
    await waitForHealthy(secondUrl, second, 60_000);
    const pid = await postmasterPid();
    expect(pid).toBeDefined();

    // The first (the owner) stops: the second goes on using the database.
    first.kill('SIGTERM');
    expect(await exited(first)).toBe(0);
    expect(isAlive(pid ?? -1)).toBe(true);
    expect((await fetch(`${secondUrl}/readyz`)).status).toBe(200);

    // The last one stops the server.
    second.kill('SIGTERM');
    expect(await exited(second)).toBe(0);
    expect(isAlive(pid ?? -1)).toBe(false);
    expect(await postmasterPid()).toBeUndefined();
  }, 150_000);
});
