/**
 * The data exchange's API (/api/v1/exchange): service catalog, systems and credentials, access
 * requests and grants, the exchange log with its proofs, and monitoring.
 */
import { ApiError, isAbortError, NETWORK_ERROR, query, request } from './api';

export interface ExchangeOperation {
  method: string;
  path: string;
  summary: string | null;
}

export interface ExchangeService {
  id: number;
  name: string;
  description: string | null;
  version: string | null;
  status: string;
  agencyCode: string;
  system: { id: number; name: string; slug: string };
  /** The gateway path prefix: /x/{agency}/{system}/{service} */
  path: string;
  /** Calls must send X-Padu-Subject (a NIK) and X-Padu-Purpose. */
  personalData: boolean;
  operations: ExchangeOperation[];
}

export interface ExchangeSystem {
  id: number;
  agencyCode: string;
  name: string;
  slug: string;
  clientId: string;
  applicationId: number | null;
}

export type GrantStatus = 'requested' | 'granted' | 'refused' | 'revoked';

export interface Grant {
  id: number;
  serviceId: number;
  serviceName: string;
  providerAgency: string;
  consumerSystemId: number;
  consumerName: string;
  consumerAgency: string;
  status: GrantStatus;
  methods: string[] | null;
  pathPrefixes: string[] | null;
  rateLimit: number;
  expiresAt: string | null;
}

export interface GrantTerms {
  methods?: string[];
  pathPrefixes?: string[];
  rateLimit?: number;
  expiresAt?: string;
}

/** One exchange as the gateway logged it. */
export interface LogEntry {
  requestId: string;
  timeIn: string;
  timeOut: string;
  consumerAgency: string;
  consumerSystem: string;
  consumerSystemId: number;
  providerAgency: string;
  providerSystem: string;
  service: string;
  serviceId: number;
  method: string;
  path: string;
  status: number;
  latencyMs: number;
  requestBytes: number;
  responseBytes: number;
  requestSha256: string;
  responseSha256: string;
  purpose: string | null;
  subject: string | null;
}

export interface LogRecord {
  leafIndex: number;
  requestId: string;
  loggedAt: string;
  entry: LogEntry;
}

export interface LogPage {
  entries: LogRecord[];
  /** `before` of the next, older page; null on the last. */
  next: number | null;
}

export type StatusClass = '2xx' | '3xx' | '4xx' | '5xx';
export const STATUS_CLASSES: readonly StatusClass[] = ['2xx', '3xx', '4xx', '5xx'];

export interface LogFilters {
  serviceId?: number;
  consumerSystemId?: number;
  status?: StatusClass;
  subject?: string;
  before?: number;
  limit?: number;
}

export interface ExchangeStats {
  service: string;
  consumer: string;
  calls: number;
  clientErrors: number;
  serverErrors: number;
  errorRate: number;
  latencyMs: { p50: number | null; p95: number | null; p99: number | null };
}

export interface TrafficSecond {
  at: string;
  calls: number;
  clientErrors: number;
  serverErrors: number;
}

const BASE = '/api/v1/exchange';

export async function listServices(
  search: string | undefined,
  signal?: AbortSignal,
): Promise<ExchangeService[]> {
  return (await request(`${BASE}/services${query({ search })}`, { signal })) as ExchangeService[];
}

export async function getService(id: number, signal?: AbortSignal): Promise<ExchangeService> {
  return (await request(`${BASE}/services/${id}`, { signal })) as ExchangeService;
}

/** A catalog application's exchange systems, each with the services it publishes. */
export interface ApplicationExchange {
  id: number;
  name: string;
  agencyCode: string;
  slug: string;
  services: ExchangeService[];
}

export async function applicationExchange(
  applicationId: number,
  signal?: AbortSignal,
): Promise<ApplicationExchange[]> {
  return (await request(`${BASE}/applications/${applicationId}`, {
    signal,
  })) as ApplicationExchange[];
}

export async function listSystems(signal?: AbortSignal): Promise<ExchangeSystem[]> {
  return (await request(`${BASE}/systems`, { signal })) as ExchangeSystem[];
}

/** Registers a system; the answer holds its client secret, which is shown only this once. */
export async function registerSystem(system: {
  name: string;
  agencyCode?: string;
}): Promise<{ id: number; clientId: string; clientSecret: string }> {
  return (await request(`${BASE}/systems`, { method: 'POST', json: system })) as {
    id: number;
    clientId: string;
    clientSecret: string;
  };
}

/** A new client secret; the previous one keeps working for 24 hours. */
export async function rotateSecret(systemId: number): Promise<string> {
  const body = (await request(`${BASE}/systems/${systemId}/secrets`, { method: 'POST' })) as {
    clientSecret: string;
  };
  return body.clientSecret;
}

export async function listGrants(signal?: AbortSignal): Promise<Grant[]> {
  return (await request(`${BASE}/grants`, { signal })) as Grant[];
}

