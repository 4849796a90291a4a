import { isAbortError } from '../shared/abort';
/**
 * The citizens' portal API (/api/v1/identity and /api/v1/portal), per the portal contract.
 * Every write sends the `padu_csrf` cookie back as `X-CSRF-Token` when the cookie exists.
 */

// ---- Types ------------------------------------------------------------------

export interface Citizen {
  nik: string;
  name: string;
  email: string;
}

export interface Totp {
  /** Base32. */
  secret: string;
  /** otpauth://totp/Padu:<nik>?secret=…&issuer=Padu&algorithm=SHA1&digits=6&period=30 */
  otpauthUri: string;
}

/** After the password: a TOTP code is due (or a passkey, when the account has one), or enrolment. */
export type LoginResult = { stage: 'totp'; passkey?: boolean } | { stage: 'enrol'; totp: Totp };

export interface Passkey {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export type Channel = 'online' | 'counter' | 'app';
export type DeliveredBy = 'national' | 'province' | 'regency';

export interface ServiceSummary {
  slug: string;
  name: string;
  nameEn: string;
  summary: string;
  summaryEn: string;
  category: string;
  lifeEvents: string[];
  provider: { agencyCode: string; agencyName: string; unit: string | null };
  deliveredBy: DeliveredBy;
  handlingUnit: string | null;
  /** Rupiah; 0 is free; null is set case by case (the note says how). */
  cost: { amount: number | null; note: string | null };
  slaDays: number | null;
  channels: Channel[];
  officialChannel: string | null;
}

/** The subset of JSON Schema the portal's application forms use. */
export interface FormProperty {
  type?: 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object';
  title?: string;
  'x-title-en'?: string;
  description?: string;
  enum?: (string | number)[];
  'x-enum-labels'?: unknown;
  'x-enum-labels-en'?: unknown;
  format?: string;
  'x-widget'?: string;
  maxLength?: number;
  minLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: FormProperty;
  properties?: Record<string, FormProperty>;
  required?: string[];
}

/** A form: an object schema whose properties are its fields. */
export type FormSchema = FormProperty;

export interface PrefillField {
  field: string;
  label: string;
  labelEn: string;
}

export interface ServiceDetail extends ServiceSummary {
  description: string;
  requirements: string[];
  legalBasis: string | null;
  form: FormSchema;
  prefill: (PrefillField & { source: string })[];
}

export interface Category {
  code: string;
  name: string;
  nameEn: string;
  count: number;
}

export interface Categories {
  categories: Category[];
  lifeEvents: Category[];
}

export interface Recipient {
  agencyCode: string;
  agencyName: string;
  unit: string | null;
}

export interface PrefillOffer {
  recipient: Recipient;
  source: string;
  fields: PrefillField[];
}

export interface Consent {
  consentId: number;
  recipient: Recipient;
  values: Record<string, unknown>;
}

export const STATUSES = [
  'submitted',
  'verified',
  'in_process',
  'needs_correction',
  'completed',
  'rejected',
] as const;
export type ApplicationStatus = (typeof STATUSES)[number];

export interface ApplicationSummary {
  reference: string;
  service: { slug: string; name: string; nameEn: string };
  agency: { code: string; name: string };
  status: ApplicationStatus;
  submittedAt: string;
  updatedAt: string;
}

export interface TimelineEntry {
  status: ApplicationStatus;
  note: string | null;
  at: string;
  by: 'citizen' | 'operator';
}

export interface Application extends ApplicationSummary {
  data: Record<string, unknown>;
  timeline: TimelineEntry[];
  prefilledFields: string[];
}

export interface Notification {
  id: number;
  message: string;
  messageEn: string;
  reference: string | null;
  at: string;
  read: boolean;
}

export interface Notifications {
  items: Notification[];
  unread: number;
}

export interface InclusionProof {
  leafIndex: number;
  treeSize: number;
  /** Base64. */
  leafHash: string;
  /** Base64 hashes, leaf to root. */
  auditPath: string[];
  /** Base64. */
  rootHash: string;
  /** The signed note (checkpoint) text the root comes from. */
  checkpoint: string;
}

export interface DataAccess {
  requestId: string;
  at: string;
  consumer: { agencyCode: string; agencyName: string; system: string };
  provider: { agencyCode: string; agencyName: string; system: string; service: string };
  purpose: string | null;
  status: number;
  proof: InclusionProof;
}

// ---- Transport --------------------------------------------------------------

export interface ErrorDetail {
  field: string;
  message: string;
}

/** An API failure. `fromServer`: `message` came from an {"error":{…}} body. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fromServer: boolean;
  readonly details: ErrorDetail[];
  /** Seconds, from a 429's Retry-After header. */
  readonly retryAfter: number | null;

