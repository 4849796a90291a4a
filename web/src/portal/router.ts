import { navigate, useHash } from '../shared/hash';

/**
 * The portal's hash routes:
 * '#/' (home, with '?q=…&kategori=…&peristiwa=…'), '#/layanan/<slug>', '#/layanan/<slug>/ajukan',
 * '#/daftar', '#/masuk' (with '?kembali=<hash>'), '#/lupa-sandi', '#/atur-ulang-sandi?token=…',
 * '#/permohonan', '#/permohonan/<reference>', '#/notifikasi', '#/akses-data'.
 */
export type Route =
  | { page: 'home'; search: string; category: string; lifeEvent: string }
  | { page: 'service'; slug: string }
  | { page: 'apply'; slug: string }
  | { page: 'register'; back: string | null }
  | { page: 'login'; back: string | null }
  | { page: 'forgotPassword' }
  | { page: 'resetPassword'; token: string | null }
  | { page: 'applications' }
  | { page: 'application'; reference: string }
  | { page: 'notifications' }
  | { page: 'dataAccess' }
  | { page: 'account' }
  | { page: 'notFound' };

export type Page = Route['page'];

/** Only in-app hashes are followed after signing in. */
/**
 * Where to go after signing in: a portal page ('#/…'), or Padu's own OpenID Connect sign-in page
 * that sent the citizen here ('/oidc/interaction/<uid>'); nothing else, so no open redirect.
 */
function safeBack(value: string | null): string | null {
  if (value === null) return null;
  return value.startsWith('#/') || /^\/oidc\/interaction\/[A-Za-z0-9_-]+$/.test(value)
    ? value
    : null;
}

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#/, '');
  const at = text.indexOf('?');
  const path = at === -1 ? text : text.slice(0, at);
  const params = new URLSearchParams(at === -1 ? '' : text.slice(at + 1));
  let parts: string[];
  try {
    parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { page: 'notFound' };
  }
  const [first, second, third, ...rest] = parts;
  if (rest.length > 0) return { page: 'notFound' };
  if (first === undefined)
    return {
      page: 'home',
      search: params.get('q') ?? '',
      category: params.get('kategori') ?? '',
      lifeEvent: params.get('peristiwa') ?? '',
    };
  if (first === 'layanan' && second !== undefined) {
    if (third === undefined) return { page: 'service', slug: second };
    if (third === 'ajukan') return { page: 'apply', slug: second };
    return { page: 'notFound' };
  }
  if (second !== undefined && first !== 'permohonan') return { page: 'notFound' };
  switch (first) {
    case 'layanan':
      return { page: 'home', search: '', category: '', lifeEvent: '' };
    case 'daftar':
      return { page: 'register', back: safeBack(params.get('kembali')) };
    case 'masuk':
      return { page: 'login', back: safeBack(params.get('kembali')) };
    case 'lupa-sandi':
      return { page: 'forgotPassword' };
    case 'atur-ulang-sandi':
      return { page: 'resetPassword', token: params.get('token') };
    case 'permohonan':
      if (third !== undefined) return { page: 'notFound' };
      return second === undefined
        ? { page: 'applications' }
        : { page: 'application', reference: second };
    case 'notifikasi':
      return { page: 'notifications' };
    case 'akses-data':
      return { page: 'dataAccess' };
    case 'akun':
      return { page: 'account' };
    default:
      return { page: 'notFound' };
  }
}

export const HOME_HASH = '#/';
export const REGISTER_HASH = '#/daftar';
export const FORGOT_HASH = '#/lupa-sandi';
export const APPLICATIONS_HASH = '#/permohonan';
export const NOTIFICATIONS_HASH = '#/notifikasi';
export const DATA_ACCESS_HASH = '#/akses-data';
export const ACCOUNT_HASH = '#/akun';

export function homeHash(filters: { search?: string; category?: string; lifeEvent?: string }) {
  const params = new URLSearchParams();
  if (filters.search) params.set('q', filters.search);
  if (filters.category) params.set('kategori', filters.category);
  if (filters.lifeEvent) params.set('peristiwa', filters.lifeEvent);
  const text = params.toString();
  return text ? `#/?${text}` : HOME_HASH;
}

export function serviceHash(slug: string): string {
  return `#/layanan/${encodeURIComponent(slug)}`;
}

export function applyHash(slug: string): string {
  return `${serviceHash(slug)}/ajukan`;
}

export function applicationHash(reference: string): string {
  return `${APPLICATIONS_HASH}/${encodeURIComponent(reference)}`;
}

/** The login page; `back`: where to go once signed in. */
export function loginHash(back?: string | null): string {
  return back ? `#/masuk?kembali=${encodeURIComponent(back)}` : '#/masuk';
}

export function registerHash(back?: string | null): string {
  return back ? `${REGISTER_HASH}?kembali=${encodeURIComponent(back)}` : REGISTER_HASH;
}

export { navigate, useHash };
