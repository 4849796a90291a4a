import { Type, type Static } from '@sinclair/typebox';
import { PageQuery } from '../platform/http/schemas.ts';
import { StrictObject } from '../platform/http/validation.ts';

export const RegionLevelSchema = Type.Union(
  [Type.Literal(1), Type.Literal(2), Type.Literal(3), Type.Literal(4)],
  {
    description:
      '1 province (provinsi), 2 regency or city (kabupaten/kota), 3 district (kecamatan), 4 village (desa/kelurahan)',
  },
);

export const RegionCodeParam = StrictObject({
  code: Type.String({
    description: 'Kemendagri code, dotted (32.04.11.2001) or undotted (3204112001)',
    examples: ['32.04'],
  }),
});

export const RegionSummary = Type.Object(
  {
    code: Type.String({ description: 'Dotted Kemendagri code' }),
    name: Type.String(),
    level: RegionLevelSchema,
    parentCode: Type.Union([Type.String(), Type.Null()]),
  },
  { title: 'RegionSummary' },
);

export const RegionDetail = Type.Object(
  {
    code: Type.String(),
    name: Type.String(),
    level: RegionLevelSchema,
    parentCode: Type.Union([Type.String(), Type.Null()]),
    ancestors: Type.Array(
      Type.Object({ code: Type.String(), name: Type.String(), level: RegionLevelSchema }),
      {
        description: 'From the province down to the parent',
      },
    ),
    childCount: Type.Integer(),
  },
  { title: 'RegionDetail' },
);

export const RegionPage = Type.Object(
  { items: Type.Array(RegionSummary), total: Type.Integer() },
  { title: 'RegionPage' },
);

export const RegionListQuery = StrictObject({
  level: Type.Optional(RegionLevelSchema),
  parent: Type.Optional(Type.String({ description: 'Only the children of this region code' })),
  search: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description:
        'Name to look for; tolerates small typos and understands "kab", "kota", "kecamatan", "desa"',
    }),
  ),
  ...PageQuery,
});

export const ChildrenQuery = StrictObject({ ...PageQuery });

export type RegionDetail = Static<typeof RegionDetail>;
