import { ApiError, NETWORK_ERROR } from './api';
import { isMessageKey, type Translate } from './i18n';

export interface ErrorText {
  /** In the reader's language: a lead for a known error code, else ''. */
  lead: string;
  /** The server's own (English) message, or a translated one when the server sent none. */
  message: string;
  /** Whether `message` is the server's English text. */
  english: boolean;
  /** "Try again in 30 seconds." for a 429 with Retry-After. */
  retry: string;
}

/** What to tell the user about a failure: the server's message, led by a translated summary. */
export function describeError(t: Translate, error: unknown): ErrorText {
  if (error instanceof ApiError) {
    const retry = error.retryAfter !== null ? t('error.retryAfter', { n: error.retryAfter }) : '';
    if (error.fromServer) {
      const key = `error.code.${error.code}`;
      const lead = isMessageKey(key) ? t(key) : '';
      return { lead, message: error.message, english: true, retry };
    }
    if (error.code === NETWORK_ERROR)
      return { lead: '', message: t('error.network'), english: false, retry };
    return { lead: '', message: t('error.http', { status: error.status }), english: false, retry };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { lead: '', message, english: false, retry: '' };
}

/** The whole text, in one line. */
export function errorMessage(t: Translate, error: unknown): string {
  const { lead, message, retry } = describeError(t, error);
  return [lead, message, retry].filter(Boolean).join(' ');
}
