import type { HttpApp } from '../platform/http/server.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import { AgencyListQuery, AgencyPage } from './agencies.schemas.ts';
import type { AgenciesService } from './agencies.service.ts';

export function agenciesRoutes(app: HttpApp, agencies: AgenciesService): void {
  app.get(
    '/api/v1/agencies',
    {
      config: { access: 'public' },
      schema: {
        tags: ['Agencies (instansi)'],
        summary: 'List or search central agencies and regional governments',
        querystring: AgencyListQuery,
        response: { 200: AgencyPage, ...errorResponses(400) },
      },
    },
    async (request) => {
      const page = await agencies.listAgencies(request.query);
      return {
        total: page.total,
        items: page.items.map((a) => ({
          code: a.code,
          name: a.name,
          nameEn: a.nameEn,
          level: a.level,
          abbreviation: a.abbreviation,
          aliases: a.aliases,
          formerNames: a.formerNames,
          regionCode: a.regionCode,
        })),
      };
    },
  );
}
