import { Type } from '@sinclair/typebox';
import { PageQuery } from '../platform/http/schemas.ts';
import { StrictObject } from '../platform/http/validation.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const ApplicationStatus = Type.Union(
  [Type.Literal('active'), Type.Literal('development'), Type.Literal('retired')],
  { description: 'active (aktif), development (dalam pengembangan), retired (tidak aktif)' },
);

const TimeDecisionSchema = Type.Union(
  [
    Type.Literal('tolerate'),
    Type.Literal('invest'),
    Type.Literal('migrate'),
    Type.Literal('eliminate'),
  ],
  { description: "Gartner's TIME: tolerate, invest, migrate (to a shared application), eliminate" },
);

export const GovernmentFunction = Type.Object(
  {
    code: Type.String(),
    name: Type.String({ description: 'Indonesian name' }),
    nameEn: Type.String(),
    sharedApplication: Nullable(Type.Object({ code: Type.String(), name: Type.String() })),
    keywords: Type.Array(Type.String()),
  },
  { title: 'GovernmentFunction' },
);

export const ApplicationSummary = Type.Object(
  {
    id: Type.Integer(),
    sourceId: Type.String({ description: "The id in the agency's own inventory" }),
    name: Type.String(),
    acronym: Nullable(Type.String()),
    description: Nullable(Type.String()),
    agencyCode: Type.String(),
    agencyName: Type.String(),
    unit: Nullable(Type.String()),
    status: ApplicationStatus,
    annualCost: Nullable(Type.Number({ description: 'Rupiah per year' })),
    clusterId: Nullable(Type.String()),
    functionCode: Nullable(Type.String()),
    sharedApplication: Nullable(Type.String()),
    confidence: Nullable(Type.Number()),
    decided: Type.Boolean({ description: 'Whether an official decided its cluster' }),
  },
  { title: 'ApplicationSummary' },
);

export const ApplicationPage = Type.Object(
  { items: Type.Array(ApplicationSummary), total: Type.Integer() },
  { title: 'ApplicationPage' },
);

export const Evidence = Type.Object(
  {
    terms: Type.Array(Type.Object({ term: Type.String(), field: Type.String() })),
    neighbours: Type.Array(
      Type.Object({
        applicationId: Type.Integer(),
        similarity: Type.Number(),
        functionCode: Nullable(Type.String()),
      }),
    ),
    profileSimilarity: Type.Number(),
    runnerUp: Nullable(Type.Object({ functionCode: Type.String(), score: Type.Number() })),
    decision: Nullable(Type.String()),
  },
  { title: 'ClusterEvidence' },
);

export const ApplicationDetail = Type.Composite(
  [
    ApplicationSummary,
    Type.Object({
      users: Nullable(Type.String()),
      hosting: Nullable(Type.String()),
      technology: Nullable(Type.String()),
      personalData: Nullable(Type.Boolean()),
      evidence: Nullable(Evidence),
      decisions: Type.Array(
        Type.Object({
          kind: Type.String(),
          functionCode: Nullable(Type.String()),
          note: Nullable(Type.String()),
          decidedBy: Type.String(),
          decidedAt: Type.String({ format: 'date-time' }),
        }),
      ),
      plan: Nullable(
        Type.Object({
          decision: TimeDecisionSchema,
          targetSharedApplication: Nullable(Type.String()),
          deadline: Nullable(Type.String()),
          completedOn: Nullable(Type.String()),
          note: Nullable(Type.String()),
          updatedBy: Type.String(),
          updatedAt: Type.String({ format: 'date-time' }),
        }),
      ),
    }),
  ],
  { title: 'ApplicationDetail' },
);

export const ApplicationListQuery = StrictObject({
  search: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  agency: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Agency code' })),
  function: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  cluster: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  status: Type.Optional(ApplicationStatus),
  ...PageQuery,
});

export const ClusterSummary = Type.Object(
  {
    clusterId: Type.String(),
    functionCode: Nullable(Type.String()),
    functionName: Nullable(Type.String()),
    sharedApplication: Nullable(Type.String()),
    applications: Type.Integer(),
    agencies: Type.Integer(),
    decided: Type.Integer(),
    meanConfidence: Type.Number(),
    annualCost: Type.Number({ description: 'Rupiah per year, summed over the applications' }),
  },
  { title: 'ClusterSummary' },
);

export const ClusteringReport = Type.Object(
  {
    runId: Type.Integer(),
    seconds: Type.Number(),
    computeSeconds: Type.Number(),
    applications: Type.Integer(),
    clusters: Type.Integer(),
    byFunction: Type.Integer(),
    bySimilarity: Type.Integer(),
    decided: Type.Integer(),
  },
  { title: 'ClusteringReport' },
);