  constructor(
    status: number,
    code: string,
    message: string,
    fromServer: boolean,
    details: ErrorDetail[] = [],
    retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fromServer = fromServer;
    this.details = details;
    this.retryAfter = retryAfter;
  }
}

export const NETWORK_ERROR = 'NETWORK_ERROR';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The value of the readable CSRF cookie, if any. */
export function csrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === 'padu_csrf') {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return value.join('=');
      }
    }
  }
  return null;
}

let onUnauthenticated: (() => void) | null = null;

/** Called when a signed-in call answers 401 UNAUTHENTICATED (the session ended). */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

function detailsOf(value: unknown): ErrorDetail[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (d): d is ErrorDetail =>
      isRecord(d) && typeof d.field === 'string' && typeof d.message === 'string',
  );
}

interface Options {
  method?: 'GET' | 'POST' | 'DELETE';
  json?: unknown;
  signal?: AbortSignal | undefined;
}

async function request(path: string, options: Options = {}): Promise<unknown> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json' };
  const init: RequestInit = { method, credentials: 'same-origin', headers };
  if (method !== 'GET') {
    const token = csrfToken();
    if (token !== null) headers['x-csrf-token'] = token;
  }
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
  let body: unknown;
  if (response.status !== 204) {
    const text = await response.text();
    try {
      body = text === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      body = undefined;
    }
  }
  if (!response.ok) {
    const retry = Number(response.headers.get('retry-after'));
    const retryAfter = Number.isFinite(retry) && retry > 0 ? retry : null;
    const error =
      isRecord(body) &&
      isRecord(body.error) &&
      typeof body.error.code === 'string' &&
      typeof body.error.message === 'string'
        ? new ApiError(
            response.status,
            body.error.code,
            body.error.message,
            true,
            detailsOf(body.error.details),
            retryAfter,
          )
        : new ApiError(
            response.status,
            'HTTP_ERROR',
            `HTTP ${response.status}`,
            false,
            [],
            retryAfter,
          );
    if (response.status === 401 && error.code === 'UNAUTHENTICATED') onUnauthenticated?.();
    throw error;
  }
  return body;
}

const IDENTITY = '/api/v1/identity';
const PORTAL = '/api/v1/portal';

function seg(value: string): string {
  return encodeURIComponent(value);
}

// ---- Identity -----------------------------------------------------------------

export interface Registration {
  nik: string;
  name: string;
  birthDate: string;
  email: string;
  password: string;
}

export async function register(registration: Registration): Promise<Totp> {
  const body = (await request(`${IDENTITY}/register`, { method: 'POST', json: registration })) as {
    totp: Totp;
  };
  return body.totp;
}

export async function confirmTotp(code: string): Promise<Citizen> {
  const body = (await request(`${IDENTITY}/totp/confirm`, { method: 'POST', json: { code } })) as {
    citizen: Citizen;
  };
  return body.citizen;
}

export async function login(nik: string, password: string): Promise<LoginResult> {
  return (await request(`${IDENTITY}/login`, {
    method: 'POST',
    json: { nik, password },
  })) as LoginResult;
}

export async function loginTotp(code: string): Promise<Citizen> {
  const body = (await request(`${IDENTITY}/login/totp`, { method: 'POST', json: { code } })) as {
    citizen: Citizen;
  };
  return body.citizen;
}

/** WebAuthn request options for signing in with a passkey instead of a code. */
export async function passkeyLoginOptions(): Promise<Record<string, unknown>> {
  return (await request(`${IDENTITY}/login/passkey/options`, { method: 'POST' })) as Record<
    string,
    unknown
  >;
}

export async function loginPasskey(response: unknown): Promise<Citizen> {
  const body = (await request(`${IDENTITY}/login/passkey`, {
    method: 'POST',
    json: { response },
  })) as { citizen: Citizen };
  return body.citizen;
}

export async function fetchPasskeys(signal?: AbortSignal): Promise<Passkey[]> {
  return ((await request(`${IDENTITY}/passkeys`, { signal })) as { items: Passkey[] }).items;
}

