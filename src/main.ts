import fs from 'node:fs';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { pino } from 'pino';
import { buildApp, createServices, VERSION, WEB_DIST, type Services } from './app.ts';
import { prepareDatabase } from './bootstrap.ts';
import { ConfigError, loadConfig, type Config } from './platform/config.ts';
import { addOidcClient, listOidcClients } from './identity/oidc.clients.ts';
import { isCalendarDate } from './platform/dates.ts';
import { openDatabase, type DatabaseHandle } from './platform/db/database.ts';
import type { EmbeddedRole } from './platform/db/embedded.ts';
import { AppError } from './platform/http/errors.ts';
import { seedCatalog } from './catalog/catalog.seed.ts';
import { seedPopulation } from './population/population.seed.ts';

/** A progress bar on stderr for long work; silent when stderr is not a terminal. */
function progressBar(label: string) {
  const bar = new SingleBar(
    { format: `${label} [{bar}] {percentage}% {value}/{total}`, hideCursor: true },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/**
 * Opens the database as the configuration says and brings it up to date, so that every command
 * works on a fresh data directory, an empty external database, or next to a running server.
 */
async function openPrepared(
  config: Config,
  role: EmbeddedRole,
  log: (message: string) => void,
): Promise<{ handle: DatabaseHandle; services: Services }> {
  const handle = await openDatabase(config, role, log);
  try {
    const services = createServices(handle, { publicUrl: config.publicUrl });
    const bar = progressBar('Regions');
    const report = await prepareDatabase(handle, services, {
      onRegionProgress: (d, t) => bar.update(d, t),
    });
    bar.stop();
    if (report.migrationsApplied.length > 0)
      log(`applied migrations ${report.migrationsApplied.join(', ')}`);
    if (!report.regions.skipped) {
      const l = report.regions.byLevel;
      log(
        `imported the region reference: ${l[1]} provinces, ${l[2]} regencies and cities, ${l[3]} districts, ${l[4]} villages`,
      );
    }
    return { handle, services };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Runs a command with a prepared database and closes it afterwards, whatever happens. */
async function withDatabase<T>(
  work: (ctx: { handle: DatabaseHandle; services: Services; config: Config }) => Promise<T>,
): Promise<T> {
  const config = loadConfig();
  const log = (message: string) => process.stderr.write(`padu: ${message}\n`);
  const { handle, services } = await openPrepared(config, 'command', log);
  try {
    return await work({ handle, services, config });
  } finally {
    await handle.close();
  }
}

/** Builds web/dist with Vite when it is missing, so that `npm start` needs no separate build. */
async function ensureWebBuilt(log: (message: string) => void): Promise<void> {
  if (fs.existsSync(path.join(WEB_DIST, 'index.html'))) return;
  log('building the web app (web/dist is missing)…');
  try {
    const vite = await import('vite');
    await vite.build({
      configFile: path.resolve(WEB_DIST, '..', 'vite.config.ts'),
      logLevel: 'warn',
    });
  } catch (error) {
    log(
      `could not build the web app (${(error as Error).message}); the API works, the console will not`,
    );
  }
}

/**
 * Fills an empty register with a synthetic demo population in the background, while the server
 * already answers; if the process stops midway, the import's transaction leaves nothing and the
 * next start seeds again.
 */
/** A person in the demo register whom anyone trying the portal can register as. */
const DEMO_CITIZEN = { nik: '3404074107900001', name: 'DEWI LESTARI', birthDate: '1990-07-01' };

/** Puts DEMO_CITIZEN in the register (after the synthetic population, which needs it empty). */
async function seedDemoCitizen(
  services: Services,
  config: Config,
  logger: Pick<ReturnType<typeof pino>, 'info' | 'warn' | 'error'>,
): Promise<void> {
  try {
    const citizen = DEMO_CITIZEN;
    const added = await services.population.submitPeople(
      [
        {
          nik: citizen.nik,
          name: citizen.name,
          sex: 'P',
          birth_date: citizen.birthDate,
          village_code: '34.04.07.2001',
          family_card_number: '3404070107900001',
          mother_name: 'SITI RAHAYU',
        },
      ],
      'demo',
    );
    if (added.summary.inserted > 0)
      logger.warn(
        `demo citizen in the register: register at ${config.publicUrl}/portal/#/daftar with NIK ${citizen.nik}, name "${citizen.name}", birth date ${citizen.birthDate}`,
      );
  } catch (error) {
    logger.error({ err: error }, 'adding the demo citizen to the register failed');
  }
}

async function seedDemoPopulation(
  services: Services,
  config: Config,
  logger: Pick<ReturnType<typeof pino>, 'info' | 'warn' | 'error'>,
): Promise<void> {
  try {
    if (!(await services.population.isEmpty())) return;
    logger.info(`seeding a synthetic demo population of ${config.demoPeople} people…`);
    const report = await seedPopulation(services, { people: config.demoPeople, seed: 1 });
    logger.warn(
      `demo population seeded in ${report.seconds.toFixed(1)} s: ${report.people.inserted} people, ` +
        `${report.immunizations.inserted} immunisations (synthetic; set PADU_DEMO=0 in production)`,
    );
  } catch (error) {
    logger.error({ err: error }, 'seeding the demo population failed');
  }
}

/** Fills an empty catalog with a synthetic demo inventory and clusters it, in the background. */
async function seedDemoCatalog(
  services: Services,
  config: Config,
  logger: Pick<ReturnType<typeof pino>, 'info' | 'warn' | 'error'>,
): Promise<void> {
  try {
    if ((await services.catalog.listApplications({ limit: 1, offset: 0 })).total > 0) return;
    const report = await seedCatalog(services, { applications: config.demoApplications, seed: 1 });
    logger.warn(
      `demo catalog seeded: ${report.import.inserted} applications in ${report.clustering.clusters} clusters ` +
        '(synthetic; set PADU_DEMO=0 in production)',
    );
  } catch (error) {
    logger.error({ err: error }, 'seeding the demo catalog failed');
  }
}

async function start(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel });
  const log = (message: string) => logger.info(message);
  await ensureWebBuilt(log);
  const { handle, services } = await openPrepared(config, 'server', log);
  log(`database: ${handle.description}`);
  if (config.demo) {
    for (const account of await services.accounts.seedDemoAccounts()) {
      logger.warn(
        `demo account created: ${account.username} / ${account.password} (${account.role}); set PADU_DEMO=0 in production`,
      );
    }
  }
  const { app } = await buildApp({
    db: handle.db,
    services,
    logLevel: config.logLevel,
    publicUrl: config.publicUrl,
  });

  let stopping = false;
  let checkpoints: NodeJS.Timeout | undefined;
  let publishing: Promise<unknown> = Promise.resolve();
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received: closing HTTP connections, then the database`);
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 20 s; exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    try {
      // No checkpoint starts now, and the one under way finishes before the pool closes.
      clearInterval(checkpoints);
      await app.close();
      await publishing;
      await handle.close();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  try {
    const address = await app.listen({ port: config.port, host: config.host });
    logger.info(`Padu ${VERSION} is ready at ${address} (API reference: ${address}/docs)`);
    // Signed tree heads of the exchange log, published every second while the log grows.
    checkpoints = setInterval(() => {
      publishing = services.exchange.tree.publishCheckpoint().catch((error: unknown) => {
        logger.error({ err: error }, 'publishing an exchange log checkpoint failed');
      });
    }, 1_000);
    checkpoints.unref();
    if (config.demo) {
      // The catalog first: it takes seconds, the population minutes.
      void (async () => {
        if (config.demoApplications > 0) await seedDemoCatalog(services, config, logger);
        if (config.demoPeople > 0) await seedDemoPopulation(services, config, logger);
        await seedDemoCitizen(services, config, logger);
      })();
    }
  } catch (error) {
    await handle.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      throw new ConfigError(
        code === 'EADDRNOTAVAIL' ? 'PADU_HOST' : 'PADU_PORT',
        `cannot listen on ${config.host}:${config.port} (${code}); choose another PADU_PORT or PADU_HOST.`,
      );
    }
    throw error;
  }
}

const program = new Command()
  .name('padu')
  .description(
    "Padu, an open platform for Indonesia's SPBE. Configuration comes from PADU_* variables (see README.md).",
  )
  .version(VERSION)
  .showHelpAfterError();

program
  .command('start')
  .description('Start the server (API, console and web app) on PADU_HOST:PADU_PORT')
  .action(start);

program
  .command('migrate')
  .description('Apply pending database migrations (start does this too)')
  .action(() =>
    withDatabase(() => {
      process.stdout.write('The database is up to date.\n');
      return Promise.resolve();
    }),
  );

const regions = program
  .command('regions')
  .description('The administrative region reference (wilayah)');
regions
  .command('import')
  .description(
    'Import provinces, regencies, districts and villages from idn-area-data (skipped when unchanged)',
  )
  .option('--force', 'import even when the same source was imported before')
  .action((options: { force?: boolean }) =>
    withDatabase(async ({ handle }) => {
      const { importRegions } = await import('./regions/regions.import.ts');
      const bar = progressBar('Regions');
      const result = await importRegions(handle.pool, {
        force: options.force === true,
        onProgress: (d, t) => bar.update(d, t),
      });
      bar.stop();
      const l = result.byLevel;
      process.stdout.write(
        `${result.skipped ? 'Unchanged since the last import' : `Imported: ${result.inserted} new, ${result.updated} updated`}; ` +
          `${l[1]} provinces, ${l[2]} regencies and cities, ${l[3]} districts, ${l[4]} villages.\n`,
      );
    }),
  );

const tokens = program.command('tokens').description('API tokens for scripts');
tokens
  .command('create')
  .description('Create an API token; the token is the last line printed')
  .addOption(new Option('--admin', 'a platform_admin token').conflicts('agency'))
  .option('--agency <code>', 'an agency_operator token for this agency (e.g. 34.04 or P.KEMENKES)')
  .option('--name <name>', 'what the token is for', 'cli')
  .action((options: { admin?: boolean; agency?: string; name: string }) =>
    withDatabase(async ({ services }) => {
      if (options.admin !== true && options.agency === undefined) {
        throw new ConfigError(
          '--admin/--agency',
          'say which kind of token: --admin, or --agency <code>.',
        );
      }
      const created = await services.accounts.createApiToken(
        options.admin === true
          ? { name: options.name, role: 'platform_admin', agencyCode: null }
          : { name: options.name, role: 'agency_operator', agencyCode: options.agency ?? null },
        'cli',
      );
      process.stdout.write(
        `Created API token ${created.id} (${options.admin === true ? 'platform_admin' : `agency_operator for ${options.agency}`}).\n` +
          'Send it as "Authorization: Bearer <token>"; it is shown only now:\n' +
          `${created.token}\n`,
      );
    }),
  );

function importCommand(kind: 'people' | 'immunizations', description: string) {
  const group = program.command(kind).description(description);
  group
    .command('import')
    .description(
      `Import ${kind} from a CSV file with a header row; bad rows go to a rejects file, valid rows land`,
    )
    .argument('<file>', 'CSV file')
    .option('--rejects <path>', 'where to write rejected rows (default: FILE.rejects.csv)')
    .action((file: string, options: { rejects?: string }) =>
      withDatabase(async ({ services }) => {
        const bar = progressBar(`Importing ${kind}`);
        const started = Date.now();
        const importOptions = {
          ...(options.rejects !== undefined ? { rejectsFile: options.rejects } : {}),
          onProgress: (done: number, total: number) => bar.update(done, total),
        };
        const summary =
          kind === 'people'
            ? await services.population.importPeople(file, importOptions)
            : await services.population.importImmunizations(file, importOptions);
        bar.stop();
        const seconds = (Date.now() - started) / 1000;
        process.stdout.write(
          `${summary.rows} rows in ${seconds.toFixed(1)} s: ${summary.inserted} inserted, ${summary.updated} updated, ` +
            `${summary.unchanged} unchanged, ${summary.rejected} rejected` +
            (summary.warnings > 0
              ? `, ${summary.warnings} accepted with warnings (${summary.warningsFile})`
              : '') +
            `.\nRejected rows: ${summary.rejectsFile}\n`,
        );
      }),
    );
}
importCommand('people', 'The person register (by NIK)');

const catalog = program
  .command('catalog')
  .description('The application catalog: agency applications, duplicates, rationalisation');
catalog
  .command('import')
  .description(
    'Import an application inventory from CSV or XLSX (id,name,acronym,description,agency,agency_level[,unit,status,users,hosting,technology,personal_data,annual_cost])',
  )
  .argument('<file>', 'CSV or XLSX file (the first worksheet)')
  .option('--rejects <path>', 'where to write rejected rows (default: FILE.rejects.csv)')
  .option('--create-missing-agencies', 'add agencies that the file names but Padu does not know')
  .action((file: string, options: { rejects?: string; createMissingAgencies?: boolean }) =>
    withDatabase(async ({ services }) => {
      const started = Date.now();
      const summary = await services.catalog.importCsv(file, {
        ...(options.rejects !== undefined ? { rejectsFile: options.rejects } : {}),
        createMissingAgencies: options.createMissingAgencies === true,
      });
      const seconds = (Date.now() - started) / 1000;
      process.stdout.write(
        `${summary.rows} rows in ${seconds.toFixed(1)} s: ${summary.inserted} inserted, ${summary.updated} updated, ` +
          `${summary.unchanged} unchanged, ${summary.rejected} rejected.
` +
          (summary.agenciesCreated.length > 0
            ? `Agencies added: ${summary.agenciesCreated.join(', ')}\n`
            : '') +
          (summary.ignoredColumns.length > 0
            ? `Columns not imported: ${summary.ignoredColumns.join(', ')}\n`
            : '') +
          (summary.encoding === 'windows-1252'
            ? 'The file is not UTF-8: it was read as Windows-1252 (what spreadsheets on Windows save).\n'
            : '') +
          `Rejected rows: ${summary.rejectsFile}\n`,
      );
    }),
  );

catalog
  .command('cluster')
  .description(
    'Find the applications that do the same job: assign every application a government function (or a group found by similarity) and print the clusters',
  )
  .option('--top <n>', 'how many clusters to list', (v) => Number.parseInt(v, 10), 15)
  .action((options: { top: number }) =>
    withDatabase(async ({ services }) => {
      const report = await services.catalog.cluster('cli');
      const clusters = await services.catalog.listClusters();
      const rows = clusters.slice(0, Math.max(0, options.top));
      const width = Math.max(10, ...rows.map((c) => c.clusterId.length));
      process.stdout.write(
        `${report.applications} applications in ${report.clusters} clusters (${report.seconds.toFixed(2)} s, ` +
          `${report.computeSeconds.toFixed(2)} s computing): ${report.byFunction} by function, ` +
          `${report.bySimilarity} grouped by similarity, ${report.decided} decided by officials.\n` +
          (rows.length > 0
            ? `${'cluster'.padEnd(width)}  apps  agencies  confidence  shared application\n` +
              rows
                .map(
                  (c) =>
                    `${c.clusterId.padEnd(width)}  ${String(c.applications).padStart(4)}  ${String(c.agencies).padStart(8)}  ` +
                    `${c.meanConfidence.toFixed(2).padStart(10)}  ${c.sharedApplication ?? '-'}\n`,
                )
                .join('')
            : ''),
      );
    }),
  );
catalog
  .command('export-clusters')
  .description(
    "Write every application's cluster as CSV: external_id,cluster_id,function,shared_application,confidence",
  )
  .requiredOption('--out <file>', 'the CSV file to write')
  .action((options: { out: string }) =>
    withDatabase(async ({ services }) => {
      const rows = await services.catalog.exportClusters(options.out);
      process.stdout.write(`Wrote ${rows} applications to ${options.out}.\n`);
    }),
  );

const plan = catalog
  .command('plan')
  .description('The rationalisation plan: TIME decisions, targets, deadlines, progress');
plan
  .command('draft')
  .description(
    'Draft a plan entry for every application without one: migrate to its cluster’s shared application, otherwise tolerate',
  )
  .option('--deadline <date>', 'deadline of the drafted migrations (YYYY-MM-DD)', '2027-12-31')
  .action((options: { deadline: string }) =>
    withDatabase(async ({ services }) => {
      if (!isCalendarDate(options.deadline))
        throw new AppError(
          'VALIDATION_FAILED',
          `--deadline "${options.deadline}" is not a date; write YYYY-MM-DD.`,
        );
      const drafted = await services.catalog.draftPlan(options.deadline, 'cli');
      process.stdout.write(`Drafted ${drafted} plan entries.\n`);
    }),
  );
plan
  .command('progress')
  .description('Print the plan’s progress ("27,400 -> 50")')
  .addOption(
    new Option('--by <scope>', 'national, agency or function')
      .choices(['national', 'agency', 'function'])
      .default('national'),
  )
  .option('--top <n>', 'how many rows', (v) => Number.parseInt(v, 10), 20)
  .action((options: { by: 'national' | 'agency' | 'function'; top: number }) =>
    withDatabase(async ({ services }) => {
      const rows = await services.catalog.planProgress(options.by);
      const rupiah = (x: number) => `Rp ${Math.round(x).toLocaleString('id-ID')}`;
      for (const r of rows.slice(0, Math.max(0, options.top)))
        process.stdout.write(
          `${r.name}: ${r.applications} applications -> ${r.targetApplications} when done; ` +
            `${r.remaining} remaining, ${r.migrated} migrated, ${r.retired} retired, ${r.unplanned} unplanned, ` +
            `${r.overdue} overdue; saved ${rupiah(r.costSaved)} a year of ${rupiah(r.costSavedWhenDone)} planned\n`,
        );
    }),
  );
plan
  .command('export')
  .description('Write the plan as CSV, or as XLSX when the file name ends in .xlsx')
  .requiredOption('--out <file>', 'the file to write')
  .action((options: { out: string }) =>
    withDatabase(async ({ services }) => {
      const rows = await services.catalog.exportPlan(options.out);
      process.stdout.write(`Wrote ${rows} applications to ${options.out}.\n`);
    }),
  );

const exchange = program
  .command('exchange')
  .description(
    'The exchange: agency systems, their services, access grants (each command prints one JSON object on its last line)',
  );
function positiveId(name: string) {
  return (value: string): number => {
    if (!/^[1-9]\d{0,15}$/.test(value))
      throw new InvalidArgumentError(`${name} must be an id (a whole number from 1).`);
    return Number(value);
  };
}
const printJson = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);
exchange
  .command('systems')
  .description('Agency systems (clients and providers)')
  .command('add')
  .description(
    'Register a system; prints { id, clientId, clientSecret } (the secret is shown only now)',
  )
  .requiredOption('--agency <code>', 'the owning agency, e.g. 34.04 or P.KEMENKES')
  .requiredOption('--name <name>', 'the system’s name')
  .option('--slug <slug>', 'its path segment (default: from the name)')
  .option(
    '--application <id>',
    'its application in the catalog (an id from padu catalog)',
    positiveId('--application'),
  )
  .action((options: { agency: string; name: string; slug?: string; application?: number }) =>
    withDatabase(async ({ services }) => {
      const { system, clientSecret } = await services.exchange.addSystem(
        {
          agencyCode: options.agency,
          name: options.name,
          applicationId: options.application ?? null,
          ...(options.slug === undefined ? {} : { slug: options.slug }),
        },
        'cli',
      );
      printJson({ id: system.id, clientId: system.clientId, clientSecret });
    }),
  );
exchange
  .command('services')
  .description('Services that provider systems publish')
  .command('add')
  .description('Publish a service; prints { id, path } (path: the gateway prefix)')
  .requiredOption('--system <id>', 'the provider system', positiveId('--system'))
  .requiredOption('--name <name>', 'the service’s name')
  .requiredOption('--upstream <url>', 'the upstream base URL the gateway forwards to')
  .option('--openapi <file>', 'an OpenAPI 3 document (JSON) describing it')
  .option('--description <text>', 'what it offers')
  .option('--version <version>', 'its version')
  .option(
    '--personal-data',
    'its answers hold personal data: every call must name its subject (X-Padu-Subject, a NIK) and purpose',
    false,
  )
  .action(
    (options: {
      system: number;
      name: string;
      upstream: string;
      openapi?: string;
      description?: string;
      version?: string;
      personalData: boolean;
    }) =>
      withDatabase(async ({ services }) => {
        let openapi: unknown = null;
        if (options.openapi !== undefined) {
          try {
            openapi = JSON.parse(fs.readFileSync(options.openapi, 'utf8')) as unknown;
          } catch (error) {
            throw new AppError(
              'VALIDATION_FAILED',
              `--openapi ${options.openapi} is not a readable JSON file (${(error as Error).message}).`,
            );
          }
        }
        const { service, path: gatewayPath } = await services.exchange.addService(
          {
            systemId: options.system,
            name: options.name,
            upstreamUrl: options.upstream,
            description: options.description ?? null,
            version: options.version ?? null,
            openapi,
            personalData: options.personalData,
          },
          'cli',
        );
        printJson({ id: service.id, path: gatewayPath });
      }),
  );
const grants = exchange
  .command('grants')
  .description('Access grants: which consumer may call which service');
grants
  .command('add')
  .description('Grant a consumer system access to a service; prints { id }')
  .requiredOption('--service <id>', 'the service', positiveId('--service'))
  .requiredOption('--consumer <id>', 'the consumer system', positiveId('--consumer'))
  .option('--rate-limit <n>', 'calls per second (default 100)', positiveId('--rate-limit'))
  .option('--methods <list>', 'allowed methods, comma separated (default: all)')
  .option('--paths <list>', 'allowed path prefixes, comma separated (default: all)')
  .action(
    (options: {
      service: number;
      consumer: number;
      rateLimit?: number;
      methods?: string;
      paths?: string;
    }) =>
      withDatabase(async ({ services }) => {
        const grant = await services.exchange.addGrant(
          {
            serviceId: options.service,
            consumerSystemId: options.consumer,
            status: 'granted',
            ...(options.rateLimit === undefined ? {} : { rateLimit: options.rateLimit }),
            methods: options.methods?.split(',').map((m) => m.trim()) ?? null,
            pathPrefixes: options.paths?.split(',').map((p) => p.trim()) ?? null,
          },
          'cli',
        );
        printJson({ id: grant.id });
      }),
  );
exchange
  .command('keys')
  .description('The keys that sign access tokens')
  .command('rotate')
  .description(
    'Make a new signing key the active one; the old ones verify the tokens they signed until those expire. Prints { kid }',
  )
  .action(() =>
    withDatabase(async ({ services }) => {
      printJson(await services.exchange.rotateSigningKey('cli'));
    }),
  );
exchange
  .command('verify')
  .description(
    'Recompute the exchange log: every leaf hash, gapless numbering, every signed checkpoint; name the first altered, missing or reordered entry',
  )
  .action(() =>
    withDatabase(async ({ services }) => {
      const bar = progressBar('Verifying the exchange log');
      const report = await services.exchange.tree.verify((done, total) => bar.update(done, total));
      bar.stop();
      process.stderr.write(
        report.ok
          ? `padu: the exchange log is intact: ${report.entries} entries, ${report.checkpoints} signed checkpoints verified\n`
          : `padu: the exchange log does not verify: ${report.problem ?? ''}\n`,
      );
      printJson(report);
      if (!report.ok) process.exitCode = 1;
    }),
  );
grants
  .command('revoke')
  .description('Revoke a grant; prints { id, status }')
  .argument('<id>', 'the grant', positiveId('grant id'))
  .action((id: number) =>
    withDatabase(async ({ services }) => {
      await services.exchange.revokeGrant(id, 'cli');
      printJson({ id, status: 'revoked' });
    }),
  );

program
  .command('citizens')
  .description("Citizens' accounts")
  .command('release')
  .description(
    'Release a NIK whose account someone else registered, after checking the citizen’s KTP-el: the account is disabled and the NIK free to register again',
  )
  .argument('<nik>', 'the 16-digit NIK')
  .requiredOption('--reason <text>', 'what was checked, and why (audited)')
  .action((nik: string, options: { reason: string }) =>
    withDatabase(async ({ services }) => {
      if (!/^[0-9]{16}$/.test(nik))
        throw new AppError('VALIDATION_FAILED', `"${nik}" is not a NIK; give its 16 digits.`);
      await services.identity.releaseCitizen(nik, options.reason, 'cli');
      printJson({ nik, status: 'released' });
    }),
  );

const oidc = program
  .command('oidc')
  .description('Padu as an OpenID Connect provider: government applications that log citizens in');
const oidcClients = oidc
  .command('clients')
  .description('Applications registered as OpenID Connect clients');
oidcClients
  .command('add')
  .description(
    'Register an application; prints { clientId, clientSecret } (the secret is shown only now)',
  )
  .requiredOption('--name <name>', 'the application’s name, shown to citizens on the consent page')
  .requiredOption(
    '--redirect-uri <uri>',
    'where citizens return with the code (repeat for several)',
    (value: string, previous: string[] = []) => [...previous, value],
  )
  .option('--allow-nik', 'let the application receive the citizen’s NIK (scope "nik")', false)
  .action((options: { name: string; redirectUri: string[]; allowNik: boolean }) =>
    withDatabase(async ({ handle }) => {
      printJson(
        await addOidcClient(
          handle.db,
          { name: options.name, redirectUris: options.redirectUri, nikAllowed: options.allowNik },
          'cli',
        ),
      );
    }),
  );
oidcClients
  .command('list')
  .description('The registered applications (never their secrets)')
  .action(() =>
    withDatabase(async ({ handle }) => {
      printJson(await listOidcClients(handle.db));
    }),
  );

function wholeNumber(name: string, max: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) > max)
      throw new InvalidArgumentError(`${name} must be a whole number from 0 to ${max}.`);
    return Number(value);
  };
}

const seed = program.command('seed').description('Demonstration data');
seed
  .command('population')
  .description(
    'Generate a deterministic synthetic register (people and immunisations) and import it like agency data',
  )
  .option('--people <n>', 'how many people', wholeNumber('--people', 100_000_000), 200_000)
  .option(
    '--seed <s>',
    'random seed: the same seed gives the same register',
    wholeNumber('--seed', 2 ** 32 - 1),
    1,
  )
  .option('--today <date>', 'the last date anything happens (default: today in WIB)')
  .action((options: { people: number; seed: number; today?: string }) =>
    withDatabase(async ({ services }) => {
      if (options.today !== undefined && !isCalendarDate(options.today))
        throw new AppError(
          'VALIDATION_FAILED',
          `--today "${options.today}" is not a date; write YYYY-MM-DD.`,
        );
      const bars = {
        people: progressBar('Importing people'),
        immunizations: progressBar('Importing immunisations'),
      };
      const report = await seedPopulation(services, {
        people: options.people,
        seed: options.seed,
        ...(options.today !== undefined ? { today: options.today } : {}),
        onProgress: (step, done, total) => {
          if (step === 'immunizations') bars.people.stop();
          bars[step].update(done, total);
        },
      });
      bars.people.stop();
      bars.immunizations.stop();
      const line = (label: string, s: typeof report.people) =>
        `${label}: ${s.rows} rows, ${s.inserted} inserted, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected} rejected\n`;
      process.stdout.write(
        line('people', report.people) +
          line('immunizations', report.immunizations) +
          `seeded in ${report.seconds.toFixed(1)} s\n`,
      );
    }),
  );
seed
  .command('catalog')
  .description(
    'Generate a deterministic synthetic application inventory across the seeded agencies, import it like agency data and cluster it',
  )
  .option('--apps <n>', 'how many applications', wholeNumber('--apps', 1_000_000), 27_400)
  .option(
    '--seed <s>',
    'random seed: the same seed gives the same inventory',
    wholeNumber('--seed', 2 ** 32 - 1),
    1,
  )
  .action((options: { apps: number; seed: number }) =>
    withDatabase(async ({ services }) => {
      const report = await seedCatalog(services, {
        applications: options.apps,
        seed: options.seed,
      });
      const i = report.import;
      const c = report.clustering;
      process.stdout.write(
        `imported ${i.rows} rows in ${report.importSeconds.toFixed(1)} s: ${i.inserted} inserted, ${i.updated} updated, ` +
          `${i.unchanged} unchanged, ${i.rejected} rejected\n` +
          `clustered ${c.applications} applications in ${c.seconds.toFixed(1)} s: ${c.clusters} clusters, ` +
          `${c.byFunction} by function, ${c.bySimilarity} by similarity, ${c.decided} decided\n`,
      );
    }),
  );
importCommand('immunizations', 'Immunisations (NIK, vaccine, dose, date)');

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`padu: configuration error: ${error.message}\n`);
    process.exit(2);
  }
  if (error instanceof AppError && error.status < 500) {
    process.stderr.write(`padu: ${error.message}\n`);
    process.exit(2);
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`padu: ${message}\n`);
  process.exit(1);
}