export const DecisionBody = StrictObject(
  {
    applicationIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 10_000 }),
    kind: Type.Union(
      [Type.Literal('confirm'), Type.Literal('move'), Type.Literal('split'), Type.Literal('reset')],
      {
        description:
          'confirm: they belong to functionCode; move: they belong to functionCode instead; ' +
          'split: they form a cluster of their own; reset: withdraw the decision',
      },
    ),
    functionCode: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { title: 'ClusterDecision' },
);

export const TimeDecision = TimeDecisionSchema;

const CalendarDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });

export const PlanEntryBody = StrictObject(
  {
    decision: TimeDecision,
    targetSharedApplication: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 100 }))),
    deadline: Type.Optional(Nullable(CalendarDate)),
    completedOn: Type.Optional(
      Nullable({ ...CalendarDate, description: 'The day the migration or elimination was done' }),
    ),
    note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  },
  { title: 'PlanEntry' },
);

export const PlanProgress = Type.Object(
  {
    key: Type.String(),
    name: Type.String(),
    applications: Type.Integer(),
    remaining: Type.Integer(),
    migrated: Type.Integer(),
    retired: Type.Integer(),
    planned: Type.Object({
      tolerate: Type.Integer(),
      invest: Type.Integer(),
      migrate: Type.Integer(),
      eliminate: Type.Integer(),
    }),
    unplanned: Type.Integer(),
    pending: Type.Integer({ description: 'Planned to migrate or be eliminated, not done yet' }),
    overdue: Type.Integer(),
    targetApplications: Type.Integer({
      description:
        'Applications left when the plan is done: those kept plus the shared applications targeted',
    }),
    annualCost: Type.Number(),
    costSaved: Type.Number({
      description: 'Rupiah per year saved by what is already migrated or retired',
    }),
    costSavedWhenDone: Type.Number(),
  },
  { title: 'PlanProgress' },
);

export const PlanProgressQuery = StrictObject({
  by: Type.Optional(
    Type.Union([Type.Literal('national'), Type.Literal('agency'), Type.Literal('function')], {
      default: 'national',
    }),
  ),
});

export const PlanDraftBody = StrictObject({
  deadline: Type.Optional({ ...CalendarDate, description: 'Deadline of the drafted migrations' }),
});

const OptionalText = (maxLength: number) =>
  Type.Optional(Nullable(Type.String({ minLength: 1, maxLength })));

export const ApplicationPatchBody = StrictObject(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    acronym: OptionalText(50),
    description: OptionalText(4000),
    unit: OptionalText(300),
    status: Type.Optional(ApplicationStatus),
    users: OptionalText(300),
    hosting: OptionalText(300),
    technology: OptionalText(300),
    personalData: Type.Optional(Nullable(Type.Boolean())),
    annualCost: Type.Optional(
      Nullable(
        Type.Integer({
          minimum: 0,
          maximum: 1_000_000_000_000_000,
          description: 'Rupiah per year',
        }),
      ),
    ),
  },
  { title: 'ApplicationPatch', minProperties: 1 },
);

export const FunctionBody = StrictObject(
  {
    name: Type.String({ minLength: 1, maxLength: 200, description: 'Indonesian name' }),
    nameEn: Type.String({ minLength: 1, maxLength: 200 }),
    sharedApplication: Nullable(
      Type.String({ minLength: 1, maxLength: 100, description: 'Code of a shared application' }),
    ),
    keywords: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
      minItems: 1,
      maxItems: 500,
      description: 'Words and phrases typical of its applications (lower case)',
    }),
  },
  { title: 'GovernmentFunctionInput' },
);

export const ApplicationCreateBody = StrictObject(
  {
    agencyCode: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'Operators: their own agency (the default)',
      }),
    ),
    sourceId: Type.String({
      minLength: 1,
      maxLength: 100,
      description: "The id in the agency's own inventory",
    }),
    ...ApplicationPatchBody.properties,
    name: Type.String({ minLength: 1, maxLength: 300 }),
  },
  { title: 'ApplicationCreate' },
);

export const SharedApplicationBody = StrictObject(
  {
    name: Type.String({ minLength: 1, maxLength: 100, description: 'As written, e.g. SRIKANDI' }),
    fullName: Type.String({ minLength: 1, maxLength: 300 }),
    descriptionEn: Type.String({ minLength: 1, maxLength: 1000 }),
    ownerAgencyCode: Nullable(Type.String({ minLength: 1, maxLength: 100 })),
  },
  { title: 'SharedApplicationInput' },
);

export const PlanExportQuery = StrictObject({
  format: Type.Optional(
    Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { default: 'csv' }),
  ),
});
