import { Type } from '@sinclair/typebox';
import { toCsvLine } from '../platform/csv.ts';
import { actorOf } from '../platform/auth/principal.ts';
import { AppError } from '../platform/http/errors.ts';
import { AUTHENTICATED_SECURITY, type HttpApp } from '../platform/http/server.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import { StrictObject } from '../platform/http/validation.ts';
import { IMMUNIZATION_COLUMNS, PERSON_COLUMNS, type RawRecord } from './population.records.ts';
import type { PopulationService } from './population.service.ts';

const MAX_BATCH = 10_000;

/** A JSON record with the columns of the CSV format; values are strings (or a number for dose). */
function recordSchema(
  columns: { readonly required: readonly string[]; readonly optional: readonly string[] },
  title: string,
) {
  const value = Type.Union([Type.String({ maxLength: 1000 }), Type.Integer(), Type.Null()]);
  return StrictObject(
    Object.fromEntries([
      ...columns.required.map((c) => [c, value]),
      ...columns.optional.map((c) => [c, Type.Optional(value)]),
    ]),
    { title },
  );
}

const Problem = Type.Object({ field: Type.String(), reason: Type.String() });

const BatchResponse = Type.Object(
  {
    summary: Type.Object({
      inserted: Type.Integer(),
      updated: Type.Integer(),
      unchanged: Type.Integer(),
      rejected: Type.Integer(),
      warnings: Type.Integer(),
    }),
    results: Type.Array(
      Type.Object({
        index: Type.Integer({ description: 'Position of the record in the request, from 0' }),
        status: Type.Union([
          Type.Literal('inserted'),
          Type.Literal('updated'),
          Type.Literal('unchanged'),
          Type.Literal('rejected'),
        ]),
        problems: Type.Optional(Type.Array(Problem)),
        warnings: Type.Optional(Type.Array(Problem)),
      }),
    ),
  },
  { title: 'BatchResult' },
);

function toRaw(record: Record<string, string | number | null>): RawRecord {
  return Object.fromEntries(
    Object.entries(record)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, String(v)]),
  );
}

function presentBatch(result: Awaited<ReturnType<PopulationService['submitPeople']>>) {
  const present = (problems: readonly { column: string; reason: string }[] | undefined) =>
    problems?.map((p) => ({ field: p.column, reason: p.reason }));
  return {
    summary: result.summary,
    results: result.results.map((r) => ({
      index: r.index,
      status: r.status,
      ...(r.problems ? { problems: present(r.problems) } : {}),
      ...(r.warnings ? { warnings: present(r.warnings) } : {}),
    })),
  };
}

const STATS_CSV_HEADER = [
  'region_code',
  'region_name',
  'level',
  'population',
  'children_under_12',
  'children_under_12_vaccinated',
  'children_under_12_fully_vaccinated',
  'coverage',
];

const RegionRef = Type.Object({
  code: Type.String({ description: "Dotted Kemendagri code; '' for Indonesia" }),
  name: Type.String(),
  level: Type.Integer({
    minimum: 0,
    maximum: 4,
    description: '0 Indonesia, 1 province … 4 village',
  }),
});

const Counts = {
  population: Type.Integer({
    description: 'Alive on asOf: born on or before it and not dead on or before it',
  }),
  childrenUnder12: Type.Integer({
    description: 'Of them, born after the date exactly 12 years before asOf',
  }),
  childrenUnder12Vaccinated: Type.Integer({
    description: 'Of the children, with dose 1 of the vaccine dated on or before asOf',
  }),
  childrenUnder12FullyVaccinated: Type.Integer({
    description: 'Of the children, with dose 2 dated on or before asOf',
  }),
  coverage: Type.Union([Type.Number(), Type.Null()], {
    description: 'childrenUnder12Vaccinated / childrenUnder12; null without children',
  }),
};

const RegionStats = Type.Object({ region: RegionRef, ...Counts }, { title: 'RegionChildrenStats' });

const ChildrenStats = Type.Object(
  {
    region: RegionRef,
    asOf: Type.String({ format: 'date' }),
    vaccine: Type.String(),
    ...Counts,
    children: Type.Array(RegionStats, {
      description: 'Every region one level below (villages for a district)',
    }),
  },
  { title: 'ChildrenStats' },
);

