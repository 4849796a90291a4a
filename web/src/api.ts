import { isAbortError } from './shared/abort';
/** Small typed helpers over fetch for Padu's JSON API (/api/v1). */

export type Role = 'platform_admin' | 'agency_operator';

export interface User {
  username: string;
  role: Role;
  agencyCode: string | null;
}

/** 1 province, 2 regency/city, 3 district, 4 village. */
export type RegionLevel = 1 | 2 | 3 | 4;

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
}

export interface RegionAncestor {
  code: string;
  name: string;
  level: RegionLevel;
}

export interface RegionDetail extends Region {
  /** From the province down to the parent. */
  ancestors: RegionAncestor[];
  childCount: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** An API failure. `fromServer` tells whether `message` came from an {"error":{…}} body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fromServer: boolean;

  constructor(status: number, code: string, message: string, fromServer: boolean) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fromServer = fromServer;
  }
}

export const NETWORK_ERROR = 'network_error';

interface ErrorBody {
  error: { code: string; message: string };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (!isRecord(value) || !isRecord(value.error)) return false;
  return typeof value.error.code === 'string' && typeof value.error.message === 'string';
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT';
  /** Sent as a JSON body (with content-type); omitted: no body and no content-type. */
  json?: unknown;
  signal?: AbortSignal;
}

export async function request(path: string, options: RequestOptions = {}): Promise<unknown> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = {
    method: options.method ?? 'GET',
    credentials: 'same-origin',
    headers,
  };
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(options.json);
  }
  if (options.signal) init.signal = options.signal;

  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(0, NETWORK_ERROR, 'Network error', false);
  }
  const body = response.status === 204 ? undefined : await readJson(response);
  if (!response.ok) {
    if (isErrorBody(body)) {
      throw new ApiError(response.status, body.error.code, body.error.message, true);
    }
    throw new ApiError(response.status, 'http_error', `HTTP ${response.status}`, false);
  }
  return body;
}

export function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined) search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

function regionPath(code: string): string {
  return `/api/v1/regions/${encodeURIComponent(code)}`;
}

// ---- Auth -----------------------------------------------------------------

function userOf(body: unknown): User {
  if (isRecord(body) && isRecord(body.user)) return body.user as unknown as User;
  throw new ApiError(200, 'bad_response', 'Unexpected response from the server', false);
}

export async function login(username: string, password: string): Promise<User> {
  return userOf(
    await request('/api/v1/auth/login', { method: 'POST', json: { username, password } }),
  );
}

/** The signed-in user, or null when not signed in (401). */
export async function fetchMe(signal?: AbortSignal): Promise<User | null> {
  try {
    return userOf(await request('/api/v1/auth/me', { signal }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function logout(): Promise<void> {
  await request('/api/v1/auth/logout', { method: 'POST' });
}

// ---- Regions --------------------------------------------------------------

export interface RegionListParams {
  level?: RegionLevel;
  parent?: string;
  search?: string;
  limit?: number;
  offset?: number;
}

export async function listRegions(
  params: RegionListParams,
  signal?: AbortSignal,
): Promise<Page<Region>> {
  return (await request(`/api/v1/regions${query({ ...params })}`, { signal })) as Page<Region>;
}

export async function getRegion(code: string, signal?: AbortSignal): Promise<RegionDetail> {
  return (await request(regionPath(code), { signal })) as RegionDetail;
}

export async function getRegionChildren(
  code: string,
  params: { limit?: number; offset?: number },
  signal?: AbortSignal,
): Promise<Page<Region>> {
  return (await request(`${regionPath(code)}/children${query(params)}`, {
    signal,
  })) as Page<Region>;
}

// ---- Statistics -----------------------------------------------------------

/** A place in the statistics: level 0 is Indonesia (code ''). */
export interface StatsRegion {
  code: string;
  name: string;
  level: 0 | RegionLevel;
}

export interface RegionChildrenStats {
  region: StatsRegion;
  population: number;
  childrenUnder12: number;
  /** With dose 1 of the vaccine. */
  childrenUnder12Vaccinated: number;
  /** With dose 2 of the vaccine. */
  childrenUnder12FullyVaccinated: number;
  /** Vaccinated / children under 12, 0..1; null where there are no children. */
  coverage: number | null;
}

export interface ChildrenStats extends RegionChildrenStats {
  asOf: string;
  vaccine: string;
  /** Every region one level below. */
  children: RegionChildrenStats[];
}

export interface ChildrenStatsParams {
  /** Omitted: Indonesia. */
  region?: string;
  asOf?: string;
  vaccine?: string;
}

export async function getChildrenStats(
  params: ChildrenStatsParams,
  signal?: AbortSignal,
): Promise<ChildrenStats> {
  return (await request(`/api/v1/stats/children${query({ ...params })}`, {
    signal,
  })) as ChildrenStats;
}

/** Where the CSV of every region of a level is downloaded. */
export function childrenStatsExportUrl(
  params: { level: RegionLevel } & Omit<ChildrenStatsParams, 'region'>,
): string {
  return `/api/v1/stats/children/export${query({ ...params })}`;
}

/** A static JSON file of the web app (e.g. a map). */
export async function getStaticJson(path: string, signal?: AbortSignal): Promise<unknown> {
  return request(path, { signal });
}

export { isAbortError };
