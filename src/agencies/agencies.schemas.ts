import { Type } from '@sinclair/typebox';
import { PageQuery } from '../platform/http/schemas.ts';
import { StrictObject } from '../platform/http/validation.ts';

export const AgencyLevelSchema = Type.Union(
  [
    Type.Literal('pusat'),
    Type.Literal('provinsi'),
    Type.Literal('kabupaten'),
    Type.Literal('kota'),
  ],
  { description: 'pusat (central), provinsi, kabupaten (regency), kota (city)' },
);

export const Agency = Type.Object(
  {
    code: Type.String({
      description: 'Regional governments: their region code; central agencies: P.<ABBREVIATION>',
    }),
    name: Type.String(),
    nameEn: Type.Union([Type.String(), Type.Null()]),
    level: AgencyLevelSchema,
    abbreviation: Type.Union([Type.String(), Type.Null()]),
    aliases: Type.Array(Type.String()),
    formerNames: Type.Array(Type.String(), {
      description: 'Earlier names, e.g. before the October 2024 cabinet change',
    }),
    regionCode: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'Agency' },
);

export const AgencyPage = Type.Object(
  { items: Type.Array(Agency), total: Type.Integer() },
  { title: 'AgencyPage' },
);

export const AgencyListQuery = StrictObject({
  search: Type.Optional(
    Type.String({ minLength: 1, maxLength: 200, description: 'Name, abbreviation or former name' }),
  ),
  level: Type.Optional(AgencyLevelSchema),
  ...PageQuery,
});
