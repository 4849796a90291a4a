import path from 'node:path';

/** Everything Padu reads from its environment, validated once. Nothing else reads `process.env`. */
export interface Config {
  /** External PostgreSQL URL; `undefined` means Padu runs its embedded PostgreSQL. */
  readonly databaseUrl: string | undefined;
  /** Absolute folder for the embedded PostgreSQL and Padu's local state. */
  readonly dataDir: string;
  readonly port: number;
  readonly host: string;
  /** Seed demonstration data (accounts, a synthetic population) on start. */
  readonly demo: boolean;
  /** How many synthetic people the demo seeds into an empty register (0: none). */
  readonly demoPeople: number;
  /** How many synthetic applications the demo seeds into an empty catalog (0: none). */
  readonly demoApplications: number;
  /**
   * The address citizens and other systems reach Padu at (no trailing slash): the OpenID Connect
   * issuer, and the links in messages. Default: http://localhost:PORT.
   */
  readonly publicUrl: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** A configuration problem: start-up stops with this message, which names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

type Env = Readonly<Record<string, string | undefined>>;

function readPort(env: Env): number {
  const raw = env.PADU_PORT;
  if (raw === undefined || raw === '') return 8080;
  if (!/^\d+$/.test(raw) || Number(raw) > 65535) {
    throw new ConfigError(
      'PADU_PORT',
      `"${raw}" is not a TCP port; use a whole number from 0 to 65535 (0 picks a free port).`,
    );
  }
  return Number(raw);
}

function readDatabaseUrl(env: Env): string | undefined {
  const raw = env.PADU_DATABASE_URL;
  if (raw === undefined || raw === '') return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      'PADU_DATABASE_URL',
      'is not a URL; use postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE, or unset it to use the embedded PostgreSQL.',
    );
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(
      'PADU_DATABASE_URL',
      `must start with postgres:// or postgresql://, not ${url.protocol}//.`,
    );
  }
  if (url.pathname === '' || url.pathname === '/') {
    throw new ConfigError(
      'PADU_DATABASE_URL',
      'names no database; add it after the host, e.g. postgres://postgres@127.0.0.1:5432/padu.',
    );
  }
  return raw;
}

function readDemo(env: Env): boolean {
  const raw = env.PADU_DEMO;
  if (raw === undefined || raw === '' || raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new ConfigError(
    'PADU_DEMO',
    `"${raw}" is not understood; use 1 (demo data, the default) or 0.`,
  );
}

/** A whole number of demo records from 0 (none) to `max`, or the default when unset. */
function readDemoCount(
  env: Env,
  name: 'PADU_DEMO_PEOPLE' | 'PADU_DEMO_APPS',
  fallback: number,
  max: number,
  noun: string,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) > max) {
    throw new ConfigError(
      name,
      `"${raw}" is not a number of ${noun}; use a whole number from 0 (none) to ${max}.`,
    );
  }
  return Number(raw);
}

function readLogLevel(env: Env): Config['logLevel'] {
  const raw = env.PADU_LOG_LEVEL;
  if (raw === undefined || raw === '') return 'info';
  const level = LOG_LEVELS.find((l) => l === raw);
  if (level === undefined) {
    throw new ConfigError('PADU_LOG_LEVEL', `"${raw}" is not one of ${LOG_LEVELS.join(', ')}.`);
  }
  return level;
}

function readHost(env: Env): string {
  const raw = env.PADU_HOST;
  if (raw === undefined || raw === '') return '127.0.0.1';
  if (/\s|\//.test(raw)) {
    throw new ConfigError('PADU_HOST', `"${raw}" is not a host name or IP address.`);
  }
  return raw;
}

function readPublicUrl(env: Env, port: number): string {
  const raw = env.PADU_PUBLIC_URL;
  if (raw === undefined || raw === '') return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      'PADU_PUBLIC_URL',
      `"${raw}" is not a URL; write it like https://padu.example.go.id.`,
    );
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search !== '' || url.hash !== '') {
    throw new ConfigError(
      'PADU_PUBLIC_URL',
      `"${raw}" must be an http(s) URL without query or fragment, like https://padu.example.go.id.`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

/** Reads and validates the PADU_* variables; throws {@link ConfigError} naming the bad variable. */
export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): Config {
  const dataDirRaw = env.PADU_DATA_DIR;
  return {
    databaseUrl: readDatabaseUrl(env),
    dataDir: path.resolve(
      cwd,
      dataDirRaw === undefined || dataDirRaw === '' ? '.padu' : dataDirRaw,
    ),
    port: readPort(env),
    publicUrl: readPublicUrl(env, readPort(env)),
    host: readHost(env),
    demo: readDemo(env),
    demoPeople: readDemoCount(env, 'PADU_DEMO_PEOPLE', 200_000, 100_000_000, 'people'),
    demoApplications: readDemoCount(env, 'PADU_DEMO_APPS', 3_000, 1_000_000, 'applications'),
    logLevel: readLogLevel(env),
  };
}
