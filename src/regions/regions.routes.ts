import type { HttpApp } from '../platform/http/server.ts';
import { errorResponses } from '../platform/http/schemas.ts';
import type { RegionsService } from './regions.service.ts';
import {
  ChildrenQuery,
  RegionCodeParam,
  RegionDetail,
  RegionListQuery,
  RegionPage,
} from './regions.schemas.ts';

const tags = ['Regions (wilayah)'];

export function regionsRoutes(app: HttpApp, regions: RegionsService): void {
  app.get(
    '/api/v1/regions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'List or search regions',
        querystring: RegionListQuery,
        response: { 200: RegionPage, ...errorResponses(400) },
      },
    },
    (request) => regions.listRegions(request.query),
  );

  app.get(
    '/api/v1/regions/:code',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'One region with its ancestors and number of children',
        params: RegionCodeParam,
        response: { 200: RegionDetail, ...errorResponses(400, 404) },
      },
    },
    (request) => regions.getRegion(request.params.code),
  );

  app.get(
    '/api/v1/regions/:code/children',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "A region's children (regencies of a province, districts of a regency, …)",
        params: RegionCodeParam,
        querystring: ChildrenQuery,
        response: { 200: RegionPage, ...errorResponses(400, 404) },
      },
    },
    (request) => regions.listChildren(request.params.code, request.query),
  );
}
