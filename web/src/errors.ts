import { ApiError, NETWORK_ERROR } from './api';
import type { Translate } from './i18n';

/** A message for the user: the server's own message when it sent one, else a translated one. */
export function errorMessage(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.fromServer) return error.message;
    if (error.code === NETWORK_ERROR) return t('error.network');
    return t('error.http', { status: error.status });
  }
  return error instanceof Error ? error.message : String(error);
}