export async function requestAccess(
  serviceId: number,
  consumerSystemId: number,
): Promise<{ id: number; status: GrantStatus }> {
  return (await request(`${BASE}/grants`, {
    method: 'POST',
    json: { serviceId, consumerSystemId },
  })) as { id: number; status: GrantStatus };
}

export async function decideGrant(
  id: number,
  decision: 'granted' | 'refused',
  terms: GrantTerms = {},
): Promise<void> {
  await request(`${BASE}/grants/${id}/decision`, {
    method: 'POST',
    json: { decision, ...terms },
  });
}

export async function revokeGrant(id: number): Promise<void> {
  await request(`${BASE}/grants/${id}/revoke`, { method: 'POST', json: {} });
}

export async function listLog(filters: LogFilters, signal?: AbortSignal): Promise<LogPage> {
  return (await request(`${BASE}/log${query({ ...filters })}`, { signal })) as LogPage;
}

export async function getStats(since: string, signal?: AbortSignal): Promise<ExchangeStats[]> {
  return (await request(`${BASE}/stats${query({ since })}`, { signal })) as ExchangeStats[];
}

export async function getTraffic(minutes: number, signal?: AbortSignal): Promise<TrafficSecond[]> {
  const body = (await request(`${BASE}/traffic${query({ minutes })}`, { signal })) as {
    seconds: TrafficSecond[];
  };
  return body.seconds;
}

/** A text/plain answer (the checkpoint, the verifier key), with the API's errors. */
async function requestText(path: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(path, { credentials: 'same-origin', headers: { accept: 'text/plain' } });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(0, NETWORK_ERROR, 'Network error', false);
  }
  const text = await response.text();
  if (!response.ok)
    throw new ApiError(response.status, 'http_error', `HTTP ${response.status}`, false);
  return text;
}

/** The parts of a C2SP checkpoint's body: origin, tree size, base64 root hash. */
export function parseCheckpoint(note: string): {
  origin: string;
  treeSize: number;
  rootHash: string;
} {
  const [origin = '', size = '', rootHash = ''] = note.split('\n');
  const treeSize = Number(size);
  if (!/^\d+$/.test(size) || !Number.isSafeInteger(treeSize))
    throw new Error(`not a checkpoint: its second line "${size}" is not a tree size`);
  return { origin, treeSize, rootHash };
}

/** The entry's log position is not yet covered by a signed checkpoint. */
export class NotYetCheckpointedError extends Error {
  constructor(
    readonly leafIndex: number,
    readonly treeSize: number,
  ) {
    super(`entry ${leafIndex} is not yet in the latest checkpoint (tree size ${treeSize})`);
    this.name = 'NotYetCheckpointedError';
  }
}

/**
 * Everything needed to check, with standard code and nothing of Padu's, that an exchange is in the
 * log: the entry's exact bytes, its RFC 6962 inclusion proof in the tree of the latest signed
 * checkpoint, that checkpoint (a C2SP signed note) and the key that verifies it.
 */
export interface ProofBundle {
  format: 'padu-exchange-inclusion-proof/1';
  howToVerify: string[];
  requestId: string;
  leafIndex: number;
  entry: Record<string, unknown>;
  /** Base64 of the exact bytes hashed as the leaf. */
  leaf: string;
  inclusionProof: { leafIndex: number; treeSize: number; hashes: string[] };
  checkpoint: string;
  verifierKey: string;
}

export async function proofBundle(requestId: string): Promise<ProofBundle> {
  const record = (await request(`${BASE}/log/${encodeURIComponent(requestId)}`)) as {
    leafIndex: number;
    entry: Record<string, unknown>;
    leaf: string;
  };
  const [checkpoint, verifierKey] = await Promise.all([
    requestText(`${BASE}/checkpoint`),
    requestText(`${BASE}/verifier-key`),
  ]);
  const { treeSize } = parseCheckpoint(checkpoint);
  if (record.leafIndex >= treeSize) throw new NotYetCheckpointedError(record.leafIndex, treeSize);
  const inclusionProof = (await request(
    `${BASE}/proof/inclusion${query({ leafIndex: record.leafIndex, treeSize })}`,
  )) as { leafIndex: number; treeSize: number; hashes: string[] };
  return {
    format: 'padu-exchange-inclusion-proof/1',
    howToVerify: [
      'leaf hash = SHA-256(0x00 || base64-decoded "leaf")',
      'fold "inclusionProof.hashes" into the root as in RFC 9162 section 2.1.3.2 (node = SHA-256(0x01 || left || right))',
      'the root must equal the base64 root hash on the third line of "checkpoint"',
      'the checkpoint is a C2SP signed note; "verifierKey" (name+keyhash+base64(0x01 || Ed25519 key)) verifies its signature',
    ],
    requestId,
    leafIndex: record.leafIndex,
    entry: record.entry,
    leaf: record.leaf,
    inclusionProof,
    checkpoint,
    verifierKey: verifierKey.trim(),
  };
}
