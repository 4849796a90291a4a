/** The application catalog's API (/api/v1/catalog): inventory, clusters, decisions, plan. */
import { query, request, type Page } from './api';

export type ApplicationStatus = 'active' | 'development' | 'retired';
export type DecisionKind = 'confirm' | 'move' | 'split' | 'reset';
export type TimeDecision = 'tolerate' | 'invest' | 'migrate' | 'eliminate';
export const TIME_DECISIONS: readonly TimeDecision[] = [
  'tolerate',
  'invest',
  'migrate',
  'eliminate',
];

export interface GovernmentFunction {
  code: string;
  name: string;
  nameEn: string;
  sharedApplication: { code: string; name: string } | null;
}

export interface ApplicationSummary {
  id: number;
  sourceId: string;
  name: string;
  acronym: string | null;
  description: string | null;
  agencyCode: string;
  agencyName: string;
  unit: string | null;
  status: ApplicationStatus;
  annualCost: number | null;
  clusterId: string | null;
  functionCode: string | null;
  sharedApplication: string | null;
  confidence: number | null;
  decided: boolean;
}

export interface Evidence {
  terms: { term: string; field: string }[];
  neighbours: { applicationId: number; similarity: number; functionCode: string | null }[];
  profileSimilarity: number;
  runnerUp: { functionCode: string; score: number } | null;
  decision: string | null;
}

export interface ApplicationDetail extends ApplicationSummary {
  users: string | null;
  hosting: string | null;
  technology: string | null;
  personalData: boolean | null;
  evidence: Evidence | null;
  decisions: {
    kind: string;
    functionCode: string | null;
    note: string | null;
    decidedBy: string;
    decidedAt: string;
  }[];
  plan: {
    decision: TimeDecision;
    targetSharedApplication: string | null;
    deadline: string | null;
    completedOn: string | null;
    note: string | null;
    updatedBy: string;
    updatedAt: string;
  } | null;
}

export interface ClusterSummary {
  clusterId: string;
  functionCode: string | null;
  functionName: string | null;
  sharedApplication: string | null;
  applications: number;
  agencies: number;
  decided: number;
  meanConfidence: number;
  annualCost: number;
}

export interface ClusteringReport {
  runId: number;
  seconds: number;
  applications: number;
  clusters: number;
  byFunction: number;
  bySimilarity: number;
  decided: number;
}

export interface PlanProgress {
  key: string;
  name: string;
  applications: number;
  remaining: number;
  migrated: number;
  retired: number;
  planned: Record<TimeDecision, number>;
  unplanned: number;
  pending: number;
  overdue: number;
  targetApplications: number;
  annualCost: number;
  costSaved: number;
  costSavedWhenDone: number;
}

export interface ApplicationFilters {
  search?: string;
  function?: string;
  cluster?: string;
  status?: ApplicationStatus;
  agency?: string;
  limit?: number;
  offset?: number;
}

export async function listFunctions(signal?: AbortSignal): Promise<GovernmentFunction[]> {
  return (await request('/api/v1/catalog/functions', { signal })) as GovernmentFunction[];
}

export async function listApplications(
  filters: ApplicationFilters,
  signal?: AbortSignal,
): Promise<Page<ApplicationSummary>> {
  return (await request(`/api/v1/catalog/applications${query({ ...filters })}`, {
    signal,
  })) as Page<ApplicationSummary>;
}

export async function getApplication(id: number, signal?: AbortSignal): Promise<ApplicationDetail> {
  return (await request(`/api/v1/catalog/applications/${id}`, { signal })) as ApplicationDetail;
}

export async function listClusters(signal?: AbortSignal): Promise<ClusterSummary[]> {
  return (await request('/api/v1/catalog/clusters', { signal })) as ClusterSummary[];
}

export async function runClustering(): Promise<ClusteringReport> {
  return (await request('/api/v1/catalog/clusters/run', { method: 'POST' })) as ClusteringReport;
}

export async function decide(decision: {
  applicationIds: number[];
  kind: DecisionKind;
  functionCode?: string;
  note?: string;
}): Promise<ClusteringReport> {
  return (await request('/api/v1/catalog/decisions', {
    method: 'POST',
    json: decision,
  })) as ClusteringReport;
}

export async function planProgress(
  by: 'national' | 'agency' | 'function',
  signal?: AbortSignal,
): Promise<PlanProgress[]> {
  return (await request(`/api/v1/catalog/plan/progress${query({ by })}`, {
    signal,
  })) as PlanProgress[];
}

export async function setPlan(
  id: number,
  entry: {
    decision: TimeDecision;
    targetSharedApplication?: string | null;
    deadline?: string | null;
    completedOn?: string | null;
    note?: string | null;
  },
): Promise<void> {
  await request(`/api/v1/catalog/plan/${id}`, { method: 'PUT', json: entry });
}

export async function draftPlan(deadline?: string): Promise<{ drafted: number }> {
  return (await request('/api/v1/catalog/plan/draft', {
    method: 'POST',
    json: deadline === undefined ? {} : { deadline },
  })) as { drafted: number };
}
