import { navigate } from '../router';
import { ApiError } from '../api';

/** Server validation details by field name: '/nik', '/body/nik' and 'nik' all name 'nik'. */
export function detailsByField(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(error instanceof ApiError)) return out;
  for (const { field, message } of error.details) {
    const name = field.replace(/^\/?(body\/)?/, '').split('/')[0] ?? '';
    if (name) out[name] = out[name] ? `${out[name]} ${message}` : message;
  }
  return out;
}

export const NIK_PATTERN = /^\d{16}$/;
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MIN_PASSWORD = 10;

/** Where to go once signed in: back where the citizen came from, else their applications. */
export function afterSignIn(back: string | null): string {
  return back ?? '#/permohonan';
}

/** Goes where the citizen was sent from: a portal page, or back to an application's sign-in. */
export function continueAfterSignIn(back: string | null): void {
  const target = afterSignIn(back);
  if (target.startsWith('/oidc/')) window.location.assign(target);
  else navigate(target);
}