export function populationRoutes(app: HttpApp, population: PopulationService): void {
  app.get(
    '/api/v1/stats/children',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Population statistics'],
        summary: 'Children under 12 and their vaccination, for a region and each region below it',
        description:
          'Exact counts on any date, read from counts kept up to date with every write: the cost follows the number of regions, not people.',
        querystring: StrictObject({
          region: Type.Optional(
            Type.String({ description: 'Region code, dotted or not; omitted = Indonesia' }),
          ),
          asOf: Type.Optional(
            Type.String({ format: 'date', description: 'YYYY-MM-DD; default today (WIB)' }),
          ),
          vaccine: Type.Optional(
            Type.String({
              minLength: 1,
              maxLength: 40,
              description: 'Vaccine code; default COVID-19',
            }),
          ),
        }),
        response: { 200: ChildrenStats, ...errorResponses(400, 404) },
      },
    },
    (request) => population.childrenStats(request.query),
  );

  app.get(
    '/api/v1/stats/children/export',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Population statistics'],
        summary: 'The same statistics for every region of one level, as CSV',
        description:
          'One row per province (level 1), regency (2), district (3) or village (4), ordered by code.',
        querystring: StrictObject({
          level: Type.Integer({ minimum: 1, maximum: 4, description: '1 province … 4 village' }),
          asOf: Type.Optional(Type.String({ format: 'date' })),
          vaccine: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
        }),
        produces: ['text/csv'],
        response: {
          200: Type.String({ description: `CSV with the header ${STATS_CSV_HEADER.join(',')}` }),
          ...errorResponses(400),
        },
      },
    },
    async (request, reply) => {
      const { level } = request.query;
      if (level !== 1 && level !== 2 && level !== 3 && level !== 4)
        throw new AppError('VALIDATION_FAILED', 'level must be 1, 2, 3 or 4.');
      const stats = await population.levelStats({ ...request.query, level });
      const lines = [toCsvLine(STATS_CSV_HEADER)];
      for (const r of stats.regions) {
        lines.push(
          toCsvLine([
            r.region.code,
            r.region.name,
            r.region.level,
            r.population,
            r.childrenUnder12,
            r.childrenUnder12Vaccinated,
            r.childrenUnder12FullyVaccinated,
            r.coverage === null ? '' : r.coverage.toFixed(4),
          ]),
        );
      }
      const name = `anak-${['', 'provinsi', 'kabupaten-kota', 'kecamatan', 'desa'][level]}-${stats.vaccine}-${stats.asOf}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(lines.join(''));
    },
  );

  const batchRoute = (
    url: string,
    summary: string,
    record: ReturnType<typeof recordSchema>,
    submit: PopulationService['submitPeople'],
  ) =>
    app.post(
      url,
      {
        config: { access: ['platform_admin', 'agency_operator'] },
        bodyLimit: 16 * 1024 * 1024,
        schema: {
          tags: ['Population data'],
          summary,
          description:
            `Up to ${MAX_BATCH.toLocaleString('en')} records with the columns of the CSV import, merged in one transaction ` +
            'through the same validation. The answer gives each record its outcome; a rejected record says which field is wrong and why.',
          security: AUTHENTICATED_SECURITY,
          body: StrictObject({
            records: Type.Array(record, { minItems: 1, maxItems: MAX_BATCH }),
          }),
          response: { 200: BatchResponse, ...errorResponses(400, 401, 403, 413) },
        },
      },
      async (request) => {
        const principal = request.principal;
        if (!principal)
          throw new AppError('UNAUTHENTICATED', 'This needs a login or an API token.');
        return presentBatch(await submit(request.body.records.map(toRaw), actorOf(principal)));
      },
    );
  batchRoute(
    '/api/v1/population/people',
    'Register or update people (a batch of person records)',
    recordSchema(PERSON_COLUMNS, 'PersonRecord'),
    (records, actor) => population.submitPeople(records, actor),
  );
  batchRoute(
    '/api/v1/population/immunizations',
    'Report immunisations (a batch of dose records)',
    recordSchema(IMMUNIZATION_COLUMNS, 'ImmunizationRecord'),
    (records, actor) => population.submitImmunizations(records, actor),
  );
}
