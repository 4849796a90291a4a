import { Type } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.String> | ReturnType<typeof Type.Integer>>(
  t: T,
) => Type.Union([t, Type.Null()]);

export const ApplicationStatusSchema = Type.Union(
  ['submitted', 'verified', 'in_process', 'needs_correction', 'completed', 'rejected'].map((s) =>
    Type.Literal(s),
  ),
);

export const CategorySchema = Type.Union(
  [
    'kependudukan',
    'kesehatan',
    'pendidikan',
    'usaha',
    'sosial',
    'ketenagakerjaan',
    'hukum',
    'keimigrasian',
    'pajak',
    'pertanahan',
    'transportasi',
    'keagamaan',
    'pengaduan',
  ].map((s) => Type.Literal(s)),
);

export const LifeEventSchema = Type.Union(
  [
    'kelahiran',
    'memulai-usaha',
    'pindah-rumah',
    'menikah',
    'kematian',
    'mencari-kerja',
    'masuk-sekolah',
    'sakit',
  ].map((s) => Type.Literal(s)),
);

const Recipient = Type.Object({
  agencyCode: Type.String(),
  agencyName: Type.String(),
  unit: Nullable(Type.String()),
});

export const ServiceSummary = Type.Object(
  {
    slug: Type.String(),
    name: Type.String(),
    nameEn: Type.String(),
    summary: Type.String(),
    summaryEn: Type.String(),
    category: Type.String(),
    lifeEvents: Type.Array(Type.String()),
    provider: Type.Object({
      agencyCode: Type.String(),
      agencyName: Type.String(),
      unit: Type.String(),
    }),
    deliveredBy: Type.Union([
      Type.Literal('national'),
      Type.Literal('province'),
      Type.Literal('regency'),
    ]),
    handlingUnit: Nullable(Type.String()),
    cost: Type.Object({
      amount: Nullable(
        Type.Integer({ description: 'Rupiah; 0 is free; null is set case by case (see note)' }),
      ),
      note: Nullable(Type.String()),
    }),
    slaDays: Nullable(Type.Integer({ description: 'Service-level time in working days' })),
    channels: Type.Array(Type.String()),
    officialChannel: Nullable(Type.String()),
  },
  { title: 'PublicServiceSummary' },
);

export const ServiceDetail = Type.Composite(
  [
    ServiceSummary,
    Type.Object({
      description: Type.String(),
      requirements: Type.Array(Type.String()),
      legalBasis: Nullable(Type.String()),
      form: Type.Unsafe<Record<string, unknown>>({
        type: 'object',
        additionalProperties: true,
        description: 'The application form as a JSON Schema (draft-07) object',
      }),
      prefill: Type.Array(
        Type.Object({
          field: Type.String(),
          label: Type.String(),
          labelEn: Type.String(),
          source: Type.String(),
        }),
      ),
    }),
  ],
  { title: 'PublicService' },
);

export const PrefillPreview = Type.Object({
  recipient: Recipient,
  source: Type.String(),
  fields: Type.Array(
    Type.Object({ field: Type.String(), label: Type.String(), labelEn: Type.String() }),
  ),
});

export const ConsentResult = Type.Object({
  consentId: Type.Integer(),
  recipient: Recipient,
  values: Type.Record(Type.String(), Type.Unknown()),
});

export const ApplicationSummary = Type.Object(
  {
    reference: Type.String(),
    service: Type.Object({ slug: Type.String(), name: Type.String(), nameEn: Type.String() }),
    agency: Type.Object({ code: Type.String(), name: Type.String() }),
    status: ApplicationStatusSchema,
    submittedAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'ApplicationSummary' },
);

const Applicant = Type.Object({ nik: Type.String(), name: Type.String() });

export const Application = Type.Composite(
  [
    ApplicationSummary,
    Type.Object({
      data: Type.Unknown(),
      prefilledFields: Type.Array(Type.String()),
      timeline: Type.Array(
        Type.Object({
          status: ApplicationStatusSchema,
          note: Nullable(Type.String()),
          at: Type.String({ format: 'date-time' }),
          by: Type.Union([Type.Literal('citizen'), Type.Literal('operator')]),
        }),
      ),
      applicant: Applicant,
    }),
  ],
  { title: 'Application' },
);

export const QueueItem = Type.Composite(
  [ApplicationSummary, Type.Object({ applicant: Applicant })],
  {
    title: 'QueuedApplication',
  },
);

export const DataAccess = Type.Object(
  {
    requestId: Type.String(),
    at: Type.String({ format: 'date-time' }),
    consumer: Type.Object({
      agencyCode: Type.String(),
      agencyName: Type.String(),
      system: Type.String(),
    }),
    provider: Type.Object({
      agencyCode: Type.String(),
      agencyName: Type.String(),
      system: Type.String(),
      service: Type.String(),
    }),
    purpose: Nullable(Type.String()),
    status: Type.Integer(),
    proof: Type.Union([
      Type.Object({
        leafIndex: Type.Integer(),
        treeSize: Type.Integer(),
        leafHash: Type.String({ description: 'Base64 SHA-256 of 0x00 and the canonical entry' }),
        auditPath: Type.Array(Type.String()),
        rootHash: Type.String(),
        checkpoint: Type.String({
          description: 'The signed checkpoint note (C2SP) with treeSize and rootHash',
        }),
      }),
      Type.Null(),
    ]),
  },
  { title: 'DataAccess' },
);
