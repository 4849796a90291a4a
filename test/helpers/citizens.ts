import { formatNik, type Sex } from '../../src/population/nik.ts';
import type { Services } from '../../src/app.ts';
import { totpCode } from '../../src/identity/totp.ts';

/** A person in the population register, for registration and prefill tests. */
export interface TestPerson {
  readonly nik: string;
  readonly name: string;
  readonly sex: Sex;
  readonly birthDate: string;
  readonly villageCode: string;
  readonly familyCardNumber: string;
  readonly motherName: string;
}

export const SLEMAN_VILLAGE = '34.04.07.2001';

export function testPerson(
  serial: number,
  overrides: Partial<Omit<TestPerson, 'nik'>> = {},
): TestPerson {
  const sex = overrides.sex ?? (serial % 2 === 0 ? 'P' : 'L');
  const birthDate = overrides.birthDate ?? '1990-07-01';
  return {
    nik: formatNik({ districtCode: '34.04.07', sex, birthDate, serial }),
    name: `WARGA UJI ${serial}`,
    sex,
    birthDate,
    villageCode: SLEMAN_VILLAGE,
    familyCardNumber: `340407010190${String(serial).padStart(4, '0')}`,
    motherName: `IBU UJI ${serial}`,
    ...overrides,
  };
}

/** Writes people into the register through the population module, as an agency system would. */
export async function addToRegister(
  services: Services,
  people: readonly TestPerson[],
): Promise<void> {
  const result = await services.population.submitPeople(
    people.map((p) => ({
      nik: p.nik,
      name: p.name,
      sex: p.sex,
      birth_date: p.birthDate,
      village_code: p.villageCode,
      family_card_number: p.familyCardNumber,
      mother_name: p.motherName,
    })),
    'test',
  );
  const rejected = result.results.filter((r) => r.status === 'rejected');
  if (rejected.length > 0) throw new Error(`register refused: ${JSON.stringify(rejected)}`);
}

/** What tests read from Padu's JSON answers: the error shape, or the route's fields (typed by the caller). */
export interface ApiBody {
  error: {
    code: string;
    message: string;
    details: { field: string; message: string }[];
    requestId: string;
  };
  [field: string]: unknown;
}

export interface ApiAnswer<T> {
  status: number;
  headers: Headers;
  body: T & ApiBody;
}

/** A browser-like cookie jar over fetch: keeps Set-Cookie values and sends the CSRF header. */
export class CitizenClient {
  readonly cookies = new Map<string, string>();
  constructor(readonly baseUrl: string) {}

  /** fetch with this jar's cookies (any origin path or absolute URL); keeps what the answer sets. */
  async fetch(target: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0)
      headers.set(
        'cookie',
        [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; '),
      );
    const response = await fetch(target.startsWith('http') ? target : `${this.baseUrl}${target}`, {
      ...init,
      headers,
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...value] = pair!.split('=');
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value.join('=') === '') this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), decodeURIComponent(value.join('=')));
    }
    return response;
  }

  /** A JSON API call, with the CSRF header on writes as the portal sends it. */
  async request<T = ApiBody>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer<T>> {
    const csrf = this.cookies.get('padu_csrf');
    const response = await this.fetch(path, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(csrf !== undefined && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text === '' ? {} : JSON.parse(text)) as T & ApiBody,
    };
  }

  /** Registers the person and confirms the authenticator; returns the TOTP secret. */
  async register(person: TestPerson, password = 'kata-sandi-rahasia'): Promise<string> {
    const registered = await this.request<{ totp: { secret: string } }>(
      'POST',
      '/api/v1/identity/register',
      {
        nik: person.nik,
        name: person.name,
        birthDate: person.birthDate,
        email: `${person.nik}@warga.example.id`,
        password,
      },
    );
    if (registered.status !== 201)
      throw new Error(`register: ${registered.status} ${JSON.stringify(registered.body)}`);
    const secret = registered.body.totp.secret;
    const confirmed = await this.request('POST', '/api/v1/identity/totp/confirm', {
      code: totpCode(secret),
    });
    if (confirmed.status !== 200)
      throw new Error(`confirm: ${confirmed.status} ${JSON.stringify(confirmed.body)}`);
    return secret;
  }
}
