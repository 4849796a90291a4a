import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('has defaults for a fresh machine', () => {
    const config = loadConfig({}, '/srv/padu');
    expect(config).toMatchObject({
      databaseUrl: undefined,
      dataDir: '/srv/padu/.padu',
      port: 8080,
      host: '127.0.0.1',
      demo: true,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        PADU_DATABASE_URL: 'postgres://u@db:5432/padu',
        PADU_DATA_DIR: '/var/lib/padu',
        PADU_PORT: '9000',
        PADU_HOST: '0.0.0.0',
        PADU_DEMO: '0',
        PADU_DEMO_PEOPLE: '5000',
      },
      '/',
    );
    expect(config).toMatchObject({
      databaseUrl: 'postgres://u@db:5432/padu',
      dataDir: '/var/lib/padu',
      port: 9000,
      host: '0.0.0.0',
      demo: false,
      demoPeople: 5000,
    });
  });

  it.each([
    [{ PADU_PORT: 'eighty' }, 'PADU_PORT'],
    [{ PADU_PORT: '70000' }, 'PADU_PORT'],
    [{ PADU_DATABASE_URL: 'mysql://x@y/z' }, 'PADU_DATABASE_URL'],
    [{ PADU_DATABASE_URL: 'not a url' }, 'PADU_DATABASE_URL'],
    [{ PADU_DATABASE_URL: 'postgres://x@y:5432' }, 'PADU_DATABASE_URL'],
    [{ PADU_DEMO: 'yes please' }, 'PADU_DEMO'],
    [{ PADU_DEMO_PEOPLE: 'many' }, 'PADU_DEMO_PEOPLE'],
    [{ PADU_LOG_LEVEL: 'loud' }, 'PADU_LOG_LEVEL'],
  ])('rejects %j naming %s', (env, variable) => {
    expect(() => loadConfig(env, '/')).toThrow(ConfigError);
    expect(() => loadConfig(env, '/')).toThrow(new RegExp(`^${variable}: `));
  });
});
