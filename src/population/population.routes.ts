import { Type } from '@sinclair/typebox';
import type { HttpApp } from '../platform/http/server.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import { StrictObject } from '../platform/http/validation.ts';
import type { PopulationService } from './population.service.ts';

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
}
