import { navigate, useHash } from './shared/hash';

/** What the vaccination dashboard shows besides its region; unset means the API's default. */
export interface VaccinationFilters {
  asOf?: string;
  vaccine?: string;
}

/**
 * Hash routes: '#/' and '#/wilayah' (explorer), '#/wilayah/<code>' (a region), '#/masuk' (login),
 * '#/vaksinasi' and '#/vaksinasi/<code>' (vaccination dashboard), with '?asOf=…&vaksin=…';
 * '#/katalog' (application inventory), '#/katalog/aplikasi/<id>', '#/katalog/klaster[/<id>]'
 * (cluster review), '#/katalog/rencana' (rationalisation dashboard); '#/pertukaran' (data exchange:
 * service catalog), '#/pertukaran/layanan/<id>', '#/pertukaran/sistem', '#/pertukaran/akses',
 * '#/pertukaran/log', '#/pertukaran/pemantauan'.
 */
export type Route =
  | { page: 'regions'; code: string | null }
  | { page: 'vaccination'; code: string | null; filters: VaccinationFilters }
  | { page: 'login' }
  | { page: 'catalog' }
  | { page: 'application'; id: number }
  | { page: 'clusters'; clusterId: string | null }
  | { page: 'plan' }
  | ExchangeRoute
  | { page: 'queue'; status: string }
  | { page: 'queueItem'; reference: string }
  | { page: 'notFound' };

/** The data exchange's pages: one navigation entry, its own tabs. */
export type ExchangeView = 'services' | 'systems' | 'grants' | 'log' | 'monitoring';
export type ExchangeRoute =
  { page: 'exchange'; view: ExchangeView } | { page: 'exchange'; view: 'service'; id: number };

/** The path segment of each exchange view; the service catalog is '#/pertukaran' itself. */
const EXCHANGE_VIEWS: ReadonlyMap<string, ExchangeView> = new Map([
  ['sistem', 'systems'],
  ['akses', 'grants'],
  ['log', 'log'],
  ['pemantauan', 'monitoring'],
]);

function filtersOf(search: URLSearchParams): VaccinationFilters {
  const filters: VaccinationFilters = {};
  const asOf = search.get('asOf');
  const vaccine = search.get('vaksin');
  if (asOf) filters.asOf = asOf;
  if (vaccine) filters.vaccine = vaccine;
  return filters;
}

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?', 2);
  const parts = path.split('/').filter(Boolean);
  const [first, second, ...rest] = parts;
  if (first === undefined) return { page: 'regions', code: null };
  if ((first === 'wilayah' || first === 'vaksinasi') && rest.length === 0) {
    let code: string | null = null;
    try {
      if (second !== undefined) code = decodeURIComponent(second);
    } catch {
      return { page: 'notFound' };
    }
    if (first === 'wilayah') return { page: 'regions', code };
    return { page: 'vaccination', code, filters: filtersOf(new URLSearchParams(search)) };
  }
  if (first === 'masuk' && second === undefined) return { page: 'login' };
  if (first === 'katalog') {
    if (second === undefined) return { page: 'catalog' };
    if (second === 'aplikasi' && rest.length === 1 && /^[1-9]\d{0,15}$/.test(rest[0] ?? ''))
      return { page: 'application', id: Number(rest[0]) };
    if (second === 'klaster' && rest.length <= 1) {
      try {
        return {
          page: 'clusters',
          clusterId: rest[0] === undefined ? null : decodeURIComponent(rest[0]),
        };
      } catch {
        return { page: 'notFound' };
      }
    }
    if (second === 'rencana' && rest.length === 0) return { page: 'plan' };
  }
  if (first === 'pertukaran') {
    if (second === undefined) return { page: 'exchange', view: 'services' };
    if (second === 'layanan' && rest.length === 1 && /^[1-9]\d{0,9}$/.test(rest[0] ?? ''))
      return { page: 'exchange', view: 'service', id: Number(rest[0]) };
    const view = EXCHANGE_VIEWS.get(second);
    if (view !== undefined && rest.length === 0) return { page: 'exchange', view };
  }
  if (first === 'permohonan' && rest.length === 0) {
    if (second === undefined)
      return { page: 'queue', status: new URLSearchParams(search).get('status') ?? '' };
    try {
      return { page: 'queueItem', reference: decodeURIComponent(second) };
    } catch {
      return { page: 'notFound' };
    }
  }
  return { page: 'notFound' };
}

/** Citizens' applications to the official's agency: '#/permohonan[?status=…]', '#/permohonan/<reference>'. */
export const QUEUE_HASH = '#/permohonan';

export function queueHash(status = ''): string {
  return status ? `${QUEUE_HASH}?status=${encodeURIComponent(status)}` : QUEUE_HASH;
}

export function queueItemHash(reference: string): string {
  return `${QUEUE_HASH}/${encodeURIComponent(reference)}`;
}

export function regionHash(code: string | null): string {
  return code === null ? '#/wilayah' : `#/wilayah/${code}`;
}

export function vaccinationHash(code: string | null, filters: VaccinationFilters = {}): string {
  const search = new URLSearchParams();
  if (filters.asOf) search.set('asOf', filters.asOf);
  if (filters.vaccine) search.set('vaksin', filters.vaccine);
  const query = search.toString();
  return `#/vaksinasi${code ? `/${code}` : ''}${query ? `?${query}` : ''}`;
}

export const LOGIN_HASH = '#/masuk';
export const CATALOG_HASH = '#/katalog';
export const PLAN_HASH = '#/katalog/rencana';

export const EXCHANGE_HASH = '#/pertukaran';

export function exchangeHash(view: ExchangeView): string {
  const segment = [...EXCHANGE_VIEWS].find(([, v]) => v === view)?.[0];
  return segment === undefined ? EXCHANGE_HASH : `${EXCHANGE_HASH}/${segment}`;
}

export function exchangeServiceHash(id: number): string {
  return `${EXCHANGE_HASH}/layanan/${id}`;
}

export function applicationHash(id: number): string {
  return `#/katalog/aplikasi/${id}`;
}

export function clusterHash(clusterId: string | null): string {
  return clusterId === null
    ? '#/katalog/klaster'
    : `#/katalog/klaster/${encodeURIComponent(clusterId)}`;
}

export { navigate };

export function useHashRoute(): Route {
  return parseRoute(useHash());
}