export async function passkeyRegistrationOptions(): Promise<Record<string, unknown>> {
  return (await request(`${IDENTITY}/passkeys/options`, { method: 'POST' })) as Record<
    string,
    unknown
  >;
}

export async function addPasskey(name: string, response: unknown): Promise<Passkey> {
  return (await request(`${IDENTITY}/passkeys`, {
    method: 'POST',
    json: { name, response },
  })) as Passkey;
}

export async function deletePasskey(id: string): Promise<void> {
  await request(`${IDENTITY}/passkeys/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** The signed-in citizen, or null (401: not signed in, or sign-in not finished). */
export async function fetchMe(signal?: AbortSignal): Promise<Citizen | null> {
  try {
    const body = (await request(`${IDENTITY}/me`, { signal })) as { citizen: Citizen };
    return body.citizen;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function logout(): Promise<void> {
  await request(`${IDENTITY}/logout`, { method: 'POST' });
}

export async function requestPasswordReset(nik: string): Promise<void> {
  await request(`${IDENTITY}/password-reset`, { method: 'POST', json: { nik } });
}

export async function confirmPasswordReset(token: string, password: string): Promise<void> {
  await request(`${IDENTITY}/password-reset/confirm`, {
    method: 'POST',
    json: { token, password },
  });
}

// ---- Services -----------------------------------------------------------------

export interface ServiceQuery {
  search?: string;
  category?: string;
  lifeEvent?: string;
}

export async function listServices(
  params: ServiceQuery,
  signal?: AbortSignal,
): Promise<{ items: ServiceSummary[]; total: number }> {
  const search = new URLSearchParams();
  if (params.search) search.set('search', params.search);
  if (params.category) search.set('category', params.category);
  if (params.lifeEvent) search.set('lifeEvent', params.lifeEvent);
  const text = search.toString();
  return (await request(`${PORTAL}/services${text ? `?${text}` : ''}`, { signal })) as {
    items: ServiceSummary[];
    total: number;
  };
}

export async function getCategories(signal?: AbortSignal): Promise<Categories> {
  return (await request(`${PORTAL}/categories`, { signal })) as Categories;
}

export async function getService(slug: string, signal?: AbortSignal): Promise<ServiceDetail> {
  return (await request(`${PORTAL}/services/${seg(slug)}`, { signal })) as ServiceDetail;
}

export async function getPrefillOffer(slug: string, signal?: AbortSignal): Promise<PrefillOffer> {
  return (await request(`${PORTAL}/services/${seg(slug)}/prefill`, { signal })) as PrefillOffer;
}

export async function giveConsent(slug: string, fields: string[]): Promise<Consent> {
  return (await request(`${PORTAL}/services/${seg(slug)}/consent`, {
    method: 'POST',
    json: { fields },
  })) as Consent;
}

// ---- Applications ---------------------------------------------------------------

export async function submitApplication(
  service: string,
  data: Record<string, unknown>,
  consentId: number | null,
): Promise<Application> {
  const json: Record<string, unknown> = { service, data };
  if (consentId !== null) json.consentId = consentId;
  return (await request(`${PORTAL}/applications`, { method: 'POST', json })) as Application;
}

export async function listApplications(signal?: AbortSignal): Promise<ApplicationSummary[]> {
  const body = (await request(`${PORTAL}/applications`, { signal })) as {
    items: ApplicationSummary[];
  };
  return body.items;
}

export async function getApplication(
  reference: string,
  signal?: AbortSignal,
): Promise<Application> {
  return (await request(`${PORTAL}/applications/${seg(reference)}`, { signal })) as Application;
}

export async function resubmitApplication(
  reference: string,
  data: Record<string, unknown>,
): Promise<Application> {
  return (await request(`${PORTAL}/applications/${seg(reference)}/resubmit`, {
    method: 'POST',
    json: { data },
  })) as Application;
}

// ---- Notifications and data access ----------------------------------------------

export async function getNotifications(signal?: AbortSignal): Promise<Notifications> {
  return (await request(`${PORTAL}/notifications`, { signal })) as Notifications;
}

export async function markNotificationsRead(ids: number[]): Promise<void> {
  await request(`${PORTAL}/notifications/read`, { method: 'POST', json: { ids } });
}

export async function getDataAccess(signal?: AbortSignal): Promise<DataAccess[]> {
  const body = (await request(`${PORTAL}/data-access`, { signal })) as { items: DataAccess[] };
  return body.items;
}

export { isAbortError };
